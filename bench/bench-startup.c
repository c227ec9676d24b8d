/* bench-startup.c — how long the main window takes to show its first frame, against a bare
 * libadwaita window in the same run.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run in an X server (meson does this through xvfb-run). The first window of each kind pays for
 * one-time set-up (themes, fonts, resources, the built-in content); later ones show the cost of
 * a window itself. Start-up work that could wait until a view is shown should never show up
 * here: only the front view's diagram is loaded before the first frame. Both kinds of window
 * belong to the same application, so GtkApplication's own per-window work counts for both.
 * bench-process.c measures the whole process from outside. A third kind of window, a bare one
 * showing the front diagram drawn by librsvg (bare-diagram.h), is printed for information: what
 * drawing the picture costs any program, so the ratio against it is what Psoas Atlas adds.
 *
 * Usage: bench-startup SOURCE_ROOT (for the diagram and its palette).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "atlas-test-ui.h"

#include "bench-stats.h"
#include "bare-diagram.h"

#define RUNS      5
#define PROCESSES 5

static gboolean painted;
static char *svg_path, *css_path;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static gboolean
is_painted (gpointer data)
{
  return painted;
}

/* Seconds from creating a window to the end of its first painted frame. */
static double
time_window (GtkWindow *(*make) (AtlasSettings *settings),
             AtlasSettings *settings)
{
  gint64 start = g_get_monotonic_time ();
  GtkWindow *window = make (settings);
  GdkFrameClock *clock;
  gulong id;
  double elapsed;

  painted = FALSE;
  gtk_window_present (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  atlas_test_wait_for (is_painted, NULL, 10000);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_signal_handler_disconnect (clock, id);

  gtk_window_destroy (window);
  atlas_test_iterate ();
  return elapsed;
}

static GtkWindow *
make_bare (AtlasSettings *settings)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (atlas_test_application ()));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  return GTK_WINDOW (window);
}

static GtkWindow *
make_bare_diagram (AtlasSettings *settings)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (atlas_test_application ()));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), bare_diagram_new (svg_path, css_path));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  return GTK_WINDOW (window);
}

static GtkWindow *
make_atlas (AtlasSettings *settings)
{
  return GTK_WINDOW (atlas_window_new (GTK_APPLICATION (atlas_test_application ()), settings));
}

static double
best (double *values,
      guint   n)
{
  double b = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    b = MIN (b, values[i]);
  return b;
}

/* One process's figures: its first window of each kind, and the best of its later ones. */
static int
measure_in_this_process (void)
{
  g_autoptr(AtlasSettings) settings = NULL;
  double bare_first, atlas_first, bare[RUNS], atlas[RUNS], drawing[RUNS];

  gtk_init ();
  settings = atlas_test_settings_new ();

  bare_first = time_window (make_bare, settings);
  atlas_first = time_window (make_atlas, settings);
  for (guint i = 0; i < RUNS; i++)
    {
      bare[i] = time_window (make_bare, settings);
      atlas[i] = time_window (make_atlas, settings);
      drawing[i] = time_window (make_bare_diagram, settings);
    }

  printf ("%g %g %g %g %g\n", atlas_first, bare_first, best (atlas, RUNS), best (bare, RUNS), best (drawing, RUNS));
  return 0;
}

/* A first window happens once per process, so the program runs itself several times (in the
 * same X server and session bus) and prints the medians. */
int
main (int   argc,
      char *argv[])
{
  double figures[5][PROCESSES];
  double atlas_first, bare_first, atlas_later, bare_later, drawing_later, first, later;

  if (argc != 2 && !(argc == 3 && g_str_equal (argv[1], "--one-process")))
    {
      g_printerr ("Usage: %s SOURCE_ROOT\n", argv[0]);
      return 2;
    }
  svg_path = g_build_filename (argv[argc - 1], "resources", "diagrams", "front.svg", NULL);
  css_path = g_build_filename (argv[argc - 1], "resources", "diagrams", "palette-light.css", NULL);
  if (argc == 3)
    return measure_in_this_process ();

  for (guint p = 0; p < PROCESSES; p++)
    {
      const char *child[] = { argv[0], "--one-process", argv[1], NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf %lf %lf %lf", &figures[0][p], &figures[1][p], &figures[2][p], &figures[3][p], &figures[4][p]) != 5)
        {
          g_printerr ("A measuring process failed: %s\n", error ? error->message : out);
          return 1;
        }
    }

  atlas_first = bench_median (figures[0], PROCESSES);
  bare_first = bench_median (figures[1], PROCESSES);
  atlas_later = bench_median (figures[2], PROCESSES);
  bare_later = bench_median (figures[3], PROCESSES);
  drawing_later = bench_median (figures[4], PROCESSES);
  first = atlas_first / bare_first;
  later = atlas_later / bare_later;

  printf ("%-40s %10s %10s %8s\n", "first frame (median of 5 processes)", "Psoas Atlas", "bare window", "ratio");
  printf ("%-40s %8.1f ms %8.1f ms %7.2fx  %s (target: at most 1.15x)\n", "first window (with one-time set-up)",
          atlas_first * 1e3, bare_first * 1e3, first, first <= 1.15 ? "met" : "MISSED");
  printf ("%-40s %8.1f ms %8.1f ms %7.2fx  %s (target: at most 1.50x)\n", "later windows (best of 5 in each)",
          atlas_later * 1e3, bare_later * 1e3, later, later <= 1.5 ? "met" : "MISSED");
  printf ("%-40s %8.1f ms %8.1f ms %7.2fx  (for information: a bare window drawing the front diagram)\n",
          "later windows against the drawing alone", atlas_later * 1e3, drawing_later * 1e3, atlas_later / drawing_later);
  printf ("\n%s\n", first <= 1.15 && later <= 1.5 ? "All targets met." : "Some targets were missed (see above).");
  return 0;
}
