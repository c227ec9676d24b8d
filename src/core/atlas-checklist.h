/* atlas-checklist.h — the symptoms a person ticked, what they point to, and keeping them.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-content.h"
#include "atlas-diagram.h"

G_BEGIN_DECLS

#define ATLAS_CHECKLIST_ERROR (atlas_checklist_error_quark ())

typedef enum
{
  ATLAS_CHECKLIST_ERROR_CORRUPT,
  ATLAS_CHECKLIST_ERROR_NEWER_VERSION,
} AtlasChecklistError;

#define ATLAS_CHECKLIST_VERSION   1
#define ATLAS_CHECKLIST_MAX_BYTES (256 * 1024)

typedef enum
{
  ATLAS_CHECKLIST_LOADED,     /* the saved checklist is back */
  ATLAS_CHECKLIST_NOT_SAVED,  /* there was nothing saved */
  ATLAS_CHECKLIST_SET_ASIDE,  /* the saved file was unreadable; it was renamed and kept */
} AtlasChecklistLoadResult;

#define ATLAS_TYPE_CHECKLIST (atlas_checklist_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChecklist, atlas_checklist, ATLAS, CHECKLIST, GObject)

GQuark                   atlas_checklist_error_quark        (void);

AtlasChecklist          *atlas_checklist_new                (AtlasContent    *content);
AtlasContent            *atlas_checklist_get_content        (AtlasChecklist  *self);

gboolean                 atlas_checklist_get_symptom        (AtlasChecklist  *self,
                                                             const char      *id,
                                                             AtlasSide       *side);
void                     atlas_checklist_set_symptom        (AtlasChecklist  *self,
                                                             const char      *id,
                                                             gboolean         checked,
                                                             AtlasSide        side);
gboolean                 atlas_checklist_get_red_flag       (AtlasChecklist  *self,
                                                             const char      *id);
void                     atlas_checklist_set_red_flag       (AtlasChecklist  *self,
                                                             const char      *id,
                                                             gboolean         checked);
guint                    atlas_checklist_get_n_checked      (AtlasChecklist  *self);
gboolean                 atlas_checklist_has_red_flag       (AtlasChecklist  *self);
gboolean                 atlas_checklist_needs_emergency    (AtlasChecklist  *self);
GPtrArray               *atlas_checklist_get_checked_red_flags (AtlasChecklist *self);
GPtrArray               *atlas_checklist_get_checked_symptoms  (AtlasChecklist *self);
void                     atlas_checklist_clear              (AtlasChecklist  *self);

GHashTable              *atlas_checklist_region_weights     (AtlasChecklist  *self,
                                                             AtlasDiagram    *diagram);
GPtrArray               *atlas_checklist_involved_structures (AtlasChecklist *self);
GPtrArray               *atlas_checklist_suggested_exercises (AtlasChecklist *self);
GPtrArray               *atlas_checklist_care_for           (AtlasChecklist  *self,
                                                             const char      *structure);

char                    *atlas_checklist_serialize          (AtlasChecklist  *self);
gboolean                 atlas_checklist_deserialize        (AtlasChecklist  *self,
                                                             const char      *data,
                                                             gsize            length,
                                                             GError         **error);
gboolean                 atlas_checklist_save               (AtlasChecklist  *self,
                                                             const char      *path,
                                                             GError         **error);
AtlasChecklistLoadResult atlas_checklist_load               (AtlasChecklist  *self,
                                                             const char      *path,
                                                             char           **set_aside_path,
                                                             GError         **error);

G_END_DECLS
