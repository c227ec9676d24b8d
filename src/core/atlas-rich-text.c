/* atlas-rich-text.c — content texts: escaped text with inline <term ref="id"> glossary links.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rich text is what the content loader stores: the text of an element, escaped exactly as
 * xgettext serialises it (so it is also the msgid), with the <term> elements kept inline.
 */
#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "atlas-rich-text.h"

/* Escapes as xgettext serialises text nodes: only &, < and >. Quotes stay as they are. */
void
atlas_rich_text_append_escaped (GString    *out,
                                const char *text,
                                gssize      len)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Collapses runs of white space to one space and trims both ends, as xgettext does. */
char *
atlas_rich_text_collapse_whitespace (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

typedef void (*RichTextVisitor) (const char *text,
                                 gsize       len,
                                 const char *term,
                                 gpointer    data);

/* Walks rich text: calls @visit for each run, with @term set inside a <term>. Returns FALSE
 * if the text is not well formed (only a translation could make it so). */
static gboolean
rich_text_walk (const char     *rich,
                RichTextVisitor visit,
                gpointer        data)
{
  const char *p = rich;

  while (*p)
    {
      const char *open = strstr (p, "<term ref=\"");
      const char *ref, *ref_end, *close;
      g_autofree char *term = NULL;

      if (open == NULL)
        {
          visit (p, strlen (p), NULL, data);
          break;
        }

      if (open > p)
        visit (p, open - p, NULL, data);

      ref = open + strlen ("<term ref=\"");
      ref_end = strstr (ref, "\">");
      if (ref_end == NULL)
        return FALSE;
      close = strstr (ref_end, "</term>");
      if (close == NULL)
        return FALSE;

      term = g_strndup (ref, ref_end - ref);
      visit (ref_end + 2, close - (ref_end + 2), term, data);
      p = close + strlen ("</term>");
    }

  return TRUE;
}

static void
markup_visitor (const char *text,
                gsize       len,
                const char *term,
                gpointer    data)
{
  GString *out = data;

  /* The text is already escaped for XML, which is also valid Pango markup. */
  if (term != NULL)
    {
      g_autofree char *href = g_markup_escape_text (term, -1);

      g_string_append_printf (out, "<a href=\"term:%s\">", href);
      g_string_append_len (out, text, len);
      g_string_append (out, "</a>");
    }
  else
    g_string_append_len (out, text, len);
}

/**
 * atlas_rich_text_to_markup:
 *
 * Returns: (transfer full): Pango markup, with each glossary term as a link "term:ID"
 */
char *
atlas_rich_text_to_markup (const char *rich_text)
{
  GString *out = g_string_new (NULL);

  if (!rich_text_walk (rich_text, markup_visitor, out))
    {
      g_string_free (out, TRUE);
      return g_markup_escape_text (rich_text, -1);
    }

  return g_string_free (out, FALSE);
}

static void
plain_visitor (const char *text,
               gsize       len,
               const char *term,
               gpointer    data)
{
  g_string_append_len (data, text, len);
}

/* Well formed: every <term ref="…">…</term> closed, and the rest plain escaped text. The
 * loader makes sure of it for what it reads; a translation has to be checked. */
gboolean
atlas_rich_text_is_valid (const char *rich_text)
{
  g_autoptr(GString) rest = g_string_new (NULL);

  if (!rich_text_walk (rich_text, plain_visitor, rest))
    return FALSE;

  return strchr (rest->str, '<') == NULL && strchr (rest->str, '>') == NULL &&
         pango_parse_markup (rest->str, -1, 0, NULL, NULL, NULL, NULL);
}

/**
 * atlas_rich_text_to_plain:
 *
 * Returns: (transfer full): the text without markup, unescaped
 */
char *
atlas_rich_text_to_plain (const char *rich_text)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  if (!rich_text_walk (rich_text, plain_visitor, escaped))
    g_string_assign (escaped, rich_text);

  for (const char *p = escaped->str; *p; p++)
    {
      if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (out, '&'), p += 4;
      else if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (out, '<'), p += 3;
      else if (g_str_has_prefix (p, "&gt;"))
        g_string_append_c (out, '>'), p += 3;
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}
