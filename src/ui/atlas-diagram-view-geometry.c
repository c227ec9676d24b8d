/* atlas-diagram-view-geometry.c — where the drawing sits in the canvas, and what is under a point.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view shows the document scaled by fit × zoom, with (center_x, center_y) at the middle of
 * the drawing area. Every layer converts through the functions here, so they always agree.
 * Hit testing never renders: a pointer position becomes a document position and one pixel of
 * the diagram's pick map.
 */
#include "config.h"

#include "atlas-diagram-view-private.h"

void
_atlas_diagram_view_drawing_area (AtlasDiagramView *self,
                                  graphene_rect_t  *area)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  /* With labels in bands, the band below must stay clear of the controls over the canvas. */
  double bottom = _atlas_diagram_view_labels_in_bands (self) ? OSD_SPACE : 0;

  double top = _atlas_diagram_view_get_top_inset (self);

  graphene_rect_init (area, EDGE_PADDING, EDGE_PADDING + top,
                      MAX (1, width - 2 * EDGE_PADDING), MAX (1, height - 2 * EDGE_PADDING - top - bottom));
}

static double
fit_scale (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  graphene_rect_t area;
  double cx, x, y, w, h, half;

  if (diagram == NULL)
    return 1.0;

  _atlas_diagram_view_drawing_area (self, &area);
  if (!self->show_labels || self->hide_names)
    return MIN (area.size.width / atlas_diagram_get_width (diagram),
                area.size.height / atlas_diagram_get_height (diagram));

  /* With labels, the structures (not the empty margin around them) and a label column on
   * each side must fit across; labels may sit over the drawing's own blank margin. */
  atlas_diagram_get_content_bounds (diagram, &x, &y, &w, &h);
  cx = atlas_diagram_get_width (diagram) / 2;
  half = MAX (cx - x, x + w - cx);

  /* A wide drawing takes the whole width, with its labels in bands above and below. */
  if (_atlas_diagram_view_labels_in_bands (self))
    {
      double cy = atlas_diagram_get_height (diagram) / 2;
      double half_y = MAX (cy - y, y + h - cy);
      double by_width = area.size.width / MAX (2 * half, 1);
      double band = _atlas_diagram_view_band_space (self, area.size.width);

      return MAX (1e-3, MIN (by_width, (area.size.height - 2 * band) / MAX (2 * half_y, 1)));
    }

  return MAX (1e-3, MIN ((area.size.width / 2 - _atlas_diagram_view_label_space (self)) / MAX (half, 1),
                         area.size.height / atlas_diagram_get_height (diagram)));
}

double
_atlas_diagram_view_get_scale (AtlasDiagramView *self)
{
  return fit_scale (self) * self->zoom;
}

/* Both directions need the scale and the drawing area, whose middle shows (center_x, center_y). */
static double
area_and_scale (AtlasDiagramView *self,
                graphene_rect_t  *area)
{
  double scale = _atlas_diagram_view_get_scale (self);

  _atlas_diagram_view_drawing_area (self, area);
  return scale;
}

void
atlas_diagram_view_doc_to_widget (AtlasDiagramView *self,
                                  double            doc_x,
                                  double            doc_y,
                                  double           *widget_x,
                                  double           *widget_y)
{
  graphene_rect_t area;
  double scale = area_and_scale (self, &area);

  if (widget_x != NULL)
    *widget_x = area.origin.x + area.size.width / 2 + (doc_x - self->center_x) * scale;
  if (widget_y != NULL)
    *widget_y = area.origin.y + area.size.height / 2 + (doc_y - self->center_y) * scale;
}

void
atlas_diagram_view_widget_to_doc (AtlasDiagramView *self,
                                  double            widget_x,
                                  double            widget_y,
                                  double           *doc_x,
                                  double           *doc_y)
{
  graphene_rect_t area;
  double scale = area_and_scale (self, &area);

  *doc_x = self->center_x + (widget_x - area.origin.x - area.size.width / 2) / scale;
  *doc_y = self->center_y + (widget_y - area.origin.y - area.size.height / 2) / scale;
}

void
_atlas_diagram_view_clamp_center (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);

  if (diagram == NULL)
    return;

  /* However far the user pans, some of the drawing stays in view. */
  self->center_x = CLAMP (self->center_x, 0, atlas_diagram_get_width (diagram));
  self->center_y = CLAMP (self->center_y, 0, atlas_diagram_get_height (diagram));
}

/* The part of the document the widget shows, clipped to the drawing. */
gboolean
_atlas_diagram_view_visible_doc_rect (AtlasDiagramView *self,
                                      graphene_rect_t  *rect)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  double x0, y0, x1, y1;
  graphene_rect_t doc;

  if (diagram == NULL)
    return FALSE;

  atlas_diagram_view_widget_to_doc (self, 0, 0, &x0, &y0);
  atlas_diagram_view_widget_to_doc (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                    gtk_widget_get_height (GTK_WIDGET (self)), &x1, &y1);
  graphene_rect_init (rect, x0, y0, x1 - x0, y1 - y0);
  graphene_rect_init (&doc, 0, 0, atlas_diagram_get_width (diagram), atlas_diagram_get_height (diagram));

  return graphene_rect_intersection (rect, &doc, rect);
}

const AtlasRegion *
_atlas_diagram_view_region_at (AtlasDiagramView *self,
                               double            x,
                               double            y)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  double doc_x, doc_y;

  if (diagram == NULL)
    return NULL;

  atlas_diagram_view_widget_to_doc (self, x, y, &doc_x, &doc_y);
  return atlas_diagram_pick (diagram, doc_x, doc_y);
}

/**
 * atlas_diagram_view_pick:
 *
 * Returns: (nullable): the id of the region a pointer at (@x, @y) would hover
 */
const char *
atlas_diagram_view_pick (AtlasDiagramView *self,
                         double            x,
                         double            y)
{
  const AtlasRegion *region;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  region = _atlas_diagram_view_region_at (self, x, y);
  return region ? region->id : NULL;
}

