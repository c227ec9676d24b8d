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

AtlasPickMap *
atlas_pick_map_new (int   width,
                    int   height,
                    guint n_regions)
{
  AtlasPickMap *map = g_new0 (AtlasPickMap, 1);

  g_atomic_ref_count_init (&map->ref_count);
  map->width = width;
  map->height = height;
  map->bytes_per_pixel = n_regions <= ATLAS_PICK_MAP_MAX_8BIT ? 1 : 2;
  map->data = g_malloc0_n ((gsize) width * (gsize) height, map->bytes_per_pixel);
  return map;
}

AtlasPickMap *
atlas_pick_map_ref (AtlasPickMap *map)
{
  g_atomic_ref_count_inc (&map->ref_count);
  return map;
}

void
atlas_pick_map_unref (AtlasPickMap *map)
{
  if (!g_atomic_ref_count_dec (&map->ref_count))
    return;

  g_free (map->data);
  g_free (map);
}

void
atlas_diagram_set_pick_map (AtlasDiagram *self,
                            AtlasPickMap *map)
{
  g_clear_pointer (&self->pick, atlas_pick_map_unref);
  self->pick = map;
}

int
atlas_diagram_pick_width (AtlasDiagram *self)
{
  return (int) ceil (self->width * PICK_SCALE);
}

int
atlas_diagram_pick_height (AtlasDiagram *self)
{
  return (int) ceil (self->height * PICK_SCALE);
}

/* Region bounds, gathered from runs of one value along a row: x0, y0, x1, y1 per region. */
double *
atlas_pick_bounds_new (guint n_regions)
{
  double *bounds = g_new (double, 4 * (gsize) n_regions);

  for (guint i = 0; i < n_regions; i++)
    {
      bounds[4 * i + 0] = bounds[4 * i + 1] = G_MAXDOUBLE;
      bounds[4 * i + 2] = bounds[4 * i + 3] = -G_MAXDOUBLE;
    }
  return bounds;
}

void
atlas_diagram_apply_pick_bounds (AtlasDiagram *self,
                                 double       *bounds)
{
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
}

/* Renders the flat-coloured picture in RGB24 (cairo has no 8-bit colour format), then keeps one
 * value per pixel and lets the four-byte surface go at once. Rendering in strips of rows would
 * avoid holding the whole surface for that moment (about 5 MB for the front view), but librsvg
 * walks the whole document for every strip: measured on the front view, 2 strips cost 10% more
 * instructions and 5 strips 33% more, for 2.7 and 3.3 MB less peak memory. A rebuild happens
 * while the user waits (the first click after a posture step), and the built-in diagrams no
 * longer build theirs at start-up, so one render it is. */
gboolean
atlas_diagram_build_pick_map (AtlasDiagram  *self,
                              GError       **error)
{
  g_autofree char *css = pick_css (self);
  RsvgHandle *handle = atlas_diagram_new_handle (self, css, strlen (css), error);
  RsvgRectangle viewport = { 0, 0, self->width, self->height };
  int width = atlas_diagram_pick_width (self);
  int height = atlas_diagram_pick_height (self);
  guint n_regions = self->regions->len;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  const guint8 *data;
  int stride;
  double *bounds;
  AtlasPickMap *map;

  if (handle == NULL)
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
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

  /* One pass converts the map and gives every region the bounds of what is visible of it.
   * A colour that is no region's (none should be) reads as no region, as it always has. */
  map = atlas_pick_map_new (width, height, n_regions);
  bounds = atlas_pick_bounds_new (n_regions);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);
      gsize out = (gsize) y * (gsize) width;
      int x = 0;

      while (x < width)
        {
          guint32 colour = row[x] & 0xffffff;
          int start = x;

          while (x < width && (row[x] & 0xffffff) == colour)
            x++;
          if (colour == 0 || colour > n_regions)
            continue;

          atlas_pick_map_fill (map, out + (gsize) start, x - start, colour);
          atlas_pick_bounds_add_run (bounds, colour, start, x, y);
        }
    }
  cairo_surface_destroy (surface);

  atlas_diagram_set_pick_map (self, map);
  self->pick_precomputed = FALSE;
  atlas_diagram_apply_pick_bounds (self, bounds);
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
  guint value;
  int px, py;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  atlas_diagram_ensure_pick_map (self);

  /* The comparisons also reject NaN. */
  if (!(x >= 0 && y >= 0 && x < self->width && y < self->height))
    return NULL;

  px = (int) (x * PICK_SCALE);
  py = (int) (y * PICK_SCALE);
  if (px >= self->pick->width || py >= self->pick->height)
    return NULL;

  value = atlas_pick_map_get (self->pick, px, py);
  if (value == 0 || value > self->regions->len)
    return NULL;

  return g_ptr_array_index (self->regions, value - 1);
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
