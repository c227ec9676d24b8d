/* test-window.c — the main window in a real X server.
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

#include "atlas-checklist-pane.h"
#include "atlas-structure-list.h"
#include "atlas-structures.h"
#include "atlas-test-ui.h"
#include "atlas-tour-card.h"
#include "atlas-view-page.h"
#include "atlas-window.h"

typedef struct
{
  AtlasSettings *settings;
  AtlasWindow   *window;
} Fixture;

static AtlasWindow *
open_window (AtlasSettings *settings)
{
  return atlas_test_open_window (settings);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->settings = atlas_test_settings_new ();
  atlas_settings_set_window_size (f->settings, 1400, 900, FALSE);
  f->window = open_window (f->settings);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  if (f->window != NULL)
    atlas_test_close_window (GTK_WINDOW (f->window));
  atlas_test_assert_finalized (f->settings);
  g_free (f);
  return 0;
}

static void
test_window_has_three_areas (void **state)
{
  Fixture *f = *state;
  AdwViewStack *stack = ADW_VIEW_STACK (atlas_test_window_child (f->window, "view_stack"));
  GtkWidget *checklist = GTK_WIDGET (atlas_test_window_child (f->window, "checklist_pane"));
  GtkWidget *explanation = GTK_WIDGET (atlas_test_window_child (f->window, "explanation_pane"));
  GtkWidget *diagram = GTK_WIDGET (stack);
  graphene_rect_t c, d, e;

  /* Three views, in the order a teacher walks through them. */
  assert_non_null (adw_view_stack_get_child_by_name (stack, "front"));
  assert_non_null (adw_view_stack_get_child_by_name (stack, "side"));
  assert_non_null (adw_view_stack_get_child_by_name (stack, "section"));
  assert_string_equal (atlas_window_get_view (f->window), "front");

  /* At a wide size all three areas are on screen, side by side: checklist, diagram,
   * explanation, with the diagram getting the most room. */
  assert_true (gtk_widget_get_mapped (checklist));
  assert_true (gtk_widget_get_mapped (explanation));
  assert_true (gtk_widget_compute_bounds (checklist, GTK_WIDGET (f->window), &c));
  assert_true (gtk_widget_compute_bounds (diagram, GTK_WIDGET (f->window), &d));
  assert_true (gtk_widget_compute_bounds (explanation, GTK_WIDGET (f->window), &e));
  assert_true (c.origin.x + c.size.width <= d.origin.x + 1);
  assert_true (d.origin.x + d.size.width <= e.origin.x + 1);
  assert_true (d.size.width > c.size.width);
  assert_true (d.size.width > e.size.width);

  /* The header carries the view switcher and the main menu. */
  assert_non_null (atlas_test_find_by_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  assert_non_null (atlas_test_find_by_type (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON));
}

/* The toggle button in @widget's tree that activates @action. */
static GtkToggleButton *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return GTK_TOGGLE_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_toggle_checklist_is_remembered (void **state)
{
  Fixture *f = *state;
  AtlasWindow *second;

  assert_true (atlas_window_get_show_checklist (f->window));
  /* The pane buttons show the panes as they are from the start (pressed: shown). */
  assert_true (gtk_toggle_button_get_active (find_actionable (GTK_WIDGET (f->window), "win.show-checklist")));
  assert_true (gtk_toggle_button_get_active (find_actionable (GTK_WIDGET (f->window), "win.show-explanation")));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-checklist", NULL);
  atlas_test_iterate ();

  assert_false (atlas_window_get_show_checklist (f->window));
  assert_false (atlas_settings_get_show_checklist (f->settings));
  assert_false (gtk_toggle_button_get_active (find_actionable (GTK_WIDGET (f->window), "win.show-checklist")));

  /* A new window (the next start) opens with the checklist hidden. */
  second = open_window (f->settings);
  assert_false (atlas_window_get_show_checklist (second));
  assert_true (atlas_window_get_show_explanation (second));
  atlas_test_close_window (GTK_WINDOW (second));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-explanation", NULL);
  atlas_test_iterate ();
  assert_false (atlas_window_get_show_explanation (f->window));
  assert_false (atlas_settings_get_show_explanation (f->settings));
}

static gboolean
both_folded (gpointer data)
{
  AtlasWindow *window = data;

  return adw_flap_get_folded (ADW_FLAP (atlas_test_window_child (window, "checklist_flap"))) &&
         adw_flap_get_folded (ADW_FLAP (atlas_test_window_child (window, "explanation_flap")));
}

static void
test_narrow_window_folds_panes (void **state)
{
  Fixture *f = *state;
  AtlasWindow *narrow;
  GtkWidget *stack;

  atlas_test_close_window (GTK_WINDOW (f->window));
  f->window = NULL;

  atlas_settings_set_window_size (f->settings, 640, 700, FALSE);
  narrow = open_window (f->settings);
  assert_true (atlas_test_wait_for (both_folded, narrow, 5000));

  /* Folded panes are hidden so the diagram keeps the whole width… */
  assert_false (atlas_window_get_show_checklist (narrow));
  assert_false (atlas_window_get_show_explanation (narrow));
  stack = GTK_WIDGET (atlas_test_window_child (narrow, "view_stack"));
  assert_true (gtk_widget_get_width (stack) >= gtk_widget_get_width (GTK_WIDGET (narrow)) - 1);

  /* …but folding is not the user's choice, so it is not remembered as one. */
  assert_true (atlas_settings_get_show_checklist (f->settings));
  assert_true (atlas_settings_get_show_explanation (f->settings));

  /* The user can still open a folded pane on demand, over the diagram. */
  gtk_widget_activate_action (GTK_WIDGET (narrow), "win.show-explanation", NULL);
  atlas_test_iterate ();
  assert_true (atlas_window_get_show_explanation (narrow));
  assert_true (atlas_settings_get_show_explanation (f->settings));

  atlas_test_close_window (GTK_WINDOW (narrow));
}

/* Flaps slide: a test waits for them to come to rest (an animation cut short by closing the
 * window would keep it alive). */
static gboolean
flaps_at_rest (gpointer data)
{
  const char *names[] = { "checklist_flap", "explanation_flap" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AdwFlap *flap = atlas_test_window_child (data, names[i]);

      if (adw_flap_get_reveal_progress (flap) != (adw_flap_get_reveal_flap (flap) ? 1.0 : 0.0))
        return FALSE;
    }
  return TRUE;
}

static void
settle (AtlasWindow *window)
{
  atlas_test_iterate ();
  assert_true (atlas_test_wait_for (flaps_at_rest, window, 5000));
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 380;
}

/* The structure list as a user meets it: headed groups in order, every region a row, the
 * choice in step with the diagram both ways, and the keyboard reaching the last row. A window
 * builds the rows out of sight after its first frame: a structure chosen before that (by a
 * search, a tour or a click on the diagram) must still have its row, marked. */
static void
test_structure_list_rows_headings_and_early_choice (void **state)
{
  Fixture *f = *state;
  AtlasWindow *early;
  const AtlasRegion *late = NULL;
  g_autofree char *late_id = NULL;
  AtlasStructureList *list;
  AtlasDiagramView *front;
  AtlasDiagram *diagram;
  GtkListBox *list_box;
  GtkWidget *row, *last = NULL, *focus;
  const char *headings[ATLAS_N_GROUPS] = { NULL };
  guint n_rows = 0, n_headings = 0, n_visible = 0;
  AtlasGroup group = ATLAS_N_GROUPS;
  const char *last_id;

  /* Chosen from the diagram before the new window has shown a frame. */
  early = atlas_window_new (GTK_APPLICATION (atlas_test_application ()), f->settings);
  front = atlas_test_window_view (early, "front");
  list = atlas_test_window_child (early, "structure_list");
  diagram = atlas_diagram_view_get_diagram (front);
  /* One of the last rows: of the last group, far below what the sidebar shows at first. */
  for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

      if (atlas_diagram_region_is_visible (diagram, region) &&
          (late == NULL || atlas_region_get_group (region) >= atlas_region_get_group (late)))
        late = region;
    }
  late_id = g_strdup (late->id);
  atlas_diagram_view_set_selected_region (front, late_id);
  assert_string_equal (atlas_structure_list_get_selected (list), late_id);
  row = atlas_structure_list_get_row (list, late_id);
  assert_non_null (row);
  assert_true (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED);
  gtk_window_destroy (GTK_WINDOW (early));

  /* Order and headings in the shown window: each group once, under its heading, bones first. */
  list = atlas_test_window_child (f->window, "structure_list");
  front = atlas_test_window_view (f->window, "front");
  diagram = atlas_diagram_view_get_diagram (front);
  for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
    n_visible += atlas_diagram_region_is_visible (diagram, atlas_diagram_get_region (diagram, i));
  list_box = atlas_structure_list_get_list_box (list);
  for (int i = 0; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, i))) != NULL; i++)
    {
      const AtlasRegion *region = atlas_diagram_lookup_region (diagram, g_object_get_data (G_OBJECT (row), "region-id"));
      GtkWidget *header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));

      assert_non_null (region);
      assert_true (gtk_widget_get_focusable (row));
      if (atlas_region_get_group (region) != group)
        {
          assert_true (group == ATLAS_N_GROUPS || atlas_region_get_group (region) > group);
          group = atlas_region_get_group (region);
          assert_true (GTK_IS_LABEL (header));
          assert_false (gtk_widget_get_focusable (header));
          /* On screen, not only measured: the list box holds it (and shows it once scrolled to). */
          assert_ptr_equal (gtk_widget_get_parent (header), list_box);
          assert_true (gtk_widget_get_visible (header));
          assert_string_equal (gtk_label_get_text (GTK_LABEL (header)), atlas_group_get_title (group));
          headings[n_headings++] = gtk_label_get_text (GTK_LABEL (header));
        }
      else
        assert_null (header);
      n_rows++;
      last = row;
    }
  assert_int_equal (n_rows, n_visible);
  assert_true (n_headings >= 3);
  assert_string_equal (headings[0], "Bones and Discs");
  assert_string_equal (headings[1], "Muscles");

  /* The keyboard: from the first row, End reaches the last one; Enter chooses it, and the
   * diagram follows. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0)));
  g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_ptr_equal (focus, last);
  g_signal_emit_by_name (list_box, "activate-cursor-row");
  last_id = g_object_get_data (G_OBJECT (last), "region-id");
  assert_string_equal (atlas_diagram_view_get_selected_region (front), last_id);
  assert_true (gtk_widget_get_state_flags (last) & GTK_STATE_FLAG_SELECTED);
  /* Home goes back to the first row without choosing it. */
  g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE, FALSE);
  assert_ptr_equal (gtk_root_get_focus (GTK_ROOT (f->window)), gtk_list_box_get_row_at_index (list_box, 0));
  assert_string_equal (atlas_diagram_view_get_selected_region (front), last_id);

  /* The diagram's choice marks the row and unmarks the other. */
  atlas_diagram_view_set_selected_region (front, "psoas-major-right");
  assert_true (gtk_widget_get_state_flags (atlas_structure_list_get_row (list, "psoas-major-right")) & GTK_STATE_FLAG_SELECTED);
  assert_false (gtk_widget_get_state_flags (last) & GTK_STATE_FLAG_SELECTED);
}

/* A phone-sized window (or a tiled half screen): 360 pixels wide works. The panes fold,
 * choosing a structure opens its explanation like a page with a way back, and only one pane
 * covers the diagram at a time. */
static void
test_phone_sized_window (void **state)
{
  Fixture *f = *state;
  AtlasWindow *narrow;
  AtlasStructureList *list;
  GtkWidget *back;

  atlas_test_close_window (GTK_WINDOW (f->window));
  f->window = NULL;

  atlas_settings_set_window_size (f->settings, 360, 640, FALSE);
  narrow = open_window (f->settings);
  assert_true (atlas_test_wait_for (both_folded, narrow, 5000));
  assert_true (atlas_test_wait_for (is_narrow, narrow, 5000));
  /* What the metainfo promises (display_length 360): the content asks for no more. */
  {
    int minimum;

    gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (narrow)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    assert_true (minimum <= 360);
  }
  back = atlas_test_window_child (narrow, "explanation_back");
  list = atlas_test_window_child (narrow, "structure_list");

  /* The list opens over the diagram; choosing in it opens the explanation in its place. */
  atlas_window_set_show_checklist (narrow, TRUE);
  settle (narrow);
  gtk_widget_activate (atlas_structure_list_get_row (list, "psoas-major-left"));
  settle (narrow);
  assert_true (atlas_window_get_show_explanation (narrow));
  assert_false (atlas_window_get_show_checklist (narrow));
  assert_true (gtk_widget_get_visible (back));

  /* Back to the diagram. */
  g_signal_emit_by_name (back, "clicked");
  settle (narrow);
  assert_false (atlas_window_get_show_explanation (narrow));
  assert_string_equal (atlas_diagram_view_get_selected_region (atlas_test_window_view (narrow, "front")), "psoas-major-left");

  /* Opening the list again closes the explanation. */
  atlas_window_set_show_explanation (narrow, TRUE);
  atlas_window_set_show_checklist (narrow, TRUE);
  settle (narrow);
  assert_false (atlas_window_get_show_explanation (narrow));

  atlas_test_close_window (GTK_WINDOW (narrow));
}

static void
test_size_is_saved_on_close (void **state)
{
  Fixture *f = *state;
  int width, height;
  gboolean maximized;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1111, 777);
  atlas_test_close_window (GTK_WINDOW (f->window));
  f->window = NULL;

  atlas_settings_get_window_size (f->settings, &width, &height, &maximized);
  assert_int_equal (width, 1111);
  assert_int_equal (height, 777);
  assert_false (maximized);
}

static void
test_view_switching_actions (void **state)
{
  Fixture *f = *state;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "section");
  assert_string_equal (atlas_window_get_view (f->window), "section");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "side");
  assert_string_equal (atlas_window_get_view (f->window), "side");
}

static gboolean
has_toplevel_of_type (gpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (item), type) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        return TRUE;
    }

  return FALSE;
}

static void
close_toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (item), type))
        {
          gtk_window_destroy (GTK_WINDOW (item));
          i = (guint) -1;
        }
    }
  atlas_test_iterate ();
}

static void
test_menu_opens_about_and_shortcuts (void **state)
{
  Fixture *f = *state;
  GtkMenuButton *menu = GTK_MENU_BUTTON (atlas_test_find_by_type (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON));
  GMenuModel *model = gtk_menu_button_get_menu_model (menu);
  gboolean found_about = FALSE, found_shortcuts = FALSE;

  /* The main menu offers both entries… */
  for (int s = 0; s < g_menu_model_get_n_items (model); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          found_about |= g_strcmp0 (action, "app.about") == 0;
          found_shortcuts |= g_strcmp0 (action, "win.show-help-overlay") == 0;
        }
    }
  assert_true (found_about);
  assert_true (found_shortcuts);

  /* …and both open a window. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.about", NULL);
  assert_true (atlas_test_wait_for (has_toplevel_of_type, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 5000));
  close_toplevels_of_type (ADW_TYPE_ABOUT_WINDOW);

  /* The shortcuts are built on first use: they open the first time and every time after,
   * and Ctrl+? still opens them. */
  for (int i = 0; i < 2; i++)
    {
      GtkWindow *shortcuts;

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
      assert_true (atlas_test_wait_for (has_toplevel_of_type, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));
      shortcuts = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
      assert_non_null (shortcuts);
      assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
      /* Closed as the user closes it: hidden, ready for the next time. */
      gtk_window_close (shortcuts);
      atlas_test_iterate ();
      assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    }
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (atlas_test_application ()),
                                                                  "win.show-help-overlay");

    assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  }
}

static gboolean
switcher_bar_shown (gpointer data)
{
  AdwViewSwitcherBar *bar = atlas_test_window_child (data, "switcher_bar");

  return adw_view_switcher_bar_get_reveal (bar) && atlas_window_get_part (data, "switcher_bar", FALSE) == bar;
}

static gboolean
has_child (gpointer data)
{
  return gtk_widget_get_first_child (data) != NULL;
}

/* Every shortcut on @widget's own shortcut controllers. */
static GPtrArray *
widget_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *shortcuts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        g_ptr_array_add (shortcuts, g_list_model_get_item (G_LIST_MODEL (controller), j));
    }
  return shortcuts;
}

/* Runs what the window's shortcut for @keyval with @modifiers names, as pressing it does. */
static void
press (AtlasWindow     *window,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) shortcuts = widget_shortcuts (GTK_WIDGET (window));

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
          gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
        {
          assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                     GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut)));
          atlas_test_iterate ();
          return;
        }
    }
  fail_msg ("No shortcut for %s", gtk_accelerator_name (keyval, modifiers));
}

/* The first frame shows the front view, its structures and the explanation. What it does not
 * show is built when it is first needed: the other views (their controls and diagrams), the
 * checklist pane, the tour and quiz cards, the search index, the shortcuts window. A window
 * that builds all of it up front opens noticeably slower. Each is built by what needs it, by
 * key as well as by hand, and then works. */
static void
test_start_up_builds_only_what_is_shown (void **state)
{
  Fixture *f = *state;
  AtlasViewPage *side = atlas_test_window_child (f->window, "side_page");
  AtlasViewPage *section = atlas_test_window_child (f->window, "section_page");
  AtlasViewPage *front = atlas_test_window_child (f->window, "front_page");
  GtkWidget *checklist = atlas_test_window_child (f->window, "symptom_checklist");
  GtkWidget *tour_revealer = atlas_test_window_child (f->window, "tour_revealer");
  GtkWidget *quiz_revealer = atlas_test_window_child (f->window, "quiz_revealer");

  assert_non_null (atlas_diagram_view_get_diagram (atlas_view_page_peek_diagram_view (front)));
  /* The other pages are shells: no controls, no diagram view. */
  assert_false (atlas_view_page_is_built (side));
  assert_false (atlas_view_page_is_built (section));
  assert_null (atlas_view_page_peek_diagram_view (side));
  assert_null (gtk_widget_get_first_child (GTK_WIDGET (side)));
  assert_null (atlas_window_get_part (f->window, "section_page", FALSE));
  assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  /* The structure list is the sidebar's first page; the checklist waits behind it, empty. */
  assert_false (gtk_widget_get_mapped (checklist));
  assert_null (atlas_window_get_part (f->window, "symptom_checklist", FALSE));
  assert_null (gtk_widget_get_first_child (checklist));
  assert_null (atlas_window_get_part (f->window, "tour_card", FALSE));
  assert_null (atlas_window_get_part (f->window, "quiz_card", FALSE));
  assert_null (gtk_revealer_get_child (GTK_REVEALER (tour_revealer)));
  assert_null (gtk_revealer_get_child (GTK_REVEALER (quiz_revealer)));
  assert_null (atlas_window_get_part (f->window, "search_index", FALSE));
  /* The bottom view switcher has no stack (and no buttons) in a wide window. */
  assert_null (atlas_window_get_part (f->window, "switcher_bar", FALSE));

  /* The ticks are the core checklist's, not the pane's: a tick lights the diagram while the
   * pane is still a shell, as a kept checklist does at start. */
  {
    AtlasChecklist *ticks = atlas_checklist_pane_get_checklist (ATLAS_CHECKLIST_PANE (checklist));

    atlas_checklist_set_symptom (ticks, "front-hip-tightness", TRUE, ATLAS_SIDE_NONE);
    assert_true (atlas_diagram_view_get_region_weight (atlas_view_page_peek_diagram_view (front), "psoas-major-left") > 0);
    assert_null (atlas_window_get_part (f->window, "symptom_checklist", FALSE));
    atlas_checklist_clear (ticks);
  }

  /* Alt+2 builds the side view and shows its diagram, the section still waits. */
  press (f->window, GDK_KEY_2, GDK_ALT_MASK);
  assert_string_equal (atlas_window_get_view (f->window), "side");
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_view_page_peek_diagram_view (side)));
  assert_non_null (atlas_diagram_view_get_diagram (atlas_view_page_peek_diagram_view (side)));
  assert_false (atlas_view_page_is_built (section));
  /* The view built late follows the window like the others: a click on it reaches the list. */
  atlas_diagram_view_set_selected_region (atlas_view_page_peek_diagram_view (side), "psoas-major-right");
  assert_string_equal (atlas_structure_list_get_selected (atlas_test_window_child (f->window, "structure_list")),
                       "psoas-major-right");

  /* Ctrl+F opens the search; the first search builds the index, once for every window. */
  press (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  assert_non_null (atlas_window_get_part (f->window, "search_index", FALSE));
  {
    AtlasWindow *second = open_window (f->settings);

    assert_ptr_equal (atlas_window_get_part (second, "search_index", FALSE),
                      atlas_window_get_part (f->window, "search_index", FALSE));
    atlas_test_close_window (GTK_WINDOW (second));
  }
  gtk_editable_set_text (GTK_EDITABLE (atlas_test_window_child (f->window, "search_entry")), "psoas");
  /* The entry waits a moment after typing before it searches. */
  assert_true (atlas_test_wait_for (has_child, atlas_test_window_child (f->window, "search_results"), 2000));
  gtk_search_bar_set_search_mode (atlas_test_window_child (f->window, "search_bar"), FALSE);

  /* The Symptoms tab builds the checklist pane, with its rows. */
  gtk_stack_set_visible_child_name (atlas_test_window_child (f->window, "sidebar_stack"), "symptoms");
  atlas_test_wait_for_mapped (checklist);
  assert_non_null (atlas_window_get_part (f->window, "symptom_checklist", FALSE));
  assert_non_null (atlas_test_find_by_type (checklist, GTK_TYPE_CHECK_BUTTON));

  /* F5 makes the tour card, showing the first step; F6 the quiz card, with a question. */
  press (f->window, GDK_KEY_F5, 0);
  assert_non_null (atlas_window_get_part (f->window, "tour_card", FALSE));
  assert_ptr_equal (gtk_revealer_get_child (GTK_REVEALER (tour_revealer)), atlas_window_get_part (f->window, "tour_card", FALSE));
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (tour_revealer)));
  assert_int_equal (atlas_tour_get_position (atlas_window_get_tour (f->window)), 0);
  assert_true (g_str_has_prefix (gtk_label_get_text ((GtkLabel *) gtk_widget_get_template_child (atlas_window_get_part (f->window, "tour_card", FALSE),
                                                                                    ATLAS_TYPE_TOUR_CARD, "progress")),
                                 "Step 1 of"));
  press (f->window, GDK_KEY_Escape, 0);
  assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (tour_revealer)));

  press (f->window, GDK_KEY_F6, 0);
  assert_non_null (atlas_window_get_quiz (f->window));
  assert_non_null (atlas_window_get_part (f->window, "quiz_card", FALSE));
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (quiz_revealer)));
  press (f->window, GDK_KEY_Escape, 0);
  assert_null (atlas_window_get_quiz (f->window));

  /* Alt+3 builds the last view. */
  press (f->window, GDK_KEY_3, GDK_ALT_MASK);
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_view_page_peek_diagram_view (section)));
  assert_non_null (atlas_diagram_view_get_diagram (atlas_view_page_peek_diagram_view (section)));

  /* A window too narrow for the switcher in its header reveals the one at the bottom, which
   * switches the views from its first frame. */
  {
    AtlasWindow *narrow;

    atlas_settings_set_window_size (f->settings, 360, 640, FALSE);
    narrow = open_window (f->settings);
    assert_true (atlas_test_wait_for (switcher_bar_shown, narrow, 5000));
    assert_ptr_equal (adw_view_switcher_bar_get_stack (atlas_test_window_child (narrow, "switcher_bar")),
                      atlas_test_window_child (narrow, "view_stack"));
    atlas_test_close_window (GTK_WINDOW (narrow));
  }
}

/* The same key on the keypad, or the unshifted key of "+", is one entry in the window. */
static guint
canonical_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      return GDK_KEY_plus;
    case GDK_KEY_KP_Subtract:
      return GDK_KEY_minus;
    case GDK_KEY_KP_0:
      return GDK_KEY_0;
    case GDK_KEY_KP_Enter:
      return GDK_KEY_Return;
    default:
      return keyval;
    }
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *keys)
{
  g_autoptr(GPtrArray) shortcuts = widget_shortcuts (widget);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      /* Ours name actions; GTK's own (focus moves, the inspector) emit signals. */
      if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)))
        g_hash_table_add (keys, gtk_accelerator_name (canonical_key (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))),
                                                      gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
    }
}

static gboolean
done_waiting (gpointer data)
{
  return FALSE;
}

static gboolean
has_picture (gpointer data)
{
  return atlas_diagram_view_get_base_renders (data) > 0;
}

static gboolean
rendered_since (gpointer data)
{
  return atlas_diagram_view_get_renders_in_process () > GPOINTER_TO_UINT (data);
}

/* A window opened beside another shows the same picture at the same size without rendering it
 * again; a window that changes its picture (nerves hidden) renders its own, and the other keeps
 * what it shows. */
static void
test_a_second_window_shares_the_picture (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *first = atlas_view_page_peek_diagram_view (atlas_test_window_child (f->window, "front_page"));
  AtlasDiagramView *view;
  AtlasWindow *second;
  guint renders, first_renders;

  assert_true (atlas_test_wait_for (has_picture, first, 5000));
  renders = atlas_diagram_view_get_renders_in_process ();
  first_renders = atlas_diagram_view_get_base_renders (first);

  second = open_window (f->settings);
  view = atlas_view_page_peek_diagram_view (atlas_test_window_child (second, "front_page"));
  assert_true (atlas_test_wait_for (has_picture, view, 5000));
  assert_int_equal (atlas_diagram_view_get_renders_in_process (), renders);

  /* Hiding the nerves in the second window renders a picture of its own… */
  atlas_diagram_view_set_show_nerves (view, FALSE);
  assert_true (atlas_test_wait_for (rendered_since, GUINT_TO_POINTER (renders), 5000));
  /* …and the first window neither renders again nor loses its nerves. */
  gtk_widget_queue_draw (GTK_WIDGET (first));
  atlas_test_iterate ();
  assert_int_equal (atlas_diagram_view_get_base_renders (first), first_renders);
  assert_true (atlas_diagram_view_get_show_nerves (first));

  atlas_test_close_window (GTK_WINDOW (second));
}

/* The first tour of a window starts with the focus on its step, so a screen reader reads it,
 * and the focus stays there while the card settles. */
static void
test_first_tour_keeps_the_focus_on_its_step (void **state)
{
  Fixture *f = *state;
  GtkWidget *focus;

  press (f->window, GDK_KEY_F5, 0);
  atlas_test_wait_for (done_waiting, NULL, 1500);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (atlas_window_get_part (f->window, "tour_card", FALSE))))
    fail_msg ("after the first F5 the focus is on a %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
}

/* Every key the window and the diagram answer to is in the shortcuts window. */
static void
test_every_shortcut_is_listed (void **state)
{
  Fixture *f = *state;
  GtkWidget *overlay = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  assert_true (atlas_test_wait_for (has_toplevel_of_type, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (item))
        overlay = GTK_WIDGET (item);
    }
  assert_non_null (overlay);

  g_ptr_array_add (stack, overlay);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
        {
          g_autofree char *accelerator = NULL;
          g_auto(GStrv) accels = NULL;

          g_object_get (widget, "accelerator", &accelerator, NULL);
          accels = g_strsplit (accelerator ? accelerator : "", " ", -1);
          for (guint i = 0; accels[i] != NULL; i++)
            {
              guint keyval;
              GdkModifierType mods;

              if (gtk_accelerator_parse (accels[i], &keyval, &mods))
                g_hash_table_add (listed, gtk_accelerator_name (keyval, mods));
            }
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }

  collect_shortcuts (GTK_WIDGET (f->window), bound);
  collect_shortcuts (GTK_WIDGET (atlas_test_window_view (f->window, "front")), bound);
  assert_true (g_hash_table_size (bound) > 20);

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (listed, key))
      fail_msg ("%s does something but is not in the shortcuts window", (const char *) key);

  close_toplevels_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
}

static int label_size_before;

static gboolean
label_has_grown (gpointer data)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (data));

  return pango_font_description_get_size (font) > label_size_before * 1.2;
}

static void
test_large_text_is_one_switch_and_remembered (void **state)
{
  Fixture *f = *state;
  GtkWidget *view = atlas_test_window_child (f->window, "front_page");
  GtkWidget *label = NULL;
  PangoFontDescription *before_font, *after_font;
  int before, after;

  assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->window), "atlas-large-text"));
  label = atlas_test_find_by_type (atlas_test_window_child (f->window, "structure_list"),
                                   GTK_TYPE_LABEL);
  assert_non_null (label);
  assert_non_null (view);
  before_font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  before = pango_font_description_get_size (before_font);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.large-text", NULL);

  assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->window), "atlas-large-text"));
  assert_true (atlas_settings_get_large_text (f->settings));

  /* Styles are recomputed on the next frame. */
  label_size_before = before;
  atlas_test_wait_for (label_has_grown, label, 3000);
  after_font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  after = pango_font_description_get_size (after_font);
  /* The lists really grow, by about a third. */
  assert_true (after > before * 1.2);

  /* On the diagram, bigger names still break only between words: each label is as wide as
   * its longest word (a projector's class reads "Quadratus", not "Quadratu-s"). */
  {
    AtlasDiagramView *front = atlas_test_window_view (f->window, "front");
    AtlasDiagram *diagram = atlas_diagram_view_get_diagram (front);
    AtlasContent *content = atlas_application_get_content (atlas_test_application ());
    guint checked = 0;

    atlas_test_wait_for (done_waiting, NULL, 300);
    for (guint i = 0; i < atlas_diagram_view_get_n_visible_labels (front); i++)
      {
        const char *id;
        graphene_rect_t bounds;
        g_autofree char *name = NULL;
        g_auto(GStrv) words = NULL;

        if (!atlas_diagram_view_get_label_bounds (front, i, &id, &bounds))
          continue;
        name = atlas_region_dup_short_name (atlas_diagram_lookup_region (diagram, id), content);
        words = g_strsplit (name, " ", -1);
        for (guint w = 0; words[w] != NULL; w++)
          {
            g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (front), words[w]);
            int width;

            pango_layout_get_pixel_size (layout, &width, NULL);
            if (width > bounds.size.width)
              fail_msg ("“%s” is %d px wide in a label of %.0f px: it is cut inside the word", words[w], width, bounds.size.width);
          }
        checked++;
      }
    assert_true (checked >= 10);
  }
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_window_has_three_areas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_toggle_checklist_is_remembered, setup, teardown),
    cmocka_unit_test_setup_teardown (test_narrow_window_folds_panes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_structure_list_rows_headings_and_early_choice, setup, teardown),
    cmocka_unit_test_setup_teardown (test_phone_sized_window, setup, teardown),
    cmocka_unit_test_setup_teardown (test_size_is_saved_on_close, setup, teardown),
    cmocka_unit_test_setup_teardown (test_view_switching_actions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_menu_opens_about_and_shortcuts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_start_up_builds_only_what_is_shown, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_second_window_shares_the_picture, setup, teardown),
    cmocka_unit_test_setup_teardown (test_first_tour_keeps_the_focus_on_its_step, setup, teardown),
    cmocka_unit_test_setup_teardown (test_every_shortcut_is_listed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_large_text_is_one_switch_and_remembered, setup, teardown),
  };

  gtk_init ();
  return cmocka_run_group_tests_name ("window", tests, NULL, NULL);
}
