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
#include "atlas-marks.h"

G_BEGIN_DECLS

/* A4 in points, the PDF default. */
#define ATLAS_HANDOUT_A4_WIDTH  595.0
#define ATLAS_HANDOUT_A4_HEIGHT 842.0
/* US Letter in points. */
#define ATLAS_HANDOUT_LETTER_WIDTH  612.0
#define ATLAS_HANDOUT_LETTER_HEIGHT 792.0

typedef enum
{
  ATLAS_HANDOUT_PAPER_A4,
  ATLAS_HANDOUT_PAPER_LETTER,
} AtlasHandoutPaper;

#define ATLAS_TYPE_HANDOUT (atlas_handout_get_type ())

G_DECLARE_FINAL_TYPE (AtlasHandout, atlas_handout, ATLAS, HANDOUT, GObject)

AtlasHandout *atlas_handout_new         (AtlasContent   *content,
                                         AtlasChecklist *checklist,
                                         AtlasDiagram   *diagram,
                                         const char     *region_id);
void          atlas_handout_set_marks   (AtlasHandout   *self,
                                         AtlasMarks     *marks);
void          atlas_handout_set_paper   (AtlasHandout   *self,
                                         AtlasHandoutPaper paper);
gboolean      atlas_handout_paper_from_string (const char *name,
                                         AtlasHandoutPaper *paper);
void          atlas_handout_paper_get_size (AtlasHandoutPaper paper,
                                         double         *width,
                                         double         *height);
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
