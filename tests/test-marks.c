/* test-marks.c — the drawing marks: the list, its undo, erasing, the file and its bad inputs.
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
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "atlas-marks.h"

static AtlasMark *
arrow (double x0,
       double y0,
       double x1,
       double y1)
{
  AtlasMark *mark = atlas_mark_new (ATLAS_MARK_ARROW, ATLAS_MARK_BLUE, 3);

  atlas_mark_add_point (mark, x0, y0);
  atlas_mark_add_point (mark, x1, y1);
  return mark;
}

static AtlasMark *
ellipse (double x0,
         double y0,
         double x1,
         double y1)
{
  AtlasMark *mark = atlas_mark_new (ATLAS_MARK_ELLIPSE, ATLAS_MARK_GREEN, 3);

  atlas_mark_add_point (mark, x0, y0);
  atlas_mark_add_point (mark, x1, y1);
  return mark;
}

static void
count_cb (AtlasMarks *marks,
          guint      *count)
{
  (*count)++;
}

/* Adding, erasing and clearing are each one step back and forth. */
static void
test_undo_redo (void **state)
{
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  g_autoptr(AtlasMark) a = arrow (0, 0, 10, 10);
  g_autoptr(AtlasMark) b = ellipse (20, 20, 40, 30);
  guint changes = 0;

  g_signal_connect (marks, "changed", G_CALLBACK (count_cb), &changes);
  assert_false (atlas_marks_can_undo (marks));
  assert_false (atlas_marks_undo (marks));

  atlas_marks_add (marks, a);
  atlas_marks_add (marks, b);
  assert_int_equal (atlas_marks_get_n_marks (marks), 2);
  assert_int_equal (changes, 2);

  atlas_marks_remove (marks, 0);
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);
  assert_ptr_equal (atlas_marks_get_mark (marks, 0), b);

  atlas_marks_clear (marks);
  assert_int_equal (atlas_marks_get_n_marks (marks), 0);

  /* Undo brings back the cleared mark, then the erased one, in its place. */
  assert_true (atlas_marks_undo (marks));
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);
  assert_true (atlas_marks_undo (marks));
  assert_int_equal (atlas_marks_get_n_marks (marks), 2);
  assert_ptr_equal (atlas_marks_get_mark (marks, 0), a);
  assert_true (atlas_marks_can_redo (marks));

  assert_true (atlas_marks_redo (marks));
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);

  /* A new mark after an undo drops what could be redone. */
  assert_true (atlas_marks_undo (marks));
  atlas_marks_add (marks, b);
  assert_false (atlas_marks_can_redo (marks));
  assert_int_equal (atlas_marks_get_n_marks (marks), 3);

  /* Back to the beginning, and no further. */
  while (atlas_marks_undo (marks))
    ;
  assert_int_equal (atlas_marks_get_n_marks (marks), 0);
  assert_int_equal (changes, 2 + 1 + 1 + 2 + 1 + 1 + 1 + 3);
}

/* A mark that cannot be drawn is never added, and neither is one past the limit. */
static void
test_incomplete_and_limits (void **state)
{
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  g_autoptr(AtlasMark) half = atlas_mark_new (ATLAS_MARK_ARROW, ATLAS_MARK_RED, 3);
  g_autoptr(AtlasMark) note = atlas_mark_new (ATLAS_MARK_TEXT, ATLAS_MARK_BLACK, 20);
  g_autoptr(AtlasMark) stroke = atlas_mark_new (ATLAS_MARK_STROKE, ATLAS_MARK_RED, 3);
  g_autoptr(AtlasMark) moving = arrow (0, 0, 5, 5);
  g_autofree char *long_text = g_strnfill (500, 'x');
  double x, y;

  atlas_mark_add_point (half, 1, 1);
  atlas_marks_add (marks, half);
  atlas_mark_add_point (note, 1, 1);
  atlas_marks_add (marks, note);
  assert_int_equal (atlas_marks_get_n_marks (marks), 0);
  assert_false (atlas_marks_can_undo (marks));

  /* Notes are one line, cut at the limit. */
  atlas_mark_set_text (note, "Tight\nhere");
  assert_string_equal (note->text, "Tight here");
  atlas_mark_set_text (note, long_text);
  assert_int_equal (strlen (note->text), ATLAS_MARKS_MAX_TEXT);

  /* An arrow's head follows the drag: a third point replaces the second. */
  atlas_mark_add_point (moving, 9, 8);
  assert_int_equal (atlas_mark_get_n_points (moving), 2);
  atlas_mark_get_point (moving, 1, &x, &y);
  assert_true (x == 9 && y == 8);

  /* Points that are not numbers are ignored; a stroke stops growing at its limit. */
  atlas_mark_add_point (stroke, NAN, 1);
  atlas_mark_add_point (stroke, 1, INFINITY);
  assert_int_equal (atlas_mark_get_n_points (stroke), 0);
  for (guint i = 0; i < ATLAS_MARKS_MAX_POINTS + 10; i++)
    atlas_mark_add_point (stroke, i, i);
  assert_int_equal (atlas_mark_get_n_points (stroke), ATLAS_MARKS_MAX_POINTS);

  for (guint i = 0; i < ATLAS_MARKS_MAX_MARKS + 5; i++)
    atlas_marks_add (marks, moving);
  assert_int_equal (atlas_marks_get_n_marks (marks), ATLAS_MARKS_MAX_MARKS);
}

/* Erasing finds the mark under the pointer: the topmost, on its ink, not beside it. */
static void
test_hit_test (void **state)
{
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  g_autoptr(AtlasMark) a = arrow (0, 0, 100, 0);
  g_autoptr(AtlasMark) circle = ellipse (0, -50, 100, 50);
  g_autoptr(AtlasMark) stroke = atlas_mark_new (ATLAS_MARK_STROKE, ATLAS_MARK_RED, 4);
  g_autoptr(AtlasMark) note = atlas_mark_new (ATLAS_MARK_TEXT, ATLAS_MARK_BLACK, 20);

  atlas_mark_add_point (stroke, 200, 200);
  atlas_mark_add_point (stroke, 300, 300);
  atlas_mark_add_point (note, 400, 0);
  atlas_mark_set_text (note, "Sore");

  atlas_marks_add (marks, a);
  atlas_marks_add (marks, circle);
  atlas_marks_add (marks, stroke);
  atlas_marks_add (marks, note);

  assert_int_equal (atlas_marks_hit_test (marks, 50, 1, 2), 0);      /* on the arrow, inside the circle */
  assert_int_equal (atlas_marks_hit_test (marks, 50, 49, 2), 1);     /* on the circle's outline */
  assert_int_equal (atlas_marks_hit_test (marks, 100, 0, 2), 1);     /* where both meet: the upper one */
  assert_int_equal (atlas_marks_hit_test (marks, 250, 252, 2), 2);   /* on the stroke's line */
  assert_int_equal (atlas_marks_hit_test (marks, 410, 10, 2), 3);    /* in the note */
  assert_int_equal (atlas_marks_hit_test (marks, 250, 280, 2), -1);  /* beside the stroke */
  assert_int_equal (atlas_marks_hit_test (marks, 50, 25, 2), -1);    /* inside the circle, off its line */
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "marks", name, NULL);
}

/* What is written is read back as it was. */
static void
test_round_trip (void **state)
{
  g_autofree char *path = data_path ("good.marks");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasMarks) marks = atlas_marks_new_from_file (path, &error);
  g_autoptr(AtlasMarks) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  AtlasMark *mark;
  double x, y;

  assert_null (error);
  assert_non_null (marks);
  assert_string_equal (atlas_marks_get_view (marks), "side");
  assert_int_equal (atlas_marks_get_n_marks (marks), 4);
  assert_false (atlas_marks_can_undo (marks));

  mark = atlas_marks_get_mark (marks, 0);
  assert_int_equal (mark->kind, ATLAS_MARK_STROKE);
  assert_int_equal (mark->colour, ATLAS_MARK_RED);
  assert_int_equal (atlas_mark_get_n_points (mark), 3);
  atlas_mark_get_point (mark, 1, &x, &y);
  assert_true (x == 415 && y == 386.25);
  mark = atlas_marks_get_mark (marks, 3);
  assert_int_equal (mark->kind, ATLAS_MARK_TEXT);
  assert_string_equal (mark->text, "Tight here");

  text = atlas_marks_serialize (marks);
  again = atlas_marks_new_from_data (text, strlen (text), "again", &error);
  assert_null (error);
  text_again = atlas_marks_serialize (again);
  assert_string_equal (text, text_again);
}

typedef struct
{
  const char *file;
  int         code;
  const char *message;  /* part of what the user is told */
} BadCase;

/* Every broken file is refused whole, saying which file, which line and what is wrong. */
static void
test_bad_input (void **state)
{
  static const BadCase cases[] = {
    { "empty.marks", ATLAS_MARKS_ERROR_INVALID, "empty.marks: the file is empty" },
    { "future-version.marks", ATLAS_MARKS_ERROR_NEWER_VERSION, "future-version.marks:1: the marks were saved by a newer" },
    { "no-header.marks", ATLAS_MARKS_ERROR_INVALID, "no-header.marks:1: the file does not start with" },
    { "wrong-format.marks", ATLAS_MARKS_ERROR_INVALID, "wrong-format.marks:1: the file does not start with" },
    { "truncated.marks", ATLAS_MARKS_ERROR_INVALID, "truncated.marks:3: “2,” is not a point" },
    { "unknown-kind.marks", ATLAS_MARKS_ERROR_INVALID, "unknown-kind.marks:2: “squiggle” is not a kind" },
    { "unknown-colour.marks", ATLAS_MARKS_ERROR_INVALID, "unknown-colour.marks:2: “purple” is not a colour" },
    { "nan-width.marks", ATLAS_MARKS_ERROR_INVALID, "nan-width.marks:2: “nan” is not a width" },
    { "infinite-point.marks", ATLAS_MARKS_ERROR_INVALID, "infinite-point.marks:2: “inf,2” is not a point" },
    { "huge-coordinate.marks", ATLAS_MARKS_ERROR_INVALID, "huge-coordinate.marks:2: “1e300,2” is not a point" },
    { "three-point-arrow.marks", ATLAS_MARKS_ERROR_INVALID, "three-point-arrow.marks:2: an arrow has exactly two points" },
    { "flat-ellipse.marks", ATLAS_MARKS_ERROR_INVALID, "flat-ellipse.marks:2: an ellipse needs two different points" },
    { "empty-note.marks", ATLAS_MARKS_ERROR_INVALID, "empty-note.marks:2: a note needs a point and some text" },
    { "long-note.marks", ATLAS_MARKS_ERROR_INVALID, "long-note.marks:2: a note is longer than 200 bytes" },
    { "control-character.marks", ATLAS_MARKS_ERROR_INVALID, "control-character.marks:2: the line has control characters" },
    { "not-utf8.marks", ATLAS_MARKS_ERROR_INVALID, "not-utf8.marks: the file is not UTF-8 text" },
    { "nul-byte.marks", ATLAS_MARKS_ERROR_INVALID, "nul-byte.marks: the file is not UTF-8 text" },
    { "two-views.marks", ATLAS_MARKS_ERROR_INVALID, "two-views.marks:3: the view is named twice" },
    { "bad-view.marks", ATLAS_MARKS_ERROR_INVALID, "bad-view.marks:2: “../../etc” is not a view name" },
    { "too-many-marks.marks", ATLAS_MARKS_ERROR_TOO_LARGE, "too-many-marks.marks:502: more than 500 marks" },
    { "too-many-points.marks", ATLAS_MARKS_ERROR_INVALID, "too-many-points.marks:2: a stroke has more than 4000 points" },
    { "bad-posture.marks", ATLAS_MARKS_ERROR_INVALID, "bad-posture.marks:3: “posture=2” is not a posture from 0 to 1" },
  };
  g_autoptr(GDir) dir = NULL;
  g_autofree char *dir_path = data_path (NULL);
  const char *name;
  guint n_files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasMarks) marks = atlas_marks_new_from_file (path, &error);

      if (marks != NULL || error == NULL || !g_error_matches (error, ATLAS_MARKS_ERROR, cases[i].code) ||
          strstr (error->message, cases[i].message) == NULL)
        fail_msg ("%s: expected error %d “%s”, got %s", cases[i].file, cases[i].code, cases[i].message,
                  error ? error->message : "no error");
    }

  /* Every file of the corpus but the good ones is in the table. */
  dir = g_dir_open (dir_path, 0, NULL);
  assert_non_null (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".marks") && !g_str_equal (name, "good.marks") && !g_str_equal (name, "good-postures.marks"))
      {
        gboolean listed = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
          listed |= g_str_equal (cases[i].file, name);
        if (!listed)
          fail_msg ("%s is in the corpus but not tested", name);
        n_files++;
      }
  assert_int_equal (n_files, G_N_ELEMENTS (cases));
}

/* Files that are not what they seem: too large, a link, a folder, missing. */
static void
test_not_a_marks_file (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-marks-XXXXXX", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.marks", NULL);
  g_autofree char *link = g_build_filename (dir, "link.marks", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.marks", NULL);
  g_autofree char *good = data_path ("good.marks");
  g_autoptr(GString) big = g_string_new ("psoas-atlas-marks 1\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasMarks) marks = NULL;

  while (big->len <= ATLAS_MARKS_MAX_BYTES)
    g_string_append (big, "# padding\n");
  assert_true (g_file_set_contents (huge, big->str, big->len, NULL));
  marks = atlas_marks_new_from_file (huge, &error);
  assert_null (marks);
  assert_true (g_error_matches (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_TOO_LARGE));
  g_clear_error (&error);

  /* The same bytes handed over directly are refused too. */
  marks = atlas_marks_new_from_data (big->str, big->len, "big", &error);
  assert_null (marks);
  assert_true (g_error_matches (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_TOO_LARGE));
  g_clear_error (&error);

  assert_int_equal (symlink (good, link), 0);
  marks = atlas_marks_new_from_file (link, &error);
  assert_null (marks);
  assert_true (g_error_matches (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_NOT_A_FILE));
  g_clear_error (&error);

  /* A pipe would block a reader that waited for it: refused at once. */
  {
    g_autofree char *fifo = g_build_filename (dir, "pipe.marks", NULL);

    assert_int_equal (mkfifo (fifo, 0600), 0);
    marks = atlas_marks_new_from_file (fifo, &error);
    assert_null (marks);
    assert_true (g_error_matches (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_NOT_A_FILE));
    g_clear_error (&error);
    g_unlink (fifo);
  }

  marks = atlas_marks_new_from_file (dir, &error);
  assert_null (marks);
  assert_true (g_error_matches (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_NOT_A_FILE));
  g_clear_error (&error);

  marks = atlas_marks_new_from_file (missing, &error);
  assert_null (marks);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  assert_non_null (strstr (error->message, "missing.marks"));
  g_clear_error (&error);

  g_unlink (huge);
  g_unlink (link);
  g_rmdir (dir);
}

/* Saving writes what reading takes back. */
static void
test_save (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-marks-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.marks", NULL);
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  g_autoptr(AtlasMarks) back = NULL;
  g_autoptr(AtlasMark) a = arrow (1.5, 2.25, 30, 40);
  g_autoptr(GError) error = NULL;

  atlas_marks_set_view (marks, "front");
  atlas_marks_add (marks, a);
  assert_true (atlas_marks_save (marks, path, &error));
  back = atlas_marks_new_from_file (path, &error);
  assert_null (error);
  assert_string_equal (atlas_marks_get_view (back), "front");
  assert_int_equal (atlas_marks_get_n_marks (back), 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* Drawing puts ink where the marks are, in document coordinates. */
static void
test_render (void **state)
{
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  g_autoptr(AtlasMark) a = arrow (10, 50, 90, 50);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (surface);
  guint32 *pixels;
  int stride;

  atlas_marks_add (marks, a);
  atlas_marks_render (marks, cr, 0.9);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;

  /* Blue ink on the line, nothing far from it. */
  assert_true ((pixels[50 * stride + 50] & 0xff) > 0x80);
  assert_int_equal (pixels[10 * stride + 50], 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_undo_redo),
    cmocka_unit_test (test_incomplete_and_limits),
    cmocka_unit_test (test_hit_test),
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_bad_input),
    cmocka_unit_test (test_not_a_marks_file),
    cmocka_unit_test (test_save),
    cmocka_unit_test (test_render),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
