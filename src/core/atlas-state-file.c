/* atlas-state-file.c — saving small state files so that a failure never loses the old one.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The new contents go to a temporary file beside the old one, are flushed to disk, and only
 * then renamed over it. A write cut short (a full disk, a crash, a power cut) leaves the old
 * file exactly as it was. This is what g_file_set_contents() does; it is done by hand here so
 * that the tests can cut a write short on purpose and check the promise.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "atlas-state-file.h"

static gssize fail_after = -1;

void
atlas_state_file_fail_after_bytes (gssize bytes)
{
  fail_after = bytes;
}

gboolean
atlas_state_file_write (const char  *path,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  g_autofree char *dir = g_path_get_dirname (path);
  gsize written = 0;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not create the folder %s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not save %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  while (written < length)
    {
      gsize chunk = length - written;
      gssize n;

      if (fail_after >= 0 && written + chunk > (gsize) fail_after)
        chunk = (gsize) fail_after > written ? (gsize) fail_after - written : 0;

      n = chunk > 0 ? write (fd, data + written, chunk) : -1;
      if (chunk == 0)
        errno = ENOSPC;
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (tmp);
          fail_after = -1;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Could not save %s: %s", path, g_strerror (saved));
          return FALSE;
        }
      written += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not save %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not save %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * atlas_state_file_set_aside:
 *
 * Renames @path to a new name beside it, so that a file the application cannot read is kept
 * for the user (or a bug report) instead of being overwritten.
 *
 * Returns: (transfer full) (nullable): the new path
 */
char *
atlas_state_file_set_aside (const char  *path,
                            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *aside = i == 0 ? g_strdup_printf ("%s.unreadable-%s", path, stamp)
                                      : g_strdup_printf ("%s.unreadable-%s-%u", path, stamp, i);

      if (g_file_test (aside, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (path, aside) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Could not set %s aside: %s", path, g_strerror (saved));
          return NULL;
        }
      return g_steal_pointer (&aside);
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, "Could not find a free name to set %s aside", path);
  return NULL;
}
