/* test-marks-morph.c — marks following the anatomy as the side view changes posture, without a
 * display.
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

#include <math.h>
#include <string.h>

#include "atlas-marks.h"
#include "atlas-views.h"

static AtlasDiagram *
load (const char *view_name,
      double      morph)
{
  g_autoptr(GError) error = NULL;
  AtlasDiagram *diagram = atlas_view_load_posture (atlas_views_lookup (view_name), morph, &error);

  if (diagram == NULL)
    fail_msg ("%s", error->message);
  return diagram;
}

static const AtlasRegion *
region (AtlasDiagram *diagram,
        const char   *id)
{
  const AtlasRegion *found = atlas_diagram_lookup_region (diagram, id);

  if (found == NULL)
    fail_msg ("no region %s", id);
  return found;
}

static AtlasMark *
dot (double x,
     double y,
     double morph)
{
  AtlasMark *mark = atlas_mark_new (ATLAS_MARK_STROKE, ATLAS_MARK_RED, 3);

  atlas_mark_add_point (mark, x, y);
  atlas_mark_set_morph (mark, morph);
  return mark;
}

/* The pure rule: the nearest anchor where the point was drawn decides, and the point moves as
 * far as that anchor moved. */
static void
test_offset_follows_nearest_anchor (void **state)
{
  const double from[] = { 0, 0, 100, 0, 100, 100 };
  const double to[] = { 5, 5, 130, -20, 100, 100 };
  double dx, dy;

  atlas_marks_morph_offset (from, to, 3, 90, 10, &dx, &dy);
  assert_true (dx == 30 && dy == -20);
  atlas_marks_morph_offset (from, to, 3, 10, 10, &dx, &dy);
  assert_true (dx == 5 && dy == 5);
  atlas_marks_morph_offset (from, to, 3, 100, 90, &dx, &dy);
  assert_true (dx == 0 && dy == 0);
  atlas_marks_morph_offset (NULL, NULL, 0, 100, 90, &dx, &dy);
  assert_true (dx == 0 && dy == 0);
}

/* A mark drawn on the thigh at neutral goes where the femur's anchor goes at shortened, and
 * back to where it was drawn at neutral again. */
static void
test_thigh_mark_moves_with_femur (void **state)
{
  g_autoptr(AtlasDiagram) side = load ("side", 0.0);
  g_autoptr(AtlasDiagram) shortened = load ("side", 1.0);
  const AtlasRegion *femur0 = region (side, "femur-right");
  double femur0_x = femur0->anchor_x, femur0_y = femur0->anchor_y;
  const AtlasRegion *femur1 = region (shortened, "femur-right");
  g_autoptr(AtlasMark) mark = dot (femur0_x + 6, femur0_y + 40, 0.0);
  double dx, dy;

  /* The femur really moves between the postures, or this test would prove nothing. */
  assert_true (hypot (femur1->anchor_x - femur0_x, femur1->anchor_y - femur0_y) > 20);

  atlas_mark_get_morph_offset (mark, side, &dx, &dy);
  assert_true (dx == 0 && dy == 0);

  atlas_diagram_set_morph (side, 1.0);
  atlas_mark_get_morph_offset (mark, side, &dx, &dy);
  assert_float_equal (dx, femur1->anchor_x - femur0_x, 0.01);
  assert_float_equal (dy, femur1->anchor_y - femur0_y, 0.01);

  /* Half way: half as far, since the anchors move in a straight line. */
  atlas_diagram_set_morph (side, 0.5);
  atlas_mark_get_morph_offset (mark, side, &dx, &dy);
  assert_float_equal (dx, (femur1->anchor_x - femur0_x) / 2, 0.02);
  assert_float_equal (dy, (femur1->anchor_y - femur0_y) / 2, 0.02);

  /* Drawn at shortened, it goes back by as much at neutral. */
  {
    g_autoptr(AtlasMark) drawn_shortened = dot (femur1->anchor_x + 6, femur1->anchor_y + 40, 1.0);

    atlas_diagram_set_morph (side, 0.0);
    atlas_mark_get_morph_offset (drawn_shortened, side, &dx, &dy);
    assert_float_equal (dx, femur0_x - femur1->anchor_x, 0.01);
    assert_float_equal (dy, femur0_y - femur1->anchor_y, 0.01);
  }
}

/* Marks that never morphed stay put: one drawn on a view that does not morph, and any mark on
 * a diagram that does not morph. */
static void
test_still_marks_stay (void **state)
{
  g_autoptr(AtlasDiagram) side = load ("side", 1.0);
  g_autoptr(AtlasDiagram) front = load ("front", 0.0);
  g_autoptr(AtlasMark) unmorphed = dot (460, 700, ATLAS_MARK_NO_MORPH);
  g_autoptr(AtlasMark) morphed = dot (460, 700, 0.0);
  double dx, dy;

  assert_false (atlas_diagram_has_morph_target (front));
  atlas_mark_get_morph_offset (unmorphed, side, &dx, &dy);
  assert_true (dx == 0 && dy == 0);
  atlas_mark_get_morph_offset (morphed, front, &dx, &dy);
  assert_true (dx == 0 && dy == 0);
  atlas_mark_get_morph_offset (morphed, NULL, &dx, &dy);
  assert_true (dx == 0 && dy == 0);
  atlas_mark_get_morph_offset (morphed, side, &dx, &dy);
  assert_true (dx != 0 || dy != 0);
}

/* Erasing finds a mark where it is drawn, not where its points were at the other posture. */
static void
test_hit_test_at_posture (void **state)
{
  g_autoptr(AtlasDiagram) side = load ("side", 0.0);
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  const AtlasRegion *femur = region (side, "femur-right");
  double x = femur->anchor_x, y = femur->anchor_y + 30, dx, dy;
  g_autoptr(AtlasMark) mark = dot (x, y, 0.0);

  atlas_marks_add (marks, mark);
  atlas_diagram_set_morph (side, 1.0);
  atlas_mark_get_morph_offset (mark, side, &dx, &dy);
  assert_int_equal (atlas_marks_hit_test_on (marks, side, x + dx, y + dy, 2), 0);
  assert_int_equal (atlas_marks_hit_test_on (marks, side, x, y, 2), -1);
  /* Without the diagram, the points as they are. */
  assert_int_equal (atlas_marks_hit_test (marks, x, y, 2), 0);
}

/* The posture goes into the file and comes back; a file with none stays version 1. */
static void
test_file_keeps_posture (void **state)
{
  g_autoptr(AtlasMarks) marks = atlas_marks_new ();
  g_autoptr(AtlasMarks) still = atlas_marks_new ();
  g_autoptr(AtlasMarks) back = NULL;
  g_autoptr(AtlasMark) a = dot (10, 20, 0.25);
  g_autoptr(AtlasMark) b = dot (30, 40, ATLAS_MARK_NO_MORPH);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *still_text = NULL;

  atlas_marks_add (marks, a);
  atlas_marks_add (marks, b);
  text = atlas_marks_serialize (marks);
  assert_true (g_str_has_prefix (text, "psoas-atlas-marks 2\n"));
  assert_non_null (strstr (text, "posture=0.25"));
  back = atlas_marks_new_from_data (text, strlen (text), "x.marks", &error);
  assert_null (error);
  assert_float_equal (atlas_marks_get_mark (back, 0)->morph, 0.25, 1e-9);
  assert_true (atlas_marks_get_mark (back, 1)->morph == ATLAS_MARK_NO_MORPH);

  atlas_marks_add (still, b);
  still_text = atlas_marks_serialize (still);
  assert_true (g_str_has_prefix (still_text, "psoas-atlas-marks 1\n"));

  /* The example file: the postures as written, and a mark without one that never moves. */
  {
    g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "marks", "good-postures.marks", NULL);
    g_autoptr(AtlasMarks) read = atlas_marks_new_from_file (path, &error);

    assert_null (error);
    assert_int_equal (atlas_marks_get_n_marks (read), 3);
    assert_true (atlas_marks_get_mark (read, 0)->morph == 0.0);
    assert_true (atlas_marks_get_mark (read, 1)->morph == 1.0);
    assert_true (atlas_marks_get_mark (read, 2)->morph == ATLAS_MARK_NO_MORPH);
  }

  {
    const char *bad = "psoas-atlas-marks 2\nstroke red 3 posture=1.5 1,1\n";
    g_autoptr(AtlasMarks) refused = atlas_marks_new_from_data (bad, strlen (bad), "bad.marks", &error);

    assert_null (refused);
    assert_non_null (strstr (error->message, "bad.marks:2: “posture=1.5” is not a posture"));
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_offset_follows_nearest_anchor),
    cmocka_unit_test (test_thigh_mark_moves_with_femur),
    cmocka_unit_test (test_still_marks_stay),
    cmocka_unit_test (test_hit_test_at_posture),
    cmocka_unit_test (test_file_keeps_posture),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
