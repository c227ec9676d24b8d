/* atlas-marks-file.c — the marks file: writing marks down and reading them back.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marks are not kept between sessions. They can be written to a small text file, and read
 * back with `--handout FILE --marks MARKS`. The file format, version 2 (version 1 is the same
 * without `posture=`, and is still read):
 *
 *     psoas-atlas-marks 2
 *     # A comment: blank lines and lines starting with # are skipped.
 *     view side
 *     stroke red 3 412.5,380 415,386.25 420,391
 *     arrow blue 3 300,200 380,260
 *     ellipse green 3 350,420 470,520
 *     text black 24 500,300 Tight here
 *     arrow red 3 posture=0.5 520,600 470,680
 *
 * - The first line that is not blank or a comment is `psoas-atlas-marks VERSION`; a version
 *   newer than this reader is refused as such, not as a broken file.
 * - `view NAME` (at most once, optional) names the view the marks were drawn on.
 * - Every other line is one mark: a kind (stroke, arrow, ellipse, text), a colour (red, blue,
 *   green, black), a width in document units (the text's size for a note, at most 200), then
 *   points as `x,y` in document units. A stroke has 1 to 4000 points, an arrow (tail, head) and
 *   an ellipse (two opposite corners) exactly 2, a note exactly 1 followed by its text to the
 *   end of the line (at most 200 bytes).
 * - Version 2: after the width a mark may have `posture=T`, T from 0 to 1: it was drawn on a
 *   view that morphs between two postures (the side view), at T, and its points are where the
 *   anatomy is at T. It is drawn moved with the anatomy at any other posture
 *   (atlas-marks-morph.c). Without it a mark never moves. A file is written as version 1
 *   when no mark has a posture, so an older Psoas Atlas still reads it.
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
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-marks-private.h"
#include "atlas-state-file.h"

#define HEADER        "psoas-atlas-marks"

static const char * const kind_names[] = { "stroke", "arrow", "ellipse", "text" };

G_DEFINE_QUARK (atlas-marks-error-quark, atlas_marks_error)

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
 * atlas_marks_serialize:
 *
 * Returns: (transfer full): the marks in the file format described at the top of this file
 */
char *
atlas_marks_serialize (AtlasMarks *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_MARKS (self), NULL);

  {
    gboolean postures = FALSE;

    for (guint i = 0; i < self->marks->len && !postures; i++)
      postures = ((const AtlasMark *) g_ptr_array_index (self->marks, i))->morph >= 0;
    /* Version 1 while nothing needs 2: a reader from before postures reads it. */
    g_string_append_printf (out, "%s %d\n", HEADER, postures ? ATLAS_MARKS_VERSION : 1);
  }
  if (self->view != NULL)
    g_string_append_printf (out, "view %s\n", self->view);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const AtlasMark *mark = g_ptr_array_index (self->marks, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s %s %s", kind_names[mark->kind], _atlas_marks_colour_names[mark->colour],
                              g_ascii_formatd (number, sizeof number, "%.6g", mark->width));
      if (mark->morph >= 0)
        g_string_append_printf (out, " posture=%s", g_ascii_formatd (number, sizeof number, "%.6g", mark->morph));
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
  colour = lookup_name (_atlas_marks_colour_names, G_N_ELEMENTS (_atlas_marks_colour_names), fields[1]);
  if (colour < 0)
    {
      *problem = g_strdup_printf ("“%s” is not a colour (red, blue, green or black)", fields[1]);
      return NULL;
    }
  if (!parse_number (fields[2], ATLAS_MARKS_MAX_WIDTH, &width) || width <= 0)
    {
      *problem = g_strdup_printf ("“%s” is not a width between 0 and %g", fields[2], ATLAS_MARKS_MAX_WIDTH);
      return NULL;
    }

  mark = atlas_mark_new (kind, colour, width);
  while (*rest == ' ')
    rest++;
  if (g_str_has_prefix (rest, "posture="))
    {
      char *space = strchr (rest, ' ');
      double morph;

      if (space != NULL)
        *space = '\0';
      if (!parse_number (rest + strlen ("posture="), 1.0, &morph) || morph < 0)
        {
          *problem = g_strdup_printf ("“%s” is not a posture from 0 to 1", rest);
          return NULL;
        }
      atlas_mark_set_morph (mark, morph);
      rest = space != NULL ? space + 1 : rest + strlen (rest);
    }
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
      if (atlas_mark_get_n_points (mark) >= _atlas_marks_max_points (kind))
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
