/* atlas-content-text-checks.c — characters a content pack may not hold, and ids in messages.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack's texts end up in labels, the handout and the screen reader. Control characters
 * (other than tab and the line breaks) draw as boxes or do nothing visible, and the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a text display in
 * another order than it reads: "take 2 tablets" can show as something else. Both are refused
 * wherever they appear: in a text, in an attribute, in an id.
 */
#include "config.h"

#include <string.h>

#include "atlas-content-private.h"

static gboolean
is_forbidden (gunichar c)
{
  if (c == '\t' || c == '\n' || c == '\r')
    return FALSE;

  return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* The first forbidden character of @text (valid UTF-8 of @length bytes), or 0. */
static gunichar
find_forbidden (const char *text,
                gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_forbidden (c))
        return c;
    }

  return 0;
}

static const char *
describe (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
         ? "a bidirectional control, which makes text display in another order than it reads"
         : "a control character; only tab and line breaks may appear";
}

/* Checks a piece of an element's text as GMarkup hands it over. */
void
atlas_loader_check_text_chars (AtlasLoader *loader,
                               const char  *element,
                               const char  *text,
                               gsize        length)
{
  gunichar c = find_forbidden (text, length);

  if (c != 0)
    atlas_loader_problem (loader, &loader->text_where, "the text of <%s> holds U+%04X, %s", element, c, describe (c));
}

/* Checks every attribute of an element: none twice, no forbidden character. Ids are left to
 * the id rule, which refuses anything but letters, digits, “-” and “_” in one message. */
void
atlas_loader_check_attributes (AtlasLoader  *loader,
                               const char   *element,
                               const char  **names,
                               const char  **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      gunichar c;

      for (guint j = 0; j < i; j++)
        if (g_str_equal (names[i], names[j]))
          {
            atlas_loader_problem (loader, NULL, "<%s> has the attribute “%s” twice", element, names[i]);
            break;
          }

      if (g_str_equal (names[i], "id"))
        continue;
      c = find_forbidden (values[i], strlen (values[i]));
      if (c != 0)
        atlas_loader_problem (loader, NULL, "the attribute “%s” of <%s> holds U+%04X, %s", names[i], element, c, describe (c));
    }
}

static char *
escape (const char *text,
        guint       max_chars)
{
  GString *shown = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (shown, "…");
          break;
        }
      if (is_forbidden (c))
        g_string_append_printf (shown, "<U+%04X>", c);
      else
        g_string_append_unichar (shown, c);
    }

  return g_string_free (shown, FALSE);
}

/* A whole message with every forbidden character written out. */
char *
atlas_content_escape_for_message (const char *message)
{
  return escape (message, G_MAXUINT);
}

/**
 * atlas_content_shorten_for_message:
 *
 * An id or value as a message shows it: at most 40 characters (then “…”), and any forbidden
 * character written as <U+202E>, so that a message never hides or reorders its own text.
 *
 * Returns: (transfer full): the text to show
 */
char *
atlas_content_shorten_for_message (const char *text)
{
  return escape (text != NULL ? text : "", 40);
}
