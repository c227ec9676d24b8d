/* atlas-search.c — find structures, symptoms, warning signs, terms and exercises by words.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index is built once from the loaded content, so it is in the language the application
 * runs in (the content is translated as it loads). Every text is normalized the same way as a
 * query: decomposed, its accents and case dropped, anything but letters and digits made a
 * space — so "Cadera", "cadera" and "cádera" are one word. A query matches an entry when each
 * of its words begins a word of the entry's name, its synonyms or its text; matches in the
 * name count most. Plain substring search over a few hundred kilobytes: well under a
 * millisecond (bench/bench-search.c), with nothing to keep in step.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-search.h"

/* What people call a structure besides its name. Translators give their own, comma-separated:
 * these are what someone searching in their language would type. */
static const struct
{
  const char *structure;
  const char *synonyms;
} structure_synonyms[] = {
  /* Translators: other names for the psoas major, comma-separated, for search. */
  { "psoas-major", N_("hip flexor, iliopsoas, psoas, loin muscle") },
  /* Translators: other names for the iliacus, comma-separated, for search. */
  { "iliacus", N_("hip flexor, iliopsoas") },
  /* Translators: other names for the iliopsoas tendon, comma-separated, for search. */
  { "iliopsoas-tendon", N_("hip flexor tendon, groin") },
  /* Translators: other names for the hip bone, comma-separated, for search. */
  { "hip-bone", N_("pelvis, ilium, hip") },
  /* Translators: other names for the femur, comma-separated, for search. */
  { "femur", N_("thigh bone, thigh") },
  /* Translators: other names for the inguinal ligament, comma-separated, for search. */
  { "inguinal-ligament", N_("groin") },
  /* Translators: other names for the intervertebral discs, comma-separated, for search. */
  { "intervertebral-discs", N_("disc, slipped disc, spine") },
  /* Translators: other names for the quadratus lumborum, comma-separated, for search. */
  { "quadratus-lumborum", N_("QL, low back muscle") },
  /* Translators: other names for the back muscles, comma-separated, for search. */
  { "back-muscles", N_("erector spinae, spine muscles") },
};

typedef struct
{
  AtlasSearchKind  kind;
  char            *id;
  char            *title;
  /* Normalized, with a space before every word and at both ends. */
  char            *name;
  char            *synonyms;
  char            *text;
} Entry;

struct _AtlasSearchIndex
{
  GPtrArray *entries;  /* Entry* */
};

static void
entry_free (Entry *entry)
{
  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->name);
  g_free (entry->synonyms);
  g_free (entry->text);
  g_free (entry);
}

/**
 * atlas_search_normalize:
 *
 * Returns: (transfer full): @text without accents or case, its words separated by single
 *   spaces, with a space at each end (so " word" finds a word by its start)
 */
char *
atlas_search_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = TRUE;

  out = g_string_new (" ");
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }
  if (!space)
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

static void
append_rich (GString    *text,
             const char *rich)
{
  g_autofree char *plain = rich ? atlas_rich_text_to_plain (rich) : NULL;

  if (plain != NULL)
    g_string_append_printf (text, "%s\n", plain);
}

static void
append_statements (GString   *text,
                   GPtrArray *statements)
{
  for (guint i = 0; statements && i < statements->len; i++)
    append_rich (text, ((AtlasStatement *) g_ptr_array_index (statements, i))->text);
}

static void
add_entry (AtlasSearchIndex *self,
           AtlasSearchKind   kind,
           const char       *id,
           const char       *rich_name,
           const char       *synonyms,
           GString          *text)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->kind = kind;
  entry->id = g_strdup (id);
  entry->title = atlas_rich_text_to_plain (rich_name);
  entry->name = atlas_search_normalize (entry->title);
  entry->synonyms = atlas_search_normalize (synonyms);
  entry->text = atlas_search_normalize (text ? text->str : NULL);
  g_ptr_array_add (self->entries, entry);
}

/**
 * atlas_search_index_new:
 * @content: what to index; read once, not kept
 */
AtlasSearchIndex *
atlas_search_index_new (AtlasContent *content)
{
  AtlasSearchIndex *self = g_new0 (AtlasSearchIndex, 1);
  GPtrArray *items;

  g_return_val_if_fail (ATLAS_IS_CONTENT (content), self);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  items = atlas_content_get_regions (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasRegionContent *region = g_ptr_array_index (items, i);
      g_autoptr(GString) text = g_string_new (NULL);
      const char *synonyms = NULL;

      for (guint s = 0; s < G_N_ELEMENTS (structure_synonyms); s++)
        if (g_str_equal (structure_synonyms[s].structure, region->id))
          synonyms = _(structure_synonyms[s].synonyms);

      append_rich (text, region->summary);
      append_statements (text, region->articles);
      append_statements (text, region->anatomy);
      add_entry (self, ATLAS_SEARCH_STRUCTURE, region->id, region->name, synonyms, text);
    }

  items = atlas_content_get_symptoms (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasSymptom *symptom = g_ptr_array_index (items, i);
      g_autoptr(GString) text = g_string_new (NULL);

      append_rich (text, symptom->why);
      add_entry (self, ATLAS_SEARCH_SYMPTOM, symptom->id, symptom->name, NULL, text);
    }

  items = atlas_content_get_red_flags (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasRedFlag *flag = g_ptr_array_index (items, i);
      g_autoptr(GString) text = g_string_new (NULL);

      append_rich (text, flag->advice);
      add_entry (self, ATLAS_SEARCH_RED_FLAG, flag->id, flag->name, NULL, text);
    }

  items = atlas_content_get_terms (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTerm *term = g_ptr_array_index (items, i);
      g_autoptr(GString) text = g_string_new (NULL);

      append_rich (text, term->definition);
      add_entry (self, ATLAS_SEARCH_TERM, term->id, term->name, NULL, text);
    }

  items = atlas_content_get_exercises (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasExercise *exercise = g_ptr_array_index (items, i);
      g_autoptr(GString) text = g_string_new (NULL);

      append_rich (text, exercise->summary);
      for (guint s = 0; s < exercise->steps->len; s++)
        append_rich (text, g_ptr_array_index (exercise->steps, s));
      add_entry (self, ATLAS_SEARCH_EXERCISE, exercise->id, exercise->name, NULL, text);
    }

  return self;
}

void
atlas_search_index_free (AtlasSearchIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self);
}

guint
atlas_search_index_get_size (AtlasSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries ? self->entries->len : 0;
}

/* Whether @haystack (normalized) has a word starting with @needle (" word", leading space). */
static gboolean
has_word_start (const char *haystack,
                const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static guint
score_entry (const Entry  *entry,
             const char   *query,
             char * const *words)
{
  guint score = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      if (has_word_start (entry->name, words[w]))
        score += 100;
      else if (has_word_start (entry->synonyms, words[w]))
        score += 60;
      else if (has_word_start (entry->text, words[w]))
        score += 10;
      else
        return 0;
    }

  /* The whole query as the name, or as its beginning, or as a phrase anywhere. */
  if (g_str_equal (entry->name, query))
    score += 400;
  else if (g_str_has_prefix (entry->name, query))
    score += 200;
  else if (words[0] != NULL && words[1] != NULL)
    {
      g_autofree char *phrase = g_strndup (query, strlen (query) - 1);  /* drop the trailing space */

      if (strstr (entry->name, phrase) || strstr (entry->synonyms, phrase))
        score += 150;
      else if (strstr (entry->text, phrase))
        score += 30;
    }

  return score;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const AtlasSearchResult *ra = *(const AtlasSearchResult **) a;
  const AtlasSearchResult *rb = *(const AtlasSearchResult **) b;

  if (ra->kind != rb->kind)
    return ra->kind < rb->kind ? -1 : 1;
  if (ra->score != rb->score)
    return ra->score > rb->score ? -1 : 1;
  return g_utf8_collate (ra->title, rb->title);
}

/**
 * atlas_search_index_query:
 * @query: what the user typed
 * @max_per_kind: at most this many results of each kind; 0 for all
 *
 * Returns: (transfer container) (element-type AtlasSearchResult): the matches, grouped by
 *   kind in #AtlasSearchKind order, the best first within each; empty for an empty query.
 *   The strings in them belong to the index.
 */
GPtrArray *
atlas_search_index_query (AtlasSearchIndex *self,
                          const char       *query,
                          guint             max_per_kind)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normalized = NULL;
  g_auto(GStrv) bare = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  guint kept[ATLAS_SEARCH_N_KINDS] = { 0, };

  g_return_val_if_fail (self != NULL, results);

  normalized = atlas_search_normalize (query);
  bare = g_strsplit (normalized, " ", -1);
  for (guint i = 0; bare[i] != NULL; i++)
    if (*bare[i] != '\0')
      g_ptr_array_add (words, g_strconcat (" ", bare[i], NULL));
  g_ptr_array_add (words, NULL);
  if (words->len == 1)
    return results;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);
      guint score = score_entry (entry, normalized, (char * const *) words->pdata);
      AtlasSearchResult *result;

      if (score == 0)
        continue;
      result = g_new (AtlasSearchResult, 1);
      result->kind = entry->kind;
      result->id = entry->id;
      result->title = entry->title;
      result->score = score;
      g_ptr_array_add (results, result);
    }
  g_ptr_array_sort (results, compare_results);

  if (max_per_kind > 0)
    for (guint i = 0; i < results->len;)
      {
        AtlasSearchResult *result = g_ptr_array_index (results, i);

        if (kept[result->kind]++ >= max_per_kind)
          g_ptr_array_remove_index (results, i);
        else
          i++;
      }

  return results;
}

/**
 * atlas_search_kind_get_title:
 *
 * Returns: the heading of a group of results, translated
 */
const char *
atlas_search_kind_get_title (AtlasSearchKind kind)
{
  switch (kind)
    {
    case ATLAS_SEARCH_STRUCTURE:
      return _("Structures");
    case ATLAS_SEARCH_SYMPTOM:
      return _("Symptoms");
    case ATLAS_SEARCH_RED_FLAG:
      return _("Warning Signs");
    case ATLAS_SEARCH_TERM:
      return _("Glossary");
    case ATLAS_SEARCH_EXERCISE:
      return _("Exercises and Care");
    case ATLAS_SEARCH_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
