/* atlas-file.h — reading a file the user's folders hold, without being tricked by it.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean atlas_file_read_regular (const char  *path,
                                  gsize        max_bytes,
                                  char       **contents,
                                  gsize       *length,
                                  GError     **error);

G_END_DECLS
