/* atlas-checklist.c — the symptoms a person ticked, what they point to, and keeping them.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklist is not a diagnosis. It maps ticked symptoms to the structures the articles link
 * them with, and weights a structure by how many ticks point at it. Red flags outrank
 * everything: while one is ticked, no exercise or self-care is suggested at all.
 *
 * Nothing is stored unless the user asks; then the list is written atomically on every change
 * (atlas-state-file.c). A saved file that cannot be read (corrupt, truncated, empty, or from a
 * newer version) is renamed and kept, never overwritten, and the checklist starts empty.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-checklist.h"
#include "atlas-red-flags.h"
#include "atlas-file.h"
#include "atlas-state-file.h"

#define GROUP "Checklist"

struct _AtlasChecklist
{
  GObject       parent_instance;

  AtlasContent *content;
  GHashTable   *symptoms;   /* id → AtlasSide (NONE: both sides, or not sided) */
  GHashTable   *red_flags;  /* id set */
};

G_DEFINE_FINAL_TYPE (AtlasChecklist, atlas_checklist, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-checklist-error-quark, atlas_checklist_error)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
atlas_checklist_finalize (GObject *object)
{
  AtlasChecklist *self = ATLAS_CHECKLIST (object);

  g_clear_object (&self->content);
  g_hash_table_unref (self->symptoms);
  g_hash_table_unref (self->red_flags);

  G_OBJECT_CLASS (atlas_checklist_parent_class)->finalize (object);
}

static void
atlas_checklist_class_init (AtlasChecklistClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_checklist_finalize;

  /**
   * AtlasChecklist::changed:
   *
   * Emitted after any tick, side or clear changes what is checked.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_checklist_init (AtlasChecklist *self)
{
  self->symptoms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->red_flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

AtlasChecklist *
atlas_checklist_new (AtlasContent *content)
{
  AtlasChecklist *self;

  g_return_val_if_fail (ATLAS_IS_CONTENT (content), NULL);

  self = g_object_new (ATLAS_TYPE_CHECKLIST, NULL);
  self->content = g_object_ref (content);
  return self;
}

AtlasContent *
atlas_checklist_get_content (AtlasChecklist *self)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), NULL);

  return self->content;
}

gboolean
atlas_checklist_get_symptom (AtlasChecklist *self,
                             const char     *id,
                             AtlasSide      *side)
{
  gpointer value;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), FALSE);

  if (!g_hash_table_lookup_extended (self->symptoms, id, NULL, &value))
    return FALSE;

  if (side != NULL)
    *side = GPOINTER_TO_INT (value);
  return TRUE;
}

void
atlas_checklist_set_symptom (AtlasChecklist *self,
                             const char     *id,
                             gboolean        checked,
                             AtlasSide       side)
{
  const AtlasSymptom *symptom;
  AtlasSide old;
  gboolean was;

  g_return_if_fail (ATLAS_IS_CHECKLIST (self));

  symptom = atlas_content_get_symptom (self->content, id);
  g_return_if_fail (symptom != NULL);

  /* A side only means something for symptoms that ask for one. */
  if (!symptom->sided)
    side = ATLAS_SIDE_NONE;

  was = atlas_checklist_get_symptom (self, id, &old);
  if (was == !!checked && (!checked || old == side))
    return;

  if (checked)
    g_hash_table_insert (self->symptoms, g_strdup (id), GINT_TO_POINTER (side));
  else
    g_hash_table_remove (self->symptoms, id);

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
atlas_checklist_get_red_flag (AtlasChecklist *self,
                              const char     *id)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), FALSE);

  return g_hash_table_contains (self->red_flags, id);
}

static const AtlasRedFlag *
lookup_red_flag (AtlasChecklist *self,
                 const char     *id)
{
  GPtrArray *flags = atlas_content_get_red_flags (self->content);

  for (guint i = 0; i < flags->len; i++)
    {
      const AtlasRedFlag *flag = g_ptr_array_index (flags, i);

      if (g_str_equal (flag->id, id))
        return flag;
    }

  return NULL;
}

void
atlas_checklist_set_red_flag (AtlasChecklist *self,
                              const char     *id,
                              gboolean        checked)
{
  g_return_if_fail (ATLAS_IS_CHECKLIST (self));
  g_return_if_fail (lookup_red_flag (self, id) != NULL);

  if (atlas_checklist_get_red_flag (self, id) == !!checked)
    return;

  if (checked)
    g_hash_table_add (self->red_flags, g_strdup (id));
  else
    g_hash_table_remove (self->red_flags, id);

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

guint
atlas_checklist_get_n_checked (AtlasChecklist *self)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), 0);

  return g_hash_table_size (self->symptoms) + g_hash_table_size (self->red_flags);
}

gboolean
atlas_checklist_has_red_flag (AtlasChecklist *self)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), FALSE);

  return g_hash_table_size (self->red_flags) > 0;
}

/**
 * atlas_checklist_get_urgency:
 * @urgency: (out) (optional): how soon the person must get help
 *
 * The warning signs come in groups, each with its own urgency (an ambulance for a leaking aorta,
 * an emergency department for cauda equina, the same day for a possible fracture, within days
 * for an inflammatory pattern), and a sign may be more urgent than its group (past cancer with
 * new back pain). What the person must do is what the most urgent ticked sign needs.
 *
 * Returns: %TRUE if a red flag is ticked
 */
gboolean
atlas_checklist_get_urgency (AtlasChecklist *self,
                             AtlasUrgency   *urgency)
{
  g_autoptr(GPtrArray) flags = NULL;
  AtlasUrgency most = ATLAS_URGENCY_SOON;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), FALSE);

  flags = atlas_checklist_get_checked_red_flags (self);
  for (guint i = 0; i < flags->len; i++)
    most = MIN (most, ((AtlasRedFlag *) g_ptr_array_index (flags, i))->urgency);
  if (urgency != NULL)
    *urgency = most;

  return flags->len > 0;
}

/**
 * atlas_checklist_needs_emergency:
 *
 * Returns: %TRUE if a ticked red flag needs an ambulance or an emergency department now
 *   (a leaking aorta, cauda equina syndrome) rather than a doctor today or soon
 */
gboolean
atlas_checklist_needs_emergency (AtlasChecklist *self)
{
  AtlasUrgency urgency;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), FALSE);

  return atlas_checklist_get_urgency (self, &urgency) && urgency <= ATLAS_URGENCY_EMERGENCY;
}

static void
append_paragraph (GString    *body,
                  const char *text)
{
  if (strstr (body->str, text) == NULL)
    g_string_append_printf (body, "%s%s", body->len > 0 ? "\n" : "", text);
}

/**
 * atlas_checklist_dup_alert:
 * @title: (out) (optional) (transfer full): what to do, as a heading, translated
 *
 * The alert shown on screen and printed on the handout, so the two can never disagree. It says
 * one thing to do: the advice for the most urgent ticked signs (their group's, then what each
 * sign adds), and only names the less urgent ones for the person to mention, so a box that says
 * "call an ambulance" never also says "it is not an emergency".
 *
 * Returns: (transfer full) (nullable): the alert's text, one paragraph per line, or %NULL when
 *   no red flag is ticked
 */
char *
atlas_checklist_dup_alert (AtlasChecklist  *self,
                           char           **title)
{
  const AtlasRedFlagGroup *groups;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GString) others = g_string_new (NULL);
  AtlasUrgency top;
  GString *body;
  guint n_groups;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), NULL);

  if (title != NULL)
    *title = NULL;
  if (!atlas_checklist_get_urgency (self, &top))
    return NULL;
  if (title != NULL)
    *title = g_strdup (_(atlas_urgency_get_alert_title (top)));

  body = g_string_new (NULL);
  flags = atlas_checklist_get_checked_red_flags (self);
  groups = atlas_red_flag_groups_get (&n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      gboolean group_said = FALSE;

      for (guint i = 0; i < flags->len; i++)
        {
          const AtlasRedFlag *flag = g_ptr_array_index (flags, i);

          if (!g_str_equal (flag->group, groups[g].id))
            continue;

          if (flag->urgency == top)
            {
              g_autofree char *advice = atlas_rich_text_to_plain (flag->advice);

              if (!group_said && groups[g].urgency == top)
                append_paragraph (body, _(groups[g].advice));
              group_said = TRUE;
              append_paragraph (body, advice);
            }
          else
            {
              g_autofree char *name = atlas_rich_text_to_plain (flag->name);

              g_string_append_printf (others, "%s%s", others->len > 0 ? "; " : "", name);
            }
        }
    }

  if (others->len > 0)
    {
      /* Translators: ends the alert, followed by the names of less urgent warning signs. */
      g_autofree char *also = g_strdup_printf (_("Also tell the doctor about: %s."), others->str);

      append_paragraph (body, also);
    }

  return g_string_free (body, FALSE);
}

/**
 * atlas_checklist_get_checked_red_flags:
 *
 * Returns: (transfer container) (element-type AtlasRedFlag): the ticked red flags, in content order
 */
GPtrArray *
atlas_checklist_get_checked_red_flags (AtlasChecklist *self)
{
  GPtrArray *flags = atlas_content_get_red_flags (self->content);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < flags->len; i++)
    {
      const AtlasRedFlag *flag = g_ptr_array_index (flags, i);

      if (g_hash_table_contains (self->red_flags, flag->id))
        g_ptr_array_add (result, (gpointer) flag);
    }

  return result;
}

/**
 * atlas_checklist_get_checked_symptoms:
 *
 * Returns: (transfer container) (element-type AtlasSymptom): the ticked symptoms, in content order
 */
GPtrArray *
atlas_checklist_get_checked_symptoms (AtlasChecklist *self)
{
  GPtrArray *symptoms = atlas_content_get_symptoms (self->content);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < symptoms->len; i++)
    {
      const AtlasSymptom *symptom = g_ptr_array_index (symptoms, i);

      if (g_hash_table_contains (self->symptoms, symptom->id))
        g_ptr_array_add (result, (gpointer) symptom);
    }

  return result;
}

void
atlas_checklist_clear (AtlasChecklist *self)
{
  g_return_if_fail (ATLAS_IS_CHECKLIST (self));

  if (atlas_checklist_get_n_checked (self) == 0)
    return;

  g_hash_table_remove_all (self->symptoms);
  g_hash_table_remove_all (self->red_flags);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
side_matches (AtlasSide ticked,
              AtlasSide region)
{
  return ticked == ATLAS_SIDE_NONE || region == ATLAS_SIDE_NONE || ticked == region;
}

/**
 * atlas_checklist_region_weights:
 * @diagram: the diagram to map onto
 *
 * Maps the ticked symptoms onto @diagram's regions. A region that no tick points at is left
 * out; the others get a weight from 0.5 (the fewest ticks) to 1 (the most), so that structures
 * more symptoms point to read stronger.
 *
 * Returns: (transfer full) (element-type utf8 double): region id → weight
 */
GHashTable *
atlas_checklist_region_weights (AtlasChecklist *self,
                                AtlasDiagram   *diagram)
{
  GHashTable *weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ticked = NULL;
  guint n = atlas_diagram_get_n_regions (diagram);
  g_autofree guint *hits = g_new0 (guint, MAX (1, n));
  guint most = 0;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), weights);

  ticked = atlas_checklist_get_checked_symptoms (self);
  for (guint i = 0; i < n; i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

      for (guint s = 0; s < ticked->len; s++)
        {
          const AtlasSymptom *symptom = g_ptr_array_index (ticked, s);
          AtlasSide side = ATLAS_SIDE_NONE;

          atlas_checklist_get_symptom (self, symptom->id, &side);
          if (g_strv_contains ((const char * const *) symptom->regions, region->structure) &&
              side_matches (side, region->side))
            hits[i]++;
        }
      most = MAX (most, hits[i]);
    }

  for (guint i = 0; i < n; i++)
    {
      double *weight;

      if (hits[i] == 0)
        continue;

      weight = g_new (double, 1);
      *weight = most > 1 ? 0.5 + 0.5 * (hits[i] - 1) / (double) (most - 1) : 0.75;
      g_hash_table_insert (weights, g_strdup (atlas_diagram_get_region (diagram, i)->id), weight);
    }

  return weights;
}

typedef struct
{
  const char *structure;
  guint       hits;
  guint       order;
} Involved;

static int
compare_involved (gconstpointer a,
                  gconstpointer b)
{
  const Involved *ia = a, *ib = b;

  if (ia->hits != ib->hits)
    return ia->hits > ib->hits ? -1 : 1;
  return ia->order < ib->order ? -1 : ia->order > ib->order;
}

/**
 * atlas_checklist_involved_structures:
 *
 * Returns: (transfer full) (element-type utf8): the structures the ticked symptoms point to,
 *   those most pointed to first
 */
GPtrArray *
atlas_checklist_involved_structures (AtlasChecklist *self)
{
  g_autoptr(GPtrArray) ticked = atlas_checklist_get_checked_symptoms (self);
  g_autoptr(GArray) involved = g_array_new (FALSE, FALSE, sizeof (Involved));
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < ticked->len; s++)
    {
      const AtlasSymptom *symptom = g_ptr_array_index (ticked, s);

      for (guint r = 0; symptom->regions[r] != NULL; r++)
        {
          guint i;

          for (i = 0; i < involved->len; i++)
            if (g_str_equal (g_array_index (involved, Involved, i).structure, symptom->regions[r]))
              break;

          if (i == involved->len)
            {
              Involved entry = { symptom->regions[r], 0, involved->len };
              g_array_append_val (involved, entry);
            }
          g_array_index (involved, Involved, i).hits++;
        }
    }

  g_array_sort (involved, compare_involved);
  for (guint i = 0; i < involved->len; i++)
    g_ptr_array_add (result, g_strdup (g_array_index (involved, Involved, i).structure));

  return result;
}

/**
 * atlas_checklist_suggested_exercises:
 *
 * Returns: (transfer container) (element-type AtlasExercise): the exercises and care that work
 *   on the involved structures; always empty while a red flag is ticked
 */
GPtrArray *
atlas_checklist_suggested_exercises (AtlasChecklist *self)
{
  g_autoptr(GPtrArray) structures = NULL;
  GPtrArray *exercises = atlas_content_get_exercises (self->content);
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), result);

  /* Red flags outrank everything: self-care is withdrawn while one stands. */
  if (atlas_checklist_has_red_flag (self))
    return result;

  structures = atlas_checklist_involved_structures (self);
  for (guint i = 0; i < exercises->len; i++)
    {
      const AtlasExercise *exercise = g_ptr_array_index (exercises, i);

      for (guint s = 0; s < structures->len; s++)
        {
          if (g_strv_contains ((const char * const *) exercise->regions, g_ptr_array_index (structures, s)))
            {
              g_ptr_array_add (result, (gpointer) exercise);
              break;
            }
        }
    }

  return result;
}

/**
 * atlas_checklist_care_for:
 * @structure: a structure id (a region id without its side)
 *
 * The one place that decides whether care may be offered for a structure: every view that
 * shows exercises (the explanation, the tour's explanation, the handout) asks here, so a ticked
 * warning sign withdraws stretches, strengthening and hands-on care everywhere at once.
 *
 * Returns: (transfer container) (element-type AtlasExercise): the exercises and care that work
 *   on @structure; always empty while a red flag is ticked
 */
GPtrArray *
atlas_checklist_care_for (AtlasChecklist *self,
                          const char     *structure)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), g_ptr_array_new ());
  g_return_val_if_fail (structure != NULL, g_ptr_array_new ());

  if (atlas_checklist_has_red_flag (self))
    return g_ptr_array_new ();

  return atlas_content_exercises_for (self->content, structure);
}

/* ------------------------------------------------------------------------------------------ */
/* Keeping                                                                                    */

static const char *
side_name (AtlasSide side)
{
  return side == ATLAS_SIDE_LEFT ? "left" : side == ATLAS_SIDE_RIGHT ? "right" : "both";
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * atlas_checklist_serialize:
 *
 * Returns: (transfer full): the checklist as the text of a state file
 */
char *
atlas_checklist_serialize (AtlasChecklist *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GPtrArray) symptoms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), NULL);

  g_hash_table_iter_init (&iter, self->symptoms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (symptoms, g_strdup_printf ("%s:%s", (const char *) key, side_name (GPOINTER_TO_INT (value))));
  g_ptr_array_sort (symptoms, compare_strings);

  g_hash_table_iter_init (&iter, self->red_flags);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (flags, key);
  g_ptr_array_sort (flags, compare_strings);

  g_key_file_set_comment (keyfile, NULL, NULL,
                          " Psoas Atlas: the symptom checklist, kept because \"Remember my checklist\" is on.", NULL);
  g_key_file_set_integer (keyfile, GROUP, "version", ATLAS_CHECKLIST_VERSION);
  g_key_file_set_string_list (keyfile, GROUP, "symptoms", (const char * const *) symptoms->pdata, symptoms->len);
  g_key_file_set_string_list (keyfile, GROUP, "red-flags", (const char * const *) flags->pdata, flags->len);

  return g_key_file_to_data (keyfile, NULL, NULL);
}

/**
 * atlas_checklist_deserialize:
 *
 * Replaces what is checked with what @data says. On error nothing changes.
 */
gboolean
atlas_checklist_deserialize (AtlasChecklist  *self,
                             const char      *data,
                             gsize            length,
                             GError         **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) symptoms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) symptom_list = NULL;
  g_auto(GStrv) flag_list = NULL;
  gint64 version;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), FALSE);

  if (length == 0 || length > ATLAS_CHECKLIST_MAX_BYTES || !g_utf8_validate (data, length, NULL) ||
      !g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_NONE, &local_error))
    {
      /* GKeyFile's message quotes the offending line: that could be anything, so it is not shown. */
      g_set_error (error, ATLAS_CHECKLIST_ERROR, ATLAS_CHECKLIST_ERROR_CORRUPT, "%s",
                   length == 0 ? "the file is empty" : length > ATLAS_CHECKLIST_MAX_BYTES ? "the file is far too large"
                   : local_error == NULL ? "the file is not text" : "the file is not a checklist");
      return FALSE;
    }

  version = g_key_file_get_int64 (keyfile, GROUP, "version", &local_error);
  if (local_error != NULL || version < 1)
    {
      g_set_error (error, ATLAS_CHECKLIST_ERROR, ATLAS_CHECKLIST_ERROR_CORRUPT, "the file has no valid version");
      return FALSE;
    }
  if (version > ATLAS_CHECKLIST_VERSION)
    {
      g_set_error (error, ATLAS_CHECKLIST_ERROR, ATLAS_CHECKLIST_ERROR_NEWER_VERSION,
                   "the file was saved by a newer version of Psoas Atlas (format %" G_GINT64_FORMAT ")", version);
      return FALSE;
    }

  /* Both lists are required: a file cut off before them is truncated, not "empty". */
  symptom_list = g_key_file_get_string_list (keyfile, GROUP, "symptoms", NULL, &local_error);
  if (symptom_list == NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE))
    {
      g_set_error (error, ATLAS_CHECKLIST_ERROR, ATLAS_CHECKLIST_ERROR_CORRUPT, "the list of symptoms is missing");
      return FALSE;
    }
  g_clear_error (&local_error);
  flag_list = g_key_file_get_string_list (keyfile, GROUP, "red-flags", NULL, &local_error);
  if (flag_list == NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE))
    {
      g_set_error (error, ATLAS_CHECKLIST_ERROR, ATLAS_CHECKLIST_ERROR_CORRUPT, "the list of warning signs is missing");
      return FALSE;
    }

  for (guint i = 0; symptom_list != NULL && symptom_list[i] != NULL; i++)
    {
      const char *colon = strrchr (symptom_list[i], ':');
      g_autofree char *id = NULL;
      AtlasSide side;

      /* What the file holds is quoted shortened and with any control or bidirectional
       * character written out: it could be anything, and a message must not be reordered. */
      if (colon == NULL)
        {
          g_autofree char *shown = atlas_content_shorten_for_message (symptom_list[i]);

          g_set_error (error, ATLAS_CHECKLIST_ERROR, ATLAS_CHECKLIST_ERROR_CORRUPT, "“%s” is not a symptom and side", shown);
          return FALSE;
        }
      if (g_str_equal (colon + 1, "left"))
        side = ATLAS_SIDE_LEFT;
      else if (g_str_equal (colon + 1, "right"))
        side = ATLAS_SIDE_RIGHT;
      else if (g_str_equal (colon + 1, "both"))
        side = ATLAS_SIDE_NONE;
      else
        {
          g_autofree char *shown = atlas_content_shorten_for_message (colon + 1);

          g_set_error (error, ATLAS_CHECKLIST_ERROR, ATLAS_CHECKLIST_ERROR_CORRUPT, "“%s” is not a side", shown);
          return FALSE;
        }

      id = g_strndup (symptom_list[i], colon - symptom_list[i]);
      /* A symptom the content no longer has (an older pack, say) is dropped, not an error. */
      if (atlas_content_get_symptom (self->content, id) != NULL)
        g_hash_table_insert (symptoms, g_steal_pointer (&id), GINT_TO_POINTER (side));
    }

  for (guint i = 0; flag_list != NULL && flag_list[i] != NULL; i++)
    if (lookup_red_flag (self, flag_list[i]) != NULL)
      g_hash_table_add (flags, g_strdup (flag_list[i]));

  g_hash_table_unref (self->symptoms);
  self->symptoms = g_steal_pointer (&symptoms);
  g_hash_table_unref (self->red_flags);
  self->red_flags = g_steal_pointer (&flags);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gboolean
atlas_checklist_save (AtlasChecklist  *self,
                      const char      *path,
                      GError         **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = atlas_checklist_serialize (self);
  return atlas_state_file_write (path, data, strlen (data), error);
}

/**
 * atlas_checklist_load:
 * @path: the state file
 * @set_aside_path: (out) (optional) (transfer full): where an unreadable file was moved
 * @error: why the file could not be read, when it was set aside, or why setting it aside failed
 *
 * Restores a saved checklist. A file that cannot be read is renamed beside itself and the
 * checklist is left empty: the user's file is never lost and never overwritten.
 */
AtlasChecklistLoadResult
atlas_checklist_load (AtlasChecklist  *self,
                      const char      *path,
                      char           **set_aside_path,
                      GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST (self), ATLAS_CHECKLIST_NOT_SAVED);

  /* Not followed if it is a link, not waited on if it is a FIFO: see atlas-file.c. */
  if (atlas_file_read_regular (path, ATLAS_CHECKLIST_MAX_BYTES, &data, &length, &local_error))
    atlas_checklist_deserialize (self, data, length, &local_error);
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return ATLAS_CHECKLIST_NOT_SAVED;

  if (local_error == NULL)
    return ATLAS_CHECKLIST_LOADED;

  {
    g_autoptr(GError) aside_error = NULL;
    g_autofree char *aside = atlas_state_file_set_aside (path, &aside_error);

    if (aside == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&aside_error));
        return ATLAS_CHECKLIST_SET_ASIDE;
      }

    g_set_error (error, local_error->domain, local_error->code, "%s", local_error->message);
    if (set_aside_path != NULL)
      *set_aside_path = g_steal_pointer (&aside);
  }

  return ATLAS_CHECKLIST_SET_ASIDE;
}
