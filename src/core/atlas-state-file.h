/* atlas-state-file.h — saving small state files so that a failure never loses the old one.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean atlas_state_file_write            (const char  *path,
                                            const char  *data,
                                            gsize        length,
                                            GError     **error);
gboolean atlas_state_file_write_document   (const char  *path,
                                            const char  *data,
                                            gsize        length,
                                            GError     **error);
char    *atlas_state_file_set_aside        (const char  *path,
                                            GError     **error);
guint    atlas_state_file_remove_temporaries (const char *path);
guint    atlas_state_file_forget           (const char  *path);

/* For tests: make the next write fail with ENOSPC after this many bytes (-1: never). */
void     atlas_state_file_fail_after_bytes (gssize       bytes);

G_END_DECLS
