/* atlas-application-actions.c — the application-wide actions (app.*).
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-sources-window.h"

static void
atlas_application_actions_quit (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close each window the ordinary way so it remembers its size; quitting outright would
   * skip "close-request". */
  for (const GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
atlas_application_actions_new_window (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  AtlasApplication *self = user_data;

  gtk_window_present (atlas_application_new_window (self));
}

static void
atlas_application_actions_about (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  AtlasApplication *self = user_data;
  static const char *developers[] = {
    "The Psoas Atlas developers",
    NULL
  };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Psoas Atlas"),
                        "developer-name", _("The Psoas Atlas developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Learn where the psoas muscle runs, from the lower spine to the thigh bone, "
                                      "and what five patient-education articles say about it and low back pain.\n\n"
                                      "Psoas Atlas is for learning. It is not a diagnosis: "
                                      "persistent or severe pain needs a clinician’s assessment."),
                        "website", "https://github.com/psoasatlas/psoas-atlas",
                        "issue-url", "https://github.com/psoasatlas/psoas-atlas/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Psoas Atlas developers",
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
atlas_application_actions_sources (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWidget *window = atlas_sources_window_new (atlas_application_get_content (self));

  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_entries[] = {
  { "sources", atlas_application_actions_sources },
  { "quit", atlas_application_actions_quit },
  { "new-window", atlas_application_actions_new_window },
  { "about", atlas_application_actions_about },
};

void
_atlas_application_actions_init (AtlasApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  /* GtkApplication would set this for gtk/help-overlay.ui; the window builds it lazily instead. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}
