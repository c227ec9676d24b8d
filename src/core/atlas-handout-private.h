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
#include "atlas-handout.h"
#include "atlas-marks.h"

G_BEGIN_DECLS

/* atlas-handout.c builds the blocks; atlas-handout-layout.c measures, places and draws them. */
typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_ALERT,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_SMALL,
  BLOCK_DIAGRAM,
  BLOCK_EXERCISE,   /* markup: its name and summary; then its steps, the rest, its picture */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *markup;
  char      *steps;     /* BLOCK_EXERCISE: one paragraph per step, "N.\ttext" */
  char      *after;     /* BLOCK_EXERCISE: cautions and disagreements */
  char      *picture;   /* BLOCK_EXERCISE: the exercise id, when it has a picture */
  /* Laid out: */
  guint      page;
  double     y;
  double     height;
} Block;

struct _AtlasHandout
{
  GObject         parent_instance;

  AtlasContent   *content;
  AtlasChecklist *checklist;
  AtlasDiagram   *diagram;
  char           *region_id;
  AtlasMarks     *marks;
  AtlasHandoutPaper paper;
  char           *language;   /* NULL: the language of messages now */

  GArray         *blocks;
  guint           n_pages;
  double          width;
  double          height;
};

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
