/* atlas-marks.c — what a clinician draws on a diagram: strokes, arrows, circles, notes.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marks are kept in the diagram's document coordinates, so they stay on the anatomy whatever
 * the zoom, the pan or the posture. A mark is never changed once added: adding, erasing and
 * clearing replace the list, and the undo history keeps the lists it replaced (they share the
 * marks, so a history costs pointers, not points).
 *
 * Marks are not kept between sessions. They can be written to a small text file, and read
 * back with `--handout FILE --marks MARKS`. The file format, version 1:
 *
 *     psoas-atlas-marks 1
 *     # A comment: blank lines and lines starting with # are skipped.
 *     view side
 *     stroke red 3 412.5,380 415,386.25 420,391
 *     arrow blue 3 300,200 380,260
 *     ellipse green 3 350,420 470,520
 *     text black 24 500,300 Tight here
 *
 * - The first line that is not blank or a comment is `psoas-atlas-marks VERSION`; a version
 *   newer than this reader is refused as such, not as a broken file.
 * - `view NAME` (at most once, optional) names the view the marks were drawn on.
 * - Every other line is one mark: a kind (stroke, arrow, ellipse, text), a colour (red, blue,
 *   green, black), a width in document units (the text's size for a note, at most 200), then
 *   points as `x,y` in document units. A stroke has 1 to 4000 points, an arrow (tail, head) and
 *   an ellipse (two opposite corners) exactly 2, a note exactly 1 followed by its text to the
 *   end of the line (at most 200 bytes).
 * - Numbers are written with a dot; coordinates are finite and within ±100000.
 * - At most 500 marks and 1 MiB; the file is UTF-8 with no NUL or control characters, and is
 *   opened only if it is a regular file and not a symbolic link.
 *
 * A file that breaks a rule is refused as a whole, with its name, the line and the rule.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-marks.h"
#include "atlas-state-file.h"

#define HEADER        "psoas-atlas-marks"
#define MAX_WIDTH     200.0

static const char * const kind_names[] = { "stroke", "arrow", "ellipse", "text" };
static const char * const colour_names[] = { "red", "blue", "green", "black" };

G_DEFINE_BOXED_TYPE (AtlasMark, atlas_mark, atlas_mark_ref, atlas_mark_unref)

G_DEFINE_QUARK (atlas-marks-error-quark, atlas_marks_error)

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
  mark->width = isfinite (width) ? CLAMP (width, 0.1, MAX_WIDTH) : 1.0;
  mark->points = g_array_new (FALSE, FALSE, sizeof (double));
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
static guint
max_points (AtlasMarkKind kind)
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

  if (n >= max_points (mark->kind))
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

/* Control characters would break the file's one-mark-a-line rule and mean nothing on paper. */
static gboolean
text_is_clean (const char *text,
               gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  if (!g_utf8_validate (text, end - text, NULL))
    return FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
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

  return colour_names[colour];
}

/* ------------------------------------------------------------------------------------------ */
/* The list and its history                                                                   */

struct _AtlasMarks
{
  GObject    parent_instance;

  GPtrArray *marks;   /* AtlasMark*, bottom to top */
  GPtrArray *undo;    /* GPtrArray* of earlier lists, the latest last */
  GPtrArray *redo;    /* GPtrArray* of undone lists, the latest last */
  char      *view;
};

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
  g_return_val_if_fail (ATLAS_IS_MARKS (self), -1);

  for (guint i = self->marks->len; i > 0; i--)
    if (mark_distance (g_ptr_array_index (self->marks, i - 1), x, y) <= tolerance)
      return i - 1;

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

/* ------------------------------------------------------------------------------------------ */
/* The file                                                                                   */

/**
 * atlas_marks_serialize:
 *
 * Returns: (transfer full): the marks in the file format described at the top of this file
 */
char *
atlas_marks_serialize (AtlasMarks *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_MARKS (self), NULL);

  g_string_append_printf (out, "%s %d\n", HEADER, ATLAS_MARKS_VERSION);
  if (self->view != NULL)
    g_string_append_printf (out, "view %s\n", self->view);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const AtlasMark *mark = g_ptr_array_index (self->marks, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s %s %s", kind_names[mark->kind], colour_names[mark->colour],
                              g_ascii_formatd (number, sizeof number, "%.6g", mark->width));
      for (guint p = 0; p < atlas_mark_get_n_points (mark); p++)
        {
          double x, y;

          atlas_mark_get_point (mark, p, &x, &y);
          g_string_append_printf (out, " %s", g_ascii_formatd (number, sizeof number, "%.2f", x));
          g_string_append_printf (out, ",%s", g_ascii_formatd (number, sizeof number, "%.2f", y));
        }
      if (mark->kind == ATLAS_MARK_TEXT)
        g_string_append_printf (out, " %s", mark->text);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static gboolean
parse_number (const char *text,
              double      limit,
              double     *value)
{
  char *end = NULL;

  if (text[0] == '\0' || g_ascii_isspace (text[0]))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtod (text, &end);
  return errno == 0 && end != NULL && *end == '\0' && isfinite (*value) && fabs (*value) <= limit;
}

static gboolean
parse_point (const char *text,
             double     *x,
             double     *y)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", 3);

  return g_strv_length (parts) == 2 &&
         parse_number (parts[0], ATLAS_MARKS_MAX_COORDINATE, x) &&
         parse_number (parts[1], ATLAS_MARKS_MAX_COORDINATE, y);
}

static int
lookup_name (const char * const *names,
             guint               n,
             const char         *name)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i], name))
      return i;
  return -1;
}

/* Reads one mark line; on failure says which rule it broke. */
static AtlasMark *
parse_mark (char        *line,
            char       **problem)
{
  g_autoptr(AtlasMark) mark = NULL;
  char *fields[4] = { NULL, };
  char *rest = line;
  int kind, colour;
  double width;

  /* kind, colour, width, then the points (and a note's text) */
  for (guint i = 0; i < 3; i++)
    {
      char *space;

      while (*rest == ' ')
        rest++;
      fields[i] = rest;
      space = strchr (rest, ' ');
      if (space == NULL)
        {
          *problem = g_strdup (i == 0 ? "expected a mark" : "a mark needs a kind, a colour, a width and points");
          return NULL;
        }
      *space = '\0';
      rest = space + 1;
    }

  kind = lookup_name (kind_names, G_N_ELEMENTS (kind_names), fields[0]);
  if (kind < 0)
    {
      *problem = g_strdup_printf ("“%s” is not a kind of mark (stroke, arrow, ellipse or text)", fields[0]);
      return NULL;
    }
  colour = lookup_name (colour_names, G_N_ELEMENTS (colour_names), fields[1]);
  if (colour < 0)
    {
      *problem = g_strdup_printf ("“%s” is not a colour (red, blue, green or black)", fields[1]);
      return NULL;
    }
  if (!parse_number (fields[2], MAX_WIDTH, &width) || width <= 0)
    {
      *problem = g_strdup_printf ("“%s” is not a width between 0 and %g", fields[2], MAX_WIDTH);
      return NULL;
    }

  mark = atlas_mark_new (kind, colour, width);
  while (*rest != '\0')
    {
      char *space;
      double x, y;

      while (*rest == ' ')
        rest++;
      if (*rest == '\0')
        break;

      if (kind == ATLAS_MARK_TEXT && atlas_mark_get_n_points (mark) == 1)
        {
          if (strlen (rest) > ATLAS_MARKS_MAX_TEXT)
            {
              *problem = g_strdup_printf ("a note is longer than %d bytes", ATLAS_MARKS_MAX_TEXT);
              return NULL;
            }
          atlas_mark_set_text (mark, rest);
          break;
        }

      space = strchr (rest, ' ');
      if (space != NULL)
        *space = '\0';
      if (!parse_point (rest, &x, &y))
        {
          *problem = g_strdup_printf ("“%s” is not a point x,y within ±%g", rest, ATLAS_MARKS_MAX_COORDINATE);
          return NULL;
        }
      if (atlas_mark_get_n_points (mark) >= max_points (kind))
        {
          *problem = kind == ATLAS_MARK_STROKE
                     ? g_strdup_printf ("a stroke has more than %d points", ATLAS_MARKS_MAX_POINTS)
                     : g_strdup_printf ("an %s has exactly two points", kind_names[kind]);
          return NULL;
        }
      atlas_mark_add_point (mark, x, y);
      rest = space != NULL ? space + 1 : rest + strlen (rest);
    }

  if (!atlas_mark_is_complete (mark))
    {
      switch (kind)
        {
        case ATLAS_MARK_STROKE:
          *problem = g_strdup ("a stroke needs at least one point");
          break;
        case ATLAS_MARK_TEXT:
          *problem = g_strdup ("a note needs a point and some text");
          break;
        default:
          *problem = g_strdup_printf ("an %s needs two different points", kind_names[kind]);
        }
      return NULL;
    }

  return g_steal_pointer (&mark);
}

/**
 * atlas_marks_new_from_data:
 * @name: the file's name, for messages
 *
 * Reads marks in the file format described at the top of this file. Nothing is half-read: on
 * any problem there are no marks at all, and @error says where and what.
 *
 * Returns: (transfer full) (nullable): the marks, with no undo history
 */
AtlasMarks *
atlas_marks_new_from_data (const char  *data,
                           gsize        length,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(AtlasMarks) self = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean have_header = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (length > ATLAS_MARKS_MAX_BYTES)
    {
      g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d KiB, far more than any drawing needs"),
                   name, ATLAS_MARKS_MAX_BYTES / 1024);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_INVALID, _("%s: the file is empty"), name);
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_INVALID, _("%s: the file is not UTF-8 text"), name);
      return NULL;
    }

  self = atlas_marks_new ();
  copy = g_strndup (data, length);
  lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      g_autofree char *problem = NULL;
      gsize len = strlen (line);

      /* Files edited on Windows end their lines with \r\n. */
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (!text_is_clean (line, len))
        problem = g_strdup ("the line has control characters");
      else if (g_strstrip (line)[0] == '\0' || line[0] == '#')
        continue;
      else if (!have_header)
        {
          g_auto(GStrv) words = g_strsplit (line, " ", 0);
          double version = 0;

          if (g_strv_length (words) != 2 || !g_str_equal (words[0], HEADER) ||
              !parse_number (words[1], G_MAXINT, &version) || version < 1 || version != floor (version))
            problem = g_strdup_printf ("the file does not start with “%s %d”: it is not a marks file", HEADER, ATLAS_MARKS_VERSION);
          else if (version > ATLAS_MARKS_VERSION)
            {
              g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_NEWER_VERSION,
                           _("%s:%u: the marks were saved by a newer version of Psoas Atlas (format %g; this one reads %d)"),
                           name, i + 1, version, ATLAS_MARKS_VERSION);
              return NULL;
            }
          have_header = TRUE;
        }
      else if (g_str_has_prefix (line, "view ") || g_str_equal (line, "view"))
        {
          const char *view = g_strstrip (line + 4);

          if (self->view != NULL)
            problem = g_strdup ("the view is named twice");
          else if (view[0] == '\0' || strlen (view) > 32 || strspn (view, "abcdefghijklmnopqrstuvwxyz-") != strlen (view))
            problem = g_strdup_printf ("“%s” is not a view name", view);
          else
            self->view = g_strdup (view);
        }
      else if (self->marks->len >= ATLAS_MARKS_MAX_MARKS)
        {
          g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_TOO_LARGE,
                       _("%s:%u: more than %d marks"), name, i + 1, ATLAS_MARKS_MAX_MARKS);
          return NULL;
        }
      else
        {
          AtlasMark *mark = parse_mark (line, &problem);

          if (mark != NULL)
            g_ptr_array_add (self->marks, mark);
        }

      if (problem != NULL)
        {
          /* Translators: where a marks file breaks a rule, e.g. "marks.txt:3: a stroke needs at least one point". */
          g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_INVALID, _("%s:%u: %s"), name, i + 1, problem);
          return NULL;
        }
    }

  if (!have_header)
    {
      g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_INVALID, _("%s: the file has no marks header"), name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * atlas_marks_new_from_file:
 *
 * Reads a marks file. Only a regular file is opened, never through a symbolic link, and never
 * more than %ATLAS_MARKS_MAX_BYTES of it.
 *
 * Returns: (transfer full) (nullable): the marks
 */
AtlasMarks *
atlas_marks_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ELOOP)
        g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_NOT_A_FILE,
                     _("%s: is a symbolic link; give the file itself"), display);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not open %s: %s"),
                     display, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_NOT_A_FILE, _("%s: is not a regular file"), display);
      return NULL;
    }
  if (st.st_size > ATLAS_MARKS_MAX_BYTES)
    {
      close (fd);
      g_set_error (error, ATLAS_MARKS_ERROR, ATLAS_MARKS_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d KiB, far more than any drawing needs"),
                   display, ATLAS_MARKS_MAX_BYTES / 1024);
      return NULL;
    }

  /* Read one byte past the limit, so a file that grew since fstat() is still caught. */
  data = g_malloc (ATLAS_MARKS_MAX_BYTES + 2);
  while (length < ATLAS_MARKS_MAX_BYTES + 1)
    {
      gssize n = read (fd, data + length, ATLAS_MARKS_MAX_BYTES + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not read %s: %s"),
                       display, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);
  data[length] = '\0';

  return atlas_marks_new_from_data (data, length, display, error);
}

/**
 * atlas_marks_save:
 *
 * Writes the marks to @path atomically (the old file stays whole until the new one is).
 */
gboolean
atlas_marks_save (AtlasMarks  *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (ATLAS_IS_MARKS (self), FALSE);

  data = atlas_marks_serialize (self);
  return atlas_state_file_write (path, data, strlen (data), error);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                    */

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
      pango_font_description_set_absolute_size (font, mark->width * PANGO_SCALE);
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
