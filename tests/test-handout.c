/* test-handout.c — the take-home handout, without a display.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-handout.h"
#include "atlas-illustrations.h"
#include "atlas-structures.h"
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
  /* With no warning sign ticked, the handout still lists when to get help, ambulance first. */
  assert_non_null (strstr (text, "When to Get Medical Help"));
  assert_non_null (strstr (text, "Call an ambulance now (Sudden Belly or Back Pain): Sudden, severe pain"));
  assert_true (strstr (text, "Call an ambulance now") < strstr (text, "Go to an emergency department now"));
  assert_non_null (strstr (text, "Caution:"));
  assert_non_null (strstr (text, "Sources"));
  /* No alert stands before the diagram: with nothing ticked, the warning signs are only listed
   * at the end, as when to get help. */
  assert_true (strstr (text, "emergency") > strstr (text, "When to Get Medical Help"));
  assert_true (strstr (text, "[diagram]") < strstr (text, "When to Get Medical Help"));
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

/* The text pdftotext finds on one page of a PDF, or on every page for 0. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", MAX (page, 1));
  g_autofree char *last = page > 0 ? g_strdup (first) : g_strdup ("99");
  const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", last, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    fail_msg ("pdftotext (poppler-utils) is needed to read the handout back: %s", error->message);
  return out;
}

static AtlasMarks *
some_marks (void)
{
  AtlasMarks *marks = atlas_marks_new ();
  g_autoptr(AtlasMark) arrow = atlas_mark_new (ATLAS_MARK_ARROW, ATLAS_MARK_BLUE, 6);
  g_autoptr(AtlasMark) circle = atlas_mark_new (ATLAS_MARK_ELLIPSE, ATLAS_MARK_RED, 6);

  atlas_mark_add_point (arrow, 800, 200);
  atlas_mark_add_point (arrow, 620, 420);
  atlas_mark_add_point (circle, 470, 330);
  atlas_mark_add_point (circle, 640, 560);
  atlas_marks_add (marks, arrow);
  atlas_marks_add (marks, circle);
  return marks;
}

/* How many pixels of page 1 differ between two handouts, drawn the same size. */
static guint
count_differences (AtlasHandout *a,
                   AtlasHandout *b)
{
  cairo_surface_t *surfaces[2];
  guint differences = 0;

  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
      cr = cairo_create (surfaces[i]);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      atlas_handout_paginate (i == 0 ? a : b, cr, 595, 842);
      atlas_handout_render_page (i == 0 ? a : b, cr, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[i]);
    }

  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 595; x++)
      {
        int stride = cairo_image_surface_get_stride (surfaces[0]);
        guint32 pa = *(guint32 *) (cairo_image_surface_get_data (surfaces[0]) + y * stride + x * 4);
        guint32 pb = *(guint32 *) (cairo_image_surface_get_data (surfaces[1]) + y * stride + x * 4);

        differences += (pa & 0xffffff) != (pb & 0xffffff);
      }

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
  return differences;
}

/* The diagram's page names what the handout is about: the structure discussed, what the
 * ticked symptoms point to and the landmarks; and the clinician's marks are on it. */
static void
test_diagram_is_labelled_and_marked (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasDiagram) side = atlas_view_load_builtin (atlas_views_lookup ("side"), 0, NULL);
  g_autoptr(AtlasHandout) handout = NULL;
  g_autoptr(AtlasHandout) unmarked = NULL;
  g_autoptr(AtlasMarks) marks = some_marks ();
  g_autoptr(GHashTable) weights = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_RIGHT);
  atlas_checklist_set_symptom (f->checklist, "pain-to-thighs", TRUE, ATLAS_SIDE_RIGHT);
  handout = atlas_handout_new (f->content, f->checklist, side, "psoas-major-right");
  atlas_handout_set_marks (handout, marks);
  unmarked = atlas_handout_new (f->content, f->checklist, side, "psoas-major-right");

  assert_true (atlas_handout_write_pdf (handout, path, &error));
  page = pdf_page_text (path, 1);
  assert_non_null (strstr (page, "Psoas major"));
  assert_non_null (strstr (page, "L3 vertebra"));
  assert_non_null (strstr (page, "Hip bone"));
  assert_non_null (strstr (page, "Femur"));

  /* Every structure a ticked symptom lights on this view is named. */
  weights = atlas_checklist_region_weights (f->checklist, side);
  assert_true (g_hash_table_size (weights) > 0);
  g_hash_table_iter_init (&iter, weights);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *name = atlas_region_dup_short_name (atlas_diagram_lookup_region (side, key), f->content);
      g_autofree char *first_word = g_strndup (name, strcspn (name, " "));

      if (strstr (page, first_word) == NULL)
        fail_msg ("“%s” is lit but not labelled on the diagram's page", name);
    }

  /* The marks are drawn: the page differs from the same handout without them, and the copy
   * taken is not changed by what is drawn afterwards. */
  assert_true (count_differences (handout, unmarked) > 500);
  atlas_marks_clear (marks);
  assert_true (count_differences (handout, unmarked) > 500);

  g_unlink (path);
  g_rmdir (dir);
}

/* The handout prints marks at the posture it shows: a circle drawn round the femur at neutral
 * is printed round the femur on a shortened diagram, exactly where the same circle drawn at
 * shortened is, and not where the femur was. */
static void
test_marks_follow_the_posture_printed (void **state)
{
  Fixture *f = *state;
  const AtlasViewInfo *info = atlas_views_lookup ("side");
  g_autoptr(AtlasDiagram) neutral = atlas_view_load_posture (info, 0.0, NULL);
  g_autoptr(AtlasDiagram) shortened = atlas_view_load_posture (info, 1.0, NULL);
  const AtlasRegion *femur0 = atlas_diagram_lookup_region (neutral, "femur-right");
  const AtlasRegion *femur1 = atlas_diagram_lookup_region (shortened, "femur-right");
  double dx = femur1->anchor_x - femur0->anchor_x, dy = femur1->anchor_y - femur0->anchor_y;
  AtlasMarks *marks[3];
  AtlasHandout *handouts[3];

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AtlasMark) circle = atlas_mark_new (ATLAS_MARK_ELLIPSE, ATLAS_MARK_RED, 6);
      /* 0: drawn at neutral; 1: the same drawn at shortened, round the femur there; 2: drawn
       * where the femur was, on a view that does not morph. */
      double shift_x = i == 1 ? dx : 0, shift_y = i == 1 ? dy : 0;

      atlas_mark_add_point (circle, femur0->anchor_x - 40 + shift_x, femur0->anchor_y - 50 + shift_y);
      atlas_mark_add_point (circle, femur0->anchor_x + 40 + shift_x, femur0->anchor_y + 50 + shift_y);
      atlas_mark_set_morph (circle, i == 0 ? 0.0 : i == 1 ? 1.0 : ATLAS_MARK_NO_MORPH);
      marks[i] = atlas_marks_new ();
      atlas_marks_add (marks[i], circle);
      handouts[i] = atlas_handout_new (f->content, f->checklist, shortened, NULL);
      atlas_handout_set_marks (handouts[i], marks[i]);
    }

  assert_true (hypot (dx, dy) > 20);
  assert_true (count_differences (handouts[0], handouts[1]) < 30);
  assert_true (count_differences (handouts[0], handouts[2]) > 300);

  for (guint i = 0; i < 3; i++)
    {
      g_object_unref (handouts[i]);
      g_object_unref (marks[i]);
    }
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

  /* A link names its file: the file is written and the link stays a link. One that leads
   * nowhere is refused, and nothing is made in its place. */
  {
    g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
    g_autofree char *dangling = g_build_filename (dir, "dangling.pdf", NULL);
    g_autofree char *through = NULL;
    GStatBuf st;

    assert_true (g_file_set_contents (path, "old", -1, NULL));
    assert_int_equal (symlink ("notes.pdf", link), 0);
    assert_true (atlas_handout_write_pdf (handout, link, NULL));
    assert_int_equal (g_lstat (link, &st), 0);
    assert_true (S_ISLNK (st.st_mode));
    assert_true (g_file_get_contents (path, &through, NULL, NULL));
    assert_true (g_str_has_prefix (through, "%PDF"));

    g_clear_error (&error);
    assert_int_equal (symlink ("no-such-folder/x.pdf", dangling), 0);
    assert_false (atlas_handout_write_pdf (handout, dangling, &error));
    assert_non_null (strstr (error->message, "cannot be reached"));
    assert_int_equal (g_lstat (dangling, &st), 0);
    assert_true (S_ISLNK (st.st_mode));
    g_unlink (link);
    g_unlink (dangling);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* US Letter is shorter and wider than A4: the same handout fits both, nothing left off. */
static void
test_letter_and_a4 (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  AtlasHandoutPaper paper;
  gsize length;

  assert_true (atlas_handout_paper_from_string ("Letter", &paper));
  assert_int_equal (paper, ATLAS_HANDOUT_PAPER_LETTER);
  assert_true (atlas_handout_paper_from_string ("a4", &paper));
  assert_false (atlas_handout_paper_from_string ("legal", &paper));

  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_LEFT);
  handout = atlas_handout_new (f->content, f->checklist, f->front, "psoas-major-left");
  atlas_handout_set_paper (handout, ATLAS_HANDOUT_PAPER_LETTER);
  assert_true (atlas_handout_write_pdf (handout, path, &error));
  assert_true (g_file_get_contents (path, &data, &length, NULL));
  assert_non_null (memmem (data, length, "/MediaBox [ 0 0 612 792 ]", strlen ("/MediaBox [ 0 0 612 792 ]")));

  /* Everything is there, ending with the sources, and no page is left empty (pdftotext ends
   * every page with a form feed). */
  {
    g_autofree char *text = pdf_page_text (path, 0);
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

    assert_non_null (strstr (text, "Sources"));
    assert_non_null (strstr (text, "Bridge pose"));
    assert_true (g_strv_length (pages) >= 2);
    for (guint p = 0; pages[p + 1] != NULL; p++)
      assert_true (strlen (g_strstrip (pages[p])) > 50);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* The date cannot be misread: the day, the month in words, the year. */
static void
test_date_is_unambiguous (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = atlas_handout_new (f->content, NULL, NULL, NULL);
  g_autofree char *text = atlas_handout_dup_text (handout);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%-d %B %Y");

  assert_non_null (strstr (text, expected));
  assert_true (g_regex_match_simple ("· [0-9]{1,2} [A-Z][a-z]+ [0-9]{4}\n", text, 0, 0));
}

/* Every exercise with steps has its picture, on screen and on paper, beside its steps. */
static void
test_every_exercise_with_steps_has_a_picture (void **state)
{
  Fixture *f = *state;
  GPtrArray *exercises = atlas_content_get_exercises (f->content);
  guint with_steps = 0;

  for (guint i = 0; i < exercises->len; i++)
    {
      const AtlasExercise *exercise = g_ptr_array_index (exercises, i);
      g_autofree char *resource = atlas_illustration_dup_resource (exercise->id);
      double width = 0, height = 0;

      if (exercise->steps->len == 0)
        continue;

      with_steps++;
      if (resource == NULL)
        fail_msg ("the exercise “%s” has steps but no picture in resources/exercises/", exercise->id);
      assert_true (atlas_illustration_get_size (exercise->id, &width, &height));
      assert_true (width > 0 && height > 0);
    }
  assert_true (with_steps >= 4);
  assert_null (atlas_illustration_dup_resource ("../diagrams/front"));
  assert_null (atlas_illustration_dup_resource ("no-such-exercise"));
}

/* In the handout each exercise's picture comes with its steps and its cautions. */
static void
test_exercise_pictures_in_the_handout (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = NULL;
  g_autofree char *text = NULL;
  const char *bridge;

  atlas_checklist_set_symptom (f->checklist, "front-hip-tightness", TRUE, ATLAS_SIDE_LEFT);
  handout = atlas_handout_new (f->content, f->checklist, f->front, "psoas-major-left");
  text = atlas_handout_dup_text (handout);

  bridge = strstr (text, "[picture of bridge]");
  assert_non_null (bridge);
  assert_non_null (strstr (bridge, "Bridge pose"));
  assert_non_null (strstr (bridge, "1.\tLie face up"));
  assert_non_null (strstr (bridge, "Caution: Lift only as high"));
  /* … before the next exercise's picture or the sources, not gathered elsewhere. */
  {
    const char *next = strstr (bridge + 1, "[picture of");
    const char *end = next ? next : strstr (bridge, "\nSources\n");

    assert_non_null (end);
    assert_true (strstr (bridge, "Caution: Lift only as high") < end);
  }
}

/* The handout keeps the marks exactly: a tiny ellipse that rounds to nothing in the file format
 * once made the copy fail and every mark vanish from the paper. */
static void
test_marks_survive_the_copy_exactly (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  g_autoptr(AtlasMark) stroke = atlas_mark_new (ATLAS_MARK_STROKE, ATLAS_MARK_RED, 20);
  g_autoptr(AtlasMark) tiny = atlas_mark_new (ATLAS_MARK_ELLIPSE, ATLAS_MARK_RED, 3);
  g_autoptr(AtlasHandout) handout = atlas_handout_new (f->content, f->checklist, f->front, "psoas-major-left");
  g_autoptr(AtlasHandout) unmarked = atlas_handout_new (f->content, f->checklist, f->front, "psoas-major-left");

  atlas_mark_add_point (stroke, 100, 100);
  atlas_mark_add_point (stroke, 600, 600);
  atlas_mark_add_point (tiny, 300.001, 300);
  atlas_mark_add_point (tiny, 300.004, 300.002);
  atlas_marks_add (marks, stroke);
  atlas_marks_add (marks, tiny);
  assert_int_equal (atlas_marks_get_n_marks (marks), 2);

  atlas_handout_set_marks (handout, marks);
  assert_true (count_differences (handout, unmarked) > 500);
}

/* A handout someone made private stays private when it is written again. */
static void
test_a_rewritten_handout_keeps_its_permissions (void **state)
{
  Fixture *f = *state;
  g_autoptr(AtlasHandout) handout = atlas_handout_new (f->content, f->checklist, f->front, NULL);
  g_autofree char *dir = g_dir_make_tmp ("atlas-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  GStatBuf st;

  assert_true (atlas_handout_write_pdf (handout, path, NULL));
  assert_int_equal (g_chmod (path, 0600), 0);
  assert_true (atlas_handout_write_pdf (handout, path, NULL));
  assert_int_equal (g_stat (path, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0600);

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
    cmocka_unit_test_setup_teardown (test_diagram_is_labelled_and_marked, setup, teardown),
    cmocka_unit_test_setup_teardown (test_marks_survive_the_copy_exactly, setup, teardown),
    cmocka_unit_test_setup_teardown (test_marks_follow_the_posture_printed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_rewritten_handout_keeps_its_permissions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_letter_and_a4, setup, teardown),
    cmocka_unit_test_setup_teardown (test_date_is_unambiguous, setup, teardown),
    cmocka_unit_test_setup_teardown (test_every_exercise_with_steps_has_a_picture, setup, teardown),
    cmocka_unit_test_setup_teardown (test_exercise_pictures_in_the_handout, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_failed_write_keeps_the_old_handout, setup, teardown),
  };

  return cmocka_run_group_tests_name ("handout", tests, NULL, NULL);
}
