/* atlas-diagram-private.h — what the files of AtlasDiagram share.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AtlasDiagram is split by capability: atlas-diagram.c (the model, styles and rendering),
 * atlas-diagram-scan.c (the first pass that enforces the rules and limits), atlas-pick-map.c
 * (hit testing and bounds) and atlas-diagram-morph.c (moving between two postures).
 */
#pragma once

#include <string.h>

#include <librsvg/rsvg.h>

#include "atlas-diagram.h"

G_BEGIN_DECLS

/* Pick map resolution in pixels per document unit: one unit is already finer than a pointer. */
#define PICK_SCALE 1.0

typedef struct _AtlasDiagramMorph AtlasDiagramMorph;

/* A pick map: one value per pixel, the region's index + 1 (0 where no region is). One byte per
 * pixel while the diagram has at most 254 regions, two bytes past that. It never changes once
 * made, so diagrams copied from one loaded diagram share it until one of them rebuilds its own
 * (a hidden layer, a posture). */
typedef struct
{
  gatomicrefcount  ref_count;
  int              width;
  int              height;
  guint            bytes_per_pixel;  /* 1 or 2 */
  guint8          *data;             /* width × height × bytes_per_pixel, rows without padding */
} AtlasPickMap;

#define ATLAS_PICK_MAP_MAX_8BIT 255u

/* Widens a region's bounds (x0, y0, x1, y1 per region) by a run of pixels [x0, x1) of row y. */
static inline void
atlas_pick_bounds_add_run (double *bounds,
                           guint   value,
                           int     x0,
                           int     x1,
                           int     y)
{
  double *b = &bounds[4 * (gsize) (value - 1)];

  b[0] = MIN (b[0], x0);
  b[1] = MIN (b[1], y);
  b[2] = MAX (b[2], x1);
  b[3] = MAX (b[3], y + 1);
}

static inline guint
atlas_pick_map_get (const AtlasPickMap *map,
                    int                 x,
                    int                 y)
{
  gsize i = (gsize) y * (gsize) map->width + (gsize) x;

  if (map->bytes_per_pixel == 1)
    return map->data[i];
  return ((const guint16 *) map->data)[i];
}

/* Sets @length pixels from pixel @start (counted along the rows) to @value. */
static inline void
atlas_pick_map_fill (AtlasPickMap *map,
                     gsize         start,
                     gsize         length,
                     guint         value)
{
  if (map->bytes_per_pixel == 1)
    memset (map->data + start, (int) value, length);
  else
    for (gsize i = 0; i < length; i++)
      ((guint16 *) map->data)[start + i] = (guint16) value;
}

struct _AtlasDiagram
{
  GObject            parent_instance;

  GFile             *file;
  GBytes            *bytes;
  double             width;
  double             height;

  GPtrArray         *regions;      /* AtlasRegion*, in painter's order */
  GHashTable        *by_id;        /* id → AtlasRegion* */
  GStrv              layers;       /* names of the <g class="layer"> groups */
  GHashTable        *hidden_layers;

  AtlasDiagramStyle  style;
  RsvgHandle        *handle;       /* the picture, with the palette for the current style */
  RsvgHandle        *highlight[ATLAS_N_HIGHLIGHTS];

  AtlasPickMap      *pick;         /* shared with copies of this diagram until one rebuilds */
  gboolean           pick_stale;   /* the drawing moved (a morph): rebuild before the next read */
  gboolean           pick_precomputed; /* the map came from the build's .pick file */

  AtlasDiagram      *shared;       /* the loaded diagram this one was copied from: it owns the
                                    * regions' strings, which the copy's regions point to */

  AtlasDiagramMorph *morph;        /* NULL unless a morph target is set */
  double             morph_t;
};

typedef struct
{
  char   *id;
  double  x;
  double  y;
  int     line;
} Anchor;

typedef struct
{
  GMarkupParseContext *context;
  const char          *name;         /* for messages */
  guint                depth;
  guint                n_elements;
  GHashTable          *ids;          /* every id seen */
  GPtrArray           *regions;
  GPtrArray           *anchors;      /* Anchor* */
  GPtrArray           *layers;
  /* Per open element: whether it or an ancestor is a region, a layer, or transformed. */
  GArray              *region_depths;
  GArray              *layer_stack;  /* char* names, NULL where the element is not a layer */
  GArray              *transformed;  /* gboolean per depth */
  double               width;
  double               height;
} Scan;

/* atlas-diagram-scan.c */
void        atlas_region_free                  (gpointer           data);
gboolean    atlas_diagram_scan                 (Scan              *scan,
                                                GBytes            *bytes,
                                                GError           **error);
void        atlas_diagram_scan_clear           (Scan              *scan);

/* atlas-diagram.c */
char       *atlas_diagram_display_name         (GFile             *file);
gboolean    atlas_diagram_check_required       (AtlasDiagram      *self,
                                                const char        *name,
                                                const char * const *required_ids,
                                                GError           **error);
const char *atlas_diagram_palette_css          (AtlasDiagramStyle  style);
void        atlas_diagram_append_hidden_layers (AtlasDiagram      *self,
                                                GString           *css);
void        atlas_diagram_restyle              (AtlasDiagram      *self);
RsvgHandle *atlas_diagram_new_handle           (AtlasDiagram      *self,
                                                const char        *css,
                                                gsize              css_len,
                                                GError           **error);

/* atlas-pick-map.c */
AtlasPickMap *atlas_pick_map_new               (int                width,
                                                int                height,
                                                guint              n_regions);
AtlasPickMap *atlas_pick_map_ref               (AtlasPickMap      *map);
void        atlas_pick_map_unref               (AtlasPickMap      *map);
void        atlas_diagram_set_pick_map         (AtlasDiagram      *self,
                                                AtlasPickMap      *map);
double     *atlas_pick_bounds_new              (guint              n_regions);
void        atlas_diagram_apply_pick_bounds    (AtlasDiagram      *self,
                                                double            *bounds);
int         atlas_diagram_pick_width           (AtlasDiagram      *self);
int         atlas_diagram_pick_height          (AtlasDiagram      *self);
gboolean    atlas_diagram_build_pick_map       (AtlasDiagram      *self,
                                                GError           **error);
void        atlas_diagram_ensure_pick_map      (AtlasDiagram      *self);

/* atlas-pick-cache.c */
gboolean    atlas_diagram_use_pick_cache       (AtlasDiagram      *self,
                                                GBytes            *cache);

/* atlas-diagram-morph.c */
void        atlas_diagram_morph_free           (AtlasDiagramMorph *morph);
gboolean    atlas_diagram_morph_get_bounds     (AtlasDiagram      *self,
                                                double            *bounds);

G_END_DECLS
