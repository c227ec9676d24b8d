/* atlas-diagram-view-input.c — how the diagram canvas is driven: pointer, stylus, touch and keys.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hover and click pick regions, a drag pans (or, in the drawing mode, hands its points to
 * atlas-diagram-view-marks.c), a pinch or Ctrl+scroll zooms about the pointer, scrolling pans,
 * and the keys reach the same zoom, pan, selection and marks through the view's actions. The
 * state a gesture needs between its events lives in the instance struct (see
 * atlas-diagram-view-private.h); what the input does is the public API in atlas-diagram-view.c.
 */
#include "config.h"

#include <math.h>

#include "atlas-diagram-view-private.h"

#define ZOOM_STEP       1.25
#define PAN_STEP       60.0

static void
motion_cb (AtlasDiagramView         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const AtlasRegion *region = _atlas_diagram_view_region_at (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  atlas_diagram_view_set_hovered_region (self, region ? region->id : NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->drawing ? "crosshair" : region ? "pointer" : "default");
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

  /* In the drawing mode a press draws (see the drag gesture); it never selects. */
  if (self->dragged || self->drawing)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  region = _atlas_diagram_view_region_at (self, x, y);
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

  /* In the drawing mode the drag hands its points to the marks instead of panning. */
  if (self->drawing)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      _atlas_diagram_view_marks_begin (self, x, y);
    }
}

static void
drag_update_cb (AtlasDiagramView *self,
                double            dx,
                double            dy,
                GtkGestureDrag   *gesture)
{
  double scale = _atlas_diagram_view_get_scale (self);

  if (self->drawing)
    {
      double x, y;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      _atlas_diagram_view_marks_update (self, x + dx, y + dy);
      return;
    }

  if (!self->dragged && hypot (dx, dy) < 4)
    return;

  if (!self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragged = TRUE;
  self->center_x = self->drag_center_x - dx / scale;
  self->center_y = self->drag_center_y - dy / scale;
  _atlas_diagram_view_clamp_center (self);
  _atlas_diagram_view_changed (self, FALSE);
}

static void
drag_end_cb (AtlasDiagramView *self,
             double            dx,
             double            dy,
             GtkGestureDrag   *gesture)
{
  if (self->drawing)
    _atlas_diagram_view_marks_end (self);
  else if (self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");
}

/* A stylus turned over erases with its other end, as on paper. */
static void
stylus_down_cb (AtlasDiagramView *self,
                double            x,
                double            y,
                GtkGestureStylus *gesture)
{
  GdkDeviceTool *tool = gtk_gesture_stylus_get_device_tool (gesture);

  self->stylus_eraser = tool != NULL && gdk_device_tool_get_tool_type (tool) == GDK_DEVICE_TOOL_TYPE_ERASER;
}

static void
stylus_up_cb (AtlasDiagramView *self,
              double            x,
              double            y,
              GtkGestureStylus *gesture)
{
  self->stylus_eraser = FALSE;
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
  /* While the names are hidden (a quiz), the arrows step through the parts instead: that is
   * how a keyboard points to one without the structure list naming them all. */
  if (_atlas_diagram_view_arrows_step (ATLAS_DIAGRAM_VIEW (widget)))
    _atlas_diagram_view_step (ATLAS_DIAGRAM_VIEW (widget), dx + dy);
  else
    atlas_diagram_view_pan (ATLAS_DIAGRAM_VIEW (widget), dx * PAN_STEP, dy * PAN_STEP);
}

static void
action_choose_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _atlas_diagram_view_choose_highlighted (ATLAS_DIAGRAM_VIEW (widget));
}

static void
action_clear_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);

  /* Escape leaves the drawing mode first, then the selection. */
  if (self->drawing)
    atlas_diagram_view_set_drawing (self, FALSE);
  else
    atlas_diagram_view_set_selected_region (self, NULL);
}

static void
action_marks_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasDiagramView *self = ATLAS_DIAGRAM_VIEW (widget);

  if (g_str_equal (action_name, "diagram.undo-mark"))
    atlas_marks_undo (self->marks);
  else if (g_str_equal (action_name, "diagram.redo-mark"))
    atlas_marks_redo (self->marks);
  else if (g_str_equal (action_name, "diagram.clear-marks"))
    atlas_marks_clear (self->marks);
  else
    atlas_diagram_view_set_drawing (self, !self->drawing);
}

/* The view's actions and the keys bound to them. */
void
_atlas_diagram_view_input_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "diagram.zoom-in", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-out", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-fit", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "diagram.pan", "(ii)", action_pan_cb);
  gtk_widget_class_install_action (widget_class, "diagram.clear-selection", NULL, action_clear_cb);
  gtk_widget_class_install_action (widget_class, "diagram.toggle-drawing", NULL, action_marks_cb);
  gtk_widget_class_install_action (widget_class, "diagram.undo-mark", NULL, action_marks_cb);
  gtk_widget_class_install_action (widget_class, "diagram.redo-mark", NULL, action_marks_cb);
  gtk_widget_class_install_action (widget_class, "diagram.clear-marks", NULL, action_marks_cb);
  gtk_widget_class_install_action (widget_class, "diagram.choose", NULL, action_choose_cb);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "diagram.toggle-drawing", NULL);
  /* Only enabled in the drawing mode; outside it the keys reach the window's own undo. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "diagram.undo-mark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "diagram.redo-mark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "diagram.redo-mark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "diagram.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "diagram.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "diagram.choose", NULL);
}

void
_atlas_diagram_view_input_init (AtlasDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

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

  /* Only tells a stylus's eraser end from its tip; the drag gesture draws for every device. */
  gesture = gtk_gesture_stylus_new ();
  g_signal_connect_swapped (gesture, "down", G_CALLBACK (stylus_down_cb), self);
  g_signal_connect_swapped (gesture, "up", G_CALLBACK (stylus_up_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
