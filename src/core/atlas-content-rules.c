/* atlas-content-rules.c — the rules a content pack must keep: ids, required parts, references.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-content-private.h"

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 100)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/* Registers an item's id, refusing duplicates within the pack and against what is loaded. */
gboolean
atlas_loader_claim_id (AtlasLoader         *loader,
                       const AtlasItemKind *kind,
                       gpointer             item)
{
  const char *id = atlas_item_get_id (kind, item);
  GHashTable *ids = atlas_content_ids (loader->content, kind);
  GHashTable *base_ids = atlas_content_ids (loader->base, kind);

  if (!valid_id (id))
    {
      atlas_loader_problem (loader, NULL, "the %s id “%s” may only hold letters, digits, “-” and “_”", kind->name, id);
      return FALSE;
    }

  if (g_hash_table_contains (ids, id))
    {
      atlas_loader_problem (loader, NULL, "the %s id “%s” is used twice (first at %s)", kind->name, id,
                            (const char *) g_hash_table_lookup (loader->where, g_hash_table_lookup (ids, id)));
      return FALSE;
    }

  if (base_ids != NULL && g_hash_table_contains (base_ids, id))
    {
      atlas_loader_problem (loader, NULL, "the %s id “%s” is already defined by the built-in content", kind->name, id);
      return FALSE;
    }

  g_hash_table_insert (ids, (gpointer) id, item);
  g_hash_table_insert (loader->where, item, atlas_loader_here (loader));
  return TRUE;
}

/* Every item needs its two main texts (a name and what it says), unless its file could not be
 * read to the end: then the parse error is the one message worth reading. */
static void
check_required (AtlasLoader *loader)
{
  for (guint k = 0; k < ATLAS_N_ITEM_KINDS; k++)
    {
      const AtlasItemKind *kind = &atlas_item_kinds[k];
      GPtrArray *items = atlas_content_items (loader->content, kind);

      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);

          if (g_hash_table_contains (loader->unfinished, item))
            continue;

          for (guint r = 0; r < G_N_ELEMENTS (kind->required); r++)
            if (G_STRUCT_MEMBER (char *, item, kind->required_at[r]) == NULL)
              atlas_loader_problem (loader, g_hash_table_lookup (loader->where, item), "<%s> “%s” needs a <%s>",
                                    kind->element, atlas_item_get_id (kind, item), kind->required[r]);
        }
    }
}

static char *
strip_side (const char *region_id)
{
  if (g_str_has_suffix (region_id, "-left"))
    return g_strndup (region_id, strlen (region_id) - strlen ("-left"));
  if (g_str_has_suffix (region_id, "-right"))
    return g_strndup (region_id, strlen (region_id) - strlen ("-right"));

  return g_strdup (region_id);
}

static void
check_references (AtlasLoader *loader)
{
  AtlasContent *c = loader->content;
  AtlasContent *b = loader->base;

  for (guint i = 0; i < loader->refs->len; i++)
    {
      AtlasRef *ref = g_ptr_array_index (loader->refs, i);

      switch (ref->kind)
        {
        case ATLAS_REF_SOURCE:
          if (!g_hash_table_contains (c->source_ids, ref->id) && !(b && g_hash_table_contains (b->source_ids, ref->id)))
            atlas_loader_problem (loader, ref->where, "cites “%s”, which is not a source", ref->id);
          break;

        case ATLAS_REF_TERM:
          if (!g_hash_table_contains (c->term_ids, ref->id) && !(b && g_hash_table_contains (b->term_ids, ref->id)))
            atlas_loader_problem (loader, ref->where, "refers to the glossary term “%s”, which does not exist", ref->id);
          break;

        case ATLAS_REF_REGION:
          if (!g_hash_table_contains (c->region_ids, ref->id) && !(b && g_hash_table_contains (b->region_ids, ref->id)))
            atlas_loader_problem (loader, ref->where, "names the region “%s”, which has no content", ref->id);
          break;

        case ATLAS_REF_TOUR_REGION:
          {
            g_autofree char *structure = strip_side (ref->id);

            if (!g_hash_table_contains (c->region_ids, structure) && !(b && g_hash_table_contains (b->region_ids, structure)))
              atlas_loader_problem (loader, ref->where, "shows the region “%s”, which has no content", ref->id);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Checks what can only be checked once every file of the pack is read. */
void
atlas_loader_check_pack (AtlasLoader *loader)
{
  check_required (loader);
  check_references (loader);
}
