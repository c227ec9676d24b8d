/* atlas-diagram-view.c — the interactive diagram canvas: zoom, pan, hover, select, labels.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing is layered so that no frame re-renders the whole document:
 *
 *  1. The base picture is rendered once into a texture that covers the visible part of the
 *     drawing (and a margin around it) at the current zoom and device scale. While a zoom is in
 *     progress the old texture is stretched; once the zoom has settled for a moment the
 *     texture is rendered again, sharp. Panning within the margin costs nothing.
 *  2. Symptom, selection and hover highlights are painted on top, each by rendering only that
 *     region's element (atlas_diagram_render_highlight), clipped to the visible area.
 *  3. Labels and their leader lines are text and lines drawn by GTK; their layout comes from
 *     the core (atlas_label_layout) and only changes when the view moves.
 *
 * Hit testing never renders: a pointer position becomes a document position and one pixel of
 * the diagram's pick map.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "atlas-diagram-view.h"
#include "atlas-label-layout.h"
#include "atlas-structures.h"

#define LABEL_GAP       4.0
#define LABEL_PADDING   6.0
#define LEADER_SPACE   28.0
#define EDGE_PADDING   16.0
#define MAX_LABEL_WIDTH 170.0
#define MIN_LABEL_WIDTH 100.0
#define ZOOM_STEP       1.25
#define PAN_STEP       60.0
#define SETTLE_MS      140
#define MAX_CACHE_SIDE 4096.0
#define FADE_MS        450

typedef struct
{
  GdkTexture      *texture;
  double           scale;   /* texture pixels per document unit */
  graphene_rect_t  rect;    /* what part of the document it shows */
} Cache;

struct _AtlasDiagramView
{
  GtkWidget     parent_instance;

  AtlasDiagram *diagrams[2];
  AtlasContent *content;
  guint         n_states;
  guint         state;
  guint         fade_from;
  AdwAnimation *fade;

  double        zoom;        /* 1.0 = the whole drawing fits */
  double        top_inset;   /* room kept free at the top, e.g. for the tour's caption */
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

  Cache         cache[2];
  guint         settle_id;
  guint         base_renders;

  /* Gesture state */
  double        drag_center_x;
  double        drag_center_y;
  gboolean      dragged;
  double        pinch_zoom;
  double        pointer_x;
  double        pointer_y;
};

G_DEFINE_FINAL_TYPE (AtlasDiagramView, atlas_diagram_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_REGION,
  PROP_HOVERED_REGION,
  PROP_ZOOM,
  PROP_SHOW_LABELS,
  PROP_SHOW_NERVES,
  PROP_STATE,
  PROP_N_STATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Geometry                                                                                   */

static AtlasDiagram *
current_diagram (AtlasDiagramView *self)
{
  return self->n_states > 0 ? self->diagrams[self->state] : NULL;
}

static void ensure_label_layouts (AtlasDiagramView *self);

static void
drawing_area (AtlasDiagramView *self,
              graphene_rect_t  *area)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  graphene_rect_init (area, EDGE_PADDING, EDGE_PADDING + self->top_inset,
                      MAX (1, width - 2 * EDGE_PADDING), MAX (1, height - 2 * EDGE_PADDING - self->top_inset));
}

/* How much room each label column takes beside the drawing's content. */
static double
label_space (AtlasDiagramView *self)
{
  if (!self->show_labels || self->hide_names)
    return 0;

  ensure_label_layouts (self);
  return MIN (self->label_column + LEADER_SPACE, gtk_widget_get_width (GTK_WIDGET (self)) * 0.3);
}

static double
fit_scale (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = current_diagram (self);
  graphene_rect_t area;
  double cx, x, y, w, h, half;

  if (diagram == NULL)
    return 1.0;

  drawing_area (self, &area);
  if (!self->show_labels || self->hide_names)
    return MIN (area.size.width / atlas_diagram_get_width (diagram),
                area.size.height / atlas_diagram_get_height (diagram));

  /* With labels, the structures (not the empty margin around them) and a label column on
   * each side must fit across; labels may sit over the drawing's own blank margin. */
  atlas_diagram_get_content_bounds (diagram, &x, &y, &w, &h);
  cx = atlas_diagram_get_width (diagram) / 2;
  half = MAX (cx - x, x + w - cx);
  return MAX (1e-3, MIN ((area.size.width / 2 - label_space (self)) / MAX (half, 1),
                         area.size.height / atlas_diagram_get_height (diagram)));
}

static double
view_scale (AtlasDiagramView *self)
{
  return fit_scale (self) * self->zoom;
}

void
atlas_diagram_view_doc_to_widget (AtlasDiagramView *self,
                                  double            doc_x,
                                  double            doc_y,
                                  double           *widget_x,
                                  double           *widget_y)
{
  graphene_rect_t area;
  double scale = view_scale (self);

  drawing_area (self, &area);
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
  double scale = view_scale (self);

  drawing_area (self, &area);
  *doc_x = self->center_x + (widget_x - area.origin.x - area.size.width / 2) / scale;
  *doc_y = self->center_y + (widget_y - area.origin.y - area.size.height / 2) / scale;
}

static void
clamp_center (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = current_diagram (self);

  if (diagram == NULL)
    return;

  /* However far the user pans, some of the drawing stays in view. */
  self->center_x = CLAMP (self->center_x, 0, atlas_diagram_get_width (diagram));
  self->center_y = CLAMP (self->center_y, 0, atlas_diagram_get_height (diagram));
}

/* The part of the document the widget shows, clipped to the drawing. */
static gboolean
visible_doc_rect (AtlasDiagramView *self,
                  graphene_rect_t  *rect)
{
  AtlasDiagram *diagram = current_diagram (self);
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

/* ------------------------------------------------------------------------------------------ */
/* The base picture                                                                           */

static void
cache_clear (Cache *cache)
{
  g_clear_object (&cache->texture);
  cache->scale = 0;
}

static void
invalidate_caches (AtlasDiagramView *self)
{
  cache_clear (&self->cache[0]);
  cache_clear (&self->cache[1]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
wanted_cache_scale (AtlasDiagramView *self)
{
  return view_scale (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static gboolean
cache_is_sharp (AtlasDiagramView *self,
                Cache            *cache)
{
  graphene_rect_t visible;

  if (cache->texture == NULL || !visible_doc_rect (self, &visible))
    return FALSE;

  return fabs (cache->scale - wanted_cache_scale (self)) < 1e-6 &&
         graphene_rect_contains_rect (&cache->rect, &visible);
}

static void
render_cache (AtlasDiagramView *self,
              guint             state)
{
  AtlasDiagram *diagram = self->diagrams[state];
  Cache *cache = &self->cache[state];
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  graphene_rect_t visible, doc, rect;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale = wanted_cache_scale (self);
  int width, height;
  double grow_x, grow_y;

  if (!visible_doc_rect (self, &visible))
    return;

  /* Cover the view and as much margin around it as the size limit allows, so that panning
   * and small zoom changes need no new render. */
  graphene_rect_init (&doc, 0, 0, atlas_diagram_get_width (diagram), atlas_diagram_get_height (diagram));
  grow_x = MAX (0, (MAX_CACHE_SIDE / scale - visible.size.width) / 2);
  grow_y = MAX (0, (MAX_CACHE_SIDE / scale - visible.size.height) / 2);
  graphene_rect_inset_r (&visible, -MIN (grow_x, visible.size.width), -MIN (grow_y, visible.size.height), &rect);
  graphene_rect_intersection (&rect, &doc, &rect);
  graphene_rect_round_extents (&rect, &rect);

  width = (int) ceil (rect.size.width * scale);
  height = (int) ceil (rect.size.height * scale);
  if (width <= 0 || height <= 0)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -rect.origin.x, -rect.origin.y);
  if (!atlas_diagram_render (diagram, cr, &error))
    g_warning ("Could not render a diagram: %s", error->message);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&cache->texture);
  cache->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                           cairo_image_surface_get_stride (surface));
  cache->scale = scale;
  cache->rect = rect;
  self->base_renders++;
}

static gboolean
settle_cb (gpointer user_data)
{
  AtlasDiagramView *self = user_data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* The snapshot re-renders whatever is not sharp; removing the timeout marks "settled". */
  return G_SOURCE_REMOVE;
}

/* Called whenever zoom or position change. */
static void
view_changed (AtlasDiagramView *self,
              gboolean          zooming)
{
  if (zooming)
    {
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_cache (AtlasDiagramView *self,
              guint             state)
{
  Cache *cache = &self->cache[state];

  if (cache_is_sharp (self, cache))
    return;

  /* During a zoom gesture the stretched old picture is good enough; render once it settles. */
  if (cache->texture != NULL && self->settle_id != 0)
    return;

  render_cache (self, state);
}

static void
snapshot_cache (AtlasDiagramView *self,
                GtkSnapshot      *snapshot,
                guint             state)
{
  Cache *cache = &self->cache[state];
  double x0, y0, x1, y1;

  ensure_cache (self, state);
  if (cache->texture == NULL)
    return;

  atlas_diagram_view_doc_to_widget (self, cache->rect.origin.x, cache->rect.origin.y, &x0, &y0);
  atlas_diagram_view_doc_to_widget (self, cache->rect.origin.x + cache->rect.size.width,
                                    cache->rect.origin.y + cache->rect.size.height, &x1, &y1);
  gtk_snapshot_append_texture (snapshot, cache->texture, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
}

/* ------------------------------------------------------------------------------------------ */
/* Labels                                                                                     */

static void
clear_labels (AtlasDiagramView *self)
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
  AtlasDiagram *diagram = current_diagram (self);

  if (self->label_regions != NULL || diagram == NULL)
    return;

  self->label_wrap = label_wrap_for_width (gtk_widget_get_width (GTK_WIDGET (self)));
  self->label_regions = atlas_label_choose_regions (diagram);
  self->label_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->labels = g_new0 (AtlasLabel, MAX (1, self->label_regions->len));
  self->label_column = 0;

  for (guint i = 0; i < self->label_regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->label_regions, i);
      g_autofree char *name = atlas_region_dup_short_name (region, self->content);
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), name);
      int width, height;

      pango_layout_set_width (layout, (int) (self->label_wrap * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (layout, &width, &height);
      self->label_column = MAX (self->label_column, width + 2 * LABEL_PADDING);
      g_ptr_array_add (self->label_layouts, layout);
    }
}

static void
layout_labels (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = current_diagram (self);
  graphene_rect_t area;
  double doc_left, doc_right, left_edge, right_edge;
  double content_x, content_y, content_w, content_h;
  guint n;

  if (diagram == NULL)
    return;

  ensure_label_layouts (self);
  n = self->label_regions->len;
  drawing_area (self, &area);

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

  /* The columns hug the structures when they are narrower than the widget, and keep to the
   * widget's edges when zooming makes them wider. */
  atlas_diagram_get_content_bounds (diagram, &content_x, &content_y, &content_w, &content_h);
  atlas_diagram_view_doc_to_widget (self, content_x, 0, &doc_left, NULL);
  atlas_diagram_view_doc_to_widget (self, content_x + content_w, 0, &doc_right, NULL);
  left_edge = MAX (self->label_column, doc_left - LEADER_SPACE);
  right_edge = MIN (gtk_widget_get_width (GTK_WIDGET (self)) - self->label_column, doc_right + LEADER_SPACE);

  atlas_label_layout (self->labels, n,
                      left_edge, right_edge,
                      EDGE_PADDING / 2 + self->top_inset, gtk_widget_get_height (GTK_WIDGET (self)) - EDGE_PADDING / 2,
                      LABEL_GAP);

  /* Labels whose anchors are scrolled out of view have nothing to point at. */
  for (guint i = 0; i < n; i++)
    {
      AtlasLabel *label = &self->labels[i];

      if (label->anchor_x < left_edge || label->anchor_x > right_edge ||
          label->anchor_y < 0 || label->anchor_y > gtk_widget_get_height (GTK_WIDGET (self)))
        label->placed = FALSE;
    }
}

static void
snapshot_labels (AtlasDiagramView *self,
                 GtkSnapshot      *snapshot)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  const AtlasRegion *selected_region = self->selected ? atlas_diagram_lookup_region (current_diagram (self), self->selected) : NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg, accent = { 0.11, 0.44, 0.85, 1.0 };
  GdkRGBA plate = dark ? (GdkRGBA) { 0.14, 0.14, 0.14, 0.82 } : (GdkRGBA) { 1, 1, 1, 0.82 };
  graphene_rect_t bounds;
  cairo_t *cr;
  guint n;

  if (!self->show_labels || self->hide_names || self->label_regions == NULL)
    return;

  n = self->label_regions->len;
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

      if (!label->placed)
        continue;

      if (selected)
        gdk_cairo_set_source_rgba (cr, &accent);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      cairo_set_line_width (cr, selected ? 2.0 : 1.0);
      cairo_move_to (cr, lx, ly);
      cairo_line_to (cr, elbow, ly);
      cairo_line_to (cr, label->anchor_x, label->anchor_y);
      cairo_stroke (cr);
      cairo_arc (cr, label->anchor_x, label->anchor_y, selected ? 3.5 : 2.5, 0, 2 * G_PI);
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

      /* A plate behind the text keeps it legible when zooming brings drawing under it. */
      if (self->zoom > 1.0 || selected)
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

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                    */

static void
paint_highlight (AtlasDiagramView *self,
                 cairo_t          *cr,
                 AtlasDiagram     *diagram,
                 const char       *region_id,
                 AtlasHighlight    kind,
                 double            strength)
{
  g_autoptr(GError) error = NULL;

  if (atlas_diagram_lookup_region (diagram, region_id) == NULL)
    return;

  if (!atlas_diagram_render_highlight (diagram, cr, region_id, kind, strength, &error))
    g_warning ("Could not highlight %s: %s", region_id, error->message);
}

static void
snapshot_highlights (AtlasDiagramView *self,
                     GtkSnapshot      *snapshot)
{
  AtlasDiagram *diagram = current_diagram (self);
  graphene_rect_t visible;
  double x0, y0, x1, y1, scale = view_scale (self);
  gboolean any = self->selected != NULL || self->hovered != NULL || self->emphasis != NULL ||
                 (self->weights != NULL && g_hash_table_size (self->weights) > 0);
  cairo_t *cr;

  if (!any || !visible_doc_rect (self, &visible))
    return;

  atlas_diagram_view_doc_to_widget (self, visible.origin.x, visible.origin.y, &x0, &y0);
  atlas_diagram_view_doc_to_widget (self, visible.origin.x + visible.size.width,
                                    visible.origin.y + visible.size.height, &x1, &y1);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (floor (x0), floor (y0),
                                                                 ceil (x1) - floor (x0), ceil (y1) - floor (y0)));
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  atlas_diagram_view_doc_to_widget (self, 0, 0, &x0, &y0);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);

  if (self->weights != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        paint_highlight (self, cr, diagram, key, ATLAS_HIGHLIGHT_SYMPTOM, *(double *) value);
    }

  if (self->emphasis != NULL)
    {
      for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
        {
          const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

          if (g_strv_contains ((const char * const *) self->emphasis, region->structure) &&
              atlas_diagram_region_is_visible (diagram, region))
            paint_highlight (self, cr, diagram, region->id, ATLAS_HIGHLIGHT_FOCUS, 1.0);
        }
    }

  if (self->selected != NULL)
    paint_highlight (self, cr, diagram, self->selected, ATLAS_HIGHLIGHT_SELECTED, 1.0);

  if (self->hovered != NULL && g_strcmp0 (self->hovered, self->selected) != 0)
    paint_highlight (self, cr, diagram, self->hovered, ATLAS_HIGHLIGHT_HOVER, 1.0);

  cairo_destroy (cr);
}

static void
atlas_diagram_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);
  double progress;

  if (current_diagram (self) == NULL)
    return;

  if (self->show_labels && !self->hide_names)
    layout_labels (self);

  progress = self->fade != NULL ? adw_animation_get_value (self->fade) : 1.0;
  if (progress < 1.0 && self->fade_from != self->state)
    {
      gtk_snapshot_push_cross_fade (snapshot, progress);
      snapshot_cache (self, snapshot, self->fade_from);
      gtk_snapshot_pop (snapshot);
      snapshot_cache (self, snapshot, self->state);
      gtk_snapshot_pop (snapshot);
    }
  else
    snapshot_cache (self, snapshot, self->state);

  snapshot_highlights (self, snapshot);
  snapshot_labels (self, snapshot);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA focus = { 0.21, 0.52, 0.89, 0.5 };
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colours[4];

      for (guint i = 0; i < 4; i++)
        colours[i] = focus;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, gtk_widget_get_width (widget) - 2,
                                                                      gtk_widget_get_height (widget) - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colours);
    }
}

static void
atlas_diagram_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);

  GTK_WIDGET_CLASS (atlas_diagram_view_parent_class)->css_changed (widget, change);

  /* A new font size means new label sizes, columns and fit. */
  clear_labels (self);
  view_changed (self, TRUE);
}

static void
atlas_diagram_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);

  if (self->label_regions != NULL && self->label_wrap != label_wrap_for_width (width))
    clear_labels (self);

  /* A new size means a new fit: treat it as a zoom, stretched now and sharp once settled. */
  view_changed (self, TRUE);
}

static void
atlas_diagram_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Small natural size: the panes beside the view fold by natural width, and the drawing
   * scales to whatever it is given. */
  *minimum = 200;
  *natural = 400;
}

/* ------------------------------------------------------------------------------------------ */
/* Input                                                                                      */

static const AtlasRegion *
region_at (AtlasDiagramView *self,
           double            x,
           double            y)
{
  AtlasDiagram *diagram = current_diagram (self);
  double doc_x, doc_y;

  if (diagram == NULL)
    return NULL;

  atlas_diagram_view_widget_to_doc (self, x, y, &doc_x, &doc_y);
  return atlas_diagram_pick (diagram, doc_x, doc_y);
}

static void
motion_cb (AtlasDiagramView         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const AtlasRegion *region = region_at (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  atlas_diagram_view_set_hovered_region (self, region ? region->id : NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), region ? "pointer" : "default");
}

static void
leave_cb (AtlasDiagramView         *self,
          GtkEventControllerMotion *controller)
{
  atlas_diagram_view_set_hovered_region (self, NULL);
}

static void
click_released_cb (AtlasDiagramView *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  const AtlasRegion *region;

  if (self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  region = region_at (self, x, y);
  atlas_diagram_view_set_selected_region (self, region ? region->id : NULL);
}

static void
drag_begin_cb (AtlasDiagramView *self,
               double            x,
               double            y,
               GtkGestureDrag   *gesture)
{
  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;
  self->dragged = FALSE;
}

static void
drag_update_cb (AtlasDiagramView *self,
                double            dx,
                double            dy,
                GtkGestureDrag   *gesture)
{
  double scale = view_scale (self);

  if (!self->dragged && hypot (dx, dy) < 4)
    return;

  if (!self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragged = TRUE;
  self->center_x = self->drag_center_x - dx / scale;
  self->center_y = self->drag_center_y - dy / scale;
  clamp_center (self);
  view_changed (self, FALSE);
}

static void
drag_end_cb (AtlasDiagramView *self,
             double            dx,
             double            dy,
             GtkGestureDrag   *gesture)
{
  if (self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");
}

static gboolean
scroll_cb (AtlasDiagramView         *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      atlas_diagram_view_zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy * (wheel ? 1.0 : 0.05)),
                                  self->pointer_x, self->pointer_y);
      return GDK_EVENT_STOP;
    }

  if (state & GDK_SHIFT_MASK)
    {
      double t = dx;
      dx = dy;
      dy = t;
    }

  atlas_diagram_view_pan (self, dx * (wheel ? PAN_STEP : 1.0), dy * (wheel ? PAN_STEP : 1.0));
  return GDK_EVENT_STOP;
}

static void
zoom_begin_cb (AtlasDiagramView *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->pinch_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (AtlasDiagramView *self,
                       double            scale,
                       GtkGestureZoom   *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  atlas_diagram_view_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static gboolean
query_tooltip_cb (AtlasDiagramView *self,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip)
{
  const AtlasRegion *region;
  g_autofree char *name = NULL;

  if (self->hide_names)
    return FALSE;

  if (keyboard)
    region = self->selected ? atlas_diagram_lookup_region (current_diagram (self), self->selected) : NULL;
  else
    region = region_at (self, x, y);

  if (region == NULL)
    return FALSE;

  name = atlas_region_dup_display_name (region, self->content);
  gtk_tooltip_set_text (tooltip, name);
  return TRUE;
}

static void
action_zoom_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);

  if (g_str_equal (action_name, "diagram.zoom-in"))
    atlas_diagram_view_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "diagram.zoom-out"))
    atlas_diagram_view_set_zoom (self, self->zoom / ZOOM_STEP);
  else
    atlas_diagram_view_zoom_to_fit (self);
}

static void
action_pan_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  atlas_diagram_view_pan (ATLAS_DIAGRAM_VIEW (widget), dx * PAN_STEP, dy * PAN_STEP);
}

static void
action_clear_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  atlas_diagram_view_set_selected_region (ATLAS_DIAGRAM_VIEW (widget), NULL);
}

static void
style_changed_cb (AtlasDiagramView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AtlasDiagramStyle style = ATLAS_DIAGRAM_STYLE_LIGHT;

  if (adw_style_manager_get_high_contrast (manager))
    style = ATLAS_DIAGRAM_STYLE_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    style = ATLAS_DIAGRAM_STYLE_DARK;

  for (guint i = 0; i < self->n_states; i++)
    atlas_diagram_set_style (self->diagrams[i], style);
  invalidate_caches (self);
}

/* ------------------------------------------------------------------------------------------ */

static void
atlas_diagram_view_dispose (GObject *object)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->fade);
  for (guint i = 0; i < 2; i++)
    {
      cache_clear (&self->cache[i]);
      g_clear_object (&self->diagrams[i]);
    }
  self->n_states = 0;
  clear_labels (self);
  g_clear_object (&self->content);
  g_clear_pointer (&self->weights, g_hash_table_unref);
  g_clear_pointer (&self->emphasis, g_strfreev);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->hovered, g_free);

  G_OBJECT_CLASS (atlas_diagram_view_parent_class)->dispose (object);
}

static void
atlas_diagram_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected);
      break;

    case PROP_HOVERED_REGION:
      g_value_set_string (value, self->hovered);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SHOW_LABELS:
      g_value_set_boolean (value, self->show_labels);
      break;

    case PROP_SHOW_NERVES:
      g_value_set_boolean (value, atlas_diagram_view_get_show_nerves (self));
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_N_STATES:
      g_value_set_uint (value, self->n_states);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_diagram_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_REGION:
      atlas_diagram_view_set_selected_region (self, g_value_get_string (value));
      break;

    case PROP_ZOOM:
      atlas_diagram_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SHOW_LABELS:
      atlas_diagram_view_set_show_labels (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_NERVES:
      atlas_diagram_view_set_show_nerves (self, g_value_get_boolean (value));
      break;

    case PROP_STATE:
      atlas_diagram_view_set_state (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_diagram_view_class_init (AtlasDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_diagram_view_dispose;
  object_class->get_property = atlas_diagram_view_get_property;
  object_class->set_property = atlas_diagram_view_set_property;

  widget_class->snapshot = atlas_diagram_view_snapshot;
  widget_class->size_allocate = atlas_diagram_view_size_allocate;
  widget_class->css_changed = atlas_diagram_view_css_changed;
  widget_class->measure = atlas_diagram_view_measure;

  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVERED_REGION] =
    g_param_spec_string ("hovered-region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ATLAS_DIAGRAM_VIEW_MIN_ZOOM, ATLAS_DIAGRAM_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LABELS] =
    g_param_spec_boolean ("show-labels", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NERVES] =
    g_param_spec_boolean ("show-nerves", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_STATES] =
    g_param_spec_uint ("n-states", NULL, NULL, 0, 2, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "diagram.zoom-in", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-out", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-fit", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "diagram.pan", "(ii)", action_pan_cb);
  gtk_widget_class_install_action (widget_class, "diagram.clear-selection", NULL, action_clear_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "diagram.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "diagram.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "diagram.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "diagram.pan", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "diagram.pan", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "diagram.pan", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "diagram.pan", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "diagram.clear-selection", NULL);

  gtk_widget_class_set_css_name (widget_class, "atlas-diagram-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_diagram_view_init (AtlasDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->show_labels = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (invalidate_caches), NULL);
}

GtkWidget *
atlas_diagram_view_new (void)
{
  return g_object_new (ATLAS_TYPE_DIAGRAM_VIEW, NULL);
}

/**
 * atlas_diagram_view_set_diagrams:
 * @diagrams: (array length=n_diagrams): one diagram per state of the view (one or two)
 */
void
atlas_diagram_view_set_diagrams (AtlasDiagramView  *self,
                                 AtlasDiagram     **diagrams,
                                 guint              n_diagrams)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (n_diagrams <= 2);

  for (guint i = 0; i < 2; i++)
    {
      cache_clear (&self->cache[i]);
      g_clear_object (&self->diagrams[i]);
      if (i < n_diagrams)
        self->diagrams[i] = g_object_ref (diagrams[i]);
    }
  self->n_states = n_diagrams;
  self->state = 0;
  self->fade_from = 0;
  clear_labels (self);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->hovered, g_free);

  if (n_diagrams > 0)
    {
      self->center_x = atlas_diagram_get_width (diagrams[0]) / 2;
      self->center_y = atlas_diagram_get_height (diagrams[0]) / 2;
      style_changed_cb (self);
    }
  self->zoom = 1.0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STATES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NERVES]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_diagram_view_set_reveal_names:
 * @reveal: %FALSE to hide labels and tooltips, as a quiz needs
 */
void
atlas_diagram_view_set_reveal_names (AtlasDiagramView *self,
                                     gboolean          reveal)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (self->hide_names == !reveal)
    return;

  self->hide_names = !reveal;
  /* Without label columns the drawing has more room: a change of scale. */
  view_changed (self, TRUE);
}

gboolean
atlas_diagram_view_get_reveal_names (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), TRUE);

  return !self->hide_names;
}

/**
 * atlas_diagram_view_set_top_inset:
 * @inset: how much room, in pixels, to keep free at the top for something laid over the view
 *
 * The drawing and its labels fit below the inset, so a caption over the top never hides them.
 */
void
atlas_diagram_view_set_top_inset (AtlasDiagramView *self,
                                  double            inset)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  inset = MAX (0, inset);
  if (self->top_inset == inset)
    return;

  self->top_inset = inset;
  view_changed (self, TRUE);
}

/**
 * atlas_diagram_view_set_content:
 * @content: (nullable): where the names of the labels and tooltips come from
 */
void
atlas_diagram_view_set_content (AtlasDiagramView *self,
                                AtlasContent     *content)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (g_set_object (&self->content, content))
    {
      clear_labels (self);
      view_changed (self, TRUE);
    }
}

AtlasDiagram *
atlas_diagram_view_get_diagram (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return current_diagram (self);
}

guint
atlas_diagram_view_get_n_states (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->n_states;
}

guint
atlas_diagram_view_get_state (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->state;
}

static void
fade_value_cb (double   value,
               gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

void
atlas_diagram_view_set_state (AtlasDiagramView *self,
                              guint             state)
{
  AdwAnimationTarget *target;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (state >= self->n_states || state == self->state)
    return;

  self->fade_from = self->state;
  self->state = state;
  clear_labels (self);

  /* The two postures cross-fade, so the change of tilt and curve is seen, not just a jump. */
  if (self->fade == NULL)
    {
      target = adw_callback_animation_target_new (fade_value_cb, self, NULL);
      self->fade = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, FADE_MS, target);
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->fade), ADW_EASE_IN_OUT_CUBIC);
    }
  adw_animation_reset (self->fade);
  adw_animation_play (self->fade);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
atlas_diagram_view_get_selected_region (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return self->selected;
}

static void
update_accessible_description (AtlasDiagramView *self)
{
  const AtlasRegion *region = self->selected ? atlas_diagram_lookup_region (current_diagram (self), self->selected) : NULL;
  g_autofree char *name = region ? atlas_region_dup_display_name (region, self->content) : NULL;
  g_autofree char *description = NULL;

  if (name != NULL)
    /* Translators: read by screen readers for the diagram, e.g. "Selected: Psoas major (left)". */
    description = g_strdup_printf (_("Selected: %s"), name);
  else
    description = g_strdup (_("Nothing selected. Use the structure list to choose a part of the diagram."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

void
atlas_diagram_view_set_selected_region (AtlasDiagramView *self,
                                        const char       *region_id)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (region_id != NULL && (current_diagram (self) == NULL ||
                            atlas_diagram_lookup_region (current_diagram (self), region_id) == NULL))
    region_id = NULL;

  if (g_strcmp0 (self->selected, region_id) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (region_id);
  update_accessible_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
atlas_diagram_view_get_hovered_region (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return self->hovered;
}

void
atlas_diagram_view_set_hovered_region (AtlasDiagramView *self,
                                       const char       *region_id)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (g_strcmp0 (self->hovered, region_id) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (region_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_REGION]);
  /* Only the overlay changes: the cached base picture is reused as it is. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
atlas_diagram_view_get_zoom (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 1.0);

  return self->zoom;
}

void
atlas_diagram_view_zoom_at (AtlasDiagramView *self,
                            double            zoom,
                            double            widget_x,
                            double            widget_y)
{
  double doc_x, doc_y, after_x, after_y;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  /* Clamped: past these bounds the picture is useless, and cairo 1.16 misbehaves on
   * coordinates outside its fixed-point range. NaN becomes the fit. */
  if (!isfinite (zoom))
    zoom = 1.0;
  zoom = CLAMP (zoom, ATLAS_DIAGRAM_VIEW_MIN_ZOOM, ATLAS_DIAGRAM_VIEW_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;

  /* Keep the document point under (widget_x, widget_y) where it is. */
  atlas_diagram_view_widget_to_doc (self, widget_x, widget_y, &doc_x, &doc_y);
  self->zoom = zoom;
  atlas_diagram_view_widget_to_doc (self, widget_x, widget_y, &after_x, &after_y);
  self->center_x += doc_x - after_x;
  self->center_y += doc_y - after_y;
  clamp_center (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  view_changed (self, TRUE);
}

void
atlas_diagram_view_set_zoom (AtlasDiagramView *self,
                             double            zoom)
{
  graphene_rect_t area;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  drawing_area (self, &area);
  atlas_diagram_view_zoom_at (self, zoom, area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2);
}

void
atlas_diagram_view_zoom_to_fit (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = current_diagram (self);

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (diagram == NULL)
    return;

  self->center_x = atlas_diagram_get_width (diagram) / 2;
  self->center_y = atlas_diagram_get_height (diagram) / 2;
  if (self->zoom != 1.0)
    {
      self->zoom = 1.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  view_changed (self, TRUE);
}

void
atlas_diagram_view_pan (AtlasDiagramView *self,
                        double            dx,
                        double            dy)
{
  double scale;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  scale = view_scale (self);
  self->center_x += dx / scale;
  self->center_y += dy / scale;
  clamp_center (self);
  view_changed (self, FALSE);
}

/**
 * atlas_diagram_view_reveal_region:
 *
 * Scrolls so that @region_id is in view, without changing the zoom.
 */
void
atlas_diagram_view_reveal_region (AtlasDiagramView *self,
                                  const char       *region_id)
{
  AtlasDiagram *diagram = current_diagram (self);
  const AtlasRegion *region;
  graphene_rect_t visible;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (diagram == NULL || (region = atlas_diagram_lookup_region (diagram, region_id)) == NULL)
    return;

  if (visible_doc_rect (self, &visible) &&
      graphene_rect_contains_point (&visible, &GRAPHENE_POINT_INIT (region->anchor_x, region->anchor_y)))
    return;

  self->center_x = region->anchor_x;
  self->center_y = region->anchor_y;
  clamp_center (self);
  view_changed (self, FALSE);
}

gboolean
atlas_diagram_view_get_show_labels (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  return self->show_labels;
}

void
atlas_diagram_view_set_show_labels (AtlasDiagramView *self,
                                    gboolean          show)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  show = !!show;
  if (self->show_labels == show)
    return;

  self->show_labels = show;
  /* Label columns change the drawing area, so this is a change of scale. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABELS]);
  view_changed (self, TRUE);
}

gboolean
atlas_diagram_view_get_show_nerves (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  return current_diagram (self) != NULL && atlas_diagram_get_layer_visible (current_diagram (self), "nerves");
}

void
atlas_diagram_view_set_show_nerves (AtlasDiagramView *self,
                                    gboolean          show)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (current_diagram (self) == NULL ||
      !g_strv_contains (atlas_diagram_get_layers (current_diagram (self)), "nerves") ||
      atlas_diagram_view_get_show_nerves (self) == !!show)
    return;

  for (guint i = 0; i < self->n_states; i++)
    atlas_diagram_set_layer_visible (self->diagrams[i], "nerves", show);

  /* A hidden region can be neither selected nor hovered. */
  if (self->selected != NULL &&
      !atlas_diagram_region_is_visible (current_diagram (self), atlas_diagram_lookup_region (current_diagram (self), self->selected)))
    atlas_diagram_view_set_selected_region (self, NULL);
  atlas_diagram_view_set_hovered_region (self, NULL);

  clear_labels (self);
  invalidate_caches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NERVES]);
}

/**
 * atlas_diagram_view_set_region_weights:
 * @weights: (nullable) (element-type utf8 double): region id → strength (0 to 1) of its
 *   symptom highlight; the view keeps a reference
 */
void
atlas_diagram_view_set_region_weights (AtlasDiagramView *self,
                                       GHashTable       *weights)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->weights, g_hash_table_unref);
  if (weights != NULL)
    self->weights = g_hash_table_ref (weights);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  region = region_at (self, x, y);
  return region ? region->id : NULL;
}

/**
 * atlas_diagram_view_set_emphasis:
 * @structures: (nullable) (array zero-terminated=1): structure ids to outline, such as the
 *   regions an exercise works on; %NULL for none
 */
void
atlas_diagram_view_set_emphasis (AtlasDiagramView   *self,
                                 const char * const *structures)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->emphasis, g_strfreev);
  if (structures != NULL && structures[0] != NULL)
    self->emphasis = g_strdupv ((GStrv) structures);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_diagram_view_get_emphasis:
 *
 * Returns: (nullable) (transfer none): the outlined structures
 */
const char * const *
atlas_diagram_view_get_emphasis (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return (const char * const *) self->emphasis;
}

/**
 * atlas_diagram_view_get_region_weight:
 *
 * Returns: how strongly @region_id is lit by ticked symptoms, 0 when it is not
 */
double
atlas_diagram_view_get_region_weight (AtlasDiagramView *self,
                                      const char       *region_id)
{
  double *weight;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  weight = self->weights ? g_hash_table_lookup (self->weights, region_id) : NULL;
  return weight ? *weight : 0;
}

guint
atlas_diagram_view_get_base_renders (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->base_renders;
}

double
atlas_diagram_view_get_cache_scale (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->cache[self->state].scale;
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
