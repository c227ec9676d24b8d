/* atlas-structure-list.h — every region of the current diagram as a keyboard-reachable list.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-content.h"
#include "atlas-diagram.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STRUCTURE_LIST (atlas_structure_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStructureList, atlas_structure_list, ATLAS, STRUCTURE_LIST, GtkWidget)

GtkWidget  *atlas_structure_list_new          (void);
void        atlas_structure_list_set_diagram  (AtlasStructureList *self,
                                               AtlasDiagram       *diagram);
void        atlas_structure_list_set_content  (AtlasStructureList *self,
                                               AtlasContent       *content);
const char *atlas_structure_list_get_selected (AtlasStructureList *self);
void        atlas_structure_list_set_selected (AtlasStructureList *self,
                                               const char         *region_id);
void        atlas_structure_list_set_region_weights (AtlasStructureList *self,
                                                     GHashTable         *weights);
GtkListBox *atlas_structure_list_get_list_box (AtlasStructureList *self);
GtkWidget  *atlas_structure_list_get_row      (AtlasStructureList *self,
                                               const char         *region_id);

G_END_DECLS
