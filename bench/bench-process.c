/* bench-process.c — a whole start-up, from exec to the first painted frame, of Psoas Atlas
 * against a bare libadwaita program (bare-window.c), measured from outside as /usr/bin/time
 * would: wall-clock time, CPU time (user and system) and peak resident memory.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-process ATLAS BARE [SVG CSS]. They run under the same X server and session bus
 * with the same environment, in turn, several times; the medians and their ratios are printed,
 * with the targets: wall time at most 1.15× (the first window to its first frame) and peak
 * memory at most 1.15× the bare window's. Given the front diagram and its palette, the bare
 * program also runs showing that drawing (bare-diagram.h), a second reference: what any program
 * pays to show this picture with librsvg; the ratio against it is printed for information. Each
 * gets an empty home of its own, so no user's packs or kept checklist are read.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-stats.h"

#define RUNS 9

typedef struct
{
  double wall;     /* seconds */
  double cpu;      /* seconds, user and system */
  double rss;      /* peak resident set, MiB */
} Figures;

static gboolean
run_once (char    **argv,
          Figures  *figures)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      execv (argv[0], argv);
      _exit (127);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return FALSE;

  figures->wall = (g_get_monotonic_time () - start) / 1e6;
  figures->cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                 usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  figures->rss = usage.ru_maxrss / 1024.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s did not end cleanly (status %d)\n", argv[0], status);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("atlas-bench-home-XXXXXX", NULL);
  char *programs[3][4] = { { argv[1], NULL }, { argv[2], NULL }, { argv[2], argc > 4 ? argv[3] : NULL, argc > 4 ? argv[4] : NULL, NULL } };
  double wall[3][RUNS], cpu[3][RUNS], rss[3][RUNS], m_wall[3], m_cpu[3], m_rss[3];
  guint n = argc == 5 ? 3 : 2;
  gboolean met = TRUE;

  if (argc != 3 && argc != 5)
    {
      g_printerr ("Usage: %s ATLAS BARE [SVG CSS]\n", argv[0]);
      return 2;
    }

  /* An empty home: nothing of the user's is read, and nothing is left behind in it. */
  for (const char **dir = (const char *[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", NULL }; *dir; dir++)
    {
      g_autofree char *path = g_build_filename (home, *dir, NULL);

      g_mkdir (path, 0700);
      g_setenv (*dir, path, TRUE);
    }
  g_setenv ("PSOAS_ATLAS_QUIT_AFTER_FIRST_FRAME", "1", TRUE);

  /* One of each first, not counted: the disk cache is then warm for all alike. */
  for (guint p = 0; p < n; p++)
    {
      Figures f;

      if (!run_once (programs[p], &f))
        return 1;
    }

  for (guint i = 0; i < RUNS; i++)
    for (guint p = 0; p < n; p++)
      {
        Figures f;

        if (!run_once (programs[p], &f))
          return 1;
        wall[p][i] = f.wall;
        cpu[p][i] = f.cpu;
        rss[p][i] = f.rss;
      }

  for (guint p = 0; p < n; p++)
    {
      m_wall[p] = bench_median (wall[p], RUNS);
      m_cpu[p] = bench_median (cpu[p], RUNS);
      m_rss[p] = bench_median (rss[p], RUNS);
    }

  printf ("%-34s %11s %11s %8s\n", "exec to first frame (median of 9)", "Psoas Atlas", "bare window", "ratio");
  printf ("%-34s %8.1f ms %8.1f ms %7.2fx  %s (target: at most 1.15x)\n", "wall time",
          m_wall[0] * 1e3, m_wall[1] * 1e3, m_wall[0] / m_wall[1], m_wall[0] <= 1.15 * m_wall[1] ? "met" : "MISSED");
  printf ("%-34s %8.1f ms %8.1f ms %7.2fx\n", "CPU time (user + system)",
          m_cpu[0] * 1e3, m_cpu[1] * 1e3, m_cpu[0] / m_cpu[1]);
  printf ("%-34s %7.1f MiB %7.1f MiB %7.2fx  %s (target: at most 1.15x)\n", "peak memory (resident)",
          m_rss[0], m_rss[1], m_rss[0] / m_rss[1], m_rss[0] <= 1.15 * m_rss[1] ? "met" : "MISSED");
  met = m_wall[0] <= 1.15 * m_wall[1] && m_rss[0] <= 1.15 * m_rss[1];

  if (n == 3)
    {
      printf ("\n%-34s %11s %11s %8s\n", "against a bare window showing", "Psoas Atlas", "the diagram", "ratio");
      printf ("%-34s %8.1f ms %8.1f ms %7.2fx\n", "wall time",
              m_wall[0] * 1e3, m_wall[2] * 1e3, m_wall[0] / m_wall[2]);
      printf ("%-34s %8.1f ms %8.1f ms %7.2fx\n", "CPU time (user + system)",
              m_cpu[0] * 1e3, m_cpu[2] * 1e3, m_cpu[0] / m_cpu[2]);
      printf ("%-34s %7.1f MiB %7.1f MiB %7.2fx\n", "peak memory (resident)",
              m_rss[0], m_rss[2], m_rss[0] / m_rss[2]);
      printf ("(the bare window showing the front diagram with librsvg: what drawing it costs any program)\n");
    }

  for (const char **dir = (const char *[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", NULL }; *dir; dir++)
    {
      g_autofree char *path = g_build_filename (home, *dir, NULL);

      g_rmdir (path);
    }
  g_rmdir (home);

  printf ("\n%s\n", met ? "All targets met." : "Some targets were missed (see above).");
  return 0;
}
