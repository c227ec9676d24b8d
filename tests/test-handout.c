/* test-handout.c — the take-home handout, without a display.
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

#include "atlas-handout.h"
#include "atlas-state-file.h"
#include "atlas-views.h"

typedef struct
{
  AtlasContent   *content;
  AtlasChecklist *checklist;
  AtlasDiagram   *front;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->content = atlas_content_new_builtin (NULL);
  f->checklist = atlas_checklist_new (f->content);
  f->front = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->front);
  g_object_unref (f->checklist);
  g_object_unref (f->content);
  g_free (f);
  return 0;
}

static void
test_handout_says_what_was_discussed (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = atlas_rich_text_to_plain (atlas_content_get_region (f->content, "psoas-major")->summary);

  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_LEFT);
  handout = atlas_handout_new (f->content, f->checklist, f->front, "psoas-major-left");
  text = atlas_handout_dup_text (handout);

  assert_true (g_str_has_prefix (text, "Psoas Atlas\n"));
  assert_non_null (strstr (text, "[diagram]"));
  assert_non_null (strstr (text, summary));
  assert_non_null (strstr (text, "What You Ticked"));
  assert_non_null (strstr (text, "(left side)"));
  assert_non_null (strstr (text, "Care the Articles Describe"));
  assert_non_null (strstr (text, "Caution:"));
  assert_non_null (strstr (text, "Sources"));
  assert_null (strstr (text, "emergency"));
}

static void
test_a_warning_sign_comes_first_and_removes_self_care (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = NULL;
  g_autofree char *text = NULL;

  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_LEFT);
  atlas_checklist_set_red_flag (f->checklist, "bowel-control", TRUE);
  handout = atlas_handout_new (f->content, f->checklist, f->front, "psoas-major-left");
  text = atlas_handout_dup_text (handout);

  /* Right under the title, before the diagram. */
  assert_non_null (strstr (text, "Go to an emergency department now"));
  assert_true (strstr (text, "Go to an emergency department now") < strstr (text, "[diagram]"));
  assert_null (strstr (text, "Care the Articles Describe"));
  assert_non_null (strstr (text, "left out"));
}

/* With any one warning sign ticked, whichever structure is discussed and whatever else is
 * ticked, the handout names no exercise or care at all; without it, care comes back. */
static void
test_every_warning_sign_withdraws_care_for_every_structure (void **state)
{
  Fixture *f = *state;
  GPtrArray *flags = atlas_content_get_red_flags (f->content);
  GPtrArray *symptoms = atlas_content_get_symptoms (f->content);
  GPtrArray *exercises = atlas_content_get_exercises (f->content);

  for (guint i = 0; i < symptoms->len; i++)
    atlas_checklist_set_symptom (f->checklist, ((AtlasSymptom *) g_ptr_array_index (symptoms, i))->id,
                                 TRUE, ATLAS_SIDE_NONE);

  for (guint i = 0; i < flags->len; i++)
    {
      const AtlasRedFlag *flag = g_ptr_array_index (flags, i);

      atlas_checklist_set_red_flag (f->checklist, flag->id, TRUE);
      for (guint r = 0; r < atlas_diagram_get_n_regions (f->front); r++)
        {
          const AtlasRegion *region = atlas_diagram_get_region (f->front, r);
          g_autoptr(AtlasHandout) handout = atlas_handout_new (f->content, f->checklist, f->front, region->id);
          g_autofree char *text = atlas_handout_dup_text (handout);
          g_autoptr(GPtrArray) care = atlas_checklist_care_for (f->checklist, region->structure);

          assert_int_equal (care->len, 0);
          for (guint e = 0; e < exercises->len; e++)
            {
              g_autofree char *name = atlas_rich_text_to_plain (((AtlasExercise *) g_ptr_array_index (exercises, e))->name);

              if (strstr (text, name) != NULL)
                fail_msg ("warning sign %s, structure %s: the handout still offers \"%s\"", flag->id, region->id, name);
            }
        }
      atlas_checklist_set_red_flag (f->checklist, flag->id, FALSE);
    }

  {
    g_autoptr(AtlasHandout) handout = atlas_handout_new (f->content, f->checklist, f->front, "psoas-major-left");
    g_autofree char *text = atlas_handout_dup_text (handout);

    assert_non_null (strstr (text, "Care the Articles Describe"));
  }
}

static void
test_pdf_and_pages (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint pages, inked = 0;
  gsize length;

  /* Lots of ticks make a long handout: it must flow onto more pages, not off the page. */
  for (guint i = 0; i < atlas_content_get_symptoms (f->content)->len; i++)
    atlas_checklist_set_symptom (f->checklist, ((AtlasSymptom *) g_ptr_array_index (atlas_content_get_symptoms (f->content), i))->id,
                                 TRUE, ATLAS_SIDE_NONE);
  handout = atlas_handout_new (f->content, f->checklist, f->front, "iliacus-right");

  assert_true (atlas_handout_write_pdf (handout, path, &error));
  assert_true (g_file_get_contents (path, &data, &length, NULL));
  assert_true (length > 1000);
  assert_memory_equal (data, "%PDF", 4);

  /* The same renderer draws into an image: the page has ink where the diagram goes. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pages = atlas_handout_paginate (handout, cr, 595, 842);
  assert_true (pages >= 2);
  atlas_handout_render_page (handout, cr, 0);
  cairo_surface_flush (surface);
  for (int y = 100; y < 400; y += 4)
    for (int x = 48; x < 547; x += 4)
      inked += (*(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff) != 0xffffff;
  assert_true (inked > 500);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* A file that cannot be written is an error, not a crash. */
  assert_false (atlas_handout_write_pdf (handout, "/nonexistent-folder/notes.pdf", &error));
  assert_non_null (strstr (error->message, "/nonexistent-folder/notes.pdf"));

  g_unlink (path);
  g_rmdir (dir);
}

/* A full disk used to be reported as success, leaving a truncated PDF in place of the old one. */
static void
test_a_failed_write_keeps_the_old_handout (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = atlas_handout_new (f->content, f->checklist, f->front, NULL);
  g_autofree char *dir = g_dir_make_tmp ("atlas-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint files = 0;

  assert_true (atlas_handout_write_pdf (handout, path, NULL));
  assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* The disk fills up a kilobyte into the next one. */
  atlas_checklist_set_red_flag (f->checklist, "fever-chills-sweats", TRUE);
  atlas_state_file_fail_after_bytes (1024);
  assert_false (atlas_handout_write_pdf (handout, path, &error));
  if (strstr (error->message, "No space left on device") == NULL)
    fail_msg ("%s", error->message);
  assert_true (g_file_get_contents (path, &after, NULL, NULL));
  assert_string_equal (before, after);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    files++;
  assert_int_equal (files, 1);

  /* A device is never replaced by a handout. */
  g_clear_error (&error);
  assert_false (atlas_handout_write_pdf (handout, "/dev/null", &error));
  assert_non_null (strstr (error->message, "not a regular file"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_handout_says_what_was_discussed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_warning_sign_comes_first_and_removes_self_care, setup, teardown),
    cmocka_unit_test_setup_teardown (test_every_warning_sign_withdraws_care_for_every_structure, setup, teardown),
    cmocka_unit_test_setup_teardown (test_pdf_and_pages, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_failed_write_keeps_the_old_handout, setup, teardown),
  };

  return cmocka_run_group_tests_name ("handout", tests, NULL, NULL);
}
