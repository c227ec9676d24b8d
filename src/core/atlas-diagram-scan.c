/* atlas-diagram-scan.c — the first pass over a diagram file: rules and limits.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMarkup walks the file to enforce the project's rules and the limits that keep hostile files
 * harmless: no external references (so nothing outside the diagram's folder is ever read), no
 * scripts or foreign objects, bounded size, element count and nesting, one anchor per region. It
 * also collects the regions and anchors, because librsvg offers no way to enumerate elements.
 * Only a file that passes is given to librsvg.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "atlas-diagram-private.h"

void
atlas_region_free (gpointer data)
{
  AtlasRegion *region = data;

  g_free (region->id);
  g_free (region->structure);
  g_free (region->family);
  g_free (region->layer);
  g_free (region);
}

/* ------------------------------------------------------------------------------------------ */
/* The first pass: rules and limits.                                                          */

static const char * const families[] = {
  "bone", "disc", "muscle", "tendon", "nerve", "artery", "vein", "organ", "fat", NULL
};


static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->id);
  g_free (anchor);
}

static void
scan_error (Scan       *scan,
            GError    **error,
            int         code,
            const char *format,
            ...) G_GNUC_PRINTF (4, 5);

static void
scan_error (Scan       *scan,
            GError    **error,
            int         code,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  int line = 0, column = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_markup_parse_context_get_position (scan->context, &line, &column);
  g_set_error (error, ATLAS_DIAGRAM_ERROR, code, "%s:%d:%d: %s", scan->name, line, column, message);
}

static gboolean
has_class (const char *classes,
           const char *name)
{
  g_auto(GStrv) tokens = NULL;

  if (classes == NULL)
    return FALSE;

  tokens = g_strsplit_set (classes, " \t\r\n", -1);
  return g_strv_contains ((const char * const *) tokens, name);
}

static const char *
family_of (const char *classes)
{
  for (guint i = 0; families[i] != NULL; i++)
    if (has_class (classes, families[i]))
      return families[i];

  return NULL;
}

/* A reference is local when it names a fragment of this document. Everything else (a path, a
 * file: or http: URI, even a data: URI that could smuggle another document in) is refused. */
static gboolean
is_local_reference (const char *value)
{
  while (g_ascii_isspace (*value))
    value++;

  return value[0] == '#';
}

static gboolean
check_url_references (const char *value)
{
  const char *p = value;

  while ((p = strstr (p, "url(")) != NULL)
    {
      p += strlen ("url(");
      while (g_ascii_isspace (*p) || *p == '"' || *p == '\'')
        p++;
      if (*p != '#')
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_length (const char *value,
              double     *out)
{
  char *end = NULL;
  double v;

  if (value == NULL)
    return FALSE;

  errno = 0;
  v = g_ascii_strtod (value, &end);
  if (errno != 0 || end == value || !isfinite (v))
    return FALSE;

  /* Plain numbers and pixels only; a diagram is drawn in user units. */
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' && strcmp (end, "px") != 0)
    return FALSE;

  *out = v;
  return TRUE;
}

static gboolean
parse_view_box (const char *value,
                double     *width,
                double     *height)
{
  g_auto(GStrv) parts = g_strsplit_set (value, " ,\t\r\n", -1);
  double numbers[4];
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;

      if (parts[i][0] == '\0')
        continue;
      if (n == 4)
        return FALSE;
      numbers[n] = g_ascii_strtod (parts[i], &end);
      if (*end != '\0' || !isfinite (numbers[n]))
        return FALSE;
      n++;
    }

  if (n != 4)
    return FALSE;

  *width = numbers[2];
  *height = numbers[3];
  return TRUE;
}

static void
scan_start_element (GMarkupParseContext  *context,
                    const char           *element_name,
                    const char          **attribute_names,
                    const char          **attribute_values,
                    gpointer              user_data,
                    GError              **error)
{
  Scan *scan = user_data;
  const char *id = NULL;
  const char *classes = NULL;
  gboolean transformed = scan->depth > 0 && g_array_index (scan->transformed, gboolean, scan->depth - 1);
  char *layer = NULL;

  scan->depth++;
  scan->n_elements++;

  if (scan->depth > ATLAS_DIAGRAM_MAX_DEPTH)
    {
      scan_error (scan, error, ATLAS_DIAGRAM_ERROR_NESTING,
                  "elements are nested deeper than %d levels", ATLAS_DIAGRAM_MAX_DEPTH);
      return;
    }

  if (scan->n_elements > ATLAS_DIAGRAM_MAX_ELEMENTS)
    {
      scan_error (scan, error, ATLAS_DIAGRAM_ERROR_TOO_LARGE,
                  "more than %d elements", ATLAS_DIAGRAM_MAX_ELEMENTS);
      return;
    }

  if (scan->depth == 1 && strcmp (element_name, "svg") != 0)
    {
      scan_error (scan, error, ATLAS_DIAGRAM_ERROR_PARSE,
                  "the document is a <%s>, not an <svg>", element_name);
      return;
    }

  if (g_str_equal (element_name, "script") || g_str_equal (element_name, "foreignObject") ||
      g_str_equal (element_name, "style") || g_str_equal (element_name, "text") ||
      g_str_equal (element_name, "image"))
    {
      scan_error (scan, error, ATLAS_DIAGRAM_ERROR_FORBIDDEN,
                  "<%s> is not allowed in a diagram (no scripts, styles, text or images: "
                  "labels and colours come from the application)", element_name);
      return;
    }

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      const char *name = attribute_names[i];
      const char *value = attribute_values[i];

      if (g_str_equal (name, "id"))
        id = value;
      else if (g_str_equal (name, "class"))
        classes = value;
      else if (g_str_equal (name, "transform"))
        transformed = TRUE;
      else if (g_str_equal (name, "style"))
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_FORBIDDEN,
                      "inline style=\"\" on <%s>; use classes so the application can restyle it",
                      element_name);
          return;
        }

      if ((g_str_equal (name, "href") || g_str_equal (name, "xlink:href")) && !is_local_reference (value))
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_EXTERNAL_REFERENCE,
                      "<%s> refers to “%s” outside this document; diagrams may only refer to "
                      "their own elements", element_name, value);
          return;
        }

      if (!check_url_references (value))
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_EXTERNAL_REFERENCE,
                      "the %s attribute of <%s> refers to a resource outside this document",
                      name, element_name);
          return;
        }
    }

  if (scan->depth == 1)
    {
      const char *view_box = NULL, *width = NULL, *height = NULL;

      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (g_str_equal (attribute_names[i], "viewBox"))
            view_box = attribute_values[i];
          else if (g_str_equal (attribute_names[i], "width"))
            width = attribute_values[i];
          else if (g_str_equal (attribute_names[i], "height"))
            height = attribute_values[i];
        }

      if (view_box != NULL)
        {
          if (!parse_view_box (view_box, &scan->width, &scan->height))
            {
              scan_error (scan, error, ATLAS_DIAGRAM_ERROR_DIMENSIONS, "viewBox “%s” is not four numbers", view_box);
              return;
            }
        }
      else if (!parse_length (width, &scan->width) || !parse_length (height, &scan->height))
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_DIMENSIONS,
                      "the <svg> needs a viewBox, or a width and height in user units");
          return;
        }

      if (!(scan->width >= 1 && scan->height >= 1 &&
            scan->width <= ATLAS_DIAGRAM_MAX_SIDE && scan->height <= ATLAS_DIAGRAM_MAX_SIDE))
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_DIMENSIONS,
                      "the drawing is %g × %g units; it must be between 1 and %g units on each side",
                      scan->width, scan->height, ATLAS_DIAGRAM_MAX_SIDE);
          return;
        }
    }

  if (id != NULL)
    {
      if (g_hash_table_contains (scan->ids, id))
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_DUPLICATE_ID, "the id “%s” is used twice", id);
          return;
        }
      g_hash_table_add (scan->ids, g_strdup (id));
    }

  if (has_class (classes, "layer"))
    {
      if (id == NULL || !g_str_has_prefix (id, "layer-") || id[strlen ("layer-")] == '\0')
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_MISSING_ID,
                      "a layer needs an id of the form “layer-NAME”");
          return;
        }
      layer = g_strdup (id + strlen ("layer-"));
      g_ptr_array_add (scan->layers, g_strdup (layer));
    }
  else if (scan->depth > 1)
    layer = g_strdup (g_array_index (scan->layer_stack, char *, scan->depth - 2));

  g_array_append_val (scan->layer_stack, layer);
  g_array_append_val (scan->transformed, transformed);

  if (has_class (classes, "region"))
    {
      AtlasRegion *region;
      const char *family = family_of (classes);

      if (id == NULL)
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_MISSING_ID, "a <%s> of class “region” has no id", element_name);
          return;
        }
      if (scan->region_depths->len > 0)
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_PARSE,
                      "region “%s” lies inside another region; regions must not nest", id);
          return;
        }
      if (family == NULL)
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_PARSE,
                      "region “%s” has no family class (bone, muscle, nerve, …)", id);
          return;
        }
      if (scan->regions->len >= ATLAS_DIAGRAM_MAX_REGIONS)
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_TOO_LARGE, "more than %d regions", ATLAS_DIAGRAM_MAX_REGIONS);
          return;
        }

      region = g_new0 (AtlasRegion, 1);
      region->id = g_strdup (id);
      region->family = g_strdup (family);
      region->layer = g_strdup (layer);
      region->anchor_x = region->anchor_y = NAN;
      if (g_str_has_suffix (id, "-left"))
        {
          region->side = ATLAS_SIDE_LEFT;
          region->structure = g_strndup (id, strlen (id) - strlen ("-left"));
        }
      else if (g_str_has_suffix (id, "-right"))
        {
          region->side = ATLAS_SIDE_RIGHT;
          region->structure = g_strndup (id, strlen (id) - strlen ("-right"));
        }
      else
        region->structure = g_strdup (id);
      region->index = scan->regions->len;
      g_ptr_array_add (scan->regions, region);
      g_array_append_val (scan->region_depths, scan->depth);
    }

  if (has_class (classes, "anchor"))
    {
      Anchor *anchor;
      const char *cx = NULL, *cy = NULL;

      if (id == NULL || !g_str_has_prefix (id, "anchor-"))
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_ANCHOR, "an anchor needs an id “anchor-REGION”");
          return;
        }
      if (transformed)
        {
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_ANCHOR,
                      "anchor “%s” is transformed; anchors must be in the document's own coordinates", id);
          return;
        }
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (g_str_equal (attribute_names[i], "cx"))
            cx = attribute_values[i];
          else if (g_str_equal (attribute_names[i], "cy"))
            cy = attribute_values[i];
        }

      anchor = g_new0 (Anchor, 1);
      anchor->id = g_strdup (id + strlen ("anchor-"));
      if (!parse_length (cx, &anchor->x) || !parse_length (cy, &anchor->y))
        {
          anchor_free (anchor);
          scan_error (scan, error, ATLAS_DIAGRAM_ERROR_ANCHOR, "anchor “%s” needs numeric cx and cy", id);
          return;
        }
      g_markup_parse_context_get_position (context, &anchor->line, NULL);
      g_ptr_array_add (scan->anchors, anchor);
    }
}

static void
scan_end_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  gpointer              user_data,
                  GError              **error)
{
  Scan *scan = user_data;

  if (scan->region_depths->len > 0 &&
      g_array_index (scan->region_depths, guint, scan->region_depths->len - 1) == scan->depth)
    g_array_set_size (scan->region_depths, scan->region_depths->len - 1);

  if (scan->layer_stack->len == scan->depth)
    {
      g_free (g_array_index (scan->layer_stack, char *, scan->depth - 1));
      g_array_set_size (scan->layer_stack, scan->depth - 1);
      g_array_set_size (scan->transformed, scan->depth - 1);
    }

  scan->depth--;
}

static const GMarkupParser scan_parser = {
  scan_start_element,
  scan_end_element,
  NULL,
  NULL,
  NULL,
};

void
atlas_diagram_scan_clear (Scan *scan)
{
  for (guint i = 0; scan->layer_stack != NULL && i < scan->layer_stack->len; i++)
    g_free (g_array_index (scan->layer_stack, char *, i));
  g_clear_pointer (&scan->context, g_markup_parse_context_free);
  g_clear_pointer (&scan->ids, g_hash_table_unref);
  g_clear_pointer (&scan->regions, g_ptr_array_unref);
  g_clear_pointer (&scan->anchors, g_ptr_array_unref);
  g_clear_pointer (&scan->layers, g_ptr_array_unref);
  g_clear_pointer (&scan->region_depths, g_array_unref);
  g_clear_pointer (&scan->layer_stack, g_array_unref);
  g_clear_pointer (&scan->transformed, g_array_unref);
}

gboolean
atlas_diagram_scan (Scan        *scan,
               GBytes      *bytes,
               GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GError *local_error = NULL;

  if (size > ATLAS_DIAGRAM_MAX_BYTES)
    {
      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GSIZE_FORMAT " bytes; diagrams may be at most %d bytes",
                   scan->name, size, ATLAS_DIAGRAM_MAX_BYTES);
      return FALSE;
    }

  if (size == 0)
    {
      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_PARSE, "%s: the file is empty", scan->name);
      return FALSE;
    }

  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_PARSE, "%s: the file is not valid UTF-8", scan->name);
      return FALSE;
    }

  scan->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->regions = g_ptr_array_new_with_free_func (atlas_region_free);
  scan->anchors = g_ptr_array_new_with_free_func (anchor_free);
  scan->layers = g_ptr_array_new_with_free_func (g_free);
  scan->region_depths = g_array_new (FALSE, FALSE, sizeof (guint));
  scan->layer_stack = g_array_new (FALSE, FALSE, sizeof (char *));
  scan->transformed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  scan->context = g_markup_parse_context_new (&scan_parser, 0, scan, NULL);

  if (!g_markup_parse_context_parse (scan->context, data, size, &local_error) ||
      !g_markup_parse_context_end_parse (scan->context, &local_error))
    {
      /* Our own errors already carry the file name; GMarkup's carry only the position. */
      if (local_error->domain == ATLAS_DIAGRAM_ERROR)
        g_propagate_error (error, local_error);
      else
        {
          const char *message = local_error->message;
          int line = 0, column = 0;

          /* GMarkup starts its messages with "Error on line N char M: ", which our own
           * "file:line:column:" prefix already says. */
          if (g_str_has_prefix (message, "Error on line") && strstr (message, ": ") != NULL)
            message = strstr (message, ": ") + 2;

          g_markup_parse_context_get_position (scan->context, &line, &column);
          g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_PARSE,
                       "%s:%d:%d: %s", scan->name, line, column, message);
          g_error_free (local_error);
        }
      return FALSE;
    }

  if (scan->width <= 0)
    {
      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_PARSE, "%s: no <svg> element", scan->name);
      return FALSE;
    }

  return TRUE;
}
