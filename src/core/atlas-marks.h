/* atlas-marks.h — what a clinician draws on a diagram: strokes, arrows, circles, notes.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-diagram.h"

G_BEGIN_DECLS

#define ATLAS_MARKS_ERROR (atlas_marks_error_quark ())

typedef enum
{
  ATLAS_MARKS_ERROR_INVALID,       /* the file breaks the format; the message says where */
  ATLAS_MARKS_ERROR_NEWER_VERSION, /* written by a newer Psoas Atlas */
  ATLAS_MARKS_ERROR_TOO_LARGE,     /* more bytes, marks or points than any drawing needs */
  ATLAS_MARKS_ERROR_NOT_A_FILE,    /* a folder, a device, a symbolic link */
} AtlasMarksError;

/* Version 2 of the file format (version 1 and the posture of each mark) is documented in
 * atlas-marks-file.c. */
#define ATLAS_MARKS_VERSION        2
#define ATLAS_MARKS_MAX_BYTES      (1024 * 1024)
#define ATLAS_MARKS_MAX_MARKS      500
#define ATLAS_MARKS_MAX_POINTS     4000   /* in one stroke */
#define ATLAS_MARKS_MAX_TEXT       200    /* bytes in one note */
#define ATLAS_MARKS_MAX_COORDINATE 100000.0
#define ATLAS_MARKS_MAX_UNDO       200

typedef enum
{
  ATLAS_MARK_STROKE,   /* freehand: every point in order */
  ATLAS_MARK_ARROW,    /* two points: from the tail to the head */
  ATLAS_MARK_ELLIPSE,  /* two points: opposite corners of the box it fills */
  ATLAS_MARK_TEXT,     /* one point, the top-left of the note, and its text */
  ATLAS_MARK_N_KINDS
} AtlasMarkKind;

/* Four inks picked to read on every palette: strong enough on the light and high-contrast
 * diagrams, and drawn with a light or dark halo (see atlas_marks_render) on the dark one. */
typedef enum
{
  ATLAS_MARK_RED,
  ATLAS_MARK_BLUE,
  ATLAS_MARK_GREEN,
  ATLAS_MARK_BLACK,
  ATLAS_MARK_N_COLOURS
} AtlasMarkColour;

/* A mark drawn on a view that does not morph: it never moves. */
#define ATLAS_MARK_NO_MORPH (-1.0)

typedef struct
{
  AtlasMarkKind    kind;
  AtlasMarkColour  colour;
  double           width;     /* line width, or the text's size, in document units */
  GArray          *points;    /* graphene-free pairs: double x, y, ... in document units */
  char            *text;      /* ATLAS_MARK_TEXT only */
  double           morph;     /* the posture it was drawn at (0 to 1) on a view that morphs,
                               * else ATLAS_MARK_NO_MORPH; see atlas-marks-morph.c */
  /*< private >*/
  gatomicrefcount  ref_count;
} AtlasMark;

GType        atlas_mark_get_type            (void) G_GNUC_CONST;
AtlasMark   *atlas_mark_new                 (AtlasMarkKind    kind,
                                             AtlasMarkColour  colour,
                                             double           width);
AtlasMark   *atlas_mark_ref                 (AtlasMark       *mark);
void         atlas_mark_unref               (AtlasMark       *mark);
void         atlas_mark_add_point           (AtlasMark       *mark,
                                             double           x,
                                             double           y);
guint        atlas_mark_get_n_points        (const AtlasMark *mark);
void         atlas_mark_get_point           (const AtlasMark *mark,
                                             guint            index,
                                             double          *x,
                                             double          *y);
void         atlas_mark_set_text            (AtlasMark       *mark,
                                             const char      *text);
void         atlas_mark_set_morph           (AtlasMark       *mark,
                                             double           morph);
gboolean     atlas_mark_is_complete         (const AtlasMark *mark);
void         atlas_mark_get_rgb             (AtlasMarkColour  colour,
                                             double          *red,
                                             double          *green,
                                             double          *blue);
const char  *atlas_mark_colour_to_string    (AtlasMarkColour  colour);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMark, atlas_mark_unref)

#define ATLAS_TYPE_MARKS (atlas_marks_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMarks, atlas_marks, ATLAS, MARKS, GObject)

GQuark       atlas_marks_error_quark        (void);

AtlasMarks  *atlas_marks_new                (void);
AtlasMarks  *atlas_marks_copy               (AtlasMarks      *self);
guint        atlas_marks_get_n_marks        (AtlasMarks      *self);
AtlasMark   *atlas_marks_get_mark           (AtlasMarks      *self,
                                             guint            index);
void         atlas_marks_add                (AtlasMarks      *self,
                                             AtlasMark       *mark);
void         atlas_marks_remove             (AtlasMarks      *self,
                                             guint            index);
void         atlas_marks_clear              (AtlasMarks      *self);
gboolean     atlas_marks_can_undo           (AtlasMarks      *self);
gboolean     atlas_marks_can_redo           (AtlasMarks      *self);
gboolean     atlas_marks_undo               (AtlasMarks      *self);
gboolean     atlas_marks_redo               (AtlasMarks      *self);
void         atlas_marks_forget_history     (AtlasMarks      *self);
int          atlas_marks_hit_test           (AtlasMarks      *self,
                                             double           x,
                                             double           y,
                                             double           tolerance);
int          atlas_marks_hit_test_on        (AtlasMarks      *self,
                                             AtlasDiagram    *diagram,
                                             double           x,
                                             double           y,
                                             double           tolerance);

const char  *atlas_marks_get_view           (AtlasMarks      *self);
void         atlas_marks_set_view           (AtlasMarks      *self,
                                             const char      *view);

char        *atlas_marks_serialize          (AtlasMarks      *self);
AtlasMarks  *atlas_marks_new_from_data      (const char      *data,
                                             gsize            length,
                                             const char      *name,
                                             GError         **error);
AtlasMarks  *atlas_marks_new_from_file      (const char      *path,
                                             GError         **error);
gboolean     atlas_marks_save               (AtlasMarks      *self,
                                             const char      *path,
                                             GError         **error);

void         atlas_marks_render             (AtlasMarks      *self,
                                             cairo_t         *cr,
                                             double           halo_alpha);
void         atlas_mark_render              (const AtlasMark *mark,
                                             cairo_t         *cr,
                                             double           halo_alpha);

void         atlas_marks_render_on          (AtlasMarks      *self,
                                             AtlasDiagram    *diagram,
                                             cairo_t         *cr,
                                             double           halo_alpha);
void         atlas_mark_render_on           (const AtlasMark *mark,
                                             AtlasDiagram    *diagram,
                                             cairo_t         *cr,
                                             double           halo_alpha);

/* atlas-marks-morph.c: marks that follow the anatomy as a view changes posture */
void         atlas_marks_morph_offset       (const double    *from,
                                             const double    *to,
                                             guint            n_anchors,
                                             double           x,
                                             double           y,
                                             double          *dx,
                                             double          *dy);
void         atlas_mark_get_morph_reference (const AtlasMark *mark,
                                             double          *x,
                                             double          *y);
void         atlas_mark_get_morph_offset    (const AtlasMark *mark,
                                             AtlasDiagram    *diagram,
                                             double          *dx,
                                             double          *dy);

G_END_DECLS
