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

static char *
po_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
test_content_is_translated_through_gettext (void **state)
{
  g_autoptr(AtlasContent) english = atlas_content_new_builtin (NULL);
  const AtlasRegionContent *iliacus = atlas_content_get_region (english, "iliacus");
  g_autofree char *dir = g_dir_make_tmp ("atlas-i18n-XXXXXX", NULL);
  g_autofree char *messages = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *po = g_build_filename (dir, "xx.po", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *summary_id = po_string (iliacus->summary);
  g_autofree char *translated_summary = NULL;
  g_autofree char *summary_str = NULL;
  g_autofree char *po_text = NULL;
  g_autoptr(AtlasContent) translated = NULL;
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  /* The summary keeps its glossary link; the name of the psoas major gets broken markup. */
  assert_non_null (strstr (iliacus->summary, "<term ref="));
  translated_summary = g_strconcat ("XX ", iliacus->summary, NULL);
  summary_str = po_string (translated_summary);
  po_text = g_strdup_printf ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                             "msgid \"Iliacus\"\nmsgstr \"Darmbeinmuskel\"\n\n"
                             "msgid %s\nmsgstr %s\n\n"
                             "msgid \"Psoas major\"\nmsgstr \"<term ref=\\\"broken\"\n",
                             summary_id, summary_str);
  g_mkdir_with_parents (messages, 0700);
  assert_true (g_file_set_contents (po, po_text, -1, NULL));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    fail_msg ("msgfmt: %s", error->message);

  g_setenv ("LANGUAGE", "xx", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  translated = atlas_content_new_builtin (NULL);
  assert_non_null (translated);
  assert_string_equal (atlas_content_get_region (translated, "iliacus")->name, "Darmbeinmuskel");
  assert_string_equal (atlas_content_get_region (translated, "iliacus")->summary, translated_summary);
  /* A translation whose markup would break the page is ignored: the English stays. */
  assert_string_equal (atlas_content_get_region (translated, "psoas-major")->name, "Psoas major");
  /* What no one translated stays English. */
  assert_string_equal (atlas_content_get_region (translated, "femur")->name,
                       atlas_content_get_region (english, "femur")->name);

  g_unsetenv ("LANGUAGE");
  g_unlink (mo);
  g_unlink (po);
  g_rmdir (messages);
  {
    g_autofree char *xx = g_build_filename (dir, "xx", NULL);
    g_rmdir (xx);
  }
  g_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_content_is_translated_through_gettext),
  };

  return cmocka_run_group_tests_name ("translation", tests, NULL, NULL);
}
