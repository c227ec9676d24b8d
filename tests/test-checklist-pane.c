/* test-checklist-pane.c — the symptom checklist in the window, in a real X server.
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

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-checklist-pane.h"
#include "atlas-diagram-view.h"
#include "atlas-structure-list.h"
#include "atlas-test-ui.h"
#include "atlas-view-page.h"
#include "atlas-window.h"

typedef struct
{
  AtlasSettings      *settings;
  AtlasWindow        *window;
  AtlasChecklistPane *pane;
  AtlasDiagramView   *view;
  AtlasStructureList *list;
  char               *path;
} Fixture;

static void
open_window (Fixture *f)
{
  f->window = atlas_test_open_window (f->settings);
  f->pane = atlas_test_window_child (f->window, "symptom_checklist");
  f->view = atlas_test_window_view (f->window, "front");
  f->list = ATLAS_STRUCTURE_LIST (atlas_test_window_child (f->window, "structure_list"));
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->settings = atlas_test_settings_new ();
  atlas_settings_set_window_size (f->settings, 1500, 950, FALSE);
  f->path = g_build_filename (g_get_user_state_dir (), "psoas-atlas", "checklist.ini", NULL);
  g_unlink (f->path);
  open_window (f);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  if (f->window != NULL)
    atlas_test_close_window (GTK_WINDOW (f->window));
  atlas_test_assert_finalized (f->settings);
  g_unlink (f->path);
  g_free (f->path);
  g_free (f);
  return 0;
}

static void
tick (Fixture    *f,
      const char *id,
      gboolean    active)
{
  GtkCheckButton *check = atlas_checklist_pane_get_check_button (f->pane, id);

  assert_non_null (check);
  gtk_check_button_set_active (check, active);
}

static void
test_ticking_a_symptom_lights_the_diagram_and_list (void **state)
{
  Fixture *f = *state;
  GtkWidget *row;

  assert_true (atlas_diagram_view_get_region_weight (f->view, "psoas-major-left") == 0);

  tick (f, "front-hip-tightness", TRUE);
  assert_true (atlas_diagram_view_get_region_weight (f->view, "psoas-major-left") > 0);
  assert_true (atlas_diagram_view_get_region_weight (f->view, "psoas-major-right") > 0);
  assert_true (atlas_diagram_view_get_region_weight (f->view, "iliacus-left") > 0);
  assert_true (atlas_diagram_view_get_region_weight (f->view, "femur-left") == 0);
  row = atlas_structure_list_get_row (f->list, "iliacus-left");
  assert_true (gtk_widget_has_css_class (row, "atlas-symptom-hit"));
  assert_false (gtk_widget_has_css_class (atlas_structure_list_get_row (f->list, "femur-left"), "atlas-symptom-hit"));

  /* The side pickers have a line of their own, right below the symptom, so its words keep
   * the row's width. */
  {
    GtkWidget *symptom_row = g_object_get_data (G_OBJECT (atlas_checklist_pane_get_check_button (f->pane, "front-hip-tightness")), "row");
    GtkWidget *side_row = gtk_widget_get_ancestor (GTK_WIDGET (atlas_checklist_pane_get_side_button (f->pane, "front-hip-tightness", ATLAS_SIDE_LEFT)),
                                                   GTK_TYPE_LIST_BOX_ROW);

    assert_true (side_row != symptom_row);
    assert_true (gtk_widget_get_visible (side_row));
    assert_int_equal (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (side_row)),
                      gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (symptom_row)) + 1);
  }

  /* Picking the left side takes the right side's light away. */
  gtk_toggle_button_set_active (atlas_checklist_pane_get_side_button (f->pane, "front-hip-tightness", ATLAS_SIDE_LEFT), TRUE);
  assert_true (atlas_diagram_view_get_region_weight (f->view, "psoas-major-left") > 0);
  assert_true (atlas_diagram_view_get_region_weight (f->view, "psoas-major-right") == 0);

  /* A second symptom on the psoas makes it read stronger than the iliacus. */
  tick (f, "pain-to-buttocks", TRUE);
  assert_true (atlas_diagram_view_get_region_weight (f->view, "psoas-major-left") >
               atlas_diagram_view_get_region_weight (f->view, "iliacus-left"));

  /* Another view shows the same symptoms on its own regions. */
  atlas_window_set_view (f->window, "section");
  atlas_test_iterate ();
  assert_true (atlas_diagram_view_get_region_weight (atlas_test_window_view (f->window, "section"),
                                                     "psoas-major-left") > 0);

  tick (f, "front-hip-tightness", FALSE);
  tick (f, "pain-to-buttocks", FALSE);
  atlas_window_set_view (f->window, "front");
  atlas_test_iterate ();
  assert_true (atlas_diagram_view_get_region_weight (f->view, "psoas-major-left") == 0);
}

static gboolean
has_focus (gpointer data)
{
  return gtk_widget_has_focus (data);
}

static void
test_a_red_flag_shows_the_warning_and_hides_self_care (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *emergency = NULL;
  g_autofree char *after = NULL;

  /* On screen, as when someone ticks. */
  gtk_stack_set_visible_child_name (atlas_test_window_child (f->window, "sidebar_stack"), "symptoms");
  atlas_test_wait_for_mapped (GTK_WIDGET (f->pane));

  tick (f, "hip-wont-straighten", TRUE);
  before = atlas_checklist_pane_dup_summary_text (f->pane);
  assert_false (atlas_checklist_pane_get_alert_visible (f->pane));
  assert_non_null (strstr (before, "Care the articles describe"));
  assert_non_null (strstr (before, "not a diagnosis"));

  tick (f, "night-pain", TRUE);
  during = atlas_checklist_pane_dup_summary_text (f->pane);
  assert_true (atlas_checklist_pane_get_alert_visible (f->pane));
  /* A screen reader is told: the alert is named by its title, described by its advice, and
   * takes the focus (GTK 4.8 has no other way to have it spoken). */
  {
    GtkWidget *alert = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->pane), ATLAS_TYPE_CHECKLIST_PANE, "alert"));

    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (alert), GTK_ACCESSIBLE_ROLE_ALERT);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (alert), GTK_ACCESSIBLE_PROPERTY_LABEL, "See your GP or family doctor soon");
    assert_true (atlas_test_wait_for (has_focus, alert, 5000));
  }
  /* Night pain alone can wait days for a GP visit, with its group's advice first. */
  assert_true (g_str_has_prefix (during, "See your GP or family doctor soon"));
  assert_non_null (strstr (during, "within days"));

  assert_null (strstr (during, "Care the articles describe"));
  assert_non_null (strstr (during, "not suggested"));
  assert_non_null (strstr (during, "not a diagnosis"));

  /* Cauda equina signs are an emergency, the same day. */
  tick (f, "bladder-control", TRUE);
  emergency = atlas_checklist_pane_dup_summary_text (f->pane);
  assert_true (g_str_has_prefix (emergency, "Go to an emergency department now"));
  g_clear_pointer (&emergency, g_free);

  /* A leaking aorta outranks even that: one thing to do, the ambulance; the other signs are
   * named for the crew, with no advice that would contradict it. */
  tick (f, "pulsing-belly", TRUE);
  emergency = atlas_checklist_pane_dup_summary_text (f->pane);
  assert_true (g_str_has_prefix (emergency, "Call an ambulance now"));
  assert_non_null (strstr (emergency, "999"));
  assert_non_null (strstr (emergency, "Also tell the doctor about"));
  assert_null (strstr (emergency, "within days"));
  tick (f, "pulsing-belly", FALSE);

  tick (f, "bladder-control", FALSE);
  tick (f, "night-pain", FALSE);
  after = atlas_checklist_pane_dup_summary_text (f->pane);
  assert_false (atlas_checklist_pane_get_alert_visible (f->pane));
  assert_non_null (strstr (after, "Care the articles describe"));
}

static void
test_clear_with_undo_for_the_next_person (void **state)
{
  Fixture *f = *state;
  AtlasChecklist *checklist = atlas_checklist_pane_get_checklist (f->pane);

  tick (f, "limping", TRUE);
  tick (f, "fever-chills-sweats", TRUE);
  assert_int_equal (atlas_checklist_get_n_checked (checklist), 2);

  atlas_checklist_pane_clear (f->pane);
  assert_int_equal (atlas_checklist_get_n_checked (checklist), 0);
  assert_false (gtk_check_button_get_active (atlas_checklist_pane_get_check_button (f->pane, "limping")));
  assert_false (atlas_checklist_pane_get_alert_visible (f->pane));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-clear", NULL);
  assert_int_equal (atlas_checklist_get_n_checked (checklist), 2);
  assert_true (gtk_check_button_get_active (atlas_checklist_pane_get_check_button (f->pane, "limping")));
  assert_true (atlas_checklist_pane_get_alert_visible (f->pane));
}

static void
test_nothing_is_kept_unless_asked (void **state)
{
  Fixture *f = *state;
  AtlasChecklist *checklist;

  tick (f, "limping", TRUE);
  assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* Remember: saved at once and on every change, restored in the next window. */
  atlas_settings_set_remember_checklist (f->settings, TRUE);
  assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  gtk_toggle_button_set_active (atlas_checklist_pane_get_side_button (f->pane, "limping", ATLAS_SIDE_RIGHT), TRUE);

  atlas_test_close_window (GTK_WINDOW (f->window));
  open_window (f);
  checklist = atlas_checklist_pane_get_checklist (f->pane);
  {
    AtlasSide side = ATLAS_SIDE_NONE;
    assert_true (atlas_checklist_get_symptom (checklist, "limping", &side));
    assert_int_equal (side, ATLAS_SIDE_RIGHT);
  }
  assert_true (gtk_check_button_get_active (atlas_checklist_pane_get_check_button (f->pane, "limping")));

  /* A kept warning sign is shown first thing in the next window. */
  assert_string_equal (gtk_stack_get_visible_child_name (atlas_test_window_child (f->window, "sidebar_stack")), "structures");
  tick (f, "bladder-control", TRUE);
  atlas_test_close_window (GTK_WINDOW (f->window));
  open_window (f);
  assert_string_equal (gtk_stack_get_visible_child_name (atlas_test_window_child (f->window, "sidebar_stack")), "symptoms");
  assert_true (atlas_checklist_pane_get_alert_visible (f->pane));

  /* Turning it off forgets what was kept. */
  atlas_settings_set_remember_checklist (f->settings, FALSE);
  assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_an_unreadable_saved_checklist_is_set_aside (void **state)
{
  Fixture *f = *state;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint aside = 0;

  atlas_test_close_window (GTK_WINDOW (f->window));
  g_mkdir_with_parents (dir, 0700);
  assert_true (g_file_set_contents (f->path, "[Checklist]\nversion=99\n", -1, NULL));
  atlas_settings_set_remember_checklist (f->settings, TRUE);

  /* The window opens, empty, and the file is kept under another name. */
  open_window (f);
  assert_int_equal (atlas_checklist_get_n_checked (atlas_checklist_pane_get_checklist (f->pane)), 0);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "checklist.ini.unreadable-"))
        {
          g_autofree char *data = NULL;

          assert_true (g_file_get_contents (path, &data, NULL, NULL));
          assert_string_equal (data, "[Checklist]\nversion=99\n");
          aside++;
          g_unlink (path);
        }
    }
  assert_int_equal (aside, 1);
  atlas_settings_set_remember_checklist (f->settings, FALSE);
}

static void
collect_wrapping_labels (GtkWidget *widget,
                         GString   *wrong)
{
  /* GTK's own tooltip shows no content of ours. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkTooltipWindow"))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      gtk_label_get_wrap_mode (GTK_LABEL (widget)) != PANGO_WRAP_WORD_CHAR)
    g_string_append_printf (wrong, "\n  “%.60s” in %s/%s", gtk_label_get_text (GTK_LABEL (widget)),
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_wrapping_labels (child, wrong);
}

/* A 600-character word in a pack's name once made the checklist summary 24,000 pixels wide
 * and the window blank. Every wrapping label showing content may break inside a word. */
static void
test_every_label_breaks_long_words (void **state)
{
  Fixture *f = *state;
  g_autoptr(GString) wrong = g_string_new (NULL);

  gtk_widget_set_visible (GTK_WIDGET (f->pane), TRUE);
  tick (f, "front-hip-tightness", TRUE);
  tick (f, "bladder-control", TRUE);
  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  atlas_test_iterate ();

  collect_wrapping_labels (GTK_WIDGET (f->window), wrong);
  if (wrong->len > 0)
    fail_msg ("labels that wrap only at spaces:%s", wrong->str);
}

static void
record_problem_cb (AtlasChecklistPane *pane,
                   const char         *message,
                   char              **last)
{
  g_free (*last);
  *last = g_strdup (message);
}

/* A save killed half-way leaves a temporary copy of the checklist: the next start removes it,
 * even with "Remember" off. Turning "Remember" off removes every copy and says so. */
static void
test_no_private_copy_lingers (void **state)
{
  Fixture *f = *state;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *tmp = g_strconcat (f->path, ".Xy12Z9", NULL);
  g_autofree char *aside = g_strconcat (f->path, ".unreadable-20260101-120000", NULL);
  g_autofree char *message = NULL;

  atlas_test_close_window (GTK_WINDOW (f->window));
  g_mkdir_with_parents (dir, 0700);
  assert_true (g_file_set_contents (tmp, "[Checklist]\nversion=1\nsymptoms=limp", -1, NULL));
  g_chmod (tmp, 0600);  /* as a save makes it */
  assert_true (g_file_set_contents (aside, "[Checklist]\nversion=99\n", -1, NULL));

  open_window (f);
  assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

  g_signal_connect (f->pane, "problem", G_CALLBACK (record_problem_cb), &message);
  atlas_settings_set_remember_checklist (f->settings, TRUE);
  assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  atlas_settings_set_remember_checklist (f->settings, FALSE);
  assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (aside, G_FILE_TEST_EXISTS));
  assert_non_null (message);
  assert_non_null (strstr (message, "2 saved files were deleted"));
  g_signal_handlers_disconnect_by_func (f->pane, record_problem_cb, &message);
}

static void
test_start_over_clears_everything_for_the_next_person (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *side = atlas_test_window_view (f->window, "side");

  tick (f, "limping", TRUE);
  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  atlas_diagram_view_set_zoom (f->view, 3.0);
  atlas_window_set_view (f->window, "side");
  atlas_test_iterate ();
  atlas_diagram_view_set_state (side, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-over", NULL);

  assert_int_equal (atlas_checklist_get_n_checked (atlas_checklist_pane_get_checklist (f->pane)), 0);
  assert_null (atlas_diagram_view_get_selected_region (f->view));
  assert_float_equal (atlas_diagram_view_get_zoom (f->view), 1.0, 1e-9);
  assert_int_equal (atlas_diagram_view_get_state (side), 0);
  assert_string_equal (atlas_window_get_view (f->window), "front");

  /* A slip can be undone. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-clear", NULL);
  assert_true (atlas_checklist_get_symptom (atlas_checklist_pane_get_checklist (f->pane), "limping", NULL));
}

static void
test_the_handout_is_saved_as_pdf (void **state)
{
  Fixture *f = *state;
  g_autofree char *dir = g_dir_make_tmp ("atlas-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  tick (f, "front-hip-tightness", TRUE);
  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  assert_true (atlas_window_export_handout (f->window, path, &error));
  assert_true (g_file_get_contents (path, &data, &length, NULL));
  assert_true (length > 1000);
  assert_memory_equal (data, "%PDF", 4);

  g_unlink (path);
  g_rmdir (dir);
}

/* Tab walks down the checklist, row by row, past the end of each group: no row holds it. */
static void
test_tab_walks_the_whole_checklist (void **state)
{
  Fixture *f = *state;
  GtkCheckButton *first = atlas_checklist_pane_get_check_button (f->pane, "bladder-control");
  GtkWidget *row = g_object_get_data (G_OBJECT (first), "row");
  GHashTable *seen = g_hash_table_new (NULL, NULL);

  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (f->pane))), "symptoms");
  atlas_test_iterate ();
  assert_true (gtk_widget_grab_focus (row));
  for (guint i = 0; i < 30; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      atlas_test_iterate ();
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus != NULL)
        g_hash_table_add (seen, focus);
    }
  /* Thirty presses reach many different places, not the same row again and again. */
  assert_true (g_hash_table_size (seen) >= 10);
  g_hash_table_unref (seen);
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_ticking_a_symptom_lights_the_diagram_and_list, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_red_flag_shows_the_warning_and_hides_self_care, setup, teardown),
    cmocka_unit_test_setup_teardown (test_clear_with_undo_for_the_next_person, setup, teardown),
    cmocka_unit_test_setup_teardown (test_nothing_is_kept_unless_asked, setup, teardown),
    cmocka_unit_test_setup_teardown (test_an_unreadable_saved_checklist_is_set_aside, setup, teardown),
    cmocka_unit_test_setup_teardown (test_the_handout_is_saved_as_pdf, setup, teardown),
    cmocka_unit_test_setup_teardown (test_no_private_copy_lingers, setup, teardown),
    cmocka_unit_test_setup_teardown (test_every_label_breaks_long_words, setup, teardown),
    cmocka_unit_test_setup_teardown (test_tab_walks_the_whole_checklist, setup, teardown),
    cmocka_unit_test_setup_teardown (test_start_over_clears_everything_for_the_next_person, setup, teardown),
  };

  gtk_init ();
  return cmocka_run_group_tests_name ("checklist-pane", tests, NULL, NULL);
}
