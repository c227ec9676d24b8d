/* test-pick-cache.c — precomputed pick maps, the compact map, and diagrams shared between windows.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a user relies on: a click lands on the same structure whether the map was built at run
 * time or read from the build's file; a damaged file is never trusted; and what one window does
 * to its diagram (hide nerves, switch to dark, move the posture) never shows in another.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "atlas-core.h"
#include "atlas-diagram-private.h"
#include "atlas-pick-cache.h"
#include "atlas-views.h"

static GFile *
builtin_file (const char *name)
{
  g_autofree char *uri = g_strdup_printf ("resource://" RESOURCE_BASE "/diagrams/%s", name);

  atlas_core_ensure_resources ();
  return g_file_new_for_uri (uri);
}

static GBytes *
builtin_bytes (const char *name)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/diagrams/%s", name);

  atlas_core_ensure_resources ();
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static GBytes *
data_bytes (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", folder, name, NULL);
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    fail_msg ("cannot read %s", path);
  return g_bytes_new_take (contents, length);
}

/* The same diagram built at run time, never from a .pick file. */
static AtlasDiagram *
runtime_build (GBytes *bytes,
               GFile  *file)
{
  g_autoptr(GError) error = NULL;
  AtlasDiagram *diagram = atlas_diagram_new_with_pick_cache (bytes, file, NULL, NULL, &error);

  if (diagram == NULL)
    fail_msg ("%s", error->message);
  assert_false (atlas_diagram_pick_map_is_precomputed (diagram));
  return diagram;
}

/* Every pixel's pick and every region's bounds agree. */
static void
assert_same_picks (AtlasDiagram *a,
                   AtlasDiagram *b)
{
  double width = atlas_diagram_get_width (a);
  double height = atlas_diagram_get_height (a);
  guint differ = 0;

  assert_int_equal (atlas_diagram_get_n_regions (a), atlas_diagram_get_n_regions (b));
  assert_true (width == atlas_diagram_get_width (b) && height == atlas_diagram_get_height (b));

  for (double y = 0.5; y < height; y += 1.0)
    for (double x = 0.5; x < width; x += 1.0)
      {
        const AtlasRegion *ra = atlas_diagram_pick (a, x, y);
        const AtlasRegion *rb = atlas_diagram_pick (b, x, y);

        if ((ra == NULL) != (rb == NULL) || (ra != NULL && ra->index != rb->index))
          differ++;
      }
  assert_int_equal (differ, 0);

  for (guint i = 0; i < atlas_diagram_get_n_regions (a); i++)
    {
      const AtlasRegion *ra = atlas_diagram_get_region (a, i);
      const AtlasRegion *rb = atlas_diagram_get_region (b, i);

      assert_string_equal (ra->id, rb->id);
      assert_true (ra->x == rb->x && ra->y == rb->y && ra->width == rb->width && ra->height == rb->height);
      assert_true (ra->anchor_x == rb->anchor_x && ra->anchor_y == rb->anchor_y);
    }
}

/* Every built-in diagram loads its map from the build's file, and it is the map a run-time build
 * makes, pixel for pixel and bound for bound. */
static void
test_builtin_diagrams_use_their_precomputed_map (void **state)
{
  const char *names[] = { "front.svg", "side-neutral.svg", "side-shortened.svg", "cross-section-l4.svg" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = builtin_file (names[i]);
      g_autoptr(GBytes) bytes = builtin_bytes (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDiagram) cached = atlas_diagram_new_from_file (file, NULL, &error);
      g_autoptr(AtlasDiagram) built = NULL;

      if (cached == NULL)
        fail_msg ("%s: %s", names[i], error->message);
      assert_true (atlas_diagram_pick_map_is_precomputed (cached));

      built = runtime_build (bytes, file);
      assert_same_picks (cached, built);
    }

  /* Every view's pages load that way too. */
  for (guint v = 0; v < atlas_views_get_n_views (); v++)
    {
      const AtlasViewInfo *view = atlas_views_get_view (v);

      for (guint s = 0; s < atlas_view_get_n_states (view); s++)
        {
          g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (view, s, NULL);

          assert_non_null (diagram);
          assert_true (atlas_diagram_pick_map_is_precomputed (diagram));
        }
    }
}

/* Hiding a layer rebuilds the map at run time, so hidden nerves cannot be clicked, exactly as in
 * a diagram that never had a precomputed map; showing it again gives the full map back. */
static void
test_hidden_layer_on_precomputed_map (void **state)
{
  g_autoptr(GFile) file = builtin_file ("front.svg");
  g_autoptr(GBytes) bytes = builtin_bytes ("front.svg");
  g_autoptr(AtlasDiagram) cached = atlas_diagram_new_from_file (file, NULL, NULL);
  g_autoptr(AtlasDiagram) built = runtime_build (bytes, file);
  guint nerves = 0;

  assert_true (atlas_diagram_pick_map_is_precomputed (cached));
  atlas_diagram_set_layer_visible (cached, "nerves", FALSE);
  atlas_diagram_set_layer_visible (built, "nerves", FALSE);
  assert_false (atlas_diagram_pick_map_is_precomputed (cached));
  assert_same_picks (cached, built);

  for (guint i = 0; i < atlas_diagram_get_n_regions (cached); i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (cached, i);
      const AtlasRegion *hit = atlas_diagram_pick (cached, region->anchor_x, region->anchor_y);

      if (g_strcmp0 (region->layer, "nerves") != 0)
        continue;
      nerves++;
      assert_true (hit == NULL || g_strcmp0 (hit->layer, "nerves") != 0);
    }
  assert_true (nerves > 0);

  atlas_diagram_set_layer_visible (cached, "nerves", TRUE);
  atlas_diagram_set_layer_visible (built, "nerves", TRUE);
  assert_same_picks (cached, built);
}

/* Each file of the corpus is damaged in one way (see make-corpus.py); each is refused and the
 * diagram falls back to a map built at run time, which still hits what it should. */
static void
test_damaged_caches_are_refused (void **state)
{
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "pick-cache", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GBytes) svg = data_bytes ("diagrams", "overlap.svg");
  g_autoptr(AtlasDiagram) built = runtime_build (svg, NULL);
  g_autoptr(GBytes) control = data_bytes ("pick-cache", "control-valid.pick");
  g_autoptr(AtlasDiagram) blank = NULL;
  const char *name;
  guint n_bad = 0;

  assert_non_null (dir);

  /* The control file is whole and belongs to overlap.svg (its map has no regions at all), so it
   * is taken: the others fail for their damage, not for a checksum computed another way. */
  blank = atlas_diagram_new_with_pick_cache (svg, NULL, NULL, control, NULL);
  assert_true (atlas_diagram_pick_map_is_precomputed (blank));
  assert_null (atlas_diagram_pick (blank, 30, 30));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) cache = NULL;
      g_autoptr(AtlasDiagram) diagram = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".pick") || strcmp (name, "control-valid.pick") == 0)
        continue;

      cache = data_bytes ("pick-cache", name);
      diagram = atlas_diagram_new_with_pick_cache (svg, NULL, NULL, cache, &error);
      if (diagram == NULL)
        fail_msg ("%s: %s", name, error->message);
      if (atlas_diagram_pick_map_is_precomputed (diagram))
        fail_msg ("%s was taken", name);
      assert_string_equal (atlas_diagram_pick (diagram, 100, 50)->id, "over");
      assert_same_picks (diagram, built);
      n_bad++;
    }
  assert_true (n_bad >= 20);
}

/* A real map cut short anywhere, or belonging to other bytes, is refused too. */
static void
test_truncated_and_stale_real_maps_are_refused (void **state)
{
  g_autoptr(GBytes) svg = data_bytes ("diagrams", "overlap.svg");
  g_autoptr(AtlasDiagram) built = runtime_build (svg, NULL);
  g_autoptr(GBytes) good = atlas_pick_cache_encode (built);
  gsize size = g_bytes_get_size (good);
  const guint8 *data = g_bytes_get_data (good, NULL);
  g_autoptr(AtlasDiagram) taken = atlas_diagram_new_with_pick_cache (svg, NULL, NULL, good, NULL);
  g_autoptr(GByteArray) edited = g_byte_array_new ();
  g_autoptr(GBytes) edited_svg = NULL;
  g_autoptr(AtlasDiagram) stale = NULL;

  assert_true (atlas_diagram_pick_map_is_precomputed (taken));
  assert_same_picks (taken, built);

  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (good, 0, cut);
      g_autoptr(AtlasDiagram) diagram = atlas_diagram_new_with_pick_cache (svg, NULL, NULL, part, NULL);

      assert_non_null (diagram);
      assert_false (atlas_diagram_pick_map_is_precomputed (diagram));
    }

  /* The same drawing with one character of its file changed (a space in the XML declaration)
   * is other bytes: the map is not trusted for it. */
  g_byte_array_append (edited, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  assert_true (edited->data[5] == ' ');
  edited->data[5] = '\t';
  edited_svg = g_byte_array_free_to_bytes (g_steal_pointer (&edited));
  stale = atlas_diagram_new_with_pick_cache (edited_svg, NULL, NULL, good, NULL);
  assert_non_null (stale);
  assert_false (atlas_diagram_pick_map_is_precomputed (stale));
  assert_true (atlas_pick_cache_checksum (svg) != atlas_pick_cache_checksum (edited_svg));
  (void) data;
}

/* A drawing with more regions than a byte can number keeps two bytes a pixel, and every region
 * (the 300th too) is hit at its anchor, built or read back from a .pick file. */
static void
test_many_regions_use_a_wider_map (void **state)
{
  g_autoptr(GString) svg = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"150\""
                                         " viewBox=\"0 0 200 150\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasDiagram) built = NULL;
  g_autoptr(AtlasDiagram) small = NULL;
  g_autoptr(GBytes) small_svg = data_bytes ("diagrams", "overlap.svg");
  g_autoptr(GBytes) cache = NULL;
  g_autoptr(AtlasDiagram) read_back = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (svg, "<rect id=\"r%u\" class=\"region bone\" x=\"%u\" y=\"%u\" width=\"8\" height=\"8\"/>\n",
                            i, (i % 20) * 10 + 1, (i / 20) * 10 + 1);
  g_string_append (svg, "<g id=\"anchors\">\n");
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (svg, "<circle class=\"anchor\" id=\"anchor-r%u\" cx=\"%u\" cy=\"%u\" r=\"2\"/>\n",
                            i, (i % 20) * 10 + 5, (i / 20) * 10 + 5);
  g_string_append (svg, "</g>\n</svg>\n");
  bytes = g_bytes_new (svg->str, svg->len);

  built = runtime_build (bytes, NULL);
  assert_int_equal (built->pick->bytes_per_pixel, 2);
  for (guint i = 0; i < 300; i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (built, i);
      const AtlasRegion *hit = atlas_diagram_pick (built, region->anchor_x, region->anchor_y);

      assert_non_null (hit);
      assert_int_equal (hit->index, i);
      /* Its bounds hold its square and no more than its cell (its edge is drawn 1.6 wide). */
      assert_true (region->x <= (i % 20) * 10 + 1 && region->x + region->width >= (i % 20) * 10 + 9);
      assert_true (region->width <= 10 && region->height <= 10);
    }

  cache = atlas_pick_cache_encode (built);
  read_back = atlas_diagram_new_with_pick_cache (bytes, NULL, NULL, cache, NULL);
  assert_true (atlas_diagram_pick_map_is_precomputed (read_back));
  assert_int_equal (read_back->pick->bytes_per_pixel, 2);
  assert_same_picks (read_back, built);

  small = runtime_build (small_svg, NULL);
  assert_int_equal (small->pick->bytes_per_pixel, 1);
}

static cairo_surface_t *
render_small (AtlasDiagram *diagram)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (atlas_diagram_get_width (diagram) / 4),
                                                         (int) (atlas_diagram_get_height (diagram) / 4));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 0.25, 0.25);
  assert_true (atlas_diagram_render (diagram, cr, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_picture (AtlasDiagram *a,
                     AtlasDiagram *b)
{
  cairo_surface_t *sa = render_small (a);
  cairo_surface_t *sb = render_small (b);
  gsize size = (gsize) cairo_image_surface_get_stride (sa) * cairo_image_surface_get_height (sa);

  assert_int_equal (cairo_image_surface_get_stride (sa), cairo_image_surface_get_stride (sb));
  assert_memory_equal (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb), size);
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
}

static gboolean
pictures_differ (AtlasDiagram *a,
                 AtlasDiagram *b)
{
  cairo_surface_t *sa = render_small (a);
  cairo_surface_t *sb = render_small (b);
  gsize size = (gsize) cairo_image_surface_get_stride (sa) * cairo_image_surface_get_height (sa);
  gboolean differ = memcmp (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb), size) != 0;

  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  return differ;
}

/* Two windows' copies of the front diagram: hiding the nerves and going dark in one leaves the
 * other's hits, bounds and picture as a fresh load's. */
static void
test_shared_front_copies_are_independent (void **state)
{
  g_autoptr(GFile) file = builtin_file ("front.svg");
  g_autoptr(AtlasDiagram) one = atlas_diagram_new_shared (file, NULL, NULL);
  g_autoptr(AtlasDiagram) two = atlas_diagram_new_shared (file, NULL, NULL);
  g_autoptr(AtlasDiagram) fresh = atlas_diagram_new_from_file (file, NULL, NULL);
  g_autoptr(GError) error = NULL;
  const char *required[] = { "no-such-region", NULL };
  g_autoptr(AtlasDiagram) refused = NULL;

  assert_non_null (one);
  assert_non_null (two);
  assert_true (one != two);
  assert_true (atlas_diagram_pick_map_is_precomputed (two));
  assert_same_picks (two, fresh);

  atlas_diagram_set_layer_visible (one, "nerves", FALSE);
  atlas_diagram_set_style (one, ATLAS_DIAGRAM_STYLE_DARK);
  assert_true (pictures_differ (one, fresh));

  assert_true (atlas_diagram_get_layer_visible (two, "nerves"));
  assert_int_equal (atlas_diagram_get_style (two), ATLAS_DIAGRAM_STYLE_LIGHT);
  assert_true (atlas_diagram_pick_map_is_precomputed (two));
  assert_same_picks (two, fresh);
  assert_same_picture (two, fresh);

  /* A copy asked for with regions the drawing lacks is refused, like a fresh load. */
  refused = atlas_diagram_new_shared (file, required, &error);
  assert_null (refused);
  assert_true (g_error_matches (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MISSING_ID));
}

/* One window moves its side view to the shortened posture; another's stays as loaded. */
static void
test_shared_side_copies_keep_their_posture (void **state)
{
  g_autoptr(GFile) neutral = builtin_file ("side-neutral.svg");
  g_autoptr(GFile) shortened = builtin_file ("side-shortened.svg");
  g_autoptr(AtlasDiagram) moving = atlas_diagram_new_shared (neutral, NULL, NULL);
  g_autoptr(AtlasDiagram) target = atlas_diagram_new_shared (shortened, NULL, NULL);
  g_autoptr(AtlasDiagram) still = atlas_diagram_new_shared (neutral, NULL, NULL);
  g_autoptr(AtlasDiagram) fresh = atlas_diagram_new_from_file (neutral, NULL, NULL);
  g_autoptr(AtlasDiagram) later = NULL;
  guint moved = 0;

  assert_true (atlas_diagram_set_morph_target (moving, target, NULL));
  atlas_diagram_set_morph (moving, 1.0);
  for (guint i = 0; i < atlas_diagram_get_n_regions (moving); i++)
    if (atlas_diagram_get_region (moving, i)->anchor_x != atlas_diagram_get_region (fresh, i)->anchor_x)
      moved++;
  assert_true (moved > 0);
  assert_true (pictures_differ (moving, fresh));

  assert_false (atlas_diagram_has_morph_target (still));
  assert_same_picks (still, fresh);
  assert_same_picture (still, fresh);

  /* A window opened after the move gets the drawing as loaded, too. */
  later = atlas_diagram_new_shared (neutral, NULL, NULL);
  assert_same_picks (later, fresh);
  assert_same_picture (later, fresh);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_builtin_diagrams_use_their_precomputed_map),
    cmocka_unit_test (test_hidden_layer_on_precomputed_map),
    cmocka_unit_test (test_damaged_caches_are_refused),
    cmocka_unit_test (test_truncated_and_stale_real_maps_are_refused),
    cmocka_unit_test (test_many_regions_use_a_wider_map),
    cmocka_unit_test (test_shared_front_copies_are_independent),
    cmocka_unit_test (test_shared_side_copies_keep_their_posture),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
