/* test-red-flags.c — the table of red-flag groups that the content rules and the screens share.
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

#include "atlas-red-flags.h"

/* The order is the order of display: the nerve emergency first, then the rest by kind. */
static void
test_groups_come_in_display_order (void **state)
{
  static const char * const expected[] = {
    "cauda-equina", "vascular", "fracture", "cancer", "infection", "inflammatory", "clinician",
  };
  const AtlasRedFlagGroup *groups;
  guint n = 0;

  groups = atlas_red_flag_groups_get (&n);
  assert_int_equal (n, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    assert_string_equal (groups[i].id, expected[i]);
}

static void
test_lookup_finds_each_group_and_nothing_else (void **state)
{
  const AtlasRedFlagGroup *groups;
  guint n = 0;

  groups = atlas_red_flag_groups_get (&n);
  for (guint i = 0; i < n; i++)
    assert_ptr_equal (atlas_red_flag_group_lookup (groups[i].id), &groups[i]);

  assert_null (atlas_red_flag_group_lookup ("kidney"));
  assert_null (atlas_red_flag_group_lookup ("Vascular"));
  assert_null (atlas_red_flag_group_lookup (""));
  assert_null (atlas_red_flag_group_lookup (NULL));
}

static void
assert_sentence (const char *text,
                 gboolean    full_stop)
{
  assert_non_null (text);
  assert_true (strlen (text) > 3);
  assert_int_equal (text[strlen (text) - 1] == '.', full_stop);
}

/* Every group can be shown: a heading, a line under it, what to do, and where that comes from. */
static void
test_every_group_has_every_field (void **state)
{
  const AtlasRedFlagGroup *groups;
  guint n = 0;

  groups = atlas_red_flag_groups_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) cites = NULL;

      assert_sentence (groups[i].title, FALSE);
      assert_sentence (groups[i].description, TRUE);
      assert_sentence (groups[i].alert_title, FALSE);
      assert_sentence (groups[i].advice, TRUE);
      assert_in_range (groups[i].urgency, ATLAS_URGENCY_AMBULANCE, ATLAS_URGENCY_SOON);

      assert_non_null (groups[i].cites);
      cites = g_strsplit (groups[i].cites, " ", -1);
      assert_true (g_strv_length (cites) >= 1);
      for (guint c = 0; cites[c] != NULL; c++)
        assert_true (g_str_has_prefix (cites[c], "ref-"));
    }
}

/* A leaking aorta is the most urgent (an ambulance), more than cauda equina (go to an
 * emergency department), though cauda equina is shown first. */
static void
test_urgency_of_the_first_two (void **state)
{
  const AtlasRedFlagGroup *groups;
  guint n = 0;

  groups = atlas_red_flag_groups_get (&n);
  assert_int_equal (groups[0].urgency, ATLAS_URGENCY_EMERGENCY);
  assert_int_equal (groups[1].urgency, ATLAS_URGENCY_AMBULANCE);
  assert_true (groups[1].urgency < groups[0].urgency);
  for (guint i = 2; i < n; i++)
    assert_true (groups[i].urgency > groups[0].urgency);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_groups_come_in_display_order),
    cmocka_unit_test (test_lookup_finds_each_group_and_nothing_else),
    cmocka_unit_test (test_every_group_has_every_field),
    cmocka_unit_test (test_urgency_of_the_first_two),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
