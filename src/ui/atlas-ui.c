/* atlas-ui.c — one-time set-up shared by every widget of the application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resources are compiled into a static library, where a constructor that nothing
 * references would be dropped by the linker; so they are registered by hand, once, by the
 * first widget class that needs them.
 *
 * It also holds two workarounds for what GTK 4.8 tells screen readers; see each function.
 */
#include "config.h"

#include "atlas-core.h"
#include "atlas-resources.h"
#include "atlas-ui.h"

void
atlas_ui_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      atlas_core_ensure_resources ();
      atlas_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
announce_mapped_cb (GtkWidget *target)
{
  g_signal_handlers_disconnect_by_func (target, announce_mapped_cb, NULL);
  gtk_widget_grab_focus (target);
}

/**
 * atlas_ui_announce:
 * @target: a widget that can take the focus
 * @name: (nullable): what a screen reader says first; %NULL keeps the target's own name
 * @description: (nullable): what it says after the name and role
 *
 * Makes a screen reader speak @name and @description now. GTK 4.8 has no call for that, and
 * its text widgets are not live regions; what every screen reader does speak is the focus
 * arriving somewhere, with that object's name and description. So @target takes them and the
 * focus, at once when it is on screen, or as soon as it is mapped (GTK sends no focus event
 * for a widget that is not). If it has the focus already, the change of its name and
 * description is what is spoken: screen readers read those out for the focused object.
 */
void
atlas_ui_announce (GtkWidget  *target,
                   const char *name,
                   const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (target));

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (description != NULL && *description != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_focusable (target, TRUE);

  g_signal_handlers_disconnect_by_func (target, announce_mapped_cb, NULL);
  if (gtk_widget_get_mapped (target))
    gtk_widget_grab_focus (target);
  else
    g_signal_connect (target, "map", G_CALLBACK (announce_mapped_cb), NULL);
}

/**
 * atlas_ui_plain_button_names:
 * @root: a widget whose buttons may have mnemonics in their labels
 *
 * GTK 4.8 names a button with a mnemonic twice, "_Clear Clear": its label, underscore and
 * all, then the label widget inside that names it too. Dropping the first from every such
 * button under @root leaves the plain words. Call it once the template is built.
 */
void
atlas_ui_plain_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    atlas_ui_plain_button_names (child);
}
