/* atlas-window-handout.c — the main window's handout actions: print it, save it as a PDF.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout itself, its layout and its pages, is the core's (atlas-handout.c), so the same
 * pages come out of the printer, a saved PDF and the command line. Here the window only picks
 * what goes on it and asks where it should go.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-handout.h"
#include "atlas-views.h"
#include "atlas-window-private.h"

/* The handout shows the visible view in its light style (paper is white), with the symptoms
 * and the selected structure, whatever the screen's style. */
static AtlasHandout *
new_handout (AtlasWindow *self)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);
  AtlasDiagramView *view = page ? atlas_view_page_get_diagram_view (page) : NULL;
  const AtlasViewInfo *info = page ? atlas_views_lookup (atlas_view_page_get_view_name (page)) : NULL;
  g_autoptr(AtlasDiagram) diagram = NULL;
  AtlasHandout *handout;
  AtlasContent *content = atlas_application_get_content (ATLAS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  /* The posture on the handout is the one on screen, even between the two ends of the slider. */
  if (info != NULL && view != NULL && atlas_diagram_view_get_diagram (view) != NULL)
    diagram = atlas_diagram_view_is_morphable (view)
              ? atlas_view_load_posture (info, atlas_diagram_view_get_morph (view), NULL)
              : atlas_view_load_builtin (info, atlas_diagram_view_get_state (view), NULL);

  handout = atlas_handout_new (content, atlas_checklist_pane_get_checklist (self->symptom_checklist), diagram,
                               view ? atlas_diagram_view_get_selected_region (view) : NULL);
  /* What the clinician drew goes on paper with the rest; it is kept nowhere else. */
  if (diagram != NULL)
    atlas_handout_set_marks (handout, atlas_diagram_view_get_marks (view));
  return handout;
}

/**
 * atlas_window_export_handout:
 * @path: where to write the PDF
 *
 * Writes the handout of what the window shows now.
 */
gboolean
atlas_window_export_handout (AtlasWindow  *self,
                             const char   *path,
                             GError      **error)
{
  g_autoptr(AtlasHandout) handout = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  handout = new_handout (self);
  /* A saved PDF is printed on the paper usual where the user is: US Letter or A4. */
  {
    g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (gtk_paper_size_get_default ());

    if (g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER))
      atlas_handout_set_paper (handout, ATLAS_HANDOUT_PAPER_LETTER);
  }
  return atlas_handout_write_pdf (handout, path, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    AtlasWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      AdwToast *toast;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a folder on this computer"));
      else
        atlas_window_export_handout (self, path, &error);

      toast = adw_toast_new (error ? error->message : _("Handout saved"));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
atlas_window_export_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Save Handout as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: the suggested file name of the saved handout. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("psoas-notes.pdf"));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_begin_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                AtlasHandout      *handout)
{
  guint pages = atlas_handout_paginate (handout, gtk_print_context_get_cairo_context (context),
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, pages);
}

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    AtlasHandout      *handout)
{
  atlas_handout_render_page (handout, gtk_print_context_get_cairo_context (context), page);
}

void
atlas_window_print_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  AtlasHandout *handout = new_handout (self);

  /* Points, as the handout is laid out in; the page's margins are the handout's own. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Psoas Atlas handout"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (print_begin_cb), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page_cb), handout);
  g_object_set_data_full (G_OBJECT (operation), "handout", handout, g_object_unref);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}
