/* atlas-content.h — the teaching content: sources, regions, glossary, symptoms, exercises, tour.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-red-flags.h"

#include "atlas-rich-text.h"

G_BEGIN_DECLS

#define ATLAS_CONTENT_ERROR (atlas_content_error_quark ())

typedef enum
{
  ATLAS_CONTENT_ERROR_INVALID,   /* the pack breaks a rule; the message lists every problem */
  ATLAS_CONTENT_ERROR_IO,
} AtlasContentError;

/* Limits that keep a hostile pack harmless. */
#define ATLAS_CONTENT_MAX_FILE_BYTES (4 * 1024 * 1024)
#define ATLAS_CONTENT_MAX_FILES      64
#define ATLAS_CONTENT_MAX_DEPTH      16
#define ATLAS_CONTENT_MAX_ITEMS      20000
#define ATLAS_CONTENT_VERSION        1
/* All user packs together: beyond this, the packs that come later in name order are skipped. */
#define ATLAS_CONTENT_MAX_TOTAL_BYTES (16 * 1024 * 1024)

/* Names and titles are headings, checkbox labels and list rows; this many characters at most. */
#define ATLAS_CONTENT_MAX_NAME_CHARS 120

typedef enum
{
  ATLAS_STATEMENT_PLAIN,
  ATLAS_STATEMENT_ANECDOTE,
  ATLAS_STATEMENT_OPINION,
} AtlasStatementKind;

/* Text is stored as "rich text": plain text with &amp; &lt; &gt; escaped and inline
 * <term ref="id">words</term> elements, already translated. */
typedef struct
{
  char               *text;
  GStrv               cites;
  AtlasStatementKind  kind;
} AtlasStatement;

typedef struct
{
  char     *id;
  gboolean  is_article;
  char     *short_name;  /* how a citation reads, e.g. "NICE NG59"; may be NULL */
  char     *title;
  char     *author;
  char     *publisher;
  char     *date;
  char     *contribution;
} AtlasSource;

typedef struct
{
  char *id;
  char *name;
  char *definition;
} AtlasTerm;

typedef struct
{
  char      *id;
  char      *topic;
  GPtrArray *views;          /* AtlasStatement* */
} AtlasDisagreement;

typedef struct
{
  char      *id;             /* structure id: "psoas-major" */
  char      *name;
  char      *summary;
  GPtrArray *articles;       /* AtlasStatement* */
  GPtrArray *anatomy;        /* AtlasStatement* */
  GPtrArray *disagreements;  /* AtlasDisagreement* */
} AtlasRegionContent;

typedef struct
{
  char     *id;
  char     *group;
  gboolean  sided;
  GStrv     regions;
  GStrv     cites;
  char     *name;
  char     *why;
} AtlasSymptom;

typedef struct
{
  char  *id;
  char         *group;
  AtlasUrgency  urgency;     /* the group's, unless the sign sets its own */
  GStrv         cites;
  char         *name;
  char         *advice;
} AtlasRedFlag;

typedef struct
{
  char      *id;
  char      *kind;
  GStrv      regions;
  GStrv      cites;
  char      *name;
  char      *summary;
  GPtrArray *steps;          /* char* rich text */
  GPtrArray *cautions;       /* char* rich text */
  GPtrArray *disagreements;  /* AtlasDisagreement*: where an article and the reference differ */
} AtlasExercise;

typedef struct
{
  char *id;
  char *view;
  char *region;              /* a diagram region id, with its side */
  GStrv cites;               /* the sources behind the step's text */
  char *title;
  char *text;
} AtlasTourStep;

#define ATLAS_TYPE_CONTENT (atlas_content_get_type ())

G_DECLARE_FINAL_TYPE (AtlasContent, atlas_content, ATLAS, CONTENT, GObject)

GQuark                    atlas_content_error_quark     (void);

AtlasContent             *atlas_content_new             (void);
AtlasContent             *atlas_content_new_builtin     (GError            **error);
gboolean                  atlas_content_load_pack       (AtlasContent       *self,
                                                         GFile              *directory,
                                                         GError            **error);
GStrv                     atlas_content_validate_pack   (GFile              *directory,
                                                         AtlasContent       *base);
guint                     atlas_content_load_user_packs (AtlasContent       *self,
                                                         GFile              *packs_directory,
                                                         GPtrArray          *problems);
/* Loading user packs in two steps: reading (a worker thread may do it), then merging. */
typedef struct _AtlasUserPacks AtlasUserPacks;

AtlasUserPacks           *atlas_user_packs_read         (AtlasContent       *base,
                                                         GFile              *packs_directory);
guint                     atlas_user_packs_merge        (AtlasUserPacks     *packs,
                                                         AtlasContent       *self,
                                                         GPtrArray          *problems);
void                      atlas_user_packs_free         (AtlasUserPacks     *packs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasUserPacks, atlas_user_packs_free)

AtlasContent             *atlas_content_reload          (AtlasContent       *self,
                                                         GError            **error);
gboolean                  atlas_content_check_complete  (AtlasContent       *self,
                                                         GError            **error);

const AtlasSource        *atlas_content_get_source      (AtlasContent       *self,
                                                         const char         *id);
GPtrArray                *atlas_content_get_sources     (AtlasContent       *self);
const AtlasTerm          *atlas_content_get_term        (AtlasContent       *self,
                                                         const char         *id);
GPtrArray                *atlas_content_get_terms       (AtlasContent       *self);
const AtlasRegionContent *atlas_content_get_region      (AtlasContent       *self,
                                                         const char         *structure);
GPtrArray                *atlas_content_get_regions     (AtlasContent       *self);
GPtrArray                *atlas_content_get_symptoms    (AtlasContent       *self);
const AtlasSymptom       *atlas_content_get_symptom     (AtlasContent       *self,
                                                         const char         *id);
GPtrArray                *atlas_content_get_red_flags   (AtlasContent       *self);
GPtrArray                *atlas_content_get_exercises   (AtlasContent       *self);
const AtlasExercise      *atlas_content_get_exercise    (AtlasContent       *self,
                                                         const char         *id);
GPtrArray                *atlas_content_get_tour        (AtlasContent       *self);

GPtrArray                *atlas_content_symptoms_for    (AtlasContent       *self,
                                                         const char         *structure);
GPtrArray                *atlas_content_exercises_for   (AtlasContent       *self,
                                                         const char         *structure);

gboolean                  atlas_content_structure_allows_care (const char *structure);

const char               *atlas_source_get_short_name   (const AtlasSource  *source);
char                     *atlas_content_dup_citation    (AtlasContent       *self,
                                                         GStrv               cites);
char                     *atlas_content_dup_citation_markup (AtlasContent   *self,
                                                             GStrv           cites);

/* An id or value from a file, as a message may quote it: at most 40 characters and every
 * control or bidirectional character written out as <U+202E> (atlas-content-text-checks.c). */
char                *atlas_content_shorten_for_message (const char  *text);

G_END_DECLS
