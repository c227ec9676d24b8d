/* atlas-window-classroom.c — the main window's side of the guided tour and the quiz.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tour and the quiz are the core's (atlas-tour.c, atlas-quiz.c) and their cards show
 * them (atlas-tour-card.c, atlas-quiz-card.c). What is left is the window's: the win.tour-*
 * and win.quiz-* actions, the view and region a tour step shows, the structure a question
 * outlines, hiding the names during a quiz, and keeping the drawing below a card so the card
 * never covers what it talks about. Only one of the two runs at a time.
 *
 * The cards are made the first time they are needed, not with the window: most windows
 * never run a tour or a quiz.
 */
#include "config.h"

#include "atlas-window-private.h"

/* Escape ends whichever of the two runs; with neither, it is left to the focused widget. */
static void
update_escape (AtlasWindow *self)
{
  gboolean touring = self->tour != NULL && atlas_tour_get_position (self->tour) >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.classroom-stop", touring || self->quiz != NULL);
}

void
atlas_window_classroom_stop_action_cb (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  atlas_window_classroom_stop (ATLAS_WINDOW (widget));
}

static void
set_caption_inset (AtlasWindow *self,
                   double       inset)
{
  /* A page built later gets it then (page_built_cb). */
  self->caption_inset = inset;
  for (AtlasViewPage **page = (AtlasViewPage *[]) { self->front_page, self->side_page, self->section_page, NULL }; *page; page++)
    if (atlas_view_page_peek_diagram_view (*page) != NULL)
      atlas_diagram_view_set_top_inset (atlas_view_page_peek_diagram_view (*page), inset);
}

/* A card's revealer lies over the diagram. Closed, it must be gone, not only see-through: a
 * hidden card still took the pointer where it had been, so the pen drew nothing there and a
 * tap in a narrow window reached nothing after a tour or a quiz. */
static void
card_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
reveal_card (GtkRevealer *revealer,
             gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, reveal);
  card_revealed_cb (revealer);
}

/* Keeps the drawing clear of a caption card over it: the drawing fits below the card. */
static void
fit_below_card (AtlasWindow      *self,
                GtkRevealer      *revealer,
                AtlasDiagramView *view)
{
  GtkWidget *card = gtk_revealer_get_child (revealer);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int card_width = gtk_widget_get_width (card);
  int height, card_height;

  /* Measured at the width the card really has once it is shown (its text wraps there), else
   * at the width it will take; never less than what it is already drawn at. */
  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL,
                      card_width > 0 ? card_width : MIN (width > 0 ? width - 24 : 420, 520),
                      NULL, &height, NULL, NULL);
  card_height = gtk_widget_get_height (card);
  set_caption_inset (self, MAX (height, card_height) + 16);
}

/* The card shows the words; the window shows the card, outlines the structure asked about
 * and keeps the drawing below the card. */
static void
quiz_card_changed_cb (AtlasWindow *self)
{
  const AtlasQuizQuestion *question = self->quiz ? atlas_quiz_get_question (self->quiz) : NULL;
  gboolean answered = self->quiz && atlas_quiz_is_answered (self->quiz);

  reveal_card (self->quiz_revealer, self->quiz != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quiz-stop", self->quiz != NULL);
  /* The list names every part: during a quiz it would give the answers away. The diagram's
   * arrow keys point instead (atlas-diagram-view-selection.c). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->structure_list), self->quiz == NULL);
  update_escape (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quiz-next", self->quiz != NULL && answered);
  if (self->quiz == NULL || self->quiz_view == NULL)
    return;

  if (question == NULL)
    {
      atlas_diagram_view_set_emphasis (self->quiz_view, NULL);
      return;
    }

  /* A "find it" question outlines the right structure only once it is answered. */
  if (question->kind == ATLAS_QUIZ_FIND && !answered)
    atlas_diagram_view_set_emphasis (self->quiz_view, NULL);
  else
    atlas_diagram_view_set_emphasis (self->quiz_view, (const char *[]) { question->structure, NULL });
  fit_below_card (self, self->quiz_revealer, self->quiz_view);
}

/* A click on the diagram answers a "find it" question. */
static void
quiz_region_picked_cb (AtlasWindow      *self,
                       GParamSpec       *pspec,
                       AtlasDiagramView *view)
{
  const char *id = atlas_diagram_view_get_selected_region (view);
  const AtlasRegion *region;

  if (self->quiz == NULL || atlas_quiz_is_answered (self->quiz) || id == NULL)
    return;

  region = atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (view), id);
  if (region != NULL)
    atlas_quiz_card_point_to (self->quiz_card, region->structure);
}

/**
 * _atlas_window_ensure_quiz_card:
 *
 * Returns: (transfer none): the quiz card, made now if no quiz has run in this window yet
 */
AtlasQuizCard *
_atlas_window_ensure_quiz_card (AtlasWindow *self)
{
  if (self->quiz_card == NULL)
    {
      self->quiz_card = ATLAS_QUIZ_CARD (g_object_new (ATLAS_TYPE_QUIZ_CARD, NULL));
      atlas_quiz_card_set_content (self->quiz_card, self->content);
      g_signal_connect_object (self->quiz_card, "changed", G_CALLBACK (quiz_card_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_revealer_set_child (self->quiz_revealer, GTK_WIDGET (self->quiz_card));
    }
  return self->quiz_card;
}

static void
quiz_stop (AtlasWindow *self)
{
  if (self->quiz_view != NULL)
    {
      atlas_diagram_view_set_reveal_names (self->quiz_view, TRUE);
      atlas_diagram_view_set_emphasis (self->quiz_view, NULL);
      g_signal_handlers_disconnect_by_func (self->quiz_view, quiz_region_picked_cb, self);
    }
  self->quiz_view = NULL;
  if (self->quiz != NULL)
    set_caption_inset (self, 0);
  g_clear_object (&self->quiz);
  if (self->quiz_card != NULL)
    atlas_quiz_card_set_quiz (self->quiz_card, NULL);
  quiz_card_changed_cb (self);
}

void
atlas_window_quiz_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (g_str_equal (action_name, "win.quiz-start"))
    {
      AtlasViewPage *page = atlas_window_get_visible_page (self);
      AtlasDiagram *diagram;

      quiz_stop (self);
      if (self->tour != NULL)
        atlas_tour_stop (self->tour);
      if (page == NULL || !atlas_view_page_ensure_loaded (page))
        return;

      self->quiz_view = atlas_view_page_get_diagram_view (page);
      diagram = atlas_diagram_view_get_diagram (self->quiz_view);
      self->quiz = atlas_quiz_new (diagram, 10, (guint32) g_get_real_time ());
      /* Names would give the answers away. */
      atlas_diagram_view_set_selected_region (self->quiz_view, NULL);
      atlas_diagram_view_set_reveal_names (self->quiz_view, FALSE);
      g_signal_connect_object (self->quiz_view, "notify::selected-region",
                               G_CALLBACK (quiz_region_picked_cb), self, G_CONNECT_SWAPPED);
      atlas_quiz_card_set_quiz (_atlas_window_ensure_quiz_card (self), self->quiz);
    }
  else if (g_str_equal (action_name, "win.quiz-next"))
    {
      /* The selection goes first: clearing it clears the outline, which the next question
       * may set again. */
      if (self->quiz != NULL)
        {
          atlas_diagram_view_set_selected_region (self->quiz_view, NULL);
          atlas_quiz_next (self->quiz);
        }
    }
  else
    quiz_stop (self);
}

/**
 * atlas_window_get_quiz:
 *
 * Returns: (transfer none) (nullable): the quiz being run, if any
 */
AtlasQuiz *
atlas_window_get_quiz (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->quiz;
}

static void
update_tour_actions (AtlasWindow *self)
{
  int position = self->tour ? atlas_tour_get_position (self->tour) : -1;
  guint n = self->tour ? atlas_tour_get_n_steps (self->tour) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tour-start", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tour-next", position >= 0 && position + 1 < (int) n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tour-previous", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tour-stop", position >= 0);
  update_escape (self);
}

/* Each step is a view, a region selected in it (so the explanation follows) and a caption,
 * which the card shows. This runs after the card has taken the step, so the card is measured
 * with the step's words in it. */
static void
tour_position_cb (AtlasWindow *self)
{
  const AtlasTourStep *step = atlas_tour_get_step (self->tour);
  AtlasViewPage *page;
  AtlasDiagramView *view;

  update_tour_actions (self);
  reveal_card (self->tour_revealer, step != NULL);
  if (step == NULL)
    {
      set_caption_inset (self, 0);
      return;
    }

  atlas_window_set_view (self, step->view);
  page = atlas_window_get_visible_page (self);
  if (page == NULL || !atlas_view_page_ensure_loaded (page))
    return;

  view = atlas_view_page_get_diagram_view (page);
  if (g_str_has_suffix (step->region, "nerve-left") || g_str_has_suffix (step->region, "nerve-right"))
    atlas_diagram_view_set_show_nerves (view, TRUE);
  atlas_diagram_view_set_selected_region (view, step->region);
  atlas_diagram_view_reveal_region (view, step->region);

  fit_below_card (self, self->tour_revealer, view);
}

void
atlas_window_tour_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->tour == NULL)
    return;

  if (g_str_equal (action_name, "win.tour-start"))
    {
      quiz_stop (self);
      /* Made before the first step, so the card shows that step the way it shows every later
       * one: made during the step's change, it gave the focus back to the diagram a moment
       * after taking it, and a screen reader lost the first step. */
      _atlas_window_ensure_tour_card (self);
      atlas_tour_start (self->tour);
    }
  else if (g_str_equal (action_name, "win.tour-next"))
    atlas_tour_next (self->tour);
  else if (g_str_equal (action_name, "win.tour-previous"))
    atlas_tour_previous (self->tour);
  else
    atlas_tour_stop (self->tour);
}

/**
 * atlas_window_get_tour:
 *
 * Returns: (transfer none) (nullable): the window's guided tour
 */
AtlasTour *
atlas_window_get_tour (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->tour;
}

static gboolean
tour_link_cb (AtlasWindow *self,
              const char  *uri)
{
  /* Glossary terms in a caption open where they do everywhere else: in the explanation. */
  return atlas_explanation_pane_activate_link (self->explanation_pane, uri);
}

/**
 * _atlas_window_ensure_tour_card:
 *
 * Returns: (transfer none): the tour card, made now if no tour has run in this window yet
 */
AtlasTourCard *
_atlas_window_ensure_tour_card (AtlasWindow *self)
{
  if (self->tour_card == NULL)
    {
      self->tour_card = ATLAS_TOUR_CARD (g_object_new (ATLAS_TYPE_TOUR_CARD, NULL));
      g_signal_connect_object (self->tour_card, "activate-link", G_CALLBACK (tour_link_cb), self, G_CONNECT_SWAPPED);
      /* It shows the step at once; its own handler of this step's change, connected only
       * now, is not run for it (GLib runs only handlers older than an emission). */
      atlas_tour_card_set_tour (self->tour_card, self->tour);
      gtk_revealer_set_child (self->tour_revealer, GTK_WIDGET (self->tour_card));
    }
  return self->tour_card;
}

/* The first step of the first tour makes the card, before tour_position_cb() measures it. */
static void
tour_needs_card_cb (AtlasWindow *self)
{
  if (atlas_tour_get_step (self->tour) != NULL)
    _atlas_window_ensure_tour_card (self);
}

/* Called once the template is built: actions that start disabled. */
void
atlas_window_classroom_init (AtlasWindow *self)
{
  g_signal_connect (self->tour_revealer, "notify::child-revealed", G_CALLBACK (card_revealed_cb), NULL);
  g_signal_connect (self->quiz_revealer, "notify::child-revealed", G_CALLBACK (card_revealed_cb), NULL);
  update_tour_actions (self);
  quiz_card_changed_cb (self);
}

/* The tour comes from the content, as do the names the quiz card shows. */
void
atlas_window_classroom_set_content (AtlasWindow  *self,
                                    AtlasContent *content)
{
  if (self->quiz_card != NULL)
    atlas_quiz_card_set_content (self->quiz_card, content);

  g_clear_object (&self->tour);
  self->tour = atlas_tour_new (content);
  if (self->tour_card != NULL)
    atlas_tour_card_set_tour (self->tour_card, self->tour);
  g_signal_connect_object (self->tour, "notify::position", G_CALLBACK (tour_needs_card_cb), self, G_CONNECT_SWAPPED);
  /* After the card's own handler: the card is measured once it shows the new step. */
  g_signal_connect_object (self->tour, "notify::position", G_CALLBACK (tour_position_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_tour_actions (self);
}

/* The visible view changed, or the parts it shows (a posture, the nerves): a quiz made from
 * the old picture would ask about parts that are not there, so it ends. A tour moves the
 * view itself and carries on. */
void
atlas_window_classroom_view_changed (AtlasWindow *self,
                                     gboolean     parts_changed)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);

  if (self->quiz != NULL &&
      (parts_changed || page == NULL || atlas_view_page_get_diagram_view (page) != self->quiz_view))
    quiz_stop (self);
}

/* After the window changes size: a card's text wraps anew, so it may be taller or shorter,
 * and the drawing below it moves with it. */
void
atlas_window_classroom_refit (AtlasWindow *self)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);
  AtlasDiagramView *view = page ? atlas_view_page_get_diagram_view (page) : NULL;

  if (view == NULL)
    return;
  if (self->quiz != NULL && self->quiz_view == view)
    fit_below_card (self, self->quiz_revealer, view);
  else if (self->tour != NULL && atlas_tour_get_position (self->tour) >= 0)
    fit_below_card (self, self->tour_revealer, view);
}

/* Ends a running tour or quiz, as if its card had been closed. */
void
atlas_window_classroom_stop (AtlasWindow *self)
{
  if (self->tour != NULL)
    atlas_tour_stop (self->tour);
  quiz_stop (self);
}
