/* atlas-checklist-pane-private.h — what the checklist pane's source files share, and nobody
 * else sees.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-checklist-pane.h"

G_BEGIN_DECLS

struct _AtlasChecklistPane
{
  GtkWidget        parent_instance;

  AtlasChecklist  *checklist;
  AtlasSettings   *settings;
  char            *state_path;
  char            *undo_snapshot;
  GHashTable      *checks;       /* id → GtkCheckButton */
  GHashTable      *sides;        /* id → GtkBox of three side toggles */
  gboolean         updating;
  gboolean         built;
  gboolean         template_built;       /* the controls around the rows, built with them */
  gboolean         waiting_for_content;  /* the kept checklist may name symptoms of user packs */
  GPtrArray       *built_widgets;        /* what build_groups() added to groups */

  GtkRevealer     *alert_revealer;
  GtkWidget       *alert;
  char            *announced_title; /* the alert's title when it last took focus or changed */
  guint            alert_flags;     /* how many warning signs were ticked then */
  GtkWidget       *alert_return;    /* weak: the row whose tick made the alert take the focus */
  GtkLabel        *alert_title;
  GtkLabel        *alert_body;
  GtkWidget       *scroller;     /* around the groups and the summary */
  GtkBox          *groups;
  GtkWidget       *summary_group;
  GtkBox          *summary;
  GtkSwitch       *remember_switch;
  GtkButton       *clear_button;
};

/* atlas-checklist-pane.c */
void  _atlas_checklist_pane_ensure_built    (AtlasChecklistPane *self);

/* atlas-checklist-pane-summary.c: what the ticks point to, and the warning-sign alert */
void  _atlas_checklist_pane_update_summary  (AtlasChecklistPane *self);
void  _atlas_checklist_pane_update_alert    (AtlasChecklistPane *self);
void  _atlas_checklist_pane_announce_alert  (AtlasChecklistPane *self);
void  _atlas_checklist_pane_init_alert      (AtlasChecklistPane *self);
gboolean _atlas_checklist_pane_focus        (AtlasChecklistPane *self,
                                             GtkDirectionType    direction,
                                             gboolean          (*chain_up) (GtkWidget *, GtkDirectionType));

G_END_DECLS
