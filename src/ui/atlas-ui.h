/* atlas-ui.h — one-time set-up shared by every widget of the application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void atlas_ui_ensure_resources  (void);
void atlas_ui_announce          (GtkWidget  *target,
                                 const char *name,
                                 const char *description);
void atlas_ui_plain_button_names (GtkWidget *root);

G_END_DECLS
