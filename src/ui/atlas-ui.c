/* atlas-ui.c — one-time set-up shared by every widget of the application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resources are compiled into a static library, where a constructor that nothing
 * references would be dropped by the linker; so they are registered by hand, once, by the
 * first widget class that needs them.
 */
#include "config.h"

#include "atlas-core.h"
#include "atlas-resources.h"
#include "atlas-ui.h"

void
atlas_ui_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      atlas_core_ensure_resources ();
      atlas_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
