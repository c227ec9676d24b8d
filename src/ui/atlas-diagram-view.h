/* atlas-diagram-view.h — the interactive diagram canvas: zoom, pan, hover, select, labels.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-content.h"
#include "atlas-diagram.h"
#include "atlas-marks.h"

G_BEGIN_DECLS

#define ATLAS_DIAGRAM_VIEW_MIN_ZOOM 0.5
#define ATLAS_DIAGRAM_VIEW_MAX_ZOOM 12.0

#define ATLAS_TYPE_DIAGRAM_VIEW (atlas_diagram_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDiagramView, atlas_diagram_view, ATLAS, DIAGRAM_VIEW, GtkWidget)

GtkWidget    *atlas_diagram_view_new                 (void);
void          atlas_diagram_view_set_diagrams        (AtlasDiagramView  *self,
                                                      AtlasDiagram     **diagrams,
                                                      guint              n_diagrams);
AtlasDiagram *atlas_diagram_view_get_diagram         (AtlasDiagramView  *self);
void          atlas_diagram_view_set_reveal_names    (AtlasDiagramView  *self,
                                                      gboolean           reveal);
gboolean      atlas_diagram_view_get_reveal_names    (AtlasDiagramView  *self);
void          atlas_diagram_view_set_bottom_obstacle (AtlasDiagramView  *self,
                                                      GtkWidget         *obstacle);
void          atlas_diagram_view_set_drawing_inset   (AtlasDiagramView  *self,
                                                      double             inset);
void          atlas_diagram_view_set_top_inset       (AtlasDiagramView  *self,
                                                      double             inset);
void          atlas_diagram_view_set_bottom_inset    (AtlasDiagramView  *self,
                                                      double             height,
                                                      double             width);
void          atlas_diagram_view_set_content         (AtlasDiagramView  *self,
                                                      AtlasContent      *content);
guint         atlas_diagram_view_get_n_states        (AtlasDiagramView  *self);
guint         atlas_diagram_view_get_state           (AtlasDiagramView  *self);
void          atlas_diagram_view_set_state           (AtlasDiagramView  *self,
                                                      guint              state);
gboolean      atlas_diagram_view_is_morphable        (AtlasDiagramView  *self);
double        atlas_diagram_view_get_morph           (AtlasDiagramView  *self);
void          atlas_diagram_view_set_morph           (AtlasDiagramView  *self,
                                                      double             morph);
AtlasContent *atlas_diagram_view_get_content         (AtlasDiagramView  *self);

const char   *atlas_diagram_view_get_selected_region (AtlasDiagramView  *self);
void          atlas_diagram_view_set_selected_region (AtlasDiagramView  *self,
                                                      const char        *region_id);
const char   *atlas_diagram_view_get_hovered_region  (AtlasDiagramView  *self);
void          atlas_diagram_view_set_hovered_region  (AtlasDiagramView  *self,
                                                      const char        *region_id);

double        atlas_diagram_view_get_zoom            (AtlasDiagramView  *self);
void          atlas_diagram_view_set_zoom            (AtlasDiagramView  *self,
                                                      double             zoom);
void          atlas_diagram_view_zoom_at             (AtlasDiagramView  *self,
                                                      double             zoom,
                                                      double             widget_x,
                                                      double             widget_y);
void          atlas_diagram_view_pan                 (AtlasDiagramView  *self,
                                                      double             dx,
                                                      double             dy);
void          atlas_diagram_view_zoom_to_fit         (AtlasDiagramView  *self);
void          atlas_diagram_view_reveal_region       (AtlasDiagramView  *self,
                                                      const char        *region_id);

gboolean      atlas_diagram_view_get_show_labels     (AtlasDiagramView  *self);
void          atlas_diagram_view_set_show_labels     (AtlasDiagramView  *self,
                                                      gboolean           show);
gboolean      atlas_diagram_view_get_show_nerves     (AtlasDiagramView  *self);
void          atlas_diagram_view_set_show_nerves     (AtlasDiagramView  *self,
                                                      gboolean           show);
void          atlas_diagram_view_set_region_weights  (AtlasDiagramView  *self,
                                                      GHashTable        *weights);
double        atlas_diagram_view_get_region_weight   (AtlasDiagramView  *self,
                                                      const char        *region_id);
void          atlas_diagram_view_set_emphasis        (AtlasDiagramView  *self,
                                                      const char * const *structures);
const char * const *atlas_diagram_view_get_emphasis  (AtlasDiagramView  *self);

AtlasMarks   *atlas_diagram_view_get_marks           (AtlasDiagramView  *self);
gboolean      atlas_diagram_view_get_drawing         (AtlasDiagramView  *self);
void          atlas_diagram_view_set_drawing         (AtlasDiagramView  *self,
                                                      gboolean           drawing);
const char   *atlas_diagram_view_get_draw_tool       (AtlasDiagramView  *self);
void          atlas_diagram_view_set_draw_tool       (AtlasDiagramView  *self,
                                                      const char        *tool);
const char   *atlas_diagram_view_get_draw_colour     (AtlasDiagramView  *self);
void          atlas_diagram_view_set_draw_colour     (AtlasDiagramView  *self,
                                                      const char        *colour);
void          atlas_diagram_view_add_note            (AtlasDiagramView  *self,
                                                      double             doc_x,
                                                      double             doc_y,
                                                      const char        *text);

void          atlas_diagram_view_doc_to_widget       (AtlasDiagramView  *self,
                                                      double             doc_x,
                                                      double             doc_y,
                                                      double            *widget_x,
                                                      double            *widget_y);
void          atlas_diagram_view_widget_to_doc       (AtlasDiagramView  *self,
                                                      double             widget_x,
                                                      double             widget_y,
                                                      double            *doc_x,
                                                      double            *doc_y);

const char   *atlas_diagram_view_pick                (AtlasDiagramView  *self,
                                                      double             x,
                                                      double             y);

/* For tests and benchmarks: how the view spends its time. */
guint         atlas_diagram_view_get_base_renders    (AtlasDiagramView  *self);
guint         atlas_diagram_view_get_renders_in_process (void);
double        atlas_diagram_view_get_cache_scale     (AtlasDiagramView  *self);
guint         atlas_diagram_view_get_n_visible_labels (AtlasDiagramView *self);
gboolean      atlas_diagram_view_get_label_bounds    (AtlasDiagramView  *self,
                                                      guint              index,
                                                      const char       **region_id,
                                                      graphene_rect_t   *bounds);
gboolean      atlas_diagram_view_get_label_leader    (AtlasDiagramView  *self,
                                                      guint              index,
                                                      double            *x,
                                                      double            *y);
gboolean      atlas_diagram_view_get_labels_in_bands (AtlasDiagramView  *self);

G_END_DECLS
