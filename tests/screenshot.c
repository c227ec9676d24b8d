/* screenshot.c — renders the main window in a named state to a PNG, for looking at the UI.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a tool for people (and sessions) who need to see what they built without
 * driving the pointer by hand. Run it in an X server, e.g.
 *   meson devenv -C build xvfb-run -a tests/screenshot checklist /tmp/out.png
 * LANGUAGE=es (in a UTF-8 locale such as LANG=C.UTF-8) shows it in Spanish.
 * Scenarios: default, selected, checklist, red-flag, side-shortened, section, dark, large,
 * zoomed, tour, shortcuts, quiz, search, large-tour, large-quiz, cleared, marks-neutral,
 * marks-shortened (marks on the thigh drawn at neutral, shown at each end of the slider). Width and height follow the
 * output name (default 1400 900); 360 640 shows the narrow, phone-sized layout.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-checklist-pane.h"
#include "atlas-diagram-view.h"
#include "atlas-test-ui.h"
#include <math.h>

#include "atlas-view-page.h"
#include "atlas-window.h"

static gboolean
done_waiting (gpointer data)
{
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasSettings) settings = NULL;
  AtlasWindow *window;
  AtlasChecklistPane *pane;
  const char *scenario = argc > 1 ? argv[1] : "default";
  const char *output = argc > 2 ? argv[2] : "screenshot.png";
  int width = argc > 3 ? atoi (argv[3]) : 1400;
  int height = argc > 4 ? atoi (argv[4]) : 900;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  /* Translated as the application is: LANGUAGE=es shows the window in Spanish (`meson devenv`
   * points PSOAS_ATLAS_LOCALEDIR at the catalogs in the build folder). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PSOAS_ATLAS_LOCALEDIR") ? g_getenv ("PSOAS_ATLAS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_str_equal (scenario, "dark") || g_str_equal (scenario, "drawing-dark"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  settings = atlas_test_settings_new ();
  atlas_settings_set_window_size (settings, width, height, FALSE);
  if (g_str_has_prefix (scenario, "large"))
    atlas_settings_set_large_text (settings, TRUE);

  window = atlas_test_open_window (settings);
  pane = ATLAS_CHECKLIST_PANE (atlas_test_window_child (window, "symptom_checklist"));

  if (g_str_equal (scenario, "selected") || g_str_equal (scenario, "dark") || g_str_equal (scenario, "large"))
    atlas_diagram_view_set_selected_region (atlas_test_window_view (window, "front"),
                                            "psoas-major-left");

  if (g_str_equal (scenario, "checklist") || g_str_equal (scenario, "red-flag"))
    {
      gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (pane))), "symptoms");
      gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "front-hip-tightness"), TRUE);
      gtk_toggle_button_set_active (atlas_checklist_pane_get_side_button (pane, "front-hip-tightness", ATLAS_SIDE_LEFT), TRUE);
      gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "pain-to-thighs"), TRUE);
      gtk_toggle_button_set_active (atlas_checklist_pane_get_side_button (pane, "pain-to-thighs", ATLAS_SIDE_LEFT), TRUE);
      gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "trouble-standing-straight"), TRUE);
      /* Scrolled to the sided symptoms, with their side pickers. */
      if (g_str_equal (scenario, "checklist"))
        {
          atlas_test_wait_for (done_waiting, NULL, 300);
          atlas_checklist_pane_focus_item (pane, "pelvis-hip-shooting-pain");
        }
    }
  if (g_str_equal (scenario, "cleared"))
    {
      gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "pain-to-thighs"), TRUE);
      atlas_checklist_pane_clear (pane);
    }
  if (g_str_equal (scenario, "red-flag"))
    gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "saddle-numbness"), TRUE);

  if (g_str_equal (scenario, "side-shortened"))
    {
      atlas_window_set_view (window, "side");
      atlas_test_wait_for (done_waiting, NULL, 500);
      atlas_diagram_view_set_state (atlas_test_window_view (window, "side"), 1);
    }
  if (g_str_equal (scenario, "side-morph"))
    {
      atlas_window_set_view (window, "side");
      atlas_test_wait_for (done_waiting, NULL, 500);
      atlas_diagram_view_set_morph (atlas_test_window_view (window, "side"), 0.5);
      atlas_diagram_view_set_selected_region (atlas_test_window_view (window, "side"), "psoas-major-right");
    }
  if (g_str_equal (scenario, "side"))
    atlas_window_set_view (window, "side");
  if (g_str_equal (scenario, "section"))
    atlas_window_set_view (window, "section");

  if (g_str_equal (scenario, "search"))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
      gtk_editable_set_text (GTK_EDITABLE (atlas_test_window_child (window, "search_entry")), "hip");
    }

  if (g_str_equal (scenario, "quiz") || g_str_equal (scenario, "large-quiz"))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-start", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-next", NULL);
    }

  if (g_str_equal (scenario, "shortcuts"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);

  if (g_str_equal (scenario, "tour") || g_str_equal (scenario, "large-tour"))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-start", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
    }

  if (g_str_equal (scenario, "zoomed"))
    {
      AtlasDiagramView *view = atlas_test_window_view (window, "front");
      const AtlasRegion *region = atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (view), "iliopsoas-tendon-left");
      double x, y;

      atlas_diagram_view_set_selected_region (view, "iliopsoas-tendon-left");
      atlas_diagram_view_doc_to_widget (view, region->anchor_x, region->anchor_y, &x, &y);
      atlas_diagram_view_zoom_at (view, 3.0, x, y);
    }

  /* The clinician's pen: the psoas selected on the side view, a circle round it, an arrow to it
   * and a note, with the drawing toolbar showing. */
  if (g_str_equal (scenario, "drawing") || g_str_equal (scenario, "drawing-dark"))
    {
      AtlasDiagramView *view;
      AtlasMarks *marks;
      g_autoptr(AtlasMark) circle = atlas_mark_new (ATLAS_MARK_ELLIPSE, ATLAS_MARK_GREEN, 4);
      g_autoptr(AtlasMark) arrow = atlas_mark_new (ATLAS_MARK_ARROW, ATLAS_MARK_BLUE, 4);
      g_autoptr(AtlasMark) stroke = atlas_mark_new (ATLAS_MARK_STROKE, ATLAS_MARK_RED, 4);

      atlas_window_set_view (window, "side");
      atlas_test_wait_for (done_waiting, NULL, 500);
      view = atlas_test_window_view (window, "side");
      marks = atlas_diagram_view_get_marks (view);
      atlas_diagram_view_set_selected_region (view, "psoas-major-right");
      atlas_diagram_view_set_drawing (view, TRUE);
      atlas_mark_add_point (circle, 470, 330);
      atlas_mark_add_point (circle, 620, 560);
      atlas_mark_add_point (arrow, 760, 300);
      atlas_mark_add_point (arrow, 610, 420);
      for (int i = 0; i <= 20; i++)
        atlas_mark_add_point (stroke, 540 + i * 4, 700 + 12 * sin (i / 2.0));
      atlas_marks_add (marks, circle);
      atlas_marks_add (marks, arrow);
      atlas_marks_add (marks, stroke);
      atlas_diagram_view_add_note (view, 700, 250, "Tight here");
    }

  /* Marks drawn on the thigh at neutral, seen at neutral and with the posture slider at
   * shortened: they move with the femur instead of staying where the thigh was. */
  if (g_str_equal (scenario, "marks-neutral") || g_str_equal (scenario, "marks-shortened"))
    {
      AtlasDiagramView *view;
      AtlasMarks *marks;
      g_autoptr(AtlasMark) circle = atlas_mark_new (ATLAS_MARK_ELLIPSE, ATLAS_MARK_GREEN, 4);
      g_autoptr(AtlasMark) arrow = atlas_mark_new (ATLAS_MARK_ARROW, ATLAS_MARK_BLUE, 4);
      g_autoptr(AtlasMark) stroke = atlas_mark_new (ATLAS_MARK_STROKE, ATLAS_MARK_RED, 4);

      atlas_window_set_view (window, "side");
      atlas_test_wait_for (done_waiting, NULL, 500);
      view = atlas_test_window_view (window, "side");
      marks = atlas_diagram_view_get_marks (view);
      atlas_diagram_view_set_morph (view, 0.0);
      atlas_diagram_view_set_drawing (view, TRUE);
      /* Round the femur's middle, an arrow at the front of the thigh, a line down its shaft. */
      atlas_mark_add_point (circle, 425, 640);
      atlas_mark_add_point (circle, 500, 735);
      atlas_mark_add_point (arrow, 640, 600);
      atlas_mark_add_point (arrow, 505, 690);
      for (int i = 0; i <= 20; i++)
        atlas_mark_add_point (stroke, 455 + i * 0.3, 560 + i * 12);
      atlas_mark_set_morph (circle, 0.0);
      atlas_mark_set_morph (arrow, 0.0);
      atlas_mark_set_morph (stroke, 0.0);
      atlas_marks_add (marks, circle);
      atlas_marks_add (marks, arrow);
      atlas_marks_add (marks, stroke);
      atlas_diagram_view_add_note (view, 600, 560, "Tight here");
      if (g_str_equal (scenario, "marks-shortened"))
        atlas_diagram_view_set_morph (view, 1.0);
    }

  /* An exercise opened in the explanation: its picture above its steps. */
  if (g_str_equal (scenario, "exercise"))
    {
      GtkWidget *explanation = atlas_test_window_child (window, "explanation_pane");

      atlas_diagram_view_set_selected_region (atlas_test_window_view (window, "front"), "psoas-major-left");
      for (GtkWidget *expander = atlas_test_find_by_type (explanation, GTK_TYPE_EXPANDER); expander != NULL;
           expander = gtk_widget_get_next_sibling (expander))
        if (GTK_IS_EXPANDER (expander) && g_object_get_data (G_OBJECT (expander), "exercise") != NULL &&
            g_str_equal (((AtlasExercise *) g_object_get_data (G_OBJECT (expander), "exercise"))->id, "bridge"))
          {
            gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
            atlas_test_wait_for (done_waiting, NULL, 300);
            gtk_widget_grab_focus (expander);
          }
    }

  /* The clinician's minute: the psoas selected, two symptoms ticked, an arrow and a circle
   * drawn; the handout is saved beside the screenshot as OUTPUT.pdf. */
  if (g_str_equal (scenario, "flow"))
    {
      AtlasDiagramView *view;
      g_autoptr(AtlasMark) circle = atlas_mark_new (ATLAS_MARK_ELLIPSE, ATLAS_MARK_GREEN, 4);
      g_autoptr(AtlasMark) arrow = atlas_mark_new (ATLAS_MARK_ARROW, ATLAS_MARK_BLUE, 4);
      g_autofree char *pdf = g_strconcat (output, ".pdf", NULL);
      g_autoptr(GError) error = NULL;

      atlas_window_set_view (window, "side");
      atlas_test_wait_for (done_waiting, NULL, 500);
      view = atlas_test_window_view (window, "side");
      atlas_diagram_view_set_selected_region (view, "psoas-major-right");
      gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (pane))), "symptoms");
      gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "front-hip-tightness"), TRUE);
      gtk_check_button_set_active (atlas_checklist_pane_get_check_button (pane, "pain-to-thighs"), TRUE);
      atlas_diagram_view_set_drawing (view, TRUE);
      atlas_mark_add_point (circle, 470, 330);
      atlas_mark_add_point (circle, 620, 560);
      atlas_mark_add_point (arrow, 780, 280);
      atlas_mark_add_point (arrow, 615, 430);
      atlas_marks_add (atlas_diagram_view_get_marks (view), circle);
      atlas_marks_add (atlas_diagram_view_get_marks (view), arrow);
      if (!atlas_window_export_handout (window, pdf, &error))
        g_printerr ("%s\n", error->message);
      else
        g_print ("%s\n", pdf);
    }

  /* Let animations, the zoom settle and the re-render finish. */
  atlas_test_wait_for (done_waiting, NULL, 1200);

  /* Capture what the X server shows, decorations and all. */
  {
    const char *argv_import[] = { "import", "-window", "root", "-crop", NULL, output, NULL };
    g_autofree char *crop = g_strdup_printf ("%dx%d+0+0", gtk_widget_get_width (GTK_WIDGET (window)) + 20,
                                             gtk_widget_get_height (GTK_WIDGET (window)) + 20);
    g_autoptr(GError) error = NULL;
    int status;

    argv_import[4] = crop;
    if (!g_spawn_sync (NULL, (char **) argv_import, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_printerr ("Could not take the screenshot (is ImageMagick installed?): %s\n", error->message);
        return 1;
      }
  }

  g_print ("%s\n", output);
  return 0;
}
