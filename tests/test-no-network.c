/* test-no-network.c — a whole session that tests/check-sockets.py runs under strace.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The README promises that Psoas Atlas never touches the network (printing aside, where the
 * system's print service may talk to a printer). This program does what a session does: the
 * window starts, a tour runs, a quiz runs, a PDF handout is saved. check-sockets.py fails if
 * any socket is opened but the session's own (X11 and D-Bus, both on local Unix sockets).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>

#include "atlas-test-ui.h"
#include "atlas-window.h"

static void
test_a_whole_session (void **state)
{
  g_autoptr(AtlasSettings) settings = atlas_test_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("atlas-session-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "notes.pdf", NULL);
  g_autoptr(GError) error = NULL;
  AtlasWindow *window;

  atlas_settings_set_window_size (settings, 1500, 950, FALSE);
  window = atlas_test_open_window (settings);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-start", NULL);
  for (guint i = 0; i < 4; i++)
    {
      atlas_test_iterate ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-stop", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-start", NULL);
  for (guint i = 0; i < 4; i++)
    {
      atlas_test_iterate ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-next", NULL);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-stop", NULL);

  assert_true (atlas_window_export_handout (window, pdf, &error));
  atlas_test_iterate ();

  atlas_test_close_window (GTK_WINDOW (window));
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_a_whole_session),
  };

  gtk_init ();
  return cmocka_run_group_tests_name ("no-network", tests, NULL, NULL);
}
