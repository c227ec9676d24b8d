/* atlas-pick-tool.c — the build's tool that writes a built-in diagram's precomputed pick map.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   atlas-pick-tool front.svg front.pick
 *
 * loads resource:///…/diagrams/front.svg the way the application does, builds its pick map and
 * writes it in the `.pick` format (atlas-pick-cache.c). It links the core without the bundle of
 * pick maps it is there to make, so it registers only the diagrams' bundle itself.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "atlas-core.h"
#include "atlas-core-data.h"
#include "atlas-diagram.h"
#include "atlas-pick-cache.h"

/* The core's own version registers the pick maps too, which do not exist yet. */
void
atlas_core_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      atlas_core_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasDiagram) diagram = NULL;
  g_autoptr(GBytes) cache = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "C");
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s DIAGRAM.svg OUTPUT.pick\n", argv[0]);
      return 2;
    }

  atlas_core_ensure_resources ();
  uri = g_strdup_printf ("resource://" RESOURCE_BASE "/diagrams/%s", argv[1]);
  file = g_file_new_for_uri (uri);
  diagram = atlas_diagram_new_from_file (file, NULL, &error);
  if (diagram == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }

  cache = atlas_pick_cache_encode (diagram);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (cache, NULL), g_bytes_get_size (cache), &error))
    {
      fprintf (stderr, "%s: %s\n", argv[2], error->message);
      return 1;
    }

  return 0;
}
