/* atlas-label-layout.c — where the labels of a diagram go, and their leader lines.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels sit in two columns beside the drawing, as in a printed atlas, so at the default zoom
 * they never cover a structure. Within a column labels keep the vertical order of their
 * anchors, so leader lines never cross; they start level with their anchor and are pushed
 * apart just enough not to overlap. A column with more labels than room drops the last ones
 * rather than stacking them.
 */
#include "config.h"

#include "atlas-label-layout.h"

/* A paired structure is labelled once. Bones, discs, vessels and organs are labelled on the
 * viewer's left (the patient's right); muscles, tendons and nerves, the soft tissue that runs
 * along the psoas, on the viewer's right. That balances the two columns and keeps each label
 * next to the side it names. */
static AtlasSide
labelled_side (const AtlasRegion *region)
{
  if (g_str_equal (region->family, "muscle") || g_str_equal (region->family, "tendon") ||
      g_str_equal (region->family, "nerve"))
    return ATLAS_SIDE_LEFT;

  return ATLAS_SIDE_RIGHT;
}

/**
 * atlas_label_prefers_left:
 * @width: the width of the drawing
 *
 * Returns: %TRUE if @region's label belongs in the left column
 */
gboolean
atlas_label_prefers_left (const AtlasRegion *region,
                          double             width)
{
  /* Structures of one side go to that side's column, so leaders stay short. Midline
   * structures go by family, like the paired ones, to keep the columns balanced. */
  if (region->side != ATLAS_SIDE_NONE)
    return region->anchor_x < width / 2;

  return labelled_side (region) == ATLAS_SIDE_RIGHT;
}

/**
 * atlas_label_choose_regions:
 *
 * Returns: (transfer container) (element-type AtlasRegion): the visible regions that get a
 *   label, one per structure
 */
GPtrArray *
atlas_label_choose_regions (AtlasDiagram *diagram)
{
  GPtrArray *chosen = g_ptr_array_new ();
  guint n = atlas_diagram_get_n_regions (diagram);

  for (guint i = 0; i < n; i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (diagram, i);
      g_autofree char *twin_id = NULL;
      const AtlasRegion *twin;

      if (!atlas_diagram_region_is_visible (diagram, region))
        continue;

      if (region->side != ATLAS_SIDE_NONE)
        {
          twin_id = g_strconcat (region->structure, region->side == ATLAS_SIDE_LEFT ? "-right" : "-left", NULL);
          twin = atlas_diagram_lookup_region (diagram, twin_id);
          if (twin != NULL && region->side != labelled_side (region))
            continue;
        }

      g_ptr_array_add (chosen, (gpointer) region);
    }

  return chosen;
}

static int
compare_anchor_y (gconstpointer a,
                  gconstpointer b)
{
  const AtlasLabel *la = *(const AtlasLabel * const *) a;
  const AtlasLabel *lb = *(const AtlasLabel * const *) b;

  if (la->anchor_y < lb->anchor_y)
    return -1;
  if (la->anchor_y > lb->anchor_y)
    return 1;
  return la->anchor_x < lb->anchor_x ? -1 : la->anchor_x > lb->anchor_x;
}

static void
layout_column (GPtrArray *column,
               double     top,
               double     bottom,
               double     gap)
{
  double total = 0;
  guint n;

  g_ptr_array_sort (column, compare_anchor_y);

  /* Drop labels from the end until the column can hold them all. */
  n = column->len;
  for (guint i = 0; i < column->len; i++)
    {
      AtlasLabel *label = g_ptr_array_index (column, i);

      if (total + label->height > bottom - top)
        {
          n = i;
          break;
        }
      total += label->height + gap;
    }
  for (guint i = n; i < column->len; i++)
    ((AtlasLabel *) g_ptr_array_index (column, i))->placed = FALSE;

  /* Downward pass: centre each label on its anchor, pushed below the one above it. */
  for (guint i = 0; i < n; i++)
    {
      AtlasLabel *label = g_ptr_array_index (column, i);
      double y = label->anchor_y - label->height / 2;

      if (i == 0)
        y = MAX (y, top);
      else
        {
          AtlasLabel *above = g_ptr_array_index (column, i - 1);
          y = MAX (y, above->y + above->height + gap);
        }
      label->y = y;
      label->placed = TRUE;
    }

  /* Upward pass: whatever ran off the bottom pushes its neighbours back up. */
  for (guint i = n; i-- > 0;)
    {
      AtlasLabel *label = g_ptr_array_index (column, i);

      if (i == n - 1)
        label->y = MIN (label->y, bottom - label->height);
      else
        {
          AtlasLabel *below = g_ptr_array_index (column, i + 1);
          label->y = MIN (label->y, below->y - gap - label->height);
        }
    }
}

/**
 * atlas_label_layout:
 * @labels: (array length=n_labels): the labels, with anchors, sizes and columns filled in
 * @left_column_right: the right edge of the left column
 * @right_column_left: the left edge of the right column
 * @top: the top of both columns
 * @bottom: the bottom of both columns
 * @gap: the least space between two labels
 *
 * Places every label that fits; sets @placed, @x and @y on each.
 */
void
atlas_label_layout (AtlasLabel *labels,
                    guint       n_labels,
                    double      left_column_right,
                    double      right_column_left,
                    double      top,
                    double      bottom,
                    double      gap)
{
  atlas_label_layout_columns (labels, n_labels, left_column_right, right_column_left, top, bottom, bottom, gap);
}

/**
 * atlas_label_layout_columns:
 * @left_bottom: the bottom of the left column
 * @right_bottom: the bottom of the right column
 *
 * As atlas_label_layout(), with columns that end at different heights: something laid over
 * one corner of the picture (its controls) takes room from one column only.
 */
void
atlas_label_layout_columns (AtlasLabel *labels,
                            guint       n_labels,
                            double      left_column_right,
                            double      right_column_left,
                            double      top,
                            double      left_bottom,
                            double      right_bottom,
                            double      gap)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autoptr(GPtrArray) right = g_ptr_array_new ();

  g_return_if_fail (labels != NULL || n_labels == 0);

  for (guint i = 0; i < n_labels; i++)
    {
      AtlasLabel *label = &labels[i];

      label->placed = FALSE;
      label->x = label->left ? left_column_right - label->width : right_column_left;
      g_ptr_array_add (label->left ? left : right, label);
    }

  layout_column (left, top, left_bottom, gap);
  layout_column (right, top, right_bottom, gap);
}
