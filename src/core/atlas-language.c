/* atlas-language.c — the languages the application is installed in, and switching the language
 * of messages for a while (a handout in the patient's language).
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At the treatment table the screen may be in English while the patient reads Spanish, so one
 * process must be able to write a handout in a language other than its own. Everything on a
 * handout is translated by gettext (the interface's words with _(), the content's as it is
 * loaded), so the switch is gettext's: for the length of a scope LANGUAGE names the chosen
 * language, and the counter glibc documents for this is bumped so that translations it has
 * cached for the previous language are looked up again. gettext ignores LANGUAGE in the "C"
 * locale, so there the scope also gives this thread a C.UTF-8 messages locale of its own.
 *
 * Setting the environment is not safe while other threads read it: scopes are for the main
 * thread, around work that takes a moment (building and drawing a handout).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "atlas-language.h"

#ifdef __GLIBC__
/* glibc's generation of loaded catalogs; incrementing it drops its cache of translations, as
 * the gettext manual describes for changing the language of a running program. */
extern int _nl_msg_cat_cntr;
#endif

struct _AtlasLanguageScope
{
  char     *old_language;  /* LANGUAGE before the scope, or NULL if it was unset */
  locale_t  locale;        /* the thread's messages locale, if the scope made one */
  locale_t  old_locale;
};

static void
forget_translations (void)
{
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif
}

static const char *
locale_dir (void)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);

  return dir != NULL ? dir : LOCALEDIR;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const char *ca = *(const char * const *) a, *cb = *(const char * const *) b;

  if (g_str_equal (ca, ATLAS_LANGUAGE_SOURCE) != g_str_equal (cb, ATLAS_LANGUAGE_SOURCE))
    return g_str_equal (ca, ATLAS_LANGUAGE_SOURCE) ? -1 : 1;
  return strcmp (ca, cb);
}

/**
 * atlas_language_get_installed:
 *
 * Returns: (transfer full): the codes of the languages the application can speak: the source
 *   language and each one whose catalog is installed where the text domain is bound, sorted
 */
GStrv
atlas_language_get_installed (void)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (locale_dir (), 0, NULL);
  const char *name;

  g_ptr_array_add (codes, g_strdup (ATLAS_LANGUAGE_SOURCE));
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *catalog = g_build_filename (locale_dir (), name, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (g_strcmp0 (name, ATLAS_LANGUAGE_SOURCE) != 0 && g_file_test (catalog, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (codes, g_strdup (name));
    }
  /* The source language first, the others in a stable order. */
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/**
 * atlas_language_is_installed:
 *
 * Returns: whether @code is one of atlas_language_get_installed()
 */
gboolean
atlas_language_is_installed (const char *code)
{
  g_auto(GStrv) installed = atlas_language_get_installed ();

  return code != NULL && g_strv_contains ((const char * const *) installed, code);
}

/**
 * atlas_language_match:
 * @requested: a language as a user writes it: "es", "es_ES", "es-MX", "es_ES.UTF-8", "ES"
 *
 * Finds the installed language that @requested asks for: the same code, or else its language
 * without the country, encoding or variant a locale name adds.
 *
 * Returns: (transfer full) (nullable): the installed code, or %NULL if none matches
 */
char *
atlas_language_match (const char *requested)
{
  g_auto(GStrv) installed = NULL;
  g_autofree char *base = NULL;

  if (requested == NULL || requested[0] == '\0')
    return NULL;

  installed = atlas_language_get_installed ();
  for (guint i = 0; installed[i] != NULL; i++)
    if (g_ascii_strcasecmp (installed[i], requested) == 0)
      return g_strdup (installed[i]);

  base = g_strndup (requested, strcspn (requested, "_-.@"));
  for (guint i = 0; installed[i] != NULL; i++)
    if (base[0] != '\0' && g_ascii_strcasecmp (installed[i], base) == 0)
      return g_strdup (installed[i]);

  return NULL;
}

/**
 * atlas_language_dup_current:
 *
 * The language messages come out in now: the one named by the catalog gettext uses (its
 * header's Language field), which is what the user actually reads, whatever the environment
 * asked for; the source language when no catalog is in use.
 *
 * Returns: (transfer full): a language code such as "es"
 */
char *
atlas_language_dup_current (void)
{
  /* The empty msgid is the catalog's header; through a variable so xgettext leaves it out. */
  const char *empty = "";
  const char *header = dgettext (GETTEXT_PACKAGE, empty);
  const char *field = header != NULL ? strstr (header, "Language: ") : NULL;

  if (field != NULL && (field == header || field[-1] == '\n'))
    {
      const char *start = field + strlen ("Language: ");
      g_autofree char *code = g_strndup (start, strcspn (start, "\n"));

      g_strstrip (code);
      if (code[0] != '\0')
        return g_steal_pointer (&code);
    }
  return g_strdup (ATLAS_LANGUAGE_SOURCE);
}

/**
 * atlas_language_dup_name:
 *
 * Returns: (transfer full): the name of the language @code in that language, for a list a
 *   patient picks their own language from
 */
char *
atlas_language_dup_name (const char *code)
{
  AtlasLanguageScope *scope = atlas_language_push (code);
  /* Translators: the name of the language of this translation, written in it: "Español". */
  char *name = g_strdup (C_("language name", "English"));

  atlas_language_pop (scope);
  return name;
}

/**
 * atlas_language_format_date:
 *
 * Writes @date with the month by name, in the language of messages now, so a handout in
 * another language than the system's is dated in its own language, and nobody wonders
 * whether 03/04 is March or April.
 *
 * Returns: (transfer full): the date, such as "27 November 2026"
 */
char *
atlas_language_format_date (GDateTime *date)
{
  static const char * const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  const char *month;

  g_return_val_if_fail (date != NULL, NULL);

  month = g_dpgettext2 (NULL, "month", months[g_date_time_get_month (date) - 1]);
  /* Translators: a date on the handout: %1$d is the day, %2$s the month's name (translated
   * separately), %3$d the year. Reorder them as dates are written in your language. */
  return g_strdup_printf (_("%1$d %2$s %3$d"), g_date_time_get_day_of_month (date), month,
                          g_date_time_get_year (date));
}

/**
 * atlas_language_push:
 * @code: (nullable): a language code such as "es"; %NULL keeps the current language
 *
 * Makes gettext answer in @code until atlas_language_pop(), on this thread. A language with no
 * catalog answers in the source language.
 *
 * Returns: (transfer full): the scope to pop
 */
AtlasLanguageScope *
atlas_language_push (const char *code)
{
  AtlasLanguageScope *scope = g_new0 (AtlasLanguageScope, 1);
  const char *messages;

  scope->old_language = g_strdup (g_getenv ("LANGUAGE"));
  if (code == NULL)
    return scope;

  g_setenv ("LANGUAGE", code, TRUE);

  /* gettext reads LANGUAGE only outside the C locale. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    {
      locale_t base = duplocale (LC_GLOBAL_LOCALE);
      locale_t with_messages = base != (locale_t) 0 ? newlocale (LC_MESSAGES_MASK, "C.UTF-8", base) : (locale_t) 0;

      if (with_messages != (locale_t) 0)
        {
          scope->locale = with_messages;
          scope->old_locale = uselocale (with_messages);
        }
      else if (base != (locale_t) 0)
        freelocale (base);
    }

  forget_translations ();
  return scope;
}

/**
 * atlas_language_pop:
 *
 * Gives messages back the language they had before atlas_language_push().
 */
void
atlas_language_pop (AtlasLanguageScope *scope)
{
  if (scope == NULL)
    return;

  if (scope->old_language != NULL)
    g_setenv ("LANGUAGE", scope->old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (scope->locale != (locale_t) 0)
    {
      uselocale (scope->old_locale);
      freelocale (scope->locale);
    }
  forget_translations ();
  g_free (scope->old_language);
  g_free (scope);
}
