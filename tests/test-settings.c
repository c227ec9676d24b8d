/* test-settings.c — AtlasSettings, the preferences model, without a display.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "atlas-settings.h"

static GSettings *
new_memory_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (APP_ID, backend);
}

static int
setup (void **state)
{
  GSettings *gsettings = new_memory_settings ();

  *state = atlas_settings_new (gsettings);
  g_object_unref (gsettings);
  return 0;
}

static int
teardown (void **state)
{
  g_assert_finalize_object (*state);
  return 0;
}

static void
test_defaults (void **state)
{
  AtlasSettings *settings = *state;
  int width, height;
  gboolean maximized;

  atlas_settings_get_window_size (settings, &width, &height, &maximized);
  assert_int_equal (width, 1280);
  assert_int_equal (height, 820);
  assert_false (maximized);
  assert_true (atlas_settings_get_show_checklist (settings));
  assert_true (atlas_settings_get_show_explanation (settings));
}

static void
test_window_size_round_trip (void **state)
{
  AtlasSettings *settings = *state;
  g_autoptr(GSettings) gsettings = NULL;
  int width, height;
  gboolean maximized;

  atlas_settings_set_window_size (settings, 1000, 700, FALSE);
  atlas_settings_get_window_size (settings, &width, &height, &maximized);
  assert_int_equal (width, 1000);
  assert_int_equal (height, 700);
  assert_false (maximized);

  /* What a window stores must reach GSettings, or the next start would not see it. */
  g_object_get (settings, "settings", &gsettings, NULL);
  assert_int_equal (g_settings_get_int (gsettings, "window-width"), 1000);
  assert_int_equal (g_settings_get_int (gsettings, "window-height"), 700);
}

static void
test_maximized_keeps_last_size (void **state)
{
  AtlasSettings *settings = *state;
  int width, height;
  gboolean maximized;

  atlas_settings_set_window_size (settings, 900, 600, FALSE);
  atlas_settings_set_window_size (settings, 3000, 2000, TRUE);
  atlas_settings_get_window_size (settings, &width, &height, &maximized);

  assert_true (maximized);
  assert_int_equal (width, 900);
  assert_int_equal (height, 600);
}

static void
test_absurd_sizes_are_clamped (void **state)
{
  AtlasSettings *settings = *state;
  g_autoptr(GSettings) gsettings = NULL;
  int width, height;

  /* A hand-edited or corrupted value must not produce an unusable window. */
  g_object_get (settings, "settings", &gsettings, NULL);
  g_settings_set_int (gsettings, "window-width", -5);
  g_settings_set_int (gsettings, "window-height", 1000000);

  atlas_settings_get_window_size (settings, &width, &height, NULL);
  assert_int_equal (width, 360);
  assert_int_equal (height, 16384);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_pane_state_notifies_once (void **state)
{
  AtlasSettings *settings = *state;
  g_autoptr(GSettings) gsettings = NULL;
  int count = 0;

  g_signal_connect (settings, "notify::show-checklist", G_CALLBACK (count_notify_cb), &count);

  atlas_settings_set_show_checklist (settings, FALSE);
  assert_false (atlas_settings_get_show_checklist (settings));
  assert_int_equal (count, 1);

  /* Setting the same value again is not a change. */
  atlas_settings_set_show_checklist (settings, FALSE);
  assert_int_equal (count, 1);

  /* A change made behind the model's back (another window, dconf-editor) is seen too. */
  g_object_get (settings, "settings", &gsettings, NULL);
  g_settings_set_boolean (gsettings, "show-checklist", TRUE);
  assert_true (atlas_settings_get_show_checklist (settings));
  assert_int_equal (count, 2);
}

static void
test_properties_match_getters (void **state)
{
  AtlasSettings *settings = *state;
  gboolean show_explanation;
  int width;

  g_object_set (settings, "show-explanation", FALSE, "window-width", 1111, NULL);
  g_object_get (settings, "show-explanation", &show_explanation, "window-width", &width, NULL);

  assert_false (show_explanation);
  assert_false (atlas_settings_get_show_explanation (settings));
  assert_int_equal (width, 1111);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_defaults, setup, teardown),
    cmocka_unit_test_setup_teardown (test_window_size_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown (test_maximized_keeps_last_size, setup, teardown),
    cmocka_unit_test_setup_teardown (test_absurd_sizes_are_clamped, setup, teardown),
    cmocka_unit_test_setup_teardown (test_pane_state_notifies_once, setup, teardown),
    cmocka_unit_test_setup_teardown (test_properties_match_getters, setup, teardown),
  };

  return cmocka_run_group_tests_name ("settings", tests, NULL, NULL);
}
