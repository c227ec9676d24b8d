/* atlas-view-page.h — one diagram view with its on-canvas controls, or why it failed to load.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-diagram-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_VIEW_PAGE (atlas_view_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasViewPage, atlas_view_page, ATLAS, VIEW_PAGE, GtkWidget)

GtkWidget        *atlas_view_page_new              (const char    *view_name);
const char       *atlas_view_page_get_view_name    (AtlasViewPage *self);
AtlasDiagramView *atlas_view_page_get_diagram_view (AtlasViewPage *self);
AtlasDiagramView *atlas_view_page_peek_diagram_view (AtlasViewPage *self);
void              atlas_view_page_ensure_built     (AtlasViewPage *self);
gboolean          atlas_view_page_is_built         (AtlasViewPage *self);
gboolean          atlas_view_page_ensure_loaded    (AtlasViewPage *self);
gboolean          atlas_view_page_load_files       (AtlasViewPage *self,
                                                    GFile        **files,
                                                    guint          n_files);
const char       *atlas_view_page_get_error        (AtlasViewPage *self);

G_END_DECLS
