/* test-checklist.c — the symptom checklist's mapping, red-flag override and keeping, no display.
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
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-checklist.h"
#include "atlas-state-file.h"
#include "atlas-views.h"

typedef struct
{
  AtlasContent   *content;
  AtlasChecklist *checklist;
  AtlasDiagram   *front;
  char           *dir;
  char           *path;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->content = atlas_content_new_builtin (NULL);
  assert_non_null (f->content);
  f->checklist = atlas_checklist_new (f->content);
  f->front = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  f->dir = g_dir_make_tmp ("atlas-checklist-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "checklist.ini", NULL);
  *state = f;
  return 0;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->front);
  g_assert_finalize_object (f->checklist);
  g_object_unref (f->content);
  g_free (f);
  return 0;
}

static double
weight (GHashTable *weights,
        const char *id)
{
  double *w = g_hash_table_lookup (weights, id);

  return w ? *w : 0;
}

static void
test_a_symptom_lights_its_regions_on_its_side (void **state)
{
  Fixture *f = *state;
  g_autoptr(GHashTable) weights = NULL;

  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_LEFT);
  weights = atlas_checklist_region_weights (f->checklist, f->front);

  /* The linked structures, on the ticked side only. */
  assert_true (weight (weights, "psoas-major-left") > 0);
  assert_true (weight (weights, "iliacus-left") > 0);
  assert_true (weight (weights, "hip-joint-left") > 0);
  assert_true (weight (weights, "psoas-major-right") == 0);
  assert_true (weight (weights, "iliacus-right") == 0);
  /* Nothing unrelated. */
  assert_true (weight (weights, "femur-left") == 0);
  assert_true (weight (weights, "L3") == 0);

  /* Both sides. */
  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_NONE);
  g_hash_table_unref (weights);
  weights = atlas_checklist_region_weights (f->checklist, f->front);
  assert_true (weight (weights, "psoas-major-right") > 0);
  assert_true (weight (weights, "psoas-major-left") > 0);

  /* Symptoms without a side ignore one. */
  atlas_checklist_set_symptom (f->checklist, "trouble-standing-straight", TRUE, ATLAS_SIDE_LEFT);
  {
    AtlasSide side = ATLAS_SIDE_LEFT;
    assert_true (atlas_checklist_get_symptom (f->checklist, "trouble-standing-straight", &side));
    assert_int_equal (side, ATLAS_SIDE_NONE);
  }
}

static void
test_regions_hit_by_more_symptoms_read_stronger (void **state)
{
  Fixture *f = *state;
  g_autoptr(GHashTable) weights = NULL;

  /* Both point at the psoas; only the first at the pelvic brim, only the second at L4. */
  atlas_checklist_set_symptom (f->checklist, "pelvis-hip-shooting-pain", TRUE, ATLAS_SIDE_NONE);
  atlas_checklist_set_symptom (f->checklist, "back-pain-after-sitting", TRUE, ATLAS_SIDE_NONE);
  atlas_checklist_set_symptom (f->checklist, "limping", TRUE, ATLAS_SIDE_NONE);
  weights = atlas_checklist_region_weights (f->checklist, f->front);

  assert_float_equal (weight (weights, "psoas-major-left"), 1.0, 1e-9);
  assert_true (weight (weights, "pelvic-brim-left") > 0);
  assert_true (weight (weights, "pelvic-brim-left") < weight (weights, "hip-joint-left"));
  assert_true (weight (weights, "hip-joint-left") < weight (weights, "psoas-major-left"));
  assert_true (weight (weights, "L4") > 0);

  /* The summary puts the most pointed-to structure first. */
  {
    g_autoptr(GPtrArray) involved = atlas_checklist_involved_structures (f->checklist);
    assert_string_equal (g_ptr_array_index (involved, 0), "psoas-major");
    assert_string_equal (g_ptr_array_index (involved, 1), "hip-joint");
  }
}

static void
test_red_flags_withdraw_self_care (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) during = NULL;
  g_autoptr(GPtrArray) after = NULL;

  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_LEFT);
  before = atlas_checklist_suggested_exercises (f->checklist);
  assert_true (before->len > 0);
  assert_false (atlas_checklist_has_red_flag (f->checklist));

  atlas_checklist_set_red_flag (f->checklist, "fall-or-accident", TRUE);
  during = atlas_checklist_suggested_exercises (f->checklist);
  assert_int_equal (during->len, 0);
  assert_true (atlas_checklist_has_red_flag (f->checklist));
  /* A possible fracture needs prompt care, but only cauda equina signs are an emergency. */
  assert_false (atlas_checklist_needs_emergency (f->checklist));
  atlas_checklist_set_red_flag (f->checklist, "saddle-numbness", TRUE);
  assert_true (atlas_checklist_needs_emergency (f->checklist));

  atlas_checklist_set_red_flag (f->checklist, "fall-or-accident", FALSE);
  atlas_checklist_set_red_flag (f->checklist, "saddle-numbness", FALSE);
  after = atlas_checklist_suggested_exercises (f->checklist);
  assert_int_equal (after->len, before->len);
}

static void
count_cb (AtlasChecklist *checklist,
          int            *count)
{
  (*count)++;
}

static void
test_save_and_restore_round_trip (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasChecklist) restored = atlas_checklist_new (f->content);
  g_autoptr(GError) error = NULL;
  AtlasSide side;
  int changes = 0;

  atlas_checklist_set_symptom (f->checklist, "pain-to-groin", TRUE, ATLAS_SIDE_RIGHT);
  atlas_checklist_set_symptom (f->checklist, "bent-forward-posture", TRUE, ATLAS_SIDE_NONE);
  atlas_checklist_set_red_flag (f->checklist, "unexplained-weight-loss", TRUE);
  assert_true (atlas_checklist_save (f->checklist, f->path, &error));

  g_signal_connect (restored, "changed", G_CALLBACK (count_cb), &changes);
  assert_int_equal (atlas_checklist_load (restored, f->path, NULL, &error), ATLAS_CHECKLIST_LOADED);
  assert_int_equal (changes, 1);
  assert_int_equal (atlas_checklist_get_n_checked (restored), 3);
  assert_true (atlas_checklist_get_symptom (restored, "pain-to-groin", &side));
  assert_int_equal (side, ATLAS_SIDE_RIGHT);
  assert_true (atlas_checklist_get_symptom (restored, "bent-forward-posture", NULL));
  assert_true (atlas_checklist_get_red_flag (restored, "unexplained-weight-loss"));

  /* Nothing saved yet is not an error. */
  g_unlink (f->path);
  assert_int_equal (atlas_checklist_load (restored, f->path, NULL, &error), ATLAS_CHECKLIST_NOT_SAVED);
}

static void
test_unreadable_files_are_set_aside_not_lost (void **state)
{
  Fixture *f = *state;
  static const struct { const char *name; const char *data; int code; } cases[] = {
    { "corrupt", "\x01\x02 this is not a checklist [[[", ATLAS_CHECKLIST_ERROR_CORRUPT },
    { "truncated", "[Checklist]\nversion=1\nsympt", ATLAS_CHECKLIST_ERROR_CORRUPT },
    { "empty", "", ATLAS_CHECKLIST_ERROR_CORRUPT },
    { "future", "[Checklist]\nversion=7\nsymptoms=limping:left;\nred-flags=\n", ATLAS_CHECKLIST_ERROR_NEWER_VERSION },
    { "bad side", "[Checklist]\nversion=1\nsymptoms=limping:sideways;\nred-flags=\n", ATLAS_CHECKLIST_ERROR_CORRUPT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtlasChecklist) checklist = atlas_checklist_new (f->content);
      g_autoptr(GError) error = NULL;
      g_autofree char *aside = NULL;
      g_autofree char *kept = NULL;
      gsize length;

      assert_true (g_file_set_contents (f->path, cases[i].data, -1, NULL));
      assert_int_equal (atlas_checklist_load (checklist, f->path, &aside, &error), ATLAS_CHECKLIST_SET_ASIDE);
      if (!g_error_matches (error, ATLAS_CHECKLIST_ERROR, cases[i].code))
        fail_msg ("%s: %s", cases[i].name, error ? error->message : "no error");

      /* The checklist starts empty… */
      assert_int_equal (atlas_checklist_get_n_checked (checklist), 0);
      /* …and the user's file is kept, byte for byte, under a new name. */
      assert_non_null (aside);
      assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      assert_true (g_file_get_contents (aside, &kept, &length, NULL));
      assert_int_equal (length, strlen (cases[i].data));
      assert_memory_equal (kept, cases[i].data, length);
      g_unlink (aside);
    }
}

/* A hostile checklist file cannot make its message lie: quoted values are shortened and their
 * bidirectional or control characters written out. */
static void
test_messages_never_quote_hidden_characters (void **state)
{
  Fixture *f = *state;
  static const char *files[] = {
    "[Checklist]\nversion=1\nsymptoms=limping:\u202eright;\nred-flags=\n",
    "[Checklist]\nversion=1\nsymptoms=no-side-\u2067here;\nred-flags=\n",
    "[Checklist]\nversion=1\nsymptoms=limping:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;\nred-flags=\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(AtlasChecklist) checklist = atlas_checklist_new (f->content);
      g_autoptr(GError) error = NULL;
      g_autofree char *aside = NULL;

      assert_true (g_file_set_contents (f->path, files[i], -1, NULL));
      assert_int_equal (atlas_checklist_load (checklist, f->path, &aside, &error), ATLAS_CHECKLIST_SET_ASIDE);
      if (strstr (error->message, "\u202e") != NULL || strstr (error->message, "\u2067") != NULL ||
          strlen (error->message) > 200)
        fail_msg ("message quotes the file raw: %s", error->message);
      if (i < 2 && strstr (error->message, "<U+") == NULL)
        fail_msg ("the hidden character is not written out: %s", error->message);
      g_unlink (aside);
    }
}

static void
test_interrupted_save_keeps_the_old_file_whole (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  guint files = 0;

  atlas_checklist_set_symptom (f->checklist, "limping", TRUE, ATLAS_SIDE_LEFT);
  assert_true (atlas_checklist_save (f->checklist, f->path, NULL));
  assert_true (g_file_get_contents (f->path, &before, NULL, NULL));

  /* The disk fills up twenty bytes into the next save. */
  atlas_checklist_set_symptom (f->checklist, "pain-to-groin", TRUE, ATLAS_SIDE_RIGHT);
  atlas_state_file_fail_after_bytes (20);
  assert_false (atlas_checklist_save (f->checklist, f->path, &error));
  assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC));

  assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  assert_string_equal (before, after);

  /* No half-written temporary file is left behind. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    files++;
  assert_int_equal (files, 1);

  /* The next save, with room again, goes through. */
  assert_true (atlas_checklist_save (f->checklist, f->path, NULL));
}

/* A FIFO at the checklist's path used to block start-up forever; a symbolic link was followed
 * and its target's first line shown in the message. Neither is read now. */
static void
test_a_fifo_or_a_link_is_never_read (void **state)
{
  Fixture *f = *state;
  g_autofree char *secret = g_build_filename (f->dir, "secret", NULL);
  g_autofree char *kept = NULL;

  /* If the load blocked, the alarm would end the test as a failure. */
  alarm (20);

  assert_int_equal (mkfifo (f->path, 0600), 0);
  {
    g_autoptr(AtlasChecklist) checklist = atlas_checklist_new (f->content);
    g_autoptr(GError) error = NULL;
    g_autofree char *aside = NULL;

    assert_int_equal (atlas_checklist_load (checklist, f->path, &aside, &error), ATLAS_CHECKLIST_SET_ASIDE);
    assert_non_null (strstr (error->message, "not a regular file"));
    g_unlink (aside);
  }

  assert_true (g_file_set_contents (secret, "root:TOPSECRET:0:0\n", -1, NULL));
  assert_int_equal (symlink (secret, f->path), 0);
  {
    g_autoptr(AtlasChecklist) checklist = atlas_checklist_new (f->content);
    g_autoptr(GError) error = NULL;
    g_autofree char *aside = NULL;

    assert_int_equal (atlas_checklist_load (checklist, f->path, &aside, &error), ATLAS_CHECKLIST_SET_ASIDE);
    if (strstr (error->message, "TOPSECRET") != NULL || strstr (error->message, "a symbolic link, not a file") == NULL)
      fail_msg ("%s", error->message);
    /* The link was set aside, not its target. */
    assert_true (g_file_test (aside, G_FILE_TEST_IS_SYMLINK));
    g_unlink (aside);
  }
  assert_true (g_file_get_contents (secret, &kept, NULL, NULL));
  assert_string_equal (kept, "root:TOPSECRET:0:0\n");

  /* Nor does a file that is not a checklist have a line of it quoted. */
  assert_true (g_file_set_contents (f->path, "TOPSECRET line\n", -1, NULL));
  {
    g_autoptr(AtlasChecklist) checklist = atlas_checklist_new (f->content);
    g_autoptr(GError) error = NULL;
    g_autofree char *aside = NULL;

    assert_int_equal (atlas_checklist_load (checklist, f->path, &aside, &error), ATLAS_CHECKLIST_SET_ASIDE);
    if (strstr (error->message, "TOPSECRET") != NULL)
      fail_msg ("%s", error->message);
    g_unlink (aside);
  }
  g_unlink (secret);
  alarm (0);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint files = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    files++;
  return files;
}

/* A save killed half-way leaves checklist.ini.XXXXXX behind (109 of 400 kills did): the next
 * start removes it; turning "Remember my checklist" off removes it and the unreadable copies. */
static void
test_leftovers_are_removed (void **state)
{
  Fixture *f = *state;
  g_autofree char *tmp1 = g_strconcat (f->path, ".a1B2c3", NULL);
  g_autofree char *tmp2 = g_strconcat (f->path, ".ZZZZZZ", NULL);
  g_autofree char *aside = g_strconcat (f->path, ".unreadable-20260101-120000", NULL);
  g_autofree char *other = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *longer = g_strconcat (f->path, ".bak1234", NULL);
  g_autofree char *backup = g_strconcat (f->path, ".backup", NULL);

  assert_true (atlas_checklist_save (f->checklist, f->path, NULL));
  for (const char *p[] = { tmp1, tmp2, aside, other, longer, backup, NULL }, **q = p; *q; q++)
    assert_true (g_file_set_contents (*q, "[Checklist]\nsymptoms=limping:left;\n", -1, NULL));
  /* What a cut-short save leaves is private, as the save makes it; the user's own copy with a
   * name of the same shape is not, and stays. */
  g_chmod (tmp1, 0600);
  g_chmod (tmp2, 0600);
  g_chmod (backup, 0644);

  assert_int_equal (atlas_state_file_remove_temporaries (f->path), 2);
  assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (tmp1, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (tmp2, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (longer, G_FILE_TEST_EXISTS));

  assert_true (g_file_set_contents (tmp1, "x", -1, NULL));
  g_chmod (tmp1, 0600);
  assert_int_equal (atlas_state_file_forget (f->path), 3);
  assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (aside, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (tmp1, G_FILE_TEST_EXISTS));
  /* Only the checklist's own files go. */
  assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  assert_int_equal (count_files (f->dir), 3);
}

/* A checklist file the user made read-only is not replaced behind their back. */
static void
test_a_read_only_file_is_not_replaced (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  assert_true (g_file_set_contents (f->path, "mine", -1, NULL));
  assert_int_equal (g_chmod (f->path, 0400), 0);

  atlas_checklist_set_symptom (f->checklist, "limping", TRUE, ATLAS_SIDE_LEFT);
  assert_false (atlas_checklist_save (f->checklist, f->path, &error));
  assert_non_null (strstr (error->message, "read-only"));
  assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  assert_string_equal (after, "mine");
  assert_int_equal (count_files (f->dir), 1);
}

static void
test_clear_and_restore_for_undo (void **state)
{
  Fixture *f = *state;
  g_autofree char *snapshot = NULL;

  atlas_checklist_set_symptom (f->checklist, "limping", TRUE, ATLAS_SIDE_LEFT);
  atlas_checklist_set_red_flag (f->checklist, "fever-chills-sweats", TRUE);
  snapshot = atlas_checklist_serialize (f->checklist);

  atlas_checklist_clear (f->checklist);
  assert_int_equal (atlas_checklist_get_n_checked (f->checklist), 0);

  assert_true (atlas_checklist_deserialize (f->checklist, snapshot, strlen (snapshot), NULL));
  assert_int_equal (atlas_checklist_get_n_checked (f->checklist), 2);
  assert_true (atlas_checklist_get_red_flag (f->checklist, "fever-chills-sweats"));
}

static AtlasUrgency
urgency_of (AtlasChecklist *checklist)
{
  AtlasUrgency urgency = ATLAS_URGENCY_SOON;

  if (!atlas_checklist_get_urgency (checklist, &urgency))
    fail_msg ("no warning sign is ticked");
  return urgency;
}

/* Each group of warning signs says how soon, and the most urgent ticked sign decides. */
static void
test_the_most_urgent_warning_sign_decides (void **state)
{
  Fixture *f = *state;
  GPtrArray *flags = atlas_content_get_red_flags (f->content);
  const AtlasRedFlagGroup *groups;
  g_autofree char *title = NULL;
  g_autofree char *alert = NULL;
  guint n_groups;

  groups = atlas_red_flag_groups_get (&n_groups);
  assert_false (atlas_checklist_get_urgency (f->checklist, NULL));
  assert_null (atlas_checklist_dup_alert (f->checklist, NULL));

  /* Every group has signs in the built-in content; a sign alone brings its group's advice. */
  for (guint g = 0; g < n_groups; g++)
    {
      const AtlasRedFlag *first = NULL;
      g_autofree char *group_title = NULL;
      g_autofree char *group_alert = NULL;

      for (guint i = 0; i < flags->len && first == NULL; i++)
        {
          const AtlasRedFlag *flag = g_ptr_array_index (flags, i);

          if (g_str_equal (flag->group, groups[g].id) && flag->urgency == groups[g].urgency)
            first = flag;
        }
      if (first == NULL)
        fail_msg ("no warning sign in group %s", groups[g].id);
      else
        atlas_checklist_set_red_flag (f->checklist, first->id, TRUE);

      assert_int_equal (urgency_of (f->checklist), groups[g].urgency);
      assert_int_equal (atlas_checklist_needs_emergency (f->checklist),
                        groups[g].urgency <= ATLAS_URGENCY_EMERGENCY);
      group_alert = atlas_checklist_dup_alert (f->checklist, &group_title);
      assert_string_equal (group_title, atlas_urgency_get_alert_title (groups[g].urgency));
      assert_true (g_str_has_prefix (group_alert, groups[g].advice));
      atlas_checklist_clear (f->checklist);
    }

  /* Past cancer with new back pain is same-day, though the group's other signs can wait days. */
  atlas_checklist_set_red_flag (f->checklist, "night-pain", TRUE);
  assert_int_equal (urgency_of (f->checklist), ATLAS_URGENCY_SOON);
  atlas_checklist_set_red_flag (f->checklist, "history-of-cancer", TRUE);
  assert_int_equal (urgency_of (f->checklist), ATLAS_URGENCY_SAME_DAY);
  atlas_checklist_clear (f->checklist);

  /* Inflammatory back pain can wait for a GP; a possible fracture cannot. */
  atlas_checklist_set_red_flag (f->checklist, "inflammatory-pattern", TRUE);
  assert_int_equal (urgency_of (f->checklist), ATLAS_URGENCY_SOON);
  assert_false (atlas_checklist_needs_emergency (f->checklist));
  atlas_checklist_set_red_flag (f->checklist, "fall-or-accident", TRUE);
  assert_int_equal (urgency_of (f->checklist), ATLAS_URGENCY_SAME_DAY);

  /* Cauda equina is an emergency; a leaking aorta needs an ambulance, which outranks it. */
  atlas_checklist_set_red_flag (f->checklist, "saddle-numbness", TRUE);
  assert_int_equal (urgency_of (f->checklist), ATLAS_URGENCY_EMERGENCY);
  atlas_checklist_set_red_flag (f->checklist, "faint-clammy-collapse", TRUE);
  assert_int_equal (urgency_of (f->checklist), ATLAS_URGENCY_AMBULANCE);
  assert_true (atlas_checklist_needs_emergency (f->checklist));

  /* The box says one thing to do: the ambulance. The rest are only named, to be mentioned;
   * nothing in it says "not an emergency". */
  alert = atlas_checklist_dup_alert (f->checklist, &title);
  assert_string_equal (title, "Call an ambulance now");
  assert_null (strstr (alert, "not an emergency"));
  assert_null (strstr (alert, "See a doctor today"));
  assert_non_null (strstr (alert, "Also tell the doctor about:"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_a_symptom_lights_its_regions_on_its_side, setup, teardown),
    cmocka_unit_test_setup_teardown (test_regions_hit_by_more_symptoms_read_stronger, setup, teardown),
    cmocka_unit_test_setup_teardown (test_red_flags_withdraw_self_care, setup, teardown),
    cmocka_unit_test_setup_teardown (test_the_most_urgent_warning_sign_decides, setup, teardown),
    cmocka_unit_test_setup_teardown (test_save_and_restore_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unreadable_files_are_set_aside_not_lost, setup, teardown),
    cmocka_unit_test_setup_teardown (test_messages_never_quote_hidden_characters, setup, teardown),
    cmocka_unit_test_setup_teardown (test_interrupted_save_keeps_the_old_file_whole, setup, teardown),
    cmocka_unit_test_setup_teardown (test_clear_and_restore_for_undo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_fifo_or_a_link_is_never_read, setup, teardown),
    cmocka_unit_test_setup_teardown (test_leftovers_are_removed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_read_only_file_is_not_replaced, setup, teardown),
  };

  return cmocka_run_group_tests_name ("checklist", tests, NULL, NULL);
}
