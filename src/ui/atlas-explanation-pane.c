/* atlas-explanation-pane.c — what the selected structure is, what the sources say about it.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane reads top to bottom the way a patient asks: what is it (summary), what do the
 * articles say (each statement with its sources), what does reference anatomy say, where do
 * the sources disagree, and what can I do (exercises and care, with their cautions). Every
 * citation and every glossary term is a link that opens a popover, so nothing is asserted
 * without its source being one click away; those links and popovers are in
 * atlas-explanation-pane-links.c (see atlas-explanation-pane-private.h).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "atlas-explanation-pane-private.h"
#include "atlas-illustrations.h"
#include "atlas-checklist.h"
#include "atlas-structures.h"
#include "atlas-ui.h"

G_DEFINE_FINAL_TYPE (AtlasExplanationPane, atlas_explanation_pane, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_REGIONS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "text (Source A, Source B)", with the sources as links. */
static char *
statement_markup (AtlasExplanationPane *self,
                  const char           *rich_text,
                  GStrv                 cites,
                  AtlasStatementKind    kind)
{
  g_autofree char *text = atlas_rich_text_to_markup (rich_text);
  GString *markup = g_string_new (NULL);

  if (kind == ATLAS_STATEMENT_ANECDOTE)
    /* Translators: marks a statement that is one person's story, not evidence. */
    g_string_append_printf (markup, "<b>%s</b> ", _("A story, not evidence:"));
  else if (kind == ATLAS_STATEMENT_OPINION)
    /* Translators: marks a statement that an article gives without evidence. */
    g_string_append_printf (markup, "<b>%s</b> ", _("An opinion, given without evidence:"));

  g_string_append (markup, text);

  {
    g_autofree char *citation = atlas_content_dup_citation_markup (self->content, cites);

    g_string_append (markup, citation);
  }

  return g_string_free (markup, FALSE);
}

/* @level: 0 for text, or the level of a heading, which screen readers list and jump between
 *
 * Every label of the page is a Tab stop, which a screen reader reads out with its text: Tab is
 * how its users read a GTK application, and it went from link to link, skipping the cautions
 * and steps of an exercise and every line without one. In GTK 4.8 only a selectable label
 * (or a link in one) takes the focus; a label made focusable alone is still passed over. */
static GtkWidget *
add_label_full (AtlasExplanationPane *self,
                GtkBox               *box,
                const char           *markup,
                const char           *css_class,
                int                   level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", level > 0 ? GTK_ACCESSIBLE_ROLE_HEADING : GTK_ACCESSIBLE_ROLE_LABEL,
                                   NULL);

  if (level > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  g_signal_connect (label, "activate-link", G_CALLBACK (_atlas_explanation_pane_link_cb), self);
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
add_label (AtlasExplanationPane *self,
           GtkBox               *box,
           const char           *markup,
           const char           *css_class)
{
  return add_label_full (self, box, markup, css_class, 0);
}

static void
add_heading (AtlasExplanationPane *self,
             const char           *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  GtkWidget *label = add_label_full (self, self->box, markup, "heading", 2);

  gtk_widget_add_css_class (label, "atlas-section-heading");
  gtk_widget_set_margin_top (label, 18);
}

static void
add_statements (AtlasExplanationPane *self,
                GPtrArray            *statements)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const AtlasStatement *statement = g_ptr_array_index (statements, i);
      g_autofree char *markup = statement_markup (self, statement->text, statement->cites, statement->kind);

      add_label (self, self->box, markup, "atlas-statement");
    }
}

/* Opening an exercise outlines the structures it works on; closing it (or opening another)
 * takes the outline away. */
static void
exercise_expanded_cb (GtkExpander          *expander,
                      GParamSpec           *pspec,
                      AtlasExplanationPane *self)
{
  const AtlasExercise *exercise = g_object_get_data (G_OBJECT (expander), "exercise");

  if (gtk_expander_get_expanded (expander))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box)); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_EXPANDER (child) && child != GTK_WIDGET (expander))
          gtk_expander_set_expanded (GTK_EXPANDER (child), FALSE);
      g_signal_emit (self, signals[SIGNAL_SHOW_REGIONS], 0, exercise->regions);
    }
  else
    g_signal_emit (self, signals[SIGNAL_SHOW_REGIONS], 0, NULL);
}

/* Each disagreement: its topic in bold, then what each side says, with its sources. */
static void
add_disagreements (AtlasExplanationPane *self,
                   GtkBox               *box,
                   GPtrArray            *disagreements)
{
  for (guint i = 0; disagreements != NULL && i < disagreements->len; i++)
    {
      const AtlasDisagreement *disagreement = g_ptr_array_index (disagreements, i);
      g_autofree char *topic = atlas_rich_text_to_markup (disagreement->topic);
      g_autofree char *topic_markup = g_strdup_printf ("<b>%s</b>", topic);
      /* Each question is a heading under "Where the Sources Disagree" (or under its exercise). */
      GtkWidget *label = add_label_full (self, box, topic_markup, NULL, 3);

      gtk_widget_set_margin_top (label, 6);
      for (guint v = 0; v < disagreement->views->len; v++)
        {
          const AtlasStatement *view = g_ptr_array_index (disagreement->views, v);
          g_autofree char *markup = statement_markup (self, view->text, view->cites, view->kind);
          g_autofree char *bullet = g_strdup_printf ("•  %s", markup);

          label = add_label (self, box, bullet, "atlas-view");
          gtk_widget_set_margin_start (label, 12);
        }
    }
}

/* What a screen reader says after an exercise's name, closed or open: its cautions first, then
 * its steps, made from the same texts as the labels inside it. */
static char *
exercise_description (const AtlasExercise *exercise)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < exercise->cautions->len; i++)
    {
      g_autofree char *caution = atlas_rich_text_to_plain (g_ptr_array_index (exercise->cautions, i));

      g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n" : "", _("Caution:"), caution);
    }
  for (guint i = 0; i < exercise->steps->len; i++)
    {
      g_autofree char *step = atlas_rich_text_to_plain (g_ptr_array_index (exercise->steps, i));

      g_string_append_printf (text, "%s%u. %s", text->len > 0 ? "\n" : "", i + 1, step);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
exercise_widget (AtlasExplanationPane *self,
                 const AtlasExercise  *exercise)
{
  GtkWidget *expander = gtk_expander_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  g_autofree char *name = atlas_rich_text_to_plain (exercise->name);
  g_autofree char *summary = statement_markup (self, exercise->summary, exercise->cites, ATLAS_STATEMENT_PLAIN);
  const char *kind = g_str_equal (exercise->kind, "stretch") ? _("Stretch") :
                     g_str_equal (exercise->kind, "strengthen") ? _("Strengthening") :
                     g_str_equal (exercise->kind, "hands-on") ? _("Hands-on treatment") : _("Self-care");
  g_autofree char *title_markup = g_markup_printf_escaped ("%s <span alpha=\"60%%\">· %s</span>", name, kind);
  g_autofree char *picture_path = NULL;

  gtk_label_set_markup (GTK_LABEL (title), title_markup);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), title);
  {
    /* Translators: the name screen readers give an exercise, e.g. "Knee-to-chest stretch, Stretch". */
    g_autofree char *label = g_strdup_printf (_("%s, %s"), name, kind);

    g_autofree char *description = exercise_description (exercise);

    gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  }

  gtk_widget_set_margin_start (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 6);
  add_label (self, box, summary, NULL);

  /* The position the steps describe, drawn (start and end where a movement matters). */
  if ((picture_path = atlas_illustration_dup_resource (exercise->id)) != NULL)
    {
      GtkWidget *picture = gtk_picture_new_for_resource (picture_path);
      /* Translators: the alternative text of an exercise's picture; %s is the exercise's name. */
      g_autofree char *alternative = g_strdup_printf (_("Drawing of the positions for “%s”"), name);
      double width = 1, height = 1;

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), alternative);
      /* GTK 4.8 names a picture "GtkPicture", whatever its alternative text. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, alternative, -1);
      gtk_widget_set_halign (picture, GTK_ALIGN_FILL);

      /* GTK 4.8 gives a shrinkable picture no height of its own in this box: ask for the height
       * it has at the pane's usual width, so it is shown whole and without empty bands. */
      atlas_illustration_get_size (exercise->id, &width, &height);
      gtk_widget_set_size_request (picture, -1, (int) CLAMP (280 * height / width, 60, 160));
      gtk_widget_add_css_class (picture, "atlas-exercise-picture");
      gtk_box_append (box, picture);
    }

  for (guint i = 0; i < exercise->steps->len; i++)
    {
      g_autofree char *text = atlas_rich_text_to_markup (g_ptr_array_index (exercise->steps, i));
      g_autofree char *markup = g_strdup_printf ("<b>%u.</b> %s", i + 1, text);

      add_label (self, box, markup, "atlas-step");
    }

  for (guint i = 0; i < exercise->cautions->len; i++)
    {
      g_autofree char *text = atlas_rich_text_to_markup (g_ptr_array_index (exercise->cautions, i));
      /* Translators: precedes a warning about an exercise. */
      g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", _("Caution:"), text);

      add_label (self, box, markup, "atlas-caution");
    }

  /* An article may file an exercise under the wrong action: its claim stays its own, and the
   * reference anatomy stands beside it. */
  if (exercise->disagreements != NULL && exercise->disagreements->len > 0)
    add_disagreements (self, box, exercise->disagreements);

  gtk_expander_set_child (GTK_EXPANDER (expander), GTK_WIDGET (box));
  g_object_set_data (G_OBJECT (expander), "exercise", (gpointer) exercise);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (exercise_expanded_cb), self);
  return expander;
}

static void
clear_box (AtlasExplanationPane *self)
{
  GtkWidget *child;

  _atlas_explanation_pane_unparent_popovers (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
}

/**
 * atlas_explanation_pane_show_region:
 * @region: (nullable): the region to explain; %NULL shows how to choose one
 */
void
atlas_explanation_pane_show_region (AtlasExplanationPane *self,
                                    const AtlasRegion    *region)
{
  const AtlasRegionContent *entry;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title_markup = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GPtrArray) symptoms = NULL;
  GtkAdjustment *adjustment;

  g_return_if_fail (ATLAS_IS_EXPLANATION_PANE (self));

  _atlas_explanation_pane_unparent_popovers (self);
  g_signal_emit (self, signals[SIGNAL_SHOW_REGIONS], 0, NULL);
  self->region = region;
  self->care_withdrawn = self->checklist != NULL && atlas_checklist_has_red_flag (self->checklist);

  if (region == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  clear_box (self);
  entry = self->content ? atlas_content_get_region (self->content, region->structure) : NULL;
  name = atlas_region_dup_short_name (region, self->content);

  title_markup = g_markup_escape_text (name, -1);
  add_label_full (self, self->box, title_markup, "title-1", 1);

  switch (region->side)
    {
    case ATLAS_SIDE_LEFT:
      /* Translators: "Muscles · on the patient's left side" */
      subtitle = g_strdup_printf (_("%s · on the patient’s left side"), atlas_group_get_title (atlas_region_get_group (region)));
      break;
    case ATLAS_SIDE_RIGHT:
      subtitle = g_strdup_printf (_("%s · on the patient’s right side"), atlas_group_get_title (atlas_region_get_group (region)));
      break;
    case ATLAS_SIDE_NONE:
    default:
      subtitle = g_strdup (atlas_group_get_title (atlas_region_get_group (region)));
      break;
    }
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
    add_label (self, self->box, escaped, "dim-label");
  }

  /* What the articles recommend stays readable as what they say, but nobody with a warning
   * sign should take it as advice for now. */
  if (self->care_withdrawn)
    {
      GtkWidget *label = add_label (self, self->box,
                                    _("<b>A warning sign is ticked.</b> Do not try any stretch, exercise or massage "
                                      "that this page mentions until a doctor has checked you."),
                                    "atlas-care-withdrawn");

      gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_margin_top (label, 6);
    }

  if (entry == NULL)
    {
      add_label (self, self->box, _("No explanation has been written for this structure yet."), "atlas-summary");
      gtk_stack_set_visible_child_name (self->stack, "region");
      return;
    }

  {
    g_autofree char *summary = atlas_rich_text_to_markup (entry->summary);
    GtkWidget *label = add_label (self, self->box, summary, "atlas-summary");

    gtk_widget_set_margin_top (label, 12);
  }

  if (entry->articles->len > 0)
    {
      add_heading (self, _("What the Articles Say"));
      add_statements (self, entry->articles);
    }

  if (entry->anatomy->len > 0)
    {
      add_heading (self, _("Reference Anatomy"));
      add_statements (self, entry->anatomy);
    }

  if (entry->disagreements->len > 0)
    {
      add_heading (self, _("Where the Sources Disagree"));
      add_disagreements (self, self->box, entry->disagreements);
    }

  exercises = self->checklist != NULL ? atlas_checklist_care_for (self->checklist, region->structure)
                                      : atlas_content_exercises_for (self->content, region->structure);
  if (self->care_withdrawn)
    {
      g_autoptr(GPtrArray) all = atlas_content_exercises_for (self->content, region->structure);

      /* Say that care exists but is held back, so nobody thinks it was forgotten. */
      if (all->len > 0)
        {
          GtkWidget *label;

          add_heading (self, _("Exercises and Care"));
          label = add_label (self, self->box,
                             _("Exercises and hands-on care are hidden while a warning sign is ticked. "
                               "Get the medical help the warning describes first."),
                             "atlas-care-withdrawn");
          gtk_widget_add_css_class (label, "warning");
        }
    }
  else if (exercises->len > 0)
    {
      GtkWidget *label;

      add_heading (self, _("Exercises and Care"));
      label = add_label (self, self->box,
                         _("Before you try any of these, look through the warning signs in the Symptoms tab."),
                         "dim-label");
      gtk_widget_set_margin_bottom (label, 6);
      for (guint i = 0; i < exercises->len; i++)
        gtk_box_append (self->box, exercise_widget (self, g_ptr_array_index (exercises, i)));
    }

  symptoms = atlas_content_symptoms_for (self->content, region->structure);
  if (symptoms->len > 0)
    {
      add_heading (self, _("Symptoms the Articles Link Here"));
      for (guint i = 0; i < symptoms->len; i++)
        {
          const AtlasSymptom *symptom = g_ptr_array_index (symptoms, i);
          g_autofree char *markup = statement_markup (self, symptom->name, symptom->cites, ATLAS_STATEMENT_PLAIN);
          g_autofree char *bullet = g_strdup_printf ("•  %s", markup);

          add_label (self, self->box, bullet, NULL);
        }
    }

  {
    GtkWidget *note = add_label (self, self->box,
                                 _("This is education, not a diagnosis. Pain that is severe, keeps coming back or does not ease should be assessed by a clinician."),
                                 "dim-label");
    gtk_widget_set_margin_top (note, 24);
    gtk_widget_add_css_class (note, "caption");
  }

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adjustment, 0);
  gtk_stack_set_visible_child_name (self->stack, "region");
}

/**
 * atlas_explanation_pane_open_exercise:
 * @exercise_id: an exercise of the structure shown
 *
 * Opens that exercise (outlining what it works on) and gives it the keyboard focus.
 *
 * Returns: %FALSE if the pane does not show it, as while a warning sign is ticked
 */
gboolean
atlas_explanation_pane_open_exercise (AtlasExplanationPane *self,
                                      const char           *exercise_id)
{
  g_return_val_if_fail (ATLAS_IS_EXPLANATION_PANE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box)); child; child = gtk_widget_get_next_sibling (child))
    {
      const AtlasExercise *exercise = g_object_get_data (G_OBJECT (child), "exercise");

      if (GTK_IS_EXPANDER (child) && exercise != NULL && g_str_equal (exercise->id, exercise_id))
        {
          gtk_expander_set_expanded (GTK_EXPANDER (child), TRUE);
          gtk_widget_grab_focus (child);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * atlas_explanation_pane_dup_text:
 *
 * Returns: (transfer full): everything the pane shows, as plain text, one label per line
 */
char *
atlas_explanation_pane_dup_text (AtlasExplanationPane *self)
{
  GString *text = g_string_new (NULL);
  GtkWidget *root;

  g_return_val_if_fail (ATLAS_IS_EXPLANATION_PANE (self), NULL);

  root = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "region") ? GTK_WIDGET (self->box)
                                                                               : gtk_stack_get_visible_child (self->stack);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else if (GTK_IS_EXPANDER (child))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (gtk_expander_get_label_widget (GTK_EXPANDER (child)))));
      else if (ADW_IS_STATUS_PAGE (child))
        g_string_append_printf (text, "%s\n", adw_status_page_get_title (ADW_STATUS_PAGE (child)));
    }
  if (ADW_IS_STATUS_PAGE (root))
    g_string_append_printf (text, "%s\n", adw_status_page_get_title (ADW_STATUS_PAGE (root)));

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------------------------ */

void
atlas_explanation_pane_set_content (AtlasExplanationPane *self,
                                    AtlasContent         *content)
{
  g_return_if_fail (ATLAS_IS_EXPLANATION_PANE (self));

  g_set_object (&self->content, content);
}

/* Ticking or clearing a warning sign withdraws or restores care on the page already open; other
 * ticks change nothing here, so the reader keeps their place. */
static void
checklist_changed_cb (AtlasExplanationPane *self)
{
  gboolean withdrawn = atlas_checklist_has_red_flag (self->checklist);

  if (withdrawn == self->care_withdrawn)
    return;
  if (self->region != NULL)
    atlas_explanation_pane_show_region (self, self->region);
  else
    self->care_withdrawn = withdrawn;
}

/**
 * atlas_explanation_pane_set_checklist:
 * @checklist: (nullable): the checklist whose warning signs withdraw care
 *
 * While any warning sign is ticked in @checklist, the pane shows no exercises or care, only a
 * line that points to the warning.
 */
void
atlas_explanation_pane_set_checklist (AtlasExplanationPane *self,
                                      AtlasChecklist       *checklist)
{
  g_return_if_fail (ATLAS_IS_EXPLANATION_PANE (self));
  g_return_if_fail (checklist == NULL || ATLAS_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;
  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_func (self->checklist, checklist_changed_cb, self);
  g_set_object (&self->checklist, checklist);
  if (checklist != NULL)
    g_signal_connect_object (checklist, "changed", G_CALLBACK (checklist_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->region != NULL)
    atlas_explanation_pane_show_region (self, self->region);
}

static void
atlas_explanation_pane_dispose (GObject *object)
{
  AtlasExplanationPane *self = ATLAS_EXPLANATION_PANE (object);

  if (self->closed_popovers != NULL)
    _atlas_explanation_pane_unparent_popovers (self);
  g_clear_pointer (&self->closed_popovers, g_ptr_array_unref);
  g_clear_weak_pointer (&self->popover_return);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EXPLANATION_PANE);
  g_clear_object (&self->content);
  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_func (self->checklist, checklist_changed_cb, self);
  g_clear_object (&self->checklist);
  self->region = NULL;

  G_OBJECT_CLASS (atlas_explanation_pane_parent_class)->dispose (object);
}

static void
atlas_explanation_pane_class_init (AtlasExplanationPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_explanation_pane_dispose;

  /**
   * AtlasExplanationPane::show-regions:
   * @structures: (nullable) (array zero-terminated=1): structures the reader is looking at,
   *   such as those an opened exercise works on; %NULL when there are none
   */
  signals[SIGNAL_SHOW_REGIONS] =
    g_signal_new ("show-regions", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/atlas-explanation-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasExplanationPane, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasExplanationPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasExplanationPane, box);

  gtk_widget_class_set_css_name (widget_class, "atlas-explanation-pane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_explanation_pane_init (AtlasExplanationPane *self)
{
  self->closed_popovers = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_ui_plain_button_names (GTK_WIDGET (self));
}

GtkWidget *
atlas_explanation_pane_new (void)
{
  return g_object_new (ATLAS_TYPE_EXPLANATION_PANE, NULL);
}
