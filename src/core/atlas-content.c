/* atlas-content.c — the teaching content: sources, regions, glossary, symptoms, exercises, tour.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A content pack is a folder of XML files read with GMarkup. Loading is all or nothing: every
 * file of a pack is parsed into a fresh AtlasContent, every rule and every cross-reference is
 * checked, and only a pack with no problem at all is merged into the content the application
 * shows. A broken pack is reported (each problem with its file, line and column) and skipped,
 * so the user never sees half of one.
 *
 * Texts are translated as they are read: the text of an element, reconstructed exactly as
 * xgettext extracts it through po/atlas-content.its, is the msgid handed to g_dgettext.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pango.h>
#include <string.h>

#include "atlas-content.h"
#include "atlas-core.h"

struct _AtlasContent
{
  GObject     parent_instance;

  GPtrArray  *sources;
  GPtrArray  *terms;
  GPtrArray  *regions;
  GPtrArray  *symptoms;
  GPtrArray  *red_flags;
  GPtrArray  *exercises;
  GPtrArray  *tour;

  GHashTable *source_ids;
  GHashTable *term_ids;
  GHashTable *region_ids;
  GHashTable *symptom_ids;
  GHashTable *red_flag_ids;
  GHashTable *exercise_ids;
  GHashTable *tour_ids;
};

G_DEFINE_FINAL_TYPE (AtlasContent, atlas_content, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-content-error-quark, atlas_content_error)

/* ------------------------------------------------------------------------------------------ */
/* Freeing                                                                                    */

static void
statement_free (gpointer data)
{
  AtlasStatement *statement = data;

  g_free (statement->text);
  g_strfreev (statement->cites);
  g_free (statement);
}

static void
source_free (gpointer data)
{
  AtlasSource *source = data;

  g_free (source->id);
  g_free (source->short_name);
  g_free (source->title);
  g_free (source->author);
  g_free (source->publisher);
  g_free (source->date);
  g_free (source->contribution);
  g_free (source);
}

static void
term_free (gpointer data)
{
  AtlasTerm *term = data;

  g_free (term->id);
  g_free (term->name);
  g_free (term->definition);
  g_free (term);
}

static void
disagreement_free (gpointer data)
{
  AtlasDisagreement *disagreement = data;

  g_free (disagreement->id);
  g_free (disagreement->topic);
  g_ptr_array_unref (disagreement->views);
  g_free (disagreement);
}

static void
region_free (gpointer data)
{
  AtlasRegionContent *region = data;

  g_free (region->id);
  g_free (region->name);
  g_free (region->summary);
  g_ptr_array_unref (region->articles);
  g_ptr_array_unref (region->anatomy);
  g_ptr_array_unref (region->disagreements);
  g_free (region);
}

static void
symptom_free (gpointer data)
{
  AtlasSymptom *symptom = data;

  g_free (symptom->id);
  g_free (symptom->group);
  g_strfreev (symptom->regions);
  g_strfreev (symptom->cites);
  g_free (symptom->name);
  g_free (symptom->why);
  g_free (symptom);
}

static void
red_flag_free (gpointer data)
{
  AtlasRedFlag *flag = data;

  g_free (flag->id);
  g_free (flag->group);
  g_strfreev (flag->cites);
  g_free (flag->name);
  g_free (flag->advice);
  g_free (flag);
}

static void
exercise_free (gpointer data)
{
  AtlasExercise *exercise = data;

  g_free (exercise->id);
  g_free (exercise->kind);
  g_strfreev (exercise->regions);
  g_strfreev (exercise->cites);
  g_free (exercise->name);
  g_free (exercise->summary);
  g_ptr_array_unref (exercise->steps);
  g_ptr_array_unref (exercise->cautions);
  g_free (exercise);
}

static void
tour_step_free (gpointer data)
{
  AtlasTourStep *step = data;

  g_free (step->id);
  g_free (step->view);
  g_free (step->region);
  g_free (step->title);
  g_free (step->text);
  g_free (step);
}

static void
atlas_content_finalize (GObject *object)
{
  AtlasContent *self = ATLAS_CONTENT (object);

  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->terms);
  g_ptr_array_unref (self->regions);
  g_ptr_array_unref (self->symptoms);
  g_ptr_array_unref (self->red_flags);
  g_ptr_array_unref (self->exercises);
  g_ptr_array_unref (self->tour);
  g_hash_table_unref (self->source_ids);
  g_hash_table_unref (self->term_ids);
  g_hash_table_unref (self->region_ids);
  g_hash_table_unref (self->symptom_ids);
  g_hash_table_unref (self->red_flag_ids);
  g_hash_table_unref (self->exercise_ids);
  g_hash_table_unref (self->tour_ids);

  G_OBJECT_CLASS (atlas_content_parent_class)->finalize (object);
}

static void
atlas_content_class_init (AtlasContentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_content_finalize;
}

static void
atlas_content_init (AtlasContent *self)
{
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->terms = g_ptr_array_new_with_free_func (term_free);
  self->regions = g_ptr_array_new_with_free_func (region_free);
  self->symptoms = g_ptr_array_new_with_free_func (symptom_free);
  self->red_flags = g_ptr_array_new_with_free_func (red_flag_free);
  self->exercises = g_ptr_array_new_with_free_func (exercise_free);
  self->tour = g_ptr_array_new_with_free_func (tour_step_free);
  self->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->region_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->symptom_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->red_flag_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->exercise_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->tour_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

AtlasContent *
atlas_content_new (void)
{
  return g_object_new (ATLAS_TYPE_CONTENT, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Rich text                                                                                  */

/* Escapes as xgettext serialises text nodes: only &, < and >. Quotes stay as they are. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static char *
collapse_whitespace (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

typedef void (*RichTextVisitor) (const char *text,
                                 gsize       len,
                                 const char *term,
                                 gpointer    data);

/* Walks rich text: calls @visit for each run, with @term set inside a <term>. Returns FALSE
 * if the text is not well formed (only a translation could make it so). */
static gboolean
rich_text_walk (const char      *rich,
                RichTextVisitor  visit,
                gpointer         data)
{
  const char *p = rich;

  while (*p)
    {
      const char *open = strstr (p, "<term ref=\"");
      const char *ref, *ref_end, *close;
      g_autofree char *term = NULL;

      if (open == NULL)
        {
          visit (p, strlen (p), NULL, data);
          break;
        }

      if (open > p)
        visit (p, open - p, NULL, data);

      ref = open + strlen ("<term ref=\"");
      ref_end = strstr (ref, "\">");
      if (ref_end == NULL)
        return FALSE;
      close = strstr (ref_end, "</term>");
      if (close == NULL)
        return FALSE;

      term = g_strndup (ref, ref_end - ref);
      visit (ref_end + 2, close - (ref_end + 2), term, data);
      p = close + strlen ("</term>");
    }

  return TRUE;
}

static void
markup_visitor (const char *text,
                gsize       len,
                const char *term,
                gpointer    data)
{
  GString *out = data;

  /* The text is already escaped for XML, which is also valid Pango markup. */
  if (term != NULL)
    {
      g_autofree char *href = g_markup_escape_text (term, -1);

      g_string_append_printf (out, "<a href=\"term:%s\">", href);
      g_string_append_len (out, text, len);
      g_string_append (out, "</a>");
    }
  else
    g_string_append_len (out, text, len);
}

/**
 * atlas_rich_text_to_markup:
 *
 * Returns: (transfer full): Pango markup, with each glossary term as a link "term:ID"
 */
char *
atlas_rich_text_to_markup (const char *rich_text)
{
  GString *out = g_string_new (NULL);

  if (!rich_text_walk (rich_text, markup_visitor, out))
    {
      g_string_free (out, TRUE);
      return g_markup_escape_text (rich_text, -1);
    }

  return g_string_free (out, FALSE);
}

static void
plain_visitor (const char *text,
               gsize       len,
               const char *term,
               gpointer    data)
{
  g_string_append_len (data, text, len);
}

/* Well formed: every <term ref="…">…</term> closed, and the rest plain escaped text. The
 * loader makes sure of it for what it reads; a translation has to be checked. */
static gboolean
rich_text_is_valid (const char *rich_text)
{
  g_autoptr(GString) rest = g_string_new (NULL);

  if (!rich_text_walk (rich_text, plain_visitor, rest))
    return FALSE;

  return strchr (rest->str, '<') == NULL && strchr (rest->str, '>') == NULL &&
         pango_parse_markup (rest->str, -1, 0, NULL, NULL, NULL, NULL);
}

/**
 * atlas_rich_text_to_plain:
 *
 * Returns: (transfer full): the text without markup, unescaped
 */
char *
atlas_rich_text_to_plain (const char *rich_text)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  if (!rich_text_walk (rich_text, plain_visitor, escaped))
    g_string_assign (escaped, rich_text);

  for (const char *p = escaped->str; *p; p++)
    {
      if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (out, '&'), p += 4;
      else if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (out, '<'), p += 3;
      else if (g_str_has_prefix (p, "&gt;"))
        g_string_append_c (out, '>'), p += 3;
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* The loader                                                                                 */

typedef enum
{
  REF_SOURCE,
  REF_TERM,
  REF_REGION,
  REF_TOUR_REGION,
} RefKind;

typedef struct
{
  RefKind  kind;
  char    *id;
  char    *where;   /* "file:line:column" */
} Ref;

static void
ref_free (gpointer data)
{
  Ref *ref = data;

  g_free (ref->id);
  g_free (ref->where);
  g_free (ref);
}

typedef struct
{
  AtlasContent        *content;     /* what this pack adds */
  AtlasContent        *base;        /* what is already loaded; references may point into it */
  GPtrArray           *problems;
  GPtrArray           *refs;
  GHashTable          *where;       /* item → "file:line:column" */
  GHashTable          *unfinished;  /* items of files that failed to parse: not checked further */
  GMarkupParseContext *context;
  char                *name;        /* the current file, for messages */
  const char          *data;        /* its text */
  gsize                size;
  GPtrArray           *stack;       /* element names */
  guint                items;

  /* The item being read. */
  gpointer             item;
  const char          *item_kind;
  GPtrArray           *section;     /* articles or anatomy of the current region */
  AtlasDisagreement   *disagreement;

  /* The text being read. */
  GString             *text;
  char                *text_element;
  GStrv                text_cites;
  AtlasStatementKind   text_kind;
  gboolean             in_term;
} Loader;

/* Where the tag being handled starts. GMarkup reports the position after a start tag and the
 * white space that follows it, often on the next line; people want the line of the tag. */
static char *
here (Loader *loader)
{
  int line = 0, column = 0, tag_line = 1, tag_column = 1;
  const char *p = loader->data, *end = loader->data + loader->size, *tag;

  if (loader->context == NULL)
    return g_strdup (loader->name);

  g_markup_parse_context_get_position (loader->context, &line, &column);

  for (int l = 1; l < line && p < end; p++)
    if (*p == '\n')
      l++;
  for (int c = 1; c < column && p < end; c++)
    p = g_utf8_next_char (p);
  if (p > end)
    p = end;

  for (tag = p; tag > loader->data && *tag != '<'; tag--)
    ;

  for (const char *q = loader->data; q < tag; q = g_utf8_next_char (q))
    {
      if (*q == '\n')
        {
          tag_line++;
          tag_column = 1;
        }
      else
        tag_column++;
    }

  return g_strdup_printf ("%s:%d:%d", loader->name, tag_line, tag_column);
}

static void
problem (Loader     *loader,
         const char *where,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Loader     *loader,
         const char *where,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *position = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where == NULL)
    where = position = here (loader);

  g_ptr_array_add (loader->problems, g_strdup_printf ("%s: %s", where, message));
}

static const char *
parent_element (Loader *loader)
{
  return loader->stack->len >= 2 ? g_ptr_array_index (loader->stack, loader->stack->len - 2) : NULL;
}

typedef struct
{
  const char *name;
  gboolean    required;
  const char *value;
} Attr;

/* Checks attributes against what the element allows; returns FALSE if a required one is missing. */
static gboolean
read_attrs (Loader      *loader,
            const char  *element,
            const char **names,
            const char **values,
            Attr        *attrs,
            guint        n_attrs)
{
  gboolean ok = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint a = 0; a < n_attrs; a++)
        {
          if (g_str_equal (names[i], attrs[a].name))
            {
              attrs[a].value = values[i];
              known = TRUE;
            }
        }

      if (!known)
        problem (loader, NULL, "<%s> has no attribute “%s”", element, names[i]);
    }

  for (guint a = 0; a < n_attrs; a++)
    {
      if (attrs[a].required && (attrs[a].value == NULL || attrs[a].value[0] == '\0'))
        {
          problem (loader, NULL, "<%s> needs a “%s” attribute", element, attrs[a].name);
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
is_one_of (const char         *value,
           const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 100)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

static GStrv
split_ids (Loader     *loader,
           const char *value,
           RefKind     kind)
{
  g_auto(GStrv) parts = g_strsplit_set (value ? value : "", " \t\r\n", -1);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      Ref *ref;

      if (parts[i][0] == '\0')
        continue;

      ref = g_new0 (Ref, 1);
      ref->kind = kind;
      ref->id = g_strdup (parts[i]);
      ref->where = here (loader);
      g_ptr_array_add (loader->refs, ref);
      g_ptr_array_add (ids, g_strdup (parts[i]));
    }

  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (ids, FALSE);
}

/* Registers an item's id, refusing duplicates within the pack and against what is loaded. */
static gboolean
claim_id (Loader     *loader,
          GHashTable *ids,
          GHashTable *base_ids,
          const char *kind,
          const char *id,
          gpointer    item)
{
  if (!valid_id (id))
    {
      problem (loader, NULL, "the %s id “%s” may only hold letters, digits, “-” and “_”", kind, id);
      return FALSE;
    }

  if (g_hash_table_contains (ids, id))
    {
      problem (loader, NULL, "the %s id “%s” is used twice (first at %s)", kind, id,
               (const char *) g_hash_table_lookup (loader->where, g_hash_table_lookup (ids, id)));
      return FALSE;
    }

  if (base_ids != NULL && g_hash_table_contains (base_ids, id))
    {
      problem (loader, NULL, "the %s id “%s” is already defined by the built-in content", kind, id);
      return FALSE;
    }

  g_hash_table_insert (ids, (gpointer) id, item);
  g_hash_table_insert (loader->where, item, here (loader));
  return TRUE;
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
  static const char * const exercise[] = { "name", "summary", "step", "caution", NULL };
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
start_item (Loader      *loader,
            const char  *element,
            const char **names,
            const char **values)
{
  AtlasContent *content = loader->content;
  AtlasContent *base = loader->base;

  if (++loader->items > ATLAS_CONTENT_MAX_ITEMS)
    return;

  if (g_str_equal (element, "source"))
    {
      Attr attrs[] = { { "id", TRUE }, { "kind", TRUE }, { "short", FALSE } };
      static const char * const kinds[] = { "article", "reference", NULL };
      AtlasSource *source = g_new0 (AtlasSource, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      source->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      source->short_name = g_strdup (attrs[2].value);
      if (attrs[1].value != NULL && !is_one_of (attrs[1].value, kinds))
        problem (loader, NULL, "<source> kind “%s” is not “article” or “reference”", attrs[1].value);
      source->is_article = g_strcmp0 (attrs[1].value, "article") == 0;
      g_ptr_array_add (content->sources, source);
      if (attrs[0].value)
        claim_id (loader, content->source_ids, base ? base->source_ids : NULL, "source", source->id, source);
      loader->item = source;
    }
  else if (g_str_equal (element, "term"))
    {
      Attr attrs[] = { { "id", TRUE } };
      AtlasTerm *term = g_new0 (AtlasTerm, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      term->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      g_ptr_array_add (content->terms, term);
      if (attrs[0].value)
        claim_id (loader, content->term_ids, base ? base->term_ids : NULL, "glossary term", term->id, term);
      loader->item = term;
    }
  else if (g_str_equal (element, "region"))
    {
      Attr attrs[] = { { "id", TRUE } };
      AtlasRegionContent *region = g_new0 (AtlasRegionContent, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      region->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      region->articles = g_ptr_array_new_with_free_func (statement_free);
      region->anatomy = g_ptr_array_new_with_free_func (statement_free);
      region->disagreements = g_ptr_array_new_with_free_func (disagreement_free);
      g_ptr_array_add (content->regions, region);
      if (attrs[0].value)
        claim_id (loader, content->region_ids, base ? base->region_ids : NULL, "region", region->id, region);
      loader->item = region;
    }
  else if (g_str_equal (element, "symptom"))
    {
      Attr attrs[] = { { "id", TRUE }, { "group", TRUE }, { "sided", FALSE }, { "regions", TRUE }, { "cite", TRUE } };
      static const char * const groups[] = { "back", "hip", "groin-leg", "movement", NULL };
      static const char * const yes_no[] = { "yes", "no", NULL };
      AtlasSymptom *symptom = g_new0 (AtlasSymptom, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      symptom->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      symptom->group = g_strdup (attrs[1].value);
      if (attrs[1].value != NULL && !is_one_of (attrs[1].value, groups))
        problem (loader, NULL, "<symptom> group “%s” is not one of back, hip, groin-leg, movement", attrs[1].value);
      if (attrs[2].value != NULL && !is_one_of (attrs[2].value, yes_no))
        problem (loader, NULL, "<symptom> sided must be “yes” or “no”, not “%s”", attrs[2].value);
      symptom->sided = g_strcmp0 (attrs[2].value, "yes") == 0;
      symptom->regions = split_ids (loader, attrs[3].value, REF_REGION);
      symptom->cites = split_ids (loader, attrs[4].value, REF_SOURCE);
      g_ptr_array_add (content->symptoms, symptom);
      if (attrs[0].value)
        claim_id (loader, content->symptom_ids, base ? base->symptom_ids : NULL, "symptom", symptom->id, symptom);
      loader->item = symptom;
    }
  else if (g_str_equal (element, "red-flag"))
    {
      Attr attrs[] = { { "id", TRUE }, { "group", TRUE }, { "cite", TRUE } };
      static const char * const groups[] = { "cauda-equina", "fracture", "cancer", "infection", NULL };
      AtlasRedFlag *flag = g_new0 (AtlasRedFlag, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      flag->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      flag->group = g_strdup (attrs[1].value);
      if (attrs[1].value != NULL && !is_one_of (attrs[1].value, groups))
        problem (loader, NULL, "<red-flag> group “%s” is not one of cauda-equina, fracture, cancer, infection", attrs[1].value);
      flag->cites = split_ids (loader, attrs[2].value, REF_SOURCE);
      g_ptr_array_add (content->red_flags, flag);
      if (attrs[0].value)
        claim_id (loader, content->red_flag_ids, base ? base->red_flag_ids : NULL, "red flag", flag->id, flag);
      loader->item = flag;
    }
  else if (g_str_equal (element, "exercise"))
    {
      Attr attrs[] = { { "id", TRUE }, { "kind", TRUE }, { "regions", TRUE }, { "cite", TRUE } };
      static const char * const kinds[] = { "stretch", "strengthen", "self-care", "hands-on", NULL };
      AtlasExercise *exercise = g_new0 (AtlasExercise, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      exercise->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      exercise->kind = g_strdup (attrs[1].value);
      if (attrs[1].value != NULL && !is_one_of (attrs[1].value, kinds))
        problem (loader, NULL, "<exercise> kind “%s” is not one of stretch, strengthen, self-care, hands-on", attrs[1].value);
      exercise->regions = split_ids (loader, attrs[2].value, REF_REGION);
      exercise->cites = split_ids (loader, attrs[3].value, REF_SOURCE);
      exercise->steps = g_ptr_array_new_with_free_func (g_free);
      exercise->cautions = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (content->exercises, exercise);
      if (attrs[0].value)
        claim_id (loader, content->exercise_ids, base ? base->exercise_ids : NULL, "exercise", exercise->id, exercise);
      loader->item = exercise;
    }
  else if (g_str_equal (element, "tour-step"))
    {
      Attr attrs[] = { { "id", TRUE }, { "view", TRUE }, { "region", TRUE } };
      static const char * const views[] = { "front", "side", "section", NULL };
      AtlasTourStep *step = g_new0 (AtlasTourStep, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      step->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      step->view = g_strdup (attrs[1].value);
      if (attrs[1].value != NULL && !is_one_of (attrs[1].value, views))
        problem (loader, NULL, "<tour-step> view “%s” is not one of front, side, section", attrs[1].value);
      step->region = g_strdup (attrs[2].value);
      /* Only the reference is wanted here: it is checked once every file is read. */
      if (attrs[2].value != NULL)
        g_strfreev (split_ids (loader, attrs[2].value, REF_TOUR_REGION));
      g_ptr_array_add (content->tour, step);
      if (attrs[0].value)
        claim_id (loader, content->tour_ids, base ? base->tour_ids : NULL, "tour step", step->id, step);
      loader->item = step;
    }

  loader->item_kind = element;
}

static void
loader_start_element (GMarkupParseContext  *context,
                      const char           *element,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  Loader *loader = user_data;
  const char *parent = loader->stack->len > 0 ? g_ptr_array_index (loader->stack, loader->stack->len - 1) : NULL;
  const char * const *allowed;

  g_ptr_array_add (loader->stack, g_strdup (element));

  if (loader->stack->len > ATLAS_CONTENT_MAX_DEPTH)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "elements nested deeper than %d levels",
                   ATLAS_CONTENT_MAX_DEPTH);
      return;
    }

  /* Inside a text, only <term> may appear, and only once deep. */
  if (loader->text != NULL)
    {
      Attr attrs[] = { { "ref", TRUE } };

      if (!g_str_equal (element, "term") || loader->in_term)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                       "<%s> is not allowed inside <%s>; text may only contain <term ref=\"…\">",
                       element, loader->text_element);
          return;
        }

      if (read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs)))
        {
          g_strfreev (split_ids (loader, attrs[0].value, REF_TERM));

          g_string_append (loader->text, "<term ref=\"");
          append_escaped (loader->text, attrs[0].value, -1);
          g_string_append (loader->text, "\">");
        }
      else
        g_string_append (loader->text, "<term ref=\"\">");
      loader->in_term = TRUE;
      return;
    }

  if (parent == NULL)
    {
      Attr attrs[] = { { "version", TRUE } };
      guint64 version = 0;

      if (!g_str_equal (element, "atlas-content"))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                       "the document is a <%s>, not an <atlas-content>", element);
          return;
        }

      if (read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs)) &&
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

      read_attrs (loader, element, names, values, NULL, 0);
      loader->section = g_str_equal (element, "articles") ? region->articles : region->anatomy;
      return;
    }

  if (g_str_equal (element, "disagreement"))
    {
      AtlasRegionContent *region = loader->item;
      Attr attrs[] = { { "id", TRUE } };
      AtlasDisagreement *disagreement = g_new0 (AtlasDisagreement, 1);

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      disagreement->id = g_strdup (attrs[0].value ? attrs[0].value : "");
      disagreement->views = g_ptr_array_new_with_free_func (statement_free);
      g_ptr_array_add (region->disagreements, disagreement);
      g_hash_table_insert (loader->where, disagreement, here (loader));
      loader->disagreement = disagreement;
      return;
    }

  /* A text element. */
  g_assert (g_strv_contains (text_elements, element));
  g_clear_pointer (&loader->text_cites, g_strfreev);
  loader->text_kind = ATLAS_STATEMENT_PLAIN;

  if (g_str_equal (element, "p") || g_str_equal (element, "view"))
    {
      Attr attrs[] = { { "cite", TRUE }, { "kind", FALSE } };
      static const char * const kinds[] = { "anecdote", "opinion", NULL };

      read_attrs (loader, element, names, values, attrs, G_N_ELEMENTS (attrs));
      loader->text_cites = split_ids (loader, attrs[0].value, REF_SOURCE);
      if (attrs[1].value != NULL && !is_one_of (attrs[1].value, kinds))
        problem (loader, NULL, "<%s> kind “%s” is not “anecdote” or “opinion”", element, attrs[1].value);
      else if (g_strcmp0 (attrs[1].value, "anecdote") == 0)
        loader->text_kind = ATLAS_STATEMENT_ANECDOTE;
      else if (g_strcmp0 (attrs[1].value, "opinion") == 0)
        loader->text_kind = ATLAS_STATEMENT_OPINION;
    }
  else
    read_attrs (loader, element, names, values, NULL, 0);

  loader->text = g_string_new (NULL);
  g_free (loader->text_element);
  loader->text_element = g_strdup (element);
}

static void
loader_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  Loader *loader = user_data;

  if (loader->text != NULL)
    {
      append_escaped (loader->text, text, len);
      return;
    }

  /* Outside texts only white space belongs. */
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        {
          const char *element = loader->stack->len > 0 ? g_ptr_array_index (loader->stack, loader->stack->len - 1) : "document";

          problem (loader, NULL, "stray text in <%s>", element);
          return;
        }
    }
}

static void
store_text (Loader     *loader,
            const char *element,
            char       *text)
{
  const char *item = loader->item_kind;
  char **slot = NULL;

  if (g_str_equal (element, "p"))
    {
      AtlasStatement *statement = g_new0 (AtlasStatement, 1);

      statement->text = text;
      statement->cites = g_steal_pointer (&loader->text_cites);
      statement->kind = loader->text_kind;
      g_ptr_array_add (loader->section, statement);
      return;
    }

  if (g_str_equal (element, "view"))
    {
      AtlasStatement *statement = g_new0 (AtlasStatement, 1);

      statement->text = text;
      statement->cites = g_steal_pointer (&loader->text_cites);
      statement->kind = loader->text_kind;
      g_ptr_array_add (loader->disagreement->views, statement);
      return;
    }

  if (g_str_equal (element, "topic"))
    slot = &loader->disagreement->topic;
  else if (g_str_equal (element, "step"))
    {
      g_ptr_array_add (((AtlasExercise *) loader->item)->steps, text);
      return;
    }
  else if (g_str_equal (element, "caution"))
    {
      g_ptr_array_add (((AtlasExercise *) loader->item)->cautions, text);
      return;
    }
  else if (g_str_equal (item, "source"))
    {
      AtlasSource *source = loader->item;

      if (g_str_equal (element, "title"))
        slot = &source->title;
      else if (g_str_equal (element, "author"))
        slot = &source->author;
      else if (g_str_equal (element, "publisher"))
        slot = &source->publisher;
      else if (g_str_equal (element, "date"))
        slot = &source->date;
      else
        slot = &source->contribution;
    }
  else if (g_str_equal (item, "term"))
    slot = g_str_equal (element, "name") ? &((AtlasTerm *) loader->item)->name : &((AtlasTerm *) loader->item)->definition;
  else if (g_str_equal (item, "region"))
    slot = g_str_equal (element, "name") ? &((AtlasRegionContent *) loader->item)->name : &((AtlasRegionContent *) loader->item)->summary;
  else if (g_str_equal (item, "symptom"))
    slot = g_str_equal (element, "name") ? &((AtlasSymptom *) loader->item)->name : &((AtlasSymptom *) loader->item)->why;
  else if (g_str_equal (item, "red-flag"))
    slot = g_str_equal (element, "name") ? &((AtlasRedFlag *) loader->item)->name : &((AtlasRedFlag *) loader->item)->advice;
  else if (g_str_equal (item, "exercise"))
    slot = g_str_equal (element, "name") ? &((AtlasExercise *) loader->item)->name : &((AtlasExercise *) loader->item)->summary;
  else if (g_str_equal (item, "tour-step"))
    slot = g_str_equal (element, "title") ? &((AtlasTourStep *) loader->item)->title : &((AtlasTourStep *) loader->item)->text;

  g_assert (slot != NULL);
  if (*slot != NULL)
    {
      problem (loader, NULL, "<%s> appears twice in one <%s>", element, item);
      g_free (text);
      return;
    }
  *slot = text;
}

static void
loader_end_element (GMarkupParseContext  *context,
                    const char           *element,
                    gpointer              user_data,
                    GError              **error)
{
  Loader *loader = user_data;

  if (loader->text != NULL && g_str_equal (element, "term") && loader->in_term)
    {
      g_string_append (loader->text, "</term>");
      loader->in_term = FALSE;
    }
  else if (loader->text != NULL)
    {
      g_autofree char *msgid = collapse_whitespace (loader->text->str);
      const char *translated;

      g_string_free (loader->text, TRUE);
      loader->text = NULL;

      if (msgid[0] == '\0' || strcmp (msgid, "<term ref=\"\"></term>") == 0)
        problem (loader, NULL, "<%s> is empty", element);

      /* A translation whose markup is broken is not trusted: the English stays. */
      translated = g_dgettext (GETTEXT_PACKAGE, msgid);
      if (translated != msgid && !rich_text_is_valid (translated))
        translated = msgid;
      store_text (loader, element, g_strdup (translated));
    }
  else if (g_str_equal (element, "articles") || g_str_equal (element, "anatomy"))
    loader->section = NULL;
  else if (g_str_equal (element, "disagreement"))
    {
      if (loader->disagreement->topic == NULL)
        problem (loader, g_hash_table_lookup (loader->where, loader->disagreement), "<disagreement> needs a <topic>");
      if (loader->disagreement->views->len < 2)
        problem (loader, g_hash_table_lookup (loader->where, loader->disagreement),
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
parse_file (Loader *loader,
            GFile  *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *data;
  gsize size;

  g_free (loader->name);
  loader->name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > ATLAS_CONTENT_MAX_FILE_BYTES)
    {
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s: the file is larger than %d bytes",
                                                          loader->name, ATLAS_CONTENT_MAX_FILE_BYTES));
      return;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s: %s", loader->name, error->message));
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size > ATLAS_CONTENT_MAX_FILE_BYTES)
    {
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s: the file is larger than %d bytes",
                                                          loader->name, ATLAS_CONTENT_MAX_FILE_BYTES));
      return;
    }
  if (size == 0)
    {
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s: the file is empty", loader->name));
      return;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      g_ptr_array_add (loader->problems, g_strdup_printf ("%s: the file is not valid UTF-8", loader->name));
      return;
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
        if (g_str_has_prefix (where, loader->name) && ((const char *) where)[strlen (loader->name)] == ':')
          g_hash_table_add (loader->unfinished, item);

      /* Our own structural errors point at their tag; GMarkup's at where it stopped. */
      if (error->domain == G_MARKUP_ERROR && (error->code == G_MARKUP_ERROR_UNKNOWN_ELEMENT ||
                                              error->code == G_MARKUP_ERROR_INVALID_CONTENT) &&
          !g_str_has_prefix (message, "Error on line"))
        position = here (loader);
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

#define NEED(field, what, kind) \
  G_STMT_START { \
    if ((field) == NULL && !g_hash_table_contains (loader->unfinished, item)) \
      problem (loader, g_hash_table_lookup (loader->where, item), "<%s> “%s” needs a <%s>", kind, id, what); \
  } G_STMT_END

static void
check_required (Loader *loader)
{
  AtlasContent *c = loader->content;

  for (guint i = 0; i < c->sources->len; i++)
    {
      AtlasSource *item = g_ptr_array_index (c->sources, i);
      const char *id = item->id;
      NEED (item->title, "title", "source");
      NEED (item->contribution, "contribution", "source");
    }
  for (guint i = 0; i < c->terms->len; i++)
    {
      AtlasTerm *item = g_ptr_array_index (c->terms, i);
      const char *id = item->id;
      NEED (item->name, "name", "term");
      NEED (item->definition, "definition", "term");
    }
  for (guint i = 0; i < c->regions->len; i++)
    {
      AtlasRegionContent *item = g_ptr_array_index (c->regions, i);
      const char *id = item->id;
      NEED (item->name, "name", "region");
      NEED (item->summary, "summary", "region");
    }
  for (guint i = 0; i < c->symptoms->len; i++)
    {
      AtlasSymptom *item = g_ptr_array_index (c->symptoms, i);
      const char *id = item->id;
      NEED (item->name, "name", "symptom");
      NEED (item->why, "why", "symptom");
    }
  for (guint i = 0; i < c->red_flags->len; i++)
    {
      AtlasRedFlag *item = g_ptr_array_index (c->red_flags, i);
      const char *id = item->id;
      NEED (item->name, "name", "red-flag");
      NEED (item->advice, "advice", "red-flag");
    }
  for (guint i = 0; i < c->exercises->len; i++)
    {
      AtlasExercise *item = g_ptr_array_index (c->exercises, i);
      const char *id = item->id;
      NEED (item->name, "name", "exercise");
      NEED (item->summary, "summary", "exercise");
    }
  for (guint i = 0; i < c->tour->len; i++)
    {
      AtlasTourStep *item = g_ptr_array_index (c->tour, i);
      const char *id = item->id;
      NEED (item->title, "title", "tour-step");
      NEED (item->text, "text", "tour-step");
    }
}

#undef NEED

static char *
strip_side (const char *region_id)
{
  if (g_str_has_suffix (region_id, "-left"))
    return g_strndup (region_id, strlen (region_id) - strlen ("-left"));
  if (g_str_has_suffix (region_id, "-right"))
    return g_strndup (region_id, strlen (region_id) - strlen ("-right"));

  return g_strdup (region_id);
}

static void
check_references (Loader *loader)
{
  AtlasContent *c = loader->content;
  AtlasContent *b = loader->base;

  for (guint i = 0; i < loader->refs->len; i++)
    {
      Ref *ref = g_ptr_array_index (loader->refs, i);

      switch (ref->kind)
        {
        case REF_SOURCE:
          if (!g_hash_table_contains (c->source_ids, ref->id) && !(b && g_hash_table_contains (b->source_ids, ref->id)))
            problem (loader, ref->where, "cites “%s”, which is not a source", ref->id);
          break;

        case REF_TERM:
          if (!g_hash_table_contains (c->term_ids, ref->id) && !(b && g_hash_table_contains (b->term_ids, ref->id)))
            problem (loader, ref->where, "refers to the glossary term “%s”, which does not exist", ref->id);
          break;

        case REF_REGION:
          if (!g_hash_table_contains (c->region_ids, ref->id) && !(b && g_hash_table_contains (b->region_ids, ref->id)))
            problem (loader, ref->where, "names the region “%s”, which has no content", ref->id);
          break;

        case REF_TOUR_REGION:
          {
            g_autofree char *structure = strip_side (ref->id);

            if (!g_hash_table_contains (c->region_ids, structure) && !(b && g_hash_table_contains (b->region_ids, structure)))
              problem (loader, ref->where, "shows the region “%s”, which has no content", ref->id);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
merge_array (GPtrArray  *into,
             GPtrArray  *from,
             GHashTable *ids,
             gsize       id_offset)
{
  for (guint i = 0; i < from->len; i++)
    {
      gpointer item = g_ptr_array_index (from, i);

      g_hash_table_insert (ids, G_STRUCT_MEMBER (char *, item, id_offset), item);
      g_ptr_array_add (into, item);
    }

  /* The items now belong to @into. */
  g_ptr_array_set_free_func (from, NULL);
  g_ptr_array_set_size (from, 0);
}

static void
merge (AtlasContent *self,
       AtlasContent *pack)
{
  merge_array (self->sources, pack->sources, self->source_ids, G_STRUCT_OFFSET (AtlasSource, id));
  merge_array (self->terms, pack->terms, self->term_ids, G_STRUCT_OFFSET (AtlasTerm, id));
  merge_array (self->regions, pack->regions, self->region_ids, G_STRUCT_OFFSET (AtlasRegionContent, id));
  merge_array (self->symptoms, pack->symptoms, self->symptom_ids, G_STRUCT_OFFSET (AtlasSymptom, id));
  merge_array (self->red_flags, pack->red_flags, self->red_flag_ids, G_STRUCT_OFFSET (AtlasRedFlag, id));
  merge_array (self->exercises, pack->exercises, self->exercise_ids, G_STRUCT_OFFSET (AtlasExercise, id));
  merge_array (self->tour, pack->tour, self->tour_ids, G_STRUCT_OFFSET (AtlasTourStep, id));
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *nb = g_file_get_basename (*(GFile * const *) b);

  return strcmp (na, nb);
}

/* Reads a pack into a new AtlasContent. Returns it with no problems, or NULL with @problems
 * filled in. */
static AtlasContent *
read_pack (GFile        *directory,
           AtlasContent *base,
           GPtrArray    *problems)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) pack = atlas_content_new ();
  g_autofree char *name = g_file_get_parse_name (directory);
  guint before = problems->len;
  Loader loader = { 0, };
  GFileInfo *info;

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (enumerator == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, error->message));
      return NULL;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      const char *file_name = g_file_info_get_name (info);

      if (g_str_has_suffix (file_name, ".xml") && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        g_ptr_array_add (files, g_file_get_child (directory, file_name));
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
  g_ptr_array_sort (files, compare_files);

  loader.content = pack;
  loader.base = base;
  loader.problems = problems;
  loader.refs = g_ptr_array_new_with_free_func (ref_free);
  loader.where = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  loader.unfinished = g_hash_table_new (NULL, NULL);
  loader.stack = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < files->len; i++)
    parse_file (&loader, g_ptr_array_index (files, i));

  check_required (&loader);
  check_references (&loader);

  g_ptr_array_unref (loader.refs);
  g_hash_table_unref (loader.where);
  g_hash_table_unref (loader.unfinished);
  g_ptr_array_unref (loader.stack);
  g_clear_pointer (&loader.text_cites, g_strfreev);
  g_free (loader.text_element);
  g_free (loader.name);

  if (problems->len > before)
    return NULL;

  return g_steal_pointer (&pack);
}

static void
set_pack_error (GError    **error,
                GFile      *directory,
                GPtrArray  *problems)
{
  g_autofree char *name = g_file_get_parse_name (directory);
  g_autoptr(GString) message = g_string_new (NULL);

  g_string_append_printf (message, ngettext ("The content in %s has %u problem:",
                                             "The content in %s has %u problems:", problems->len),
                          name, problems->len);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (problems, i));

  g_set_error_literal (error, ATLAS_CONTENT_ERROR, ATLAS_CONTENT_ERROR_INVALID, message->str);
}

/**
 * atlas_content_load_pack:
 * @directory: a folder of content files
 *
 * Adds the pack in @directory to @self, if every file in it is valid; otherwise adds nothing
 * and sets @error to a message listing every problem with its file, line and column.
 */
gboolean
atlas_content_load_pack (AtlasContent  *self,
                         GFile         *directory,
                         GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AtlasContent) pack = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  pack = read_pack (directory, self, problems);
  if (pack == NULL)
    {
      set_pack_error (error, directory, problems);
      return FALSE;
    }

  merge (self, pack);
  return TRUE;
}

/**
 * atlas_content_validate_pack:
 * @directory: a folder of content files
 * @base: (nullable): content the pack may refer to, such as the built-in pack
 *
 * Returns: (transfer full): every problem, as "file:line:column: message"; empty if none
 */
GStrv
atlas_content_validate_pack (GFile        *directory,
                             AtlasContent *base)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  AtlasContent *pack = read_pack (directory, base, problems);

  /* Only the problems are wanted; a valid pack is not kept. */
  g_clear_object (&pack);
  g_ptr_array_set_free_func (problems, NULL);
  g_ptr_array_add (problems, NULL);
  return (GStrv) g_ptr_array_free (problems, FALSE);
}

/**
 * atlas_content_new_builtin:
 *
 * Returns: (transfer full) (nullable): the content that ships with the application
 */
AtlasContent *
atlas_content_new_builtin (GError **error)
{
  g_autoptr(AtlasContent) self = atlas_content_new ();
  g_autoptr(GFile) directory = NULL;

  atlas_core_ensure_resources ();
  directory = g_file_new_for_uri ("resource://" RESOURCE_BASE "/content");
  if (!atlas_content_load_pack (self, directory, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * atlas_content_load_user_packs:
 * @packs_directory: the folder holding one folder per pack
 * @problems: (element-type utf8): where to add one message per pack that was skipped
 *
 * Loads every valid pack, in name order, after what @self holds already.
 *
 * Returns: how many packs were added
 */
guint
atlas_content_load_user_packs (AtlasContent *self,
                               GFile        *packs_directory,
                               GPtrArray    *problems)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;
  guint loaded = 0;

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), 0);

  enumerator = g_file_enumerate_children (packs_directory, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return 0;   /* No packs folder: nothing to load, nothing wrong. */

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (packs, g_file_get_child (packs_directory, g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (packs, compare_files);

  for (guint i = 0; i < packs->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (atlas_content_load_pack (self, g_ptr_array_index (packs, i), &error))
        loaded++;
      else if (problems != NULL)
        g_ptr_array_add (problems, g_strdup (error->message));
    }

  return loaded;
}

/* ------------------------------------------------------------------------------------------ */
/* Queries                                                                                    */

const AtlasSource *
atlas_content_get_source (AtlasContent *self,
                          const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return id ? g_hash_table_lookup (self->source_ids, id) : NULL;
}

/**
 * atlas_source_get_short_name:
 *
 * Returns: how a citation of @source reads after a statement: its short name, or its title
 */
const char *
atlas_source_get_short_name (const AtlasSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  return source->short_name != NULL ? source->short_name : source->title;
}

/**
 * atlas_content_dup_citation:
 * @cites: (array zero-terminated=1): source ids
 *
 * Returns: (transfer full): the sources' short names, joined with semicolons
 */
char *
atlas_content_dup_citation (AtlasContent *self,
                            GStrv         cites)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  for (guint i = 0; cites != NULL && cites[i] != NULL; i++)
    {
      const AtlasSource *source = atlas_content_get_source (self, cites[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", source ? atlas_source_get_short_name (source) : cites[i]);
    }

  return g_string_free (text, FALSE);
}

/**
 * atlas_content_get_sources:
 *
 * Returns: (transfer none) (element-type AtlasSource): every source, in file order
 */
GPtrArray *
atlas_content_get_sources (AtlasContent *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return self->sources;
}

const AtlasTerm *
atlas_content_get_term (AtlasContent *self,
                        const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return id ? g_hash_table_lookup (self->term_ids, id) : NULL;
}

GPtrArray *
atlas_content_get_terms (AtlasContent *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return self->terms;
}

const AtlasRegionContent *
atlas_content_get_region (AtlasContent *self,
                          const char   *structure)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return structure ? g_hash_table_lookup (self->region_ids, structure) : NULL;
}

GPtrArray *
atlas_content_get_regions (AtlasContent *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return self->regions;
}

GPtrArray *
atlas_content_get_symptoms (AtlasContent *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return self->symptoms;
}

const AtlasSymptom *
atlas_content_get_symptom (AtlasContent *self,
                           const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return id ? g_hash_table_lookup (self->symptom_ids, id) : NULL;
}

GPtrArray *
atlas_content_get_red_flags (AtlasContent *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return self->red_flags;
}

GPtrArray *
atlas_content_get_exercises (AtlasContent *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return self->exercises;
}

const AtlasExercise *
atlas_content_get_exercise (AtlasContent *self,
                            const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return id ? g_hash_table_lookup (self->exercise_ids, id) : NULL;
}

GPtrArray *
atlas_content_get_tour (AtlasContent *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  return self->tour;
}

/**
 * atlas_content_symptoms_for:
 *
 * Returns: (transfer container) (element-type AtlasSymptom): the symptoms linked to @structure
 */
GPtrArray *
atlas_content_symptoms_for (AtlasContent *self,
                            const char   *structure)
{
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), result);

  for (guint i = 0; i < self->symptoms->len; i++)
    {
      AtlasSymptom *symptom = g_ptr_array_index (self->symptoms, i);

      if (g_strv_contains ((const char * const *) symptom->regions, structure))
        g_ptr_array_add (result, symptom);
    }

  return result;
}

/**
 * atlas_content_exercises_for:
 *
 * Returns: (transfer container) (element-type AtlasExercise): the exercises that work on @structure
 */
GPtrArray *
atlas_content_exercises_for (AtlasContent *self,
                             const char   *structure)
{
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), result);

  for (guint i = 0; i < self->exercises->len; i++)
    {
      AtlasExercise *exercise = g_ptr_array_index (self->exercises, i);

      if (g_strv_contains ((const char * const *) exercise->regions, structure))
        g_ptr_array_add (result, exercise);
    }

  return result;
}
