/* atlas-application.c — the Psoas Atlas application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "atlas-application.h"
#include "atlas-content.h"
#include "atlas-handout.h"
#include "atlas-language.h"
#include "atlas-ui.h"
#include "atlas-views.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication  parent_instance;

  AtlasSettings  *settings;
  AtlasContent   *content;
  GPtrArray      *content_problems;
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

/* Checks a content pack from the command line, with no display: every problem is printed with
 * its file, line and column, and the exit status says whether there was any. */
static int
validate_content (const char *path)
{
  g_autoptr(GFile) directory = g_file_new_for_commandline_arg (path);
  g_autoptr(AtlasContent) builtin = atlas_content_new_builtin (NULL);
  g_auto(GStrv) alone = atlas_content_validate_pack (directory, NULL);
  g_auto(GStrv) with_builtin = NULL;
  GStrv problems = alone;

  /* A user pack may cite the built-in sources and glossary; the built-in pack itself stands
   * alone. Whichever reading finds fewer problems is the one the pack was written for. */
  if (alone[0] != NULL && builtin != NULL)
    {
      with_builtin = atlas_content_validate_pack (directory, builtin);
      if (g_strv_length (with_builtin) < g_strv_length (alone))
        problems = with_builtin;
    }

  if (problems[0] == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (directory);

      g_print (_("%s: the content is valid\n"), name);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("%s\n", problems[i]);
  g_printerr (ngettext ("%u problem found\n", "%u problems found\n", g_strv_length (problems)),
              g_strv_length (problems));
  return EXIT_FAILURE;
}

/* Writes a handout from the command line, with no display: the same renderer as Print. */
static int
write_handout (const char *path,
               const char *view_name,
               const char *region_id,
               const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (&error);
  const AtlasViewInfo *view = atlas_views_lookup (view_name ? view_name : "front");
  g_autoptr(AtlasDiagram) diagram = NULL;
  g_autoptr(AtlasHandout) handout = NULL;

  if (content == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (language != NULL && !atlas_language_is_installed (language))
    {
      g_auto(GStrv) installed = atlas_language_get_installed ();
      g_autofree char *list = g_strjoinv (", ", installed);

      /* Translators: %s is a language code such as "es"; the second, the codes installed. */
      g_printerr (_("There is no translation into “%s”; choose one of: %s.\n"), language, list);
      return EXIT_FAILURE;
    }
  if (view == NULL)
    {
      g_printerr (_("There is no view named “%s”; choose front, side or section.\n"), view_name);
      return EXIT_FAILURE;
    }
  diagram = atlas_view_load_builtin (view, 0, &error);
  if (diagram == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (region_id != NULL && atlas_diagram_lookup_region (diagram, region_id) == NULL)
    {
      g_printerr (_("The %s view has no region “%s”.\n"), view->name, region_id);
      return EXIT_FAILURE;
    }

  handout = atlas_handout_new_in_language (content, NULL, diagram, region_id, language);
  if (!atlas_handout_write_pdf (handout, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%s\n", path);
  return EXIT_SUCCESS;
}

static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "validate-content", "^&ay", &path))
    return validate_content (path);

  if (g_variant_dict_lookup (options, "handout", "^&ay", &path))
    {
      const char *view = NULL, *region = NULL, *language = NULL;

      g_variant_dict_lookup (options, "view", "&s", &view);
      g_variant_dict_lookup (options, "region", "&s", &region);
      g_variant_dict_lookup (options, "language", "&s", &language);
      return write_handout (path, view, region, language);
    }

  return G_APPLICATION_CLASS (atlas_application_parent_class)->handle_local_options (application, options);
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
  g_clear_object (&self->content);
  g_clear_pointer (&self->content_problems, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  atlas_ui_ensure_resources ();

  object_class->dispose = atlas_application_dispose;

  app_class->handle_local_options = atlas_application_handle_local_options;
  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
}

static void
atlas_application_init (AtlasApplication *self)
{
  static const GOptionEntry entries[] = {
    { "validate-content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Check the content pack in DIRECTORY and report every problem, without opening a window"),
      N_("DIRECTORY") },
    { "handout", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a take-home handout as a PDF to FILE, without opening a window"), N_("FILE") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --handout: the view to show (front, side or section)"), N_("VIEW") },
    { "region", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --handout: the structure to explain, such as psoas-major-left"), N_("REGION") },
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --handout: the language to write it in, such as es; by default the interface’s"), N_("LANGUAGE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
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
 * atlas_application_get_content:
 *
 * Returns: (transfer none): the built-in content plus every valid pack in the user's data
 *   folder, loaded on first use. Packs that failed are listed by
 *   atlas_application_get_content_problems().
 */
AtlasContent *
atlas_application_get_content (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  if (self->content == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) packs = g_file_new_build_filename (g_get_user_data_dir (), "psoas-atlas", "packs", NULL);

      self->content_problems = g_ptr_array_new_with_free_func (g_free);
      self->content = atlas_content_new_builtin (&error);
      if (self->content == NULL)
        {
          /* Only a broken installation gets here; show the diagrams without explanations. */
          g_warning ("%s", error->message);
          g_ptr_array_add (self->content_problems, g_strdup (error->message));
          self->content = atlas_content_new ();
        }
      atlas_content_load_user_packs (self->content, packs, self->content_problems);
      for (guint i = 0; i < self->content_problems->len; i++)
        g_message ("%s", (const char *) g_ptr_array_index (self->content_problems, i));
    }

  return self->content;
}

/**
 * atlas_application_get_content_problems:
 *
 * Returns: (transfer none) (element-type utf8): one message per content pack that was skipped
 */
GPtrArray *
atlas_application_get_content_problems (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  atlas_application_get_content (self);
  return self->content_problems;
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
