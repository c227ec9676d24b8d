/* atlas-pick-cache.c — pick maps made at build time for the built-in diagrams.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a pick map parses the diagram a second time with a large stylesheet and renders it:
 * most of the cost of loading a diagram. The built-in diagrams never change after the build, so
 * the build writes each one's map to a `.pick` file in the same resource bundle, and loading
 * reads it back. The file is trusted only when it provably belongs to the bytes being loaded;
 * anything else (a stale file, a damaged one) is ignored and the map is built as before.
 *
 * The `.pick` format, version 1. Integers in the header are unsigned, little-endian:
 *
 *   offset size  field
 *        0    8  magic "ATLPICK\n"
 *        8    4  version: 1
 *       12    4  width of the map in pixels (the diagram's width × PICK_SCALE, rounded up)
 *       16    4  height of the map in pixels
 *       20    4  number of regions in the diagram
 *       24    4  size of the SVG in bytes
 *       28    4  zero (reserved)
 *       32    8  checksum of the SVG's bytes (atlas_pick_cache_checksum())
 *       40       the rows, top to bottom
 *
 * Each row is a sequence of runs whose lengths add up to exactly the width; a run is two
 * unsigned LEB128 numbers (seven bits a byte, low bits first, at most five bytes): the value
 * (a region's index in painter's order + 1, or 0 for no region) and the length (≥ 1). The file
 * ends right after the last row. A reader refuses the whole file if any of this does not hold,
 * or if the size, region count or checksum differ from the diagram being loaded.
 *
 * The checksum is not SHA-256: GChecksum's SHA-256 of the 56 KB front diagram takes about 3
 * million instructions (0.3–0.45 ms here), more than everything else reading a .pick costs. The
 * file is compiled into the program next to the SVG, so the check is against staleness and
 * damage, not an attacker; a 64-bit hash that reads eight bytes at a time and mixes every one
 * into the result (then a final avalanche) catches any edit for about 10 µs.
 */
#include "config.h"

#include <string.h>

#include "atlas-diagram-private.h"
#include "atlas-pick-cache.h"

#define MAGIC       "ATLPICK\n"
#define HEADER_SIZE 40

/**
 * atlas_pick_cache_checksum:
 *
 * Returns: a 64-bit hash of every byte of @svg and its length
 */
guint64
atlas_pick_cache_checksum (GBytes *svg)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (svg, &size);
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ (guint64) size;
  gsize i = 0;

  for (; i + 8 <= size; i += 8)
    {
      guint64 word;

      memcpy (&word, data + i, 8);
      word = GUINT64_FROM_LE (word);
      h ^= word * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h = ((h << 27) | (h >> 37)) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53) + G_GUINT64_CONSTANT (0x52dce729);
    }
  for (; i < size; i++)
    h = (h ^ data[i]) * G_GUINT64_CONSTANT (0x100000001b3);

  /* A final mix, so the last bytes reach every bit too. */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *) &le, 4);
}

static void
put_varint (GByteArray *out,
            guint32     value)
{
  do
    {
      guint8 byte = value & 0x7f;

      value >>= 7;
      if (value != 0)
        byte |= 0x80;
      g_byte_array_append (out, &byte, 1);
    }
  while (value != 0);
}

/**
 * atlas_pick_cache_encode:
 *
 * Writes @diagram's current pick map in the `.pick` format.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
atlas_pick_cache_encode (AtlasDiagram *diagram)
{
  GByteArray *out = g_byte_array_new ();
  guint64 checksum;
  const AtlasPickMap *map;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (diagram), NULL);

  atlas_diagram_ensure_pick_map (diagram);
  map = diagram->pick;
  checksum = GUINT64_TO_LE (atlas_pick_cache_checksum (diagram->bytes));

  g_byte_array_append (out, (const guint8 *) MAGIC, 8);
  put_u32 (out, ATLAS_PICK_CACHE_VERSION);
  put_u32 (out, map->width);
  put_u32 (out, map->height);
  put_u32 (out, diagram->regions->len);
  put_u32 (out, g_bytes_get_size (diagram->bytes));
  put_u32 (out, 0);
  g_byte_array_append (out, (const guint8 *) &checksum, 8);

  for (int y = 0; y < map->height; y++)
    {
      int x = 0;

      while (x < map->width)
        {
          guint value = atlas_pick_map_get (map, x, y);
          int start = x;

          while (x < map->width && atlas_pick_map_get (map, x, y) == value)
            x++;
          put_varint (out, value);
          put_varint (out, x - start);
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 value;

  memcpy (&value, p, 4);
  return GUINT32_FROM_LE (value);
}

/* Reads one LEB128 number of at most five bytes that fits 32 bits. */
static gboolean
get_varint (const guint8 **p,
            const guint8  *end,
            guint32       *value)
{
  guint64 result = 0;

  for (guint shift = 0; shift < 35; shift += 7)
    {
      guint8 byte;

      if (*p >= end)
        return FALSE;
      byte = *(*p)++;
      result |= (guint64) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          if (result > G_MAXUINT32)
            return FALSE;
          *value = (guint32) result;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
refuse (AtlasDiagram *self,
        const char   *why)
{
  g_autofree char *name = self->file != NULL ? g_file_get_uri (self->file) : g_strdup ("(diagram)");

  g_debug ("%s: not using its precomputed pick map: %s; building it", name, why);
  return FALSE;
}

/* Takes @cache as the diagram's pick map, with the bounds it gives every region, if it belongs
 * to the diagram and is whole. Returns FALSE, changing nothing, otherwise. */
gboolean
atlas_diagram_use_pick_cache (AtlasDiagram *self,
                              GBytes       *cache)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (cache, &size);
  const guint8 *p, *end;
  int width = atlas_diagram_pick_width (self);
  int height = atlas_diagram_pick_height (self);
  guint n_regions = self->regions->len;
  guint64 checksum;
  AtlasPickMap *map;
  double *bounds;

  /* An empty file has no data at all (NULL): nothing may be added to that pointer. */
  if (data == NULL || size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    return refuse (self, "not a pick map");
  end = data + size;
  if (get_u32 (data + 8) != ATLAS_PICK_CACHE_VERSION)
    return refuse (self, "another version");
  if (get_u32 (data + 12) != (guint32) width || get_u32 (data + 16) != (guint32) height)
    return refuse (self, "another size");
  if (get_u32 (data + 20) != n_regions)
    return refuse (self, "another number of regions");
  if (get_u32 (data + 24) != g_bytes_get_size (self->bytes) || get_u32 (data + 28) != 0)
    return refuse (self, "made from another file");
  memcpy (&checksum, data + 32, 8);
  if (GUINT64_FROM_LE (checksum) != atlas_pick_cache_checksum (self->bytes))
    return refuse (self, "made from another file");

  map = atlas_pick_map_new (width, height, n_regions);
  bounds = atlas_pick_bounds_new (n_regions);
  p = data + HEADER_SIZE;
  for (int y = 0; y < height; y++)
    {
      gsize row = (gsize) y * (gsize) width;
      int x = 0;

      while (x < width)
        {
          guint32 value, length;

          if (!get_varint (&p, end, &value) || !get_varint (&p, end, &length) ||
              value > n_regions || length == 0 || length > (guint32) (width - x))
            {
              atlas_pick_map_unref (map);
              g_free (bounds);
              return refuse (self, "damaged rows");
            }

          if (value != 0)
            {
              atlas_pick_map_fill (map, row + (gsize) x, length, value);
              atlas_pick_bounds_add_run (bounds, value, x, x + (int) length, y);
            }
          x += (int) length;
        }
    }

  if (p != end)
    {
      atlas_pick_map_unref (map);
      g_free (bounds);
      return refuse (self, "data after the last row");
    }

  atlas_diagram_set_pick_map (self, map);
  self->pick_precomputed = TRUE;
  self->pick_stale = FALSE;
  atlas_diagram_apply_pick_bounds (self, bounds);
  return TRUE;
}

/**
 * atlas_diagram_pick_map_is_precomputed:
 *
 * Returns: whether the pick map in use was read from a `.pick` file rather than built
 */
gboolean
atlas_diagram_pick_map_is_precomputed (AtlasDiagram *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM (self), FALSE);

  return self->pick != NULL && self->pick_precomputed;
}
