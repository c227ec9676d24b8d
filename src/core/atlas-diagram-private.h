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

#include <librsvg/rsvg.h>

#include "atlas-diagram.h"

G_BEGIN_DECLS

/* Pick map resolution in pixels per document unit: one unit is already finer than a pointer. */
#define PICK_SCALE 1.0

typedef struct _AtlasDiagramMorph AtlasDiagramMorph;

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

  cairo_surface_t   *pick;         /* RGB24; the colour is the region's index + 1 */
  int                pick_width;
  int                pick_height;
  gboolean           pick_stale;   /* the drawing moved (a morph): rebuild before the next read */

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
const char *atlas_diagram_palette_css          (AtlasDiagramStyle  style);
void        atlas_diagram_append_hidden_layers (AtlasDiagram      *self,
                                                GString           *css);
void        atlas_diagram_restyle              (AtlasDiagram      *self);
RsvgHandle *atlas_diagram_new_handle           (AtlasDiagram      *self,
                                                const char        *css,
                                                gsize              css_len,
                                                GError           **error);

/* atlas-pick-map.c */
gboolean    atlas_diagram_build_pick_map       (AtlasDiagram      *self,
                                                GError           **error);
void        atlas_diagram_ensure_pick_map      (AtlasDiagram      *self);

/* atlas-diagram-morph.c */
void        atlas_diagram_morph_free           (AtlasDiagramMorph *morph);
gboolean    atlas_diagram_morph_get_bounds     (AtlasDiagram      *self,
                                                double            *bounds);

G_END_DECLS
