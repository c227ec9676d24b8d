/* atlas-marks.c — what a clinician draws on a diagram: strokes, arrows, circles, notes.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marks are kept in the diagram's document coordinates, so they stay on the anatomy whatever
 * the zoom or the pan. On a view that morphs between two postures a mark also remembers the
 * posture it was drawn at, and is drawn moved with the anatomy nearest it (atlas-marks-morph.c). A mark is never changed once added: adding, erasing and
 * clearing replace the list, and the undo history keeps the lists it replaced (they share the
 * marks, so a history costs pointers, not points).
 *
 * Marks are not kept between sessions; the file they can be written to is atlas-marks-file.c.
 */
#include "config.h"

#include <math.h>

#include "atlas-marks-private.h"

const char * const _atlas_marks_colour_names[ATLAS_MARK_N_COLOURS] = { "red", "blue", "green", "black" };

G_DEFINE_BOXED_TYPE (AtlasMark, atlas_mark, atlas_mark_ref, atlas_mark_unref)

/* ------------------------------------------------------------------------------------------ */
/* One mark                                                                                   */

/**
 * atlas_mark_new:
 * @width: the line width (or for a note, the text's size) in document units
 *
 * Returns: (transfer full): an empty mark, to be given its points and added to a list
 */
AtlasMark *
atlas_mark_new (AtlasMarkKind   kind,
                AtlasMarkColour colour,
                double          width)
{
  AtlasMark *mark;

  g_return_val_if_fail (kind < ATLAS_MARK_N_KINDS, NULL);
  g_return_val_if_fail (colour < ATLAS_MARK_N_COLOURS, NULL);

  mark = g_new0 (AtlasMark, 1);
  g_atomic_ref_count_init (&mark->ref_count);
  mark->kind = kind;
  mark->colour = colour;
  mark->width = isfinite (width) ? CLAMP (width, 0.1, ATLAS_MARKS_MAX_WIDTH) : 1.0;
  mark->points = g_array_new (FALSE, FALSE, sizeof (double));
  mark->morph = ATLAS_MARK_NO_MORPH;
  return mark;
}

AtlasMark *
atlas_mark_ref (AtlasMark *mark)
{
  g_return_val_if_fail (mark != NULL, NULL);

  g_atomic_ref_count_inc (&mark->ref_count);
  return mark;
}

void
atlas_mark_unref (AtlasMark *mark)
{
  g_return_if_fail (mark != NULL);

  if (!g_atomic_ref_count_dec (&mark->ref_count))
    return;

  g_array_unref (mark->points);
  g_free (mark->text);
  g_free (mark);
}

/* How many points each kind takes, at most. */
guint
_atlas_marks_max_points (AtlasMarkKind kind)
{
  switch (kind)
    {
    case ATLAS_MARK_STROKE:
      return ATLAS_MARKS_MAX_POINTS;
    case ATLAS_MARK_ARROW:
    case ATLAS_MARK_ELLIPSE:
      return 2;
    case ATLAS_MARK_TEXT:
    case ATLAS_MARK_N_KINDS:
    default:
      return 1;
    }
}

/**
 * atlas_mark_add_point:
 *
 * Adds a point to a stroke, or sets the next of a shape's fixed points. Points past what the
 * kind takes replace its last one, so a drag can keep moving an arrow's head. Points that are
 * not finite are ignored; coordinates are clamped to the range the file format allows.
 */
void
atlas_mark_add_point (AtlasMark *mark,
                      double     x,
                      double     y)
{
  double pair[2];
  guint n;

  g_return_if_fail (mark != NULL);

  if (!isfinite (x) || !isfinite (y))
    return;

  pair[0] = CLAMP (x, -ATLAS_MARKS_MAX_COORDINATE, ATLAS_MARKS_MAX_COORDINATE);
  pair[1] = CLAMP (y, -ATLAS_MARKS_MAX_COORDINATE, ATLAS_MARKS_MAX_COORDINATE);
  n = atlas_mark_get_n_points (mark);

  if (n >= _atlas_marks_max_points (mark->kind))
    {
      /* A stroke that has all its points keeps them: a longer scribble ends where it is. */
      if (mark->kind == ATLAS_MARK_STROKE)
        return;
      g_array_set_size (mark->points, 2 * (n - 1));
    }
  g_array_append_vals (mark->points, pair, 2);
}

guint
atlas_mark_get_n_points (const AtlasMark *mark)
{
  g_return_val_if_fail (mark != NULL, 0);

  return mark->points->len / 2;
}

void
atlas_mark_get_point (const AtlasMark *mark,
                      guint            index,
                      double          *x,
                      double          *y)
{
  g_return_if_fail (mark != NULL);
  g_return_if_fail (index < atlas_mark_get_n_points (mark));

  if (x != NULL)
    *x = g_array_index (mark->points, double, 2 * index);
  if (y != NULL)
    *y = g_array_index (mark->points, double, 2 * index + 1);
}

/**
 * atlas_mark_set_text:
 *
 * Sets a note's text: one line of at most %ATLAS_MARKS_MAX_TEXT bytes, cut at a character
 * boundary, with control characters (new lines, tabs) made spaces.
 */
void
atlas_mark_set_text (AtlasMark  *mark,
                     const char *text)
{
  GString *clean;

  g_return_if_fail (mark != NULL);
  g_return_if_fail (mark->kind == ATLAS_MARK_TEXT);
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buffer[6];
      int n = g_unichar_to_utf8 (g_unichar_iscntrl (c) ? ' ' : c, buffer);

      if (clean->len + n > ATLAS_MARKS_MAX_TEXT)
        break;
      g_string_append_len (clean, buffer, n);
    }
  g_strstrip (clean->str);

  g_free (mark->text);
  mark->text = g_string_free (clean, FALSE);
}

/**
 * atlas_mark_set_morph:
 * @morph: the posture the mark is drawn at (0 to 1), or %ATLAS_MARK_NO_MORPH on a view that
 *   does not morph
 *
 * Sets where the mark's points are: at which posture of a morphing view. Set it before the
 * mark is added; a value outside 0 to 1 (or not a number) means the mark never moves.
 */
void
atlas_mark_set_morph (AtlasMark *mark,
                      double     morph)
{
  g_return_if_fail (mark != NULL);

  mark->morph = isfinite (morph) && morph >= 0.0 && morph <= 1.0 ? morph : ATLAS_MARK_NO_MORPH;
}

/**
 * atlas_mark_is_complete:
 *
 * Returns: %TRUE if the mark has what its kind needs to be drawn: a stroke a point, a shape
 *   two points that are apart, a note its point and some text
 */
gboolean
atlas_mark_is_complete (const AtlasMark *mark)
{
  guint n = atlas_mark_get_n_points (mark);

  switch (mark->kind)
    {
    case ATLAS_MARK_STROKE:
      return n >= 1;
    case ATLAS_MARK_ARROW:
    case ATLAS_MARK_ELLIPSE:
      {
        double x0, y0, x1, y1;

        if (n != 2)
          return FALSE;
        atlas_mark_get_point (mark, 0, &x0, &y0);
        atlas_mark_get_point (mark, 1, &x1, &y1);
        return hypot (x1 - x0, y1 - y0) > 0;
      }
    case ATLAS_MARK_TEXT:
      return n == 1 && mark->text != NULL && mark->text[0] != '\0';
    case ATLAS_MARK_N_KINDS:
    default:
      return FALSE;
    }
}

/**
 * atlas_mark_get_rgb:
 *
 * The ink of @colour. Each is dark enough to read on white paper and on the light and
 * high-contrast palettes; the halo that atlas_mark_render() draws under it keeps it apart from
 * the dark palette and from a structure of the same hue.
 */
void
atlas_mark_get_rgb (AtlasMarkColour colour,
                    double         *red,
                    double         *green,
                    double         *blue)
{
  static const double rgb[ATLAS_MARK_N_COLOURS][3] = {
    { 0.78, 0.05, 0.10 },   /* red */
    { 0.08, 0.33, 0.78 },   /* blue */
    { 0.05, 0.50, 0.22 },   /* green */
    { 0.08, 0.08, 0.08 },   /* black */
  };

  g_return_if_fail (colour < ATLAS_MARK_N_COLOURS);

  *red = rgb[colour][0];
  *green = rgb[colour][1];
  *blue = rgb[colour][2];
}

/**
 * atlas_mark_colour_to_string:
 *
 * Returns: the colour's name in the file format (not translated)
 */
const char *
atlas_mark_colour_to_string (AtlasMarkColour colour)
{
  g_return_val_if_fail (colour < ATLAS_MARK_N_COLOURS, NULL);

  return _atlas_marks_colour_names[colour];
}

/* ------------------------------------------------------------------------------------------ */
/* The list and its history                                                                   */

G_DEFINE_FINAL_TYPE (AtlasMarks, atlas_marks, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GPtrArray *
new_list (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_mark_unref);
}

static gpointer
copy_mark_ref (gconstpointer src,
               gpointer      data)
{
  return atlas_mark_ref ((AtlasMark *) src);
}

static void
atlas_marks_finalize (GObject *object)
{
  AtlasMarks *self = ATLAS_MARKS (object);

  g_ptr_array_unref (self->marks);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->view);

  G_OBJECT_CLASS (atlas_marks_parent_class)->finalize (object);
}

static void
atlas_marks_class_init (AtlasMarksClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_marks_finalize;

  /**
   * AtlasMarks::changed:
   *
   * Emitted after a mark is added or erased, the marks are cleared, or an undo or redo.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_marks_init (AtlasMarks *self)
{
  self->marks = new_list ();
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

AtlasMarks *
atlas_marks_new (void)
{
  return g_object_new (ATLAS_TYPE_MARKS, NULL);
}

guint
atlas_marks_get_n_marks (AtlasMarks *self)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), 0);

  return self->marks->len;
}

/**
 * atlas_marks_get_mark:
 *
 * Returns: (transfer none): mark @index, counting from the bottom
 */
AtlasMark *
atlas_marks_get_mark (AtlasMarks *self,
                      guint       index)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  return g_ptr_array_index (self->marks, index);
}

/* Before every change: the list as it is goes on the undo stack, and what was undone is gone. */
static void
remember (AtlasMarks *self)
{
  g_ptr_array_add (self->undo, g_ptr_array_copy (self->marks, copy_mark_ref, NULL));
  if (self->undo->len > ATLAS_MARKS_MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

/**
 * atlas_marks_copy:
 *
 * The marks as they are now, without their undo history, on the same view. The marks
 * themselves are shared (a mark never changes once added), so nothing is rounded or lost.
 *
 * Returns: (transfer full): a new list
 */
AtlasMarks *
atlas_marks_copy (AtlasMarks *self)
{
  AtlasMarks *copy;

  g_return_val_if_fail (ATLAS_IS_MARKS (self), NULL);

  copy = atlas_marks_new ();
  g_ptr_array_extend (copy->marks, self->marks, copy_mark_ref, NULL);
  atlas_marks_set_view (copy, self->view);
  return copy;
}

/**
 * atlas_marks_add:
 *
 * Adds @mark on top, if it is complete (atlas_mark_is_complete()) and there is room.
 * The list keeps its own reference; the mark must not be changed afterwards.
 */
void
atlas_marks_add (AtlasMarks *self,
                 AtlasMark  *mark)
{
  g_return_if_fail (ATLAS_IS_MARKS (self));
  g_return_if_fail (mark != NULL);

  if (!atlas_mark_is_complete (mark) || self->marks->len >= ATLAS_MARKS_MAX_MARKS)
    return;

  remember (self);
  g_ptr_array_add (self->marks, atlas_mark_ref (mark));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * atlas_marks_remove:
 *
 * Erases mark @index; undoable.
 */
void
atlas_marks_remove (AtlasMarks *self,
                    guint       index)
{
  g_return_if_fail (ATLAS_IS_MARKS (self));
  g_return_if_fail (index < self->marks->len);

  remember (self);
  g_ptr_array_remove_index (self->marks, index);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * atlas_marks_clear:
 *
 * Erases every mark; undoable, like the rest.
 */
void
atlas_marks_clear (AtlasMarks *self)
{
  g_return_if_fail (ATLAS_IS_MARKS (self));

  if (self->marks->len == 0)
    return;

  remember (self);
  g_ptr_array_set_size (self->marks, 0);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
atlas_marks_can_undo (AtlasMarks *self)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), FALSE);

  return self->undo->len > 0;
}

gboolean
atlas_marks_can_redo (AtlasMarks *self)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), FALSE);

  return self->redo->len > 0;
}

static gboolean
step (AtlasMarks *self,
      GPtrArray  *from,
      GPtrArray  *to)
{
  if (from->len == 0)
    return FALSE;

  g_ptr_array_add (to, self->marks);
  self->marks = g_ptr_array_steal_index (from, from->len - 1);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/**
 * atlas_marks_undo:
 *
 * Returns: %TRUE if there was something to undo
 */
gboolean
atlas_marks_undo (AtlasMarks *self)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), FALSE);

  return step (self, self->undo, self->redo);
}

/**
 * atlas_marks_redo:
 *
 * Returns: %TRUE if there was something to redo
 */
gboolean
atlas_marks_redo (AtlasMarks *self)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), FALSE);

  return step (self, self->redo, self->undo);
}

/**
 * atlas_marks_forget_history:
 *
 * Drops the undo and redo history, keeping the marks.
 */
void
atlas_marks_forget_history (AtlasMarks *self)
{
  g_return_if_fail (ATLAS_IS_MARKS (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

static double
distance_to_segment (double px,
                     double py,
                     double ax,
                     double ay,
                     double bx,
                     double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / length2, 0, 1) : 0;

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* A note's box, estimated from its size: good enough to point at, with no font at hand. */
static void
text_box (const AtlasMark *mark,
          double          *x,
          double          *y,
          double          *width,
          double          *height)
{
  atlas_mark_get_point (mark, 0, x, y);
  *width = g_utf8_strlen (mark->text ? mark->text : "", -1) * mark->width * 0.6;
  *height = mark->width * 1.3;
}

static double
mark_distance (const AtlasMark *mark,
               double           x,
               double           y)
{
  guint n = atlas_mark_get_n_points (mark);
  double x0, y0, x1, y1;

  if (n == 0)
    return G_MAXDOUBLE;

  atlas_mark_get_point (mark, 0, &x0, &y0);
  switch (mark->kind)
    {
    case ATLAS_MARK_STROKE:
      {
        double best = hypot (x - x0, y - y0);

        for (guint i = 1; i < n; i++)
          {
            double ax, ay, bx, by;

            atlas_mark_get_point (mark, i - 1, &ax, &ay);
            atlas_mark_get_point (mark, i, &bx, &by);
            best = MIN (best, distance_to_segment (x, y, ax, ay, bx, by));
          }
        return best - mark->width / 2;
      }

    case ATLAS_MARK_ARROW:
      if (n < 2)
        return hypot (x - x0, y - y0);
      atlas_mark_get_point (mark, 1, &x1, &y1);
      return distance_to_segment (x, y, x0, y0, x1, y1) - mark->width / 2;

    case ATLAS_MARK_ELLIPSE:
      {
        double cx, cy, rx, ry, r;

        if (n < 2)
          return hypot (x - x0, y - y0);
        atlas_mark_get_point (mark, 1, &x1, &y1);
        cx = (x0 + x1) / 2;
        cy = (y0 + y1) / 2;
        rx = MAX (fabs (x1 - x0) / 2, 1e-6);
        ry = MAX (fabs (y1 - y0) / 2, 1e-6);
        /* Distance to the outline, measured along the ray from the centre: exact for a circle,
         * close enough for the ellipses a hand draws. */
        r = hypot ((x - cx) / rx, (y - cy) / ry);
        return fabs (r - 1) * (r > 0 ? hypot (x - cx, y - cy) / r : MIN (rx, ry)) - mark->width / 2;
      }

    case ATLAS_MARK_TEXT:
      {
        double bx, by, bw, bh;

        text_box (mark, &bx, &by, &bw, &bh);
        return hypot (MAX (0, MAX (bx - x, x - (bx + bw))), MAX (0, MAX (by - y, y - (by + bh))));
      }

    case ATLAS_MARK_N_KINDS:
    default:
      return G_MAXDOUBLE;
    }
}

/**
 * atlas_marks_hit_test:
 * @tolerance: how far from a mark's ink still counts, in document units
 *
 * Returns: the index of the topmost mark at (@x, @y), or -1
 */
int
atlas_marks_hit_test (AtlasMarks *self,
                      double      x,
                      double      y,
                      double      tolerance)
{
  return atlas_marks_hit_test_on (self, NULL, x, y, tolerance);
}

/**
 * atlas_marks_hit_test_on:
 * @diagram: (nullable): the diagram the marks are shown on, at its current posture
 * @tolerance: how far from a mark's ink still counts, in document units
 *
 * Like atlas_marks_hit_test(), with each mark where it is drawn on @diagram: moved with the
 * anatomy when the posture differs from the one it was drawn at.
 *
 * Returns: the index of the topmost mark at (@x, @y), or -1
 */
int
atlas_marks_hit_test_on (AtlasMarks   *self,
                         AtlasDiagram *diagram,
                         double        x,
                         double        y,
                         double        tolerance)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), -1);
  g_return_val_if_fail (diagram == NULL || ATLAS_IS_DIAGRAM (diagram), -1);

  for (guint i = self->marks->len; i > 0; i--)
    {
      const AtlasMark *mark = g_ptr_array_index (self->marks, i - 1);
      double dx, dy;

      atlas_mark_get_morph_offset (mark, diagram, &dx, &dy);
      if (mark_distance (mark, x - dx, y - dy) <= tolerance)
        return i - 1;
    }

  return -1;
}

/**
 * atlas_marks_get_view:
 *
 * Returns: (nullable): the view the marks were drawn on, when known
 */
const char *
atlas_marks_get_view (AtlasMarks *self)
{
  g_return_val_if_fail (ATLAS_IS_MARKS (self), NULL);

  return self->view;
}

void
atlas_marks_set_view (AtlasMarks *self,
                      const char *view)
{
  g_return_if_fail (ATLAS_IS_MARKS (self));

  g_free (self->view);
  self->view = g_strdup (view);
}
