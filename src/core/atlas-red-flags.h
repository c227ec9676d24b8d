/* atlas-red-flags.h — the groups of red flags (warning signs), in display order, with what to do.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How soon to get help, most urgent first: the values compare. */
typedef enum
{
  ATLAS_URGENCY_AMBULANCE,   /* call an ambulance now */
  ATLAS_URGENCY_EMERGENCY,   /* go to an emergency department now */
  ATLAS_URGENCY_SAME_DAY,    /* see or contact a doctor today */
  ATLAS_URGENCY_SOON,        /* book an appointment soon */
} AtlasUrgency;

/* The texts are untranslated msgids: show them through _(). */
typedef struct
{
  const char   *id;           /* "cauda-equina": what <red-flag group="…"> names */
  const char   *title;        /* the group's heading */
  const char   *description;  /* one line under the heading */
  AtlasUrgency  urgency;
  const char   *alert_title;  /* what to do, as a heading when a flag of the group is ticked */
  const char   *advice;       /* what to do, as a sentence */
  const char   *cites;        /* space-separated source ids behind the advice */
} AtlasRedFlagGroup;

const AtlasRedFlagGroup *atlas_red_flag_groups_get   (guint      *n);
const AtlasRedFlagGroup *atlas_red_flag_group_lookup (const char *id);

G_END_DECLS
