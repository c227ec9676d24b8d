/* atlas-illustrations.h — the line drawings that show an exercise's position.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

char     *atlas_illustration_dup_resource (const char *exercise_id);
gboolean  atlas_illustration_get_size     (const char *exercise_id,
                                           double     *width,
                                           double     *height);
gboolean  atlas_illustration_render       (const char *exercise_id,
                                           cairo_t    *cr,
                                           double      x,
                                           double      y,
                                           double      width,
                                           double      height);

G_END_DECLS
