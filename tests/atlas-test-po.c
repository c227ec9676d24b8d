/* atlas-test-po.c — a small translation built and switched on for a core test.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests that check how texts come back translated (content, search) write a few .po
 * entries into a language "xx", compile them with msgfmt and make gettext answer from them,
 * exactly as an installed translation would be used.
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

#include "atlas-test-po.h"

/**
 * atlas_test_po_string:
 *
 * Returns: (transfer full): @text as a quoted .po string
 */
char *
atlas_test_po_string (const char *text)
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

/**
 * atlas_test_catalog_install:
 * @entries: .po entries ("msgid …\nmsgstr …\n\n"), without the header
 *
 * Compiles @entries into a catalog of the language "xx" in a new folder and makes gettext
 * answer from it (LANGUAGE=xx, a UTF-8 locale, the domain bound there).
 *
 * Returns: (transfer full): the folder, for atlas_test_catalog_remove()
 */
char *
atlas_test_catalog_install (const char *entries)
{
  char *dir = g_dir_make_tmp ("atlas-po-XXXXXX", NULL);
  g_autofree char *messages = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *po = g_build_filename (dir, "xx.po", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *po_text = g_strconcat ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n", entries, NULL);
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  assert_non_null (dir);
  g_mkdir_with_parents (messages, 0700);
  assert_true (g_file_set_contents (po, po_text, -1, NULL));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    fail_msg ("msgfmt: %s", error->message);

  g_setenv ("LANGUAGE", "xx", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return dir;
}

/**
 * atlas_test_catalog_remove:
 * @dir: (transfer full): what atlas_test_catalog_install() returned
 *
 * Switches back to the installed translations and deletes the catalog.
 */
void
atlas_test_catalog_remove (char *dir)
{
  g_autofree char *xx = g_build_filename (dir, "xx", NULL);
  g_autofree char *messages = g_build_filename (xx, "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *po = g_build_filename (dir, "xx.po", NULL);

  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  g_unlink (mo);
  g_unlink (po);
  g_rmdir (messages);
  g_rmdir (xx);
  g_rmdir (dir);
  g_free (dir);
}
