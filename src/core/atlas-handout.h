/* atlas-handout.h — the printed notes a patient takes home: one renderer for every output.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "atlas-checklist.h"
#include "atlas-content.h"
#include "atlas-diagram.h"

G_BEGIN_DECLS

/* A4 in points, the PDF default. */
#define ATLAS_HANDOUT_A4_WIDTH  595.0
#define ATLAS_HANDOUT_A4_HEIGHT 842.0

#define ATLAS_TYPE_HANDOUT (atlas_handout_get_type ())

G_DECLARE_FINAL_TYPE (AtlasHandout, atlas_handout, ATLAS, HANDOUT, GObject)

AtlasHandout *atlas_handout_new         (AtlasContent   *content,
                                         AtlasChecklist *checklist,
                                         AtlasDiagram   *diagram,
                                         const char     *region_id);
AtlasHandout *atlas_handout_new_in_language (AtlasContent   *content,
                                             AtlasChecklist *checklist,
                                             AtlasDiagram   *diagram,
                                             const char     *region_id,
                                             const char     *language);
guint         atlas_handout_paginate    (AtlasHandout   *self,
                                         cairo_t        *cr,
                                         double          width,
                                         double          height);
void          atlas_handout_render_page (AtlasHandout   *self,
                                         cairo_t        *cr,
                                         guint           page);
char         *atlas_handout_dup_text    (AtlasHandout   *self);
gboolean      atlas_handout_write_pdf   (AtlasHandout   *self,
                                         const char     *path,
                                         GError        **error);

G_END_DECLS
