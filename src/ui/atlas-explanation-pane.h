/* atlas-explanation-pane.h — what the selected structure is, what the sources say about it.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-checklist.h"
#include "atlas-content.h"
#include "atlas-diagram.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXPLANATION_PANE (atlas_explanation_pane_get_type ())

G_DECLARE_FINAL_TYPE (AtlasExplanationPane, atlas_explanation_pane, ATLAS, EXPLANATION_PANE, GtkWidget)

GtkWidget  *atlas_explanation_pane_new         (void);
void        atlas_explanation_pane_set_content (AtlasExplanationPane *self,
                                                AtlasContent         *content);
void        atlas_explanation_pane_set_checklist (AtlasExplanationPane *self,
                                                  AtlasChecklist       *checklist);
void        atlas_explanation_pane_show_region (AtlasExplanationPane *self,
                                                const AtlasRegion    *region);
char       *atlas_explanation_pane_dup_text    (AtlasExplanationPane *self);
gboolean    atlas_explanation_pane_activate_link (AtlasExplanationPane *self,
                                                  const char           *uri);
GtkPopover *atlas_explanation_pane_get_popover (AtlasExplanationPane *self);
gboolean    atlas_explanation_pane_open_exercise (AtlasExplanationPane *self,
                                                  const char           *exercise_id);

G_END_DECLS
