/* atlas-window-start-over.c — Start Over between two patients, and the undo of a Clear.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-window-private.h"
#include "atlas-ui.h"

/* Ctrl+Z undoes a Clear while its toast is up, and only then. */
static void
clear_toast_dismissed_cb (AtlasWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-clear", FALSE);
}

static void
show_undo_toast (AtlasWindow *self,
                 const char  *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-clear");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (clear_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-clear", TRUE);
  /* At once, over any other toast: Undo is worth little later. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* The toast's button was named "_Undo Undo" (see atlas_ui_plain_button_names()); the toast
   * is on the overlay now, beside the window's content. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay)); child;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (self->toast_overlay))
      atlas_ui_plain_button_names (child);
}

void
_atlas_window_checklist_cleared_cb (AtlasWindow *self)
{
  /* Start Over clears more than the checklist, and its toast says so. */
  if (!self->starting_over)
    show_undo_toast (self, _("Checklist cleared"));
}

void
_atlas_window_undo_clear_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GPtrArray *cleared = g_object_get_data (G_OBJECT (widget), "atlas-start-over-marks");

  atlas_checklist_pane_undo_clear (self->symptom_checklist);
  gtk_widget_action_set_enabled (widget, "win.undo-clear", FALSE);

  /* After Start Over the toast's Undo brings the marks back too, unless drawing began again. */
  for (guint i = 0; cleared != NULL && i < cleared->len; i++)
    {
      AtlasMarks *marks = g_ptr_array_index (cleared, i);

      if (atlas_marks_get_n_marks (marks) == 0)
        atlas_marks_undo (marks);
    }
  g_object_set_data (G_OBJECT (widget), "atlas-start-over-marks", NULL);
}

/* Between two patients: nothing of the last one stays on screen. The checklist's Clear keeps
 * its undo, in case this was a slip. */
void
_atlas_window_start_over_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GPtrArray *cleared = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ticked = atlas_checklist_get_n_checked (atlas_checklist_pane_get_checklist (self->symptom_checklist)) > 0;

  atlas_window_classroom_stop (self);

  for (AtlasViewPage **page = (AtlasViewPage *[]) { self->front_page, self->side_page, self->section_page, NULL }; *page; page++)
    {
      AtlasDiagramView *view = atlas_view_page_peek_diagram_view (*page);

      /* A page never built has nothing to start over. */
      if (view == NULL)
        continue;

      atlas_diagram_view_set_selected_region (view, NULL);
      /* The marks go with the rest; their own undo can bring them back. */
      atlas_diagram_view_set_drawing (view, FALSE);
      if (atlas_marks_get_n_marks (atlas_diagram_view_get_marks (view)) > 0)
        {
          atlas_marks_clear (atlas_diagram_view_get_marks (view));
          g_ptr_array_add (cleared, g_object_ref (atlas_diagram_view_get_marks (view)));
        }
      atlas_diagram_view_set_state (view, 0);
      atlas_diagram_view_zoom_to_fit (view);
    }

  g_object_set_data_full (G_OBJECT (self), "atlas-start-over-marks", cleared, (GDestroyNotify) g_ptr_array_unref);
  self->starting_over = TRUE;
  atlas_checklist_pane_clear (self->symptom_checklist);
  self->starting_over = FALSE;
  atlas_window_set_view (self, "front");

  /* One toast for all of it, with Undo for the ticks and the marks, in case this was a slip. */
  if (ticked || cleared->len > 0)
    show_undo_toast (self, _("Cleared for the next person"));
}
