/* atlas-marks-render.c — drawing marks to a cairo context: the screen's marks layer, the
 * handout's page and the tests all draw them here.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-marks-private.h"

static void
path_mark (const AtlasMark *mark,
           cairo_t         *cr)
{
  guint n = atlas_mark_get_n_points (mark);
  double x0, y0, x1, y1;

  atlas_mark_get_point (mark, 0, &x0, &y0);
  /* An arrow or an ellipse being started has one point: nothing to draw yet. */
  if (n < 2 && (mark->kind == ATLAS_MARK_ARROW || mark->kind == ATLAS_MARK_ELLIPSE))
    return;

  switch (mark->kind)
    {
    case ATLAS_MARK_STROKE:
      cairo_move_to (cr, x0, y0);
      /* A single point is a dot: a zero-length line with round caps. */
      if (n == 1)
        cairo_line_to (cr, x0, y0);
      for (guint i = 1; i < n; i++)
        {
          atlas_mark_get_point (mark, i, &x1, &y1);
          cairo_line_to (cr, x1, y1);
        }
      break;

    case ATLAS_MARK_ARROW:
      {
        double angle, head;

        atlas_mark_get_point (mark, 1, &x1, &y1);
        angle = atan2 (y1 - y0, x1 - x0);
        head = MIN (mark->width * 4 + 6, hypot (x1 - x0, y1 - y0) * 0.6);
        cairo_move_to (cr, x0, y0);
        cairo_line_to (cr, x1, y1);
        cairo_move_to (cr, x1 - head * cos (angle - G_PI / 7), y1 - head * sin (angle - G_PI / 7));
        cairo_line_to (cr, x1, y1);
        cairo_line_to (cr, x1 - head * cos (angle + G_PI / 7), y1 - head * sin (angle + G_PI / 7));
        break;
      }

    case ATLAS_MARK_ELLIPSE:
      {
        double rx, ry;

        atlas_mark_get_point (mark, 1, &x1, &y1);
        rx = MAX (fabs (x1 - x0) / 2, 0.5);
        ry = MAX (fabs (y1 - y0) / 2, 0.5);
        cairo_save (cr);
        cairo_translate (cr, (x0 + x1) / 2, (y0 + y1) / 2);
        cairo_scale (cr, rx, ry);
        cairo_new_sub_path (cr);
        cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
        cairo_close_path (cr);
        cairo_restore (cr);
        break;
      }

    case ATLAS_MARK_TEXT:
    case ATLAS_MARK_N_KINDS:
    default:
      break;
    }
}

/**
 * atlas_mark_render:
 * @cr: a context in document coordinates
 * @halo_alpha: how opaque the white outline under the ink is (0 for none)
 *
 * Draws one mark. The halo keeps every ink readable on any palette and over a structure of the
 * same colour.
 */
void
atlas_mark_render (const AtlasMark *mark,
                   cairo_t         *cr,
                   double           halo_alpha)
{
  double r, g, b;

  g_return_if_fail (mark != NULL);

  if (atlas_mark_get_n_points (mark) == 0)
    return;

  atlas_mark_get_rgb (mark->colour, &r, &g, &b);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (mark->kind == ATLAS_MARK_TEXT)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
      double x, y;

      /* Hinting and metrics off: the note scales with the diagram and must keep its shape. */
      {
        cairo_font_options_t *options = cairo_font_options_create ();

        cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
        pango_layout_context_changed (layout);
        cairo_font_options_destroy (options);
      }
      /* A note drawn on screen shrinks with the diagram on paper; it never prints smaller
       * than 9 points (or pixels), so the patient can read it at home. */
      {
        double dx = 1, dy = 0, size;

        cairo_user_to_device_distance (cr, &dx, &dy);
        size = MAX (mark->width, 9.0 / MAX (hypot (dx, dy), 1e-6));
        pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      }
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, mark->text ? mark->text : "", -1);
      atlas_mark_get_point (mark, 0, &x, &y);
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      if (halo_alpha > 0)
        {
          cairo_set_source_rgba (cr, 1, 1, 1, halo_alpha);
          cairo_set_line_width (cr, mark->width * 0.25);
          cairo_stroke_preserve (cr);
        }
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill (cr);
    }
  else
    {
      path_mark (mark, cr);
      if (halo_alpha > 0)
        {
          cairo_set_source_rgba (cr, 1, 1, 1, halo_alpha);
          cairo_set_line_width (cr, mark->width * 2.2);
          cairo_stroke_preserve (cr);
        }
      cairo_set_source_rgb (cr, r, g, b);
      cairo_set_line_width (cr, mark->width);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/**
 * atlas_marks_render:
 * @cr: a context in document coordinates
 *
 * Draws every mark, bottom to top.
 */
void
atlas_marks_render (AtlasMarks *self,
                    cairo_t    *cr,
                    double      halo_alpha)
{
  g_return_if_fail (ATLAS_IS_MARKS (self));

  for (guint i = 0; i < self->marks->len; i++)
    atlas_mark_render (g_ptr_array_index (self->marks, i), cr, halo_alpha);
}

/**
 * atlas_mark_render_on:
 * @diagram: (nullable): the diagram the mark is drawn on, at its current posture
 * @cr: a context in document coordinates
 *
 * Draws one mark where it belongs on @diagram: moved with the anatomy nearest it when the
 * diagram is at another posture than the one the mark was drawn at.
 */
void
atlas_mark_render_on (const AtlasMark *mark,
                      AtlasDiagram    *diagram,
                      cairo_t         *cr,
                      double           halo_alpha)
{
  double dx, dy;

  g_return_if_fail (mark != NULL);

  atlas_mark_get_morph_offset (mark, diagram, &dx, &dy);
  cairo_save (cr);
  cairo_translate (cr, dx, dy);
  atlas_mark_render (mark, cr, halo_alpha);
  cairo_restore (cr);
}

/**
 * atlas_marks_render_on:
 * @diagram: (nullable): the diagram the marks are drawn on, at its current posture
 * @cr: a context in document coordinates
 *
 * Draws every mark, bottom to top, each where it belongs on @diagram (atlas_mark_render_on()).
 */
void
atlas_marks_render_on (AtlasMarks   *self,
                       AtlasDiagram *diagram,
                       cairo_t      *cr,
                       double        halo_alpha)
{
  g_return_if_fail (ATLAS_IS_MARKS (self));
  g_return_if_fail (diagram == NULL || ATLAS_IS_DIAGRAM (diagram));

  for (guint i = 0; i < self->marks->len; i++)
    atlas_mark_render_on (g_ptr_array_index (self->marks, i), diagram, cr, halo_alpha);
}
