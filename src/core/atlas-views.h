/* atlas-views.h — the built-in diagram views and the regions each must have.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-diagram.h"

G_BEGIN_DECLS

#define ATLAS_VIEW_MAX_STATES 2

typedef struct
{
  const char         *name;          /* "front": the view's stable name */
  const char         *title;         /* untranslated; pass through gettext to show */
  const char         *states[ATLAS_VIEW_MAX_STATES]; /* diagram files; a second one is an alternative posture */
  const char         *state_titles[ATLAS_VIEW_MAX_STATES];
  const char * const *required_ids;
  const char         *caption;       /* untranslated: how to read the drawing, or NULL */
  const char         *morph_caption; /* untranslated: what changes between the postures, or NULL */
  const char         *morph_cite;    /* source ids (space-separated) saying what morph_caption says */
} AtlasViewInfo;

guint                atlas_views_get_n_views (void);
const AtlasViewInfo *atlas_views_get_view    (guint                index);
const AtlasViewInfo *atlas_views_lookup      (const char          *name);
guint                atlas_view_get_n_states (const AtlasViewInfo *view);
AtlasDiagram        *atlas_view_load_builtin (const AtlasViewInfo *view,
                                              guint                state,
                                              GError             **error);
AtlasDiagram        *atlas_view_load_posture (const AtlasViewInfo *view,
                                              double               morph,
                                              GError             **error);

G_END_DECLS
