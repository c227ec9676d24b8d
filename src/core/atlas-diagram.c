/* atlas-diagram.c — one diagram: a validated SVG, its regions, anchors, styles and rendering.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diagram file is read twice. First atlas-diagram-scan.c checks it against the project's rules
 * and the limits that keep hostile files harmless and collects its regions and anchors; only a
 * file that passes is given to librsvg, with its default limits and a base file. This file keeps
 * the model built from that pass, the style sheets and the rendering; hit testing is in
 * atlas-pick-map.c and moving between two postures in atlas-diagram-morph.c.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <librsvg/rsvg.h>

#include "atlas-core.h"
#include "atlas-diagram-private.h"
#include "atlas-pick-cache.h"

G_DEFINE_FINAL_TYPE (AtlasDiagram, atlas_diagram, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-diagram-error-quark, atlas_diagram_error)

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

const char *
atlas_diagram_palette_css (AtlasDiagramStyle style)
{
  static gsize css[3];

  /* Once per style, and safe from any thread: the application loads its first diagram in a
   * worker thread while the window is being made. */
  if (g_once_init_enter (&css[style]))
    {
      g_autofree char *light = load_resource_text ("palette-light.css");
      char *text;

      if (style == ATLAS_DIAGRAM_STYLE_LIGHT)
        text = g_steal_pointer (&light);
      else
        {
          g_autofree char *extra = load_resource_text (style == ATLAS_DIAGRAM_STYLE_DARK ? "palette-dark.css"
                                                                                          : "palette-contrast.css");
          text = g_strconcat (light, "\n", extra, NULL);
        }
      g_once_init_leave (&css[style], (gsize) text);
    }

  return (const char *) css[style];
}

void
atlas_diagram_append_hidden_layers (AtlasDiagram *self,
                      GString      *css)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->hidden_layers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (css, "#layer-%s { display: none !important; }\n", (const char *) key);
}

RsvgHandle *
atlas_diagram_new_handle (AtlasDiagram  *self,
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
  g_autoptr(GString) css = g_string_new (atlas_diagram_palette_css (self->style));

  atlas_diagram_append_hidden_layers (self, css);
  return atlas_diagram_new_handle (self, css->str, css->len, error);
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
      return "* { fill: none !important; stroke: #1a5fb4 !important; stroke-width: 3 !important;"
             "    stroke-dasharray: 8 5 !important; opacity: 1 !important; }\n"
             ".detail { stroke: none !important; }\n";
    case ATLAS_HIGHLIGHT_FOCUS_HALO:
      /* A white band under the blue dashes: on a blue vein or a dark muscle alike the outline
       * stands out, as a class at the back of the room needs. */
      return "* { fill: none !important; stroke: #ffffff !important; stroke-width: 9 !important;"
             "    stroke-opacity: 0.95 !important; stroke-dasharray: none !important; opacity: 1 !important; }\n"
             ".detail { stroke: none !important; }\n";
    case ATLAS_N_HIGHLIGHTS:
    default:
      g_assert_not_reached ();
    }
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
  g_clear_pointer (&self->pick, atlas_pick_map_unref);
  g_clear_object (&self->shared);
  g_clear_pointer (&self->morph, atlas_diagram_morph_free);

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

char *
atlas_diagram_display_name (GFile *file)
{
  if (file == NULL)
    return g_strdup ("(diagram)");

  return g_file_get_parse_name (file);
}

gboolean
atlas_diagram_check_required (AtlasDiagram        *self,
                              const char          *name,
                              const char * const  *required_ids,
                              GError             **error)
{
  g_autoptr(GString) missing = NULL;

  if (required_ids == NULL)
    return TRUE;

  missing = g_string_new (NULL);
  for (guint i = 0; required_ids[i] != NULL; i++)
    if (!g_hash_table_contains (self->by_id, required_ids[i]))
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", required_ids[i]);

  if (missing->len == 0)
    return TRUE;

  g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_MISSING_ID,
               "%s: required regions are missing: %s", name, missing->str);
  return FALSE;
}

/* The precomputed pick map compiled next to a built-in diagram: "…/diagrams/front.svg" has
 * "…/diagrams/front.pick". Other files have none. */
static GBytes *
lookup_pick_cache (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pick_path = NULL;

  if (file == NULL || !g_file_has_uri_scheme (file, "resource"))
    return NULL;

  uri = g_file_get_uri (file);
  path = g_uri_unescape_string (uri + strlen ("resource://"), NULL);
  if (path == NULL || !g_str_has_suffix (path, ".svg"))
    return NULL;

  path[strlen (path) - strlen (".svg")] = '\0';
  pick_path = g_strconcat (path, ".pick", NULL);
  return g_resources_lookup_data (pick_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
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
  g_autoptr(GBytes) cache = lookup_pick_cache (file);

  return atlas_diagram_new_with_pick_cache (bytes, file, required_ids, cache, error);
}

/**
 * atlas_diagram_new_with_pick_cache:
 * @cache: (nullable): a precomputed pick map in the `.pick` format, used only if it belongs to
 *   @bytes and is whole
 *
 * Like atlas_diagram_new_from_bytes(), with the precomputed pick map given, not looked up.
 *
 * Returns: (transfer full) (nullable): the diagram, or %NULL with @error set
 */
AtlasDiagram *
atlas_diagram_new_with_pick_cache (GBytes             *bytes,
                                   GFile              *file,
                                   const char * const *required_ids,
                                   GBytes             *cache,
                                   GError            **error)
{
  g_autoptr(AtlasDiagram) self = NULL;
  g_autofree char *name = atlas_diagram_display_name (file);
  g_autoptr(GError) local_error = NULL;
  Scan scan = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  scan.name = name;
  if (!atlas_diagram_scan (&scan, bytes, error))
    {
      atlas_diagram_scan_clear (&scan);
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
          atlas_diagram_scan_clear (&scan);
          return NULL;
        }
      if (!(anchor->x >= 0 && anchor->y >= 0 && anchor->x <= self->width && anchor->y <= self->height))
        {
          g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_ANCHOR,
                       "%s:%d: anchor “anchor-%s” lies outside the drawing", name, anchor->line, anchor->id);
          atlas_diagram_scan_clear (&scan);
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
          atlas_diagram_scan_clear (&scan);
          return NULL;
        }
    }

  if (!atlas_diagram_check_required (self, name, required_ids, error))
    {
      atlas_diagram_scan_clear (&scan);
      return NULL;
    }

  atlas_diagram_scan_clear (&scan);

  self->handle = new_styled_handle (self, &local_error);
  if (self->handle == NULL ||
      ((cache == NULL || !atlas_diagram_use_pick_cache (self, cache)) &&
       !atlas_diagram_build_pick_map (self, &local_error)))
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
      g_autofree char *name = atlas_diagram_display_name (file);

      g_set_error (error, ATLAS_DIAGRAM_ERROR, ATLAS_DIAGRAM_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GOFFSET_FORMAT " bytes; diagrams may be at most %d bytes",
                   name, g_file_info_get_size (info), ATLAS_DIAGRAM_MAX_BYTES);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *name = atlas_diagram_display_name (file);

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

  /* Bounds come from the pick map, which a morph leaves to be rebuilt on first use. */
  atlas_diagram_ensure_pick_map (self);
  return g_ptr_array_index (self->regions, index);
}

const AtlasRegion *
atlas_diagram_lookup_region (AtlasDiagram *self,
                             const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  if (id == NULL)
    return NULL;

  atlas_diagram_ensure_pick_map (self);
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

AtlasDiagramStyle
atlas_diagram_get_style (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), ATLAS_DIAGRAM_STYLE_LIGHT);

  return self->style;
}

void
atlas_diagram_restyle (AtlasDiagram *self)
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
  atlas_diagram_restyle (self);
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
  atlas_diagram_restyle (self);
  self->pick_stale = FALSE;
  if (!atlas_diagram_build_pick_map (self, &error))
    g_critical ("Could not rebuild a pick map: %s", error->message);
}

/**
 * atlas_diagram_get_picture:
 *
 * An object that stands for what atlas_diagram_render() draws now: two diagrams that return
 * the same object draw the same picture (windows' copies of one built-in diagram do until one
 * changes its style, layers or posture, which gives it a picture of its own). A cache of
 * rendered pictures keys on it and keeps a reference, so the key is never reused.
 *
 * Returns: (transfer none): the object
 */
GObject *
atlas_diagram_get_picture (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), NULL);

  return G_OBJECT (self->handle);
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

      self->highlight[kind] = atlas_diagram_new_handle (self, css, strlen (css), error);
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
