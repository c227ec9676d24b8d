/* test-tour.c — the guided tour's stepping, without a display.
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

#include "atlas-tour.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          int        *count)
{
  (*count)++;
}

static void
test_steps_in_order_within_bounds (void **state)
{
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (NULL);
  g_autoptr(AtlasTour) tour = atlas_tour_new (content);
  guint n = atlas_tour_get_n_steps (tour);
  int changes = 0;

  assert_true (n >= 5);
  g_signal_connect (tour, "notify::position", G_CALLBACK (count_cb), &changes);

  /* Not running: no step, and moving does nothing. */
  assert_false (atlas_tour_is_running (tour));
  assert_null (atlas_tour_get_step (tour));
  assert_false (atlas_tour_next (tour));
  assert_false (atlas_tour_previous (tour));

  assert_true (atlas_tour_start (tour));
  assert_int_equal (atlas_tour_get_position (tour), 0);
  assert_string_equal (atlas_tour_get_step (tour)->id,
                       ((AtlasTourStep *) g_ptr_array_index (atlas_content_get_tour (content), 0))->id);
  assert_false (atlas_tour_previous (tour));

  for (guint i = 1; i < n; i++)
    assert_true (atlas_tour_next (tour));
  assert_int_equal (atlas_tour_get_position (tour), (int) n - 1);
  /* The last step is the last. */
  assert_false (atlas_tour_next (tour));
  assert_true (atlas_tour_previous (tour));
  assert_int_equal (atlas_tour_get_position (tour), (int) n - 2);

  /* Starting again goes back to the beginning. */
  assert_true (atlas_tour_start (tour));
  assert_int_equal (atlas_tour_get_position (tour), 0);

  atlas_tour_stop (tour);
  assert_false (atlas_tour_is_running (tour));
  /* One notification per move: start, n-1 nexts, previous, restart, stop. */
  assert_int_equal (changes, 1 + (int) (n - 1) + 1 + 1 + 1);
}

static void
test_a_tour_without_steps_cannot_start (void **state)
{
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(AtlasTour) tour = atlas_tour_new (content);

  assert_false (atlas_tour_start (tour));
  assert_false (atlas_tour_is_running (tour));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_steps_in_order_within_bounds),
    cmocka_unit_test (test_a_tour_without_steps_cannot_start),
  };

  return cmocka_run_group_tests_name ("tour", tests, NULL, NULL);
}
