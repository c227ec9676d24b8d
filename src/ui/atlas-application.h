/* atlas-application.h — the Psoas Atlas application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-content.h"
#include "atlas-settings.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())

G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

AtlasApplication *atlas_application_new          (void);
AtlasSettings    *atlas_application_get_settings (AtlasApplication *self);
AtlasContent     *atlas_application_get_content  (AtlasApplication *self);
GPtrArray        *atlas_application_get_content_problems (AtlasApplication *self);
gboolean          atlas_application_get_loading_content  (AtlasApplication *self);
GtkWindow        *atlas_application_new_window   (AtlasApplication *self);

/* atlas-application-actions.c */
void              _atlas_application_actions_init (AtlasApplication *self);

G_END_DECLS
