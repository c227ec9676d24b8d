/* atlas-content-private.h — what the content model, its packs, its reader and its rules share.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-content.h"

G_BEGIN_DECLS

struct _AtlasContent
{
  GObject     parent_instance;

  GPtrArray  *sources;
  GPtrArray  *terms;
  GPtrArray  *regions;
  GPtrArray  *symptoms;
  GPtrArray  *red_flags;
  GPtrArray  *exercises;
  GPtrArray  *tour;

  GHashTable *source_ids;
  GHashTable *term_ids;
  GHashTable *region_ids;
  GHashTable *symptom_ids;
  GHashTable *red_flag_ids;
  GHashTable *exercise_ids;
  GHashTable *tour_ids;

  GHashTable *origins;   /* item → the user pack it came from; the built-in pack's are absent */
  GPtrArray  *packs;      /* GFile*: the packs merged, in order, to read them again */
};

/* A position in a content file: kept as numbers while reading, made into "file:line:column"
 * only for a message (atlas-content-where.c). */
typedef struct
{
  const char *file;     /* the loader's copy of the file's name */
  int         line;     /* 0: the file as a whole */
  int         column;
} AtlasWhere;

/* A reference to another item, kept with its position and checked once the pack is read. */
typedef enum
{
  ATLAS_REF_SOURCE,
  ATLAS_REF_TERM,
  ATLAS_REF_REGION,
  ATLAS_REF_TOUR_REGION,
} AtlasRefKind;

typedef struct
{
  AtlasRefKind  kind;
  char         *id;
  AtlasWhere    where;
} AtlasRef;

/* The state of reading one pack: atlas-content-reader.c fills it, atlas-content-rules.c checks it. */
typedef struct _AtlasLoader
{
  AtlasContent        *content;     /* what this pack adds */
  AtlasContent        *base;        /* what is already loaded; references may point into it */
  GPtrArray           *problems;
  GPtrArray           *refs;
  GHashTable          *where;       /* item → AtlasWhere */
  GHashTable          *unfinished;  /* items of files that failed to parse: not checked further */
  GMarkupParseContext *context;
  GPtrArray           *names;       /* every file read so far, for the positions that name them */
  const char          *name;        /* the current file, for messages */
  const char          *data;        /* its text */
  gsize                size;
  const char          *at;          /* the cursors of atlas-content-where.c: where GMarkup's */
  int                  at_line;     /* position last was ... */
  int                  at_column;
  const char          *tag;         /* ... and the last tag found, with its line and column */
  int                  tag_line;
  int                  tag_column;
  GPtrArray           *stack;       /* element names */
  guint                items;

  /* The item being read. */
  gpointer             item;
  const char          *item_kind;
  GPtrArray           *section;     /* articles or anatomy of the current region */
  AtlasDisagreement   *disagreement;

  /* The text being read. */
  GString             *text;
  char                *text_element;
  AtlasWhere           text_where;  /* where its start tag is */
  GStrv                text_cites;
  AtlasStatementKind   text_kind;
  gboolean             in_term;
} AtlasLoader;

/* What the model, the reader and the rules know of each kind of item, so that code which is
 * the same for every kind (creating, merging, required parts, ids) is written once. */
typedef struct
{
  const char     *element;         /* the XML element: "red-flag" */
  const char     *name;            /* what messages call it: "red flag" */
  gsize           items;           /* offset of its GPtrArray in AtlasContent */
  gsize           ids;             /* offset of its id → item GHashTable in AtlasContent */
  gsize           id;              /* offset of the id in the item */
  GDestroyNotify  free;
  const char     *required[2];     /* the text children every item needs */
  gsize           required_at[2];  /* where they are kept in the item */
} AtlasItemKind;

#define ATLAS_N_ITEM_KINDS 7

extern const AtlasItemKind atlas_item_kinds[ATLAS_N_ITEM_KINDS];

static inline GPtrArray *
atlas_content_items (AtlasContent        *self,
                     const AtlasItemKind *kind)
{
  return G_STRUCT_MEMBER (GPtrArray *, self, kind->items);
}

static inline GHashTable *
atlas_content_ids (AtlasContent        *self,
                   const AtlasItemKind *kind)
{
  return self ? G_STRUCT_MEMBER (GHashTable *, self, kind->ids) : NULL;
}

static inline char *
atlas_item_get_id (const AtlasItemKind *kind,
                   gpointer             item)
{
  return G_STRUCT_MEMBER (char *, item, kind->id);
}

/* atlas-content.c */
const AtlasItemKind *atlas_item_kind_lookup      (const char          *element);
void                 atlas_statement_free        (gpointer             data);
void                 atlas_disagreement_free     (gpointer             data);
int                  atlas_content_compare_files (gconstpointer        a,
                                                  gconstpointer        b);
void                 atlas_content_merge         (AtlasContent        *self,
                                                  AtlasContent        *pack,
                                                  const char          *origin);
void                 atlas_content_set_pack_error (GError            **error,
                                                   GFile              *directory,
                                                   GPtrArray          *problems);

/* An attribute an element allows: atlas_loader_read_attrs() fills in the value found. */
typedef struct
{
  const char *name;
  gboolean    required;
  const char *value;
} AtlasAttr;

/* atlas-content-attributes.c */
void                 atlas_ref_free              (gpointer             data);
gboolean             atlas_loader_read_attrs     (AtlasLoader         *loader,
                                                  const char          *element,
                                                  const char         **names,
                                                  const char         **values,
                                                  AtlasAttr           *attrs,
                                                  guint                n_attrs);
gboolean             atlas_is_one_of             (const char          *value,
                                                  const char * const  *allowed);
GStrv                atlas_loader_split_ids      (AtlasLoader         *loader,
                                                  const char          *value,
                                                  AtlasRefKind         kind);

/* atlas-content-reader.c */
AtlasContent        *atlas_content_read_pack     (GFile               *directory,
                                                  AtlasContent        *base,
                                                  gboolean             stands_alone,
                                                  GPtrArray           *problems);

/* atlas-content-where.c */
void                 atlas_loader_start_file     (AtlasLoader         *loader,
                                                  char                *name);
AtlasWhere           atlas_loader_here           (AtlasLoader         *loader);
AtlasWhere          *atlas_loader_here_dup       (AtlasLoader         *loader);
char                *atlas_where_format          (const AtlasWhere    *where);
void                 atlas_loader_problem        (AtlasLoader         *loader,
                                                  const AtlasWhere    *where,
                                                  const char          *format,
                                                  ...) G_GNUC_PRINTF (3, 4);

/* atlas-content-rules.c */
gboolean             atlas_loader_claim_id       (AtlasLoader         *loader,
                                                  const AtlasItemKind *kind,
                                                  gpointer             item);
void                 atlas_loader_check_red_flag_group (AtlasLoader   *loader,
                                                        const char    *group);
void                 atlas_loader_check_text     (AtlasLoader         *loader,
                                                  const char          *element,
                                                  const char          *msgid);
void                 atlas_loader_check_pack     (AtlasLoader         *loader);
void                 atlas_loader_check_complete (AtlasLoader         *loader,
                                                  const char          *pack_name);

/* atlas-content-text-checks.c */
void                 atlas_loader_check_text_chars (AtlasLoader     *loader,
                                                    const char      *element,
                                                    const char      *text,
                                                    gsize            length);
void                 atlas_loader_check_attributes (AtlasLoader     *loader,
                                                    const char      *element,
                                                    const char     **names,
                                                    const char     **values);
char                *atlas_content_escape_for_message  (const char  *message);

G_END_DECLS
