/* atlas-window-parts.c — the parts of the main window that are built when first needed, asked
 * for by name: whether they exist yet, and building one.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first frame shows the header bar, the structure list, the front view and the
 * explanation's placeholder; everything else waits (see src/DESIGN.md). Each part builds
 * itself where it is first used (a page when shown, the checklist's rows when shown, a card
 * when a tour or a quiz starts, the search index at the first search); this is the one place
 * that can tell them apart without building them, which `test-window` relies on.
 */
#include "config.h"

#include "atlas-window-private.h"

/**
 * atlas_window_get_part:
 * @name: "side_page", "section_page", "tour_card", "quiz_card", "symptom_checklist",
 *   "search_index" or "switcher_bar"
 * @build: whether to build the part if it is not built yet
 *
 * Returns: (transfer none) (nullable): the part (for a page or the checklist pane: the widget,
 * which always exists, or %NULL while its contents are not built and @build is %FALSE; for
 * the search index: the #AtlasSearchIndex), or %NULL for an unknown name
 */
gpointer
atlas_window_get_part (AtlasWindow *self,
                       const char  *name,
                       gboolean     build)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "side_page") || g_str_equal (name, "section_page") || g_str_equal (name, "front_page"))
    {
      AtlasViewPage *page = g_str_equal (name, "side_page") ? self->side_page
                            : g_str_equal (name, "section_page") ? self->section_page : self->front_page;

      if (build)
        atlas_view_page_ensure_built (page);
      return atlas_view_page_is_built (page) ? page : NULL;
    }
  if (g_str_equal (name, "tour_card"))
    return build ? _atlas_window_ensure_tour_card (self) : self->tour_card;
  if (g_str_equal (name, "quiz_card"))
    return build ? _atlas_window_ensure_quiz_card (self) : self->quiz_card;
  if (g_str_equal (name, "symptom_checklist"))
    {
      if (build)
        atlas_checklist_pane_ensure_built (self->symptom_checklist);
      return atlas_checklist_pane_is_built (self->symptom_checklist) ? self->symptom_checklist : NULL;
    }
  if (g_str_equal (name, "switcher_bar"))
    {
      if (build)
        adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
      return adw_view_switcher_bar_get_stack (self->switcher_bar) != NULL ? self->switcher_bar : NULL;
    }
  if (g_str_equal (name, "search_index"))
    return build ? _atlas_window_ensure_search_index (self) : _atlas_window_peek_search_index (self);

  return NULL;
}

/* The bar at the bottom switches views only in a narrow window, where the header has no room
 * for the switcher: it gets the stack (and so its buttons) when it is first revealed. */
static void
switcher_bar_revealed_cb (AtlasWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

void
_atlas_window_parts_init (AtlasWindow *self)
{
  g_signal_connect_object (self->switcher_bar, "notify::reveal", G_CALLBACK (switcher_bar_revealed_cb), self,
                           G_CONNECT_SWAPPED);
  switcher_bar_revealed_cb (self);
}
