/* atlas-explanation-pane-private.h — what the files of the explanation pane share.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AtlasExplanationPane is one widget written in two files:
 *
 *   atlas-explanation-pane.c        the widget: the page for a structure, its statements,
 *                                   disagreements and exercises, care withheld on a warning sign
 *   atlas-explanation-pane-links.c  the glossary and citation links and the popovers they open
 *
 * Only these files include this header; everyone else uses atlas-explanation-pane.h.
 */
#pragma once

#include <adwaita.h>

#include "atlas-explanation-pane.h"

G_BEGIN_DECLS

struct _AtlasExplanationPane
{
  GtkWidget     parent_instance;

  AtlasContent   *content;
  AtlasChecklist *checklist;   /* decides whether care may be shown */
  const AtlasRegion *region;   /* what is shown; owned by its diagram, which outlives us */
  gboolean        care_withdrawn;
  GtkPopover   *popover;
  GPtrArray    *closed_popovers; /* closed, still parented to a label, to unparent */
  guint         unparent_id;
  GtkWidget    *popover_return; /* weak: what had the focus when the open popover opened */

  GtkStack     *stack;
  GtkWidget    *scroller;
  GtkBox       *box;
};

/* atlas-explanation-pane-links.c */
void     _atlas_explanation_pane_unparent_popovers (AtlasExplanationPane *self);
gboolean _atlas_explanation_pane_link_cb           (GtkLabel             *label,
                                                    const char           *uri,
                                                    AtlasExplanationPane *self);

G_END_DECLS
