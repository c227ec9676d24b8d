/* test-diagram.c — diagrams, their pick maps and their refusal of bad files, without a display.
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
#include <stdio.h>
#include <string.h>

#include "atlas-diagram.h"
#include "atlas-views.h"

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "diagrams", name, NULL);

  return g_file_new_for_path (path);
}

static AtlasDiagram *
load_data (const char         *name,
           const char * const *required,
           GError            **error)
{
  g_autoptr(GFile) file = data_file (name);

  return atlas_diagram_new_from_file (file, required, error);
}

/* Every region of every built-in view: its anchor lies on a visible part of it, so a click
 * there selects it and a leader line there points at it. */
static void
test_builtin_anchor_points_hit_their_regions (void **state)
{
  for (guint v = 0; v < atlas_views_get_n_views (); v++)
    {
      const AtlasViewInfo *view = atlas_views_get_view (v);

      for (guint s = 0; s < atlas_view_get_n_states (view); s++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (view, s, &error);
          guint misses = 0;

          if (diagram == NULL)
            fail_msg ("%s", error->message);

          assert_true (atlas_diagram_get_n_regions (diagram) >= g_strv_length ((GStrv) view->required_ids));

          for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
            {
              const AtlasRegion *region = atlas_diagram_get_region (diagram, i);
              const AtlasRegion *hit = atlas_diagram_pick (diagram, region->anchor_x, region->anchor_y);

              if (hit != region)
                {
                  print_error ("%s: anchor of %s at (%.1f, %.1f) picks %s\n", view->states[s], region->id,
                               region->anchor_x, region->anchor_y, hit ? hit->id : "nothing");
                  misses++;
                }

              /* Bounds come from the pick map and contain the anchor. */
              assert_true (region->width > 0 && region->height > 0);
            }
          assert_int_equal (misses, 0);

          /* The corners of the drawing are empty background. */
          assert_null (atlas_diagram_pick (diagram, 0.5, 0.5));
          assert_null (atlas_diagram_pick (diagram, atlas_diagram_get_width (diagram) - 0.5,
                                           atlas_diagram_get_height (diagram) - 0.5));
        }
    }
}

static void
test_builtin_side_states_share_regions (void **state)
{
  const AtlasViewInfo *view = atlas_views_lookup ("side");
  g_autoptr(AtlasDiagram) neutral = atlas_view_load_builtin (view, 0, NULL);
  g_autoptr(AtlasDiagram) shortened = atlas_view_load_builtin (view, 1, NULL);
  const AtlasRegion *a, *b;

  assert_non_null (neutral);
  assert_non_null (shortened);
  assert_int_equal (atlas_diagram_get_n_regions (neutral), atlas_diagram_get_n_regions (shortened));
  for (guint i = 0; i < atlas_diagram_get_n_regions (neutral); i++)
    assert_string_equal (atlas_diagram_get_region (neutral, i)->id, atlas_diagram_get_region (shortened, i)->id);

  /* The shortened psoas is shorter: its visible extent from spine to femur is smaller. */
  a = atlas_diagram_lookup_region (neutral, "psoas-major-right");
  b = atlas_diagram_lookup_region (shortened, "psoas-major-right");
  assert_true (hypot (b->width, b->height) < hypot (a->width, a->height));
}

static void
test_regions_know_their_side_and_structure (void **state)
{
  g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  const AtlasRegion *left = atlas_diagram_lookup_region (diagram, "psoas-major-left");
  const AtlasRegion *right = atlas_diagram_lookup_region (diagram, "psoas-major-right");
  const AtlasRegion *l3 = atlas_diagram_lookup_region (diagram, "L3");

  assert_string_equal (left->structure, "psoas-major");
  assert_int_equal (left->side, ATLAS_SIDE_LEFT);
  assert_string_equal (right->structure, "psoas-major");
  assert_int_equal (right->side, ATLAS_SIDE_RIGHT);
  assert_string_equal (left->family, "muscle");
  assert_int_equal (l3->side, ATLAS_SIDE_NONE);

  /* Anatomical position seen from the front: the patient's left is on the viewer's right. */
  assert_true (left->anchor_x > right->anchor_x);
}

static void
test_overlap_resolves_to_top (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDiagram) diagram = load_data ("overlap.svg", NULL, &error);
  const AtlasRegion *hit;

  assert_null (error);
  /* Only "under" is drawn here. */
  hit = atlas_diagram_pick (diagram, 30, 30);
  assert_non_null (hit);
  assert_string_equal (hit->id, "under");
  /* Both are drawn here; "over" comes later in the file, so it is on top. */
  hit = atlas_diagram_pick (diagram, 100, 50);
  assert_non_null (hit);
  assert_string_equal (hit->id, "over");
  /* Outside both, and outside the drawing altogether. */
  assert_null (atlas_diagram_pick (diagram, 190, 5));
  assert_null (atlas_diagram_pick (diagram, -10, 50));
  assert_null (atlas_diagram_pick (diagram, 50, 1000));
  assert_null (atlas_diagram_pick (diagram, NAN, 50));

  /* The stroke-only nerve is picked along its line, widened to be easy to hit. */
  hit = atlas_diagram_pick (diagram, 40, 53);
  assert_non_null (hit);
  assert_string_equal (hit->id, "nerve-left");
}

static void
test_hidden_layer_cannot_be_picked (void **state)
{
  g_autoptr(AtlasDiagram) diagram = load_data ("overlap.svg", NULL, NULL);
  const AtlasRegion *nerve = atlas_diagram_lookup_region (diagram, "nerve-left");
  const AtlasRegion *hit;

  assert_true (atlas_diagram_get_layer_visible (diagram, "nerves"));
  assert_true (g_strv_contains (atlas_diagram_get_layers (diagram), "nerves"));
  assert_string_equal (nerve->layer, "nerves");

  atlas_diagram_set_layer_visible (diagram, "nerves", FALSE);
  assert_false (atlas_diagram_region_is_visible (diagram, nerve));
  hit = atlas_diagram_pick (diagram, 40, 50);
  assert_non_null (hit);
  assert_string_equal (hit->id, "under");

  atlas_diagram_set_layer_visible (diagram, "nerves", TRUE);
  assert_string_equal (atlas_diagram_pick (diagram, 40, 50)->id, "nerve-left");
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static void
test_render_and_highlight_paint_the_region (void **state)
{
  g_autoptr(AtlasDiagram) diagram = load_data ("overlap.svg", NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (surface);
  guint32 before_over, before_under, after_over, after_under;

  assert_true (atlas_diagram_render (diagram, cr, NULL));
  cairo_surface_flush (surface);
  before_over = pixel_at (surface, 150, 50);
  before_under = pixel_at (surface, 30, 30);
  assert_int_not_equal (before_over, 0);

  assert_true (atlas_diagram_render_highlight (diagram, cr, "over", ATLAS_HIGHLIGHT_SELECTED, 1.0, NULL));
  cairo_surface_flush (surface);
  after_over = pixel_at (surface, 150, 50);
  after_under = pixel_at (surface, 30, 30);

  /* The highlighted region changes colour; the others are untouched. */
  assert_int_not_equal (before_over, after_over);
  assert_int_equal (before_under, after_under);

  assert_false (atlas_diagram_render_highlight (diagram, cr, "no-such-region", ATLAS_HIGHLIGHT_HOVER, 1.0, NULL));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_styles_change_the_picture (void **state)
{
  g_autoptr(AtlasDiagram) diagram = load_data ("overlap.svg", NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  guint32 light, dark;
  cairo_t *cr;

  cr = cairo_create (surface);
  atlas_diagram_render (diagram, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  light = pixel_at (surface, 30, 30);

  atlas_diagram_set_style (diagram, ATLAS_DIAGRAM_STYLE_DARK);
  assert_int_equal (atlas_diagram_get_style (diagram), ATLAS_DIAGRAM_STYLE_DARK);
  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  atlas_diagram_render (diagram, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  dark = pixel_at (surface, 30, 30);

  assert_int_not_equal (light, dark);
  /* A new style must not disturb hit testing. */
  assert_string_equal (atlas_diagram_pick (diagram, 100, 50)->id, "over");
  cairo_surface_destroy (surface);
}

typedef struct
{
  const char *file;
  int         code;
  const char *fragment; /* what the message must say */
} BadCase;

static const char * const front_like_required[] = { "femur-left", "psoas-major-left", NULL };

static void
test_bad_files_are_refused_clearly (void **state)
{
  static const BadCase cases[] = {
    { "malformed.svg", ATLAS_DIAGRAM_ERROR_PARSE, "malformed.svg:5:" },
    { "truncated.svg", ATLAS_DIAGRAM_ERROR_PARSE, "truncated.svg:" },
    { "empty.svg", ATLAS_DIAGRAM_ERROR_PARSE, "empty" },
    { "not-utf8.svg", ATLAS_DIAGRAM_ERROR_PARSE, "UTF-8" },
    { "not-svg.svg", ATLAS_DIAGRAM_ERROR_PARSE, "not an <svg>" },
    { "missing-ids.svg", ATLAS_DIAGRAM_ERROR_MISSING_ID, "psoas-major-left" },
    { "region-without-anchor.svg", ATLAS_DIAGRAM_ERROR_ANCHOR, "psoas-major-left" },
    { "folder/external-reference.svg", ATLAS_DIAGRAM_ERROR_EXTERNAL_REFERENCE, "external-reference.svg:4:" },
    { "folder/external-url.svg", ATLAS_DIAGRAM_ERROR_EXTERNAL_REFERENCE, "external-url.svg:3:" },
    { "image.svg", ATLAS_DIAGRAM_ERROR_FORBIDDEN, "<image>" },
    { "script.svg", ATLAS_DIAGRAM_ERROR_FORBIDDEN, "<script>" },
    { "inline-style.svg", ATLAS_DIAGRAM_ERROR_FORBIDDEN, "style" },
    { "absurd-dimensions.svg", ATLAS_DIAGRAM_ERROR_DIMENSIONS, "1e+09" },
    { "zero-dimensions.svg", ATLAS_DIAGRAM_ERROR_DIMENSIONS, "zero-dimensions.svg:" },
    { "duplicate-id.svg", ATLAS_DIAGRAM_ERROR_DUPLICATE_ID, "duplicate-id.svg:4:" },
    { "nested-regions.svg", ATLAS_DIAGRAM_ERROR_PARSE, "lesser-trochanter-left" },
    { "entity-bomb.svg", ATLAS_DIAGRAM_ERROR_PARSE, "entity-bomb.svg:" },
    { "deep-nesting.svg", ATLAS_DIAGRAM_ERROR_NESTING, "deeper than" },
    { "does-not-exist.svg", ATLAS_DIAGRAM_ERROR_PARSE, "does-not-exist.svg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDiagram) diagram = load_data (cases[i].file, front_like_required, &error);

      if (diagram != NULL)
        fail_msg ("%s was accepted", cases[i].file);
      assert_non_null (error);
      if (!g_error_matches (error, ATLAS_DIAGRAM_ERROR, cases[i].code) || strstr (error->message, cases[i].fragment) == NULL)
        fail_msg ("%s: expected code %d with “%s”, got %d: %s", cases[i].file, cases[i].code, cases[i].fragment,
                  error->code, error->message);
    }
}

static void
test_oversized_file_is_refused_before_reading (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-diagram-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasDiagram) diagram = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FILE *f = fopen (path, "w");
  char *big;

  /* A sparse file: large on paper, cheap to make. */
  assert_non_null (f);
  assert_int_equal (fseek (f, ATLAS_DIAGRAM_MAX_BYTES + 1, SEEK_SET), 0);
  fputc ('>', f);
  fclose (f);

  diagram = atlas_diagram_new_from_file (file, NULL, &error);
  assert_null (diagram);
  assert_true (g_error_matches (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_TOO_LARGE));
  assert_non_null (strstr (error->message, "huge.svg"));
  g_clear_error (&error);
  g_unlink (path);
  g_rmdir (dir);

  /* The same limit holds for bytes that did not come from a file. */
  big = g_malloc0 (ATLAS_DIAGRAM_MAX_BYTES + 1);
  bytes = g_bytes_new_take (big, ATLAS_DIAGRAM_MAX_BYTES + 1);
  diagram = atlas_diagram_new_from_bytes (bytes, NULL, NULL, &error);
  assert_null (diagram);
  assert_true (g_error_matches (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_TOO_LARGE));
}

/* The structures added for the corrected views are regions a click reaches in every posture. */
static void
test_added_regions_are_pickable (void **state)
{
  static const struct { const char *view; const char *ids[12]; } added[] = {
    { "front", { "medial-arcuate-ligament-left", "medial-arcuate-ligament-right", NULL } },
    { "side", { "tibia-right", NULL } },
    { "section", { "common-iliac-artery-left", "common-iliac-artery-right", "aorta", "ureter-left", "ureter-right",
                   "sympathetic-trunk-left", "sympathetic-trunk-right", "genitofemoral-nerve-left",
                   "genitofemoral-nerve-right", "iliac-crest-left", "iliac-crest-right", NULL } },
  };

  for (guint v = 0; v < G_N_ELEMENTS (added); v++)
    {
      const AtlasViewInfo *view = atlas_views_lookup (added[v].view);

      for (guint s = 0; s < atlas_view_get_n_states (view); s++)
        {
          g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (view, s, NULL);

          assert_non_null (diagram);
          for (guint i = 0; added[v].ids[i] != NULL; i++)
            {
              const AtlasRegion *region = atlas_diagram_lookup_region (diagram, added[v].ids[i]);

              if (region == NULL)
                fail_msg ("%s has no region %s", view->states[s], added[v].ids[i]);
              assert_ptr_equal (atlas_diagram_pick (diagram, region->anchor_x, region->anchor_y), region);
              assert_true (g_strv_contains (view->required_ids, added[v].ids[i]));
            }
        }
    }
}

static gsize
offset_of_id (const char *svg,
              const char *id)
{
  g_autofree char *attribute = g_strdup_printf ("id=\"%s\"", id);
  const char *found = strstr (svg, attribute);

  if (found == NULL)
    fail_msg ("front.svg has no element %s", id);
  return found - svg;
}

/* Painter's order in the front view: the femoral, lateral femoral cutaneous and genitofemoral
 * nerves pass under the inguinal ligament, so the ligament comes after them in the file (drawn on
 * top); the obturator nerve leaves through the obturator canal behind the pubic bone, so it is
 * never drawn over the ligament either, and the lesser trochanter is drawn over the end of the
 * tendon that ends on it. */
static void
test_front_painters_order (void **state)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "resources", "diagrams", "front.svg", NULL);
  g_autofree char *svg = NULL;
  static const char * const under[] = { "femoral-nerve", "lateral-femoral-cutaneous-nerve", "genitofemoral-nerve",
                                        "obturator-nerve", NULL };
  static const char * const sides[] = { "left", "right", NULL };

  assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  for (guint s = 0; sides[s] != NULL; s++)
    {
      g_autofree char *ligament = g_strdup_printf ("inguinal-ligament-%s", sides[s]);
      g_autofree char *trochanter = g_strdup_printf ("lesser-trochanter-%s", sides[s]);
      g_autofree char *tendon = g_strdup_printf ("iliopsoas-tendon-%s", sides[s]);
      g_autofree char *psoas = g_strdup_printf ("psoas-major-%s", sides[s]);
      g_autofree char *arcuate = g_strdup_printf ("medial-arcuate-ligament-%s", sides[s]);

      for (guint i = 0; under[i] != NULL; i++)
        {
          g_autofree char *nerve = g_strdup_printf ("%s-%s", under[i], sides[s]);

          if (offset_of_id (svg, nerve) > offset_of_id (svg, ligament))
            fail_msg ("%s is drawn over %s", nerve, ligament);
        }
      assert_true (offset_of_id (svg, trochanter) > offset_of_id (svg, tendon));
      assert_true (offset_of_id (svg, arcuate) > offset_of_id (svg, psoas));
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_builtin_anchor_points_hit_their_regions),
    cmocka_unit_test (test_builtin_side_states_share_regions),
    cmocka_unit_test (test_regions_know_their_side_and_structure),
    cmocka_unit_test (test_overlap_resolves_to_top),
    cmocka_unit_test (test_hidden_layer_cannot_be_picked),
    cmocka_unit_test (test_render_and_highlight_paint_the_region),
    cmocka_unit_test (test_styles_change_the_picture),
    cmocka_unit_test (test_bad_files_are_refused_clearly),
    cmocka_unit_test (test_oversized_file_is_refused_before_reading),
    cmocka_unit_test (test_added_regions_are_pickable),
    cmocka_unit_test (test_front_painters_order),
  };

  return cmocka_run_group_tests_name ("diagram", tests, NULL, NULL);
}
