/* atlas-handout.c — the printed notes a patient takes home: one renderer for every output.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout is built once as a list of blocks (headings, paragraphs, a warning box, the
 * diagram) from what is on screen: the structure being discussed, the ticked symptoms and the
 * care that goes with them. It is laid out for a page size with Pango and drawn with cairo, so
 * printing, PDF export and the tests all go through this one file. Warning signs come first and
 * replace any self-care, as they do on screen.
 *
 * A handout may be in another language than the window (the patient's, not the clinician's):
 * it is then built from the content read again in that language, and every step that puts
 * words on it runs inside an atlas-language.c scope, so headings, the date and the footer
 * follow too.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-handout.h"
#include "atlas-handout-private.h"
#include "atlas-illustrations.h"
#include "atlas-state-file.h"
#include "atlas-language.h"
#include "atlas-structures.h"

#define MARGIN        48.0
#define GAP            8.0
#define FOOTER_SPACE  36.0

/* A handout is a page or two to take home, not the whole library. */
#define MAX_EXERCISES  6

/* An exercise's picture sits beside its steps, at a size that shows the position in print; a
 * wide one (a start and an end position) goes above them, wider, so its figures are as big. */
#define PICTURE_WIDTH 150.0
#define WIDE_PICTURE_WIDTH 330.0
#define WIDE_ASPECT     2.0
#define PICTURE_GAP    14.0
/* Numbered steps hang: wrapped lines start under the text, not under the number. */
#define STEP_INDENT    16.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_ALERT,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_SMALL,
  BLOCK_DIAGRAM,
  BLOCK_EXERCISE,   /* markup: its name and summary; then its steps, the rest, its picture */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *markup;
  char      *steps;     /* BLOCK_EXERCISE: one paragraph per step, "N.\ttext" */
  char      *after;     /* BLOCK_EXERCISE: cautions and disagreements */
  char      *picture;   /* BLOCK_EXERCISE: the exercise id, when it has a picture */
  /* Laid out: */
  guint      page;
  double     y;
  double     height;
} Block;

struct _AtlasHandout
{
  GObject         parent_instance;

  AtlasContent   *content;
  AtlasChecklist *checklist;
  AtlasDiagram   *diagram;
  char           *region_id;
  AtlasMarks     *marks;
  AtlasHandoutPaper paper;
  char           *language;   /* NULL: the language of messages now */

  GArray         *blocks;
  guint           n_pages;
  double          width;
  double          height;
};

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
      /* A copy without history: the handout keeps the marks of the moment it was made. */
      g_autofree char *data = atlas_marks_serialize (marks);

      self->marks = atlas_marks_new_from_data (data, strlen (data), "marks", NULL);
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

static PangoLayout *
block_layout (cairo_t     *cr,
              const Block *block,
              double       width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  switch (block->kind)
    {
    case BLOCK_TITLE:
      pango_font_description_set_size (font, 22 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_SUBTITLE:
      pango_font_description_set_size (font, 11 * PANGO_SCALE);
      break;
    case BLOCK_HEADING:
      pango_font_description_set_size (font, 13 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_SMALL:
      pango_font_description_set_size (font, 8 * PANGO_SCALE);
      break;
    case BLOCK_ALERT:
      width -= 24;
      break;
    case BLOCK_TEXT:
    case BLOCK_DIAGRAM:
    case BLOCK_EXERCISE:
    default:
      break;
    }

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, block->markup ? block->markup : "", -1);
  pango_font_description_free (font);
  return layout;
}

/* An exercise: its picture beside its name, summary and numbered steps (with a hanging
 * indent), then its cautions across the whole width under both. */
typedef struct
{
  PangoLayout *parts[3];
  double       text_x;      /* from the margin, for the parts beside the picture */
  double       text_y;      /* from the block's top, below a wide picture */
  double       picture_w;
  double       picture_h;
  double       after_y;     /* from the block's top, where the cautions start */
  double       height;
} ExerciseLayout;

static void
exercise_layout (AtlasHandout   *self,
                 cairo_t        *cr,
                 const Block    *block,
                 double          width,
                 ExerciseLayout *out)
{
  Block part = *block;
  double picture_w = 0, picture_h = 0, text_h = 0;

  memset (out, 0, sizeof *out);
  if (block->picture != NULL && atlas_illustration_get_size (block->picture, &picture_w, &picture_h) && picture_w > 0)
    {
      if (picture_w / picture_h > WIDE_ASPECT)
        {
          out->picture_w = MIN (WIDE_PICTURE_WIDTH, width);
          out->picture_h = out->picture_w * picture_h / picture_w;
          out->text_y = out->picture_h + GAP;
        }
      else
        {
          out->picture_w = PICTURE_WIDTH;
          out->picture_h = PICTURE_WIDTH * picture_h / picture_w;
          out->text_x = PICTURE_WIDTH + PICTURE_GAP;
        }
    }

  part.kind = BLOCK_TEXT;
  out->parts[0] = block_layout (cr, &part, width - out->text_x);
  if (block->steps != NULL)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, (int) STEP_INDENT);

      part.markup = block->steps;
      out->parts[1] = block_layout (cr, &part, width - out->text_x);
      pango_layout_set_tabs (out->parts[1], tabs);
      pango_layout_set_indent (out->parts[1], (int) (-STEP_INDENT * PANGO_SCALE));
      pango_tab_array_free (tabs);
    }
  if (block->after != NULL)
    {
      part.markup = block->after;
      out->parts[2] = block_layout (cr, &part, width);
    }

  for (guint i = 0; i < 2; i++)
    if (out->parts[i] != NULL)
      {
        int h;

        pango_layout_get_pixel_size (out->parts[i], NULL, &h);
        text_h += h + (text_h > 0 ? GAP / 2 : 0);
      }
  out->after_y = out->text_y > 0 ? out->text_y + text_h : MAX (text_h, out->picture_h);
  out->height = out->after_y;
  if (out->parts[2] != NULL)
    {
      int h;

      pango_layout_get_pixel_size (out->parts[2], NULL, &h);
      out->after_y += GAP / 2;
      out->height = out->after_y + h;
    }
}

static void
exercise_layout_clear (ExerciseLayout *layout)
{
  for (guint i = 0; i < 3; i++)
    g_clear_object (&layout->parts[i]);
}

/**
 * atlas_handout_paginate:
 * @cr: a context on the target, for measuring text
 *
 * Lays the handout out on pages of @width × @height.
 *
 * Returns: how many pages it takes
 */
guint
atlas_handout_paginate (AtlasHandout *self,
                        cairo_t      *cr,
                        double        width,
                        double        height)
{
  double content_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - FOOTER_SPACE;
  double y = MARGIN;
  guint page = 0;
  g_autoptr(AtlasLanguageScope) scope = NULL;

  g_return_val_if_fail (ATLAS_IS_HANDOUT (self), 0);

  scope = atlas_language_push (self->language);

  self->width = width;
  self->height = height;

  /* Measure every block first: a heading needs to know how tall what follows it is. */
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double block_height;

      if (block->kind == BLOCK_DIAGRAM)
        {
          double aspect = atlas_diagram_get_height (self->diagram) / atlas_diagram_get_width (self->diagram);

          block_height = MIN (content_width * aspect, (height - 2 * MARGIN) * 0.5);
        }
      else if (block->kind == BLOCK_EXERCISE)
        {
          ExerciseLayout layout;

          exercise_layout (self, cr, block, content_width, &layout);
          block_height = layout.height;
          exercise_layout_clear (&layout);
        }
      else
        {
          g_autoptr(PangoLayout) layout = block_layout (cr, block, content_width);
          int h;

          pango_layout_get_pixel_size (layout, NULL, &h);
          block_height = h + (block->kind == BLOCK_ALERT ? 24 : 0);
        }
      block->height = block_height;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      const Block *next = i + 1 < self->blocks->len ? &g_array_index (self->blocks, Block, i + 1) : NULL;

      /* A block starts a page when it does not fit; a heading stays with the first block
       * under it (or as much of it as a page holds). */
      if (y + block->height > bottom && y > MARGIN)
        {
          page++;
          y = MARGIN;
        }
      else if (block->kind == BLOCK_HEADING && next != NULL && y > MARGIN &&
               y + block->height + GAP / 2 + MIN (next->height, bottom - MARGIN - block->height - GAP) > bottom)
        {
          page++;
          y = MARGIN;
        }

      block->page = page;
      block->y = y;
      y += block->height + (block->kind == BLOCK_HEADING ? GAP / 2 : GAP * 1.5);
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

static void
render_diagram (AtlasHandout *self,
                cairo_t      *cr,
                const Block  *block)
{
  _atlas_handout_render_diagram (cr, self->diagram, self->content, self->checklist, self->region_id, self->marks,
                                 MARGIN, block->y, self->width - 2 * MARGIN, block->height);
}

static void
render_exercise (AtlasHandout *self,
                 cairo_t      *cr,
                 const Block  *block)
{
  ExerciseLayout layout;
  double y;

  exercise_layout (self, cr, block, self->width - 2 * MARGIN, &layout);
  if (layout.picture_h > 0)
    atlas_illustration_render (block->picture, cr, MARGIN, block->y, layout.picture_w, layout.picture_h);
  y = block->y + layout.text_y;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < 2; i++)
    if (layout.parts[i] != NULL)
      {
        int h;

        cairo_move_to (cr, MARGIN + layout.text_x, y);
        pango_cairo_show_layout (cr, layout.parts[i]);
        pango_layout_get_pixel_size (layout.parts[i], NULL, &h);
        y += h + GAP / 2;
      }
  if (layout.parts[2] != NULL)
    {
      cairo_move_to (cr, MARGIN, block->y + layout.after_y);
      pango_cairo_show_layout (cr, layout.parts[2]);
    }
  exercise_layout_clear (&layout);
}

/**
 * atlas_handout_render_page:
 *
 * Draws page @page (from 0) of the layout made by atlas_handout_paginate(), in points.
 */
void
atlas_handout_render_page (AtlasHandout *self,
                           cairo_t      *cr,
                           guint         page)
{
  double content_width;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;
  g_autoptr(AtlasLanguageScope) scope = NULL;

  g_return_if_fail (ATLAS_IS_HANDOUT (self));
  g_return_if_fail (self->n_pages > 0);

  scope = atlas_language_push (self->language);

  content_width = self->width - 2 * MARGIN;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (block->page != page)
        continue;

      if (block->kind == BLOCK_DIAGRAM)
        {
          render_diagram (self, cr, block);
          continue;
        }
      if (block->kind == BLOCK_EXERCISE)
        {
          render_exercise (self, cr, block);
          continue;
        }

      layout = block_layout (cr, block, content_width);
      if (block->kind == BLOCK_ALERT)
        {
          /* A red box with white text, the strongest thing on the page. */
          cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
          cairo_rectangle (cr, MARGIN, block->y, content_width, block->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_move_to (cr, MARGIN + 12, block->y + 12);
        }
      else
        {
          if (block->kind == BLOCK_SUBTITLE || block->kind == BLOCK_SMALL)
            cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          else
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_move_to (cr, MARGIN, block->y);
        }
      pango_cairo_show_layout (cr, layout);
    }

  /* Translators: the footer of every printed page; %u are page numbers. */
  footer_text = g_strdup_printf (_("Psoas Atlas · Education, not a diagnosis: pain that is severe, keeps coming back or "
                                   "does not ease should be assessed by a clinician. · Page %u of %u"),
                                 page + 1, self->n_pages);
  footer = pango_cairo_create_layout (cr);
  {
    PangoFontDescription *font = pango_font_description_from_string ("Sans 7.5");
    pango_layout_set_font_description (footer, font);
    pango_font_description_free (font);
  }
  pango_layout_set_width (footer, (int) (content_width * PANGO_SCALE));
  pango_layout_set_wrap (footer, PANGO_WRAP_WORD);
  pango_layout_set_text (footer, footer_text, -1);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, self->height - MARGIN - FOOTER_SPACE / 2);
  pango_cairo_show_layout (cr, footer);
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

/**
 * atlas_handout_write_pdf:
 *
 * Writes the handout as a PDF to @path, on the paper atlas_handout_set_paper() chose (A4
 * unless told otherwise).
 */
static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
atlas_handout_write_pdf (AtlasHandout  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint pages;
  double width, height;
  g_autoptr(AtlasLanguageScope) scope = NULL;

  g_return_val_if_fail (ATLAS_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The footer, the PDF's title and everything drawn come out in the handout's language. */
  scope = atlas_language_push (self->language);

  /* Drawn in memory first, then saved like state: cairo writing to the file itself neither
   * reports every failed write nor keeps the old file when one fails half-way. */
  atlas_handout_paper_get_size (self->paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, width, height);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Psoas Atlas: notes to take home"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Psoas Atlas " PACKAGE_VERSION);

  pages = atlas_handout_paginate (self, cr, width, height);
  for (guint page = 0; page < pages; page++)
    {
      atlas_handout_render_page (self, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }

  return atlas_state_file_write_document (path, (const char *) pdf->data, pdf->len, error);
}
