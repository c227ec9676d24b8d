/* test-diagram-morph.c — the side view moving between its two postures, without a display.
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

#include "atlas-diagram.h"
#include "atlas-views.h"

static AtlasDiagram *
load_side (guint state)
{
  g_autoptr(GError) error = NULL;
  AtlasDiagram *diagram = atlas_view_load_builtin (atlas_views_lookup ("side"), state, &error);

  if (diagram == NULL)
    fail_msg ("%s", error->message);
  return diagram;
}

static GBytes *
side_bytes (guint state)
{
  const AtlasViewInfo *view = atlas_views_lookup ("side");
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "resources", "diagrams",
                                            view->states[state], NULL);
  g_autoptr(GError) error = NULL;
  char *text;
  gsize size;

  if (!g_file_get_contents (path, &text, &size, &error))
    fail_msg ("%s", error->message);
  return g_bytes_new_take (text, size);
}

/* The whole picture at a fixed size, as ARGB pixels. */
static cairo_surface_t *
render (AtlasDiagram *diagram)
{
  double w = atlas_diagram_get_width (diagram), h = atlas_diagram_get_height (diagram);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w / 2), (int) (h / 2));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 0.5, 0.5);
  assert_true (atlas_diagram_render (diagram, cr, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
differing_pixels (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  assert_int_equal (w, cairo_image_surface_get_width (b));
  assert_int_equal (h, cairo_image_surface_get_height (b));
  for (int y = 0; y < h; y++)
    n += memcmp (pa + y * stride, pb + y * stride, w * 4) != 0;
  return n;
}

/* The generator draws both postures with identical structure, so the loader accepts the pair;
 * a pair that differs in anything but numbers is refused with the line where they part. */
static void
test_side_postures_have_identical_structure (void **state)
{
  g_autoptr(AtlasDiagram) neutral = load_side (0);
  g_autoptr(AtlasDiagram) shortened = load_side (1);
  g_autoptr(AtlasDiagram) front = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = side_bytes (1);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GBytes) doctored_bytes = NULL;
  g_autoptr(AtlasDiagram) doctored = NULL;
  const char *path;

  assert_true (atlas_diagram_set_morph_target (neutral, shortened, &error));
  assert_null (error);
  assert_true (atlas_diagram_has_morph_target (neutral));

  assert_false (atlas_diagram_set_morph_target (neutral, front, &error));
  assert_true (g_error_matches (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MORPH));
  assert_false (atlas_diagram_has_morph_target (neutral));
  g_clear_error (&error);

  /* One path command changed (a curve made a line) is a different structure, though the file is
   * still a valid diagram on its own. */
  path = strstr (text->str, " C");
  assert_non_null (path);
  text->str[path - text->str + 1] = 'L';
  doctored_bytes = g_bytes_new (text->str, text->len);
  doctored = atlas_diagram_new_from_bytes (doctored_bytes, NULL, atlas_views_lookup ("side")->required_ids, &error);
  assert_non_null (doctored);
  assert_false (atlas_diagram_set_morph_target (neutral, doctored, &error));
  assert_true (g_error_matches (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MORPH));
  assert_non_null (strstr (error->message, "line "));
}

/* A morph at 0 draws exactly the neutral posture and at 1 exactly the shortened one, with the
 * same anchors; between them the drawing differs from both. */
static void
test_morph_ends_equal_the_two_postures (void **state)
{
  g_autoptr(AtlasDiagram) morph = load_side (0);
  g_autoptr(AtlasDiagram) neutral = load_side (0);
  g_autoptr(AtlasDiagram) shortened = load_side (1);
  cairo_surface_t *want0 = render (neutral), *want1 = render (shortened), *got;

  assert_true (atlas_diagram_set_morph_target (morph, shortened, NULL));

  atlas_diagram_set_morph (morph, 1.0);
  assert_true (atlas_diagram_get_morph (morph) == 1.0);
  got = render (morph);
  assert_int_equal (differing_pixels (got, want1), 0);
  cairo_surface_destroy (got);
  for (guint i = 0; i < atlas_diagram_get_n_regions (morph); i++)
    {
      const AtlasRegion *a = atlas_diagram_get_region (morph, i), *b = atlas_diagram_get_region (shortened, i);

      assert_true (fabs (a->anchor_x - b->anchor_x) < 1e-9 && fabs (a->anchor_y - b->anchor_y) < 1e-9);
      assert_true (fabs (a->x - b->x) < 1e-9 && fabs (a->width - b->width) < 1e-9);
    }

  atlas_diagram_set_morph (morph, 0.5);
  got = render (morph);
  assert_true (differing_pixels (got, want0) > 0);
  assert_true (differing_pixels (got, want1) > 0);
  cairo_surface_destroy (got);

  atlas_diagram_set_morph (morph, 0.0);
  got = render (morph);
  assert_int_equal (differing_pixels (got, want0), 0);
  cairo_surface_destroy (got);
  for (guint i = 0; i < atlas_diagram_get_n_regions (morph); i++)
    {
      const AtlasRegion *a = atlas_diagram_get_region (morph, i), *b = atlas_diagram_get_region (neutral, i);

      assert_true (a->anchor_x == b->anchor_x && a->anchor_y == b->anchor_y);
    }

  cairo_surface_destroy (want0);
  cairo_surface_destroy (want1);
}

/* Hit testing, anchors and highlights follow the drawing as it moves. */
static void
test_picking_follows_the_morph (void **state)
{
  g_autoptr(AtlasDiagram) morph = load_side (0);
  g_autoptr(AtlasDiagram) shortened = load_side (1);
  const AtlasRegion *psoas;
  double x0, y0;

  assert_true (atlas_diagram_set_morph_target (morph, shortened, NULL));
  psoas = atlas_diagram_lookup_region (morph, "psoas-major-right");
  x0 = psoas->anchor_x;
  y0 = psoas->anchor_y;

  for (double t = 0.25; t <= 1.0; t += 0.25)
    {
      guint misses = 0;

      atlas_diagram_set_morph (morph, t);
      for (guint i = 0; i < atlas_diagram_get_n_regions (morph); i++)
        {
          const AtlasRegion *region = atlas_diagram_get_region (morph, i);

          if (atlas_diagram_pick (morph, region->anchor_x, region->anchor_y) != region)
            {
              print_error ("at %.2f the anchor of %s misses it\n", t, region->id);
              misses++;
            }
        }
      assert_int_equal (misses, 0);
    }
  assert_true (hypot (psoas->anchor_x - x0, psoas->anchor_y - y0) > 5);

  /* A highlight paints the region where it is now. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) atlas_diagram_get_width (morph),
                                                           (int) atlas_diagram_get_height (morph));
    cairo_t *cr = cairo_create (surface);
    const guint32 *data;

    atlas_diagram_set_morph (morph, 0.5);
    assert_true (atlas_diagram_render_highlight (morph, cr, "psoas-major-right", ATLAS_HIGHLIGHT_SELECTED, 1.0, NULL));
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    data = (const guint32 *) cairo_image_surface_get_data (surface);
    assert_int_not_equal (data[(int) psoas->anchor_y * cairo_image_surface_get_stride (surface) / 4 + (int) psoas->anchor_x], 0);
    cairo_surface_destroy (surface);
  }
}

/* Without a target a morph does nothing, and values outside 0..1 are clamped. */
static void
test_morph_is_clamped_and_optional (void **state)
{
  g_autoptr(AtlasDiagram) diagram = load_side (0);
  g_autoptr(AtlasDiagram) shortened = load_side (1);

  atlas_diagram_set_morph (diagram, 0.5);
  assert_true (atlas_diagram_get_morph (diagram) == 0.0);

  assert_true (atlas_diagram_set_morph_target (diagram, shortened, NULL));
  atlas_diagram_set_morph (diagram, 7.0);
  assert_true (atlas_diagram_get_morph (diagram) == 1.0);
  atlas_diagram_set_morph (diagram, NAN);
  assert_true (atlas_diagram_get_morph (diagram) == 0.0);

  /* Dropping the target returns to the drawing as loaded. */
  atlas_diagram_set_morph (diagram, 1.0);
  assert_true (atlas_diagram_set_morph_target (diagram, NULL, NULL));
  assert_true (atlas_diagram_get_morph (diagram) == 0.0);
  assert_false (atlas_diagram_has_morph_target (diagram));
}

/* The handout loads the posture that is showing, even between the two ends. */
static void
test_posture_loads_at_any_point (void **state)
{
  const AtlasViewInfo *side = atlas_views_lookup ("side");
  g_autoptr(AtlasDiagram) half = atlas_view_load_posture (side, 0.5, NULL);
  g_autoptr(AtlasDiagram) end = atlas_view_load_posture (side, 1.0, NULL);
  g_autoptr(AtlasDiagram) shortened = load_side (1);
  g_autoptr(AtlasDiagram) front = atlas_view_load_posture (atlas_views_lookup ("front"), 0.5, NULL);
  cairo_surface_t *a, *b;

  assert_non_null (half);
  assert_true (atlas_diagram_get_morph (half) == 0.5);
  a = render (end);
  b = render (shortened);
  assert_int_equal (differing_pixels (a, b), 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* A view with one drawing has nothing to morph. */
  assert_non_null (front);
  assert_false (atlas_diagram_has_morph_target (front));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_side_postures_have_identical_structure),
    cmocka_unit_test (test_morph_ends_equal_the_two_postures),
    cmocka_unit_test (test_picking_follows_the_morph),
    cmocka_unit_test (test_morph_is_clamped_and_optional),
    cmocka_unit_test (test_posture_loads_at_any_point),
  };

  return cmocka_run_group_tests_name ("diagram-morph", tests, NULL, NULL);
}
