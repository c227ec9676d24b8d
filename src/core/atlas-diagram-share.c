/* atlas-diagram-share.c — one load of each built-in diagram per process, shared by every window.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading a diagram scans its SVG, parses it with librsvg and reads or builds its pick map. The
 * built-in diagrams are the same bytes for the whole process, so the first load of each is kept
 * here untouched and every later request gets a copy of it: the copy shares what never changes
 * (the bytes, the parsed picture in the default style, the pick map, the regions' names) and has
 * its own of what a window changes (its regions' bounds and anchors, its style, hidden layers,
 * posture and highlights). Changing a copy replaces its own reference (a new handle, a new pick
 * map, new bytes for a posture) and never writes into what it shares, so other windows keep what
 * they see.
 */
#include "config.h"

#include "atlas-diagram-private.h"

/* Copies @source's regions as plain structs: their strings stay @source's, which the copy keeps
 * alive through its `shared` reference. */
static AtlasDiagram *
copy_diagram (AtlasDiagram *source)
{
  AtlasDiagram *self = g_object_new (ATLAS_TYPE_DIAGRAM, NULL);
  GHashTableIter iter;
  gpointer key;

  self->shared = g_object_ref (source->shared != NULL ? source->shared : source);
  self->file = source->file != NULL ? g_object_ref (source->file) : NULL;
  self->bytes = g_bytes_ref (source->bytes);
  self->width = source->width;
  self->height = source->height;

  self->regions = g_ptr_array_new_full (source->regions->len, g_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < source->regions->len; i++)
    {
      AtlasRegion *region = g_memdup2 (g_ptr_array_index (source->regions, i), sizeof (AtlasRegion));

      g_ptr_array_add (self->regions, region);
      g_hash_table_insert (self->by_id, region->id, region);
    }

  self->layers = g_strdupv (source->layers);
  g_hash_table_iter_init (&iter, source->hidden_layers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (self->hidden_layers, g_strdup (key));

  self->style = source->style;
  self->handle = g_object_ref (source->handle);
  for (guint i = 0; i < ATLAS_N_HIGHLIGHTS; i++)
    self->highlight[i] = source->highlight[i] != NULL ? g_object_ref (source->highlight[i]) : NULL;

  self->pick = source->pick != NULL ? atlas_pick_map_ref (source->pick) : NULL;
  self->pick_stale = source->pick_stale;
  self->pick_precomputed = source->pick_precomputed;
  return self;
}

static GMutex      cache_lock;
static GHashTable *cache;  /* URI → the pristine AtlasDiagram, never handed out */

/**
 * atlas_diagram_new_shared:
 * @file: the diagram
 * @required_ids: (nullable): region ids that must be present
 * @error: return location for an error naming the file, line and problem
 *
 * Like atlas_diagram_new_from_file(). A built-in diagram (a `resource://` file) is loaded once per
 * process and each call returns a new diagram sharing that load; the caller may change its
 * diagram freely without affecting any other. Other files are loaded afresh every time.
 *
 * Returns: (transfer full) (nullable): the diagram, or %NULL with @error set
 */
AtlasDiagram *
atlas_diagram_new_shared (GFile              *file,
                          const char * const *required_ids,
                          GError            **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autoptr(AtlasDiagram) copy = NULL;
  AtlasDiagram *pristine;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_has_uri_scheme (file, "resource"))
    return atlas_diagram_new_from_file (file, required_ids, error);

  uri = g_file_get_uri (file);
  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  pristine = g_hash_table_lookup (cache, uri);
  if (pristine == NULL)
    {
      pristine = atlas_diagram_new_from_file (file, NULL, error);
      if (pristine == NULL)
        {
          g_mutex_unlock (&cache_lock);
          return NULL;
        }
      g_hash_table_insert (cache, g_strdup (uri), pristine);
    }

  copy = copy_diagram (pristine);
  g_mutex_unlock (&cache_lock);

  name = atlas_diagram_display_name (file);
  if (!atlas_diagram_check_required (copy, name, required_ids, error))
    return NULL;

  return g_steal_pointer (&copy);
}
