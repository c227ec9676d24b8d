/* test-quiz.c — quiz questions made from a diagram, without a display.
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

#include "atlas-quiz.h"
#include "atlas-views.h"

static void
test_questions_cover_distinct_structures_with_fair_options (void **state)
{
  g_autoptr(AtlasDiagram) front = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  g_autoptr(AtlasQuiz) quiz = atlas_quiz_new (front, 10, 42);
  g_autoptr(GHashTable) asked = g_hash_table_new (g_str_hash, g_str_equal);
  guint finds = 0, names = 0;

  assert_int_equal (atlas_quiz_get_n_questions (quiz), 10);
  for (guint i = 0; i < 10; i++)
    {
      const AtlasQuizQuestion *q = atlas_quiz_get_question (quiz);
      gboolean in_options = FALSE;

      assert_non_null (q);
      /* Never the same structure twice, and always one the diagram shows. */
      assert_false (g_hash_table_contains (asked, q->structure));
      g_hash_table_add (asked, (gpointer) q->structure);
      {
        gboolean shown = FALSE;

        for (guint r = 0; r < atlas_diagram_get_n_regions (front); r++)
          shown |= g_str_equal (atlas_diagram_get_region (front, r)->structure, q->structure);
        assert_true (shown);
      }

      if (q->kind == ATLAS_QUIZ_NAME)
        {
          names++;
          for (guint o = 0; o < ATLAS_QUIZ_N_OPTIONS; o++)
            {
              assert_non_null (q->options[o]);
              in_options |= g_str_equal (q->options[o], q->structure);
              for (guint p = o + 1; p < ATLAS_QUIZ_N_OPTIONS; p++)
                assert_false (g_str_equal (q->options[o], q->options[p]));
            }
          assert_true (in_options);
        }
      else
        finds++;

      atlas_quiz_next (quiz);
    }
  assert_true (finds > 0 && names > 0);
  assert_true (atlas_quiz_is_finished (quiz));
  assert_null (atlas_quiz_get_question (quiz));
}

static void
test_answers_score_once (void **state)
{
  g_autoptr(AtlasDiagram) front = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  g_autoptr(AtlasQuiz) quiz = atlas_quiz_new (front, 3, 7);
  const AtlasQuizQuestion *q = atlas_quiz_get_question (quiz);

  assert_true (atlas_quiz_answer (quiz, q->structure));
  assert_int_equal (atlas_quiz_get_score (quiz), 1);
  /* One answer per question: trying again changes nothing. */
  assert_false (atlas_quiz_answer (quiz, q->structure));
  assert_int_equal (atlas_quiz_get_score (quiz), 1);

  assert_true (atlas_quiz_next (quiz));
  assert_false (atlas_quiz_answer (quiz, "not-this-one"));
  assert_true (atlas_quiz_next (quiz));
  assert_false (atlas_quiz_answer (quiz, NULL));
  assert_false (atlas_quiz_next (quiz));
  assert_int_equal (atlas_quiz_get_score (quiz), 1);
}

static void
test_same_seed_same_quiz (void **state)
{
  g_autoptr(AtlasDiagram) side = atlas_view_load_builtin (atlas_views_lookup ("side"), 0, NULL);
  g_autoptr(AtlasQuiz) a = atlas_quiz_new (side, 5, 99);
  g_autoptr(AtlasQuiz) b = atlas_quiz_new (side, 5, 99);

  for (guint i = 0; i < 5; i++)
    {
      assert_string_equal (atlas_quiz_get_question (a)->structure, atlas_quiz_get_question (b)->structure);
      atlas_quiz_next (a);
      atlas_quiz_next (b);
    }
}

static void
test_hidden_regions_are_not_asked (void **state)
{
  g_autoptr(AtlasDiagram) front = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  g_autoptr(AtlasQuiz) quiz = NULL;

  atlas_diagram_set_layer_visible (front, "nerves", FALSE);
  quiz = atlas_quiz_new (front, 100, 1);
  while (!atlas_quiz_is_finished (quiz))
    {
      assert_false (g_str_has_suffix (atlas_quiz_get_question (quiz)->structure, "nerve"));
      atlas_quiz_next (quiz);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_questions_cover_distinct_structures_with_fair_options),
    cmocka_unit_test (test_answers_score_once),
    cmocka_unit_test (test_same_seed_same_quiz),
    cmocka_unit_test (test_hidden_regions_are_not_asked),
  };

  return cmocka_run_group_tests_name ("quiz", tests, NULL, NULL);
}
