/* atlas-diagram.h — one diagram: a validated SVG, its regions, anchors, pick map and morph.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_DIAGRAM_ERROR (atlas_diagram_error_quark ())

typedef enum
{
  ATLAS_DIAGRAM_ERROR_PARSE,
  ATLAS_DIAGRAM_ERROR_TOO_LARGE,
  ATLAS_DIAGRAM_ERROR_NESTING,
  ATLAS_DIAGRAM_ERROR_EXTERNAL_REFERENCE,
  ATLAS_DIAGRAM_ERROR_FORBIDDEN,
  ATLAS_DIAGRAM_ERROR_DUPLICATE_ID,
  ATLAS_DIAGRAM_ERROR_MISSING_ID,
  ATLAS_DIAGRAM_ERROR_ANCHOR,
  ATLAS_DIAGRAM_ERROR_DIMENSIONS,
  ATLAS_DIAGRAM_ERROR_RENDER,
  ATLAS_DIAGRAM_ERROR_MORPH,
} AtlasDiagramError;

typedef enum
{
  ATLAS_SIDE_NONE,
  ATLAS_SIDE_LEFT,
  ATLAS_SIDE_RIGHT,
} AtlasSide;

typedef enum
{
  ATLAS_DIAGRAM_STYLE_LIGHT,
  ATLAS_DIAGRAM_STYLE_DARK,
  ATLAS_DIAGRAM_STYLE_CONTRAST,
} AtlasDiagramStyle;

typedef enum
{
  ATLAS_HIGHLIGHT_HOVER,
  ATLAS_HIGHLIGHT_SELECTED,
  ATLAS_HIGHLIGHT_SYMPTOM,
  ATLAS_HIGHLIGHT_FOCUS,
  ATLAS_HIGHLIGHT_FOCUS_HALO,  /* painted under FOCUS so its dashes read on any colour */
  ATLAS_N_HIGHLIGHTS
} AtlasHighlight;

/* Limits on what a diagram file may be. Anything past them is refused, not truncated. */
#define ATLAS_DIAGRAM_MAX_BYTES    (8 * 1024 * 1024)
#define ATLAS_DIAGRAM_MAX_DEPTH    48
#define ATLAS_DIAGRAM_MAX_ELEMENTS 50000
#define ATLAS_DIAGRAM_MAX_SIDE     20000.0
#define ATLAS_DIAGRAM_MAX_REGIONS  4000

typedef struct
{
  char      *id;         /* "psoas-major-left" */
  char      *structure;  /* "psoas-major": the id without its side, as the content names it */
  AtlasSide  side;
  char      *family;     /* "muscle", "bone", … */
  char      *layer;      /* "nerves" for regions in <g id="layer-nerves">, else NULL */
  double     anchor_x;   /* label anchor, document units */
  double     anchor_y;
  double     x, y, width, height; /* bounds of what is visible of it, document units */
  guint      index;      /* position in painter's order, from 0 */
} AtlasRegion;

#define ATLAS_TYPE_DIAGRAM (atlas_diagram_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDiagram, atlas_diagram, ATLAS, DIAGRAM, GObject)

GQuark             atlas_diagram_error_quark       (void);

AtlasDiagram      *atlas_diagram_new_from_file     (GFile              *file,
                                                    const char * const *required_ids,
                                                    GError            **error);
AtlasDiagram      *atlas_diagram_new_from_bytes    (GBytes             *bytes,
                                                    GFile              *file,
                                                    const char * const *required_ids,
                                                    GError            **error);
AtlasDiagram      *atlas_diagram_new_shared        (GFile              *file,
                                                    const char * const *required_ids,
                                                    GError            **error);

GFile             *atlas_diagram_get_file          (AtlasDiagram       *self);
double             atlas_diagram_get_width         (AtlasDiagram       *self);
double             atlas_diagram_get_height        (AtlasDiagram       *self);

guint              atlas_diagram_get_n_regions     (AtlasDiagram       *self);
const AtlasRegion *atlas_diagram_get_region        (AtlasDiagram       *self,
                                                    guint               index);
const AtlasRegion *atlas_diagram_lookup_region     (AtlasDiagram       *self,
                                                    const char         *id);
gboolean           atlas_diagram_region_is_visible (AtlasDiagram       *self,
                                                    const AtlasRegion  *region);

void               atlas_diagram_get_content_bounds (AtlasDiagram     *self,
                                                     double           *x,
                                                     double           *y,
                                                     double           *width,
                                                     double           *height);

const AtlasRegion *atlas_diagram_pick              (AtlasDiagram       *self,
                                                    double              x,
                                                    double              y);

AtlasDiagramStyle  atlas_diagram_get_style         (AtlasDiagram       *self);
void               atlas_diagram_set_style         (AtlasDiagram       *self,
                                                    AtlasDiagramStyle   style);
gboolean           atlas_diagram_get_layer_visible (AtlasDiagram       *self,
                                                    const char         *layer);
void               atlas_diagram_set_layer_visible (AtlasDiagram       *self,
                                                    const char         *layer,
                                                    gboolean            visible);
const char * const *atlas_diagram_get_layers       (AtlasDiagram       *self);

GObject           *atlas_diagram_get_picture       (AtlasDiagram       *self);
gboolean           atlas_diagram_render            (AtlasDiagram       *self,
                                                    cairo_t            *cr,
                                                    GError            **error);
gboolean           atlas_diagram_render_highlight  (AtlasDiagram       *self,
                                                    cairo_t            *cr,
                                                    const char         *region_id,
                                                    AtlasHighlight      kind,
                                                    double              strength,
                                                    GError            **error);

gboolean           atlas_diagram_set_morph_target  (AtlasDiagram       *self,
                                                    AtlasDiagram       *target,
                                                    GError            **error);
gboolean           atlas_diagram_has_morph_target  (AtlasDiagram       *self);
void               atlas_diagram_set_morph         (AtlasDiagram       *self,
                                                    double              t);
double             atlas_diagram_get_morph         (AtlasDiagram       *self);
gboolean           atlas_diagram_get_anchors_at    (AtlasDiagram       *self,
                                                    double              t,
                                                    double             *anchors);

G_END_DECLS
