/* bare-window.c — the reference for bench-process: a bare libadwaita window, started and ended
 * the way PSOAS_ATLAS_QUIT_AFTER_FIRST_FRAME=1 starts and ends Psoas Atlas.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same kind of application (a unique AdwApplication on the session bus), a window of the
 * same default size with a header bar and a label, quitting once its first frame is painted.
 * Given an SVG and a style sheet (bare-window SVG CSS), the label is replaced by that drawing,
 * read and drawn by librsvg (bare-diagram.h): the least a program showing the diagram must do.
 */
#include <adwaita.h>
#include <stdlib.h>

#include "bare-diagram.h"

static const char *svg_path, *css_path;

static void
painted_cb (GdkFrameClock *clock,
            GApplication  *application)
{
  /* Ended at once, as Psoas Atlas is: the time measured is exec to the first frame. */
  g_signal_handlers_disconnect_by_func (clock, painted_cb, application);
  exit (EXIT_SUCCESS);
}

static void
mapped_cb (GtkWidget    *window,
           GApplication *application)
{
  g_signal_handlers_disconnect_by_func (window, mapped_cb, application);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (painted_cb), application, 0);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), svg_path != NULL ? bare_diagram_new (svg_path, css_path) : gtk_label_new ("Hello"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.psoasatlas.BareWindow", G_APPLICATION_DEFAULT_FLAGS);

  if (argc == 3)
    {
      svg_path = argv[1];
      css_path = argv[2];
    }
  else if (argc != 1)
    {
      g_printerr ("Usage: %s [SVG CSS]\n", argv[0]);
      return 2;
    }

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
