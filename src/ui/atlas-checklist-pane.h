/* atlas-checklist-pane.h — the symptom checklist: warning signs first, then symptoms, then what
 * the ticks point to.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-checklist.h"
#include "atlas-settings.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHECKLIST_PANE (atlas_checklist_pane_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChecklistPane, atlas_checklist_pane, ATLAS, CHECKLIST_PANE, GtkWidget)

void            atlas_checklist_pane_setup             (AtlasChecklistPane *self,
                                                        AtlasChecklist     *checklist,
                                                        AtlasSettings      *settings,
                                                        const char         *state_path);
AtlasChecklist *atlas_checklist_pane_get_checklist     (AtlasChecklistPane *self);
GtkCheckButton *atlas_checklist_pane_get_check_button  (AtlasChecklistPane *self,
                                                        const char         *id);
GtkToggleButton *atlas_checklist_pane_get_side_button  (AtlasChecklistPane *self,
                                                        const char         *id,
                                                        AtlasSide           side);
gboolean        atlas_checklist_pane_focus_item        (AtlasChecklistPane *self,
                                                        const char         *id);
void            atlas_checklist_pane_set_waiting_for_content (AtlasChecklistPane *self,
                                                              gboolean            waiting);
gboolean        atlas_checklist_pane_get_alert_visible (AtlasChecklistPane *self);
char           *atlas_checklist_pane_dup_summary_text  (AtlasChecklistPane *self);
void            atlas_checklist_pane_clear             (AtlasChecklistPane *self);
void            atlas_checklist_pane_undo_clear        (AtlasChecklistPane *self);

void            atlas_checklist_pane_ensure_built      (AtlasChecklistPane *self);
gboolean        atlas_checklist_pane_is_built          (AtlasChecklistPane *self);

G_END_DECLS
