/* replay.c — runs a fuzz harness over files, without libFuzzer.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with each harness so that the corpus of bad inputs in tests/data (and any crash a
 * fuzzer found) is replayed by `meson test` with any compiler, sanitizers included.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
replay_path (const char *path)
{
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          count += replay_path (child);
        }
    }
  else
    {
      g_autofree char *data = NULL;
      gsize size;

      if (g_file_get_contents (path, &data, &size, NULL))
        {
          LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
          count++;
        }
    }

  return count;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += replay_path (argv[i]);

  printf ("1..1\nok 1 - replayed %u inputs\n", count);
  return count > 0 ? 0 : 1;
}
