/* atlas-illustrations.c — the line drawings that show an exercise's position.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every exercise with steps has a picture: resources/exercises/ID.svg, drawn by
 * build-aux/exercises/figures.py in the diagrams' style (no text: the steps say what to do in
 * the reader's language). Where a movement matters the picture shows the start and the end
 * position side by side. The explanation pane shows it under the exercise and the handout
 * beside its steps; tests/test-handout.c checks that no exercise with steps lacks one.
 */
#include "config.h"

#include <librsvg/rsvg.h>
#include <string.h>

#include "atlas-core.h"
#include "atlas-illustrations.h"

#define RESOURCE_DIR RESOURCE_BASE "/exercises/"

/* Ids come from the content, which has checked them; refuse anything that could leave the
 * folder all the same. */
static gboolean
id_is_plain (const char *id)
{
  return id != NULL && id[0] != '\0' && strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen (id);
}

/**
 * atlas_illustration_dup_resource:
 *
 * Returns: (transfer full) (nullable): the resource path of @exercise_id's picture, or %NULL
 *   when it has none
 */
char *
atlas_illustration_dup_resource (const char *exercise_id)
{
  g_autofree char *path = NULL;

  if (!id_is_plain (exercise_id))
    return NULL;

  atlas_core_ensure_resources ();
  path = g_strconcat (RESOURCE_DIR, exercise_id, ".svg", NULL);
  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return NULL;

  return g_steal_pointer (&path);
}

static RsvgHandle *
load (const char *exercise_id)
{
  g_autofree char *path = atlas_illustration_dup_resource (exercise_id);
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const guint8 *data;

  if (path == NULL || (bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL)) == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return rsvg_handle_new_from_data (data, size, NULL);
}

/**
 * atlas_illustration_get_size:
 *
 * Returns: %TRUE if @exercise_id has a picture; then its natural size
 */
gboolean
atlas_illustration_get_size (const char *exercise_id,
                             double     *width,
                             double     *height)
{
  g_autoptr(GObject) handle_object = (GObject *) load (exercise_id);
  RsvgHandle *handle = (RsvgHandle *) handle_object;
  gboolean has_width, has_height, has_viewbox;
  RsvgLength w, h;
  RsvgRectangle viewbox;

  if (handle == NULL)
    return FALSE;

  rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
  if (!has_viewbox)
    return FALSE;

  *width = viewbox.width;
  *height = viewbox.height;
  return TRUE;
}

/**
 * atlas_illustration_render:
 *
 * Draws @exercise_id's picture to fit the given box, keeping its proportions.
 *
 * Returns: %TRUE if there was a picture to draw
 */
gboolean
atlas_illustration_render (const char *exercise_id,
                           cairo_t    *cr,
                           double      x,
                           double      y,
                           double      width,
                           double      height)
{
  g_autoptr(GObject) handle_object = (GObject *) load (exercise_id);
  RsvgHandle *handle = (RsvgHandle *) handle_object;
  RsvgRectangle viewport = { x, y, width, height };

  if (handle == NULL)
    return FALSE;

  return rsvg_handle_render_document (handle, cr, &viewport, NULL);
}
