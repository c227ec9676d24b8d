/* atlas-test-ui.c — shared helpers for the tests that run in a real X server.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests drive real widgets in a real display (Xvfb) with the memory GSettings backend, so
 * they never read or write the user's preferences.
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "atlas-test-ui.h"
#include "atlas-view-page.h"

/**
 * atlas_test_application:
 *
 * Returns: (transfer none): a registered (started-up) but not running application, shared by
 *   every test in the program
 */
AtlasApplication *
atlas_test_application (void)
{
  static AtlasApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = atlas_application_new ();
      /* Tests run beside each other and beside a real instance: never become unique. */
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      if (!g_application_register (G_APPLICATION (app), NULL, &error))
        g_error ("Could not register the application: %s", error->message);
    }

  return app;
}

AtlasSettings *
atlas_test_settings_new (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);

  return atlas_settings_new (settings);
}

void
atlas_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
atlas_test_wait_for (gboolean (*condition) (gpointer data),
                     gpointer  data,
                     guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  /* Let the frame that satisfied the condition finish its layout. */
  atlas_test_iterate ();
  return condition (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

void
atlas_test_wait_for_mapped (GtkWidget *widget)
{
  if (!atlas_test_wait_for (is_mapped, widget, 5000))
    g_error ("%s was not mapped within 5 s", G_OBJECT_TYPE_NAME (widget));
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
atlas_test_close_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (window);
  if (!atlas_test_wait_for (is_gone, &weak, 5000))
    {
      g_object_remove_weak_pointer (G_OBJECT (window), &weak);
      gtk_window_destroy (window);
    }
}

/**
 * atlas_test_assert_finalized:
 * @object: (transfer full): the test's last reference
 *
 * Drops the test's reference and fails unless the object is finalized soon after: a timeout
 * still running in a closed window (a cross-fade, a zoom settling) may hold it a moment, but
 * nothing may keep it for good.
 */
void
atlas_test_assert_finalized (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  if (!atlas_test_wait_for (is_gone, &weak, 5000))
    g_error ("%s is still referenced after its window closed", G_OBJECT_TYPE_NAME (weak));
}

/**
 * atlas_test_find_by_type:
 *
 * Returns: (transfer none) (nullable): the first widget of @type below @root, depth first
 */
GtkWidget *
atlas_test_find_by_type (GtkWidget *root,
                         GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = atlas_test_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * atlas_test_open_window:
 *
 * Returns: (transfer none): a main window using @settings, presented and mapped
 */
AtlasWindow *
atlas_test_open_window (AtlasSettings *settings)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (atlas_test_application ()), settings);

  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_mapped (GTK_WIDGET (window));
  return window;
}

/**
 * atlas_test_window_child:
 *
 * Returns: (transfer none): the window's template child called @name; aborts if there is none
 */
gpointer
atlas_test_window_child (AtlasWindow *window,
                         const char  *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, name);

  /* The parts built on first use (the tour and quiz cards) are built for the test. */
  if (object == NULL)
    object = atlas_window_get_part (window, name, TRUE);
  if (object == NULL)
    g_error ("The window has no child “%s”", name);

  return object;
}

/**
 * atlas_test_window_view:
 * @view_name: "front", "side" or "section"
 *
 * Returns: (transfer none): the diagram view of that view's page
 */
AtlasDiagramView *
atlas_test_window_view (AtlasWindow *window,
                        const char  *view_name)
{
  g_autofree char *page = g_strconcat (view_name, "_page", NULL);

  return atlas_view_page_get_diagram_view (atlas_test_window_child (window, page));
}
