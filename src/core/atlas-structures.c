/* atlas-structures.c — the names of the anatomical structures the diagrams show.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names come from the content, keyed by structure (the region id without its side); groups
 * come from the diagram's colour families.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-structures.h"

/**
 * atlas_region_dup_short_name:
 * @content: (nullable): where names come from
 *
 * Returns: (transfer full): the structure's name without its side, for labels. A structure
 *   the content does not describe (from a diagram in a content pack, say) is shown under its
 *   id, made readable, rather than hidden.
 */
char *
atlas_region_dup_short_name (const AtlasRegion *region,
                             AtlasContent      *content)
{
  const AtlasRegionContent *entry;
  char *name;

  g_return_val_if_fail (region != NULL, NULL);

  entry = content != NULL ? atlas_content_get_region (content, region->structure) : NULL;
  if (entry != NULL)
    return atlas_rich_text_to_plain (entry->name);

  name = g_strdelimit (g_strdup (region->structure), "-_", ' ');
  name[0] = g_ascii_toupper (name[0]);
  return name;
}

/**
 * atlas_region_dup_display_name:
 * @content: (nullable): where names come from
 *
 * Returns: (transfer full): the name with the patient's side, for lists and tooltips
 */
char *
atlas_region_dup_display_name (const AtlasRegion *region,
                               AtlasContent      *content)
{
  g_autofree char *name = atlas_region_dup_short_name (region, content);

  switch (region->side)
    {
    case ATLAS_SIDE_LEFT:
      /* Translators: a structure on the patient's left side, e.g. "Psoas major (left)". */
      return g_strdup_printf (_("%s (left)"), name);
    case ATLAS_SIDE_RIGHT:
      /* Translators: a structure on the patient's right side, e.g. "Psoas major (right)". */
      return g_strdup_printf (_("%s (right)"), name);
    case ATLAS_SIDE_NONE:
    default:
      return g_steal_pointer (&name);
    }
}

AtlasGroup
atlas_region_get_group (const AtlasRegion *region)
{
  g_return_val_if_fail (region != NULL, ATLAS_GROUP_BONES);

  if (g_str_equal (region->family, "bone") || g_str_equal (region->family, "disc"))
    return ATLAS_GROUP_BONES;
  if (g_str_equal (region->family, "muscle"))
    return ATLAS_GROUP_MUSCLES;
  if (g_str_equal (region->family, "tendon"))
    return ATLAS_GROUP_CONNECTIVE;
  if (g_str_equal (region->family, "nerve"))
    return ATLAS_GROUP_NERVES;

  return ATLAS_GROUP_VESSELS_ORGANS;
}

const char *
atlas_group_get_title (AtlasGroup group)
{
  switch (group)
    {
    case ATLAS_GROUP_BONES:
      return _("Bones and Discs");
    case ATLAS_GROUP_MUSCLES:
      return _("Muscles");
    case ATLAS_GROUP_CONNECTIVE:
      return _("Tendons, Ligaments and Joints");
    case ATLAS_GROUP_NERVES:
      return _("Nerves");
    case ATLAS_GROUP_VESSELS_ORGANS:
    case ATLAS_N_GROUPS:
    default:
      return _("Vessels, Organs and Skin");
    }
}
