/* atlas-content-where.c — file, line and column for the content reader's messages.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every item and reference keeps where it was written, for messages that may come only once
 * the whole pack is read (a reference to nothing, a missing part). Most packs have no problem
 * at all, so a position is kept as three numbers and made into "file:line:column" only for a
 * message. Finding it never rescans the file: the parse only moves forward, so two cursors
 * follow it, and reading a file costs time in step with its size.
 */
#include "config.h"

#include "atlas-content-private.h"

/* Starts the cursors over, for a new file (or if the parse ever went back). */
static void
reset_cursors (AtlasLoader *loader)
{
  loader->at = loader->data;
  loader->at_line = 1;
  loader->at_column = 1;
  loader->tag = loader->data;
  loader->tag_line = 1;
  loader->tag_column = 1;
}

/* Where GMarkup's position (a line, and a character in it) is in the text. */
static const char *
find_position (AtlasLoader *loader,
               int          line,
               int          column)
{
  const char *end = loader->data + loader->size;
  const char *p;
  int l, c;

  if (loader->at == NULL || loader->at < loader->data || loader->at > end ||
      line < loader->at_line || (line == loader->at_line && column < loader->at_column))
    reset_cursors (loader);

  p = loader->at;
  l = loader->at_line;
  c = loader->at_column;

  if (l < line)
    {
      for (; l < line && p < end; p++)
        if (*p == '\n')
          l++;
      c = 1;
    }
  for (; c < column && p < end; c++)
    p = g_utf8_next_char (p);
  if (p > end)
    p = end;

  loader->at = p;
  loader->at_line = l;
  loader->at_column = c;
  return p;
}

/* Where the tag being handled starts. GMarkup reports the position after a start tag and the
 * white space that follows it, often on the next line; people want the line of the tag. */
AtlasWhere
atlas_loader_here (AtlasLoader *loader)
{
  AtlasWhere where = { loader->name, 0, 0 };
  int line = 0, column = 0;
  const char *p, *tag, *q;

  /* Between files (the checks after reading) there is no text: data is NULL, and even
   * NULL + 0 is undefined behaviour. */
  if (loader->context == NULL || loader->data == NULL)
    return where;

  g_markup_parse_context_get_position (loader->context, &line, &column);
  p = find_position (loader, line, column);

  /* Back to the '<' that opens the tag: only as far as the tag and its trailing space. */
  for (tag = p; tag > loader->data && (tag == loader->data + loader->size || *tag != '<'); tag--)
    ;

  if (loader->tag == NULL || tag < loader->tag)
    {
      loader->tag = loader->data;
      loader->tag_line = 1;
      loader->tag_column = 1;
    }

  for (q = loader->tag; q < tag; q = g_utf8_next_char (q))
    {
      if (*q == '\n')
        {
          loader->tag_line++;
          loader->tag_column = 1;
        }
      else
        loader->tag_column++;
    }
  loader->tag = q;

  where.line = loader->tag_line;
  where.column = loader->tag_column;
  return where;
}

AtlasWhere *
atlas_loader_here_dup (AtlasLoader *loader)
{
  AtlasWhere *where = g_new (AtlasWhere, 1);

  *where = atlas_loader_here (loader);
  return where;
}

/* Called as each file starts, before its text is read: the name stays with the loader, for
 * the positions that name it, and the cursors start over once the text is there. */
void
atlas_loader_start_file (AtlasLoader *loader,
                         char        *name)
{
  g_ptr_array_add (loader->names, name);
  loader->name = name;
  loader->data = NULL;
  loader->size = 0;
  loader->at = NULL;
  loader->tag = NULL;
}

/**
 * atlas_where_format:
 *
 * Returns: (transfer full): "file:line:column", or only the file for a position outside its text
 */
char *
atlas_where_format (const AtlasWhere *where)
{
  if (where->line <= 0)
    return g_strdup (where->file);

  return g_strdup_printf ("%s:%d:%d", where->file, where->line, where->column);
}

/* Adds a problem at @where, or where the parse is if that is %NULL. */
void
atlas_loader_problem (AtlasLoader      *loader,
                      const AtlasWhere *where,
                      const char       *format,
                      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *position = NULL;
  g_autofree char *shown = NULL;
  AtlasWhere here;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where == NULL)
    {
      here = atlas_loader_here (loader);
      where = &here;
    }

  /* A message quotes the pack: a control character or a bidirectional override in it would
   * garble the message itself, so each is written out as <U+202E>. */
  shown = atlas_content_escape_for_message (message);
  position = atlas_where_format (where);
  g_ptr_array_add (loader->problems, g_strdup_printf ("%s: %s", position, shown));
}
