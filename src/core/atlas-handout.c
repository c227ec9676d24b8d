/* atlas-handout.c — the printed notes a patient takes home: one renderer for every output.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout is built once as a list of blocks (headings, paragraphs, a warning box, the
 * diagram) from what is on screen: the structure being discussed, the ticked symptoms and the
 * care that goes with them. atlas-handout-layout.c lays it out for a page size with Pango and
 * draws it with cairo, so printing, PDF export and the tests all go through one renderer.
 * Warning signs come first and replace any self-care, as they do on screen.
 *
 * A handout may be in another language than the window (the patient's, not the clinician's):
 * it is then built from the content read again in that language, and every step that puts
 * words on it runs inside an atlas-language.c scope, so headings, the date and the footer
 * follow too.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pango.h>
#include <string.h>

#include "atlas-handout.h"
#include "atlas-handout-private.h"
#include "atlas-illustrations.h"
#include "atlas-language.h"
#include "atlas-structures.h"

/* A handout is a page or two to take home, not the whole library. */
#define MAX_EXERCISES  6

G_DEFINE_FINAL_TYPE (AtlasHandout, atlas_handout, G_TYPE_OBJECT)

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
  g_free (block->steps);
  g_free (block->after);
  g_free (block->picture);
}

static Block *
add (AtlasHandout *self,
     BlockKind     kind,
     const char   *markup)
{
  Block block = { kind, g_strdup (markup), NULL, NULL, NULL, 0, 0, 0 };

  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static void
add_plain (AtlasHandout *self,
           BlockKind     kind,
           const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  add (self, kind, escaped);
}

static char *
plain (const char *rich)
{
  return atlas_rich_text_to_plain (rich);
}

static void
add_sources (AtlasHandout *self,
             GHashTable   *cited)
{
  GPtrArray *sources = atlas_content_get_sources (self->content);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      const AtlasSource *source = g_ptr_array_index (sources, i);
      g_autofree char *line = NULL;

      if (!g_hash_table_contains (cited, source->id))
        continue;

      line = g_markup_printf_escaped ("%s%s%s%s", source->title,
                                      source->publisher || source->author ? " — " : "",
                                      source->publisher ? source->publisher : "",
                                      source->publisher == NULL && source->author ? source->author : "");
      g_string_append_printf (text, "%s• %s", text->len ? "\n" : "", line);
    }

  if (text->len > 0)
    {
      add_plain (self, BLOCK_HEADING, _("Sources"));
      add (self, BLOCK_SMALL, text->str);
    }
}

static void
cite_all (GHashTable *cited,
          GStrv       cites)
{
  for (guint i = 0; cites != NULL && cites[i] != NULL; i++)
    g_hash_table_add (cited, cites[i]);
}

static int
compare_steps_first (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const AtlasExercise *ea = *(AtlasExercise * const *) a;
  const AtlasExercise *eb = *(AtlasExercise * const *) b;
  GPtrArray *order = user_data;
  guint ia = 0, ib = 0;

  if ((ea->steps->len > 0) != (eb->steps->len > 0))
    return ea->steps->len > 0 ? -1 : 1;
  /* g_ptr_array_sort is not stable: keep the original order by position. */
  g_ptr_array_find (order, ea, &ia);
  g_ptr_array_find (order, eb, &ib);
  return (ia > ib) - (ia < ib);
}

static void
build (AtlasHandout *self)
{
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = atlas_language_format_date (now);
  const AtlasRegion *region = self->diagram && self->region_id ? atlas_diagram_lookup_region (self->diagram, self->region_id) : NULL;
  const AtlasRegionContent *entry = region ? atlas_content_get_region (self->content, region->structure) : NULL;
  g_autoptr(GPtrArray) flags = self->checklist ? atlas_checklist_get_checked_red_flags (self->checklist) : g_ptr_array_new ();
  g_autoptr(GPtrArray) symptoms = self->checklist ? atlas_checklist_get_checked_symptoms (self->checklist) : g_ptr_array_new ();
  g_autoptr(GPtrArray) exercises = self->checklist ? atlas_checklist_suggested_exercises (self->checklist) : g_ptr_array_new ();

  /* The care for the structure discussed joins the care for the ticks, unless a warning sign
   * stands, in which case there is none at all. */
  if (flags->len == 0 && region != NULL && exercises->len < MAX_EXERCISES)
    {
      g_autoptr(GPtrArray) more = atlas_content_exercises_for (self->content, region->structure);

      for (guint i = 0; i < more->len; i++)
        if (!g_ptr_array_find (exercises, g_ptr_array_index (more, i), NULL))
          g_ptr_array_add (exercises, g_ptr_array_index (more, i));
    }
  /* Paper has room for a few: those with steps (and so a picture) first, as a patient can
   * follow them at home; the rest keep their order. */
  g_ptr_array_sort_with_data (exercises, compare_steps_first, exercises);

  add_plain (self, BLOCK_TITLE, _("Psoas Atlas"));
  {
    /* Translators: the subtitle of the printed handout; %s is today's date. */
    g_autofree char *subtitle = g_strdup_printf (_("Notes to take home · %s"), date);
    add_plain (self, BLOCK_SUBTITLE, subtitle);
  }

  /* Warning signs outrank everything, on paper as on screen, in the same words. */
  if (flags->len > 0)
    {
      g_autofree char *alert_title = NULL;
      g_autofree char *alert = atlas_checklist_dup_alert (self->checklist, &alert_title);
      g_autofree char *title = g_markup_escape_text (alert_title, -1);
      g_auto(GStrv) paragraphs = g_strsplit (alert, "\n", -1);
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "<span size=\"x-large\" weight=\"bold\">%s</span>", title);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_autofree char *line = g_markup_printf_escaped ("\n%s", paragraphs[i]);

          g_string_append (text, line);
        }
      /* Translators: on the handout, before the warning signs the person ticked. */
      g_string_append_printf (text, "\n<b>%s</b>", _("You ticked:"));
      for (guint i = 0; i < flags->len; i++)
        {
          const AtlasRedFlag *flag = g_ptr_array_index (flags, i);
          const AtlasRedFlagGroup *group = atlas_red_flag_group_lookup (flag->group);
          g_autofree char *name = plain (flag->name);
          g_autofree char *line = g_markup_printf_escaped ("\n•  %s", name);

          g_string_append (text, line);
          cite_all (cited, flag->cites);
          if (group != NULL)
            {
              g_auto(GStrv) group_cites = g_strsplit (group->cites, " ", -1);

              /* The table outlives the handout, but the split copies do not: keep interned ones. */
              for (guint c = 0; group_cites[c] != NULL; c++)
                g_hash_table_add (cited, (gpointer) g_intern_string (group_cites[c]));
            }
        }
      add (self, BLOCK_ALERT, text->str);
    }

  if (self->diagram != NULL)
    add (self, BLOCK_DIAGRAM, NULL);

  if (entry != NULL)
    {
      /* The side, as on screen: "Psoas major (left)". */
      g_autofree char *name = atlas_region_dup_display_name (region, self->content);
      g_autofree char *summary = plain (entry->summary);

      add_plain (self, BLOCK_HEADING, name);
      add_plain (self, BLOCK_TEXT, summary);
      for (guint i = 0; i < entry->articles->len; i++)
        cite_all (cited, ((AtlasStatement *) g_ptr_array_index (entry->articles, i))->cites);
    }

  if (symptoms->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      add_plain (self, BLOCK_HEADING, _("What You Ticked"));
      for (guint i = 0; i < symptoms->len; i++)
        {
          const AtlasSymptom *symptom = g_ptr_array_index (symptoms, i);
          g_autofree char *name = plain (symptom->name);
          g_autofree char *why = plain (symptom->why);
          AtlasSide side = ATLAS_SIDE_NONE;
          const char *where;
          g_autofree char *line = NULL;

          atlas_checklist_get_symptom (self->checklist, symptom->id, &side);
          where = !symptom->sided ? "" : side == ATLAS_SIDE_LEFT ? _(" (left side)")
                                       : side == ATLAS_SIDE_RIGHT ? _(" (right side)") : _(" (both sides)");
          line = g_markup_printf_escaped ("%s• <b>%s</b>%s. %s", text->len ? "\n" : "", name, where, why);
          g_string_append (text, line);
          cite_all (cited, symptom->cites);
        }
      add (self, BLOCK_TEXT, text->str);
    }

  /* With nothing ticked, the page still says when to get help, before any care. */
  if (flags->len == 0)
    {
      const AtlasRedFlagGroup *groups;
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_groups;

      add_plain (self, BLOCK_HEADING, _("When to Get Medical Help"));
      groups = atlas_red_flag_groups_get (&n_groups);
      /* Most urgent first, each group with the signs to watch for, as the checklist lists them. */
      for (AtlasUrgency urgency = ATLAS_URGENCY_AMBULANCE; urgency <= ATLAS_URGENCY_SOON; urgency++)
        for (guint g = 0; g < n_groups; g++)
          {
            GPtrArray *all = atlas_content_get_red_flags (self->content);
            g_autoptr(GString) signs = g_string_new (NULL);
            g_autofree char *line = NULL;
            g_auto(GStrv) group_cites = NULL;

            if (groups[g].urgency != urgency)
              continue;
            for (guint i = 0; i < all->len; i++)
              {
                const AtlasRedFlag *flag = g_ptr_array_index (all, i);
                g_autofree char *sign = NULL;

                if (!g_str_equal (flag->group, groups[g].id))
                  continue;
                sign = plain (flag->name);
                /* Translators: separates warning signs in a list on the handout. */
                g_string_append_printf (signs, "%s%s", signs->len > 0 ? _("; ") : "", sign);
              }
            line = g_markup_printf_escaped ("%s• <b>%s</b> (%s): %s.", text->len > 0 ? "\n" : "",
                                            _(atlas_urgency_get_alert_title (urgency)), _(groups[g].title), signs->str);
            g_string_append (text, line);
            group_cites = g_strsplit (groups[g].cites, " ", -1);
            for (guint c = 0; group_cites[c] != NULL; c++)
              g_hash_table_add (cited, (gpointer) g_intern_string (group_cites[c]));
          }
      add (self, BLOCK_TEXT, text->str);
    }

  if (flags->len > 0)
    add_plain (self, BLOCK_TEXT, _("Exercises and self-care are left out because a warning sign is ticked. "
                                   "Get the medical care described above first."));
  else if (exercises->len > 0)
    {
      add_plain (self, BLOCK_HEADING, _("Care the Articles Describe"));
      for (guint i = 0; i < MIN (exercises->len, MAX_EXERCISES); i++)
        {
          const AtlasExercise *exercise = g_ptr_array_index (exercises, i);
          g_autofree char *name = plain (exercise->name);
          g_autofree char *summary = plain (exercise->summary);
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(GString) steps = g_string_new (NULL);
          g_autofree char *head = g_markup_printf_escaped ("<b>%s.</b> %s", name, summary);
          g_autofree char *picture = NULL;
          Block *block;

          for (guint s = 0; s < exercise->steps->len; s++)
            {
              g_autofree char *step = plain (g_ptr_array_index (exercise->steps, s));
              g_autofree char *line = g_markup_printf_escaped ("%s%u.\t%s", steps->len ? "\n" : "", s + 1, step);
              g_string_append (steps, line);
            }
          /* An exercise's cautions go with it, so nobody reads the steps without them. */
          for (guint c = 0; c < exercise->cautions->len; c++)
            {
              g_autofree char *caution = plain (g_ptr_array_index (exercise->cautions, c));
              g_autofree char *line = g_markup_printf_escaped ("%s<b>%s</b> %s", text->len ? "\n" : "",
                                                               _("Caution:"), caution);

              g_string_append (text, line);
            }
          /* Where an article and the reference disagree about the exercise, both are printed. */
          for (guint d = 0; exercise->disagreements != NULL && d < exercise->disagreements->len; d++)
            {
              const AtlasDisagreement *disagreement = g_ptr_array_index (exercise->disagreements, d);
              g_autofree char *topic = plain (disagreement->topic);
              g_autofree char *line = g_markup_printf_escaped ("\n<b>%s</b>", topic);

              g_string_append (text, line + (text->len ? 0 : 1));
              for (guint v = 0; v < disagreement->views->len; v++)
                {
                  const AtlasStatement *view = g_ptr_array_index (disagreement->views, v);
                  g_autofree char *view_text = plain (view->text);
                  g_autofree char *citation = atlas_content_dup_citation (self->content, view->cites);
                  g_autofree char *view_line = g_markup_printf_escaped ("\n   •  %s (%s)", view_text, citation);

                  g_string_append (text, view_line);
                  cite_all (cited, view->cites);
                }
            }
          block = add (self, BLOCK_EXERCISE, head);
          block->steps = steps->len ? g_strdup (steps->str) : NULL;
          block->after = text->len ? g_strdup (text->str) : NULL;
          picture = atlas_illustration_dup_resource (exercise->id);
          block->picture = picture ? g_strdup (exercise->id) : NULL;
          cite_all (cited, exercise->cites);
        }
    }

  add_sources (self, cited);
}

static void
atlas_handout_finalize (GObject *object)
{
  AtlasHandout *self = ATLAS_HANDOUT (object);

  g_clear_object (&self->content);
  g_clear_object (&self->checklist);
  g_clear_object (&self->diagram);
  g_clear_object (&self->marks);
  g_free (self->region_id);
  g_free (self->language);
  g_array_unref (self->blocks);

  G_OBJECT_CLASS (atlas_handout_parent_class)->finalize (object);
}

static void
atlas_handout_class_init (AtlasHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_handout_finalize;
}

static void
atlas_handout_init (AtlasHandout *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
}

/**
 * atlas_handout_new:
 * @checklist: (nullable): the ticked symptoms
 * @diagram: (nullable): the diagram to show, with the symptoms and the region lit
 * @region_id: (nullable): the region being discussed
 *
 * Returns: (transfer full): a handout of what is on screen now
 */
AtlasHandout *
atlas_handout_new (AtlasContent   *content,
                   AtlasChecklist *checklist,
                   AtlasDiagram   *diagram,
                   const char     *region_id)
{
  return atlas_handout_new_in_language (content, checklist, diagram, region_id, NULL);
}

/* The content and the ticks of @checklist, read again in the language of the scope the
 * caller is in. */
static void
translate_content (AtlasHandout   *self,
                   AtlasChecklist *checklist)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) translated = atlas_content_reload (self->content, &error);

  if (translated == NULL)
    {
      /* A pack changed on disk since it was loaded: the handout stays in the window's words. */
      g_warning ("The handout is not translated: %s", error->message);
      return;
    }

  g_set_object (&self->content, translated);
  if (checklist != NULL)
    {
      g_autofree char *ticks = atlas_checklist_serialize (checklist);

      g_clear_object (&self->checklist);
      self->checklist = atlas_checklist_new (translated);
      if (!atlas_checklist_deserialize (self->checklist, ticks, strlen (ticks), &error))
        g_warning ("The handout lost the ticks: %s", error->message);
    }
}

/**
 * atlas_handout_new_in_language:
 * @language: (nullable): the language to write in, such as "es" (one of
 *   atlas_language_get_installed()); %NULL for the language of messages now
 *
 * Like atlas_handout_new(), but in @language whatever the window's.
 *
 * Returns: (transfer full): a handout of what is on screen now
 */
AtlasHandout *
atlas_handout_new_in_language (AtlasContent   *content,
                               AtlasChecklist *checklist,
                               AtlasDiagram   *diagram,
                               const char     *region_id,
                               const char     *language)
{
  AtlasHandout *self;
  g_autofree char *current = atlas_language_dup_current ();
  g_autoptr(AtlasLanguageScope) scope = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTENT (content), NULL);

  self = g_object_new (ATLAS_TYPE_HANDOUT, NULL);
  self->content = g_object_ref (content);
  self->checklist = checklist ? g_object_ref (checklist) : NULL;
  self->diagram = diagram ? g_object_ref (diagram) : NULL;
  self->region_id = g_strdup (region_id);
  if (language != NULL && !g_str_equal (language, current))
    self->language = g_strdup (language);

  scope = atlas_language_push (self->language);
  if (self->language != NULL)
    translate_content (self, checklist);
  build (self);
  return self;
}

/**
 * atlas_handout_set_marks:
 * @marks: (nullable): what was drawn on the diagram, in its document coordinates
 *
 * Draws @marks on the handout's diagram, as they are now: later changes to @marks are not
 * printed.
 */
void
atlas_handout_set_marks (AtlasHandout *self,
                         AtlasMarks   *marks)
{
  g_return_if_fail (ATLAS_IS_HANDOUT (self));

  g_clear_object (&self->marks);
  if (marks != NULL && atlas_marks_get_n_marks (marks) > 0)
    {
      /* A copy without history: the handout keeps the marks of the moment it was made,
       * exactly (a round trip through the file format would round them, and could refuse them). */
      self->marks = atlas_marks_copy (marks);
    }
}

/**
 * atlas_handout_set_paper:
 *
 * Chooses the page size atlas_handout_write_pdf() writes.
 */
void
atlas_handout_set_paper (AtlasHandout      *self,
                         AtlasHandoutPaper  paper)
{
  g_return_if_fail (ATLAS_IS_HANDOUT (self));
  g_return_if_fail (paper == ATLAS_HANDOUT_PAPER_A4 || paper == ATLAS_HANDOUT_PAPER_LETTER);

  self->paper = paper;
}

/**
 * atlas_handout_paper_from_string:
 * @name: "a4" or "letter", in any case
 *
 * Returns: %TRUE if @name is a paper size the handout knows
 */
gboolean
atlas_handout_paper_from_string (const char        *name,
                                 AtlasHandoutPaper *paper)
{
  if (name != NULL && g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ATLAS_HANDOUT_PAPER_A4;
  else if (name != NULL && (g_ascii_strcasecmp (name, "letter") == 0 || g_ascii_strcasecmp (name, "us-letter") == 0))
    *paper = ATLAS_HANDOUT_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

void
atlas_handout_paper_get_size (AtlasHandoutPaper  paper,
                              double            *width,
                              double            *height)
{
  *width = paper == ATLAS_HANDOUT_PAPER_LETTER ? ATLAS_HANDOUT_LETTER_WIDTH : ATLAS_HANDOUT_A4_WIDTH;
  *height = paper == ATLAS_HANDOUT_PAPER_LETTER ? ATLAS_HANDOUT_LETTER_HEIGHT : ATLAS_HANDOUT_A4_HEIGHT;
}

/**
 * atlas_handout_dup_text:
 *
 * Returns: (transfer full): what the handout says, as plain text, block by block
 */
char *
atlas_handout_dup_text (AtlasHandout *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_HANDOUT (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      g_autofree char *plain_text = NULL;

      if (block->kind == BLOCK_DIAGRAM)
        {
          g_string_append (text, "[diagram]\n");
          continue;
        }
      if (block->kind == BLOCK_EXERCISE)
        {
          const char *parts[] = { block->markup, block->steps, block->after };

          if (block->picture != NULL)
            g_string_append_printf (text, "[picture of %s]\n", block->picture);
          for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
            {
              g_autofree char *part_text = NULL;

              if (parts[p] != NULL && pango_parse_markup (parts[p], -1, 0, NULL, &part_text, NULL, NULL))
                g_string_append_printf (text, "%s\n", part_text);
            }
          continue;
        }
      if (pango_parse_markup (block->markup, -1, 0, NULL, &plain_text, NULL, NULL))
        g_string_append_printf (text, "%s\n", plain_text);
    }

  return g_string_free (text, FALSE);
}
