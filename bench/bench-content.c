/* bench-content.c — how long reading content takes, and whether it grows in step with its size.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   built-in   reading, checking and translating the content that ships (target: under 5 ms)
 *   packs      packs of 1×, 4× and 16× the built-in content, made from copies of its files with
 *              every id and reference renamed (so each pack is valid and stands alone), read
 *              from disk as a user's pack is. Each file grows with the pack, as an author's
 *              would, so anything that rescans a file shows. The time per item must stay flat:
 *              the largest pack at most 1.5× the smallest's per item.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <string.h>

#include "atlas-content.h"
#include "atlas-core.h"

#define RUNS 5

/* The time this thread has spent on the processor: other programs on a shared machine then
 * delay a measurement without lengthening it. */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
time_builtin (void)
{
  double best = G_MAXDOUBLE;

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now ();
      g_autoptr(AtlasContent) content = atlas_content_new_builtin (&error);
      double elapsed = now () - start;

      if (content == NULL)
        g_error ("%s", error->message);
      best = MIN (best, elapsed);
    }

  return best;
}

static guint
count_items (AtlasContent *content)
{
  return atlas_content_get_sources (content)->len + atlas_content_get_terms (content)->len +
         atlas_content_get_regions (content)->len + atlas_content_get_symptoms (content)->len +
         atlas_content_get_red_flags (content)->len + atlas_content_get_exercises (content)->len +
         atlas_content_get_tour (content)->len;
}

/* Prefixes every id in an attribute that holds ids, so copy @data of the content is a new set
 * of items that refer only to each other. A prefix keeps "-left" and "-right" at the end. */
static gboolean
rename_cb (const GMatchInfo *match,
           GString          *result,
           gpointer          data)
{
  g_autofree char *name = g_match_info_fetch (match, 1);
  g_autofree char *value = g_match_info_fetch (match, 2);
  g_auto(GStrv) ids = g_strsplit (value, " ", -1);

  g_string_append_printf (result, " %s=\"", name);
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (result, "%s%s%s", i > 0 ? " " : "", ids[i][0] ? (const char *) data : "", ids[i]);
  g_string_append_c (result, '"');
  return FALSE;
}

/* Writes a pack of @copies copies of the built-in content into @directory, one file for each
 * built-in file. */
static void
write_pack (const char *directory,
            guint       copies)
{
  const char *base = RESOURCE_BASE "/content/";
  g_auto(GStrv) names = g_resources_enumerate_children (base, 0, NULL);
  g_autoptr(GRegex) ids = g_regex_new ("\\s(id|cite|regions|region|ref)=\"([^\"]*)\"", 0, 0, NULL);

  g_mkdir_with_parents (directory, 0700);
  for (guint n = 0; names != NULL && names[n] != NULL; n++)
    {
      g_autofree char *path = g_strconcat (base, names[n], NULL);
      g_autofree char *out = g_build_filename (directory, names[n], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      const char *data, *open, *body, *close;

      if (!g_str_has_suffix (names[n], ".xml"))
        continue;

      bytes = g_resources_lookup_data (path, 0, &error);
      if (bytes == NULL)
        g_error ("%s", error->message);
      data = g_bytes_get_data (bytes, NULL);
      open = strstr (data, "<atlas-content");
      body = open ? strchr (open, '>') + 1 : NULL;
      close = g_strrstr (data, "</atlas-content>");
      g_assert (body != NULL && close != NULL && body < close);

      g_string_append_len (text, data, body - data);
      for (guint c = 0; c < copies; c++)
        {
          g_autofree char *part = g_strndup (body, close - body);
          g_autofree char *prefix = g_strdup_printf ("copy%u-", c);
          g_autofree char *renamed = c == 0 ? g_strdup (part)
                                            : g_regex_replace_eval (ids, part, -1, 0, 0, rename_cb, prefix, NULL);

          g_string_append (text, renamed);
        }
      g_string_append (text, close);

      if (!g_file_set_contents (out, text->str, text->len, &error))
        g_error ("%s", error->message);
    }
}

static void
remove_pack (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
}

/* Seconds to read the pack in @directory as a user's pack is read; @items is set to how many
 * items it holds. */
static double
time_pack (const char *directory,
           guint      *items)
{
  g_autoptr(GFile) file = g_file_new_for_path (directory);
  double best = G_MAXDOUBLE;

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(AtlasContent) content = atlas_content_new ();
      g_autoptr(GError) error = NULL;
      double start = now (), elapsed;

      /* A size limit the reader may gain is reported, not crashed on. */
      if (!atlas_content_load_pack (content, file, &error))
        {
          g_printerr ("The generated pack %s could not be read: %s\n", directory, error->message);
          return NAN;
        }
      elapsed = now () - start;
      best = MIN (best, elapsed);
      *items = count_items (content);
    }

  return best;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1, 4, 16 };
  g_autofree char *tmp = g_dir_make_tmp ("atlas-bench-content-XXXXXX", NULL);
  double builtin, per_item[G_N_ELEMENTS (sizes)];
  gboolean met;

  atlas_core_ensure_resources ();

  builtin = time_builtin ();
  met = builtin < 5e-3;
  printf ("%-30s %10s %10s %8s\n", "reading content", "ours", "target", "ratio");
  printf ("%-30s %7.2f ms %7.2f ms %7.2fx  %s\n", "built-in content (best of 5)",
          builtin * 1e3, 5.0, builtin * 1e3 / 5.0, builtin < 5e-3 ? "met" : "MISSED");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("%ux", sizes[s]);
      g_autofree char *directory = g_build_filename (tmp, name, NULL);
      guint items = 0;
      double elapsed;

      write_pack (directory, sizes[s]);
      elapsed = time_pack (directory, &items);
      remove_pack (directory);
      per_item[s] = elapsed / items;
      printf ("pack of %2ux: %5u items %9.2f ms %7.2f us per item %7.2fx of 1x per item\n",
              sizes[s], items, elapsed * 1e3, per_item[s] * 1e6, per_item[s] / per_item[0]);
    }

  met &= per_item[G_N_ELEMENTS (sizes) - 1] <= 1.5 * per_item[0];
  printf ("%-30s %18s %7.2fx  %s (target: at most 1.50x)\n", "per item, 16x against 1x", "",
          per_item[G_N_ELEMENTS (sizes) - 1] / per_item[0],
          per_item[G_N_ELEMENTS (sizes) - 1] <= 1.5 * per_item[0] ? "met" : "MISSED");

  g_rmdir (tmp);
  printf ("\n%s\n", met ? "All targets met." : "Some targets were missed (see above).");
  return 0;
}
