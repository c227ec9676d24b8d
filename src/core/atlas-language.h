/* atlas-language.h — the languages the application is installed in, and switching the language
 * of messages for a while (a handout in the patient's language).
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language the texts are written in, always available. */
#define ATLAS_LANGUAGE_SOURCE "en"

typedef struct _AtlasLanguageScope AtlasLanguageScope;

GStrv               atlas_language_get_installed  (void);
char               *atlas_language_dup_current    (void);
gboolean            atlas_language_is_installed   (const char         *code);
char               *atlas_language_match          (const char         *requested);
char               *atlas_language_dup_name       (const char         *code);
char               *atlas_language_format_date    (GDateTime          *date);

AtlasLanguageScope *atlas_language_push           (const char         *code);
void                atlas_language_pop            (AtlasLanguageScope *scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLanguageScope, atlas_language_pop)

G_END_DECLS
