/* test-explanation.c — the explanation pane and the sources window in a real X server.
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

#include <string.h>

#include "atlas-checklist-pane.h"
#include "atlas-diagram-view.h"
#include "atlas-explanation-pane.h"
#include "atlas-quiz-card.h"
#include "atlas-search.h"
#include "atlas-structure-list.h"
#include "atlas-sources-window.h"
#include "atlas-test-ui.h"
#include "atlas-tour-card.h"
#include "atlas-view-page.h"
#include "atlas-window.h"

typedef struct
{
  AtlasSettings        *settings;
  AtlasWindow          *window;
  AtlasExplanationPane *pane;
  AtlasDiagramView     *view;
  AtlasContent         *content;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->settings = atlas_test_settings_new ();
  atlas_settings_set_window_size (f->settings, 1500, 950, FALSE);
  f->window = atlas_test_open_window (f->settings);
  f->pane = atlas_test_window_child (f->window, "explanation_pane");
  f->view = atlas_test_window_view (f->window, "front");
  f->content = atlas_application_get_content (atlas_test_application ());
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

static char *
plain (const char *rich)
{
  return atlas_rich_text_to_plain (rich);
}

static void
test_selecting_a_region_shows_its_explanation (void **state)
{
  Fixture *f = *state;
  const AtlasRegionContent *psoas = atlas_content_get_region (f->content, "psoas-major");
  g_autofree char *text = NULL;
  g_autofree char *summary = plain (psoas->summary);
  g_autofree char *statement = plain (((AtlasStatement *) g_ptr_array_index (psoas->articles, 0))->text);
  g_autofree char *topic = plain (((AtlasDisagreement *) g_ptr_array_index (psoas->disagreements, 0))->topic);

  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  text = atlas_explanation_pane_dup_text (f->pane);

  /* Name first, then the summary, the articles, the disagreements and the reminder. */
  assert_true (g_str_has_prefix (text, "Psoas major\n"));
  assert_non_null (strstr (text, summary));
  assert_non_null (strstr (text, statement));
  assert_non_null (strstr (text, "What the Articles Say"));
  assert_non_null (strstr (text, "Where the Sources Disagree"));
  assert_non_null (strstr (text, topic));
  assert_non_null (strstr (text, "not a diagnosis"));
  assert_true (strstr (text, summary) < strstr (text, "What the Articles Say"));

  /* Article statements name their sources by the one short name each source has. */
  assert_non_null (strstr (text, "(Conatser"));
}

static void
test_glossary_and_citation_links_open_popovers (void **state)
{
  Fixture *f = *state;
  const AtlasTerm *term = atlas_content_get_term (f->content, "lesser-trochanter");
  const AtlasSource *source = atlas_content_get_source (f->content, "eastwest");
  GtkPopover *popover;
  GtkWidget *child;
  g_autofree char *definition = plain (term->definition);
  gboolean found = FALSE;

  atlas_diagram_view_set_selected_region (f->view, "lesser-trochanter-left");

  assert_true (atlas_explanation_pane_activate_link (f->pane, "term:lesser-trochanter"));
  popover = atlas_explanation_pane_get_popover (f->pane);
  assert_non_null (popover);
  atlas_test_iterate ();
  assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  for (child = gtk_widget_get_first_child (gtk_popover_get_child (popover)); child; child = gtk_widget_get_next_sibling (child))
    found |= GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), definition) == 0;
  assert_true (found);

  /* A citation opens its source, replacing the glossary popover. */
  assert_true (atlas_explanation_pane_activate_link (f->pane, "source:eastwest"));
  popover = atlas_explanation_pane_get_popover (f->pane);
  found = FALSE;
  for (child = gtk_widget_get_first_child (gtk_popover_get_child (popover)); child; child = gtk_widget_get_next_sibling (child))
    {
      found |= GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), source->title) == 0;
      /* Its button is named by its words, not "_All Sources All Sources": no label of its own
       * with the mnemonic's underscore. */
      if (GTK_IS_BUTTON (child))
        assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  assert_true (found);

  /* Selecting something else closes it; nothing is left behind. */
  atlas_diagram_view_set_selected_region (f->view, "femur-left");
  assert_null (atlas_explanation_pane_get_popover (f->pane));
}

static void
test_opening_an_exercise_outlines_its_regions (void **state)
{
  Fixture *f = *state;
  GtkWidget *expander;
  const char * const *emphasis;

  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  expander = atlas_test_find_by_type (GTK_WIDGET (f->pane), GTK_TYPE_EXPANDER);
  assert_non_null (expander);
  /* Named for screen readers by the exercise and its kind, e.g. "…, Stretch". */
  {
    const AtlasExercise *exercise = g_object_get_data (G_OBJECT (expander), "exercise");
    g_autofree char *name = plain (exercise->name);
    g_autofree char *label = g_strdup_printf ("%s, Stretch", name);

    if (g_str_equal (exercise->kind, "stretch"))
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
    else
      assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL));
  }
  assert_null (atlas_diagram_view_get_emphasis (f->view));

  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  emphasis = atlas_diagram_view_get_emphasis (f->view);
  assert_non_null (emphasis);
  /* Every exercise listed for the psoas works on it. */
  assert_true (g_strv_contains (emphasis, "psoas-major"));

  gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
  assert_null (atlas_diagram_view_get_emphasis (f->view));

  /* Choosing another structure clears any outline. */
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  atlas_diagram_view_set_selected_region (f->view, "femur-left");
  assert_null (atlas_diagram_view_get_emphasis (f->view));
}

/* Each exercise with steps shows its picture, with a text alternative, above its steps; one
 * without steps shows none. */
static void
test_exercises_show_their_pictures (void **state)
{
  Fixture *f = *state;
  guint pictures = 0, with_steps = 0;

  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  for (GtkWidget *expander = atlas_test_find_by_type (GTK_WIDGET (f->pane), GTK_TYPE_EXPANDER);
       expander != NULL; expander = gtk_widget_get_next_sibling (expander))
    {
      const AtlasExercise *exercise;
      GtkWidget *picture;

      if (!GTK_IS_EXPANDER (expander))
        continue;
      exercise = g_object_get_data (G_OBJECT (expander), "exercise");
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
      picture = atlas_test_find_by_type (gtk_expander_get_child (GTK_EXPANDER (expander)), GTK_TYPE_PICTURE);
      with_steps += exercise->steps->len > 0;
      if (exercise->steps->len > 0)
        {
          g_autofree char *name = plain (exercise->name);

          assert_non_null (picture);
          assert_non_null (gtk_picture_get_paintable (GTK_PICTURE (picture)));
          assert_non_null (strstr (gtk_picture_get_alternative_text (GTK_PICTURE (picture)), name));
          pictures++;
        }
      else
        assert_null (picture);
      gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
    }
  assert_true (with_steps >= 2);
  assert_int_equal (pictures, with_steps);
}

static void
test_the_tour_walks_the_views_and_explains (void **state)
{
  Fixture *f = *state;
  AtlasTour *tour = atlas_window_get_tour (f->window);
  GtkRevealer *card = atlas_test_window_child (f->window, "tour_revealer");
  GtkWidget *tour_card = atlas_test_window_child (f->window, "tour_card");
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (tour_card, ATLAS_TYPE_TOUR_CARD, "title"));
  GPtrArray *steps = atlas_content_get_tour (f->content);
  const AtlasTourStep *first = g_ptr_array_index (steps, 0);
  g_autofree char *first_title = plain (first->title);

  assert_false (gtk_revealer_get_reveal_child (card));
  assert_false (atlas_tour_is_running (tour));
  /* A screen reader meets the caption as one named group. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (tour_card), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tour_card), GTK_ACCESSIBLE_PROPERTY_LABEL, "Guided tour");

  /* F5 (win.tour-start) shows the first step: its view, its region explained, its caption. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tour-start", NULL);
  assert_true (gtk_revealer_get_reveal_child (card));
  assert_string_equal (atlas_window_get_view (f->window), first->view);
  assert_string_equal (atlas_diagram_view_get_selected_region (atlas_test_window_view (f->window, first->view)), first->region);
  assert_string_equal (gtk_label_get_label (title), first_title);

  /* Page Down walks on to the last step, through every view the tour visits. */
  for (guint i = 1; i < steps->len; i++)
    {
      const AtlasTourStep *step = g_ptr_array_index (steps, i);

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tour-next", NULL);
      atlas_test_iterate ();
      assert_string_equal (atlas_window_get_view (f->window), step->view);
      assert_string_equal (atlas_diagram_view_get_selected_region (atlas_test_window_view (f->window, step->view)), step->region);
    }
  assert_int_equal (atlas_tour_get_position (tour), (int) steps->len - 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tour-previous", NULL);
  assert_int_equal (atlas_tour_get_position (tour), (int) steps->len - 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tour-stop", NULL);
  assert_false (gtk_revealer_get_reveal_child (card));
  assert_false (atlas_tour_is_running (tour));
}

static void
test_quiz_the_class_on_the_diagram (void **state)
{
  Fixture *f = *state;
  GtkWidget *quiz_card = atlas_test_window_child (f->window, "quiz_card");
  GtkFlowBox *options = GTK_FLOW_BOX (gtk_widget_get_template_child (quiz_card, ATLAS_TYPE_QUIZ_CARD, "options"));
  AtlasQuiz *quiz;
  const AtlasQuizQuestion *question;
  AtlasDiagram *diagram;
  GtkWidget *right_button = NULL;

  /* A screen reader meets the quiz as one named group, and hears the feedback when it comes. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (quiz_card), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (quiz_card), GTK_ACCESSIBLE_PROPERTY_LABEL, "Quiz");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (gtk_widget_get_template_child (quiz_card, ATLAS_TYPE_QUIZ_CARD, "feedback")),
                                   GTK_ACCESSIBLE_ROLE_STATUS);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quiz-start", NULL);
  quiz = atlas_window_get_quiz (f->window);
  assert_non_null (quiz);
  assert_true (gtk_revealer_get_reveal_child (atlas_test_window_child (f->window, "quiz_revealer")));
  /* Labels and tooltips would give the answers away. */
  assert_false (atlas_diagram_view_get_reveal_names (f->view));
  assert_int_equal (atlas_diagram_view_get_n_visible_labels (f->view), 0);

  /* The first question is answered by pointing at the diagram. */
  question = atlas_quiz_get_question (quiz);
  assert_int_equal (question->kind, ATLAS_QUIZ_FIND);
  diagram = atlas_diagram_view_get_diagram (f->view);
  for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
    if (g_str_equal (atlas_diagram_get_region (diagram, i)->structure, question->structure))
      {
        atlas_diagram_view_set_selected_region (f->view, atlas_diagram_get_region (diagram, i)->id);
        break;
      }
  assert_true (atlas_quiz_is_answered (quiz));
  assert_int_equal (atlas_quiz_get_score (quiz), 1);

  /* The second by choosing the outlined structure's name. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quiz-next", NULL);
  question = atlas_quiz_get_question (quiz);
  assert_int_equal (question->kind, ATLAS_QUIZ_NAME);
  assert_true (g_strv_contains (atlas_diagram_view_get_emphasis (f->view), question->structure));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (options)); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      /* Each choice is one Tab stop, the button: its cell is not a second, unnamed one. */
      assert_false (gtk_widget_get_focusable (child));
      assert_true (gtk_widget_get_focusable (button));
      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "structure"), question->structure) == 0)
        right_button = button;
    }
  assert_non_null (right_button);
  g_signal_emit_by_name (right_button, "clicked");
  assert_int_equal (atlas_quiz_get_score (quiz), 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quiz-stop", NULL);
  assert_null (atlas_window_get_quiz (f->window));
  assert_true (atlas_diagram_view_get_reveal_names (f->view));
  assert_false (gtk_revealer_get_reveal_child (atlas_test_window_child (f->window, "quiz_revealer")));
}

/* A keyboard can take the whole quiz: the card has the focus when it opens, the list that
 * would name the answers is out of reach, arrows step through the parts of the diagram and
 * Enter answers. Changing the view ends the quiz, and the classroom-stop action (Escape) ends
 * a quiz or a tour and is off when neither runs. */
static gboolean
has_focus (gpointer data)
{
  return gtk_widget_has_focus (GTK_WIDGET (data));
}

static void
test_quiz_from_the_keyboard (void **state)
{
  Fixture *f = *state;
  GtkWidget *list = atlas_test_window_child (f->window, "structure_list");
  GtkWidget *quiz_card = atlas_test_window_child (f->window, "quiz_card");
  const AtlasQuizQuestion *question;
  AtlasDiagram *diagram = atlas_diagram_view_get_diagram (f->view);
  AtlasQuiz *quiz;
  GtkWidget *focus;
  guint steps = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quiz-start", NULL);
  quiz = atlas_window_get_quiz (f->window);
  assert_non_null (quiz);
  atlas_test_wait_for_mapped (quiz_card);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_non_null (focus);
  assert_true (gtk_widget_is_ancestor (focus, quiz_card));
  assert_false (gtk_widget_get_sensitive (list));

  /* Arrow through the parts until the one asked for is highlighted, then Enter. */
  question = atlas_quiz_get_question (quiz);
  assert_int_equal (question->kind, ATLAS_QUIZ_FIND);
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  for (;;)
    {
      const AtlasRegion *region;

      gtk_widget_activate_action (GTK_WIDGET (f->view), "diagram.pan", "(ii)", 1, 0);
      steps++;
      assert_true (steps <= atlas_diagram_get_n_regions (diagram));
      region = atlas_diagram_lookup_region (diagram, atlas_diagram_view_get_hovered_region (f->view));
      assert_non_null (region);
      /* Nothing on the way says what the part is. */
      assert_null (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (f->view)) ? gtk_widget_get_tooltip_text (GTK_WIDGET (f->view)) : "", region->id));
      if (g_str_equal (region->structure, question->structure))
        break;
      assert_false (atlas_quiz_is_answered (quiz));
    }
  gtk_widget_activate_action (GTK_WIDGET (f->view), "diagram.choose", NULL);
  assert_true (atlas_quiz_is_answered (quiz));
  assert_int_equal (atlas_quiz_get_score (quiz), 1);

  /* The answer is spoken: the focus moves to Next Question, which is described by the feedback. */
  {
    GtkWidget *next = GTK_WIDGET (gtk_widget_get_template_child (quiz_card, ATLAS_TYPE_QUIZ_CARD, "next_button"));

    assert_true (atlas_test_wait_for (has_focus, next, 5000));
  }

  /* Escape (win.classroom-stop) ends it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.classroom-stop", NULL);
  assert_null (atlas_window_get_quiz (f->window));
  assert_true (gtk_widget_get_sensitive (list));

  /* A quiz never outlives its view: its questions name parts of that picture. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quiz-start", NULL);
  assert_non_null (atlas_window_get_quiz (f->window));
  atlas_window_set_view (f->window, "side");
  assert_null (atlas_window_get_quiz (f->window));
  assert_true (atlas_diagram_view_get_reveal_names (f->view));
}

static gboolean
has_results (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 0) != NULL;
}

/* Types @text in the search entry and activates its best result of @kind. */
static gboolean
says_no_results (gpointer data)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (data), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No results");

  return wrong == NULL;
}

static gboolean
has_no_results (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (data), 0) == NULL;
}

static void
find_and_choose (Fixture         *f,
                 const char      *text,
                 AtlasSearchKind  kind)
{
  GtkWidget *entry = atlas_test_window_child (f->window, "search_entry");
  GtkListBox *results = atlas_test_window_child (f->window, "search_results");
  GtkListBoxRow *row;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  assert_true (gtk_search_bar_get_search_mode (atlas_test_window_child (f->window, "search_bar")));
  assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry) ||
               gtk_root_get_focus (GTK_ROOT (f->window)) == entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  assert_true (atlas_test_wait_for (has_results, results, 5000));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind")) == (int) kind)
      break;
  if (row == NULL)
    fail_msg ("no result of kind %d for \"%s\"", kind, text);
  g_signal_emit_by_name (results, "row-activated", row);
  /* Choosing closes the search. */
  assert_false (gtk_search_bar_get_search_mode (atlas_test_window_child (f->window, "search_bar")));
}

/* Enter on a result the user moved to chooses that result, not the first (the search bar
 * hands Enter typed anywhere to its entry). */
static void
test_enter_chooses_the_focused_result (void **state)
{
  Fixture *f = *state;
  GtkWidget *entry = atlas_test_window_child (f->window, "search_entry");
  GtkListBox *results = atlas_test_window_child (f->window, "search_results");
  GtkListBoxRow *first, *second;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "femoral");
  assert_true (atlas_test_wait_for (has_results, results, 5000));
  first = gtk_list_box_get_row_at_index (results, 0);
  second = gtk_list_box_get_row_at_index (results, 1);
  assert_non_null (second);
  /* Copies: choosing a result rebuilds the list. */
  first_id = g_strdup (g_object_get_data (G_OBJECT (first), "id"));
  second_id = g_strdup (g_object_get_data (G_OBJECT (second), "id"));
  assert_string_not_equal (first_id, second_id);

  /* A screen reader hears how many results there are, and that there are none. */
  assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzqqxx");
  assert_true (atlas_test_wait_for (says_no_results, entry, 5000));
  assert_true (has_no_results (results));
  gtk_editable_set_text (GTK_EDITABLE (entry), "femoral");
  assert_true (atlas_test_wait_for (has_results, results, 5000));
  first = gtk_list_box_get_row_at_index (results, 0);
  second = gtk_list_box_get_row_at_index (results, 1);

  assert_true (gtk_widget_grab_focus (GTK_WIDGET (second)));
  g_signal_emit_by_name (entry, "activate");
  assert_false (gtk_search_bar_get_search_mode (atlas_test_window_child (f->window, "search_bar")));
  {
    AtlasDiagramView *view = atlas_test_window_view (f->window, "front");
    const char *selected = atlas_diagram_view_get_selected_region (view);

    if (selected == NULL || !g_str_has_prefix (selected, second_id))
      fail_msg ("Enter chose %s, not the focused %s", selected ? selected : "(nothing)", second_id);
  }
}

/* Ctrl+F finds each kind of thing, and choosing a result goes to it. */
static void
test_find_anything (void **state)
{
  Fixture *f = *state;
  AtlasChecklistPane *checklist = atlas_test_window_child (f->window, "symptom_checklist");
  const AtlasSymptom *symptom = g_ptr_array_index (atlas_content_get_symptoms (f->content), 0);
  const AtlasTerm *term = g_ptr_array_index (atlas_content_get_terms (f->content), 0);
  const AtlasExercise *exercise = g_ptr_array_index (atlas_content_get_exercises (f->content), 0);
  g_autofree char *symptom_name = plain (symptom->name);
  g_autofree char *term_name = plain (term->name);
  g_autofree char *exercise_name = plain (exercise->name);
  g_autofree char *text = NULL;
  AtlasDiagramView *other;
  GtkWidget *focus;
  GtkWidget *expander;

  /* A structure the visible (front) view shows is selected there. */
  find_and_choose (f, "femoral nerve", ATLAS_SEARCH_STRUCTURE);
  assert_string_equal (atlas_window_get_view (f->window), "front");
  assert_true (g_str_has_prefix (atlas_diagram_view_get_selected_region (f->view), "femoral-nerve"));
  text = atlas_explanation_pane_dup_text (f->pane);
  assert_true (g_str_has_prefix (text, "Femoral nerve"));

  /* One the visible view lacks: a view that has it comes up with it selected. */
  atlas_window_set_view (f->window, "section");
  assert_null (atlas_structure_list_get_row (atlas_test_window_child (f->window, "structure_list"), "femur-left"));
  find_and_choose (f, "thigh bone", ATLAS_SEARCH_STRUCTURE);
  other = atlas_test_window_view (f->window, atlas_window_get_view (f->window));
  assert_string_not_equal (atlas_window_get_view (f->window), "section");
  assert_string_equal (atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (other),
                                                    atlas_diagram_view_get_selected_region (other))->structure, "femur");

  /* A symptom gets the focus in the checklist, unticked. */
  find_and_choose (f, symptom_name, ATLAS_SEARCH_SYMPTOM);
  assert_string_equal (gtk_stack_get_visible_child_name (atlas_test_window_child (f->window, "sidebar_stack")), "symptoms");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_true (ADW_IS_ACTION_ROW (focus));
  assert_false (gtk_check_button_get_active (atlas_checklist_pane_get_check_button (checklist, symptom->id)));
  assert_true (g_object_get_data (G_OBJECT (atlas_checklist_pane_get_check_button (checklist, symptom->id)), "row") == (gpointer) focus);

  /* A term opens its definition. */
  find_and_choose (f, term_name, ATLAS_SEARCH_TERM);
  assert_non_null (atlas_explanation_pane_get_popover (f->pane));
  gtk_popover_popdown (atlas_explanation_pane_get_popover (f->pane));

  /* An exercise opens in the explanation of a structure it works on. */
  find_and_choose (f, exercise_name, ATLAS_SEARCH_EXERCISE);
  expander = atlas_test_find_by_type (GTK_WIDGET (f->pane), GTK_TYPE_EXPANDER);
  assert_non_null (expander);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_true (GTK_IS_EXPANDER (focus) && gtk_expander_get_expanded (GTK_EXPANDER (focus)));
}

static gboolean
sources_window_open (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_SOURCES_WINDOW (item))
        {
          *(gpointer *) data = item;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whatever the structure, and whichever view it is chosen in, a ticked warning sign leaves no
 * exercise or care on screen; unticking it brings them back. */
static void
pane_shows_no_care (Fixture *f)
{
  GPtrArray *exercises = atlas_content_get_exercises (f->content);
  g_autofree char *text = atlas_explanation_pane_dup_text (f->pane);

  assert_null (atlas_test_find_by_type (GTK_WIDGET (f->pane), GTK_TYPE_EXPANDER));
  for (guint e = 0; e < exercises->len; e++)
    {
      g_autofree char *name = plain (((AtlasExercise *) g_ptr_array_index (exercises, e))->name);

      if (strstr (text, name) != NULL)
        fail_msg ("care \"%s\" is shown while a warning sign is ticked:\n%s", name, text);
    }
}

static void
test_a_warning_sign_withdraws_care_from_every_explanation (void **state)
{
  Fixture *f = *state;
  AtlasChecklistPane *checklist_pane = atlas_test_window_child (f->window, "symptom_checklist");
  AtlasChecklist *checklist = atlas_checklist_pane_get_checklist (checklist_pane);
  const char *views[] = { "front", "side", "section" };
  GPtrArray *flags = atlas_content_get_red_flags (f->content);
  guint shown = 0;
  g_autofree char *text = NULL;

  /* Care is there to begin with, and the page already open loses it when the tick lands. */
  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  assert_non_null (atlas_test_find_by_type (GTK_WIDGET (f->pane), GTK_TYPE_EXPANDER));

  /* Every warning sign withdraws care, not only the emergencies. */
  for (guint i = 0; i < flags->len; i++)
    {
      const AtlasRedFlag *flag = g_ptr_array_index (flags, i);

      atlas_checklist_set_red_flag (checklist, flag->id, TRUE);
      pane_shows_no_care (f);
      atlas_checklist_set_red_flag (checklist, flag->id, FALSE);
      assert_non_null (atlas_test_find_by_type (GTK_WIDGET (f->pane), GTK_TYPE_EXPANDER));
    }

  atlas_checklist_set_red_flag (checklist, "bladder-control", TRUE);
  text = atlas_explanation_pane_dup_text (f->pane);
  assert_non_null (strstr (text, "hidden while a warning sign is ticked"));

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      AtlasDiagramView *view;
      AtlasDiagram *diagram;

      /* The side and section drawings load when their view is first shown. */
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", views[v]);
      view = atlas_test_window_view (f->window, views[v]);
      diagram = atlas_diagram_view_get_diagram (view);
      assert_non_null (diagram);

      for (guint r = 0; r < atlas_diagram_get_n_regions (diagram); r++)
        {
          atlas_diagram_view_set_selected_region (view, atlas_diagram_get_region (diagram, r)->id);
          pane_shows_no_care (f);
          shown++;
        }
    }
  assert_true (shown > 40);

  atlas_checklist_set_red_flag (checklist, "bladder-control", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "front");
  atlas_diagram_view_set_selected_region (f->view, "psoas-major-left");
  assert_non_null (atlas_test_find_by_type (GTK_WIDGET (f->pane), GTK_TYPE_EXPANDER));
}

static void
test_sources_window_lists_every_source (void **state)
{
  Fixture *f = *state;
  GPtrArray *sources = atlas_content_get_sources (f->content);
  AtlasSourcesWindow *window = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.sources", NULL);
  assert_true (atlas_test_wait_for (sources_window_open, &window, 5000));
  for (guint i = 0; i < sources->len; i++)
    assert_non_null (atlas_sources_window_get_row (window, ((AtlasSource *) g_ptr_array_index (sources, i))->id));
  atlas_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_selecting_a_region_shows_its_explanation, setup, teardown),
    cmocka_unit_test_setup_teardown (test_glossary_and_citation_links_open_popovers, setup, teardown),
    cmocka_unit_test_setup_teardown (test_opening_an_exercise_outlines_its_regions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_exercises_show_their_pictures, setup, teardown),
    cmocka_unit_test_setup_teardown (test_a_warning_sign_withdraws_care_from_every_explanation, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sources_window_lists_every_source, setup, teardown),
    cmocka_unit_test_setup_teardown (test_the_tour_walks_the_views_and_explains, setup, teardown),
    cmocka_unit_test_setup_teardown (test_quiz_the_class_on_the_diagram, setup, teardown),
    cmocka_unit_test_setup_teardown (test_quiz_from_the_keyboard, setup, teardown),
    cmocka_unit_test_setup_teardown (test_find_anything, setup, teardown),
    cmocka_unit_test_setup_teardown (test_enter_chooses_the_focused_result, setup, teardown),
  };

  gtk_init ();
  return cmocka_run_group_tests_name ("explanation", tests, NULL, NULL);
}
