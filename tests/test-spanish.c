/* test-spanish.c — the Spanish translation as the application's core reads it, and a handout
 * in another language than the one the process speaks. No display.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs against the catalog compiled from po/es.po in the build folder (PSOAS_ATLAS_LOCALEDIR).
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

#include "atlas-checklist.h"
#include "atlas-content.h"
#include "atlas-handout.h"
#include "atlas-language.h"
#include "atlas-views.h"

/* ------------------------------------------------------------------------------------------ */
/* Every text of the content, English and translated side by side                            */

static void
add_statements (GPtrArray *texts,
                GPtrArray *statements)
{
  for (guint i = 0; statements != NULL && i < statements->len; i++)
    g_ptr_array_add (texts, ((AtlasStatement *) g_ptr_array_index (statements, i))->text);
}

static void
add_disagreements (GPtrArray *texts,
                   GPtrArray *disagreements)
{
  for (guint i = 0; disagreements != NULL && i < disagreements->len; i++)
    {
      AtlasDisagreement *disagreement = g_ptr_array_index (disagreements, i);

      g_ptr_array_add (texts, disagreement->topic);
      add_statements (texts, disagreement->views);
    }
}

/* In the order the content holds them, so two loads of the same packs line up. */
static GPtrArray *
content_texts (AtlasContent *content)
{
  GPtrArray *texts = g_ptr_array_new ();
  GPtrArray *items;

  items = atlas_content_get_sources (content);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasSource *source = g_ptr_array_index (items, i);

      g_ptr_array_add (texts, source->title);
      if (source->short_name != NULL)
        g_ptr_array_add (texts, source->short_name);
      if (source->publisher != NULL)
        g_ptr_array_add (texts, source->publisher);
      if (source->date != NULL)
        g_ptr_array_add (texts, source->date);
      if (source->contribution != NULL)
        g_ptr_array_add (texts, source->contribution);
    }
  items = atlas_content_get_terms (content);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasTerm *term = g_ptr_array_index (items, i);

      g_ptr_array_add (texts, term->name);
      g_ptr_array_add (texts, term->definition);
    }
  items = atlas_content_get_regions (content);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasRegionContent *region = g_ptr_array_index (items, i);

      g_ptr_array_add (texts, region->name);
      g_ptr_array_add (texts, region->summary);
      add_statements (texts, region->articles);
      add_statements (texts, region->anatomy);
      add_disagreements (texts, region->disagreements);
    }
  items = atlas_content_get_symptoms (content);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasSymptom *symptom = g_ptr_array_index (items, i);

      g_ptr_array_add (texts, symptom->name);
      g_ptr_array_add (texts, symptom->why);
    }
  items = atlas_content_get_red_flags (content);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasRedFlag *flag = g_ptr_array_index (items, i);

      g_ptr_array_add (texts, flag->name);
      if (flag->advice != NULL)
        g_ptr_array_add (texts, flag->advice);
    }
  items = atlas_content_get_exercises (content);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasExercise *exercise = g_ptr_array_index (items, i);

      g_ptr_array_add (texts, exercise->name);
      g_ptr_array_add (texts, exercise->summary);
      for (guint s = 0; s < exercise->steps->len; s++)
        g_ptr_array_add (texts, g_ptr_array_index (exercise->steps, s));
      for (guint c = 0; c < exercise->cautions->len; c++)
        g_ptr_array_add (texts, g_ptr_array_index (exercise->cautions, c));
      add_disagreements (texts, exercise->disagreements);
    }
  items = atlas_content_get_tour (content);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasTourStep *step = g_ptr_array_index (items, i);

      g_ptr_array_add (texts, step->title);
      g_ptr_array_add (texts, step->text);
    }

  return texts;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The glossary links of a rich text, sorted: "a b". */
static char *
term_refs (const char *rich)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  const char *p = rich;

  while ((p = strstr (p, "<term ref=\"")) != NULL)
    {
      const char *start = p + strlen ("<term ref=\"");
      const char *end = strchr (start, '"');

      g_assert_nonnull (end);
      g_ptr_array_add (refs, g_strndup (start, end - start));
      p = end;
    }
  g_ptr_array_sort (refs, compare_strings);
  g_ptr_array_add (refs, NULL);
  return g_strjoinv (" ", (char **) refs->pdata);
}

/* ------------------------------------------------------------------------------------------ */

static int
setup_spanish (void **state)
{
  const char *dir = g_getenv ("PSOAS_ATLAS_LOCALEDIR");

  if (dir == NULL)
    fail_msg ("PSOAS_ATLAS_LOCALEDIR must name the compiled catalogs");
  /* The "C" locale, as a minimal session has: gettext ignores LANGUAGE there, and switching
   * the handout's language must still work. */
  setlocale (LC_ALL, "C");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_unsetenv ("LANGUAGE");
  return 0;
}

static void
test_content_in_spanish (void **state)
{
  g_autoptr(AtlasContent) english = atlas_content_new_builtin (NULL);
  g_autoptr(AtlasContent) spanish = NULL;
  g_autoptr(GPtrArray) english_texts = NULL;
  g_autoptr(GPtrArray) spanish_texts = NULL;
  g_autoptr(AtlasLanguageScope) scope = NULL;
  guint same = 0;

  assert_non_null (english);
  scope = atlas_language_push ("es");
  spanish = atlas_content_new_builtin (NULL);
  assert_non_null (spanish);

  /* A sample of regions, a warning sign, an exercise, a glossary term. */
  assert_string_equal (atlas_content_get_region (spanish, "psoas-major")->name, "Psoas mayor");
  assert_string_equal (atlas_content_get_region (spanish, "iliacus")->name, "Ilíaco");
  assert_string_equal (atlas_content_get_region (spanish, "lesser-trochanter")->name, "Trocánter menor");
  assert_string_equal (atlas_content_get_region (spanish, "inguinal-ligament")->name, "Ligamento inguinal");
  {
    GPtrArray *flags = atlas_content_get_red_flags (spanish);
    const AtlasRedFlag *bladder = NULL;

    for (guint i = 0; i < flags->len; i++)
      if (g_str_equal (((AtlasRedFlag *) g_ptr_array_index (flags, i))->id, "bladder-control"))
        bladder = g_ptr_array_index (flags, i);
    g_assert_nonnull (bladder);
    assert_non_null (strstr (bladder->name, "orina"));
  }
  {
    const AtlasExercise *bed_edge = atlas_content_get_exercise (spanish, "bed-edge-stretch");

    g_assert_nonnull (bed_edge);
    assert_non_null (strstr (bed_edge->name, "cama"));
  }
  assert_string_equal (atlas_content_get_term (spanish, "vertebra")->name, "vértebra (plural: vértebras)");

  /* Every content message is in the catalog, and keeps its glossary links. */
  english_texts = content_texts (english);
  spanish_texts = content_texts (spanish);
  assert_int_equal (english_texts->len, spanish_texts->len);
  for (guint i = 0; i < english_texts->len; i++)
    {
      const char *msgid = g_ptr_array_index (english_texts, i);
      const char *msgstr = g_ptr_array_index (spanish_texts, i);
      g_autofree char *english_refs = term_refs (msgid);
      g_autofree char *spanish_refs = term_refs (msgstr);

      if (dgettext (GETTEXT_PACKAGE, msgid) == msgid)
        fail_msg ("not translated: %s", msgid);
      if (g_strcmp0 (english_refs, spanish_refs) != 0)
        fail_msg ("the glossary links changed: “%s” has [%s], “%s” has [%s]", msgid, english_refs, msgstr, spanish_refs);
      if (g_str_equal (msgid, msgstr))
        same++;
    }
  /* What stays the same is rare: article titles, which keep their language, and a few names. */
  assert_true (same * 10 < english_texts->len);

  /* The interface's words come with it. */
  assert_string_equal (dgettext (GETTEXT_PACKAGE, "Call an ambulance now"), "Llame a una ambulancia ahora");
}

static void
test_languages_installed (void **state)
{
  g_auto(GStrv) installed = atlas_language_get_installed ();
  g_autofree char *current = atlas_language_dup_current ();
  g_autofree char *spanish = atlas_language_dup_name ("es");
  g_autofree char *english = atlas_language_dup_name ("en");
  g_autofree char *after = NULL;

  assert_string_equal (installed[0], "en");
  assert_true (g_strv_contains ((const char * const *) installed, "es"));
  assert_true (atlas_language_is_installed ("es"));
  assert_false (atlas_language_is_installed ("xx"));
  /* A language as a locale names it finds the installed one. */
  for (const char **asked = (const char *[]) { "es", "ES", "es_ES", "es-MX", "es_ES.UTF-8", "es@euro", NULL }; *asked; asked++)
    {
      g_autofree char *match = atlas_language_match (*asked);

      if (g_strcmp0 (match, "es") != 0)
        fail_msg ("“%s” matched “%s”, not “es”", *asked, match ? match : "nothing");
    }
  {
    g_autofree char *british = atlas_language_match ("en_GB");
    g_autofree char *unknown = atlas_language_match ("xx_ES");
    g_autofree char *empty = atlas_language_match ("_ES");

    assert_string_equal (british, "en");
    assert_null (unknown);
    assert_null (empty);
  }
  assert_string_equal (current, "en");
  assert_string_equal (spanish, "Español");
  assert_string_equal (english, "English");
  /* Asking did not change the language. */
  after = atlas_language_dup_current ();
  assert_string_equal (after, "en");
}

static char *
handout_text (AtlasContent   *content,
              AtlasChecklist *checklist,
              AtlasDiagram   *diagram,
              const char     *language,
              const char     *pdf)
{
  g_autoptr(AtlasHandout) handout = atlas_handout_new_in_language (content, checklist, diagram, "psoas-major-left", language);
  g_autoptr(GError) error = NULL;

  assert_true (atlas_handout_write_pdf (handout, pdf, &error));
  return atlas_handout_dup_text (handout);
}

/* English, then Spanish, then English again, in one process whose interface is English. */
static void
test_handout_in_two_languages (void **state)
{
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (NULL);
  g_autoptr(AtlasChecklist) checklist = atlas_checklist_new (content);
  g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (atlas_views_lookup ("front"), 0, NULL);
  g_autofree char *dir = g_dir_make_tmp ("atlas-handout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  static const char * const meses[] = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                        "agosto", "septiembre", "octubre", "noviembre", "diciembre" };
  g_autofree char *fecha = g_strdup_printf ("%d de %s de %d", g_date_time_get_day_of_month (now),
                                            meses[g_date_time_get_month (now) - 1], g_date_time_get_year (now));
  g_autofree char *english = NULL;
  g_autofree char *spanish = NULL;
  g_autofree char *again = NULL;
  g_autofree char *spanish_alert = NULL;

  assert_non_null (diagram);
  atlas_checklist_set_symptom (checklist, "low-back-hip-tightness", TRUE, ATLAS_SIDE_LEFT);

  english = handout_text (content, checklist, diagram, "en", pdf);
  spanish = handout_text (content, checklist, diagram, "es", pdf);
  again = handout_text (content, checklist, diagram, NULL, pdf);

  /* Headings, the structure, what was ticked, care and its cautions, the date. */
  assert_non_null (strstr (english, "Notes to take home"));
  assert_non_null (strstr (english, "Psoas major"));
  assert_non_null (strstr (english, "What You Ticked"));
  assert_non_null (strstr (english, "When to Get Medical Help"));
  assert_non_null (strstr (english, "Care the Articles Describe"));
  assert_non_null (strstr (english, "(left side)"));

  assert_non_null (strstr (spanish, "Notas para llevar a casa"));
  assert_non_null (strstr (spanish, fecha));
  assert_non_null (strstr (spanish, "Psoas mayor"));
  assert_non_null (strstr (spanish, "Lo que usted marcó"));
  assert_non_null (strstr (spanish, "Cuándo buscar ayuda médica"));
  assert_non_null (strstr (spanish, "Llame a una ambulancia ahora"));
  assert_non_null (strstr (spanish, "(lado izquierdo)"));
  assert_non_null (strstr (spanish, "Precaución:"));
  assert_non_null (strstr (spanish, "Estiramiento de flexores de cadera en zancada"));
  assert_non_null (strstr (spanish, "Fuentes"));
  assert_null (strstr (spanish, "Notes to take home"));
  assert_null (strstr (spanish, "Psoas major"));
  assert_null (strstr (spanish, "When to Get"));

  /* Back to the window's language: nothing stuck. */
  assert_string_equal (again, english);

  /* A warning sign: the alert in Spanish with its urgency, from the checklist's ticks. */
  atlas_checklist_set_red_flag (checklist, "bladder-control", TRUE);
  spanish_alert = handout_text (content, checklist, diagram, "es", pdf);
  assert_non_null (strstr (spanish_alert, "Vaya a urgencias ahora"));
  assert_non_null (strstr (spanish_alert, "Usted marcó:"));
  assert_null (strstr (spanish_alert, "Exercises and self-care"));
  /* The session's checklist is untouched and still English. */
  assert_true (atlas_checklist_get_red_flag (checklist, "bladder-control"));
  assert_string_equal (atlas_content_get_region (content, "psoas-major")->name, "Psoas major");

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_content_in_spanish),
    cmocka_unit_test (test_languages_installed),
    cmocka_unit_test (test_handout_in_two_languages),
  };

  return cmocka_run_group_tests_name ("spanish", tests, setup_spanish, NULL);
}
