/* atlas-diagram-morph.c — moving a diagram continuously between two postures.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two side views (neutral and shortened psoas) are written by one generator with the same
 * elements, the same ids and the same path commands; only the numbers in the geometry differ.
 * A morph reads both files as "text with numbers in it": the text between the numbers must be
 * identical, byte for byte, and the numbers of one are paired with those of the other. A frame
 * at t in [0, 1] is the same text with every pair of numbers interpolated, handed to librsvg.
 *
 * Only the numbers inside geometry attributes (d, cx, r, points, transform, …) are paired, so
 * ids, classes and everything else must match exactly; a pair that does not is refused with an
 * error naming the line where the two files part. Because the frame is built from two files
 * that both passed the scan and differs from them only in numbers between theirs, it needs no
 * second scan. The pick map is not rebuilt per frame: it is marked stale and rebuilt when it is
 * next read, so dragging a slider costs one parse and one render per frame.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "atlas-diagram-private.h"

typedef struct
{
  gsize offset;
  gsize length;
} Piece;

/* A document taken apart: literal runs of text and the numbers between them. There is always
 * one more literal than numbers (the text after the last number, possibly empty). */
typedef struct
{
  GArray *literals;      /* Piece */
  GArray *numbers;       /* Piece: each number's own text */
  GArray *values;        /* double */
} Tokens;

struct _AtlasDiagramMorph
{
  GBytes  *source;       /* this diagram's own bytes: the frame at t = 0 */
  Tokens   from;
  GArray  *to;           /* double: the target's numbers, paired with from.values */
  double  *anchors;      /* per region: x and y at t = 0, then x and y at t = 1 */
  double   bounds[4];    /* content bounds holding both postures: x, y, width, height */
  GString *frame;        /* reused between frames */
};

static const char * const geometry_attributes[] = {
  "d", "points", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
  "width", "height", NULL
};

static void
tokens_clear (Tokens *tokens)
{
  g_clear_pointer (&tokens->literals, g_array_unref);
  g_clear_pointer (&tokens->numbers, g_array_unref);
  g_clear_pointer (&tokens->values, g_array_unref);
}

static gboolean
is_geometry_attribute (const char *text,
                       gsize       end)
{
  gsize start = end;
  char name[16];

  while (start > 0 && (g_ascii_isalnum (text[start - 1]) || text[start - 1] == '-' || text[start - 1] == ':'))
    start--;
  if (start == 0 || !g_ascii_isspace (text[start - 1]) || end - start >= sizeof name)
    return FALSE;

  memcpy (name, text + start, end - start);
  name[end - start] = '\0';
  return g_strv_contains (geometry_attributes, name);
}

/* The length of the number at text[i] (sign, digits, fraction, exponent), or 0 if none starts
 * there. Written out rather than left to strtod, which would also take "inf", "nan" and hex. */
static gsize
number_length (const char *text,
               gsize       i,
               gsize       end)
{
  gsize j = i, digits = 0;

  if (j < end && (text[j] == '-' || text[j] == '+'))
    j++;
  while (j < end && g_ascii_isdigit (text[j]))
    j++, digits++;
  if (j < end && text[j] == '.')
    {
      j++;
      while (j < end && g_ascii_isdigit (text[j]))
        j++, digits++;
    }
  if (digits == 0)
    return 0;
  if (j < end && (text[j] == 'e' || text[j] == 'E'))
    {
      gsize k = j + 1;

      if (k < end && (text[k] == '-' || text[k] == '+'))
        k++;
      if (k < end && g_ascii_isdigit (text[k]))
        {
          while (k < end && g_ascii_isdigit (text[k]))
            k++;
          j = k;
        }
    }

  return j - i;
}

static void
tokenize (const char *text,
          gsize       size,
          Tokens     *tokens)
{
  gsize literal_start = 0;

  tokens->literals = g_array_new (FALSE, FALSE, sizeof (Piece));
  tokens->numbers = g_array_new (FALSE, FALSE, sizeof (Piece));
  tokens->values = g_array_new (FALSE, FALSE, sizeof (double));

  for (gsize i = 0; i + 1 < size; i++)
    {
      gsize value_end;

      if (text[i] != '=' || text[i + 1] != '"' || !is_geometry_attribute (text, i))
        continue;

      value_end = i + 2;
      while (value_end < size && text[value_end] != '"')
        value_end++;

      for (gsize j = i + 2; j < value_end;)
        {
          gsize n = number_length (text, j, value_end);
          char buffer[64];
          Piece literal = { literal_start, j - literal_start };
          Piece number = { j, n };
          double value;

          if (n == 0 || n >= sizeof buffer)
            {
              j++;
              continue;
            }

          memcpy (buffer, text + j, n);
          buffer[n] = '\0';
          value = g_ascii_strtod (buffer, NULL);
          g_array_append_val (tokens->literals, literal);
          g_array_append_val (tokens->numbers, number);
          g_array_append_val (tokens->values, value);
          j += n;
          literal_start = j;
        }
      i = value_end;
    }

  g_array_append_val (tokens->literals, ((Piece) { literal_start, size - literal_start }));
}

static int
line_at (const char *text,
         gsize       offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';

  return line;
}

void
atlas_diagram_morph_free (AtlasDiagramMorph *morph)
{
  if (morph == NULL)
    return;

  g_bytes_unref (morph->source);
  tokens_clear (&morph->from);
  g_clear_pointer (&morph->to, g_array_unref);
  g_free (morph->anchors);
  if (morph->frame != NULL)
    g_string_free (morph->frame, TRUE);
  g_free (morph);
}

static char *
short_name (AtlasDiagram *diagram)
{
  GFile *file = atlas_diagram_get_file (diagram);

  return file != NULL ? g_file_get_basename (file) : g_strdup ("(diagram)");
}

/**
 * atlas_diagram_set_morph_target:
 * @target: (nullable): the diagram to move toward, or %NULL to stop morphing
 * @error: set when the two drawings differ in anything but their numbers
 *
 * Lets atlas_diagram_set_morph() move this diagram toward @target. Both must have been drawn
 * with identical structure: the same elements, ids, classes and path commands. The morph
 * starts at 0 (this diagram as loaded).
 *
 * Returns: whether @target was accepted
 */
gboolean
atlas_diagram_set_morph_target (AtlasDiagram  *self,
                                AtlasDiagram  *target,
                                GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *target_name = NULL;
  AtlasDiagramMorph *morph;
  Tokens to = { 0 };
  const char *a, *b;
  gsize a_size, b_size;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (target == NULL || ATLAS_IS_DIAGRAM (target), FALSE);

  /* Back to the drawing as loaded before anything else. */
  atlas_diagram_set_morph (self, 0.0);
  g_clear_pointer (&self->morph, atlas_diagram_morph_free);
  if (target == NULL)
    return TRUE;

  g_return_val_if_fail (target->morph == NULL || target->morph_t == 0.0, FALSE);

  name = short_name (self);
  target_name = short_name (target);
  morph = g_new0 (AtlasDiagramMorph, 1);
  morph->source = g_bytes_ref (self->bytes);
  a = g_bytes_get_data (self->bytes, &a_size);
  b = g_bytes_get_data (target->bytes, &b_size);
  tokenize (a, a_size, &morph->from);
  tokenize (b, b_size, &to);

  for (guint i = 0; i < morph->from.literals->len; i++)
    {
      const Piece *pa = &g_array_index (morph->from.literals, Piece, i);
      const Piece *pb = i < to.literals->len ? &g_array_index (to.literals, Piece, i) : NULL;

      if (pb == NULL || pa->length != pb->length || memcmp (a + pa->offset, b + pb->offset, pa->length) != 0)
        {
          gsize offset = pa->offset;

          /* Point at the first differing byte, so the line named is where the files part. */
          if (pb != NULL)
            for (gsize k = 0; k < MIN (pa->length, pb->length) && a[pa->offset + k] == b[pb->offset + k]; k++)
              offset = pa->offset + k + 1;
          g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MORPH,
                       "%s cannot be morphed into %s: they differ in more than numbers from line %d of %s on",
                       name, target_name, line_at (a, offset), name);
          tokens_clear (&to);
          atlas_diagram_morph_free (morph);
          return FALSE;
        }
    }
  if (to.literals->len != morph->from.literals->len || self->regions->len != target->regions->len)
    {
      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MORPH,
                   "%s cannot be morphed into %s: %s has more numbers", name, target_name, target_name);
      tokens_clear (&to);
      atlas_diagram_morph_free (morph);
      return FALSE;
    }

  morph->to = g_steal_pointer (&to.values);
  tokens_clear (&to);
  morph->anchors = g_new (double, 4 * self->regions->len);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const AtlasRegion *r0 = g_ptr_array_index (self->regions, i);
      const AtlasRegion *r1 = g_ptr_array_index (target->regions, i);

      morph->anchors[4 * i + 0] = r0->anchor_x;
      morph->anchors[4 * i + 1] = r0->anchor_y;
      morph->anchors[4 * i + 2] = r1->anchor_x;
      morph->anchors[4 * i + 3] = r1->anchor_y;
    }
  {
    double ax, ay, aw, ah, bx, by, bw, bh;

    atlas_diagram_get_content_bounds (self, &ax, &ay, &aw, &ah);
    atlas_diagram_get_content_bounds (target, &bx, &by, &bw, &bh);
    morph->bounds[0] = MIN (ax, bx);
    morph->bounds[1] = MIN (ay, by);
    morph->bounds[2] = MAX (ax + aw, bx + bw) - morph->bounds[0];
    morph->bounds[3] = MAX (ay + ah, by + bh) - morph->bounds[1];
  }
  morph->frame = g_string_sized_new (a_size + a_size / 8);
  self->morph = morph;
  self->morph_t = 0.0;

  return TRUE;
}

gboolean
atlas_diagram_has_morph_target (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);

  return self->morph != NULL;
}

double
atlas_diagram_get_morph (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), 0.0);

  return self->morph_t;
}

/* Two decimals, trailing zeros dropped: exact for the generators' one-decimal numbers, so the
 * frames at 0 and 1 draw exactly the two files. Much faster than printf for thousands. */
static void
append_number (GString *out,
               double   v)
{
  char buffer[32];
  char *p = buffer + sizeof buffer;
  gboolean negative;
  guint64 n;
  int decimals = 2;

  if (!(fabs (v) < 1e12))
    {
      char fallback[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_dtostr (fallback, sizeof fallback, v));
      return;
    }

  negative = v < 0;
  n = (guint64) llround (fabs (v) * 100.0);
  while (decimals > 0 && n % 10 == 0)
    n /= 10, decimals--;
  if (n == 0)
    negative = FALSE;

  do
    {
      *--p = '0' + n % 10;
      n /= 10;
      if (--decimals == 0)
        *--p = '.';
    }
  while (n > 0 || decimals >= 0);
  if (*p == '.')
    *--p = '0';
  if (negative)
    *--p = '-';

  g_string_append_len (out, p, buffer + sizeof buffer - p);
}

/**
 * atlas_diagram_set_morph:
 * @t: 0 for this diagram as loaded, 1 for the morph target, anything between for a blend
 *
 * Moves every shape, anchor and highlight to the blend at @t. Hit testing and region bounds
 * follow on their next use. Without a morph target only 0 is meaningful.
 */
void
atlas_diagram_set_morph (AtlasDiagram *self,
                         double        t)
{
  AtlasDiagramMorph *morph;
  const char *text;
  GString *frame;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (ATLAS_IS_DIAGRAM (self));

  morph = self->morph;
  t = isnan (t) ? 0.0 : CLAMP (t, 0.0, 1.0);
  if (morph == NULL || t == self->morph_t)
    return;

  self->morph_t = t;
  text = g_bytes_get_data (morph->source, NULL);
  frame = morph->frame;
  g_string_truncate (frame, 0);
  for (guint i = 0; i < morph->from.values->len; i++)
    {
      const Piece *literal = &g_array_index (morph->from.literals, Piece, i);
      const Piece *number = &g_array_index (morph->from.numbers, Piece, i);
      double a = g_array_index (morph->from.values, double, i);
      double b = g_array_index (morph->to, double, i);

      g_string_append_len (frame, text + literal->offset, literal->length);
      if (a == b)
        g_string_append_len (frame, text + number->offset, number->length);
      else
        append_number (frame, (1.0 - t) * a + t * b);
    }
  {
    const Piece *last = &g_array_index (morph->from.literals, Piece, morph->from.literals->len - 1);
    g_string_append_len (frame, text + last->offset, last->length);
  }

  bytes = g_bytes_new (frame->str, frame->len);
  g_bytes_unref (self->bytes);
  self->bytes = g_steal_pointer (&bytes);

  for (guint i = 0; i < self->regions->len; i++)
    {
      AtlasRegion *region = g_ptr_array_index (self->regions, i);
      const double *anchor = &morph->anchors[4 * i];

      region->anchor_x = (1.0 - t) * anchor[0] + t * anchor[2];
      region->anchor_y = (1.0 - t) * anchor[1] + t * anchor[3];
    }

  /* The highlight handles hold the old shapes; they are made again on first use. */
  for (guint i = 0; i < ATLAS_N_HIGHLIGHTS; i++)
    g_clear_object (&self->highlight[i]);
  atlas_diagram_restyle (self);
  self->pick_stale = TRUE;
}

/**
 * atlas_diagram_get_anchors_at:
 * @t: a morph value, 0 to 1
 * @anchors: (out caller-allocates): room for 2 × atlas_diagram_get_n_regions() doubles
 *
 * Every region's label anchor, x then y in region order, as it stands at morph @t, without
 * moving the drawing: what marks drawn at another posture follow (atlas-marks-morph.c).
 * Without a morph target the anchors are where they are, whatever @t.
 *
 * Returns: whether the diagram morphs
 */
gboolean
atlas_diagram_get_anchors_at (AtlasDiagram *self,
                              double        t,
                              double       *anchors)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (anchors != NULL, FALSE);

  t = isnan (t) ? 0.0 : CLAMP (t, 0.0, 1.0);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->regions, i);

      if (self->morph != NULL)
        {
          const double *anchor = &self->morph->anchors[4 * i];

          anchors[2 * i] = (1.0 - t) * anchor[0] + t * anchor[2];
          anchors[2 * i + 1] = (1.0 - t) * anchor[1] + t * anchor[3];
        }
      else
        {
          anchors[2 * i] = region->anchor_x;
          anchors[2 * i + 1] = region->anchor_y;
        }
    }
  return self->morph != NULL;
}

/* While morphing, the content bounds hold both postures: the fit and the label columns stay
 * still as the drawing moves, and no frame has to rebuild the pick map to know them. */
gboolean
atlas_diagram_morph_get_bounds (AtlasDiagram *self,
                                double       *bounds)
{
  if (self->morph == NULL)
    return FALSE;

  memcpy (bounds, self->morph->bounds, sizeof self->morph->bounds);
  return TRUE;
}
