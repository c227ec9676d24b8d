/* test-user-packs.c — the user's content packs never keep the window from appearing.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack within every limit could take a minute to read, and user packs were read on the
 * main thread before the window was made, so it never appeared. Now they are read in a worker
 * thread while the window shows the built-in content, and merged when read.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-checklist-pane.h"
#include "atlas-test-ui.h"
#include "atlas-window.h"

static const char extra_pack[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<atlas-content version=\"1\">\n"
  "  <term id=\"user-pack-term\">\n"
  "    <name>user term</name>\n"
  "    <definition>A term that only a user pack defines.</definition>\n"
  "  </term>\n"
  "  <symptom id=\"user-pack-symptom\" group=\"hip\" sided=\"no\" regions=\"psoas-major\" cite=\"conatser\">\n"
  "    <name>A symptom from a user pack</name>\n"
  "    <why>It is here to be found.</why>\n"
  "  </symptom>\n"
  "</atlas-content>\n";

static char *data_home;

static void
write_pack (const char *name,
            const char *text)
{
  g_autofree char *dir = g_build_filename (data_home, "psoas-atlas", "packs", name, NULL);
  g_autofree char *path = g_build_filename (dir, "pack.xml", NULL);

  assert_int_equal (g_mkdir_with_parents (dir, 0700), 0);
  assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gboolean
packs_loaded (gpointer data)
{
  return !atlas_application_get_loading_content (data);
}

static guint
count_groups (GtkWidget *widget)
{
  guint n = ADW_IS_PREFERENCES_GROUP (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_groups (child);
  return n;
}

static void
test_the_window_does_not_wait_for_user_packs (void **state)
{
  AtlasApplication *app = atlas_test_application ();
  g_autoptr(AtlasSettings) settings = atlas_test_settings_new ();
  AtlasContent *content;
  AtlasWindow *window;
  AtlasChecklistPane *pane;
  GPtrArray *problems;

  write_pack ("extra", extra_pack);
  write_pack ("broken", "<atlas-content version=\"1\"><term id=\"x\">");

  /* The built-in content is there at once; the packs are still being read. */
  content = atlas_application_get_content (app);
  assert_true (atlas_application_get_loading_content (app));
  assert_non_null (atlas_content_get_term (content, "femur"));
  assert_null (atlas_content_get_term (content, "user-pack-term"));

  /* The window opens meanwhile, with the checklist pane showing. */
  atlas_settings_set_window_size (settings, 1500, 950, FALSE);
  window = atlas_test_open_window (settings);
  pane = atlas_test_window_child (window, "symptom_checklist");

  assert_true (atlas_test_wait_for (packs_loaded, app, 20000));
  assert_non_null (atlas_content_get_term (content, "user-pack-term"));
  problems = atlas_application_get_content_problems (app);
  assert_int_equal (problems->len, 1);
  assert_non_null (strstr (g_ptr_array_index (problems, 0), "broken"));

  /* The checklist shows the pack's symptom once it is in. */
  gtk_stack_set_visible_child_name (atlas_test_window_child (window, "sidebar_stack"), "symptoms");
  atlas_test_wait_for_mapped (GTK_WIDGET (pane));
  assert_non_null (atlas_checklist_pane_get_check_button (pane, "user-pack-symptom"));
  assert_non_null (atlas_checklist_pane_get_check_button (pane, "limping"));

  /* Packs that arrive after the rows were made make them again, once each, ticks kept. */
  {
    guint before = count_groups (GTK_WIDGET (pane));

    gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "user-pack-symptom"), TRUE);
    atlas_checklist_pane_set_waiting_for_content (pane, TRUE);
    atlas_checklist_pane_set_waiting_for_content (pane, FALSE);
    assert_int_equal (count_groups (GTK_WIDGET (pane)), before);
    assert_true (gtk_check_button_get_active (atlas_checklist_pane_get_check_button (pane, "user-pack-symptom")));
  }

  atlas_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_the_window_does_not_wait_for_user_packs),
  };

  /* Before anything asks GLib for the user's data folder, which it keeps. */
  data_home = g_dir_make_tmp ("atlas-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_init ();
  return cmocka_run_group_tests_name ("user-packs", tests, NULL, NULL);
}
