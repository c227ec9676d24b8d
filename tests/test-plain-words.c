/* test-plain-words.c — the built-in content reads as plain words a patient can follow.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sentence a patient reads (names, summaries, statements, symptoms, warning signs,
 * exercises, glossary, tour, source notes) is kept short. The house limit is about 25 words;
 * this test fails on anything over 35, which no patient-facing sentence should ever reach, and
 * lists the ones between 26 and 35 so writers can see what to shorten next. It also bans
 * clinicians' words that have a plain replacement.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "atlas-content.h"

#define HARD_LIMIT 35
#define HOUSE_LIMIT 25

typedef struct
{
  GString *failures;
  guint    long_ones;
  guint    sentences;
} Report;

/* Words that patients should not meet without a plain replacement. */
static const char *banned[] = {
  "primary care",
  "primary-care",
  "ventral rami",
  "radiculopathy",
  "aetiology",
  "etiology",
};

static guint
count_words (const char *sentence)
{
  g_auto(GStrv) words = g_strsplit_set (sentence, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) > 0 && g_unichar_isalnum (g_utf8_get_char (words[i])))
      n++;
    else if (strlen (words[i]) > 1)
      n++;
  return n;
}

/* A sentence ends at ".", "?" or "!" followed by a space and a capital letter or an opening
 * quote, or at a colon followed by a capital (a list or a new clause). "e.g." and "L4." in the
 * middle of a sentence do not end it. */
static void
check_text (Report     *report,
            const char *where,
            const char *rich_text)
{
  g_autofree char *plain = NULL;
  const char *start;

  if (rich_text == NULL)
    return;

  plain = atlas_rich_text_to_plain (rich_text);
  {
    g_autofree char *lower = g_utf8_strdown (plain, -1);

    for (guint b = 0; b < G_N_ELEMENTS (banned); b++)
      if (strstr (lower, banned[b]) != NULL)
        g_string_append_printf (report->failures, "%s: says \"%s\"; use plain words\n", where, banned[b]);
  }

  start = plain;
  for (const char *p = plain; ; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0';

      if (!end && (*p == '.' || *p == '?' || *p == '!') && p[1] == ' ')
        {
          gunichar next = g_utf8_get_char (p + 2);

          end = g_unichar_isupper (next) || next == '"' || next == 0x201C || g_unichar_isdigit (next);
          /* "e.g. Something" and "Dr. Name" do not end a sentence. */
          if (end && p - plain >= 3 && (strncmp (p - 3, "e.g", 3) == 0 || strncmp (p - 3, "i.e", 3) == 0 ||
                                        strncmp (p - 2, "Dr", 2) == 0 || strncmp (p - 2, "St", 2) == 0))
            end = FALSE;
        }

      if (end)
        {
          g_autofree char *sentence = g_strndup (start, (p - start) + (*p != '\0' ? 1 : 0));
          guint words = count_words (sentence);

          if (words > 0)
            report->sentences++;
          if (words > HARD_LIMIT)
            g_string_append_printf (report->failures, "%s: %u words: %s\n", where, words, g_strstrip (sentence));
          else if (words > HOUSE_LIMIT)
            {
              report->long_ones++;
              g_print ("# over %u words (%u) in %s: %s\n", HOUSE_LIMIT, words, where, g_strstrip (sentence));
            }
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
}

static void
check_statements (Report     *report,
                  const char *where,
                  GPtrArray  *statements)
{
  for (guint i = 0; i < statements->len; i++)
    check_text (report, where, ((AtlasStatement *) g_ptr_array_index (statements, i))->text);
}

static void
test_every_patient_facing_sentence_is_short (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (&error);
  Report report = { g_string_new (NULL), 0, 0 };
  GPtrArray *items;

  (void) state;
  assert_non_null (content);

  items = atlas_content_get_regions (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasRegionContent *region = g_ptr_array_index (items, i);
      g_autofree char *where = g_strdup_printf ("region %s", region->id);

      check_text (&report, where, region->name);
      check_text (&report, where, region->summary);
      check_statements (&report, where, region->articles);
      check_statements (&report, where, region->anatomy);
      for (guint d = 0; d < region->disagreements->len; d++)
        {
          const AtlasDisagreement *disagreement = g_ptr_array_index (region->disagreements, d);

          check_text (&report, where, disagreement->topic);
          check_statements (&report, where, disagreement->views);
        }
    }

  items = atlas_content_get_symptoms (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasSymptom *symptom = g_ptr_array_index (items, i);
      g_autofree char *where = g_strdup_printf ("symptom %s", symptom->id);

      check_text (&report, where, symptom->name);
      check_text (&report, where, symptom->why);
    }

  items = atlas_content_get_red_flags (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasRedFlag *flag = g_ptr_array_index (items, i);
      g_autofree char *where = g_strdup_printf ("warning sign %s", flag->id);

      check_text (&report, where, flag->name);
      check_text (&report, where, flag->advice);
    }

  items = atlas_content_get_exercises (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasExercise *exercise = g_ptr_array_index (items, i);
      g_autofree char *where = g_strdup_printf ("exercise %s", exercise->id);

      check_text (&report, where, exercise->name);
      check_text (&report, where, exercise->summary);
      for (guint s = 0; s < exercise->steps->len; s++)
        check_text (&report, where, g_ptr_array_index (exercise->steps, s));
      for (guint c = 0; c < exercise->cautions->len; c++)
        check_text (&report, where, g_ptr_array_index (exercise->cautions, c));
      for (guint d = 0; d < exercise->disagreements->len; d++)
        {
          const AtlasDisagreement *disagreement = g_ptr_array_index (exercise->disagreements, d);

          check_text (&report, where, disagreement->topic);
          check_statements (&report, where, disagreement->views);
        }
    }

  items = atlas_content_get_terms (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTerm *term = g_ptr_array_index (items, i);
      g_autofree char *where = g_strdup_printf ("glossary %s", term->id);

      check_text (&report, where, term->definition);
    }

  items = atlas_content_get_tour (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTourStep *step = g_ptr_array_index (items, i);
      g_autofree char *where = g_strdup_printf ("tour step %s", step->id);

      check_text (&report, where, step->title);
      check_text (&report, where, step->text);
    }

  items = atlas_content_get_sources (content);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasSource *source = g_ptr_array_index (items, i);
      g_autofree char *where = g_strdup_printf ("source %s", source->id);

      check_text (&report, where, source->contribution);
    }

  g_print ("# %u sentences read, %u over %u words\n", report.sentences, report.long_ones, HOUSE_LIMIT);
  assert_true (report.sentences > 300);
  if (report.failures->len > 0)
    fail_msg ("These sentences are too long or not in plain words:\n%s", report.failures->str);
  g_string_free (report.failures, TRUE);
}

/* The checker itself: a long sentence is caught, abbreviations do not split one. */
static void
test_the_checker_counts_sentences (void **state)
{
  Report report = { g_string_new (NULL), 0, 0 };

  (void) state;
  check_text (&report, "sample", "Short one. Another, e.g. This goes on. Ask your primary care team.");
  assert_int_equal (report.sentences, 3);
  assert_non_null (strstr (report.failures->str, "primary care"));
  g_string_truncate (report.failures, 0);

  check_text (&report, "sample",
              "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
              "sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four "
              "twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty thirty-one thirty-two "
              "thirty-three thirty-four thirty-five thirty-six.");
  assert_non_null (strstr (report.failures->str, "36 words"));
  g_string_free (report.failures, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_the_checker_counts_sentences),
    cmocka_unit_test (test_every_patient_facing_sentence_is_short),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
