/* atlas-structures.h — the names of the anatomical structures the diagrams show.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-content.h"
#include "atlas-diagram.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_GROUP_BONES,
  ATLAS_GROUP_MUSCLES,
  ATLAS_GROUP_CONNECTIVE,
  ATLAS_GROUP_NERVES,
  ATLAS_GROUP_VESSELS_ORGANS,
  ATLAS_N_GROUPS
} AtlasGroup;

char       *atlas_region_dup_display_name (const AtlasRegion *region,
                                           AtlasContent      *content);
char       *atlas_region_dup_short_name   (const AtlasRegion *region,
                                           AtlasContent      *content);
AtlasGroup  atlas_region_get_group        (const AtlasRegion *region);
const char *atlas_group_get_title         (AtlasGroup         group);

G_END_DECLS
