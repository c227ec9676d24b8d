/* atlas-file.c — reading a file the user's folders hold, without being tricked by it.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file the application reads from the user's folders (the kept checklist, content
 * packs) is opened here. A FIFO would block start-up forever and a device could be read
 * without end, so the file is opened without blocking and without following a symbolic link,
 * and only read once fstat() says it is a regular file of a sensible size. A symbolic link
 * could point anywhere (/etc/passwd): it is refused, never read, so no message can echo a
 * foreign file's contents.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-file.h"

/**
 * atlas_file_read_regular:
 * @path: the file, in the file system's encoding
 * @max_bytes: the largest size accepted
 * @contents: (out) (transfer full): the file's bytes, with a NUL after them
 * @length: (out): how many bytes were read
 *
 * Returns: %TRUE if @path is a regular file (not a link, FIFO, device or folder) of at most
 *   @max_bytes and was read whole; otherwise sets @error (G_FILE_ERROR, with ENOENT's code
 *   when the file does not exist) to the reason alone, for the caller to put after the file's
 *   name; it never quotes the file's contents
 */
gboolean
atlas_file_read_regular (const char  *path,
                         gsize        max_bytes,
                         char       **contents,
                         gsize       *length,
                         GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize size = 0;
  int fd;

  g_return_val_if_fail (path != NULL && contents != NULL && length != NULL, FALSE);

  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ELOOP)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "a symbolic link, not a file");
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a regular file");
      return FALSE;
    }
  if ((guint64) st.st_size > max_bytes)
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "the file is larger than %" G_GSIZE_FORMAT " bytes", max_bytes);
      return FALSE;
    }

  /* One byte more than allowed, to notice a file that grew after fstat(). */
  data = g_malloc (max_bytes + 2);
  while (size <= max_bytes)
    {
      gssize n = read (fd, data + size, max_bytes + 1 - size);

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      size += n;
    }
  close (fd);

  if (size > max_bytes)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "the file is larger than %" G_GSIZE_FORMAT " bytes", max_bytes);
      return FALSE;
    }

  data[size] = '\0';
  *contents = g_realloc (g_steal_pointer (&data), size + 1);
  *length = size;
  return TRUE;
}
