/* atlas-diagram-view-lessons.c — what the quiz and the guided tour ask of the diagram canvas.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window runs the quiz and the tour (atlas-window.c, on the core's atlas-quiz.c and
 * atlas-tour.c); the view only offers what they need: the quiz hides every name so the picture
 * gives no answers away, and the tour keeps room at the top for its caption. Both steer the
 * selection and the emphasis outline through the ordinary public API. While the names are
 * hidden the arrow keys step through the parts instead of panning, so a keyboard can point.
 */
#include "config.h"

#include "atlas-diagram-view-private.h"

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
  _atlas_diagram_view_changed (self, TRUE);
}

gboolean
atlas_diagram_view_get_reveal_names (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), TRUE);

  return !self->hide_names;
}

/**
 * atlas_diagram_view_set_bottom_obstacle:
 * @obstacle: (nullable): a widget laid over the bottom of the view, such as a caption card
 *
 * Labels keep above @obstacle while it is shown, so a card over the canvas never hides one.
 * Its bounds are read whenever the labels are laid out, so a card that changes size (a longer
 * caption, a slider appearing) needs nothing more.
 */
void
atlas_diagram_view_set_bottom_obstacle (AtlasDiagramView *self,
                                        GtkWidget        *obstacle)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (obstacle == NULL || GTK_IS_WIDGET (obstacle));

  g_set_weak_pointer (&self->bottom_obstacle, obstacle);
  _atlas_diagram_view_changed (self, FALSE);
}

/* The lowest a label between @x0 and @x1 may reach: the widget's bottom, or the top of a card
 * laid over it there. */
double
_atlas_diagram_view_labels_bottom (AtlasDiagramView *self,
                                   double            x0,
                                   double            x1)
{
  double bottom = gtk_widget_get_height (GTK_WIDGET (self)) - EDGE_PADDING / 2;
  graphene_rect_t bounds;

  if (self->bottom_obstacle != NULL && gtk_widget_get_visible (self->bottom_obstacle) &&
      gtk_widget_compute_bounds (self->bottom_obstacle, GTK_WIDGET (self), &bounds) && bounds.size.height > 0 &&
      bounds.origin.x < x1 && bounds.origin.x + bounds.size.width > x0)
    bottom = MIN (bottom, bounds.origin.y - EDGE_PADDING / 2);

  return bottom;
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
  _atlas_diagram_view_changed (self, TRUE);
}

/**
 * atlas_diagram_view_set_drawing_inset:
 * @inset: how much room, in pixels, the drawing toolbar takes at the top while drawing
 *
 * While the drawing mode is on, the drawing and its labels fit below it too, so the pen never
 * has to reach under the toolbar for the top of the picture.
 */
void
atlas_diagram_view_set_drawing_inset (AtlasDiagramView *self,
                                      double            inset)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  inset = MAX (0, inset);
  if (self->drawing_inset == inset)
    return;

  self->drawing_inset = inset;
  if (self->drawing)
    _atlas_diagram_view_changed (self, TRUE);
}

/* The room kept free at the top now: the larger of a caption's and, while drawing, the
 * drawing toolbar's. */
double
_atlas_diagram_view_get_top_inset (AtlasDiagramView *self)
{
  return MAX (self->top_inset, self->drawing ? self->drawing_inset : 0);
}


/* During a quiz the arrows step through the parts (atlas-diagram-view-selection.c) and the
 * screen reader hears where it is, not what it is. */
gboolean
_atlas_diagram_view_arrows_step (AtlasDiagramView *self)
{
  return self->hide_names;
}

/**
 * atlas_diagram_view_set_bottom_inset:
 * @height: how high the controls over the bottom-right corner are, with their margin
 * @width: how wide, with their margin
 *
 * The drawing may pass under such controls, a name never does (at any text size): the label
 * columns they reach end above them.
 */
void
atlas_diagram_view_set_bottom_inset (AtlasDiagramView *self,
                                     double            height,
                                     double            width)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  height = MAX (0, height);
  width = MAX (0, width);
  if (self->bottom_inset == height && self->bottom_inset_width == width)
    return;

  self->bottom_inset = height;
  self->bottom_inset_width = width;
  _atlas_diagram_view_changed (self, FALSE);
}
