/* bench-search.c — how fast the search index answers, over the whole built-in content.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build   index every structure, symptom, warning sign, term and exercise once
 *   query   one query as typed, the best of many runs of a mix of queries: short and long,
 *           matching names, text or nothing (target: under 1 ms each)
 *
 * It prints the figures against the target; like the other benchmarks it fails nothing.
 */
#include "config.h"

#include <stdio.h>

#include "atlas-search.h"

static const char *queries[] = {
  "p", "ps", "psoas", "groin", "hip flexor", "femoral", "cadera", "nerve",
  "pain spreading from the low back", "zzzz", "l", "back pain",
};

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (&error);
  g_autoptr(AtlasSearchIndex) index = NULL;
  double start, build, worst = 0, total = 0;
  guint runs = 200, n = 0;

  if (content == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = now ();
  index = atlas_search_index_new (content);
  build = now () - start;
  printf ("build: %u entries in %.2f ms\n", atlas_search_index_get_size (index), build * 1e3);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double best = G_MAXDOUBLE;
      guint hits = 0;

      for (guint r = 0; r < runs; r++)
        {
          g_autoptr(GPtrArray) results = NULL;

          start = now ();
          results = atlas_search_index_query (index, queries[q], 0);
          best = MIN (best, now () - start);
          hits = results->len;
        }
      printf ("query %-36s %3u results  %7.1f us\n", queries[q], hits, best * 1e6);
      worst = MAX (worst, best);
      total += best;
      n++;
    }

  printf ("slowest query: %.1f us, mean %.1f us (target: under 1000 us) %s\n",
          worst * 1e6, total / n * 1e6, worst < 1e-3 ? "OK" : "SLOWER THAN TARGET");
  return 0;
}
