/* fuzz-content.c — libFuzzer harness for the content pack reader.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>

#include "atlas-content.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *dir;
  g_autofree char *path = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (dir == NULL)
    dir = g_dir_make_tmp ("atlas-fuzz-content-XXXXXX", NULL);

  /* The reader works on folders, so each input becomes a one-file pack. */
  path = g_build_filename (dir, "pack.xml", NULL);
  g_file_set_contents (path, (const char *) data, size, NULL);
  directory = g_file_new_for_path (dir);

  ok = atlas_content_load_pack (content, directory, &error);
  g_assert (ok == (error == NULL));
  /* A refused pack leaves nothing behind. */
  if (!ok)
    g_assert (atlas_content_get_regions (content)->len == 0 && atlas_content_get_sources (content)->len == 0);

  return 0;
}
