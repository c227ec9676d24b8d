/* atlas-core.h — set-up shared by everything in the core library.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void atlas_core_ensure_resources (void);

G_END_DECLS
