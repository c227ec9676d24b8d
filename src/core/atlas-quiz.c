/* atlas-quiz.c — questions for a class, made from a diagram: find it, or name it.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Questions are made from the structures a diagram shows, so every view (and every content
 * pack's diagram) can be quizzed without writing questions. Questions alternate between
 * finding a named structure and naming an outlined one; wrong choices for naming come from the
 * same diagram. A seed makes a quiz repeatable, which the tests rely on.
 */
#include "config.h"

#include "atlas-quiz.h"

struct _AtlasQuiz
{
  GObject      parent_instance;

  GPtrArray   *structures;   /* char*: one per structure the diagram shows */
  GArray      *questions;    /* AtlasQuizQuestion */
  guint        position;
  guint        score;
  gboolean     answered;
};

G_DEFINE_FINAL_TYPE (AtlasQuiz, atlas_quiz, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_SCORE,
  PROP_ANSWERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_quiz_finalize (GObject *object)
{
  AtlasQuiz *self = ATLAS_QUIZ (object);

  g_ptr_array_unref (self->structures);
  g_array_unref (self->questions);

  G_OBJECT_CLASS (atlas_quiz_parent_class)->finalize (object);
}

static void
atlas_quiz_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasQuiz *self = ATLAS_QUIZ (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_SCORE:
      g_value_set_uint (value, self->score);
      break;

    case PROP_ANSWERED:
      g_value_set_boolean (value, self->answered);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_quiz_class_init (AtlasQuizClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_quiz_finalize;
  object_class->get_property = atlas_quiz_get_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_uint ("score", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED] =
    g_param_spec_boolean ("answered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_quiz_init (AtlasQuiz *self)
{
  self->structures = g_ptr_array_new_with_free_func (g_free);
  self->questions = g_array_new (FALSE, TRUE, sizeof (AtlasQuizQuestion));
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

/**
 * atlas_quiz_new:
 * @diagram: the diagram the questions are about; only its visible regions are asked
 * @n_questions: how many questions at most
 * @seed: the same seed gives the same quiz
 *
 * Returns: (transfer full): a quiz, at its first question
 */
AtlasQuiz *
atlas_quiz_new (AtlasDiagram *diagram,
                guint         n_questions,
                guint32       seed)
{
  AtlasQuiz *self;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_return_val_if_fail (ATLAS_IS_DIAGRAM (diagram), NULL);

  self = g_object_new (ATLAS_TYPE_QUIZ, NULL);

  for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

      if (!atlas_diagram_region_is_visible (diagram, region) || region->width <= 0 ||
          g_hash_table_contains (seen, region->structure))
        continue;
      g_hash_table_add (seen, region->structure);
      g_ptr_array_add (self->structures, g_strdup (region->structure));
    }

  for (guint i = 0; i < self->structures->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (self->structures, i));
  shuffle (order, rand);

  n_questions = MIN (n_questions, order->len);
  for (guint q = 0; q < n_questions; q++)
    {
      AtlasQuizQuestion question = { 0, };

      question.structure = g_ptr_array_index (order, q);
      question.kind = (q % 2 == 0 || self->structures->len < ATLAS_QUIZ_N_OPTIONS) ? ATLAS_QUIZ_FIND : ATLAS_QUIZ_NAME;

      if (question.kind == ATLAS_QUIZ_NAME)
        {
          g_autoptr(GPtrArray) others = g_ptr_array_new ();
          guint answer_at = g_rand_int_range (rand, 0, ATLAS_QUIZ_N_OPTIONS);

          for (guint i = 0; i < self->structures->len; i++)
            if (g_ptr_array_index (self->structures, i) != question.structure)
              g_ptr_array_add (others, g_ptr_array_index (self->structures, i));
          shuffle (others, rand);

          for (guint o = 0, k = 0; o < ATLAS_QUIZ_N_OPTIONS; o++)
            question.options[o] = o == answer_at ? question.structure : g_ptr_array_index (others, k++);
        }

      g_array_append_val (self->questions, question);
    }

  return self;
}

guint
atlas_quiz_get_n_questions (AtlasQuiz *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ (self), 0);

  return self->questions->len;
}

guint
atlas_quiz_get_position (AtlasQuiz *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ (self), 0);

  return self->position;
}

guint
atlas_quiz_get_score (AtlasQuiz *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ (self), 0);

  return self->score;
}

/**
 * atlas_quiz_get_question:
 *
 * Returns: (nullable): the current question, or %NULL once the quiz is finished
 */
const AtlasQuizQuestion *
atlas_quiz_get_question (AtlasQuiz *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ (self), NULL);

  if (self->position >= self->questions->len)
    return NULL;

  return &g_array_index (self->questions, AtlasQuizQuestion, self->position);
}

gboolean
atlas_quiz_is_answered (AtlasQuiz *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ (self), FALSE);

  return self->answered;
}

gboolean
atlas_quiz_is_finished (AtlasQuiz *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ (self), TRUE);

  return self->position >= self->questions->len;
}

/**
 * atlas_quiz_answer:
 * @structure: (nullable): the structure chosen or pointed to; %NULL for a miss
 *
 * Answers the current question, once. Either side of a paired structure is right.
 *
 * Returns: %TRUE if the answer was right
 */
gboolean
atlas_quiz_answer (AtlasQuiz  *self,
                   const char *structure)
{
  const AtlasQuizQuestion *question;
  gboolean right;

  g_return_val_if_fail (ATLAS_IS_QUIZ (self), FALSE);

  question = atlas_quiz_get_question (self);
  if (question == NULL || self->answered)
    return FALSE;

  right = g_strcmp0 (structure, question->structure) == 0;
  self->answered = TRUE;
  if (right)
    {
      self->score++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
  return right;
}

/**
 * atlas_quiz_next:
 *
 * Returns: %TRUE if there is a next question
 */
gboolean
atlas_quiz_next (AtlasQuiz *self)
{
  g_return_val_if_fail (ATLAS_IS_QUIZ (self), FALSE);

  if (atlas_quiz_is_finished (self))
    return FALSE;

  self->position++;
  self->answered = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  return !atlas_quiz_is_finished (self);
}
