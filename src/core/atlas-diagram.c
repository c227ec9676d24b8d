/* atlas-diagram.c — one diagram: a validated SVG, its regions, anchors and pick map.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diagram file is read twice. First GMarkup walks it to enforce the project's rules and the
 * limits that keep hostile files harmless: no external references (so nothing outside the
 * diagram's folder is ever read), no scripts or foreign objects, bounded size, element count
 * and nesting, one anchor per region. It also collects the regions and anchors, because
 * librsvg offers no way to enumerate elements. Only a file that passes is given to librsvg,
 * with its default limits and a base file.
 *
 * Hit testing uses a pick map: the same bytes rendered once with a stylesheet that paints each
 * region in its own flat colour, with antialiasing off, in document units. A pointer position
 * maps to one pixel read. Because the pick map is painted in the same order as the picture,
 * overlaps resolve to whatever is drawn on top, which is what the user sees.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <librsvg/rsvg.h>

#include "atlas-core.h"
#include "atlas-diagram.h"

/* Pick map resolution in pixels per document unit: one unit is already finer than a pointer. */
#define PICK_SCALE 1.0

struct _AtlasDiagram
{
  GObject            parent_instance;

  GFile             *file;
  GBytes            *bytes;
  double             width;
  double             height;

  GPtrArray         *regions;      /* AtlasRegion*, in painter's order */
  GHashTable        *by_id;        /* id → AtlasRegion* */
  GStrv              layers;       /* names of the <g class="layer"> groups */
  GHashTable        *hidden_layers;

  AtlasDiagramStyle  style;
  RsvgHandle        *handle;       /* the picture, with the palette for the current style */
  RsvgHandle        *highlight[ATLAS_N_HIGHLIGHTS];

  cairo_surface_t   *pick;         /* RGB24; the colour is the region's index + 1 */
  int                pick_width;
  int                pick_height;
};

G_DEFINE_FINAL_TYPE (AtlasDiagram, atlas_diagram, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-diagram-error-quark, atlas_diagram_error)

static void
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

typedef struct
{
  char   *id;
  double  x;
  double  y;
  int     line;
} Anchor;

typedef struct
{
  GMarkupParseContext *context;
  const char          *name;         /* for messages */
  guint                depth;
  guint                n_elements;
  GHashTable          *ids;          /* every id seen */
  GPtrArray           *regions;
  GPtrArray           *anchors;      /* Anchor* */
  GPtrArray           *layers;
  /* Per open element: whether it or an ancestor is a region, a layer, or transformed. */
  GArray              *region_depths;
  GArray              *layer_stack;  /* char* names, NULL where the element is not a layer */
  GArray              *transformed;  /* gboolean per depth */
  double               width;
  double               height;
} Scan;

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

static void
scan_clear (Scan *scan)
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

static gboolean
scan_document (Scan        *scan,
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

/* ------------------------------------------------------------------------------------------ */
/* Style sheets.                                                                              */

static char *
load_resource_text (const char *name)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/diagrams/%s", name);
  g_autoptr(GBytes) bytes = NULL;

  atlas_core_ensure_resources ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    g_error ("Missing built-in resource %s", path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *
palette_css (AtlasDiagramStyle style)
{
  static char *css[3];

  if (css[style] == NULL)
    {
      g_autofree char *light = load_resource_text ("palette-light.css");

      if (style == ATLAS_DIAGRAM_STYLE_LIGHT)
        css[style] = g_steal_pointer (&light);
      else
        {
          g_autofree char *extra = load_resource_text (style == ATLAS_DIAGRAM_STYLE_DARK ? "palette-dark.css"
                                                                                          : "palette-contrast.css");
          css[style] = g_strconcat (light, "\n", extra, NULL);
        }
    }

  return css[style];
}

static void
append_hidden_layers (AtlasDiagram *self,
                      GString      *css)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->hidden_layers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (css, "#layer-%s { display: none !important; }\n", (const char *) key);
}

static RsvgHandle *
new_handle (AtlasDiagram  *self,
            const char    *css,
            gsize          css_len,
            GError       **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (self->bytes);
  RsvgHandle *handle;

  /* Default flags: librsvg's own limits on nesting, references and size stay in force. The base
   * file confines any reference librsvg would resolve to the diagram's own folder. */
  handle = rsvg_handle_new_from_stream_sync (stream, self->file, RSVG_HANDLE_FLAGS_NONE, NULL, error);
  if (handle == NULL)
    return NULL;

  if (css != NULL && !rsvg_handle_set_stylesheet (handle, (const guint8 *) css, css_len, error))
    {
      g_object_unref (handle);
      return NULL;
    }

  return handle;
}

static RsvgHandle *
new_styled_handle (AtlasDiagram  *self,
                   GError       **error)
{
  g_autoptr(GString) css = g_string_new (palette_css (self->style));

  append_hidden_layers (self, css);
  return new_handle (self, css->str, css->len, error);
}

static const char *
highlight_css (AtlasHighlight kind)
{
  /* Each highlight repaints one region on top of the picture. Details (fibre lines) are hidden
   * so the highlight reads as one calm shape; line regions stay lines, only wider. */
  switch (kind)
    {
    case ATLAS_HIGHLIGHT_HOVER:
      return "* { fill: #62a0ea !important; fill-opacity: 0.30 !important; stroke: #1c71d8 !important;"
             "    stroke-opacity: 0.9 !important; stroke-width: 2.5 !important; opacity: 1 !important; }\n"
             ".line, .line * { fill: none !important; stroke: #3584e4 !important; stroke-width: 8 !important; stroke-opacity: 0.6 !important; }\n"
             ".detail { fill: none !important; stroke: none !important; }\n";
    case ATLAS_HIGHLIGHT_SELECTED:
      return "* { fill: #3584e4 !important; fill-opacity: 0.42 !important; stroke: #1a5fb4 !important;"
             "    stroke-opacity: 1 !important; stroke-width: 4 !important; opacity: 1 !important; }\n"
             ".line, .line * { fill: none !important; stroke: #1a5fb4 !important; stroke-width: 10 !important; stroke-opacity: 0.75 !important; }\n"
             ".detail { fill: none !important; stroke: none !important; }\n";
    case ATLAS_HIGHLIGHT_SYMPTOM:
      return "* { fill: #ff7800 !important; fill-opacity: 0.55 !important; stroke: #c64600 !important;"
             "    stroke-opacity: 1 !important; stroke-width: 3 !important; opacity: 1 !important; }\n"
             ".line, .line * { fill: none !important; stroke: #ff7800 !important; stroke-width: 10 !important; stroke-opacity: 0.8 !important; }\n"
             ".detail { fill: none !important; stroke: none !important; }\n";
    case ATLAS_HIGHLIGHT_FOCUS:
      return "* { fill: none !important; stroke: #1c71d8 !important; stroke-width: 3 !important;"
             "    stroke-dasharray: 8 5 !important; opacity: 1 !important; }\n"
             ".detail { stroke: none !important; }\n";
    case ATLAS_N_HIGHLIGHTS:
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The pick map.                                                                              */

static char *
pick_css (AtlasDiagram *self)
{
  GString *css = g_string_new (palette_css (ATLAS_DIAGRAM_STYLE_LIGHT));

  /* Everything that is not a region is invisible to the pointer; no antialiasing so every
   * pixel holds exactly one region's colour; no transparency so colours never blend. */
  g_string_append (css,
                   "\n* { fill: none !important; stroke: none !important; opacity: 1 !important;"
                   " fill-opacity: 1 !important; stroke-opacity: 1 !important; filter: none !important;"
                   " shape-rendering: crispEdges !important; }\n");

  for (guint i = 0; i < self->regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->regions, i);
      guint colour = i + 1;

      g_string_append_printf (css,
                              "#%s, #%s * { fill: #%06x !important; stroke: #%06x !important; }\n"
                              "#%s .detail, #%s.line, #%s .line { fill: none !important; }\n"
                              "#%s.line, #%s .line { stroke-width: 12 !important; }\n",
                              region->id, region->id, colour, colour,
                              region->id, region->id, region->id,
                              region->id, region->id);
    }

  append_hidden_layers (self, css);
  return g_string_free (css, FALSE);
}

static gboolean
build_pick_map (AtlasDiagram  *self,
                GError       **error)
{
  g_autofree char *css = pick_css (self);
  RsvgHandle *handle = new_handle (self, css, strlen (css), error);
  RsvgRectangle viewport = { 0, 0, self->width, self->height };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  guint32 *data;
  int stride;
  double *bounds;

  if (handle == NULL)
    return FALSE;

  self->pick_width = (int) ceil (self->width * PICK_SCALE);
  self->pick_height = (int) ceil (self->height * PICK_SCALE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->pick_width, self->pick_height);
  cr = cairo_create (surface);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_scale (cr, PICK_SCALE, PICK_SCALE);
  ok = rsvg_handle_render_document (handle, cr, &viewport, error);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);

  if (!ok || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      if (ok)
        g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_RENDER, "could not render the pick map");
      cairo_surface_destroy (surface);
      return FALSE;
    }

  g_clear_pointer (&self->pick, cairo_surface_destroy);
  self->pick = surface;

  /* One pass over the map gives every region the bounds of what is visible of it. */
  bounds = g_new (double, 4 * self->regions->len);
  for (guint i = 0; i < self->regions->len; i++)
    {
      bounds[4 * i + 0] = bounds[4 * i + 1] = G_MAXDOUBLE;
      bounds[4 * i + 2] = bounds[4 * i + 3] = -G_MAXDOUBLE;
    }

  data = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < self->pick_height; y++)
    {
      for (int x = 0; x < self->pick_width; x++)
        {
          guint32 colour = data[y * stride + x] & 0xffffff;
          double *b;

          if (colour == 0 || colour > self->regions->len)
            continue;

          b = &bounds[4 * (colour - 1)];
          b[0] = MIN (b[0], x);
          b[1] = MIN (b[1], y);
          b[2] = MAX (b[2], x + 1);
          b[3] = MAX (b[3], y + 1);
        }
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      AtlasRegion *region = g_ptr_array_index (self->regions, i);
      double *b = &bounds[4 * i];

      if (b[0] > b[2])
        {
          region->x = region->y = region->width = region->height = 0;
          continue;
        }
      region->x = b[0] / PICK_SCALE;
      region->y = b[1] / PICK_SCALE;
      region->width = (b[2] - b[0]) / PICK_SCALE;
      region->height = (b[3] - b[1]) / PICK_SCALE;
    }
  g_free (bounds);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */

static void
atlas_diagram_finalize (GObject *object)
{
  AtlasDiagram *self = ATLAS_DIAGRAM (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->layers, g_strfreev);
  g_clear_pointer (&self->hidden_layers, g_hash_table_unref);
  g_clear_object (&self->handle);
  for (guint i = 0; i < ATLAS_N_HIGHLIGHTS; i++)
    g_clear_object (&self->highlight[i]);
  g_clear_pointer (&self->pick, cairo_surface_destroy);

  G_OBJECT_CLASS (atlas_diagram_parent_class)->finalize (object);
}

static void
atlas_diagram_class_init (AtlasDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_diagram_finalize;
}

static void
atlas_diagram_init (AtlasDiagram *self)
{
  self->hidden_layers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static char *
display_name (GFile *file)
{
  if (file == NULL)
    return g_strdup ("(diagram)");

  return g_file_get_parse_name (file);
}

/**
 * atlas_diagram_new_from_bytes:
 * @bytes: the SVG document
 * @file: (nullable): where it came from: the base for references and the name in messages
 * @required_ids: (nullable): region ids that must be present
 * @error: return location for an error naming the file, line and problem
 *
 * Returns: (transfer full) (nullable): the diagram, or %NULL with @error set
 */
AtlasDiagram *
atlas_diagram_new_from_bytes (GBytes             *bytes,
                              GFile              *file,
                              const char * const *required_ids,
                              GError            **error)
{
  g_autoptr(AtlasDiagram) self = NULL;
  g_autofree char *name = display_name (file);
  g_autoptr(GError) local_error = NULL;
  Scan scan = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  scan.name = name;
  if (!scan_document (&scan, bytes, error))
    {
      scan_clear (&scan);
      return NULL;
    }

  self = g_object_new (ATLAS_TYPE_DIAGRAM, NULL);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->bytes = g_bytes_ref (bytes);
  self->width = scan.width;
  self->height = scan.height;
  self->regions = g_steal_pointer (&scan.regions);
  g_ptr_array_add (scan.layers, NULL);
  self->layers = (GStrv) g_ptr_array_steal (scan.layers, NULL);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->regions->len; i++)
    {
      AtlasRegion *region = g_ptr_array_index (self->regions, i);
      g_hash_table_insert (self->by_id, region->id, region);
    }

  /* Every region has exactly one anchor and every anchor a region. */
  for (guint i = 0; i < scan.anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (scan.anchors, i);
      AtlasRegion *region = g_hash_table_lookup (self->by_id, anchor->id);

      if (region == NULL)
        {
          g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_ANCHOR,
                       "%s:%d: anchor “anchor-%s” names no region", name, anchor->line, anchor->id);
          scan_clear (&scan);
          return NULL;
        }
      if (!(anchor->x >= 0 && anchor->y >= 0 && anchor->x <= self->width && anchor->y <= self->height))
        {
          g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_ANCHOR,
                       "%s:%d: anchor “anchor-%s” lies outside the drawing", name, anchor->line, anchor->id);
          scan_clear (&scan);
          return NULL;
        }
      region->anchor_x = anchor->x;
      region->anchor_y = anchor->y;
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      AtlasRegion *region = g_ptr_array_index (self->regions, i);

      if (isnan (region->anchor_x))
        {
          g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_ANCHOR,
                       "%s: region “%s” has no label anchor (a circle with id “anchor-%s”)",
                       name, region->id, region->id);
          scan_clear (&scan);
          return NULL;
        }
    }

  if (required_ids != NULL)
    {
      g_autoptr(GString) missing = g_string_new (NULL);

      for (guint i = 0; required_ids[i] != NULL; i++)
        if (!g_hash_table_contains (self->by_id, required_ids[i]))
          g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", required_ids[i]);

      if (missing->len > 0)
        {
          g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MISSING_ID,
                       "%s: required regions are missing: %s", name, missing->str);
          scan_clear (&scan);
          return NULL;
        }
    }

  scan_clear (&scan);

  self->handle = new_styled_handle (self, &local_error);
  if (self->handle == NULL || !build_pick_map (self, &local_error))
    {
      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_RENDER, "%s: %s", name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * atlas_diagram_new_from_file:
 *
 * Returns: (transfer full) (nullable): the diagram, or %NULL with @error set
 */
AtlasDiagram *
atlas_diagram_new_from_file (GFile              *file,
                             const char * const *required_ids,
                             GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Refuse an oversized file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > ATLAS_DIAGRAM_MAX_BYTES)
    {
      g_autofree char *name = display_name (file);

      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GOFFSET_FORMAT " bytes; diagrams may be at most %d bytes",
                   name, g_file_info_get_size (info), ATLAS_DIAGRAM_MAX_BYTES);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *name = display_name (file);

      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_PARSE, "%s: %s", name, local_error->message);
      return NULL;
    }

  return atlas_diagram_new_from_bytes (bytes, file, required_ids, error);
}

GFile *
atlas_diagram_get_file (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  return self->file;
}

double
atlas_diagram_get_width (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), 0);

  return self->width;
}

double
atlas_diagram_get_height (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), 0);

  return self->height;
}

guint
atlas_diagram_get_n_regions (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), 0);

  return self->regions->len;
}

const AtlasRegion *
atlas_diagram_get_region (AtlasDiagram *self,
                          guint         index)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return g_ptr_array_index (self->regions, index);
}

const AtlasRegion *
atlas_diagram_lookup_region (AtlasDiagram *self,
                             const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
atlas_diagram_region_is_visible (AtlasDiagram      *self,
                                 const AtlasRegion *region)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  return region->layer == NULL || !g_hash_table_contains (self->hidden_layers, region->layer);
}

/**
 * atlas_diagram_pick:
 * @x: document x
 * @y: document y
 *
 * Returns: (nullable): the region drawn on top at that point, or %NULL
 */
const AtlasRegion *
atlas_diagram_pick (AtlasDiagram *self,
                    double        x,
                    double        y)
{
  const guint8 *data;
  guint32 colour;
  int px, py;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  /* The comparisons also reject NaN. */
  if (!(x >= 0 && y >= 0 && x < self->width && y < self->height))
    return NULL;

  px = (int) (x * PICK_SCALE);
  py = (int) (y * PICK_SCALE);
  if (px >= self->pick_width || py >= self->pick_height)
    return NULL;

  data = cairo_image_surface_get_data (self->pick);
  colour = *(const guint32 *) (data + (gsize) py * cairo_image_surface_get_stride (self->pick) + (gsize) px * 4) & 0xffffff;
  if (colour == 0 || colour > self->regions->len)
    return NULL;

  return g_ptr_array_index (self->regions, colour - 1);
}

/**
 * atlas_diagram_get_content_bounds:
 *
 * Gets the smallest rectangle, in document units, holding every visible region: the drawing
 * without the empty margin or the silhouette around it.
 */
void
atlas_diagram_get_content_bounds (AtlasDiagram *self,
                                  double       *x,
                                  double       *y,
                                  double       *width,
                                  double       *height)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (ATLAS_IS_DIAGRAM (self));

  for (guint i = 0; i < self->regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (self->regions, i);

      if (region->width <= 0 || !atlas_diagram_region_is_visible (self, region))
        continue;
      x0 = MIN (x0, region->x);
      y0 = MIN (y0, region->y);
      x1 = MAX (x1, region->x + region->width);
      y1 = MAX (y1, region->y + region->height);
    }

  if (x0 > x1)
    {
      x0 = y0 = 0;
      x1 = self->width;
      y1 = self->height;
    }

  *x = x0;
  *y = y0;
  *width = x1 - x0;
  *height = y1 - y0;
}

AtlasDiagramStyle
atlas_diagram_get_style (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), ATLAS_DIAGRAM_STYLE_LIGHT);

  return self->style;
}

static void
restyle (AtlasDiagram *self)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = new_styled_handle (self, &error);

  /* The bytes were accepted once, so a failure now is a bug, not bad input. */
  if (handle == NULL)
    {
      g_critical ("Could not restyle a diagram: %s", error->message);
      return;
    }

  g_set_object (&self->handle, handle);
  g_object_unref (handle);
}

void
atlas_diagram_set_style (AtlasDiagram      *self,
                         AtlasDiagramStyle  style)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM (self));
  g_return_if_fail (style <= ATLAS_DIAGRAM_STYLE_CONTRAST);

  if (self->style == style)
    return;

  self->style = style;
  restyle (self);
}

const char * const *
atlas_diagram_get_layers (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  return (const char * const *) self->layers;
}

gboolean
atlas_diagram_get_layer_visible (AtlasDiagram *self,
                                 const char   *layer)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (layer != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->layers, layer) &&
         !g_hash_table_contains (self->hidden_layers, layer);
}

void
atlas_diagram_set_layer_visible (AtlasDiagram *self,
                                 const char   *layer,
                                 gboolean      visible)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATLAS_IS_DIAGRAM (self));
  g_return_if_fail (layer != NULL);

  if (!g_strv_contains ((const char * const *) self->layers, layer) ||
      atlas_diagram_get_layer_visible (self, layer) == !!visible)
    return;

  if (visible)
    g_hash_table_remove (self->hidden_layers, layer);
  else
    g_hash_table_add (self->hidden_layers, g_strdup (layer));

  /* A hidden layer must vanish from the picture and from the pick map alike. */
  restyle (self);
  if (!build_pick_map (self, &error))
    g_critical ("Could not rebuild a pick map: %s", error->message);
}

/**
 * atlas_diagram_render:
 * @cr: a cairo context whose user space is the document's
 *
 * Draws the whole diagram. Callers cache the result: this is the slow path.
 */
gboolean
atlas_diagram_render (AtlasDiagram  *self,
                      cairo_t       *cr,
                      GError       **error)
{
  RsvgRectangle viewport;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  viewport = (RsvgRectangle) { 0, 0, self->width, self->height };
  return rsvg_handle_render_document (self->handle, cr, &viewport, error);
}

/**
 * atlas_diagram_render_highlight:
 * @cr: a cairo context whose user space is the document's
 * @region_id: the region to paint
 * @kind: which highlight
 * @strength: 0 to 1, how strongly it reads
 *
 * Paints one region in a highlight colour, on top of whatever @cr holds. Only that region's
 * element is rendered, so this is cheap enough to run on every pointer motion.
 */
gboolean
atlas_diagram_render_highlight (AtlasDiagram    *self,
                                cairo_t         *cr,
                                const char      *region_id,
                                AtlasHighlight   kind,
                                double           strength,
                                GError         **error)
{
  g_autofree char *selector = NULL;
  RsvgRectangle viewport;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (kind < ATLAS_N_HIGHLIGHTS, FALSE);

  if (!g_hash_table_contains (self->by_id, region_id))
    {
      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MISSING_ID, "no region “%s”", region_id);
      return FALSE;
    }

  if (self->highlight[kind] == NULL)
    {
      const char *css = highlight_css (kind);

      self->highlight[kind] = new_handle (self, css, strlen (css), error);
      if (self->highlight[kind] == NULL)
        return FALSE;
    }

  selector = g_strconcat ("#", region_id, NULL);
  viewport = (RsvgRectangle) { 0, 0, self->width, self->height };
  strength = CLAMP (strength, 0.0, 1.0);

  if (strength >= 1.0)
    return rsvg_handle_render_layer (self->highlight[kind], cr, selector, &viewport, error);

  cairo_push_group (cr);
  ok = rsvg_handle_render_layer (self->highlight[kind], cr, selector, &viewport, error);
  cairo_pop_group_to_source (cr);
  if (ok)
    cairo_paint_with_alpha (cr, strength);
  cairo_set_source_rgb (cr, 0, 0, 0);
  return ok;
}
