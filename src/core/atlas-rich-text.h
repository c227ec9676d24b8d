/* atlas-rich-text.h — content texts: escaped text with inline <term ref="id"> glossary links.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *atlas_rich_text_to_markup           (const char *rich_text);
char     *atlas_rich_text_to_plain            (const char *rich_text);
gboolean  atlas_rich_text_is_valid            (const char *rich_text);

void      atlas_rich_text_append_escaped      (GString    *out,
                                               const char *text,
                                               gssize      len);
char     *atlas_rich_text_collapse_whitespace (const char *text);

G_END_DECLS
