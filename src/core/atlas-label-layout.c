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
 *
 * A drawing much wider than tall (the cross-section) would be shrunk by two columns; its labels
 * go in bands above and below it instead, in rows, each label as near above or below its anchor
 * as its neighbours allow, in the left-to-right order of the anchors.
 */
#include "config.h"

#include <math.h>

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

static int compare_anchor_x (gconstpointer a,
                             gconstpointer b);

static int
compare_anchor_x_desc (gconstpointer a,
                       gconstpointer b)
{
  const AtlasLabel *la = *(AtlasLabel * const *) a;
  const AtlasLabel *lb = *(AtlasLabel * const *) b;

  return (la->anchor_x < lb->anchor_x) - (la->anchor_x > lb->anchor_x);
}

/**
 * atlas_label_balance_columns:
 * @labels: (array length=n_labels): labels with their anchors and preferred columns
 *
 * A drawing that stands to one side (the side view's single leg) would put nearly every label
 * in one column, crowded, with leaders crossing. When one column holds more than two thirds,
 * the labels whose anchors lie nearest the other column move across until they are even.
 */
void
atlas_label_balance_columns (AtlasLabel *labels,
                             guint       n_labels)
{
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (n_labels);
  guint n_left = 0;
  gboolean to_right;

  for (guint i = 0; i < n_labels; i++)
    {
      g_ptr_array_add (order, &labels[i]);
      n_left += labels[i].left;
    }
  if (3 * n_left <= 2 * n_labels && 3 * (n_labels - n_left) <= 2 * n_labels)
    return;

  /* Rightmost anchors first when the left column is full; leftmost first otherwise. */
  to_right = 2 * n_left > n_labels;
  g_ptr_array_sort (order, to_right ? compare_anchor_x_desc : compare_anchor_x);
  for (guint i = 0; i < order->len && (to_right ? 2 * n_left > n_labels + 1 : 2 * n_left + 1 < n_labels); i++)
    {
      AtlasLabel *label = g_ptr_array_index (order, i);

      if (label->left != to_right)
        continue;
      label->left = !to_right;
      n_left += to_right ? -1 : 1;
    }
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

static int
compare_anchor_x (gconstpointer a,
                  gconstpointer b)
{
  const AtlasLabel *la = *(const AtlasLabel * const *) a;
  const AtlasLabel *lb = *(const AtlasLabel * const *) b;

  if (la->anchor_x < lb->anchor_x)
    return -1;
  return la->anchor_x > lb->anchor_x;
}

/**
 * atlas_label_split_bands:
 * @labels: (array length=n_labels): the labels, with their anchors filled in
 *
 * Sends the upper half of the anchors to the band above and the lower half to the band below,
 * so the two bands are equally full and no label travels far from its anchor (splitting at
 * the drawing's middle would crowd one band when most structures lie in one half).
 */
void
atlas_label_split_bands (AtlasLabel *labels,
                         guint       n_labels)
{
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (n_labels);

  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (order, &labels[i]);
  g_ptr_array_sort (order, compare_anchor_y);
  for (guint i = 0; i < order->len; i++)
    ((AtlasLabel *) g_ptr_array_index (order, i))->above = i < (order->len + 1) / 2;
}

/* The labels of one band, in the left-to-right order of their anchors. */
static GPtrArray *
band_labels (AtlasLabel *labels,
             guint       n_labels,
             gboolean    above)
{
  GPtrArray *band = g_ptr_array_new ();

  for (guint i = 0; i < n_labels; i++)
    if (!!labels[i].above == !!above)
      g_ptr_array_add (band, &labels[i]);
  g_ptr_array_sort (band, compare_anchor_x);
  return band;
}

/* Neighbouring labels go to different rows in turn (the first to the row nearest the drawing),
 * so close anchors get labels one above the other. Does each row then fit across? */
static gboolean
rows_fit (GPtrArray *band,
          guint      rows,
          double     width,
          double     gap)
{
  for (guint r = 0; r < rows; r++)
    {
      double total = 0;

      for (guint i = r; i < band->len; i += rows)
        total += ((AtlasLabel *) g_ptr_array_index (band, i))->width + (i > r ? gap : 0);
      if (total > width)
        return FALSE;
    }
  return TRUE;
}

static guint
rows_needed (GPtrArray *band,
             double     width,
             double     gap,
             guint      max_rows)
{
  guint rows = band->len > 0 ? 1 : 0;

  while (rows < max_rows && !rows_fit (band, rows, width, gap))
    rows++;
  return rows;
}

/**
 * atlas_label_band_rows:
 * @above: which band
 * @width: the band's width
 *
 * Returns: how many rows the labels of one band need (at most 8)
 */
guint
atlas_label_band_rows (AtlasLabel *labels,
                       guint       n_labels,
                       gboolean    above,
                       double      width,
                       double      gap)
{
  g_autoptr(GPtrArray) band = band_labels (labels, n_labels, above);

  return rows_needed (band, width, gap, 8);
}

static void
layout_band (GPtrArray *band,
             double     left,
             double     right,
             double     edge,
             gboolean   above,
             guint      max_rows,
             double     gap)
{
  double row_height = 0;
  guint rows = rows_needed (band, right - left, gap, max_rows);

  for (guint i = 0; i < band->len; i++)
    row_height = MAX (row_height, ((AtlasLabel *) g_ptr_array_index (band, i))->height);

  for (guint r = 0; r < rows; r++)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new ();
      double total = 0;
      double y = above ? edge - (r + 1) * row_height - r * gap : edge + r * (row_height + gap);

      for (guint i = r; i < band->len; i += rows)
        {
          AtlasLabel *label = g_ptr_array_index (band, i);

          /* A row that cannot hold them all keeps the first that fit. */
          label->placed = total + label->width <= right - left;
          if (!label->placed)
            continue;
          total += label->width + gap;
          g_ptr_array_add (row, label);
        }

      /* Rightward pass: centre each label on its anchor, pushed right of its neighbour. */
      for (guint i = 0; i < row->len; i++)
        {
          AtlasLabel *label = g_ptr_array_index (row, i);
          double x = label->anchor_x - label->width / 2;

          if (i == 0)
            x = MAX (x, left);
          else
            {
              AtlasLabel *before = g_ptr_array_index (row, i - 1);
              x = MAX (x, before->x + before->width + gap);
            }
          label->x = x;
          /* Shorter labels hug the drawing side of their row. */
          label->y = above ? y + row_height - label->height : y;
        }

      /* Leftward pass: whatever ran off the right pushes its neighbours back. */
      for (guint i = row->len; i-- > 0;)
        {
          AtlasLabel *label = g_ptr_array_index (row, i);

          if (i == row->len - 1)
            label->x = MIN (label->x, right - label->width);
          else
            {
              AtlasLabel *after = g_ptr_array_index (row, i + 1);
              label->x = MIN (label->x, after->x - gap - label->width);
            }
        }
    }
}

/**
 * atlas_label_layout_bands:
 * @labels: (array length=n_labels): the labels, with anchors, sizes and @above filled in
 * @left: the left edge of both bands
 * @right: the right edge of both bands
 * @above_bottom: the bottom of the band above the drawing (its rows stack upward)
 * @below_top: the top of the band below the drawing (its rows stack downward)
 * @max_rows: the most rows a band may have
 * @gap: the least space between two labels
 *
 * Places every label that fits; sets @placed, @x and @y on each.
 */
void
atlas_label_layout_bands (AtlasLabel *labels,
                          guint       n_labels,
                          double      left,
                          double      right,
                          double      above_bottom,
                          double      below_top,
                          guint       max_rows,
                          double      gap)
{
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) bottom = NULL;

  g_return_if_fail (labels != NULL || n_labels == 0);

  top = band_labels (labels, n_labels, TRUE);
  bottom = band_labels (labels, n_labels, FALSE);

  layout_band (top, left, right, above_bottom, TRUE, max_rows, gap);
  layout_band (bottom, left, right, below_top, FALSE, max_rows, gap);
}
