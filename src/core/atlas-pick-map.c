/* atlas-pick-map.c — hit testing: which region is drawn on top at a point, and where each is.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hit testing uses a pick map: the same bytes rendered once with a stylesheet that paints each
 * region in its own flat colour, with antialiasing off, in document units. A pointer position
 * maps to one pixel read. Because the pick map is painted in the same order as the picture,
 * overlaps resolve to whatever is drawn on top, which is what the user sees. While a morph moves
 * the drawing the map is only marked stale; it is rebuilt when it is next read.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-diagram-private.h"

/* ------------------------------------------------------------------------------------------ */
/* The pick map.                                                                              */

static char *
pick_css (AtlasDiagram *self)
{
  GString *css = g_string_new (atlas_diagram_palette_css (ATLAS_DIAGRAM_STYLE_LIGHT));

  /* Everything that is not a region is invisible to the pointer; no antialiasing so every
   * pixel holds exactly one region's colour; no transparency so colours never blend. */
  g_string_append (css,
                   "\n* { fill: none !important; stroke: none !important; opacity: 1 !important;"
                   " fill-opacity: 1 !important; stroke-opacity: 1 !important; filter: none !important;"
                   " shape-rendering: crispEdges !important; }\n");

  for (guint i = 0; i < self->regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->regions, i);
      guint colour = i + 1;

      g_string_append_printf (css,
                              "#%s, #%s * { fill: #%06x !important; stroke: #%06x !important; }\n"
                              "#%s .detail, #%s.line, #%s .line { fill: none !important; }\n"
                              "#%s.line, #%s .line { stroke-width: 12 !important; }\n",
                              region->id, region->id, colour, colour,
                              region->id, region->id, region->id,
                              region->id, region->id);
    }

  atlas_diagram_append_hidden_layers (self, css);
  return g_string_free (css, FALSE);
}

gboolean
atlas_diagram_build_pick_map (AtlasDiagram  *self,
                GError       **error)
{
  g_autofree char *css = pick_css (self);
  RsvgHandle *handle = atlas_diagram_new_handle (self, css, strlen (css), error);
  RsvgRectangle viewport = { 0, 0, self->width, self->height };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  guint32 *data;
  int stride;
  double *bounds;

  if (handle == NULL)
    return FALSE;

  self->pick_width = (int) ceil (self->width * PICK_SCALE);
  self->pick_height = (int) ceil (self->height * PICK_SCALE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->pick_width, self->pick_height);
  cr = cairo_create (surface);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_scale (cr, PICK_SCALE, PICK_SCALE);
  ok = rsvg_handle_render_document (handle, cr, &viewport, error);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);

  if (!ok || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      if (ok)
        g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_RENDER, "could not render the pick map");
      cairo_surface_destroy (surface);
      return FALSE;
    }

  g_clear_pointer (&self->pick, cairo_surface_destroy);
  self->pick = surface;

  /* One pass over the map gives every region the bounds of what is visible of it. */
  bounds = g_new (double, 4 * self->regions->len);
  for (guint i = 0; i < self->regions->len; i++)
    {
      bounds[4 * i + 0] = bounds[4 * i + 1] = G_MAXDOUBLE;
      bounds[4 * i + 2] = bounds[4 * i + 3] = -G_MAXDOUBLE;
    }

  data = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < self->pick_height; y++)
    {
      for (int x = 0; x < self->pick_width; x++)
        {
          guint32 colour = data[y * stride + x] & 0xffffff;
          double *b;

          if (colour == 0 || colour > self->regions->len)
            continue;

          b = &bounds[4 * (colour - 1)];
          b[0] = MIN (b[0], x);
          b[1] = MIN (b[1], y);
          b[2] = MAX (b[2], x + 1);
          b[3] = MAX (b[3], y + 1);
        }
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      AtlasRegion *region = g_ptr_array_index (self->regions, i);
      double *b = &bounds[4 * i];

      if (b[0] > b[2])
        {
          region->x = region->y = region->width = region->height = 0;
          continue;
        }
      region->x = b[0] / PICK_SCALE;
      region->y = b[1] / PICK_SCALE;
      region->width = (b[2] - b[0]) / PICK_SCALE;
      region->height = (b[3] - b[1]) / PICK_SCALE;
    }
  g_free (bounds);

  return TRUE;
}

/* Rebuilds the map (and with it every region's bounds) if the drawing moved since it was made. */
void
atlas_diagram_ensure_pick_map (AtlasDiagram *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->pick_stale)
    return;

  self->pick_stale = FALSE;
  /* The bytes were accepted once, so a failure now is a bug, not bad input. */
  if (!atlas_diagram_build_pick_map (self, &error))
    g_critical ("Could not rebuild a pick map: %s", error->message);
}

/**
 * atlas_diagram_pick:
 * @x: document x
 * @y: document y
 *
 * Returns: (nullable): the region drawn on top at that point, or %NULL
 */
const AtlasRegion *
atlas_diagram_pick (AtlasDiagram *self,
                    double        x,
                    double        y)
{
  const guint8 *data;
  guint32 colour;
  int px, py;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  atlas_diagram_ensure_pick_map (self);

  /* The comparisons also reject NaN. */
  if (!(x >= 0 && y >= 0 && x < self->width && y < self->height))
    return NULL;

  px = (int) (x * PICK_SCALE);
  py = (int) (y * PICK_SCALE);
  if (px >= self->pick_width || py >= self->pick_height)
    return NULL;

  data = cairo_image_surface_get_data (self->pick);
  colour = *(const guint32 *) (data + (gsize) py * cairo_image_surface_get_stride (self->pick) + (gsize) px * 4) & 0xffffff;
  if (colour == 0 || colour > self->regions->len)
    return NULL;

  return g_ptr_array_index (self->regions, colour - 1);
}

/**
 * atlas_diagram_get_content_bounds:
 *
 * Gets the smallest rectangle, in document units, holding every visible region: the drawing
 * without the empty margin or the silhouette around it.
 */
void
atlas_diagram_get_content_bounds (AtlasDiagram *self,
                                  double       *x,
                                  double       *y,
                                  double       *width,
                                  double       *height)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (ATLAS_IS_DIAGRAM (self));

  {
    double morph_bounds[4];

    if (atlas_diagram_morph_get_bounds (self, morph_bounds))
      {
        *x = morph_bounds[0];
        *y = morph_bounds[1];
        *width = morph_bounds[2];
        *height = morph_bounds[3];
        return;
      }
  }

  atlas_diagram_ensure_pick_map (self);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->regions, i);

      if (region->width <= 0 || !atlas_diagram_region_is_visible (self, region))
        continue;
      x0 = MIN (x0, region->x);
      y0 = MIN (y0, region->y);
      x1 = MAX (x1, region->x + region->width);
      y1 = MAX (y1, region->y + region->height);
    }

  if (x0 > x1)
    {
      x0 = y0 = 0;
      x1 = self->width;
      y1 = self->height;
    }

  *x = x0;
  *y = y0;
  *width = x1 - x0;
  *height = y1 - y0;
}
