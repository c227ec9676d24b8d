/* atlas-core.c — set-up shared by everything in the core library.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in diagrams and content are compiled into the core, so that the tests, benchmarks
 * and command-line tools read exactly what the application shows. A static library would drop
 * an unreferenced resource constructor, so the bundles are registered by hand, once: the data
 * and the pick maps the build made from it (atlas-pick-tool.c registers only the data).
 */
#include "config.h"

#include "atlas-core.h"
#include "atlas-core-data.h"
#include "atlas-core-picks.h"

void
atlas_core_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      atlas_core_data_register_resource ();
      atlas_core_picks_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
