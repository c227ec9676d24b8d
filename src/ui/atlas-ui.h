/* atlas-ui.h — one-time set-up shared by every widget of the application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void atlas_ui_ensure_resources (void);

G_END_DECLS
