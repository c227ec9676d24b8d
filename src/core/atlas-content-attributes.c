/* atlas-content-attributes.c — a content element's attributes, and the references they make.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader (atlas-content-reader.c) says which attributes each element allows and needs;
 * these check a start tag against that, and turn a list of ids into references that
 * atlas-content-rules.c checks once the whole pack is read, each with where it was written.
 */
#include "config.h"

#include "atlas-content-private.h"

void
atlas_ref_free (gpointer data)
{
  AtlasRef *ref = data;

  g_free (ref->id);
  g_free (ref);
}

/* Checks attributes against what the element allows; returns FALSE if a required one is missing. */
gboolean
atlas_loader_read_attrs (AtlasLoader  *loader,
                         const char   *element,
                         const char  **names,
                         const char  **values,
                         AtlasAttr    *attrs,
                         guint         n_attrs)
{
  gboolean ok = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint a = 0; a < n_attrs; a++)
        {
          if (g_str_equal (names[i], attrs[a].name))
            {
              attrs[a].value = values[i];
              known = TRUE;
            }
        }

      if (!known)
        atlas_loader_problem (loader, NULL, "<%s> has no attribute “%s”", element, names[i]);
    }

  for (guint a = 0; a < n_attrs; a++)
    {
      if (attrs[a].required && (attrs[a].value == NULL || attrs[a].value[0] == '\0'))
        {
          atlas_loader_problem (loader, NULL, "<%s> needs a “%s” attribute", element, attrs[a].name);
          ok = FALSE;
        }
    }

  return ok;
}

gboolean
atlas_is_one_of (const char         *value,
                 const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

GStrv
atlas_loader_split_ids (AtlasLoader  *loader,
                        const char   *value,
                        AtlasRefKind  kind)
{
  g_auto(GStrv) parts = g_strsplit_set (value ? value : "", " \t\r\n", -1);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      AtlasRef *ref;

      if (parts[i][0] == '\0')
        continue;

      ref = g_new0 (AtlasRef, 1);
      ref->kind = kind;
      ref->id = g_strdup (parts[i]);
      ref->where = atlas_loader_here (loader);
      g_ptr_array_add (loader->refs, ref);
      g_ptr_array_add (ids, g_strdup (parts[i]));
    }

  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (ids, FALSE);
}
