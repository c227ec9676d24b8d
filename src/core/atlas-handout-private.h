/* atlas-handout-private.h — what the handout's files share.
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

/* atlas-handout-diagram.c */
void _atlas_handout_render_diagram (cairo_t        *cr,
                                    AtlasDiagram   *diagram,
                                    AtlasContent   *content,
                                    AtlasChecklist *checklist,
                                    const char     *region_id,
                                    AtlasMarks     *marks,
                                    double          x,
                                    double          y,
                                    double          width,
                                    double          height);

G_END_DECLS
