/* atlas-sources-window.h — every source the explanations cite, and what each contributes.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-content.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SOURCES_WINDOW (atlas_sources_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSourcesWindow, atlas_sources_window, ATLAS, SOURCES_WINDOW, AdwWindow)

GtkWidget *atlas_sources_window_new      (AtlasContent       *content);
GtkWidget *atlas_sources_window_get_row  (AtlasSourcesWindow *self,
                                          const char         *source_id);

G_END_DECLS
