/* atlas-structures.c — the names of the anatomical structures the diagrams show.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names are keyed by structure (the region id without its side), translated through gettext.
 * A diagram from a content pack may show a structure this table does not know; it is then
 * shown under its id, which is readable, rather than refused.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-structures.h"

static const struct
{
  const char *structure;
  const char *name;
} names[] = {
  { "T12", N_("T12 vertebra") },
  { "L1", N_("L1 vertebra") },
  { "L2", N_("L2 vertebra") },
  { "L3", N_("L3 vertebra") },
  { "L4", N_("L4 vertebra") },
  { "L5", N_("L5 vertebra") },
  { "intervertebral-discs", N_("Intervertebral discs") },
  { "sacrum", N_("Sacrum") },
  { "rib-12", N_("12th rib") },
  { "hip-bone", N_("Hip bone") },
  { "pelvic-brim", N_("Pelvic brim") },
  { "femur", N_("Femur (thigh bone)") },
  { "lesser-trochanter", N_("Lesser trochanter") },
  { "hip-joint", N_("Hip joint") },
  { "psoas-major", N_("Psoas major") },
  { "psoas-minor", N_("Psoas minor") },
  { "iliacus", N_("Iliacus") },
  { "iliopsoas-tendon", N_("Iliopsoas tendon") },
  { "inguinal-ligament", N_("Inguinal ligament") },
  { "diaphragm-crus", N_("Diaphragm (crus)") },
  { "quadratus-lumborum", N_("Quadratus lumborum") },
  { "femoral-nerve", N_("Femoral nerve") },
  { "genitofemoral-nerve", N_("Genitofemoral nerve") },
  { "obturator-nerve", N_("Obturator nerve") },
  { "lateral-femoral-cutaneous-nerve", N_("Lateral femoral cutaneous nerve") },
  { "lumbar-plexus", N_("Lumbar plexus") },
  { "cauda-equina", N_("Cauda equina") },
  { "back-muscles", N_("Back muscles") },
  { "rectus-abdominis", N_("Rectus abdominis") },
  { "external-oblique", N_("External oblique") },
  { "internal-oblique", N_("Internal oblique") },
  { "transversus-abdominis", N_("Transversus abdominis") },
  { "bowel", N_("Bowel") },
  { "aorta", N_("Aorta") },
  { "inferior-vena-cava", N_("Inferior vena cava") },
  { "skin-and-fat", N_("Skin and fat") },
};

/**
 * atlas_structure_get_name:
 *
 * Returns: the translated name of @structure, or %NULL if it is not a known structure
 */
const char *
atlas_structure_get_name (const char *structure)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].structure, structure) == 0)
      return _(names[i].name);

  return NULL;
}

/**
 * atlas_region_dup_short_name:
 *
 * Returns: (transfer full): the structure's name without its side, for labels
 */
char *
atlas_region_dup_short_name (const AtlasRegion *region)
{
  const char *name;

  g_return_val_if_fail (region != NULL, NULL);

  name = atlas_structure_get_name (region->structure);
  return g_strdup (name != NULL ? name : region->structure);
}

/**
 * atlas_region_dup_display_name:
 *
 * Returns: (transfer full): the name with the patient's side, for lists and tooltips
 */
char *
atlas_region_dup_display_name (const AtlasRegion *region)
{
  g_autofree char *name = atlas_region_dup_short_name (region);

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
