/* test-diagram-view.c — the diagram views, structure list and explanation pane in a real X server.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "atlas-diagram-view.h"
#include "atlas-explanation-pane.h"
#include "atlas-label-layout.h"
#include "atlas-structure-list.h"
#include "atlas-test-ui.h"
#include "atlas-view-page.h"
#include "atlas-window.h"

typedef struct
{
  AtlasSettings *settings;
  AtlasWindow   *window;
} Fixture;

static AtlasViewPage *
page (Fixture    *f,
      const char *name)
{
  g_autofree char *id = g_strconcat (name, "_page", NULL);

  return ATLAS_VIEW_PAGE (atlas_test_window_child (f->window, id));
}

static AtlasDiagramView *
view (Fixture    *f,
      const char *name)
{
  return atlas_test_window_view (f->window, name);
}

static gboolean
has_rendered (gpointer data)
{
  return atlas_diagram_view_get_base_renders (data) > 0;
}

static gboolean
is_sharp (gpointer data)
{
  AtlasDiagramView *v = data;
  double fit = atlas_diagram_view_get_cache_scale (v);

  return fit > 0 && atlas_diagram_view_get_zoom (v) > 0 && atlas_diagram_view_get_base_renders (v) > 0;
}

static void
show_view (Fixture    *f,
           const char *name)
{
  atlas_window_set_view (f->window, name);
  assert_true (atlas_test_wait_for (has_rendered, view (f, name), 5000));
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->settings = atlas_test_settings_new ();
  atlas_settings_set_window_size (f->settings, 1500, 950, FALSE);
  f->window = atlas_test_open_window (f->settings);
  show_view (f, "front");
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  atlas_test_close_window (GTK_WINDOW (f->window));
  atlas_test_assert_finalized (f->settings);
  g_free (f);
  return 0;
}

static void
widget_point (AtlasDiagramView *v,
              const char       *region_id,
              double           *x,
              double           *y)
{
  const AtlasRegion *region = atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (v), region_id);

  assert_non_null (region);
  atlas_diagram_view_doc_to_widget (v, region->anchor_x, region->anchor_y, x, y);
}

static void
test_pointer_finds_regions_and_hover_does_not_rerender (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *v = view (f, "front");
  guint renders;
  double x, y;

  atlas_test_iterate ();
  renders = atlas_diagram_view_get_base_renders (v);

  widget_point (v, "psoas-major-left", &x, &y);
  assert_string_equal (atlas_diagram_view_pick (v, x, y), "psoas-major-left");
  widget_point (v, "lesser-trochanter-right", &x, &y);
  assert_string_equal (atlas_diagram_view_pick (v, x, y), "lesser-trochanter-right");
  assert_null (atlas_diagram_view_pick (v, 2, 2));

  /* Hovering repaints only the overlay: the base picture is not rendered again. */
  for (guint i = 0; i < atlas_diagram_get_n_regions (atlas_diagram_view_get_diagram (v)); i++)
    {
      atlas_diagram_view_set_hovered_region (v, atlas_diagram_get_region (atlas_diagram_view_get_diagram (v), i)->id);
      atlas_test_iterate ();
    }
  assert_int_equal (atlas_diagram_view_get_base_renders (v), renders);
}

static void
test_zoom_keeps_the_point_under_the_pointer (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *v = view (f, "front");
  double x, y, doc_x, doc_y, after_x, after_y, scale_before;

  widget_point (v, "iliacus-right", &x, &y);
  atlas_diagram_view_widget_to_doc (v, x, y, &doc_x, &doc_y);
  scale_before = atlas_diagram_view_get_cache_scale (v);

  atlas_diagram_view_zoom_at (v, 3.0, x, y);
  assert_float_equal (atlas_diagram_view_get_zoom (v), 3.0, 1e-9);
  atlas_diagram_view_widget_to_doc (v, x, y, &after_x, &after_y);
  assert_float_equal (after_x, doc_x, 1e-6);
  assert_float_equal (after_y, doc_y, 1e-6);
  assert_string_equal (atlas_diagram_view_pick (v, x, y), "iliacus-right");

  /* Right after the zoom the old picture is stretched; once it settles it is rendered sharp. */
  atlas_test_iterate ();
  assert_true (atlas_test_wait_for (is_sharp, v, 5000));
  g_usleep (300 * 1000);
  atlas_test_iterate ();
  gtk_widget_queue_draw (GTK_WIDGET (v));
  atlas_test_iterate ();
  {
    gboolean done = FALSE;
    for (int i = 0; i < 50 && !done; i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (20 * 1000);
        done = atlas_diagram_view_get_cache_scale (v) > scale_before * 2.5;
      }
    assert_true (done);
  }
}

static void
test_zoom_is_clamped_and_keys_work (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *v = view (f, "front");

  gtk_widget_activate_action (GTK_WIDGET (v), "diagram.zoom-in", NULL);
  assert_float_equal (atlas_diagram_view_get_zoom (v), 1.25, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (v), "diagram.zoom-out", NULL);
  assert_float_equal (atlas_diagram_view_get_zoom (v), 1.0, 1e-9);

  atlas_diagram_view_set_zoom (v, 1e9);
  assert_float_equal (atlas_diagram_view_get_zoom (v), ATLAS_DIAGRAM_VIEW_MAX_ZOOM, 1e-9);
  atlas_diagram_view_set_zoom (v, 1e-9);
  assert_float_equal (atlas_diagram_view_get_zoom (v), ATLAS_DIAGRAM_VIEW_MIN_ZOOM, 1e-9);
  atlas_diagram_view_set_zoom (v, NAN);
  assert_float_equal (atlas_diagram_view_get_zoom (v), 1.0, 1e-9);

  /* Panning can never lose the drawing. */
  for (int i = 0; i < 100; i++)
    gtk_widget_activate_action (GTK_WIDGET (v), "diagram.pan", "(ii)", 1, 1);
  {
    double doc_x, doc_y;
    atlas_diagram_view_widget_to_doc (v, gtk_widget_get_width (GTK_WIDGET (v)) / 2.0,
                                      gtk_widget_get_height (GTK_WIDGET (v)) / 2.0, &doc_x, &doc_y);
    assert_true (doc_x <= atlas_diagram_get_width (atlas_diagram_view_get_diagram (v)) + 1);
    assert_true (doc_y <= atlas_diagram_get_height (atlas_diagram_view_get_diagram (v)) + 1);
  }

  /* The fit action restores the whole drawing. */
  gtk_widget_activate_action (GTK_WIDGET (v), "diagram.zoom-fit", NULL);
  assert_float_equal (atlas_diagram_view_get_zoom (v), 1.0, 1e-9);
}

static void
test_each_view_keeps_its_own_zoom (void **state)
{
  Fixture *f = *state;

  atlas_diagram_view_set_zoom (view (f, "front"), 2.0);
  show_view (f, "side");
  assert_float_equal (atlas_diagram_view_get_zoom (view (f, "side")), 1.0, 1e-9);
  atlas_diagram_view_set_zoom (view (f, "side"), 3.0);
  show_view (f, "front");
  assert_float_equal (atlas_diagram_view_get_zoom (view (f, "front")), 2.0, 1e-9);
  show_view (f, "side");
  assert_float_equal (atlas_diagram_view_get_zoom (view (f, "side")), 3.0, 1e-9);
}

static gboolean
row_marked (GtkWidget *row)
{
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0;
}

/* Arrowing through the list moves the focus, not the selection: the explanation stays on
 * what was chosen until Enter (or Space) chooses another. */
static void
test_list_selection_does_not_follow_focus (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *v = view (f, "front");
  AtlasStructureList *list = ATLAS_STRUCTURE_LIST (atlas_test_window_child (f->window, "structure_list"));
  GtkListBox *list_box = atlas_structure_list_get_list_box (list);
  GtkWidget *chosen = atlas_structure_list_get_row (list, "psoas-major-right");
  GtkWidget *focus;

  gtk_widget_activate (chosen);
  assert_string_equal (atlas_diagram_view_get_selected_region (v), "psoas-major-right");
  gtk_widget_grab_focus (chosen);

  for (guint i = 0; i < 3; i++)
    g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_true (GTK_IS_LIST_BOX_ROW (focus) && focus != chosen);
  assert_string_equal (atlas_diagram_view_get_selected_region (v), "psoas-major-right");
  assert_true (row_marked (chosen));
  assert_false (row_marked (focus));

  /* Enter on the focused row chooses it. */
  g_signal_emit_by_name (list_box, "activate-cursor-row");
  assert_string_equal (atlas_diagram_view_get_selected_region (v), g_object_get_data (G_OBJECT (focus), "region-id"));
  assert_true (row_marked (focus));
  assert_false (row_marked (chosen));
}

static void
test_selection_syncs_list_diagram_and_pane (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *v = view (f, "front");
  AtlasStructureList *list = ATLAS_STRUCTURE_LIST (atlas_test_window_child (f->window, "structure_list"));
  AtlasExplanationPane *pane = ATLAS_EXPLANATION_PANE (atlas_test_window_child (f->window, "explanation_pane"));
  g_autofree char *text = NULL;
  GtkWidget *row;

  /* Every visible region of the view is a row, reachable by keyboard. */
  for (guint i = 0; i < atlas_diagram_get_n_regions (atlas_diagram_view_get_diagram (v)); i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (atlas_diagram_view_get_diagram (v), i);

      row = atlas_structure_list_get_row (list, region->id);
      assert_non_null (row);
      assert_true (gtk_widget_get_focusable (row));
    }

  /* List → diagram → pane: a click, Enter or Space activates the row. */
  row = atlas_structure_list_get_row (list, "psoas-major-right");
  gtk_widget_activate (row);
  assert_string_equal (atlas_diagram_view_get_selected_region (v), "psoas-major-right");
  text = atlas_explanation_pane_dup_text (pane);
  assert_true (g_str_has_prefix (text, "Psoas major\n"));

  /* Diagram → list → pane. */
  atlas_diagram_view_set_selected_region (v, "femur-left");
  assert_true (row_marked (atlas_structure_list_get_row (list, "femur-left")));
  assert_false (row_marked (atlas_structure_list_get_row (list, "psoas-major-right")));
  g_free (text);
  text = atlas_explanation_pane_dup_text (pane);
  assert_true (g_str_has_prefix (text, "Femur"));

  /* Escape clears everything. */
  gtk_widget_activate_action (GTK_WIDGET (v), "diagram.clear-selection", NULL);
  assert_null (atlas_diagram_view_get_selected_region (v));
  assert_false (row_marked (atlas_structure_list_get_row (list, "femur-left")));
  g_free (text);
  text = atlas_explanation_pane_dup_text (pane);
  assert_true (g_str_has_prefix (text, "Select a Structure"));

  /* Switching view shows that view's regions in the list. */
  show_view (f, "section");
  assert_non_null (atlas_structure_list_get_row (list, "aorta"));
  assert_null (atlas_structure_list_get_row (list, "femur-left"));
}

static gboolean
wait_a_moment (gpointer data)
{
  return FALSE;
}

/* With Large Text, with a tour's card over the top and the controls over the bottom corner,
 * no name on the diagram runs under either, at a wide and at a narrow size. */
static void
test_labels_stay_clear_of_cards_and_controls (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *v = view (f, "front");
  GtkWidget *toolbar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page (f, "front")), ATLAS_TYPE_VIEW_PAGE, "toolbar"));
  GtkWidget *card = atlas_test_window_child (f->window, "tour_card");
  const int widths[] = { 1500, 700 };

  atlas_settings_set_large_text (f->settings, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tour-start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tour-next", NULL);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      graphene_rect_t controls, caption;
      guint n = 0;

      gtk_window_set_default_size (GTK_WINDOW (f->window), widths[w], 950);
      atlas_test_wait_for (wait_a_moment, NULL, 800);
      assert_non_null (atlas_window_get_tour (f->window));
      assert_true (gtk_widget_compute_bounds (toolbar, GTK_WIDGET (v), &controls));
      assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (v), &caption));

      for (guint i = 0; i < 64; i++)
        {
          graphene_rect_t label;
          const char *id;

          if (!atlas_diagram_view_get_label_bounds (v, i, &id, &label))
            continue;
          n++;
          if (graphene_rect_intersection (&label, &controls, NULL))
            fail_msg ("at %d px the label of %s runs under the controls", widths[w], id);
          if (graphene_rect_intersection (&label, &caption, NULL))
            fail_msg ("at %d px the label of %s runs under the tour's card", widths[w], id);
        }
      assert_true (n > 5);
    }
}

static void
check_labels_clear (AtlasDiagramView *v)
{
  guint n = 0;
  const char *selected = atlas_diagram_view_get_selected_region (v);
  const AtlasRegion *region = atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (v), selected);
  graphene_rect_t outline;
  double x0, y0, x1, y1;

  atlas_diagram_view_doc_to_widget (v, region->x, region->y, &x0, &y0);
  atlas_diagram_view_doc_to_widget (v, region->x + region->width, region->y + region->height, &x1, &y1);
  graphene_rect_init (&outline, x0, y0, x1 - x0, y1 - y0);

  for (guint i = 0; i < 64; i++)
    {
      graphene_rect_t a;
      const char *id;

      if (!atlas_diagram_view_get_label_bounds (v, i, &id, &a))
        continue;
      n++;

      /* Labels stay off the highlighted region… */
      assert_false (graphene_rect_intersection (&a, &outline, NULL));
      /* …and off each other. */
      for (guint j = i + 1; j < 64; j++)
        {
          graphene_rect_t b;
          const char *other;

          if (atlas_diagram_view_get_label_bounds (v, j, &other, &b))
            assert_false (graphene_rect_intersection (&a, &b, NULL));
        }
    }

  assert_int_equal (n, atlas_diagram_view_get_n_visible_labels (v));
}

static void
test_labels_never_overlap_at_default_zoom (void **state)
{
  Fixture *f = *state;
  static const struct { const char *view; const char *region; } cases[] = {
    { "front", "psoas-major-left" },
    { "front", "iliacus-right" },
    { "side", "psoas-major-right" },
    { "section", "psoas-major-left" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDiagramView *v = view (f, cases[i].view);

      show_view (f, cases[i].view);
      atlas_diagram_view_set_selected_region (v, cases[i].region);
      gtk_widget_queue_draw (GTK_WIDGET (v));
      atlas_test_iterate ();
      g_usleep (50 * 1000);
      atlas_test_iterate ();

      assert_true (atlas_diagram_view_get_n_visible_labels (v) >= 10);
      check_labels_clear (v);
    }

  /* Labels can be turned off. */
  gtk_widget_activate_action (GTK_WIDGET (page (f, "section")), "page.show-labels", NULL);
  assert_false (atlas_diagram_view_get_show_labels (view (f, "section")));
  assert_int_equal (atlas_diagram_view_get_n_visible_labels (view (f, "section")), 0);
}

static void
test_nerves_and_posture_toggle (void **state)
{
  Fixture *f = *state;
  AtlasStructureList *list = ATLAS_STRUCTURE_LIST (atlas_test_window_child (f->window, "structure_list"));
  AtlasDiagramView *front = view (f, "front");
  AtlasDiagramView *side = view (f, "side");
  double x, y;

  assert_true (atlas_diagram_view_get_show_nerves (front));
  atlas_diagram_view_set_selected_region (front, "femoral-nerve-left");
  widget_point (front, "femoral-nerve-left", &x, &y);

  gtk_widget_activate_action (GTK_WIDGET (page (f, "front")), "page.show-nerves", NULL);
  assert_false (atlas_diagram_view_get_show_nerves (front));
  /* A hidden nerve is neither selected, listed nor under the pointer any more. */
  assert_null (atlas_diagram_view_get_selected_region (front));
  assert_null (atlas_structure_list_get_row (list, "femoral-nerve-left"));
  assert_false (g_strcmp0 (atlas_diagram_view_pick (front, x, y), "femoral-nerve-left") == 0);

  show_view (f, "side");
  assert_int_equal (atlas_diagram_view_get_n_states (side), 2);
  atlas_diagram_view_set_selected_region (side, "psoas-major-right");
  gtk_widget_activate_action (GTK_WIDGET (page (f, "side")), "page.state", "u", 1);
  assert_int_equal (atlas_diagram_view_get_state (side), 1);
  /* The same structures are listed in the other posture. */
  assert_non_null (atlas_structure_list_get_row (list, "psoas-major-right"));
}

/* The side view's slider moves the drawing between the postures: arrow keys step it, and the
 * selection, hit testing and labels follow the moving drawing. */
static void
test_posture_slider_morphs_the_side_view (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *side = view (f, "side");
  GtkRange *scale = GTK_RANGE (gtk_widget_get_template_child (GTK_WIDGET (page (f, "side")), ATLAS_TYPE_VIEW_PAGE,
                                                              "posture_scale"));
  double x0, y0, x1, y1;
  guint renders;

  show_view (f, "side");
  assert_true (atlas_diagram_view_is_morphable (side));
  assert_true (gtk_widget_get_visible (GTK_WIDGET (scale)));
  assert_true (gtk_widget_get_focusable (GTK_WIDGET (scale)));
  atlas_diagram_view_set_selected_region (side, "psoas-major-right");
  widget_point (side, "psoas-major-right", &x0, &y0);

  /* What the Right arrow key does to a focused slider: one step toward "shortened". */
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_STEP_RIGHT);
  assert_true (fabs (atlas_diagram_view_get_morph (side) - 0.05) < 1e-9);
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_PAGE_RIGHT);
  assert_true (fabs (atlas_diagram_view_get_morph (side) - 0.30) < 1e-9);

  /* Half way: the psoas has moved, is still selected and is what a click on it picks. */
  renders = atlas_diagram_view_get_base_renders (side);
  gtk_range_set_value (scale, 0.5);
  assert_true (fabs (atlas_diagram_view_get_morph (side) - 0.5) < 1e-9);
  assert_int_equal (atlas_diagram_view_get_state (side), 1);
  atlas_test_iterate ();
  widget_point (side, "psoas-major-right", &x1, &y1);
  assert_true (hypot (x1 - x0, y1 - y0) > 2);
  assert_string_equal (atlas_diagram_view_pick (side, x1, y1), "psoas-major-right");
  assert_string_equal (atlas_diagram_view_get_selected_region (side), "psoas-major-right");
  gtk_widget_queue_draw (GTK_WIDGET (side));
  atlas_test_iterate ();
  g_usleep (50 * 1000);
  atlas_test_iterate ();
  assert_true (atlas_diagram_view_get_base_renders (side) > renders);

  /* Naming a posture moves the slider with it. */
  atlas_diagram_view_set_morph (side, 0.0);
  assert_true (gtk_range_get_value (scale) == 0.0);
  assert_int_equal (atlas_diagram_view_get_state (side), 0);
}

/* Where one label serves a pair, its leader points at the side that is selected. */
static void
test_pair_label_points_at_the_selected_side (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *front = view (f, "front");
  static const char * const sides[] = { "psoas-major-left", "psoas-major-right" };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      gboolean found = FALSE;
      double ax, ay;

      atlas_diagram_view_set_selected_region (front, sides[s]);
      gtk_widget_queue_draw (GTK_WIDGET (front));
      atlas_test_iterate ();
      widget_point (front, sides[s], &ax, &ay);

      for (guint i = 0; i < 64; i++)
        {
          graphene_rect_t bounds;
          const char *id;
          double x, y;

          if (!atlas_diagram_view_get_label_bounds (front, i, &id, &bounds) || !g_str_has_prefix (id, "psoas-major-"))
            continue;
          assert_true (atlas_diagram_view_get_label_leader (front, i, &x, &y));
          assert_true (fabs (x - ax) < 0.5 && fabs (y - ay) < 0.5);
          found = TRUE;
        }
      assert_true (found);
    }
}

/* At 1280×800 with both side panes open, the wide cross-section takes the width and its labels
 * go above and below it: the slice fills at least 60% of the view's width. */
static void
test_section_uses_the_width (void **state)
{
  AtlasSettings *settings = atlas_test_settings_new ();
  AtlasWindow *window;
  AtlasDiagramView *section;
  double x, y, w, h, left, right;

  atlas_settings_set_window_size (settings, 1280, 800, FALSE);
  window = atlas_test_open_window (settings);
  section = atlas_test_window_view (window, "section");
  atlas_window_set_view (window, "section");
  assert_true (atlas_test_wait_for (has_rendered, section, 5000));
  gtk_widget_queue_draw (GTK_WIDGET (section));
  atlas_test_iterate ();
  g_usleep (50 * 1000);
  atlas_test_iterate ();

  assert_true (atlas_diagram_view_get_labels_in_bands (section));
  atlas_diagram_get_content_bounds (atlas_diagram_view_get_diagram (section), &x, &y, &w, &h);
  atlas_diagram_view_doc_to_widget (section, x, y, &left, NULL);
  atlas_diagram_view_doc_to_widget (section, x + w, y, &right, NULL);
  print_message ("cross-section: %.0f of %d pixels (%.0f%%)\n", right - left, gtk_widget_get_width (GTK_WIDGET (section)),
                 100 * (right - left) / gtk_widget_get_width (GTK_WIDGET (section)));
  assert_true (right - left >= 0.6 * gtk_widget_get_width (GTK_WIDGET (section)));
  /* Every structure of the slice keeps its label. */
  {
    g_autoptr(GPtrArray) labelled = atlas_label_choose_regions (atlas_diagram_view_get_diagram (section));

    assert_int_equal (atlas_diagram_view_get_n_visible_labels (section), labelled->len);
  }

  /* Tall views keep their label columns. */
  assert_false (atlas_diagram_view_get_labels_in_bands (atlas_test_window_view (window, "front")));

  atlas_test_close_window (GTK_WINDOW (window));
  atlas_test_assert_finalized (settings);
}

static void
test_broken_diagram_leaves_other_views_working (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "diagrams", "malformed.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };

  assert_false (atlas_view_page_load_files (page (f, "section"), files, 1));
  assert_non_null (strstr (atlas_view_page_get_error (page (f, "section")), "malformed.svg:5:"));
  assert_null (atlas_diagram_view_get_diagram (view (f, "section")));

  /* Showing the broken view is harmless, and the others still work. */
  atlas_window_set_view (f->window, "section");
  atlas_test_iterate ();
  show_view (f, "front");
  assert_non_null (atlas_diagram_view_get_diagram (view (f, "front")));
  assert_null (atlas_view_page_get_error (page (f, "front")));
}

static void
test_dark_style_restyles_the_diagram (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *v = view (f, "front");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  atlas_test_iterate ();
  assert_int_equal (atlas_diagram_get_style (atlas_diagram_view_get_diagram (v)), ATLAS_DIAGRAM_STYLE_DARK);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  atlas_test_iterate ();
  assert_int_equal (atlas_diagram_get_style (atlas_diagram_view_get_diagram (v)), ATLAS_DIAGRAM_STYLE_LIGHT);
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_pointer_finds_regions_and_hover_does_not_rerender, setup, teardown),
    cmocka_unit_test_setup_teardown (test_zoom_keeps_the_point_under_the_pointer, setup, teardown),
    cmocka_unit_test_setup_teardown (test_zoom_is_clamped_and_keys_work, setup, teardown),
    cmocka_unit_test_setup_teardown (test_each_view_keeps_its_own_zoom, setup, teardown),
    cmocka_unit_test_setup_teardown (test_list_selection_does_not_follow_focus, setup, teardown),
    cmocka_unit_test_setup_teardown (test_selection_syncs_list_diagram_and_pane, setup, teardown),
    cmocka_unit_test_setup_teardown (test_labels_never_overlap_at_default_zoom, setup, teardown),
    cmocka_unit_test_setup_teardown (test_posture_slider_morphs_the_side_view, setup, teardown),
    cmocka_unit_test_setup_teardown (test_pair_label_points_at_the_selected_side, setup, teardown),
    cmocka_unit_test (test_section_uses_the_width),
    cmocka_unit_test_setup_teardown (test_labels_stay_clear_of_cards_and_controls, setup, teardown),
    cmocka_unit_test_setup_teardown (test_nerves_and_posture_toggle, setup, teardown),
    cmocka_unit_test_setup_teardown (test_broken_diagram_leaves_other_views_working, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dark_style_restyles_the_diagram, setup, teardown),
  };

  gtk_init ();
  return cmocka_run_group_tests_name ("diagram-view", tests, NULL, NULL);
}
