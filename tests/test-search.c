/* test-search.c — finding structures, symptoms, warning signs, terms and exercises by words,
 * over the built-in content and in the language the application runs in. No display.
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

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "atlas-search.h"
#include "atlas-test-po.h"

typedef struct
{
  AtlasContent     *content;
  AtlasSearchIndex *index;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->content = atlas_content_new_builtin (NULL);
  assert_non_null (f->content);
  f->index = atlas_search_index_new (f->content);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  atlas_search_index_free (f->index);
  g_object_unref (f->content);
  g_free (f);
  return 0;
}

/* The position of (kind, id) in the results, or -1. */
static int
position (GPtrArray       *results,
          AtlasSearchKind  kind,
          const char      *id)
{
  for (guint i = 0; i < results->len; i++)
    {
      const AtlasSearchResult *result = g_ptr_array_index (results, i);

      if (result->kind == kind && g_str_equal (result->id, id))
        return i;
    }
  return -1;
}

static const AtlasSearchResult nothing = { ATLAS_SEARCH_N_KINDS, "(nothing)", "(nothing)", 0 };

/* The best result of @kind, or a placeholder that no assertion accepts. */
static const AtlasSearchResult *
first_of (GPtrArray       *results,
          AtlasSearchKind  kind)
{
  for (guint i = 0; i < results->len; i++)
    if (((AtlasSearchResult *) g_ptr_array_index (results, i))->kind == kind)
      return g_ptr_array_index (results, i);
  return &nothing;
}

static void
test_normalize_drops_case_accents_and_punctuation (void **state)
{
  g_autofree char *a = atlas_search_normalize ("Psóas  MAJOR—(left)");
  g_autofree char *b = atlas_search_normalize ("CADERA, cádera");
  g_autofree char *c = atlas_search_normalize (NULL);

  assert_string_equal (a, " psoas major left ");
  assert_string_equal (b, " cadera cadera ");
  assert_string_equal (c, " ");
}

static void
test_names_are_found_whatever_the_case_or_accents (void **state)
{
  Fixture *f = *state;
  const char *queries[] = { "psoas", "PSOAS", "Psóas", "  psoas ", "pso" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) results = atlas_search_index_query (f->index, queries[i], 0);
      const AtlasSearchResult *best = first_of (results, ATLAS_SEARCH_STRUCTURE);

      /* The structure named so comes first; the psoas minor is found too. */
      assert_string_equal (best->id, "psoas-major");
      assert_true (position (results, ATLAS_SEARCH_STRUCTURE, "psoas-minor") >= 0);
    }
}

static void
test_synonyms_and_words_in_the_text_are_found (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) flexor = atlas_search_index_query (f->index, "hip flexor", 0);
  g_autoptr(GPtrArray) groin = atlas_search_index_query (f->index, "groin", 0);
  g_autoptr(GPtrArray) femoral = atlas_search_index_query (f->index, "femoral", 0);
  const AtlasSearchResult *best;

  /* A name people use that is not the anatomical one. */
  best = first_of (flexor, ATLAS_SEARCH_STRUCTURE);
  assert_true (g_str_equal (best->id, "psoas-major") || g_str_equal (best->id, "iliacus"));
  assert_true (position (flexor, ATLAS_SEARCH_STRUCTURE, "psoas-major") >= 0);

  /* A word in symptoms' names and in structures' texts. */
  assert_true (first_of (groin, ATLAS_SEARCH_SYMPTOM) != &nothing);
  assert_true (first_of (groin, ATLAS_SEARCH_STRUCTURE) != &nothing);

  /* A word that starts several names: all of them. */
  assert_true (position (femoral, ATLAS_SEARCH_STRUCTURE, "femoral-nerve") >= 0);
  assert_true (position (femoral, ATLAS_SEARCH_STRUCTURE, "lateral-femoral-cutaneous-nerve") >= 0);
  /* The name that is the word itself comes first. */
  best = first_of (femoral, ATLAS_SEARCH_STRUCTURE);
  assert_string_equal (best->id, "femoral-nerve");
}

static void
test_every_kind_is_searchable_and_grouped_in_order (void **state)
{
  Fixture *f = *state;
  GPtrArray *flags = atlas_content_get_red_flags (f->content);
  GPtrArray *terms = atlas_content_get_terms (f->content);
  GPtrArray *exercises = atlas_content_get_exercises (f->content);
  g_autofree char *flag_name = atlas_rich_text_to_plain (((AtlasRedFlag *) g_ptr_array_index (flags, 0))->name);
  g_autofree char *term_name = atlas_rich_text_to_plain (((AtlasTerm *) g_ptr_array_index (terms, 0))->name);
  g_autofree char *exercise_name = atlas_rich_text_to_plain (((AtlasExercise *) g_ptr_array_index (exercises, 0))->name);
  g_autoptr(GPtrArray) by_flag = atlas_search_index_query (f->index, flag_name, 0);
  g_autoptr(GPtrArray) by_term = atlas_search_index_query (f->index, term_name, 0);
  g_autoptr(GPtrArray) by_exercise = atlas_search_index_query (f->index, exercise_name, 0);
  g_autoptr(GPtrArray) back = atlas_search_index_query (f->index, "back", 0);
  g_autoptr(GPtrArray) limited = atlas_search_index_query (f->index, "back", 2);
  guint counts[ATLAS_SEARCH_N_KINDS] = { 0, };

  assert_int_equal (atlas_search_index_get_size (f->index),
                    atlas_content_get_regions (f->content)->len + atlas_content_get_symptoms (f->content)->len +
                    flags->len + terms->len + exercises->len);

  /* Each found by its own name, first of its kind. */
  assert_string_equal (first_of (by_flag, ATLAS_SEARCH_RED_FLAG)->id, ((AtlasRedFlag *) g_ptr_array_index (flags, 0))->id);
  assert_string_equal (first_of (by_term, ATLAS_SEARCH_TERM)->id, ((AtlasTerm *) g_ptr_array_index (terms, 0))->id);
  assert_string_equal (first_of (by_exercise, ATLAS_SEARCH_EXERCISE)->id, ((AtlasExercise *) g_ptr_array_index (exercises, 0))->id);

  /* Grouped by kind, in order, best first within a kind. */
  assert_true (back->len > 5);
  for (guint i = 1; i < back->len; i++)
    {
      const AtlasSearchResult *a = g_ptr_array_index (back, i - 1);
      const AtlasSearchResult *b = g_ptr_array_index (back, i);

      assert_true (a->kind < b->kind || (a->kind == b->kind && a->score >= b->score));
    }
  for (guint i = 0; i < limited->len; i++)
    counts[((AtlasSearchResult *) g_ptr_array_index (limited, i))->kind]++;
  for (guint k = 0; k < ATLAS_SEARCH_N_KINDS; k++)
    assert_true (counts[k] <= 2);
  assert_true (limited->len < back->len);
}

static void
test_nothing_is_found_for_nothing (void **state)
{
  Fixture *f = *state;
  /* "cadera" is Spanish: it is found only when running in Spanish (see below). */
  const char *queries[] = { "", "   ", "—!?", "zzqxj", "psoas zzqxj", "cadera", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) results = atlas_search_index_query (f->index, queries[i], 0);

      assert_int_equal (results->len, 0);
    }
}

/* Running in another language, the index holds that language's names and synonyms. */
static void
test_search_is_in_the_running_language (void **state)
{
  g_autofree char *synonyms = atlas_test_po_string ("pelvis, ilium, hip");
  g_autofree char *entries = g_strdup_printf ("msgid \"Hip bone\"\nmsgstr \"Hueso ilíaco\"\n\n"
                                              "msgid %s\nmsgstr \"pelvis, cadera\"\n", synonyms);
  char *dir = atlas_test_catalog_install (entries);
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (NULL);
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new (content);
  g_autoptr(GPtrArray) cadera = atlas_search_index_query (index, "Cádera", 0);
  g_autoptr(GPtrArray) iliaco = atlas_search_index_query (index, "hueso iliaco", 0);
  g_autoptr(GPtrArray) english = atlas_search_index_query (index, "psoas", 0);

  assert_string_equal (first_of (cadera, ATLAS_SEARCH_STRUCTURE)->id, "hip-bone");
  assert_string_equal (first_of (iliaco, ATLAS_SEARCH_STRUCTURE)->id, "hip-bone");
  assert_string_equal (first_of (iliaco, ATLAS_SEARCH_STRUCTURE)->title, "Hueso ilíaco");
  /* What no one translated is still found in English. */
  assert_true (position (english, ATLAS_SEARCH_STRUCTURE, "psoas-major") >= 0);

  atlas_test_catalog_remove (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_normalize_drops_case_accents_and_punctuation),
    cmocka_unit_test_setup_teardown (test_names_are_found_whatever_the_case_or_accents, setup, teardown),
    cmocka_unit_test_setup_teardown (test_synonyms_and_words_in_the_text_are_found, setup, teardown),
    cmocka_unit_test_setup_teardown (test_every_kind_is_searchable_and_grouped_in_order, setup, teardown),
    cmocka_unit_test_setup_teardown (test_nothing_is_found_for_nothing, setup, teardown),
    cmocka_unit_test (test_search_is_in_the_running_language),
  };

  setlocale (LC_ALL, "");
  return cmocka_run_group_tests (tests, NULL, NULL);
}
