/* fuzz-pick.c — libFuzzer harness for the reader of precomputed pick maps (.pick files).
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is taken as the pick map of tests/data/diagrams/overlap.svg. The SVG's size and
 * checksum are written into the input's header first (when it is long enough), so the fuzzer
 * spends its time in the run decoder rather than on a 64-bit checksum it could never guess.
 * Whatever the input, loading gives the diagram. A file that is refused leaves the map built at
 * run time, so every pick agrees with it; a well-formed file is believed (its checksum was made
 * right above), and then every pick still names one of the diagram's own regions, whose bounds
 * lie inside the drawing — never an index past the end or garbage.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "atlas-pick-cache.h"

#ifndef ATLAS_FUZZ_SVG
#error "ATLAS_FUZZ_SVG names the diagram the inputs claim to be the map of"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GBytes       *svg;
static AtlasDiagram *reference;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree guint8 *input = g_memdup2 (data, size);
  g_autoptr(GBytes) cache = NULL;
  g_autoptr(AtlasDiagram) diagram = NULL;
  g_autoptr(GError) error = NULL;

  if (svg == NULL)
    {
      g_autofree char *text = NULL;
      gsize length;

      if (!g_file_get_contents (ATLAS_FUZZ_SVG, &text, &length, NULL))
        g_error ("cannot read %s", ATLAS_FUZZ_SVG);
      svg = g_bytes_new_take (g_steal_pointer (&text), length);
      reference = atlas_diagram_new_from_bytes (svg, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  /* Offsets 24 (the SVG's size) and 32 (its checksum), little-endian: see atlas-pick-cache.c. */
  if (size >= 40)
    {
      guint32 svg_size = GUINT32_TO_LE ((guint32) g_bytes_get_size (svg));
      guint64 checksum = GUINT64_TO_LE (atlas_pick_cache_checksum (svg));

      memcpy (input + 24, &svg_size, 4);
      memcpy (input + 32, &checksum, 8);
    }
  cache = g_bytes_new (input, size);

  diagram = atlas_diagram_new_with_pick_cache (svg, NULL, NULL, cache, &error);
  g_assert_no_error (error);
  g_assert_nonnull (diagram);

  for (double y = -1; y < atlas_diagram_get_height (reference) + 2; y += 3)
    for (double x = -1; x < atlas_diagram_get_width (reference) + 2; x += 3)
      {
        const AtlasRegion *want = atlas_diagram_pick (reference, x, y);
        const AtlasRegion *got = atlas_diagram_pick (diagram, x, y);

        if (!atlas_diagram_pick_map_is_precomputed (diagram))
          g_assert_cmpstr (want ? want->id : "", ==, got ? got->id : "");
        else if (got != NULL)
          g_assert_true (atlas_diagram_lookup_region (diagram, got->id) == got);
      }

  for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

      g_assert_true (region->x >= 0 && region->y >= 0 && region->width >= 0 && region->height >= 0);
      g_assert_true (region->x + region->width <= atlas_diagram_get_width (diagram) + 1);
      g_assert_true (region->y + region->height <= atlas_diagram_get_height (diagram) + 1);
    }

  return 0;
}
