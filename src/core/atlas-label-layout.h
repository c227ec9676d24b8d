/* atlas-label-layout.h — where the labels of a diagram go, and their leader lines.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-diagram.h"

G_BEGIN_DECLS

typedef struct
{
  /* In: */
  const AtlasRegion *region;
  double             anchor_x;  /* where the leader line ends, in layout units */
  double             anchor_y;
  double             width;     /* size of the label's box */
  double             height;
  gboolean           left;      /* TRUE for the column left of the drawing */
  gboolean           above;     /* bands: TRUE for the band above the drawing */
  /* Out: */
  gboolean           placed;    /* FALSE when the column had no room left for it */
  double             x;         /* top-left of the label's box */
  double             y;
} AtlasLabel;

GPtrArray *atlas_label_choose_regions (AtlasDiagram      *diagram);
gboolean   atlas_label_prefers_left   (const AtlasRegion *region,
                                       double             width);
void       atlas_label_layout         (AtlasLabel   *labels,
                                       guint         n_labels,
                                       double        left_column_right,
                                       double        right_column_left,
                                       double        top,
                                       double        bottom,
                                       double        gap);
void       atlas_label_layout_columns (AtlasLabel   *labels,
                                       guint         n_labels,
                                       double        left_column_right,
                                       double        right_column_left,
                                       double        top,
                                       double        left_bottom,
                                       double        right_bottom,
                                       double        gap);

void       atlas_label_balance_columns (AtlasLabel  *labels,
                                         guint        n_labels);
void       atlas_label_split_bands    (AtlasLabel   *labels,
                                        guint         n_labels);
guint      atlas_label_band_rows      (AtlasLabel   *labels,
                                       guint         n_labels,
                                       gboolean      above,
                                       double        width,
                                       double        gap);
void       atlas_label_layout_bands   (AtlasLabel   *labels,
                                       guint         n_labels,
                                       double        left,
                                       double        right,
                                       double        above_bottom,
                                       double        below_top,
                                       guint         max_rows,
                                       double        gap);

G_END_DECLS
