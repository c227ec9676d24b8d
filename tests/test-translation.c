/* test-translation.c — content texts are translated at run time, and bad translations are
 * not trusted. No display.
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

#include "atlas-content.h"
#include "atlas-test-po.h"

static void
test_content_is_translated_through_gettext (void **state)
{
  g_autoptr(AtlasContent) english = atlas_content_new_builtin (NULL);
  const AtlasRegionContent *iliacus = atlas_content_get_region (english, "iliacus");
  g_autofree char *summary_id = atlas_test_po_string (iliacus->summary);
  g_autofree char *translated_summary = NULL;
  g_autofree char *summary_str = NULL;
  g_autofree char *entries = NULL;
  g_autoptr(AtlasContent) translated = NULL;
  char *dir;

  /* The summary keeps its glossary link; the name of the psoas major gets broken markup. */
  assert_non_null (strstr (iliacus->summary, "<term ref="));
  translated_summary = g_strconcat ("XX ", iliacus->summary, NULL);
  summary_str = atlas_test_po_string (translated_summary);
  entries = g_strdup_printf ("msgid \"Iliacus\"\nmsgstr \"Darmbeinmuskel\"\n\n"
                             "msgid %s\nmsgstr %s\n\n"
                             "msgid \"Psoas major\"\nmsgstr \"<term ref=\\\"broken\"\n",
                             summary_id, summary_str);
  dir = atlas_test_catalog_install (entries);

  translated = atlas_content_new_builtin (NULL);
  assert_non_null (translated);
  assert_string_equal (atlas_content_get_region (translated, "iliacus")->name, "Darmbeinmuskel");
  assert_string_equal (atlas_content_get_region (translated, "iliacus")->summary, translated_summary);
  /* A translation whose markup would break the page is ignored: the English stays. */
  assert_string_equal (atlas_content_get_region (translated, "psoas-major")->name, "Psoas major");
  /* What no one translated stays English. */
  assert_string_equal (atlas_content_get_region (translated, "femur")->name,
                       atlas_content_get_region (english, "femur")->name);

  atlas_test_catalog_remove (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_content_is_translated_through_gettext),
  };

  return cmocka_run_group_tests_name ("translation", tests, NULL, NULL);
}
