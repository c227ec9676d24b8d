/* atlas-application.c — the Psoas Atlas application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-ui.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication  parent_instance;

  AtlasSettings  *settings;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);
  _atlas_application_actions_init (self);
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = atlas_application_new_window (self);

  gtk_window_present (window);
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  atlas_ui_ensure_resources ();

  object_class->dispose = atlas_application_dispose;

  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
}

static void
atlas_application_init (AtlasApplication *self)
{
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * atlas_application_get_settings:
 *
 * Returns: (transfer none): the settings shared by every window, created on first use
 */
AtlasSettings *
atlas_application_get_settings (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = atlas_settings_new_default ();

  return self->settings;
}

/**
 * atlas_application_new_window:
 *
 * Returns: (transfer none): a new main window, not yet presented
 */
GtkWindow *
atlas_application_new_window (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return GTK_WINDOW (atlas_window_new (GTK_APPLICATION (self), atlas_application_get_settings (self)));
}
