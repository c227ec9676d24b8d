/* atlas-quiz-card.c — the quiz's card: the question, the names to choose from, the feedback.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card follows an AtlasQuiz. A "name it" question is answered here, with the buttons; a
 * "find it" question is answered on the diagram, which the window passes on with
 * atlas_quiz_card_point_to(). What the diagram outlines, and keeping the drawing clear of the
 * card, is the window's business: it hears "changed" after the card shows something new.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-quiz-card.h"
#include "atlas-ui.h"

struct _AtlasQuizCard
{
  GtkWidget     parent_instance;

  AtlasContent *content;
  AtlasQuiz    *quiz;
  /* Set while the card answers, so the quiz's notifications wait for the feedback. */
  gboolean      answering;
  /* What was last read out, so each question and each answer is read once. */
  int           announced_position;
  gboolean      announced_answer;

  /* Template children */
  GtkLabel     *progress;
  GtkWidget    *question;
  GtkLabel     *prompt;
  GtkFlowBox   *options;
  GtkLabel     *feedback;
  GtkWidget    *next_button;
};

G_DEFINE_FINAL_TYPE (AtlasQuizCard, atlas_quiz_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUIZ,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
structure_name (AtlasQuizCard *self,
                const char    *structure)
{
  const AtlasRegionContent *entry = self->content ? atlas_content_get_region (self->content, structure) : NULL;

  return entry ? atlas_rich_text_to_plain (entry->name) : g_strdup (structure);
}

static void atlas_quiz_card_sync (AtlasQuizCard *self);

static void
option_clicked_cb (GtkButton     *button,
                   AtlasQuizCard *self)
{
  const char *structure = g_object_get_data (G_OBJECT (button), "structure");
  const AtlasQuizQuestion *question;
  g_autofree char *answer = NULL;
  g_autofree char *feedback = NULL;
  gboolean right;

  self->answering = TRUE;
  right = atlas_quiz_answer (self->quiz, structure);
  question = atlas_quiz_get_question (self->quiz);
  answer = structure_name (self, question->structure);
  feedback = right ? g_strdup_printf (_("Right: it is the %s."), answer)
                   : g_strdup_printf (_("Not quite: it is the %s."), answer);
  gtk_label_set_label (self->feedback, feedback);
  self->answering = FALSE;
  atlas_quiz_card_sync (self);
}

static void
show_question (AtlasQuizCard *self)
{
  const AtlasQuizQuestion *question = atlas_quiz_get_question (self->quiz);
  gboolean answered = atlas_quiz_is_answered (self->quiz);
  g_autofree char *progress = NULL;
  g_autofree char *prompt = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options))) != NULL)
    gtk_flow_box_remove (self->options, child);

  if (question == NULL)
    {
      /* Translators: the end of a quiz, e.g. "Finished: 7 of 10 right". */
      prompt = g_strdup_printf (_("Finished: %u of %u right"), atlas_quiz_get_score (self->quiz),
                                atlas_quiz_get_n_questions (self->quiz));
      gtk_label_set_label (self->prompt, prompt);
      gtk_label_set_label (self->progress, "");
      gtk_label_set_label (self->feedback, _("Close the quiz to see the labels again."));
      gtk_widget_set_visible (self->next_button, FALSE);
      return;
    }

  /* Translators: quiz progress, e.g. "Question 3 of 10 · 2 right". */
  progress = g_strdup_printf (_("Question %u of %u · %u right"), atlas_quiz_get_position (self->quiz) + 1,
                              atlas_quiz_get_n_questions (self->quiz), atlas_quiz_get_score (self->quiz));
  gtk_label_set_label (self->progress, progress);
  gtk_widget_set_visible (self->next_button, TRUE);

  if (question->kind == ATLAS_QUIZ_FIND)
    {
      g_autofree char *name = structure_name (self, question->structure);

      /* Translators: a quiz question; the class points to the structure on the diagram. */
      prompt = g_strdup_printf (_("Point to the %s"), name);
    }
  else
    {
      prompt = g_strdup (_("What is the outlined structure?"));
      for (guint o = 0; o < ATLAS_QUIZ_N_OPTIONS; o++)
        {
          g_autofree char *name = structure_name (self, question->options[o]);
          GtkWidget *button = gtk_button_new_with_label (name);

          g_object_set_data (G_OBJECT (button), "structure", (gpointer) question->options[o]);
          gtk_widget_set_sensitive (button, !answered);
          g_signal_connect (button, "clicked", G_CALLBACK (option_clicked_cb), self);
          gtk_flow_box_append (self->options, button);
          /* One Tab stop a choice, the button, named by the structure: the flow box's own cell
           * around it would be a second, unnamed stop ("GtkFlowBoxChild") before each. */
          gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (button)),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->options), question->kind == ATLAS_QUIZ_NAME);
  gtk_label_set_label (self->prompt, prompt);
  if (!answered)
    gtk_label_set_label (self->feedback, question->kind == ATLAS_QUIZ_FIND ? _("Click it on the diagram, or step to it there with the arrow keys and press Enter.") : "");
}

static gboolean
announce_answer_idle_cb (gpointer data)
{
  AtlasQuizCard *self = data;

  if (self->quiz != NULL && atlas_quiz_is_answered (self->quiz) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    atlas_ui_announce (self->next_button, NULL, gtk_label_get_text (self->feedback));
  return G_SOURCE_REMOVE;
}

/* A screen reader reads out each new question (the card takes the focus with it, which also
 * brings the keyboard to the card when the quiz opens), then the feedback on each answer,
 * from the Next Question button that the focus moves to. */
static void
announce (AtlasQuizCard *self)
{
  int position = atlas_quiz_get_position (self->quiz);
  gboolean answered = atlas_quiz_is_answered (self->quiz) && atlas_quiz_get_question (self->quiz) != NULL;

  if (position != self->announced_position)
    {
      self->announced_position = position;
      self->announced_answer = answered;
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      atlas_ui_announce (self->question, gtk_label_get_text (self->prompt),
                         atlas_quiz_get_question (self->quiz) ? gtk_label_get_text (self->progress)
                                                              : gtk_label_get_text (self->feedback));
    }
  else if (answered && !self->announced_answer)
    {
      self->announced_answer = TRUE;
      /* The window enables Next Question (win.quiz-next) only once it hears of the answer,
       * after this: the button cannot take the focus yet, so it does a moment later. */
      g_idle_add_full (G_PRIORITY_DEFAULT, announce_answer_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
atlas_quiz_card_sync (AtlasQuizCard *self)
{
  if (self->answering)
    return;

  if (self->quiz != NULL)
    {
      show_question (self);
      announce (self);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
atlas_quiz_card_dispose (GObject *object)
{
  AtlasQuizCard *self = ATLAS_QUIZ_CARD (object);
  GtkWidget *child;

  if (self->quiz != NULL)
    g_signal_handlers_disconnect_by_func (self->quiz, atlas_quiz_card_sync, self);
  g_clear_object (&self->quiz);
  g_clear_object (&self->content);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_QUIZ_CARD);
  /* The template's unnamed boxes are not bound, so they are not released with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_quiz_card_parent_class)->dispose (object);
}

static void
atlas_quiz_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasQuizCard *self = ATLAS_QUIZ_CARD (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      g_value_set_object (value, self->quiz);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_quiz_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasQuizCard *self = ATLAS_QUIZ_CARD (object);

  switch (prop_id)
    {
    case PROP_QUIZ:
      atlas_quiz_card_set_quiz (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_quiz_card_class_init (AtlasQuizCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  atlas_ui_ensure_resources ();

  object_class->dispose = atlas_quiz_card_dispose;
  object_class->get_property = atlas_quiz_card_get_property;
  object_class->set_property = atlas_quiz_card_set_property;

  properties[PROP_QUIZ] =
    g_param_spec_object ("quiz", NULL, NULL,
                         ATLAS_TYPE_QUIZ,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasQuizCard::changed:
   *
   * The card shows another state of its quiz: another question, an answer, the end. Its
   * height may have changed with it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/atlas-quiz-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasQuizCard, progress);
  gtk_widget_class_bind_template_child (widget_class, AtlasQuizCard, question);
  gtk_widget_class_bind_template_child (widget_class, AtlasQuizCard, prompt);
  gtk_widget_class_bind_template_child (widget_class, AtlasQuizCard, options);
  gtk_widget_class_bind_template_child (widget_class, AtlasQuizCard, feedback);
  gtk_widget_class_bind_template_child (widget_class, AtlasQuizCard, next_button);

  gtk_widget_class_set_css_name (widget_class, "atlas-quiz-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_quiz_card_init (AtlasQuizCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_ui_plain_button_names (GTK_WIDGET (self));
}

/**
 * atlas_quiz_card_set_content:
 *
 * Sets the content the card takes the structures' names from.
 */
void
atlas_quiz_card_set_content (AtlasQuizCard *self,
                             AtlasContent  *content)
{
  g_return_if_fail (ATLAS_IS_QUIZ_CARD (self));

  g_set_object (&self->content, content);
}

/**
 * atlas_quiz_card_get_quiz:
 *
 * Returns: (transfer none) (nullable): the quiz the card shows
 */
AtlasQuiz *
atlas_quiz_card_get_quiz (AtlasQuizCard *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ_CARD (self), NULL);

  return self->quiz;
}

/**
 * atlas_quiz_card_set_quiz:
 * @quiz: (nullable): the quiz to follow
 */
void
atlas_quiz_card_set_quiz (AtlasQuizCard *self,
                          AtlasQuiz     *quiz)
{
  g_return_if_fail (ATLAS_IS_QUIZ_CARD (self));
  g_return_if_fail (quiz == NULL || ATLAS_IS_QUIZ (quiz));

  if (self->quiz == quiz)
    return;

  if (self->quiz != NULL)
    g_signal_handlers_disconnect_by_func (self->quiz, atlas_quiz_card_sync, self);
  g_set_object (&self->quiz, quiz);
  self->announced_position = -2;
  if (self->quiz != NULL)
    {
      g_signal_connect_object (self->quiz, "notify::position", G_CALLBACK (atlas_quiz_card_sync), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->quiz, "notify::answered", G_CALLBACK (atlas_quiz_card_sync), self, G_CONNECT_SWAPPED);
    }

  atlas_quiz_card_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUIZ]);
}

/**
 * atlas_quiz_card_point_to:
 * @structure: (nullable): the structure of the region the class pointed to
 *
 * Answers a "find it" question with what was pointed to on the diagram. Other questions,
 * and questions already answered, are left as they are.
 */
void
atlas_quiz_card_point_to (AtlasQuizCard *self,
                          const char    *structure)
{
  const AtlasQuizQuestion *question;
  g_autofree char *answer = NULL;
  g_autofree char *picked = NULL;
  g_autofree char *feedback = NULL;
  gboolean right;

  g_return_if_fail (ATLAS_IS_QUIZ_CARD (self));

  if (self->quiz == NULL || atlas_quiz_is_answered (self->quiz))
    return;
  question = atlas_quiz_get_question (self->quiz);
  if (question == NULL || question->kind != ATLAS_QUIZ_FIND)
    return;

  self->answering = TRUE;
  right = atlas_quiz_answer (self->quiz, structure);
  answer = structure_name (self, question->structure);
  picked = structure_name (self, structure);
  feedback = right ? g_strdup_printf (_("Right: that is the %s."), answer)
                   : g_strdup_printf (_("Not quite: that is the %s. The %s is outlined."), picked, answer);
  gtk_label_set_label (self->feedback, feedback);
  self->answering = FALSE;
  atlas_quiz_card_sync (self);
}
