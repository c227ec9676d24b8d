/* atlas-checklist-pane-summary.c — what the ticks point to, and the warning-sign alert.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once a warning sign is ticked, an alert at the top says to get medical care, how urgently,
 * and the summary stops suggesting any self-care. The alert has the "alert" accessible role,
 * its title as its name and its advice as its description, and it takes the focus when a tick
 * makes it appear or changes its urgency, so screen readers speak it (see
 * _atlas_checklist_pane_announce_alert()); Tab and Shift+Tab reach it like any control
 * (_atlas_checklist_pane_focus()). The summary's lines are Tab stops too.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-checklist-pane-private.h"
#include "atlas-ui.h"

static void
summary_add (AtlasChecklistPane *self,
             const char         *markup,
             const char         *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A Tab stop, read out with its text (in GTK 4.8 only a selectable label takes the focus):
   * Tab went from the last row to "Remember my checklist" without a word of the summary. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->summary, label);
}

void
_atlas_checklist_pane_update_summary (AtlasChecklistPane *self)
{
  AtlasContent *content = atlas_checklist_get_content (self->checklist);
  g_autoptr(GPtrArray) structures = atlas_checklist_involved_structures (self->checklist);
  g_autoptr(GPtrArray) ticked = atlas_checklist_get_checked_symptoms (self->checklist);
  g_autoptr(GPtrArray) exercises = atlas_checklist_suggested_exercises (self->checklist);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary))) != NULL)
    gtk_box_remove (self->summary, child);

  if (atlas_checklist_has_red_flag (self->checklist))
    summary_add (self, _("<b>A warning sign is ticked.</b> Please get the medical care described at the top first. "
                         "Exercises and self-care are not suggested while a warning sign stands."), NULL);

  if (ticked->len == 0 && !atlas_checklist_has_red_flag (self->checklist))
    summary_add (self, _("Nothing is ticked yet. Nothing you tick leaves this computer, and nothing is kept "
                         "unless you turn on “Remember my checklist”."), "dim-label");

  if (structures->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *markup = NULL;

      for (guint i = 0; i < structures->len; i++)
        {
          const AtlasRegionContent *region = atlas_content_get_region (content, g_ptr_array_index (structures, i));
          g_autofree char *name = region ? atlas_rich_text_to_plain (region->name) : g_strdup (g_ptr_array_index (structures, i));

          g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
        }
      markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Structures involved, most often first:"), names->str);
      summary_add (self, markup, NULL);
    }

  for (guint i = 0; i < ticked->len; i++)
    {
      const AtlasSymptom *symptom = g_ptr_array_index (ticked, i);
      g_autofree char *name = atlas_rich_text_to_plain (symptom->name);
      g_autofree char *why = atlas_rich_text_to_plain (symptom->why);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s.</b> %s", name, why);

      summary_add (self, markup, NULL);
    }

  if (exercises->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *markup = NULL;
      guint cautions = 0;

      for (guint i = 0; i < exercises->len; i++)
        {
          const AtlasExercise *exercise = g_ptr_array_index (exercises, i);
          g_autofree char *name = atlas_rich_text_to_plain (exercise->name);

          g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", name);
          cautions += exercise->cautions->len;
        }
      markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Care the articles describe for these structures:"), list->str);
      summary_add (self, markup, NULL);
      if (cautions > 0)
        summary_add (self, _("Each one has cautions: read them in the structure’s explanation before you try it, "
                             "and stop if it hurts. Do not stretch a muscle that may be injured."), "atlas-caution");
    }

  summary_add (self, _("This is education, not a diagnosis, and it is not one of the validated back-pain questionnaires. "
                       "A clinician should assess pain that is severe, keeps coming back or does not ease."), "caption");
}

void
_atlas_checklist_pane_update_alert (AtlasChecklistPane *self)
{
  g_autofree char *title = NULL;
  g_autofree char *body = atlas_checklist_dup_alert (self->checklist, &title);
  gboolean emergency = atlas_checklist_needs_emergency (self->checklist);

  if (body == NULL)
    {
      gtk_revealer_set_reveal_child (self->alert_revealer, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->alert_revealer), "atlas-emergency");
      return;
    }

  /* The most urgent group decides the heading; the core writes the text, so the handout
   * prints exactly what the screen says. */
  gtk_label_set_label (self->alert_title, title);
  {
    g_autofree char *spaced = NULL;
    g_auto(GStrv) paragraphs = g_strsplit (body, "\n", -1);

    spaced = g_strjoinv ("\n\n", paragraphs);
    gtk_label_set_label (self->alert_body, spaced);
  }

  if (emergency)
    gtk_widget_add_css_class (GTK_WIDGET (self->alert_revealer), "atlas-emergency");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->alert_revealer), "atlas-emergency");
  gtk_revealer_set_reveal_child (self->alert_revealer, TRUE);
}

/* The advice often opens with the title's own words ("Go to an emergency department now.
 * Do not wait…"): read after the title, that would be the heading twice, so the description
 * starts after it. */
static const char *
advice_after_title (const char *body,
                    const char *title)
{
  gsize length = strlen (title);

  if (length == 0 || strncmp (body, title, length) != 0 || body[length] != '.')
    return body;

  body += length + 1;
  while (g_ascii_isspace (*body))
    body++;
  return *body != '\0' ? body : NULL;
}

static gboolean
alert_key_cb (AtlasChecklistPane    *self,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  GtkWidget *back = self->alert_return;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (back == NULL || !gtk_widget_get_mapped (back) || !gtk_widget_is_ancestor (back, GTK_WIDGET (self)))
    return FALSE;

  /* The alert took the focus from the row just ticked: Tab goes back to that row, so the
   * user carries on down the list from where they were, not from its top. */
  return gtk_widget_grab_focus (back);
}

static void
alert_focus_left_cb (AtlasChecklistPane *self)
{
  /* Reached another way later, the alert is left with Tab as anything else is. */
  g_clear_weak_pointer (&self->alert_return);
}

/* The GtkWidget::focus of the pane. GTK 4.8 never stops Tab on a box, however focusable: the
 * alert could only take the focus when it was announced, and Shift+Tab from the list went past
 * it. So the pane makes it the first stop on the way in, and the one before the list on the
 * way back. */
gboolean
_atlas_checklist_pane_focus (AtlasChecklistPane *self,
                             GtkDirectionType    direction,
                             gboolean          (*chain_up) (GtkWidget *, GtkDirectionType))
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean in_list;

  if (!self->template_built || !gtk_revealer_get_reveal_child (self->alert_revealer) ||
      !gtk_widget_get_focusable (self->alert) || !gtk_widget_get_mapped (self->alert) ||
      focus == self->alert)
    return chain_up (GTK_WIDGET (self), direction);

  if (direction == GTK_DIR_TAB_FORWARD && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    return gtk_widget_grab_focus (self->alert);

  in_list = focus != NULL && gtk_widget_is_ancestor (focus, self->scroller);
  if (chain_up (GTK_WIDGET (self), direction))
    return TRUE;
  if (direction == GTK_DIR_TAB_BACKWARD && in_list)
    return gtk_widget_grab_focus (self->alert);
  return FALSE;
}

/* Called once the template is built. */
void
_atlas_checklist_pane_init_alert (AtlasChecklistPane *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (alert_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->alert, keys);
  g_signal_connect_object (focus, "leave", G_CALLBACK (alert_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->alert, focus);
}

/* What a screen reader says about the alert: its title as its name, its advice as its
 * description. It is spoken (it takes the focus, see atlas_ui_announce()) the first time it
 * shows and whenever a tick changes its title with the urgency, never for a tick that changes
 * nothing, so ticking several signs does not keep pulling the focus away; nor for an untick,
 * which would take the user away from the row they just left. It stays a Tab stop, reached
 * again with Shift+Tab from the list. */
void
_atlas_checklist_pane_announce_alert (AtlasChecklistPane *self)
{
  const char *title = gtk_label_get_text (self->alert_title);
  const char *body = advice_after_title (gtk_label_get_text (self->alert_body), title);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) flags = atlas_checklist_get_checked_red_flags (self->checklist);
  gboolean ticked = flags->len > self->alert_flags;

  self->alert_flags = flags->len;
  if (!gtk_revealer_get_reveal_child (self->alert_revealer))
    {
      g_clear_pointer (&self->announced_title, g_free);
      /* Focus on a closing alert would be lost: it goes back to the list of signs. */
      if (gtk_widget_has_focus (self->alert))
        gtk_widget_child_focus (GTK_WIDGET (self->groups), GTK_DIR_TAB_FORWARD);
      gtk_widget_set_focusable (self->alert, FALSE);
      return;
    }

  /* Set once, here: atlas_ui_announce() setting it again on a focused alert would make a
   * screen reader read the changed name out a second time. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alert), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (body != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->alert), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->alert), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_focusable (self->alert, TRUE);
  if (g_strcmp0 (self->announced_title, title) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_free (self->announced_title);
  self->announced_title = g_strdup (title);
  if (!ticked)
    return;
  if (focus != NULL && focus != self->alert && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->groups)))
    g_set_weak_pointer (&self->alert_return, focus);
  atlas_ui_announce (self->alert, NULL, body);
}

gboolean
atlas_checklist_pane_get_alert_visible (AtlasChecklistPane *self)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST_PANE (self), FALSE);

  _atlas_checklist_pane_ensure_built (self);
  return self->template_built && gtk_revealer_get_reveal_child (self->alert_revealer);
}

/**
 * atlas_checklist_pane_dup_summary_text:
 *
 * Returns: (transfer full): the alert (when shown) and the summary, as plain text
 */
char *
atlas_checklist_pane_dup_summary_text (AtlasChecklistPane *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_CHECKLIST_PANE (self), NULL);

  _atlas_checklist_pane_ensure_built (self);
  if (!self->template_built)
    return g_string_free (text, FALSE);
  if (gtk_revealer_get_reveal_child (self->alert_revealer))
    g_string_append_printf (text, "%s\n%s\n", gtk_label_get_text (self->alert_title), gtk_label_get_text (self->alert_body));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->summary)); child; child = gtk_widget_get_next_sibling (child))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));

  return g_string_free (text, FALSE);
}
