/* atlas-content-reader.c — reads a content pack's XML files into an AtlasContent.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file is read with GMarkup. Every problem is collected with its file, line and column
 * rather than stopping at the first, so an author sees all of them at once; the rules that
 * need the whole pack are checked afterwards by atlas-content-rules.c. A start tag's attributes
 * and the references they make are read by atlas-content-attributes.c.
 *
 * Texts are translated as they are read: the text of an element, reconstructed exactly as
 * xgettext extracts it through po/atlas-content.its, is the msgid handed to dgettext.
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "atlas-content-private.h"
#include "atlas-file.h"

static const char *
parent_element (AtlasLoader *loader)
{
  return loader->stack->len >= 2 ? g_ptr_array_index (loader->stack, loader->stack->len - 2) : NULL;
}

static const char * const text_elements[] = {
  "title", "author", "publisher", "date", "contribution", "name", "definition", "summary", "p",
  "topic", "view", "why", "advice", "step", "caution", "text", NULL
};

/* Which text elements each item allows. */
static const char * const *
children_of (const char *element)
{
  static const char * const source[] = { "title", "author", "publisher", "date", "contribution", NULL };
  static const char * const term[] = { "name", "definition", NULL };
  static const char * const region[] = { "name", "summary", "articles", "anatomy", "disagreement", NULL };
  static const char * const section[] = { "p", NULL };
  static const char * const disagreement[] = { "topic", "view", NULL };
  static const char * const symptom[] = { "name", "why", NULL };
  static const char * const red_flag[] = { "name", "advice", NULL };
  static const char * const exercise[] = { "name", "summary", "step", "caution", "disagreement", NULL };
  static const char * const tour_step[] = { "title", "text", NULL };
  static const char * const root[] = { "source", "term", "region", "symptom", "red-flag", "exercise", "tour-step", NULL };

  if (element == NULL)
    return NULL;
  if (g_str_equal (element, "atlas-content"))
    return root;
  if (g_str_equal (element, "source"))
    return source;
  if (g_str_equal (element, "term"))
    return term;
  if (g_str_equal (element, "region"))
    return region;
  if (g_str_equal (element, "articles") || g_str_equal (element, "anatomy"))
    return section;
  if (g_str_equal (element, "disagreement"))
    return disagreement;
  if (g_str_equal (element, "symptom"))
    return symptom;
  if (g_str_equal (element, "red-flag"))
    return red_flag;
  if (g_str_equal (element, "exercise"))
    return exercise;
  if (g_str_equal (element, "tour-step"))
    return tour_step;

  return NULL;
}

static void
start_item (AtlasLoader *loader,
            const char  *element,
            const char **names,
            const char **values)
{
  const AtlasItemKind *kind = atlas_item_kind_lookup (element);
  gpointer item = NULL;
  const char *id = NULL;

  if (++loader->items > ATLAS_CONTENT_MAX_ITEMS)
    return;

  if (g_str_equal (element, "source"))
    {
      AtlasAttr attrs[] = { { "id", TRUE }, { "kind", TRUE }, { "short", FALSE } };
      static const char * const kinds[] = { "article", "reference", NULL };
      AtlasSource *source = g_new0 (AtlasSource, 1);

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      /* A citation's name is words ("Massage page") as often as a name: po/its translates it. */
      source->short_name = attrs[2].value != NULL ? g_strdup (dgettext (GETTEXT_PACKAGE, attrs[2].value)) : NULL;
      if (attrs[1].value != NULL && !atlas_is_one_of (attrs[1].value, kinds))
        atlas_loader_problem (loader, NULL, "<source> kind “%s” is not “article” or “reference”", attrs[1].value);
      source->is_article = g_strcmp0 (attrs[1].value, "article") == 0;
      item = source;
      id = attrs[0].value;
    }
  else if (g_str_equal (element, "term"))
    {
      AtlasAttr attrs[] = { { "id", TRUE } };
      AtlasTerm *term = g_new0 (AtlasTerm, 1);

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      item = term;
      id = attrs[0].value;
    }
  else if (g_str_equal (element, "region"))
    {
      AtlasAttr attrs[] = { { "id", TRUE } };
      AtlasRegionContent *region = g_new0 (AtlasRegionContent, 1);

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      region->articles = g_ptr_array_new_with_free_func (atlas_statement_free);
      region->anatomy = g_ptr_array_new_with_free_func (atlas_statement_free);
      region->disagreements = g_ptr_array_new_with_free_func (atlas_disagreement_free);
      item = region;
      id = attrs[0].value;
    }
  else if (g_str_equal (element, "symptom"))
    {
      AtlasAttr attrs[] = { { "id", TRUE }, { "group", TRUE }, { "sided", FALSE }, { "regions", TRUE }, { "cite", TRUE } };
      static const char * const groups[] = { "back", "hip", "groin-leg", "movement", NULL };
      static const char * const yes_no[] = { "yes", "no", NULL };
      AtlasSymptom *symptom = g_new0 (AtlasSymptom, 1);

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      symptom->group = g_strdup (attrs[1].value);
      if (attrs[1].value != NULL && !atlas_is_one_of (attrs[1].value, groups))
        atlas_loader_problem (loader, NULL, "<symptom> group “%s” is not one of back, hip, groin-leg, movement", attrs[1].value);
      if (attrs[2].value != NULL && !atlas_is_one_of (attrs[2].value, yes_no))
        atlas_loader_problem (loader, NULL, "<symptom> sided must be “yes” or “no”, not “%s”", attrs[2].value);
      symptom->sided = g_strcmp0 (attrs[2].value, "yes") == 0;
      symptom->regions = atlas_loader_split_ids (loader, attrs[3].value, ATLAS_REF_REGION);
      symptom->cites = atlas_loader_split_ids (loader, attrs[4].value, ATLAS_REF_SOURCE);
      item = symptom;
      id = attrs[0].value;
    }
  else if (g_str_equal (element, "red-flag"))
    {
      AtlasAttr attrs[] = { { "id", TRUE }, { "group", TRUE }, { "cite", TRUE }, { "urgency", FALSE } };
      AtlasRedFlag *flag = g_new0 (AtlasRedFlag, 1);
      const AtlasRedFlagGroup *group;

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      flag->group = g_strdup (attrs[1].value);
      atlas_loader_check_red_flag_group (loader, attrs[1].value);
      /* A sign is as urgent as its group, unless it says otherwise: a history of cancer with new
       * back pain needs a doctor the same day, the group's other signs a visit within days. */
      group = atlas_red_flag_group_lookup (attrs[1].value);
      flag->urgency = group != NULL ? group->urgency : ATLAS_URGENCY_SOON;
      if (attrs[3].value != NULL && !atlas_urgency_from_string (attrs[3].value, &flag->urgency))
        atlas_loader_problem (loader, NULL, "<red-flag> urgency “%s” is not one of ambulance, emergency, same-day, soon",
                              attrs[3].value);
      flag->cites = atlas_loader_split_ids (loader, attrs[2].value, ATLAS_REF_SOURCE);
      item = flag;
      id = attrs[0].value;
    }
  else if (g_str_equal (element, "exercise"))
    {
      AtlasAttr attrs[] = { { "id", TRUE }, { "kind", TRUE }, { "regions", TRUE }, { "cite", TRUE } };
      static const char * const kinds[] = { "stretch", "strengthen", "self-care", "hands-on", NULL };
      AtlasExercise *exercise = g_new0 (AtlasExercise, 1);

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      exercise->kind = g_strdup (attrs[1].value);
      if (attrs[1].value != NULL && !atlas_is_one_of (attrs[1].value, kinds))
        atlas_loader_problem (loader, NULL, "<exercise> kind “%s” is not one of stretch, strengthen, self-care, hands-on", attrs[1].value);
      exercise->regions = atlas_loader_split_ids (loader, attrs[2].value, ATLAS_REF_REGION);
      exercise->cites = atlas_loader_split_ids (loader, attrs[3].value, ATLAS_REF_SOURCE);
      exercise->steps = g_ptr_array_new_with_free_func (g_free);
      exercise->cautions = g_ptr_array_new_with_free_func (g_free);
      exercise->disagreements = g_ptr_array_new_with_free_func (atlas_disagreement_free);
      item = exercise;
      id = attrs[0].value;
    }
  else if (g_str_equal (element, "tour-step"))
    {
      AtlasAttr attrs[] = { { "id", TRUE }, { "view", TRUE }, { "region", TRUE }, { "cite", TRUE } };
      static const char * const views[] = { "front", "side", "section", NULL };
      AtlasTourStep *step = g_new0 (AtlasTourStep, 1);

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      step->view = g_strdup (attrs[1].value);
      if (attrs[1].value != NULL && !atlas_is_one_of (attrs[1].value, views))
        atlas_loader_problem (loader, NULL, "<tour-step> view “%s” is not one of front, side, section", attrs[1].value);
      step->region = g_strdup (attrs[2].value);
      /* Only the reference is wanted here: it is checked once every file is read. */
      if (attrs[2].value != NULL)
        g_strfreev (atlas_loader_split_ids (loader, attrs[2].value, ATLAS_REF_TOUR_REGION));
      /* A tour step teaches like any other statement, so it names its sources like one. */
      step->cites = atlas_loader_split_ids (loader, attrs[3].value, ATLAS_REF_SOURCE);
      item = step;
      id = attrs[0].value;
    }

  /* What every item has: an id, a place in its list, and a position for messages. */
  g_assert (kind != NULL && item != NULL);
  G_STRUCT_MEMBER (char *, item, kind->id) = g_strdup (id ? id : "");
  g_ptr_array_add (atlas_content_items (loader->content, kind), item);
  g_hash_table_insert (loader->where, item, atlas_loader_here_dup (loader));
  if (id != NULL)
    atlas_loader_claim_id (loader, kind, item);
  loader->item = item;
  loader->item_kind = element;
}

static void
loader_start_element (GMarkupParseContext *context,
                      const char          *element,
                      const char         **names,
                      const char         **values,
                      gpointer             user_data,
                      GError             **error)
{
  AtlasLoader *loader = user_data;
  const char *parent = loader->stack->len > 0 ? g_ptr_array_index (loader->stack, loader->stack->len - 1) : NULL;
  const char * const *allowed;

  g_ptr_array_add (loader->stack, g_strdup (element));
  atlas_loader_check_attributes (loader, element, names, values);

  if (loader->stack->len > ATLAS_CONTENT_MAX_DEPTH)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "elements nested deeper than %d levels",
                   ATLAS_CONTENT_MAX_DEPTH);
      return;
    }

  /* Inside a text, only <term> may appear, and only once deep. */
  if (loader->text != NULL)
    {
      AtlasAttr attrs[] = { { "ref", TRUE } };

      if (!g_str_equal (element, "term") || loader->in_term)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                       "<%s> is not allowed inside <%s>; text may only contain <term ref=\"…\">",
                       element, loader->text_element);
          return;
        }

      if (atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs)))
        {
          g_strfreev (atlas_loader_split_ids (loader, attrs[0].value, ATLAS_REF_TERM));

          g_string_append (loader->text, "<term ref=\"");
          atlas_rich_text_append_escaped (loader->text, attrs[0].value, -1);
          g_string_append (loader->text, "\">");
        }
      else
        g_string_append (loader->text, "<term ref=\"\">");
      loader->in_term = TRUE;
      return;
    }

  if (parent == NULL)
    {
      AtlasAttr attrs[] = { { "version", TRUE } };
      guint64 version = 0;

      if (!g_str_equal (element, "atlas-content"))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                       "the document is a <%s>, not an <atlas-content>", element);
          return;
        }

      if (atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs)) &&
          (!g_ascii_string_to_unsigned (attrs[0].value, 10, 1, G_MAXUINT32, &version, NULL) ||
           version > ATLAS_CONTENT_VERSION))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "content version “%s” is not one this version of Psoas Atlas understands (%d)",
                       attrs[0].value, ATLAS_CONTENT_VERSION);
        }
      return;
    }

  allowed = children_of (parent);
  if (allowed == NULL || !g_strv_contains (allowed, element))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "<%s> is not allowed inside <%s>", element, parent);
      return;
    }

  if (g_str_equal (parent, "atlas-content"))
    {
      start_item (loader, element, names, values);
      if (loader->items > ATLAS_CONTENT_MAX_ITEMS)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     "more than %d items", ATLAS_CONTENT_MAX_ITEMS);
      return;
    }

  if (g_str_equal (element, "articles") || g_str_equal (element, "anatomy"))
    {
      AtlasRegionContent *region = loader->item;

      atlas_loader_read_attrs (loader, element, names, values, NULL, 0);
      loader->section = g_str_equal (element, "articles") ? region->articles : region->anatomy;
      return;
    }

  if (g_str_equal (element, "disagreement"))
    {
      /* A region's page and an exercise can both say where the sources disagree: an article
       * may file an exercise under the wrong action, and the reference says so beside it. */
      GPtrArray *disagreements = g_str_equal (parent_element (loader), "exercise")
                                 ? ((AtlasExercise *) loader->item)->disagreements
                                 : ((AtlasRegionContent *) loader->item)->disagreements;
      AtlasAttr attrs[] = { { "id", TRUE } };
      AtlasDisagreement *disagreement = g_new0 (AtlasDisagreement, 1);

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      disagreement->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      disagreement->views = g_ptr_array_new_with_free_func (atlas_statement_free);
      g_ptr_array_add (disagreements, disagreement);
      g_hash_table_insert (loader->where, disagreement, atlas_loader_here_dup (loader));
      loader->disagreement = disagreement;
      return;
    }

  /* A text element. */
  g_assert (g_strv_contains (text_elements, element));
  g_clear_pointer (&loader->text_cites, g_strfreev);
  loader->text_kind = ATLAS_STATEMENT_PLAIN;

  if (g_str_equal (element, "p") || g_str_equal (element, "view"))
    {
      AtlasAttr attrs[] = { { "cite", TRUE }, { "kind", FALSE } };
      static const char * const kinds[] = { "anecdote", "opinion", NULL };

      atlas_loader_read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      loader->text_cites = atlas_loader_split_ids (loader, attrs[0].value, ATLAS_REF_SOURCE);
      if (attrs[1].value != NULL && !atlas_is_one_of (attrs[1].value, kinds))
        atlas_loader_problem (loader, NULL, "<%s> kind “%s” is not “anecdote” or “opinion”", element, attrs[1].value);
      else if (g_strcmp0 (attrs[1].value, "anecdote") == 0)
        loader->text_kind = ATLAS_STATEMENT_ANECDOTE;
      else if (g_strcmp0 (attrs[1].value, "opinion") == 0)
        loader->text_kind = ATLAS_STATEMENT_OPINION;
    }
  else
    atlas_loader_read_attrs (loader, element, names, values, NULL, 0);

  loader->text = g_string_new (NULL);
  g_free (loader->text_element);
  loader->text_element = g_strdup (element);
  loader->text_where = atlas_loader_here (loader);
}

static void
loader_text (GMarkupParseContext *context,
             const char          *text,
             gsize                len,
             gpointer             user_data,
             GError             **error)
{
  AtlasLoader *loader = user_data;

  if (loader->text != NULL)
    {
      atlas_loader_check_text_chars (loader, loader->text_element, text, len);
      atlas_rich_text_append_escaped (loader->text, text, len);
      return;
    }

  /* Outside texts only white space belongs. */
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        {
          const char *element = loader->stack->len > 0 ? g_ptr_array_index (loader->stack, loader->stack->len - 1) : "document";

          atlas_loader_problem (loader, NULL, "stray text in <%s>", element);
          return;
        }
    }
}

static void
store_text (AtlasLoader *loader,
            const char  *element,
            char        *text)
{
  const char *item = loader->item_kind;
  char **slot = NULL;

  if (g_str_equal (element, "p") || g_str_equal (element, "view"))
    {
      AtlasStatement *statement = g_new0 (AtlasStatement, 1);

      statement->text = text;
      statement->cites = g_steal_pointer (&loader->text_cites);
      statement->kind = loader->text_kind;
      g_ptr_array_add (g_str_equal (element, "p") ? loader->section : loader->disagreement->views, statement);
      return;
    }

  if (g_str_equal (element, "step") || g_str_equal (element, "caution"))
    {
      AtlasExercise *exercise = loader->item;

      g_ptr_array_add (g_str_equal (element, "step") ? exercise->steps : exercise->cautions, text);
      return;
    }

  if (g_str_equal (element, "topic"))
    slot = &loader->disagreement->topic;
  else if (g_str_equal (element, "author"))
    slot = &((AtlasSource *) loader->item)->author;
  else if (g_str_equal (element, "publisher"))
    slot = &((AtlasSource *) loader->item)->publisher;
  else if (g_str_equal (element, "date"))
    slot = &((AtlasSource *) loader->item)->date;
  else
    {
      /* Otherwise it is one of the two texts every item has. */
      const AtlasItemKind *kind = atlas_item_kind_lookup (item);
      guint which = g_str_equal (element, kind->required[0]) ? 0 : 1;

      slot = &G_STRUCT_MEMBER (char *, loader->item, kind->required_at[which]);
    }

  g_assert (slot != NULL);
  if (*slot != NULL)
    {
      atlas_loader_problem (loader, NULL, "<%s> appears twice in one <%s>", element, item);
      g_free (text);
      return;
    }
  *slot = text;
}


/* Whether @text shows anything: no-break and other Unicode spaces, zero-width characters and
 * empty <term> tags alone make a field that looks empty on screen, so it is refused as empty. */
static gboolean
has_visible_text (const char *text)
{
  gboolean in_tag = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '<')
        in_tag = TRUE;
      else if (c == '>')
        in_tag = FALSE;
      else if (!in_tag && !g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        return TRUE;
    }

  return FALSE;
}

static void
loader_end_element (GMarkupParseContext *context,
                    const char          *element,
                    gpointer             user_data,
                    GError             **error)
{
  AtlasLoader *loader = user_data;

  if (loader->text != NULL && g_str_equal (element, "term") && loader->in_term)
    {
      g_string_append (loader->text, "</term>");
      loader->in_term = FALSE;
    }
  else if (loader->text != NULL)
    {
      g_autofree char *msgid = atlas_rich_text_collapse_whitespace (loader->text->str);
      const char *translated;

      g_string_free (loader->text, TRUE);
      loader->text = NULL;

      if (!has_visible_text (msgid))
        atlas_loader_problem (loader, NULL, "<%s> is empty", element);
      atlas_loader_check_text (loader, element, msgid);

      /* A translation whose markup is broken is not trusted: the English stays. Plain
       * dgettext, not g_dgettext: GLib's decides once per process whether to translate, from
       * the interface's language, and a handout may be in another one (atlas-language.c). */
      translated = dgettext (GETTEXT_PACKAGE, msgid);
      if (translated != msgid && !atlas_rich_text_is_valid (translated))
        translated = msgid;
      store_text (loader, element, g_strdup (translated));
    }
  else if (g_str_equal (element, "articles") || g_str_equal (element, "anatomy"))
    loader->section = NULL;
  else if (g_str_equal (element, "disagreement"))
    {
      if (loader->disagreement->topic == NULL)
        atlas_loader_problem (loader, g_hash_table_lookup (loader->where, loader->disagreement), "<disagreement> needs a <topic>");
      if (loader->disagreement->views->len < 2)
        atlas_loader_problem (loader, g_hash_table_lookup (loader->where, loader->disagreement),
                 "<disagreement> needs at least two <view>s: one is not a disagreement");
      loader->disagreement = NULL;
    }
  else if (g_strcmp0 (parent_element (loader), "atlas-content") == 0)
    loader->item = NULL;

  g_free (g_ptr_array_steal_index (loader->stack, loader->stack->len - 1));
}

static const GMarkupParser loader_parser = {
  loader_start_element,
  loader_end_element,
  loader_text,
  NULL,
  NULL,
};

/* ------------------------------------------------------------------------------------------ */
/* Whole files and packs                                                                      */

static void
parse_file (AtlasLoader *loader,
            GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = g_file_get_path (file);
  const char *data;
  gsize size;

  atlas_loader_start_file (loader, g_file_get_parse_name (file));

  if (path != NULL)
    {
      /* A user's file: never through a link, never waiting on a FIFO (see atlas-file.c). */
      char *contents = NULL;

      if (!atlas_file_read_regular (path, ATLAS_CONTENT_MAX_FILE_BYTES, &contents, &size, &error))
        {
          /* Never its contents; at 1:1 so that editors reading file:line:column open it. */
          g_ptr_array_add (loader->problems, g_strdup_printf ("%s:1:1: %s", loader->name, error->message));
          return;
        }
      bytes = g_bytes_new_take (contents, size);
    }
  else
    {
      /* The built-in pack, in the resources. */
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL && g_file_info_get_size (info) > ATLAS_CONTENT_MAX_FILE_BYTES)
        {
          g_ptr_array_add (loader->problems, g_strdup_printf ("%s:1:1: the file is larger than %d bytes",
                                                              loader->name, ATLAS_CONTENT_MAX_FILE_BYTES));
          return;
        }

      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      if (bytes == NULL)
        {
          g_ptr_array_add (loader->problems, g_strdup_printf ("%s:1:1: %s", loader->name, error->message));
          return;
        }
    }

  data = g_bytes_get_data (bytes, &size);
  if (size > ATLAS_CONTENT_MAX_FILE_BYTES)
    {
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s:1:1: the file is larger than %d bytes",
                                                          loader->name, ATLAS_CONTENT_MAX_FILE_BYTES));
      return;
    }
  if (size == 0)
    {
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s:1:1: the file is empty", loader->name));
      return;
    }
  {
    const char *bad = NULL;

    if (!g_utf8_validate (data, size, &bad))
      {
        /* Where, so the author can find the stray byte (often a file saved as Latin-1). */
        int line = 1, column = 1;

        for (const char *p = data; p < bad; p++)
          {
            if (*p == '\n')
              line++, column = 1;
            else if ((*p & 0xc0) != 0x80)
              column++;
          }
        g_ptr_array_add (loader->problems, g_strdup_printf ("%s:%d:%d: the file is not valid UTF-8", loader->name, line, column));
        return;
      }
  }

  /* Editors on some systems start a UTF-8 file with a byte-order mark; it means nothing more. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  loader->data = data;
  loader->size = size;
  loader->context = g_markup_parse_context_new (&loader_parser, 0, loader, NULL);
  if (!g_markup_parse_context_parse (loader->context, data, size, &error) ||
      !g_markup_parse_context_end_parse (loader->context, &error))
    {
      const char *message = error->message;
      int line = 0, column = 0;
      g_autofree char *position = NULL;
      GHashTableIter iter;
      gpointer item, where;

      /* Items of a file that stopped half-way would only add "needs a <name>" noise. */
      g_hash_table_iter_init (&iter, loader->where);
      while (g_hash_table_iter_next (&iter, &item, &where))
        if (((AtlasWhere *) where)->file == loader->name && ((AtlasWhere *) where)->line > 0)
          g_hash_table_add (loader->unfinished, item);

      /* Our own structural errors point at their tag; GMarkup's at where it stopped. */
      if (error->domain == G_MARKUP_ERROR && (error->code == G_MARKUP_ERROR_UNKNOWN_ELEMENT ||
                                              error->code == G_MARKUP_ERROR_INVALID_CONTENT) &&
          !g_str_has_prefix (message, "Error on line"))
        {
          AtlasWhere here = atlas_loader_here (loader);

          position = atlas_where_format (&here);
        }
      else
        {
          g_markup_parse_context_get_position (loader->context, &line, &column);
          position = g_strdup_printf ("%s:%d:%d", loader->name, line, column);
        }

      if (g_str_has_prefix (message, "Error on line") && strstr (message, ": ") != NULL)
        message = strstr (message, ": ") + 2;
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s: %s", position, message));
    }

  /* Whatever the parse left half-open is dropped with the pack; just reset the state. */
  g_clear_pointer (&loader->context, g_markup_parse_context_free);
  loader->data = NULL;
  loader->size = 0;
  if (loader->text != NULL)
    g_string_free (g_steal_pointer (&loader->text), TRUE);
  g_ptr_array_set_size (loader->stack, 0);
  loader->item = NULL;
  loader->section = NULL;
  loader->disagreement = NULL;
  loader->in_term = FALSE;
}

/* Reads a pack into a new AtlasContent. Returns it with no problems, or NULL with @problems
 * filled in. A pack that @stands_alone (the built-in one, or one validated on its own) must
 * also have everything the application needs, such as a red flag in every group. */
AtlasContent *
atlas_content_read_pack (GFile        *directory,
                         AtlasContent *base,
                         gboolean      stands_alone,
                         GPtrArray    *problems)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) pack = atlas_content_new ();
  g_autofree char *name = g_file_get_parse_name (directory);
  guint before = problems->len;
  AtlasLoader loader = { 0, };
  GFileInfo *info;

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (enumerator == NULL)
    {
      /* GIO's message repeats the path, as "(null)" when it is not UTF-8: keep only the reason. */
      const char *reason = g_strrstr (error->message, ": ");

      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, reason ? reason + 2 : error->message));
      return NULL;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      const char *file_name = g_file_info_get_name (info);

      /* Hidden files are an editor's or a file manager's, not the author's: Emacs keeps a lock
       * link “.#pack.xml” beside a file being edited, macOS copies leave “._pack.xml”. */
      if (file_name[0] == '.')
        ;
      else if (g_str_has_suffix (file_name, ".xml") && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        g_ptr_array_add (files, g_file_get_child (directory, file_name));
      else if (g_str_has_suffix (file_name, ".xml"))
        {
          /* A link could point anywhere and a FIFO would never end: neither is read, and the
           * author is told rather than left wondering where the content went. */
          g_autoptr(GFile) child = g_file_get_child (directory, file_name);
          g_autofree char *shown = g_file_get_parse_name (child);

          g_ptr_array_add (problems, g_strdup_printf ("%s: not a plain file (a symbolic link or a device); content files must be plain files", shown));
        }
      g_object_unref (info);

      if (files->len > ATLAS_CONTENT_MAX_FILES)
        {
          g_ptr_array_add (problems, g_strdup_printf ("%s: more than %d content files", name, ATLAS_CONTENT_MAX_FILES));
          return NULL;
        }
    }

  if (files->len == 0)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: no content files (*.xml) in this folder", name));
      return NULL;
    }

  /* A stable order, so messages and "first defined at" are the same on every run. */
  g_ptr_array_sort (files, atlas_content_compare_files);

  loader.content = pack;
  loader.base = base;
  loader.problems = problems;
  loader.refs = g_ptr_array_new_with_free_func (atlas_ref_free);
  loader.where = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  loader.unfinished = g_hash_table_new (NULL, NULL);
  loader.stack = g_ptr_array_new_with_free_func (g_free);
  loader.names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < files->len; i++)
    parse_file (&loader, g_ptr_array_index (files, i));

  atlas_loader_check_pack (&loader);
  if (stands_alone)
    atlas_loader_check_complete (&loader, name);

  g_ptr_array_unref (loader.refs);
  g_hash_table_unref (loader.where);
  g_hash_table_unref (loader.unfinished);
  g_ptr_array_unref (loader.stack);
  g_clear_pointer (&loader.text_cites, g_strfreev);
  g_free (loader.text_element);
  g_ptr_array_unref (loader.names);

  if (problems->len > before)
    return NULL;

  return g_steal_pointer (&pack);
}
