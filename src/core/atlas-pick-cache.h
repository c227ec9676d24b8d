/* atlas-pick-cache.h — pick maps made at build time for the built-in diagrams.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented at the top of atlas-pick-cache.c. The build's atlas-pick-tool writes
 * one `.pick` file per built-in diagram; loading a built-in diagram reads it instead of rendering
 * its pick map. Tests use the rest to compare the two ways and to feed damaged files.
 */
#pragma once

#include "atlas-diagram.h"

G_BEGIN_DECLS

#define ATLAS_PICK_CACHE_VERSION 1

guint64       atlas_pick_cache_checksum            (GBytes             *svg);
GBytes       *atlas_pick_cache_encode              (AtlasDiagram       *diagram);

AtlasDiagram *atlas_diagram_new_with_pick_cache    (GBytes             *bytes,
                                                    GFile              *file,
                                                    const char * const *required_ids,
                                                    GBytes             *cache,
                                                    GError            **error);
gboolean      atlas_diagram_pick_map_is_precomputed (AtlasDiagram      *self);

G_END_DECLS
