/* atlas-diagram-view.c — the interactive diagram canvas: zoom, pan, hover, select, labels.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file is the widget itself: zoom and pan, focus, properties and the public API, and the
 * order the layers are drawn in. The layers and the rest live beside it (see
 * atlas-diagram-view-private.h for the map):
 *
 *  1. the base picture, cached per zoom, and the highlights    atlas-diagram-view-render.c
 *  2. what the user drew (the drawing mode)                    atlas-diagram-view-marks.c
 *  3. labels and their leader lines                            atlas-diagram-view-labels.c
 *
 * Pointer, stylus, pinch, scroll and key input and the view's actions are in
 * atlas-diagram-view-input.c, coordinates and hit testing in atlas-diagram-view-geometry.c,
 * hover and selection in atlas-diagram-view-selection.c, the quiz's and tour's hooks in
 * atlas-diagram-view-lessons.c.
 */
#include "config.h"

#include <math.h>

#include "atlas-diagram-view-private.h"

G_DEFINE_FINAL_TYPE (AtlasDiagramView, atlas_diagram_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

/* For the other files of the view, which set properties of their own. */
void
_atlas_diagram_view_notify (AtlasDiagramView *self,
                            guint             prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                    */

static void
atlas_diagram_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);

  if (_atlas_diagram_view_current_diagram (self) == NULL)
    return;

  if (self->show_labels && !self->hide_names)
    _atlas_diagram_view_layout_labels (self);

  /* Bottom to top: the picture, what is lit on it, what was drawn on it, the names around it. */
  _atlas_diagram_view_snapshot_base (self, snapshot);
  _atlas_diagram_view_snapshot_highlights (self, snapshot);
  _atlas_diagram_view_snapshot_marks (self, snapshot);
  _atlas_diagram_view_snapshot_labels (self, snapshot);

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
  _atlas_diagram_view_clear_labels (self);
  _atlas_diagram_view_changed (self, TRUE);
}

static void
atlas_diagram_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);

  _atlas_diagram_view_labels_resized (self, width);
  _atlas_diagram_view_marks_allocate (self);

  /* A new size means a new fit: treat it as a zoom, stretched now and sharp once settled. */
  _atlas_diagram_view_changed (self, TRUE);
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

/* The focus ring is drawn in snapshot(), so a change of focus must redraw. */
static void
atlas_diagram_view_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GtkStateFlags focus = GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUS_WITHIN;

  GTK_WIDGET_CLASS (atlas_diagram_view_parent_class)->state_flags_changed (widget, previous);

  if ((gtk_widget_get_state_flags (widget) ^ previous) & focus)
    gtk_widget_queue_draw (widget);
}

/* ------------------------------------------------------------------------------------------ */

static void
atlas_diagram_view_dispose (GObject *object)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->fade);
  g_clear_object (&self->morph_animation);
  _atlas_diagram_view_marks_dispose (self);
  g_clear_weak_pointer (&self->bottom_obstacle);
  for (guint i = 0; i < 2; i++)
    {
      _atlas_diagram_view_clear_cache (self, i);
      g_clear_object (&self->diagrams[i]);
    }
  self->n_states = 0;
  _atlas_diagram_view_clear_labels (self);
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

    case PROP_MORPH:
      g_value_set_double (value, self->morph);
      break;

    case PROP_DRAWING:
      g_value_set_boolean (value, self->drawing);
      break;

    case PROP_DRAW_TOOL:
      g_value_set_string (value, self->draw_tool);
      break;

    case PROP_DRAW_COLOUR:
      g_value_set_string (value, atlas_diagram_view_get_draw_colour (self));
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

    case PROP_MORPH:
      atlas_diagram_view_set_morph (self, g_value_get_double (value));
      break;

    case PROP_DRAWING:
      atlas_diagram_view_set_drawing (self, g_value_get_boolean (value));
      break;

    case PROP_DRAW_TOOL:
      atlas_diagram_view_set_draw_tool (self, g_value_get_string (value));
      break;

    case PROP_DRAW_COLOUR:
      atlas_diagram_view_set_draw_colour (self, g_value_get_string (value));
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
  widget_class->state_flags_changed = atlas_diagram_view_state_flags_changed;

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
  /**
   * AtlasDiagramView:morph:
   *
   * Where between its two postures a morphing view is: 0 the first, 1 the second.
   */
  properties[PROP_MORPH] =
    g_param_spec_double ("morph", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAWING] =
    g_param_spec_boolean ("drawing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAW_TOOL] =
    g_param_spec_string ("draw-tool", NULL, NULL, "pen",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAW_COLOUR] =
    g_param_spec_string ("draw-colour", NULL, NULL, "red",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _atlas_diagram_view_input_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "atlas-diagram-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_diagram_view_init (AtlasDiagramView *self)
{
  self->zoom = 1.0;
  self->show_labels = TRUE;
  _atlas_diagram_view_marks_init (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  _atlas_diagram_view_update_accessible_description (self);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_atlas_diagram_view_query_tooltip_cb), NULL);

  _atlas_diagram_view_input_init (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_atlas_diagram_view_update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (_atlas_diagram_view_update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (_atlas_diagram_view_invalidate_caches), NULL);
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
      _atlas_diagram_view_clear_cache (self, i);
      g_clear_object (&self->diagrams[i]);
      if (i < n_diagrams)
        self->diagrams[i] = g_object_ref (diagrams[i]);
    }
  self->n_states = n_diagrams;
  self->state = 0;
  self->fade_from = 0;
  if (self->morph_animation != NULL)
    adw_animation_skip (self->morph_animation);
  /* The page has already checked that the postures match; the first one moves, the second
   * only gave it its destination. */
  self->morphable = n_diagrams == 2 && atlas_diagram_has_morph_target (self->diagrams[0]);
  self->morph = self->morphable ? atlas_diagram_get_morph (self->diagrams[0]) : 0.0;
  _atlas_diagram_view_clear_labels (self);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->hovered, g_free);

  if (n_diagrams > 0)
    {
      self->center_x = atlas_diagram_get_width (diagrams[0]) / 2;
      self->center_y = atlas_diagram_get_height (diagrams[0]) / 2;
      _atlas_diagram_view_update_style (self);
    }
  self->zoom = 1.0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STATES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MORPH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NERVES]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
      _atlas_diagram_view_clear_labels (self);
      _atlas_diagram_view_changed (self, TRUE);
    }
}

/**
 * atlas_diagram_view_get_content:
 *
 * Returns: (nullable) (transfer none): where the labels' names come from
 */
AtlasContent *
atlas_diagram_view_get_content (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return self->content;
}

AtlasDiagram *
atlas_diagram_view_get_diagram (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return _atlas_diagram_view_current_diagram (self);
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
  _atlas_diagram_view_clamp_center (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  _atlas_diagram_view_changed (self, TRUE);
}

void
atlas_diagram_view_set_zoom (AtlasDiagramView *self,
                             double            zoom)
{
  graphene_rect_t area;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  _atlas_diagram_view_drawing_area (self, &area);
  atlas_diagram_view_zoom_at (self, zoom, area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2);
}

void
atlas_diagram_view_zoom_to_fit (AtlasDiagramView *self)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);

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
  _atlas_diagram_view_changed (self, TRUE);
}

void
atlas_diagram_view_pan (AtlasDiagramView *self,
                        double            dx,
                        double            dy)
{
  double scale;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  scale = _atlas_diagram_view_get_scale (self);
  self->center_x += dx / scale;
  self->center_y += dy / scale;
  _atlas_diagram_view_clamp_center (self);
  _atlas_diagram_view_changed (self, FALSE);
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
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  const AtlasRegion *region;
  graphene_rect_t visible;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (diagram == NULL || (region = atlas_diagram_lookup_region (diagram, region_id)) == NULL)
    return;

  if (_atlas_diagram_view_visible_doc_rect (self, &visible) &&
      graphene_rect_contains_point (&visible, &GRAPHENE_POINT_INIT (region->anchor_x, region->anchor_y)))
    return;

  self->center_x = region->anchor_x;
  self->center_y = region->anchor_y;
  _atlas_diagram_view_clamp_center (self);
  _atlas_diagram_view_changed (self, FALSE);
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
  _atlas_diagram_view_changed (self, TRUE);
}

gboolean
atlas_diagram_view_get_show_nerves (AtlasDiagramView *self)
{
  AtlasDiagram *diagram;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  diagram = _atlas_diagram_view_current_diagram (self);
  return diagram != NULL && atlas_diagram_get_layer_visible (diagram, "nerves");
}

void
atlas_diagram_view_set_show_nerves (AtlasDiagramView *self,
                                    gboolean          show)
{
  AtlasDiagram *diagram;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  diagram = _atlas_diagram_view_current_diagram (self);
  if (diagram == NULL || !g_strv_contains (atlas_diagram_get_layers (diagram), "nerves") ||
      atlas_diagram_view_get_show_nerves (self) == !!show)
    return;

  for (guint i = 0; i < self->n_states; i++)
    atlas_diagram_set_layer_visible (self->diagrams[i], "nerves", show);

  /* A hidden region can be neither selected nor hovered. */
  if (self->selected != NULL &&
      !atlas_diagram_region_is_visible (diagram, atlas_diagram_lookup_region (diagram, self->selected)))
    atlas_diagram_view_set_selected_region (self, NULL);
  atlas_diagram_view_set_hovered_region (self, NULL);

  _atlas_diagram_view_clear_labels (self);
  _atlas_diagram_view_invalidate_caches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NERVES]);
}
