/* atlas-red-flags.c — the groups of red flags (warning signs), in display order, with what to do.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table, so the content rules (which groups a <red-flag> may name, and that a base pack
 * covers them all) and the screens that show the groups cannot disagree. The words are for
 * patients: plain, and saying what to do rather than what it might be.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-red-flags.h"

static const AtlasRedFlagGroup groups[] = {
  {
    "cauda-equina",
    N_("Bladder, Bowel, Sex or Numbness"),
    N_("Signs that the nerves at the base of the spine may be squeezed (cauda equina syndrome)."),
    ATLAS_URGENCY_EMERGENCY,
    N_("Go to an emergency department now"),
    N_("Go to an emergency department today, straight away. Do not wait to see if it settles."),
    "ref-nhs-cks-ces ref-ces-cards",
  },
  {
    "vascular",
    N_("Sudden Severe Belly or Back Pain"),
    N_("Signs of a leaking or burst main artery in the belly (aortic aneurysm). It can feel like the back, flank and groin pain this app links to the psoas."),
    ATLAS_URGENCY_AMBULANCE,
    N_("Call an ambulance now"),
    N_("Call an ambulance (999, 911 or 112) now. Do not drive yourself."),
    "ref-nice-ng156",
  },
  {
    "fracture",
    N_("After a Fall, or With Weak Bones"),
    N_("Signs of a possible broken bone in the spine."),
    ATLAS_URGENCY_SAME_DAY,
    N_("See a doctor today"),
    N_("See a doctor today. Until then, avoid lifting and twisting."),
    "ref-nice-ng59",
  },
  {
    "cancer",
    N_("Cancer Now or in the Past, or Weight Loss"),
    N_("Rare, serious causes of back pain, such as cancer, need ruling out."),
    ATLAS_URGENCY_SAME_DAY,
    N_("Contact your doctor today"),
    N_("Contact your doctor or cancer team today. If your legs feel weak or numb too, go to an emergency department."),
    "ref-nice-ng234 ref-nice-ng59",
  },
  {
    "infection",
    N_("Fever or Infection"),
    N_("Signs of a possible infection in the spine or inside the psoas (a psoas abscess)."),
    ATLAS_URGENCY_SAME_DAY,
    N_("See a doctor today"),
    N_("See a doctor today. If you feel very unwell, go to an emergency department."),
    "ref-nice-ng59",
  },
  {
    "inflammatory",
    N_("Stiff, Young-Onset Back Pain"),
    N_("A pattern that can mean an inflammatory back condition (axial spondyloarthritis)."),
    ATLAS_URGENCY_SOON,
    N_("See your GP or family doctor soon"),
    N_("Book an appointment with your GP or family doctor. It is not an emergency, but it should be checked."),
    "ref-nice-ng65",
  },
  {
    "clinician",
    N_("Nerve Signs, and Children"),
    N_("Signs that a nerve root, not the psoas, may be involved, and back pain in children."),
    ATLAS_URGENCY_SOON,
    N_("See a doctor or clinician soon"),
    N_("See a doctor or clinician soon. If the weakness or numbness is getting worse, go to an emergency department today."),
    "ref-nice-ng59 ref-ces-cards",
  },
};

/**
 * atlas_red_flag_groups_get:
 * @n: (out): how many groups there are
 *
 * Returns: (array length=n): every group, in the order they are shown
 */
const AtlasRedFlagGroup *
atlas_red_flag_groups_get (guint *n)
{
  g_return_val_if_fail (n != NULL, NULL);

  *n = G_N_ELEMENTS (groups);
  return groups;
}

/**
 * atlas_red_flag_group_lookup:
 *
 * Returns: (nullable): the group called @id, or %NULL if there is none
 */
const AtlasRedFlagGroup *
atlas_red_flag_group_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_strcmp0 (groups[i].id, id) == 0)
      return &groups[i];

  return NULL;
}
