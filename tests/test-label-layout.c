/* test-label-layout.c — label placement beside the drawing, without a display.
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

#include "atlas-label-layout.h"
#include "atlas-views.h"

static gboolean
boxes_overlap (const AtlasLabel *a,
               const AtlasLabel *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
check_layout (AtlasLabel *labels,
              guint       n,
              double      top,
              double      bottom)
{
  for (guint i = 0; i < n; i++)
    {
      if (!labels[i].placed)
        continue;

      /* Inside the column's vertical bounds. */
      assert_true (labels[i].y >= top - 1e-6);
      assert_true (labels[i].y + labels[i].height <= bottom + 1e-6);

      for (guint j = i + 1; j < n; j++)
        {
          if (!labels[j].placed)
            continue;

          /* No two labels overlap. */
          assert_false (boxes_overlap (&labels[i], &labels[j]));

          /* In one column, the order of labels is the order of anchors, so leaders never cross. */
          if (labels[i].left == labels[j].left && labels[i].anchor_y != labels[j].anchor_y)
            assert_true ((labels[i].anchor_y < labels[j].anchor_y) == (labels[i].y < labels[j].y));
        }
    }
}

static void
test_crowded_anchors_are_spread_apart (void **state)
{
  AtlasLabel labels[12] = { 0, };

  /* Twelve anchors within 30 units: the labels must fan out, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      labels[i].anchor_x = 300 + i;
      labels[i].anchor_y = 200 + (i * 7) % 30;
      labels[i].width = 80;
      labels[i].height = 18;
      labels[i].left = i % 2 == 0;
    }

  atlas_label_layout (labels, G_N_ELEMENTS (labels), 150, 450, 0, 600, 4);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      assert_true (labels[i].placed);
      /* Left labels end at the left column's edge; right ones start at the right column's. */
      if (labels[i].left)
        assert_float_equal (labels[i].x + labels[i].width, 150, 1e-9);
      else
        assert_float_equal (labels[i].x, 450, 1e-9);
    }
  check_layout (labels, G_N_ELEMENTS (labels), 0, 600);
}

static void
test_labels_near_the_edges_stay_inside (void **state)
{
  AtlasLabel labels[6] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      labels[i].anchor_x = 10;
      labels[i].anchor_y = i < 3 ? 1 : 99;
      labels[i].width = 40;
      labels[i].height = 15;
      labels[i].left = TRUE;
    }

  atlas_label_layout (labels, G_N_ELEMENTS (labels), 50, 100, 0, 100, 2);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    assert_true (labels[i].placed);
  check_layout (labels, G_N_ELEMENTS (labels), 0, 100);
}

static void
test_too_many_labels_are_dropped_not_stacked (void **state)
{
  AtlasLabel labels[10] = { 0, };
  guint placed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      labels[i].anchor_y = i * 10;
      labels[i].width = 40;
      labels[i].height = 20;
      labels[i].left = FALSE;
    }

  /* Room for four 20-unit labels with 2-unit gaps in 90 units. */
  atlas_label_layout (labels, G_N_ELEMENTS (labels), 0, 100, 0, 90, 2);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    placed += labels[i].placed;
  assert_int_equal (placed, 4);
  check_layout (labels, G_N_ELEMENTS (labels), 0, 90);
}

static void
test_each_structure_is_labelled_once (void **state)
{
  for (guint v = 0; v < atlas_views_get_n_views (); v++)
    {
      const AtlasViewInfo *view = atlas_views_get_view (v);
      g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (view, 0, NULL);
      g_autoptr(GPtrArray) chosen = atlas_label_choose_regions (diagram);
      g_autoptr(GHashTable) structures = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
        g_hash_table_add (expected, atlas_diagram_get_region (diagram, i)->structure);

      for (guint i = 0; i < chosen->len; i++)
        {
          const AtlasRegion *region = g_ptr_array_index (chosen, i);

          assert_false (g_hash_table_contains (structures, region->structure));
          g_hash_table_add (structures, region->structure);
        }

      /* Every structure of the view has its label. */
      assert_int_equal (g_hash_table_size (structures), g_hash_table_size (expected));

      /* Hidden layers take their labels with them. */
      if (g_strv_contains (atlas_diagram_get_layers (diagram), "nerves"))
        {
          g_autoptr(GPtrArray) without = NULL;

          atlas_diagram_set_layer_visible (diagram, "nerves", FALSE);
          without = atlas_label_choose_regions (diagram);
          assert_true (without->len < chosen->len);
          for (guint i = 0; i < without->len; i++)
            assert_null (((const AtlasRegion *) g_ptr_array_index (without, i))->layer);
        }
    }
}

/* Labels in bands above and below a wide drawing: inside their band, never overlapping, in the
 * left-to-right order of their anchors within a row, and as near their anchors as room allows. */
static void
test_band_labels_sit_above_and_below (void **state)
{
  AtlasLabel labels[16] = { 0, };
  const double left = 10, right = 610, above_bottom = 150, below_top = 550;
  guint placed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      labels[i].anchor_x = 60 + (i % 8) * 70 + (i / 8) * 5;
      labels[i].anchor_y = i < 8 ? 250 : 450;
      labels[i].above = i < 8;
      labels[i].width = 60 + (i % 3) * 25;
      labels[i].height = 18 + (i % 2) * 16;
    }

  /* Eight labels of about 85 units need two rows of 600. */
  assert_int_equal (atlas_label_band_rows (labels, G_N_ELEMENTS (labels), TRUE, right - left, 4), 2);
  atlas_label_layout_bands (labels, G_N_ELEMENTS (labels), left, right, above_bottom, below_top, 3, 4);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (!labels[i].placed)
        continue;
      placed++;
      assert_true (labels[i].x >= left - 1e-6 && labels[i].x + labels[i].width <= right + 1e-6);
      if (labels[i].above)
        assert_true (labels[i].y + labels[i].height <= above_bottom + 1e-6);
      else
        assert_true (labels[i].y >= below_top - 1e-6);
      /* Near its anchor, sideways. */
      assert_true (fabs (labels[i].x + labels[i].width / 2 - labels[i].anchor_x) <= 2 * labels[i].width + 1e-6);
      /* Within the rows a band may have. */
      assert_true (labels[i].above ? labels[i].y >= above_bottom - 3 * (34 + 4) - 1e-6
                                   : labels[i].y + labels[i].height <= below_top + 3 * (34 + 4) + 1e-6);

      for (guint j = i + 1; j < G_N_ELEMENTS (labels); j++)
        {
          if (!labels[j].placed)
            continue;
          assert_false (boxes_overlap (&labels[i], &labels[j]));
          if (labels[i].above == labels[j].above && fabs (labels[i].y - labels[j].y) < 1e-6)
            assert_true ((labels[i].anchor_x < labels[j].anchor_x) == (labels[i].x < labels[j].x));
        }
    }
  assert_int_equal (placed, G_N_ELEMENTS (labels));

  /* With one row and no room, labels are dropped rather than piled up. */
  atlas_label_layout_bands (labels, G_N_ELEMENTS (labels), left, left + 200, above_bottom, below_top, 1, 4);
  placed = 0;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    placed += labels[i].placed;
  assert_true (placed < G_N_ELEMENTS (labels));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_crowded_anchors_are_spread_apart),
    cmocka_unit_test (test_labels_near_the_edges_stay_inside),
    cmocka_unit_test (test_too_many_labels_are_dropped_not_stacked),
    cmocka_unit_test (test_each_structure_is_labelled_once),
    cmocka_unit_test (test_band_labels_sit_above_and_below),
  };

  return cmocka_run_group_tests_name ("label-layout", tests, NULL, NULL);
}
