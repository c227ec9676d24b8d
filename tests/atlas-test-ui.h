/* atlas-test-ui.h — shared helpers for the tests that run in a real X server.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-diagram-view.h"
#include "atlas-settings.h"
#include "atlas-window.h"

G_BEGIN_DECLS

AtlasApplication *atlas_test_application      (void);
AtlasSettings    *atlas_test_settings_new     (void);
void              atlas_test_iterate          (void);
gboolean          atlas_test_wait_for         (gboolean (*condition) (gpointer data),
                                               gpointer  data,
                                               guint     timeout_ms);
void              atlas_test_wait_for_mapped  (GtkWidget *widget);
void              atlas_test_close_window     (GtkWindow *window);
void              atlas_test_assert_finalized (gpointer   object);
GtkWidget        *atlas_test_find_by_type     (GtkWidget *root,
                                               GType      type);
AtlasWindow      *atlas_test_open_window      (AtlasSettings *settings);
gpointer          atlas_test_window_child     (AtlasWindow   *window,
                                               const char    *name);
AtlasDiagramView *atlas_test_window_view      (AtlasWindow   *window,
                                               const char    *view_name);

G_END_DECLS
