/* atlas-diagram-view-labels.c — the diagram canvas's labels and their leader lines.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels are text and lines drawn by GTK in two columns beside the drawing. Which regions get
 * one and where each goes so none overlap comes from the core (atlas-label-layout.c); this file
 * measures the names, feeds the layout the anchors in widget coordinates and draws the result.
 * The Pango layouts are kept until the names, the font or the wrap width change; the positions
 * are recomputed every frame, which is cheap.
 */
#include "config.h"

#include "atlas-diagram-view-private.h"
#include "atlas-structures.h"

#define LABEL_GAP       4.0
#define LABEL_PADDING   6.0
#define MAX_LABEL_WIDTH 170.0
#define MIN_LABEL_WIDTH 100.0
#define MAX_BAND_ROWS   4

void
_atlas_diagram_view_clear_labels (AtlasDiagramView *self)
{
  g_clear_pointer (&self->label_regions, g_ptr_array_unref);
  g_clear_pointer (&self->label_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_free);
  self->label_column = 0;
}

/* In a narrow view long names wrap sooner, so the label columns leave the drawing room. */
static double
label_wrap_for_width (int width)
{
  return CLAMP (width * 0.14, MIN_LABEL_WIDTH, MAX_LABEL_WIDTH);
}

static void
ensure_label_layouts (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  int widest = 0;

  if (self->label_regions != NULL || diagram == NULL)
    return;

  self->label_wrap = self->label_wrap_base = label_wrap_for_width (gtk_widget_get_width (GTK_WIDGET (self)));
  self->label_regions = atlas_label_choose_regions (diagram);
  self->label_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->labels = g_new0 (AtlasLabel, MAX (1, self->label_regions->len));
  self->label_column = 0;

  /* Names wrap between words. A word wider than the wrap width (large text on a projector)
   * widens every label, as far as the column may grow, rather than being cut in two; only a
   * word wider than that is broken. */
  for (guint i = 0; i < self->label_regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->label_regions, i);
      g_autofree char *name = atlas_region_dup_short_name (region, self->content);
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), name);
      int width;

      pango_layout_set_width (layout, (int) (self->label_wrap * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
      g_ptr_array_add (self->label_layouts, layout);
    }

  if (widest > self->label_wrap)
    {
      double most = gtk_widget_get_width (GTK_WIDGET (self)) * 0.3 - LEADER_SPACE - 2 * LABEL_PADDING;

      self->label_wrap = MAX (self->label_wrap, MIN (widest, most));
      for (guint i = 0; i < self->label_layouts->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (self->label_layouts, i);

          pango_layout_set_width (layout, (int) (self->label_wrap * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        }
    }

  for (guint i = 0; i < self->label_layouts->len; i++)
    {
      int width;

      pango_layout_get_pixel_size (g_ptr_array_index (self->label_layouts, i), &width, NULL);
      self->label_column = MAX (self->label_column, width + 2 * LABEL_PADDING);
    }
}

/* A new width may mean a new wrap width, and so new layouts. */
void
_atlas_diagram_view_labels_resized (AtlasDiagramView *self,
                                    int               width)
{
  if (self->label_regions != NULL && self->label_wrap_base != label_wrap_for_width (width))
    _atlas_diagram_view_clear_labels (self);
}

/* How much room each label column takes beside the drawing's content. */
double
_atlas_diagram_view_label_space (AtlasDiagramView *self)
{
  if (!self->show_labels || self->hide_names)
    return 0;

  ensure_label_layouts (self);
  return MIN (self->label_column + LEADER_SPACE, gtk_widget_get_width (GTK_WIDGET (self)) * 0.3);
}

/* A drawing much wider than tall (the cross-section) would be shrunk by two label columns; its
 * labels go in bands above and below it instead, so it can use the whole width. */
gboolean
_atlas_diagram_view_labels_in_bands (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  double x, y, w, h;

  if (diagram == NULL || !self->show_labels || self->hide_names)
    return FALSE;

  atlas_diagram_get_content_bounds (diagram, &x, &y, &w, &h);
  return w >= WIDE_DRAWING * h;
}

/* The height one band needs (the larger of the two) for labels packed across @width. */
double
_atlas_diagram_view_band_space (AtlasDiagramView *self,
                                double            width)
{
  g_autofree AtlasLabel *labels = NULL;
  double row_height = 0;
  guint rows, n;

  /* Measured on copies: the laid-out labels keep their widget-space anchors for drawing. */
  ensure_label_layouts (self);
  n = self->label_regions->len;
  labels = g_new0 (AtlasLabel, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->label_regions, i);
      PangoLayout *layout = g_ptr_array_index (self->label_layouts, i);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      labels[i].width = w + 2 * LABEL_PADDING;
      labels[i].height = h + 2;
      labels[i].anchor_x = region->anchor_x;
      labels[i].anchor_y = region->anchor_y;
      row_height = MAX (row_height, labels[i].height);
    }
  atlas_label_split_bands (labels, n);
  rows = MAX (atlas_label_band_rows (labels, n, TRUE, width, LABEL_GAP),
              atlas_label_band_rows (labels, n, FALSE, width, LABEL_GAP));
  rows = CLAMP (rows, 1, MAX_BAND_ROWS);

  return rows * (row_height + LABEL_GAP) + BAND_LEADER;
}

static void
layout_bands (AtlasDiagramView *self,
              AtlasDiagram     *diagram)
{
  graphene_rect_t area;
  double x, y, w, h, cy, half_y, top, bottom;
  guint n = self->label_regions->len;

  _atlas_diagram_view_drawing_area (self, &area);
  atlas_diagram_get_content_bounds (diagram, &x, &y, &w, &h);
  cy = atlas_diagram_get_height (diagram) / 2;
  half_y = MAX (cy - y, y + h - cy);
  atlas_diagram_view_doc_to_widget (self, 0, cy - half_y, NULL, &top);
  atlas_diagram_view_doc_to_widget (self, 0, cy + half_y, NULL, &bottom);

  for (guint i = 0; i < n; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->label_regions, i);
      PangoLayout *layout = g_ptr_array_index (self->label_layouts, i);
      AtlasLabel *label = &self->labels[i];
      int lw, lh;

      pango_layout_get_pixel_size (layout, &lw, &lh);
      label->region = region;
      atlas_diagram_view_doc_to_widget (self, region->anchor_x, region->anchor_y, &label->anchor_x, &label->anchor_y);
      label->width = lw + 2 * LABEL_PADDING;
      label->height = lh + 2;
    }
  atlas_label_split_bands (self->labels, n);

  atlas_label_layout_bands (self->labels, n, area.origin.x, area.origin.x + area.size.width,
                            MAX (top - BAND_LEADER, area.origin.y + 1),
                            MIN (bottom + BAND_LEADER, area.origin.y + area.size.height - 1),
                            MAX_BAND_ROWS, LABEL_GAP);

  /* Labels whose anchors are scrolled out of view have nothing to point at; labels pushed off
   * the widget by zooming are not shown either. */
  for (guint i = 0; i < n; i++)
    {
      AtlasLabel *label = &self->labels[i];

      if (label->anchor_x < 0 || label->anchor_x > gtk_widget_get_width (GTK_WIDGET (self)) ||
          label->anchor_y < 0 || label->anchor_y > gtk_widget_get_height (GTK_WIDGET (self)) ||
          label->y < _atlas_diagram_view_get_top_inset (self) || label->y + label->height > _atlas_diagram_view_labels_bottom (self, label->x, label->x + label->width) + LABEL_GAP)
        label->placed = FALSE;
    }
}

/* Where a label's leader ends: its own anchor, or, when the other side of a pair is selected,
 * that side's anchor, so the one label of a pair points at what is selected. */
void
_atlas_diagram_view_leader_target (AtlasDiagramView *self,
                                   const AtlasLabel *label,
                                   double           *x,
                                   double           *y)
{
  const AtlasRegion *selected = _atlas_diagram_view_get_selected (self);

  if (selected != NULL && selected != label->region && g_str_equal (selected->structure, label->region->structure))
    atlas_diagram_view_doc_to_widget (self, selected->anchor_x, selected->anchor_y, x, y);
  else
    {
      *x = label->anchor_x;
      *y = label->anchor_y;
    }
}

void
_atlas_diagram_view_layout_labels (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  graphene_rect_t area;
  double doc_left, doc_right, left_edge, right_edge;
  double content_x, content_y, content_w, content_h;
  guint n;

  if (diagram == NULL)
    return;

  ensure_label_layouts (self);
  n = self->label_regions->len;
  if (_atlas_diagram_view_labels_in_bands (self))
    {
      layout_bands (self, diagram);
      return;
    }
  _atlas_diagram_view_drawing_area (self, &area);

  for (guint i = 0; i < n; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->label_regions, i);
      PangoLayout *layout = g_ptr_array_index (self->label_layouts, i);
      AtlasLabel *label = &self->labels[i];
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      label->region = region;
      atlas_diagram_view_doc_to_widget (self, region->anchor_x, region->anchor_y, &label->anchor_x, &label->anchor_y);
      label->width = width + 2 * LABEL_PADDING;
      label->height = height + 2;
      label->left = atlas_label_prefers_left (region, atlas_diagram_get_width (diagram));
    }
  atlas_label_balance_columns (self->labels, n);

  /* The columns hug the structures when they are narrower than the widget, and keep to the
   * widget's edges when zooming makes them wider. */
  atlas_diagram_get_content_bounds (diagram, &content_x, &content_y, &content_w, &content_h);
  atlas_diagram_view_doc_to_widget (self, content_x, 0, &doc_left, NULL);
  atlas_diagram_view_doc_to_widget (self, content_x + content_w, 0, &doc_right, NULL);
  left_edge = MAX (self->label_column, doc_left - LEADER_SPACE);
  right_edge = MIN (gtk_widget_get_width (GTK_WIDGET (self)) - self->label_column, doc_right + LEADER_SPACE);

  /* The controls in the bottom-right corner shorten the right column, and the left one too
   * when the view is so narrow that they reach under it. */
  {
    double height = gtk_widget_get_height (GTK_WIDGET (self));
    double bottom = height - EDGE_PADDING / 2;
    double controls_left = gtk_widget_get_width (GTK_WIDGET (self)) - self->bottom_inset_width;
    double clear = height - MAX (EDGE_PADDING / 2, self->bottom_inset);

    atlas_label_layout_columns (self->labels, n,
                                left_edge, right_edge,
                                EDGE_PADDING / 2 + _atlas_diagram_view_get_top_inset (self),
                                /* The caption card sits under the left column's foot, and under
                                 * the right one's too when the view is narrow. */
                                MIN (self->bottom_inset > 0 && left_edge > controls_left ? clear : bottom,
                                     _atlas_diagram_view_labels_bottom (self, 0, left_edge)),
                                MIN (self->bottom_inset > 0 ? clear : bottom,
                                     _atlas_diagram_view_labels_bottom (self, right_edge, gtk_widget_get_width (GTK_WIDGET (self)))),
                                LABEL_GAP);
  }

  /* Labels whose anchors are scrolled out of view have nothing to point at. */
  for (guint i = 0; i < n; i++)
    {
      AtlasLabel *label = &self->labels[i];

      if (label->anchor_x < left_edge || label->anchor_x > right_edge ||
          label->anchor_y < 0 || label->anchor_y > gtk_widget_get_height (GTK_WIDGET (self)))
        label->placed = FALSE;
    }
}

void
_atlas_diagram_view_snapshot_labels (AtlasDiagramView *self,
                                     GtkSnapshot      *snapshot)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  const AtlasRegion *selected_region = _atlas_diagram_view_get_selected (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg, accent = { 0.11, 0.44, 0.85, 1.0 };
  GdkRGBA plate = dark ? (GdkRGBA) { 0.14, 0.14, 0.14, 0.82 } : (GdkRGBA) { 1, 1, 1, 0.82 };
  graphene_rect_t bounds;
  cairo_t *cr;
  guint n;
  gboolean bands;

  if (!self->show_labels || self->hide_names || self->label_regions == NULL)
    return;

  n = self->label_regions->len;
  bands = _atlas_diagram_view_labels_in_bands (self);
  gtk_style_context_get_color (style, &fg);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));

  /* Leader lines: from the label's inner edge, level with its text, to the anchor. */
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < n; i++)
    {
      AtlasLabel *label = &self->labels[i];
      gboolean selected = selected_region != NULL && g_str_equal (selected_region->structure, label->region->structure);
      double lx = label->left ? label->x + label->width : label->x;
      double ly = label->y + label->height / 2;
      double elbow = label->left ? lx + LEADER_SPACE / 2 : lx - LEADER_SPACE / 2;
      double ax, ay;

      if (!label->placed)
        continue;

      _atlas_diagram_view_leader_target (self, label, &ax, &ay);
      if (bands)
        {
          /* From the middle of the label's edge nearest the drawing, a short stub, then on. */
          lx = label->x + label->width / 2;
          ly = label->above ? label->y + label->height : label->y;
          elbow = label->above ? ly + BAND_LEADER / 3 : ly - BAND_LEADER / 3;
        }

      if (selected)
        gdk_cairo_set_source_rgba (cr, &accent);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      cairo_set_line_width (cr, selected ? 2.0 : 1.0);
      cairo_move_to (cr, lx, ly);
      if (bands)
        cairo_line_to (cr, lx, elbow);
      else
        cairo_line_to (cr, elbow, ly);
      cairo_line_to (cr, ax, ay);
      cairo_stroke (cr);
      cairo_arc (cr, ax, ay, selected ? 3.5 : 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  for (guint i = 0; i < n; i++)
    {
      AtlasLabel *label = &self->labels[i];
      PangoLayout *layout = g_ptr_array_index (self->label_layouts, i);
      gboolean selected = selected_region != NULL && g_str_equal (selected_region->structure, label->region->structure);
      int text_width;

      if (!label->placed)
        continue;

      pango_layout_get_pixel_size (layout, &text_width, NULL);

      /* A plate behind the text keeps it legible when zooming brings drawing under it, and in
       * bands, where a leader to an outer row passes an inner row's label, it hides the line. */
      if (self->zoom > 1.0 || selected || bands)
        {
          GskRoundedRect rounded;
          graphene_rect_t box = GRAPHENE_RECT_INIT (label->x, label->y, label->width, label->height);

          gsk_rounded_rect_init_from_rect (&rounded, &box, 4);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, selected ? &accent : &plate, &box);
          gtk_snapshot_pop (snapshot);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label->left ? label->x + label->width - LABEL_PADDING - text_width
                                                                            : label->x + LABEL_PADDING,
                                                              label->y + 1));
      gtk_snapshot_append_layout (snapshot, layout, selected ? &(GdkRGBA) { 1, 1, 1, 1 } : &fg);
      gtk_snapshot_restore (snapshot);
    }
}

guint
atlas_diagram_view_get_n_visible_labels (AtlasDiagramView *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  if (!self->show_labels || self->hide_names || self->label_regions == NULL)
    return 0;

  for (guint i = 0; i < self->label_regions->len; i++)
    n += self->labels[i].placed;

  return n;
}

/**
 * atlas_diagram_view_get_label_bounds:
 *
 * Returns: %TRUE if label @index exists and is shown; then its region and its box in widget
 *   coordinates
 */
gboolean
atlas_diagram_view_get_label_bounds (AtlasDiagramView  *self,
                                     guint              index,
                                     const char       **region_id,
                                     graphene_rect_t   *bounds)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  if (!self->show_labels || self->label_regions == NULL || index >= self->label_regions->len ||
      !self->labels[index].placed)
    return FALSE;

  *region_id = self->labels[index].region->id;
  graphene_rect_init (bounds, self->labels[index].x, self->labels[index].y,
                      self->labels[index].width, self->labels[index].height);
  return TRUE;
}

/**
 * atlas_diagram_view_get_label_leader:
 *
 * Returns: %TRUE if label @index is shown; then where its leader line ends, in widget
 *   coordinates
 */
gboolean
atlas_diagram_view_get_label_leader (AtlasDiagramView *self,
                                     guint             index,
                                     double           *x,
                                     double           *y)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  if (!self->show_labels || self->label_regions == NULL || index >= self->label_regions->len ||
      !self->labels[index].placed)
    return FALSE;

  _atlas_diagram_view_leader_target (self, &self->labels[index], x, y);
  return TRUE;
}

/**
 * atlas_diagram_view_get_labels_in_bands:
 *
 * Returns: whether the labels sit in bands above and below the drawing rather than in columns
 */
gboolean
atlas_diagram_view_get_labels_in_bands (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  return _atlas_diagram_view_labels_in_bands (self);
}
