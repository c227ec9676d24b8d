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
#include <stdlib.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-state-file.h"

static gssize fail_after = -1;

void
atlas_state_file_fail_after_bytes (gssize bytes)
{
  fail_after = bytes;
}

static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        length,
            int          mode,
            gboolean     make_folder,
            GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  g_autofree char *dir = g_path_get_dirname (path);
  /* A path need not be UTF-8; messages show it readable, never as raw bytes or "(null)". */
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir_name = g_filename_display_name (dir);
  GStatBuf st;
  gsize written = 0;
  int fd;

  /* A file the user made read-only is theirs to keep as it is: renaming over it would replace
   * it silently (the folder, not the file, decides whether a rename is allowed). */
  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & S_IWUSR) == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                   "Could not save %s: the file is read-only", name);
      return FALSE;
    }

  /* Renaming over a device or a FIFO would replace it: only a file is ever replaced. */
  if (g_lstat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "Could not save %s: it is not a regular file", name);
      return FALSE;
    }

  if (make_folder && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not create the folder %s: %s", dir_name, g_strerror (saved));
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not save %s: %s", name, g_strerror (saved));
      return FALSE;
    }
  /* A file replaced keeps its permissions: a handout someone made private (0600) stays so. */
  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode))
    (void) fchmod (fd, st.st_mode & 07777);

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
                       "Could not save %s: %s", name, g_strerror (saved));
          return FALSE;
        }
      written += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not save %s: %s", name, g_strerror (saved));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not save %s: %s", name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

gboolean
atlas_state_file_write (const char  *path,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  /* State is private: only the user may read it. */
  return write_file (path, data, length, 0600, TRUE, error);
}

/**
 * atlas_state_file_write_document:
 *
 * Saves a document the user chose to write (a handout) the same way: through a temporary file
 * beside it, every write and the close checked, then renamed, so that on any failure the old
 * file is untouched and @error gives the real reason. Unlike state, the folder must exist
 * and the file gets the usual permissions (0666 less the umask).
 */
gboolean
atlas_state_file_write_document (const char  *path,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;

  /* A link the user named stands for its file, as in any editor: the file it leads to is
   * written (through a temporary beside it), and the link stays a link. State never follows
   * links; only a document the user chose does. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      target = realpath (path, NULL);
      if (target == NULL)
        {
          int saved = errno;
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Could not save %s: it is a link to a file that cannot be reached (%s)", name, g_strerror (saved));
          return FALSE;
        }
    }

  return write_file (target != NULL ? target : path, data, length, 0666, FALSE, error);
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

/* Is @name what atlas_state_file_write() calls a temporary file of @base: "base.XXXXXX"? */
static gboolean
is_temporary (const char *name,
              const char *base)
{
  gsize len = strlen (base);

  if (strncmp (name, base, len) != 0 || name[len] != '.' || strlen (name + len + 1) != 6)
    return FALSE;

  for (const char *p = name + len + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

static guint
remove_matching (const char *path,
                 gboolean    unreadable_too)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *unreadable = g_strconcat (base, ".unreadable-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir_name, name, NULL);
      GStatBuf st;

      if (unreadable_too && g_str_has_prefix (name, unreadable))
        {
          if (g_unlink (child) == 0)
            removed++;
        }
      /* Only what a save of ours left: a plain file of ours, private (0600) as a save makes
       * it. A "checklist.ini.backup" the user copied there keeps the usual 0644 and stays. */
      else if (is_temporary (name, base) && g_lstat (child, &st) == 0 && S_ISREG (st.st_mode) &&
               st.st_uid == getuid () && (st.st_mode & 0777) == 0600)
        {
          if (g_unlink (child) == 0)
            removed++;
        }
    }

  return removed;
}

/**
 * atlas_state_file_remove_temporaries:
 *
 * Removes the temporary files that a write of @path cut short by a crash or a kill left
 * beside it: they hold the same private data as @path itself.
 *
 * Returns: how many were removed
 */
guint
atlas_state_file_remove_temporaries (const char *path)
{
  g_return_val_if_fail (path != NULL, 0);

  return remove_matching (path, FALSE);
}

/**
 * atlas_state_file_forget:
 *
 * Removes @path and every copy of it on disk: temporary files and the unreadable copies that
 * atlas_state_file_set_aside() kept.
 *
 * Returns: how many files were removed, @path included
 */
guint
atlas_state_file_forget (const char *path)
{
  guint removed;

  g_return_val_if_fail (path != NULL, 0);

  removed = remove_matching (path, TRUE);
  if (g_unlink (path) == 0)
    removed++;

  return removed;
}
