/* atlas-content.c — the teaching content: sources, regions, glossary, symptoms, exercises, tour.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the model: its items, merging a checked pack into it, and the queries the
 * application makes. Reading XML is atlas-content-reader.c; the rules a pack must keep are
 * atlas-content-rules.c; the user's own packs are atlas-content-packs.c; the inline markup of
 * texts is atlas-rich-text.c.
 *
 * Loading is all or nothing: every file of a pack is read into a fresh AtlasContent, every
 * rule and every cross-reference is checked, and only a pack with no problem at all is merged
 * into the content the application shows. A broken pack is reported (each problem with its
 * file, line and column) and skipped, so the user never sees half of one.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-content-private.h"
#include "atlas-core.h"

G_DEFINE_FINAL_TYPE (AtlasContent, atlas_content, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-content-error-quark, atlas_content_error)

/* ------------------------------------------------------------------------------------------ */
/* Freeing                                                                                    */

void
atlas_statement_free (gpointer data)
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

void
atlas_disagreement_free (gpointer data)
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
  g_clear_pointer (&exercise->disagreements, g_ptr_array_unref);
  g_free (exercise);
}

static void
tour_step_free (gpointer data)
{
  AtlasTourStep *step = data;

  g_free (step->id);
  g_free (step->view);
  g_free (step->region);
  g_strfreev (step->cites);
  g_free (step->title);
  g_free (step->text);
  g_free (step);
}

#define KIND(element, name, type, items, ids, free, first, second) \
  { element, name, G_STRUCT_OFFSET (AtlasContent, items), G_STRUCT_OFFSET (AtlasContent, ids), \
    G_STRUCT_OFFSET (type, id), free, { #first, #second }, \
    { G_STRUCT_OFFSET (type, first), G_STRUCT_OFFSET (type, second) } }

/* In the order problems are reported and items are merged. */
const AtlasItemKind atlas_item_kinds[ATLAS_N_ITEM_KINDS] = {
  KIND ("source", "source", AtlasSource, sources, source_ids, source_free, title, contribution),
  KIND ("term", "glossary term", AtlasTerm, terms, term_ids, term_free, name, definition),
  KIND ("region", "region", AtlasRegionContent, regions, region_ids, region_free, name, summary),
  KIND ("symptom", "symptom", AtlasSymptom, symptoms, symptom_ids, symptom_free, name, why),
  KIND ("red-flag", "red flag", AtlasRedFlag, red_flags, red_flag_ids, red_flag_free, name, advice),
  KIND ("exercise", "exercise", AtlasExercise, exercises, exercise_ids, exercise_free, name, summary),
  KIND ("tour-step", "tour step", AtlasTourStep, tour, tour_ids, tour_step_free, title, text),
};

#undef KIND

const AtlasItemKind *
atlas_item_kind_lookup (const char *element)
{
  for (guint k = 0; k < ATLAS_N_ITEM_KINDS; k++)
    if (g_strcmp0 (atlas_item_kinds[k].element, element) == 0)
      return &atlas_item_kinds[k];

  return NULL;
}

static void
atlas_content_finalize (GObject *object)
{
  AtlasContent *self = ATLAS_CONTENT (object);

  for (guint k = 0; k < ATLAS_N_ITEM_KINDS; k++)
    {
      g_ptr_array_unref (atlas_content_items (self, &atlas_item_kinds[k]));
      g_hash_table_unref (atlas_content_ids (self, &atlas_item_kinds[k]));
    }
  g_hash_table_unref (self->origins);
  g_ptr_array_unref (self->packs);

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
  for (guint k = 0; k < ATLAS_N_ITEM_KINDS; k++)
    {
      const AtlasItemKind *kind = &atlas_item_kinds[k];

      G_STRUCT_MEMBER (GPtrArray *, self, kind->items) = g_ptr_array_new_with_free_func (kind->free);
      G_STRUCT_MEMBER (GHashTable *, self, kind->ids) = g_hash_table_new (g_str_hash, g_str_equal);
    }
  self->origins = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->packs = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasContent *
atlas_content_new (void)
{
  return g_object_new (ATLAS_TYPE_CONTENT, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Packs                                                                                      */

/* @origin: the user pack's name, so that a later pack's clash can name it; NULL for built-in */
void
atlas_content_merge (AtlasContent *self,
                     AtlasContent *pack,
                     const char   *origin)
{
  for (guint k = 0; k < ATLAS_N_ITEM_KINDS; k++)
    {
      const AtlasItemKind *kind = &atlas_item_kinds[k];
      GPtrArray *from = atlas_content_items (pack, kind);

      for (guint i = 0; i < from->len; i++)
        {
          gpointer item = g_ptr_array_index (from, i);

          g_hash_table_insert (atlas_content_ids (self, kind), atlas_item_get_id (kind, item), item);
          g_ptr_array_add (atlas_content_items (self, kind), item);
          if (origin != NULL)
            g_hash_table_insert (self->origins, item, g_strdup (origin));
        }

      /* The items now belong to @self. */
      g_ptr_array_set_free_func (from, NULL);
      g_ptr_array_set_size (from, 0);
    }
}

int
atlas_content_compare_files (gconstpointer a,
                             gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *nb = g_file_get_basename (*(GFile * const *) b);

  return strcmp (na, nb);
}

void
atlas_content_set_pack_error (GError   **error,
                              GFile     *directory,
                              GPtrArray *problems)
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
atlas_content_load_pack (AtlasContent *self,
                         GFile        *directory,
                         GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AtlasContent) pack = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  pack = atlas_content_read_pack (directory, self, FALSE, problems);
  if (pack == NULL)
    {
      atlas_content_set_pack_error (error, directory, problems);
      return FALSE;
    }

  if (g_file_has_uri_scheme (directory, "resource"))
    atlas_content_merge (self, pack, NULL);
  else
    {
      g_autofree char *origin = g_file_get_parse_name (directory);
      atlas_content_merge (self, pack, origin);
    }
  g_ptr_array_add (self->packs, g_object_ref (directory));
  return TRUE;
}

/**
 * atlas_content_reload:
 *
 * Reads the packs @self was made of again, in the same order, into new content. Texts are
 * translated as they are read, so the new content is in the language of messages now: this is
 * how a handout is written in another language than the window's (see atlas-language.c).
 *
 * Returns: (transfer full): the new content, or %NULL if a pack no longer loads
 */
AtlasContent *
atlas_content_reload (AtlasContent  *self,
                      GError       **error)
{
  g_autoptr(AtlasContent) reloaded = atlas_content_new ();

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), NULL);

  for (guint i = 0; i < self->packs->len; i++)
    if (!atlas_content_load_pack (reloaded, g_ptr_array_index (self->packs, i), error))
      return NULL;

  return g_steal_pointer (&reloaded);
}

/**
 * atlas_content_validate_pack:
 * @directory: a folder of content files
 * @base: (nullable): content the pack may refer to, such as the built-in pack. Without it the
 *   pack must stand alone, as the built-in pack does: see atlas_content_check_complete().
 *
 * Returns: (transfer full): every problem, as "file:line:column: message"; empty if none
 */
GStrv
atlas_content_validate_pack (GFile        *directory,
                             AtlasContent *base)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  AtlasContent *pack = atlas_content_read_pack (directory, base, base == NULL, problems);

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
  if (!atlas_content_load_pack (self, directory, error) ||
      !atlas_content_check_complete (self, error))
    return NULL;

  return g_steal_pointer (&self);
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
 * atlas_content_dup_citation_markup:
 * @cites: (array zero-terminated=1) (nullable): source ids
 *
 * The citation that follows a statement on screen: " (Conatser; East West)" in small type,
 * each name a "source:ID" link that opens the source. Every statement, tour step and exercise
 * names its sources this one way.
 *
 * Returns: (transfer full): Pango markup, empty when there are no sources
 */
char *
atlas_content_dup_citation_markup (AtlasContent *self,
                                   GStrv         cites)
{
  GString *markup = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), g_string_free (markup, FALSE));

  if (cites == NULL || cites[0] == NULL)
    return g_string_free (markup, FALSE);

  g_string_append (markup, " <small>(");
  for (guint i = 0; cites[i] != NULL; i++)
    {
      const AtlasSource *source = atlas_content_get_source (self, cites[i]);
      g_autofree char *name = g_markup_escape_text (source ? atlas_source_get_short_name (source) : cites[i], -1);
      g_autofree char *href = g_markup_escape_text (cites[i], -1);

      g_string_append_printf (markup, "%s<a href=\"source:%s\">%s</a>", i > 0 ? "; " : "", href, name);
    }
  g_string_append (markup, ")</small>");

  return g_string_free (markup, FALSE);
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
