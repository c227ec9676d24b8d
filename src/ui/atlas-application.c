/* atlas-application.c — the Psoas Atlas application.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
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
  gboolean        loading_content;
  GThread        *prefetch;       /* reading the built-in content and front diagram, or NULL */
};

typedef struct
{
  AtlasContent *content;
  GError       *error;
} Prefetch;

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LOADING_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the first window needs that is none of GTK's business: the built-in content and the
 * front view's diagram, which atlas_diagram_new_shared() keeps for the window to copy. Neither
 * touches GTK, so both are read on a second core while GTK reads its theme on this one. */
static gpointer
prefetch_thread (gpointer data)
{
  Prefetch *prefetch = g_new0 (Prefetch, 1);
  g_autoptr(AtlasDiagram) front = NULL;

  prefetch->content = atlas_content_new_builtin (&prefetch->error);
  /* A failure here is the window's to report when it loads the same file. */
  front = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  return prefetch;
}

static Prefetch *
join_prefetch (AtlasApplication *self)
{
  Prefetch *prefetch = self->prefetch != NULL ? g_thread_join (self->prefetch) : NULL;

  self->prefetch = NULL;
  return prefetch;
}

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);

  /* Started before GTK's own start-up, which takes longest, so the two overlap. */
  if (g_getenv ("PSOAS_ATLAS_NO_PREFETCH") == NULL)
    self->prefetch = g_thread_new ("atlas-prefetch", prefetch_thread, NULL);

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);
  _atlas_application_actions_init (self);
}

/* Whether @directory holds exactly the built-in pack's files: the application's own content,
 * checked by its authors, which of course has every built-in id. */
static gboolean
is_builtin_pack (GFile *directory)
{
  g_autoptr(GFile) resources = g_file_new_for_uri ("resource://" RESOURCE_BASE "/content");
  g_autoptr(GFileEnumerator) enumerator = NULL;
  guint n_builtin = 0, n_files = 0;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (resources, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autofree char *name = g_strdup (g_file_info_get_name (info));
      g_autoptr(GFile) ours = g_file_get_child (resources, name);
      g_autoptr(GFile) theirs = g_file_get_child (directory, name);
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;

      g_object_unref (info);
      if (!g_str_has_suffix (name, ".xml"))
        continue;
      n_builtin++;
      a = g_file_load_bytes (ours, NULL, NULL, NULL);
      b = g_file_query_file_type (theirs, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_REGULAR
          ? g_file_load_bytes (theirs, NULL, NULL, NULL) : NULL;
      if (a == NULL || b == NULL || !g_bytes_equal (a, b))
        return FALSE;
    }

  g_clear_object (&enumerator);
  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      n_files += g_str_has_suffix (g_file_info_get_name (info), ".xml");
      g_object_unref (info);
    }

  return n_builtin > 0 && n_files == n_builtin;
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
  else if (builtin != NULL && !is_builtin_pack (directory))
    {
      /* A pack complete on its own would still be skipped as a user pack if it used an id of
       * the built-in content: that is always said. Everything else it refers to is its own,
       * so the clashes are all this reading adds. */
      with_builtin = atlas_content_validate_pack (directory, builtin);
      problems = with_builtin;
    }

  if (problems[0] == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (directory);

      /* The parse name escapes what is not UTF-8. */
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
               const char *marks_path,
               const char *paper_name,
               const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) content = NULL;
  const AtlasViewInfo *view = NULL;
  g_autoptr(AtlasDiagram) diagram = NULL;
  g_autoptr(AtlasHandout) handout = NULL;
  g_autoptr(AtlasMarks) marks = NULL;
  g_autofree char *matched_language = NULL;
  AtlasHandoutPaper paper = ATLAS_HANDOUT_PAPER_A4;

  /* Options and the marks file are checked before anything is written. */
  if (paper_name != NULL && !atlas_handout_paper_from_string (paper_name, &paper))
    {
      g_printerr (_("There is no paper size “%s”; choose a4 or letter.\n"), paper_name);
      return EXIT_FAILURE;
    }
  if (marks_path != NULL)
    {
      marks = atlas_marks_new_from_file (marks_path, &error);
      if (marks == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      /* Marks drawn on one view mean nothing on another. */
      if (view_name == NULL)
        view_name = atlas_marks_get_view (marks);
      else if (atlas_marks_get_view (marks) != NULL && !g_str_equal (view_name, atlas_marks_get_view (marks)))
        {
          g_printerr (_("The marks in %s were drawn on the %s view, not the %s view.\n"), marks_path,
                      atlas_marks_get_view (marks), view_name);
          return EXIT_FAILURE;
        }
    }

  content = atlas_content_new_builtin (&error);
  view = atlas_views_lookup (view_name ? view_name : "front");

  if (content == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  /* “es_ES” or “es-MX”, as a locale would name it, means the Spanish that is installed. */
  matched_language = atlas_language_match (language);
  if (language != NULL && matched_language == NULL)
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
  /* At the first posture, and able to morph, so marks drawn at another posture are printed
   * where the anatomy is in this one. */
  diagram = atlas_view_load_posture (view, 0.0, &error);
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

  handout = atlas_handout_new_in_language (content, NULL, diagram, region_id, matched_language);
  atlas_handout_set_marks (handout, marks);
  atlas_handout_set_paper (handout, paper);
  if (!atlas_handout_write_pdf (handout, path, &error))
    {
      /* The message says why (“No space left on device”); the old file, if any, is untouched. */
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  {
    g_autofree char *name = g_filename_display_name (path);
    g_print ("%s\n", name);
  }
  return EXIT_SUCCESS;
}

static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  gboolean handout_options = g_variant_dict_contains (options, "view") || g_variant_dict_contains (options, "region") ||
                             g_variant_dict_contains (options, "marks") || g_variant_dict_contains (options, "paper") ||
                             g_variant_dict_contains (options, "language");
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Two jobs at once would do one and silently drop the other. */
  if (g_variant_dict_contains (options, "validate-content") && g_variant_dict_contains (options, "handout"))
    {
      g_printerr (_("--validate-content and --handout are two separate jobs; run them one at a time.\n"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "validate-content", "^&ay", &path))
    {
      /* An empty argument is a mistake, not a request to check the current folder. */
      if (path[0] == '\0')
        {
          g_printerr (_("--validate-content needs the folder of a content pack.\n"));
          return EXIT_FAILURE;
        }
      return validate_content (path);
    }

  if (g_variant_dict_lookup (options, "handout", "^&ay", &path))
    {
      const char *view = NULL, *region = NULL, *marks = NULL, *paper = NULL, *language = NULL;

      if (path[0] == '\0')
        {
          g_printerr (_("--handout needs the name of the PDF file to write.\n"));
          return EXIT_FAILURE;
        }

      g_variant_dict_lookup (options, "view", "&s", &view);
      g_variant_dict_lookup (options, "region", "&s", &region);
      g_variant_dict_lookup (options, "marks", "^&ay", &marks);
      g_variant_dict_lookup (options, "paper", "&s", &paper);
      g_variant_dict_lookup (options, "language", "&s", &language);
      /* The PDF must never replace the marks it is drawn from. */
      if (marks != NULL)
        {
          GStatBuf out_st, marks_st;

          if (g_stat (path, &out_st) == 0 && g_stat (marks, &marks_st) == 0 &&
              out_st.st_dev == marks_st.st_dev && out_st.st_ino == marks_st.st_ino)
            {
              g_printerr (_("--handout and --marks name the same file; the handout would replace the marks.\n"));
              return EXIT_FAILURE;
            }
        }
      return write_handout (path, view, region, marks, paper, language);
    }

  if (handout_options)
    {
      g_printerr (_("--view, --region, --marks, --paper and --language only go with --handout.\n"));
      return EXIT_FAILURE;
    }

  return G_APPLICATION_CLASS (atlas_application_parent_class)->handle_local_options (application, options);
}

/* For bench/: PSOAS_ATLAS_QUIT_AFTER_FIRST_FRAME=1 ends the process once the first window has
 * painted its first frame, so a start-up can be timed from outside like any command: from exec
 * to that frame, not the tidying up after it, which bench/bare-window.c skips alike. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, application);
  exit (EXIT_SUCCESS);
}

static void
first_window_mapped_cb (GtkWidget    *window,
                        GApplication *application)
{
  g_signal_handlers_disconnect_by_func (window, first_window_mapped_cb, application);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), application, 0);
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = atlas_application_new_window (self);
      if (g_strcmp0 (g_getenv ("PSOAS_ATLAS_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
        g_signal_connect_object (window, "map", G_CALLBACK (first_window_mapped_cb), self, 0);
    }

  gtk_window_present (window);
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);
  Prefetch *prefetch = join_prefetch (self);

  if (prefetch != NULL)
    {
      g_clear_object (&prefetch->content);
      g_clear_error (&prefetch->error);
      g_free (prefetch);
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->content);
  g_clear_pointer (&self->content_problems, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LOADING_CONTENT:
      g_value_set_boolean (value, self->loading_content);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  atlas_ui_ensure_resources ();

  object_class->dispose = atlas_application_dispose;
  object_class->get_property = atlas_application_get_property;

  /* TRUE while the user's content packs are read in a worker thread; when it turns FALSE,
   * they have been added to the content and their problems to the list. */
  properties[PROP_LOADING_CONTENT] =
    g_param_spec_boolean ("loading-content", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
    { "marks", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("With --handout: draw the marks saved in FILE on the diagram"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --handout: the page size, a4 (the default) or letter"), N_("PAPER") },
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

static void
read_user_packs_thread (GTask        *task,
                        gpointer      source,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  AtlasApplication *self = source;

  /* Only reads the content: the main thread changes it only once this has returned. */
  g_task_return_pointer (task, atlas_user_packs_read (self->content, task_data),
                         (GDestroyNotify) atlas_user_packs_free);
}

static void
read_user_packs_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AtlasApplication *self = ATLAS_APPLICATION (source);
  g_autoptr(AtlasUserPacks) packs = g_task_propagate_pointer (G_TASK (result), NULL);
  guint before = self->content_problems->len;

  /* Merged here, on the main thread, between two frames: the windows see it all at once. */
  if (packs != NULL)
    atlas_user_packs_merge (packs, self->content, self->content_problems);
  for (guint i = before; i < self->content_problems->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (self->content_problems, i));

  self->loading_content = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING_CONTENT]);
}

/**
 * atlas_application_get_content:
 *
 * Returns: (transfer none): the built-in content, loaded on first use. The user's content
 *   packs are read in a worker thread meanwhile, so that a large pack never keeps the window
 *   from appearing, and are added once read: see #AtlasApplication:loading-content. Packs
 *   that failed are listed by atlas_application_get_content_problems().
 */
AtlasContent *
atlas_application_get_content (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  if (self->content == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) packs = g_file_new_build_filename (g_get_user_data_dir (), "psoas-atlas", "packs", NULL);

      Prefetch *prefetch = join_prefetch (self);

      self->content_problems = g_ptr_array_new_with_free_func (g_free);
      if (prefetch != NULL)
        {
          self->content = prefetch->content;
          error = prefetch->error;
          g_free (prefetch);
        }
      else
        self->content = atlas_content_new_builtin (&error);
      if (self->content == NULL)
        {
          /* Only a broken installation gets here; show the diagrams without explanations. */
          g_warning ("%s", error->message);
          g_ptr_array_add (self->content_problems, g_strdup (error->message));
          self->content = atlas_content_new ();
        }

      /* No packs folder, the usual case: nothing to wait for. */
      if (g_file_query_file_type (packs, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_UNKNOWN)
        {
          g_autoptr(GTask) task = g_task_new (self, NULL, read_user_packs_cb, NULL);

          /* Not held: closing the window quits at once, even during a slow read. The task keeps
           * the application (and so the content the thread reads) alive until it returns. */
          self->loading_content = TRUE;
          g_task_set_task_data (task, g_steal_pointer (&packs), g_object_unref);
          g_task_run_in_thread (task, read_user_packs_thread);
        }
    }

  return self->content;
}

/**
 * atlas_application_get_loading_content:
 *
 * Returns: whether the user's content packs are still being read
 */
gboolean
atlas_application_get_loading_content (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), FALSE);

  return self->loading_content;
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
