/* main.c — creates the application and runs it.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "atlas-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;
  const char *localedir = g_getenv ("PSOAS_ATLAS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The translations are installed in LOCALEDIR; `meson devenv` points at the build folder's. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The locale is set here, once, before any thread starts: GTK must not set it again in its
   * start-up while the start-up thread reads the translated content (setlocale is not safe
   * beside other threads using the locale). */
  gtk_disable_setlocale ();

  app = atlas_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
