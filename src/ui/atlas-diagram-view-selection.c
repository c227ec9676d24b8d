/* atlas-diagram-view-selection.c — what the diagram canvas points at: hover and selection.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selected and the hovered region, and what the user is told about them: the tooltip
 * under the pointer (or for the selection, from the keyboard) and the description a screen
 * reader reads for the picture. The pointer and key handlers that change them live in
 * atlas-diagram-view.c; how they are painted in atlas-diagram-view-render.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-diagram-view-private.h"
#include "atlas-structures.h"

/* The selected region of the current state, or %NULL. */
const AtlasRegion *
_atlas_diagram_view_get_selected (AtlasDiagramView *self)
{
  return self->selected ? atlas_diagram_lookup_region (_atlas_diagram_view_current_diagram (self), self->selected) : NULL;
}

const char *
atlas_diagram_view_get_selected_region (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return self->selected;
}

/* Also called once at the start, so the picture is described before anything is chosen. */
void
_atlas_diagram_view_update_accessible_description (AtlasDiagramView *self)
{
  const AtlasRegion *region = _atlas_diagram_view_get_selected (self);
  g_autofree char *name = region ? atlas_region_dup_display_name (region, self->content) : NULL;
  g_autofree char *description = NULL;

  if (name != NULL)
    /* Translators: read by screen readers for the diagram, e.g. "Selected: Psoas major (left)". */
    description = g_strdup_printf (_("Selected: %s"), name);
  else
    description = g_strdup (_("Nothing selected. Use the structure list to choose a part of the diagram."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

void
atlas_diagram_view_set_selected_region (AtlasDiagramView *self,
                                        const char       *region_id)
{
  AtlasDiagram *diagram;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  diagram = _atlas_diagram_view_current_diagram (self);
  if (region_id != NULL && (diagram == NULL || atlas_diagram_lookup_region (diagram, region_id) == NULL))
    region_id = NULL;

  if (g_strcmp0 (self->selected, region_id) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (region_id);
  _atlas_diagram_view_update_accessible_description (self);
  _atlas_diagram_view_notify (self, PROP_SELECTED_REGION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
atlas_diagram_view_get_hovered_region (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return self->hovered;
}

void
atlas_diagram_view_set_hovered_region (AtlasDiagramView *self,
                                       const char       *region_id)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (g_strcmp0 (self->hovered, region_id) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (region_id);
  _atlas_diagram_view_notify (self, PROP_HOVERED_REGION);
  /* Only the overlay changes: the cached base picture is reused as it is. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_atlas_diagram_view_query_tooltip_cb (AtlasDiagramView *self,
                                      int               x,
                                      int               y,
                                      gboolean          keyboard,
                                      GtkTooltip       *tooltip)
{
  const AtlasRegion *region;
  g_autofree char *name = NULL;

  if (self->hide_names)
    return FALSE;

  if (keyboard)
    region = _atlas_diagram_view_get_selected (self);
  else
    region = _atlas_diagram_view_region_at (self, x, y);

  if (region == NULL)
    return FALSE;

  name = atlas_region_dup_display_name (region, self->content);
  gtk_tooltip_set_text (tooltip, name);
  return TRUE;
}

/**
 * _atlas_diagram_view_step:
 * @delta: +1 for the next part, -1 for the one before
 *
 * Moves the keyboard's highlight (drawn as the hover is) to the next visible part of the
 * drawing, in the diagram's own stable order, and scrolls it into view. A screen reader
 * hears its name, or during a quiz only its position.
 */
void
_atlas_diagram_view_step (AtlasDiagramView *self,
                          int               delta)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  const char *from = self->hovered ? self->hovered : self->selected;
  const AtlasRegion *region;
  g_autofree char *description = NULL;
  int at = -1;

  if (diagram == NULL || delta == 0)
    return;

  for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
    {
      region = atlas_diagram_get_region (diagram, i);
      if (!atlas_diagram_region_is_visible (diagram, region))
        continue;
      if (g_strcmp0 (region->id, from) == 0)
        at = visible->len;
      g_ptr_array_add (visible, (gpointer) region);
    }
  if (visible->len == 0)
    return;

  if (at < 0)
    at = delta > 0 ? 0 : visible->len - 1;
  else
    at = ((at + (delta > 0 ? 1 : -1)) % (int) visible->len + visible->len) % visible->len;
  region = g_ptr_array_index (visible, at);

  atlas_diagram_view_set_hovered_region (self, region->id);
  atlas_diagram_view_reveal_region (self, region->id);

  if (self->hide_names)
    /* Translators: read by screen readers while a quiz hides the names, e.g. "Part 3 of 24. Press Enter to answer." */
    description = g_strdup_printf (_("Part %d of %u. Press Enter to answer."), at + 1, visible->len);
  else
    {
      g_autofree char *name = atlas_region_dup_display_name (region, self->content);

      /* Translators: read by screen readers as the arrow keys step through the diagram. */
      description = g_strdup_printf (_("%s. Press Enter to choose it."), name);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* Enter: the highlighted part becomes the selection, as a click on it would. */
void
_atlas_diagram_view_choose_highlighted (AtlasDiagramView *self)
{
  if (self->hovered != NULL)
    atlas_diagram_view_set_selected_region (self, self->hovered);
}
