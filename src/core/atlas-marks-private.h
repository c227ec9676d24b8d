/* atlas-marks-private.h — what the marks' files share: the list's fields and the rules both
 * the model and the file reader keep.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-marks.h"

G_BEGIN_DECLS

/* The widest a mark's line, or the largest a note's text, may be, in document units. */
#define ATLAS_MARKS_MAX_WIDTH 200.0

struct _AtlasMarks
{
  GObject    parent_instance;

  GPtrArray *marks;   /* AtlasMark*, bottom to top */
  GPtrArray *undo;    /* GPtrArray* of earlier lists, the latest last */
  GPtrArray *redo;    /* GPtrArray* of undone lists, the latest last */
  char      *view;
};

/* atlas-marks.c */
extern const char * const _atlas_marks_colour_names[ATLAS_MARK_N_COLOURS];

guint _atlas_marks_max_points (AtlasMarkKind kind);

G_END_DECLS
