/* atlas-diagram-view-private.h — what the files of the diagram canvas share.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AtlasDiagramView is one widget written in several files, each owning one concern:
 *
 *   atlas-diagram-view.c           the widget: zoom, pan, focus, properties, layer order
 *   atlas-diagram-view-input.c     pointer, stylus, pinch, scroll and keys; the view's actions
 *   atlas-diagram-view-geometry.c  document ↔ widget coordinates, the fit, hit testing
 *   atlas-diagram-view-render.c    the cached base picture, the cross-fade and the posture
 *                                  morph, highlights
 *   atlas-diagram-view-labels.c    labels and their leader lines
 *   atlas-diagram-view-selection.c hover and selection, tooltips, the screen reader's text
 *   atlas-diagram-view-lessons.c   what the quiz and the tour ask of the view
 *   atlas-diagram-view-marks.c     what the user draws on the diagram, and the drawing mode
 *
 * Only these files include this header; everyone else uses atlas-diagram-view.h.
 */
#pragma once

#include <adwaita.h>

#include "atlas-diagram-view.h"
#include "atlas-label-layout.h"
#include "atlas-marks.h"

G_BEGIN_DECLS

#define EDGE_PADDING   16.0   /* between the widget's edge and the drawing area */
#define LEADER_SPACE   28.0   /* between a label column and what its leaders point at */
#define BAND_LEADER    14.0   /* between a band of labels and the drawing */
#define OSD_SPACE      70.0   /* kept free at the bottom for the on-canvas controls when labels are in bands */
#define WIDE_DRAWING   1.15   /* content this much wider than tall has its labels above and below */

typedef struct
{
  GdkTexture      *texture;
  double           scale;   /* texture pixels per document unit */
  graphene_rect_t  rect;    /* what part of the document it shows */
} AtlasDiagramViewCache;

struct _AtlasDiagramView
{
  GtkWidget     parent_instance;

  AtlasDiagram *diagrams[2];
  AtlasContent *content;
  guint         n_states;
  guint         state;
  guint         fade_from;
  AdwAnimation *fade;
  gboolean      morphable;   /* two postures of identical structure: the first morphs into the second */
  double        morph;       /* 0 = the first posture, 1 = the second */
  AdwAnimation *morph_animation;

  double        zoom;        /* 1.0 = the whole drawing fits */
  double        top_inset;   /* room kept free at the top, e.g. for the tour's caption */
  double        drawing_inset; /* and while drawing, for the drawing toolbar */
  GtkWidget    *bottom_obstacle; /* weak: a card over the bottom that labels keep above */
  double        bottom_inset; /* height of the controls over the bottom-right corner… */
  double        bottom_inset_width; /* …and their width: labels keep clear of them */
  double        center_x;    /* the document point at the centre of the drawing area */
  double        center_y;

  char         *selected;
  char         *hovered;
  GHashTable   *weights;     /* region id → 0..1, from the symptom checklist */
  GStrv         emphasis;    /* structures outlined for the exercise being read */

  gboolean      show_labels;
  gboolean      hide_names;  /* during a quiz: no labels, no tooltips */
  GPtrArray    *label_regions;   /* const AtlasRegion*, of the current state */
  GPtrArray    *label_layouts;   /* PangoLayout*, parallel to label_regions */
  AtlasLabel   *labels;
  double        label_column;    /* width of each label column */
  double        label_wrap;      /* the width labels wrap at, chosen for the widget's width */
  double        label_wrap_base; /* the wrap width the view's width asks for, before a long word widened it */

  AtlasDiagramViewCache cache[2];
  guint         settle_id;
  guint         base_renders;

  /* Drawing (atlas-diagram-view-marks.c) */
  AtlasMarks   *marks;        /* this view's own, in document coordinates */
  AtlasMark    *mark;         /* the one being drawn, not yet in marks */
  gboolean      drawing;      /* the drawing mode: the pointer draws instead of panning */
  char         *draw_tool;    /* "pen", "arrow", "ellipse", "note" or "eraser" */
  AtlasMarkColour draw_colour;
  gboolean      stylus_eraser; /* the pen is turned over: its end erases */
  double        last_x;       /* the last point added to a stroke, in widget coordinates */
  double        last_y;
  GtkWidget    *note_popover;
  GtkWidget    *note_entry;
  double        note_x;       /* where the note being typed goes, in document coordinates */
  double        note_y;

  /* Gesture state */
  double        drag_center_x;
  double        drag_center_y;
  gboolean      dragged;
  double        pinch_zoom;
  double        pointer_x;
  double        pointer_y;
};

enum {
  PROP_0,
  PROP_SELECTED_REGION,
  PROP_HOVERED_REGION,
  PROP_ZOOM,
  PROP_SHOW_LABELS,
  PROP_SHOW_NERVES,
  PROP_STATE,
  PROP_N_STATES,
  PROP_MORPH,
  PROP_DRAWING,
  PROP_DRAW_TOOL,
  PROP_DRAW_COLOUR,
  N_PROPS
};

static inline AtlasDiagram *
_atlas_diagram_view_current_diagram (AtlasDiagramView *self)
{
  if (self->morphable)
    return self->diagrams[0];
  return self->n_states > 0 ? self->diagrams[self->state] : NULL;
}

/* Which state's cached picture is shown: a morphing view draws its one moving diagram. */
static inline guint
_atlas_diagram_view_shown_state (AtlasDiagramView *self)
{
  return self->morphable ? 0 : self->state;
}

/* atlas-diagram-view.c */
void               _atlas_diagram_view_notify              (AtlasDiagramView *self,
                                                            guint             prop_id);

/* atlas-diagram-view-input.c */
void               _atlas_diagram_view_input_class_init    (GtkWidgetClass   *widget_class);
void               _atlas_diagram_view_input_init          (AtlasDiagramView *self);

/* atlas-diagram-view-geometry.c */
void               _atlas_diagram_view_drawing_area        (AtlasDiagramView *self,
                                                            graphene_rect_t  *area);
double             _atlas_diagram_view_get_scale           (AtlasDiagramView *self);
void               _atlas_diagram_view_clamp_center        (AtlasDiagramView *self);
gboolean           _atlas_diagram_view_visible_doc_rect    (AtlasDiagramView *self,
                                                            graphene_rect_t  *rect);
const AtlasRegion *_atlas_diagram_view_region_at           (AtlasDiagramView *self,
                                                            double            x,
                                                            double            y);

/* atlas-diagram-view-render.c */
void               _atlas_diagram_view_changed             (AtlasDiagramView *self,
                                                            gboolean          zooming);
void               _atlas_diagram_view_clear_cache         (AtlasDiagramView *self,
                                                            guint             state);
void               _atlas_diagram_view_invalidate_caches   (AtlasDiagramView *self);
void               _atlas_diagram_view_update_style        (AtlasDiagramView *self);
void               _atlas_diagram_view_cross_fade          (AtlasDiagramView *self);
void               _atlas_diagram_view_apply_morph         (AtlasDiagramView *self,
                                                            double            morph);
void               _atlas_diagram_view_animate_morph       (AtlasDiagramView *self,
                                                            double            to);
void               _atlas_diagram_view_snapshot_base       (AtlasDiagramView *self,
                                                            GtkSnapshot      *snapshot);
void               _atlas_diagram_view_snapshot_highlights (AtlasDiagramView *self,
                                                            GtkSnapshot      *snapshot);

/* atlas-diagram-view-labels.c */
void               _atlas_diagram_view_clear_labels        (AtlasDiagramView *self);
void               _atlas_diagram_view_labels_resized      (AtlasDiagramView *self,
                                                            int               width);
double             _atlas_diagram_view_label_space         (AtlasDiagramView *self);
void               _atlas_diagram_view_layout_labels       (AtlasDiagramView *self);
gboolean           _atlas_diagram_view_labels_in_bands     (AtlasDiagramView *self);
double            _atlas_diagram_view_labels_bottom (AtlasDiagramView *self,
                                                     double            x0,
                                                     double            x1);
double             _atlas_diagram_view_band_space          (AtlasDiagramView *self,
                                                            double            width);
void               _atlas_diagram_view_leader_target       (AtlasDiagramView *self,
                                                            const AtlasLabel *label,
                                                            double           *x,
                                                            double           *y);
void               _atlas_diagram_view_snapshot_labels     (AtlasDiagramView *self,
                                                            GtkSnapshot      *snapshot);

/* atlas-diagram-view-marks.c */
void               _atlas_diagram_view_marks_init          (AtlasDiagramView *self);
void               _atlas_diagram_view_marks_dispose       (AtlasDiagramView *self);
void               _atlas_diagram_view_marks_allocate      (AtlasDiagramView *self);
void               _atlas_diagram_view_marks_begin         (AtlasDiagramView *self,
                                                            double            x,
                                                            double            y);
void               _atlas_diagram_view_marks_update        (AtlasDiagramView *self,
                                                            double            x,
                                                            double            y);
void               _atlas_diagram_view_marks_end           (AtlasDiagramView *self);
void               _atlas_diagram_view_marks_update_actions (AtlasDiagramView *self);
void               _atlas_diagram_view_snapshot_marks      (AtlasDiagramView *self,
                                                            GtkSnapshot      *snapshot);
/* atlas-diagram-view-lessons.c */
gboolean           _atlas_diagram_view_arrows_step         (AtlasDiagramView *self);

/* atlas-diagram-view-selection.c */
const AtlasRegion *_atlas_diagram_view_get_selected        (AtlasDiagramView *self);
void               _atlas_diagram_view_update_accessible_description (AtlasDiagramView *self);
void               _atlas_diagram_view_step                (AtlasDiagramView *self,
                                                            int               delta);
void               _atlas_diagram_view_choose_highlighted  (AtlasDiagramView *self);
gboolean           _atlas_diagram_view_query_tooltip_cb    (AtlasDiagramView *self,
                                                            int               x,
                                                            int               y,
                                                            gboolean          keyboard,
                                                            GtkTooltip       *tooltip);

double        _atlas_diagram_view_get_top_inset      (AtlasDiagramView *self);

G_END_DECLS
