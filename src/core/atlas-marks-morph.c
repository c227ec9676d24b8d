/* atlas-marks-morph.c — marks that follow the anatomy while a view changes posture.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side view morphs point by point between two postures (atlas-diagram-morph.c), and its
 * region anchors move with it. A mark is kept in the document coordinates of the posture it
 * was drawn at; drawn at another posture, the whole mark is moved by as much as the region
 * anchor nearest it moved between the two. One anchor for the whole mark keeps its shape (an
 * arrow stays straight, a note stays whole) and makes where it goes easy to predict: with
 * the bone or muscle it was drawn on. It is a translation only: a mark on a thigh that turns
 * keeps its own angle.
 *
 * Which anchor a mark follows is not stored: it is found again from the posture the mark was
 * drawn at, so the marks file needs nothing but that posture. Marks drawn on a view that does
 * not morph (ATLAS_MARK_NO_MORPH) never move.
 */
#include "config.h"

#include <math.h>

#include "atlas-marks-private.h"

/**
 * atlas_marks_morph_offset:
 * @from: the anchors at the posture the point was drawn at: x, y for each of @n_anchors
 * @to: the same anchors at the posture shown
 * @x: the point, in the coordinates of @from
 * @dx: (out): how far to move it, in x
 *
 * How far a point moves between two postures: as far as the anchor nearest it in @from moved
 * to @to. Without anchors it does not move. A pure function, for the marks and their tests.
 */
void
atlas_marks_morph_offset (const double *from,
                          const double *to,
                          guint         n_anchors,
                          double        x,
                          double        y,
                          double       *dx,
                          double       *dy)
{
  double best = G_MAXDOUBLE;
  gint nearest = -1;

  g_return_if_fail (dx != NULL && dy != NULL);
  g_return_if_fail (n_anchors == 0 || (from != NULL && to != NULL));

  *dx = *dy = 0.0;
  for (guint i = 0; i < n_anchors; i++)
    {
      double d = hypot (from[2 * i] - x, from[2 * i + 1] - y);

      /* The first of two at the same distance, so the choice never depends on rounding
       * elsewhere. */
      if (isfinite (d) && d < best)
        {
          best = d;
          nearest = i;
        }
    }
  if (nearest < 0)
    return;

  *dx = to[2 * nearest] - from[2 * nearest];
  *dy = to[2 * nearest + 1] - from[2 * nearest + 1];
  if (!isfinite (*dx) || !isfinite (*dy))
    *dx = *dy = 0.0;
}

/**
 * atlas_mark_get_morph_reference:
 *
 * The point of a mark that decides which anchor it follows: what an arrow points at (its
 * head), where a note was put (its point), the middle of an ellipse or of a stroke's extent.
 */
void
atlas_mark_get_morph_reference (const AtlasMark *mark,
                                double          *x,
                                double          *y)
{
  guint n;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  g_return_if_fail (mark != NULL);
  g_return_if_fail (x != NULL && y != NULL);

  *x = *y = 0.0;
  n = atlas_mark_get_n_points (mark);
  if (n == 0)
    return;

  if (mark->kind == ATLAS_MARK_ARROW || mark->kind == ATLAS_MARK_TEXT)
    {
      atlas_mark_get_point (mark, mark->kind == ATLAS_MARK_ARROW ? n - 1 : 0, x, y);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      double px, py;

      atlas_mark_get_point (mark, i, &px, &py);
      min_x = MIN (min_x, px);
      min_y = MIN (min_y, py);
      max_x = MAX (max_x, px);
      max_y = MAX (max_y, py);
    }
  *x = (min_x + max_x) / 2;
  *y = (min_y + max_y) / 2;
}

/**
 * atlas_mark_get_morph_offset:
 * @diagram: (nullable): the diagram the mark is shown on, at its current posture
 * @dx: (out): how far the mark is drawn from where its points say, in x (document units)
 *
 * How far @mark moves on @diagram: nothing unless the mark was drawn on a view that morphs and
 * @diagram morphs and is at another posture; then as far as the anchor nearest the mark's
 * reference point (atlas_mark_get_morph_reference()) moved since the mark's posture.
 */
void
atlas_mark_get_morph_offset (const AtlasMark *mark,
                             AtlasDiagram    *diagram,
                             double          *dx,
                             double          *dy)
{
  g_autofree double *anchors = NULL;
  guint n;
  double t, x, y;

  g_return_if_fail (mark != NULL);
  g_return_if_fail (dx != NULL && dy != NULL);

  *dx = *dy = 0.0;
  if (diagram == NULL || mark->morph < 0 || !atlas_diagram_has_morph_target (diagram))
    return;
  t = atlas_diagram_get_morph (diagram);
  n = atlas_diagram_get_n_regions (diagram);
  if (t == mark->morph || n == 0)
    return;

  anchors = g_new (double, 4 * n);
  atlas_diagram_get_anchors_at (diagram, mark->morph, anchors);
  atlas_diagram_get_anchors_at (diagram, t, anchors + 2 * n);
  atlas_mark_get_morph_reference (mark, &x, &y);
  atlas_marks_morph_offset (anchors, anchors + 2 * n, n, x, y, dx, dy);
}
