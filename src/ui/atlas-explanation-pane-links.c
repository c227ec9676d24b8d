/* atlas-explanation-pane-links.c — the explanation's links: glossary terms and citations.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every label of the pane sends its "term:ID" and "source:ID" links here; each opens a popover
 * with the term's definition or the source's details, hung off the label that was clicked. No
 * other link is followed, so nothing leaves for a browser. The popovers outlive their label's
 * "closed" signal and must be unparented before the labels are removed, which is why the pane
 * calls _atlas_explanation_pane_unparent_popovers() before it clears its page.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <string.h>

#include "atlas-explanation-pane-private.h"
#include "atlas-rich-text.h"
#include "atlas-ui.h"

/* Popovers hang off the label whose link opened them. They must be unparented before their
 * label goes, and not from inside their own "closed" handler, so closed ones wait here. */
void
_atlas_explanation_pane_unparent_popovers (AtlasExplanationPane *self)
{
  g_clear_handle_id (&self->unparent_id, g_source_remove);

  if (self->popover != NULL)
    g_ptr_array_add (self->closed_popovers, g_object_ref (g_steal_pointer (&self->popover)));

  for (guint i = 0; i < self->closed_popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (self->closed_popovers, i);

      if (gtk_widget_get_parent (popover) != NULL)
        gtk_widget_unparent (popover);
    }
  g_ptr_array_set_size (self->closed_popovers, 0);
}

static gboolean
unparent_idle_cb (gpointer user_data)
{
  AtlasExplanationPane *self = user_data;
  GtkPopover *open = g_steal_pointer (&self->popover);

  self->unparent_id = 0;
  _atlas_explanation_pane_unparent_popovers (self);
  self->popover = open;
  return G_SOURCE_REMOVE;
}

static void
popover_closed_cb (GtkPopover           *popover,
                   AtlasExplanationPane *self)
{
  GtkWidget *back = self->popover_return;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (popover));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->popover != popover)
    return;

  /* Escape (or a click away) gives the focus back to where it was when the popover opened:
   * the link, or where the user was before a search opened a term. */
  if (back != NULL && gtk_widget_get_mapped (back) && gtk_widget_get_root (back) == root
      && (focus == NULL || focus == back || gtk_widget_is_ancestor (focus, GTK_WIDGET (popover))
          || !gtk_widget_get_mapped (focus)))
    gtk_widget_grab_focus (back);
  g_clear_weak_pointer (&self->popover_return);

  g_ptr_array_add (self->closed_popovers, g_object_ref (g_steal_pointer (&self->popover)));
  if (self->unparent_id == 0)
    self->unparent_id = g_idle_add (unparent_idle_cb, self);
}

static void
all_sources_cb (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "app.sources", NULL);
}

static GtkWidget *
popover_label (const char *markup,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
show_popover (AtlasExplanationPane *self,
              GtkWidget            *anchor,
              GtkWidget            *child,
              const char           *name)
{
  GdkRectangle top = { 0, 0, 1, 1 };
  GtkPopover *popover = GTK_POPOVER (gtk_popover_new ());
  GtkRoot *root = gtk_widget_get_root (anchor);

  _atlas_explanation_pane_unparent_popovers (self);
  g_set_weak_pointer (&self->popover_return, root ? gtk_root_get_focus (root) : NULL);
  /* Not "GtkPopover", which is all GTK 4.8 would tell a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  gtk_widget_set_margin_start (child, 6);
  gtk_widget_set_margin_end (child, 6);
  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  gtk_popover_set_child (popover, child);
  gtk_widget_set_parent (GTK_WIDGET (popover), anchor);
  /* A link points at itself; a term opened from search has the whole pane as its anchor,
   * taller than the room above or below it, so it points at the pane's top middle and opens
   * downwards instead of being squeezed to nothing. */
  if (!GTK_IS_LABEL (anchor))
    {
      top.x = gtk_widget_get_width (anchor) / 2;
      top.y = MIN (gtk_widget_get_height (anchor), 24);
      gtk_popover_set_pointing_to (popover, &top);
      gtk_popover_set_position (popover, GTK_POS_BOTTOM);
    }
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), self);
  self->popover = popover;
  gtk_popover_popup (popover);
}

/* The definition is one stop for the keyboard, named by the term and described by its
 * definition, and it takes the focus as the popover shows (atlas_ui_announce() waits for the
 * map), so a screen reader reads both: nothing else in it could take the focus, which stayed
 * outside, unheard. Its labels say the same again, so they are left out of the tree. */
static GtkWidget *
term_popover_child (const AtlasTerm *term)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 6,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 NULL);
  g_autofree char *name = atlas_rich_text_to_markup (term->name);
  g_autofree char *definition = atlas_rich_text_to_markup (term->definition);
  g_autofree char *plain_name = atlas_rich_text_to_plain (term->name);
  g_autofree char *plain_definition = atlas_rich_text_to_plain (term->definition);

  gtk_box_append (GTK_BOX (box), popover_label (name, "heading"));
  gtk_box_append (GTK_BOX (box), popover_label (definition, NULL));
  for (GtkWidget *label = gtk_widget_get_first_child (box); label; label = gtk_widget_get_next_sibling (label))
    gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (box, "atlas-definition");
  atlas_ui_announce (box, plain_name, plain_definition);
  return box;
}

static GtkWidget *
source_popover_child (const AtlasSource *source)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  g_autofree char *title = g_markup_escape_text (source->title, -1);
  g_autofree char *contribution = atlas_rich_text_to_markup (source->contribution);
  g_autoptr(GString) byline = g_string_new (NULL);
  GtkWidget *button;

  gtk_box_append (box, popover_label (title, "heading"));

  g_string_append (byline, source->is_article ? _("Patient-education article") : _("Reference source"));
  if (source->author != NULL)
    g_string_append_printf (byline, " · %s", source->author);
  if (source->publisher != NULL)
    g_string_append_printf (byline, " · %s", source->publisher);
  if (source->date != NULL)
    g_string_append_printf (byline, " · %s", source->date);
  {
    g_autofree char *escaped = g_markup_escape_text (byline->str, -1);
    gtk_box_append (box, popover_label (escaped, "dim-label"));
  }

  gtk_box_append (box, popover_label (contribution, NULL));

  button = gtk_button_new_with_mnemonic (_("_All Sources"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  /* Named "All Sources", not "_All Sources All Sources". */
  atlas_ui_plain_button_names (button);
  g_signal_connect (button, "clicked", G_CALLBACK (all_sources_cb), NULL);
  gtk_box_append (box, button);
  return GTK_WIDGET (box);
}

static gboolean
open_link (AtlasExplanationPane *self,
           GtkWidget            *anchor,
           const char           *uri)
{
  if (self->content == NULL)
    return FALSE;

  if (g_str_has_prefix (uri, "term:"))
    {
      const AtlasTerm *term = atlas_content_get_term (self->content, uri + strlen ("term:"));

      if (term != NULL)
        {
          g_autofree char *name = atlas_rich_text_to_plain (term->name);

          show_popover (self, anchor, term_popover_child (term), name);
        }
      return TRUE;
    }

  if (g_str_has_prefix (uri, "source:"))
    {
      const AtlasSource *source = atlas_content_get_source (self->content, uri + strlen ("source:"));

      if (source != NULL)
        show_popover (self, anchor, source_popover_child (source), source->title);
      return TRUE;
    }

  /* No other links exist; never hand one to a browser. */
  return TRUE;
}

gboolean
_atlas_explanation_pane_link_cb (GtkLabel             *label,
                                 const char           *uri,
                                 AtlasExplanationPane *self)
{
  return open_link (self, GTK_WIDGET (label), uri);
}

/**
 * atlas_explanation_pane_activate_link:
 *
 * Opens a "term:ID" or "source:ID" link as a click on it would.
 */
gboolean
atlas_explanation_pane_activate_link (AtlasExplanationPane *self,
                                      const char           *uri)
{
  g_return_val_if_fail (ATLAS_IS_EXPLANATION_PANE (self), FALSE);

  /* Anchored to the pane itself, which is always on screen where it shows, rather than to the
   * explanation's text, which may be scrolled away or not shown at all: the popover opens
   * from the top of what the user sees. */
  return open_link (self, GTK_WIDGET (self), uri);
}

/**
 * atlas_explanation_pane_get_popover:
 *
 * Returns: (nullable) (transfer none): the open glossary or source popover
 */
GtkPopover *
atlas_explanation_pane_get_popover (AtlasExplanationPane *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPLANATION_PANE (self), NULL);

  return self->popover;
}
