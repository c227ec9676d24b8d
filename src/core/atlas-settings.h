/* atlas-settings.h — the application's preferences as a GObject model.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_SETTINGS (atlas_settings_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSettings, atlas_settings, ATLAS, SETTINGS, GObject)

AtlasSettings *atlas_settings_new                  (GSettings     *settings);
AtlasSettings *atlas_settings_new_default          (void);

void           atlas_settings_get_window_size      (AtlasSettings *self,
                                                    int           *width,
                                                    int           *height,
                                                    gboolean      *maximized);
void           atlas_settings_set_window_size      (AtlasSettings *self,
                                                    int            width,
                                                    int            height,
                                                    gboolean       maximized);

gboolean       atlas_settings_get_show_checklist   (AtlasSettings *self);
void           atlas_settings_set_show_checklist   (AtlasSettings *self,
                                                    gboolean       show);
gboolean       atlas_settings_get_show_explanation (AtlasSettings *self);
void           atlas_settings_set_show_explanation (AtlasSettings *self,
                                                    gboolean       show);

gboolean       atlas_settings_get_large_text       (AtlasSettings *self);
void           atlas_settings_set_large_text       (AtlasSettings *self,
                                                    gboolean       large);

gboolean       atlas_settings_get_remember_checklist (AtlasSettings *self);
void           atlas_settings_set_remember_checklist (AtlasSettings *self,
                                                      gboolean       remember);

G_END_DECLS
