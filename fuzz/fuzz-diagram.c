/* fuzz-diagram.c — libFuzzer harness for the diagram reader.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "atlas-diagram.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDiagram) diagram = atlas_diagram_new_from_bytes (bytes, NULL, NULL, &error);

  /* Whatever the input, a diagram comes back or an error does, never both, never neither. */
  g_assert ((diagram == NULL) != (error == NULL));
  if (diagram != NULL)
    {
      for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
        {
          const AtlasRegion *region = atlas_diagram_get_region (diagram, i);
          atlas_diagram_pick (diagram, region->anchor_x, region->anchor_y);
        }
    }

  return 0;
}
