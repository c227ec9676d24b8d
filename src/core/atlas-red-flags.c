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
    N_("Go to an emergency department now. Do not wait to see if it settles."),
    "ref-nhs-cks-ces ref-ces-cards",
  },
  {
    "vascular",
    N_("Sudden Belly or Back Pain"),
    N_("Signs of a leaking main artery in the belly (aortic aneurysm). It can feel like the back, side and groin pain this app links to the psoas."),
    ATLAS_URGENCY_AMBULANCE,
    N_("Call an ambulance (999, 911 or 112) now. Do not drive yourself."),
    "ref-nice-ng156",
  },
  {
    "fracture",
    N_("After a Fall, or Weak Bones"),
    N_("Signs of a possible broken bone in the spine."),
    ATLAS_URGENCY_SAME_DAY,
    N_("See a doctor today. Until then, avoid lifting and twisting."),
    "ref-nice-ng59 ref-esj-2017",
  },
  {
    "cancer",
    N_("Cancer, Weight Loss or Night Pain"),
    N_("Signs that a rare, serious cause such as cancer should be ruled out."),
    ATLAS_URGENCY_SOON,
    N_("See your GP or family doctor soon, within days, to have this checked."),
    "ref-nice-ng59 ref-esj-2017",
  },
  {
    "infection",
    N_("Fever or Infection"),
    N_("Signs of a possible infection in the spine or inside the psoas (a psoas abscess)."),
    ATLAS_URGENCY_SAME_DAY,
    N_("See a doctor today. If you feel very unwell, go to an emergency department now."),
    "ref-nice-ng59",
  },
  {
    "inflammatory",
    N_("Stiff Back Pain That Began Young"),
    N_("Back pain that began before 45 and has lasted over 3 months counts when four or more of these fit: it began before 35; it wakes you in the second half of the night; buttock pain; it eases when you move; it eases within two days of anti-inflammatory painkillers; a parent, brother, sister or child with spondyloarthritis; you have or had arthritis, psoriasis or sore tendon attachments."),
    ATLAS_URGENCY_SOON,
    N_("Book an appointment with your GP or family doctor. It is not an emergency, but it should be checked."),
    "ref-nice-ng65",
  },
  {
    "clinician",
    N_("Nerve Signs in the Leg"),
    N_("Signs that a nerve root in the lower back, not the psoas, may be squeezed."),
    ATLAS_URGENCY_SOON,
    N_("See a doctor or physiotherapist soon. If the weakness or numbness gets worse, go to an emergency department now."),
    "ref-esj-2017 ref-ces-cards",
  },
  {
    "child",
    N_("A Child With Back Pain"),
    N_("Back pain is less common in children and more often has a cause that needs finding."),
    ATLAS_URGENCY_SOON,
    N_("Take the child to a doctor soon, within days."),
    "ref-esj-2017",
  },
};

/**
 * atlas_urgency_get_alert_title:
 *
 * What to do, as the heading of the alert: the same four headings for every group, so a
 * person reads the urgency before anything else.
 *
 * Returns: an untranslated msgid; show it through _()
 */
const char *
atlas_urgency_get_alert_title (AtlasUrgency urgency)
{
  switch (urgency)
    {
    case ATLAS_URGENCY_AMBULANCE:
      return N_("Call an ambulance now");
    case ATLAS_URGENCY_EMERGENCY:
      return N_("Go to an emergency department now");
    case ATLAS_URGENCY_SAME_DAY:
      return N_("See a doctor today");
    case ATLAS_URGENCY_SOON:
    default:
      return N_("See your GP or family doctor soon");
    }
}

/**
 * atlas_urgency_from_string:
 * @text: "ambulance", "emergency", "same-day" or "soon", as content files write it
 * @urgency: (out): the urgency
 *
 * Returns: %TRUE if @text names an urgency
 */
gboolean
atlas_urgency_from_string (const char   *text,
                           AtlasUrgency *urgency)
{
  static const char * const names[] = { "ambulance", "emergency", "same-day", "soon" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *urgency = (AtlasUrgency) i;
        return TRUE;
      }

  return FALSE;
}

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
