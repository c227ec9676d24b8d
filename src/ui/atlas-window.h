/* atlas-window.h — the main window: diagram, explanation pane and symptom checklist.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-settings.h"
#include "atlas-quiz.h"
#include "atlas-tour.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow   *atlas_window_new                  (GtkApplication *application,
                                                  AtlasSettings  *settings);
AtlasSettings *atlas_window_get_settings         (AtlasWindow    *self);
gboolean       atlas_window_get_show_checklist   (AtlasWindow    *self);
void           atlas_window_set_show_checklist   (AtlasWindow    *self,
                                                  gboolean        show);
gboolean       atlas_window_get_show_explanation (AtlasWindow    *self);
void           atlas_window_set_show_explanation (AtlasWindow    *self,
                                                  gboolean        show);
const char    *atlas_window_get_view             (AtlasWindow    *self);
void           atlas_window_set_view             (AtlasWindow    *self,
                                                  const char     *name);

AtlasTour     *atlas_window_get_tour             (AtlasWindow    *self);
AtlasQuiz     *atlas_window_get_quiz             (AtlasWindow    *self);
gpointer       atlas_window_get_part             (AtlasWindow    *self,
                                                  const char     *name,
                                                  gboolean        build);
gboolean       atlas_window_export_handout       (AtlasWindow    *self,
                                                  const char     *path,
                                                  GError        **error);

G_END_DECLS
