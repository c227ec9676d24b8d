/* atlas-search.h — find structures, symptoms, warning signs, terms and exercises by words.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-content.h"

G_BEGIN_DECLS

/* Also the order results are grouped in. */
typedef enum
{
  ATLAS_SEARCH_STRUCTURE,
  ATLAS_SEARCH_SYMPTOM,
  ATLAS_SEARCH_RED_FLAG,
  ATLAS_SEARCH_TERM,
  ATLAS_SEARCH_EXERCISE,
  ATLAS_SEARCH_N_KINDS
} AtlasSearchKind;

typedef struct
{
  AtlasSearchKind  kind;
  const char      *id;      /* structure, symptom, red flag, term or exercise id */
  const char      *title;   /* plain text, in the running language */
  guint            score;   /* higher is better; only comparable within one query */
} AtlasSearchResult;

typedef struct _AtlasSearchIndex AtlasSearchIndex;

AtlasSearchIndex *atlas_search_index_new       (AtlasContent     *content);
void              atlas_search_index_free      (AtlasSearchIndex *self);
guint             atlas_search_index_get_size  (AtlasSearchIndex *self);
GPtrArray        *atlas_search_index_query     (AtlasSearchIndex *self,
                                                const char       *query,
                                                guint             max_per_kind);
char             *atlas_search_normalize       (const char       *text);
const char       *atlas_search_kind_get_title  (AtlasSearchKind   kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchIndex, atlas_search_index_free)

G_END_DECLS
