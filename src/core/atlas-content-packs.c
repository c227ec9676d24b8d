/* atlas-content-packs.c — the user's own content packs, read off the main thread then merged.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every folder in the packs folder is one pack. They are read in name order, each checked
 * against the built-in content and the packs before it through a scratch content that only
 * shadows their ids, so the slow part never touches the content the window shows; the valid
 * ones are merged afterwards on the thread that owns it. A pack with problems, a link or a file
 * where a pack belongs, and packs beyond the size limit are reported and skipped.
 */
#include "config.h"

#include "atlas-content-private.h"

struct _AtlasUserPacks
{
  GPtrArray *packs;     /* AtlasContent*, each valid, in load order */
  GPtrArray *origins;   /* char*, the folder each came from */
  GPtrArray *folders;   /* GFile*, the same folders, so the content can be read again */
  GPtrArray *problems;  /* char*, one message per pack or entry that was skipped */
};

void
atlas_user_packs_free (AtlasUserPacks *packs)
{
  if (packs == NULL)
    return;

  g_ptr_array_unref (packs->packs);
  g_ptr_array_unref (packs->origins);
  g_ptr_array_unref (packs->folders);
  g_ptr_array_unref (packs->problems);
  g_free (packs);
}

/* Makes @item findable by its id in @scratch without @scratch owning it, so that the next pack
 * is checked against it (references, clashes) before anything is merged for real. */
static void
shadow (AtlasContent        *scratch,
        const AtlasItemKind *kind,
        gpointer             item,
        const char          *origin)
{
  g_hash_table_insert (atlas_content_ids (scratch, kind), atlas_item_get_id (kind, item), item);
  if (origin != NULL)
    g_hash_table_insert (scratch->origins, item, g_strdup (origin));
}

/* The bytes of a pack's content files, the way the reader will find them. */
static guint64
pack_size (GFile *directory)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  guint64 total = 0;

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      /* The files the reader takes: hidden ones are skipped there too. */
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && name[0] != '.' && g_str_has_suffix (name, ".xml"))
        total += g_file_info_get_size (info);
      g_object_unref (info);
    }

  return total;
}

/**
 * atlas_user_packs_read:
 * @base: the content the packs go on top of (the built-in pack); only read
 * @packs_directory: the folder holding one folder per pack
 *
 * Reads and checks every pack in @packs_directory, in name order, each against @base and the
 * packs before it, without changing @base: the slow part of loading packs, safe to run in a
 * worker thread as long as nothing changes @base meanwhile. atlas_user_packs_merge() then adds
 * the valid packs, on the thread that owns @base.
 *
 * Everything that is not loaded is reported: a pack with problems, a symbolic link or a plain
 * file where a pack folder belongs, and packs beyond ATLAS_CONTENT_MAX_TOTAL_BYTES together.
 */
AtlasUserPacks *
atlas_user_packs_read (AtlasContent *base,
                       GFile        *packs_directory)
{
  AtlasUserPacks *result = g_new0 (AtlasUserPacks, 1);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasContent) scratch = atlas_content_new ();
  GFileInfo *info;
  guint64 total = 0;

  g_return_val_if_fail (ATLAS_IS_CONTENT (base), NULL);

  result->packs = g_ptr_array_new_with_free_func (g_object_unref);
  result->origins = g_ptr_array_new_with_free_func (g_free);
  result->folders = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = g_ptr_array_new_with_free_func (g_free);

  enumerator = g_file_enumerate_children (packs_directory, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return result;   /* No packs folder: nothing to load, nothing wrong. */

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = g_file_get_child (packs_directory, name);
      g_autofree char *shown = g_file_get_parse_name (child);

      /* A pack is a real folder: a link could point anywhere, a file is not a pack. Both are
       * said, so the user is not left wondering why a pack does not show. */
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (packs, g_steal_pointer (&child));
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
        g_ptr_array_add (result->problems, g_strdup_printf ("%s: a symbolic link, not a folder; a pack must be a folder of .xml files in this folder", shown));
      else if (name[0] != '.')
        g_ptr_array_add (result->problems, g_strdup_printf ("%s: not a folder; a pack is a folder of .xml files", shown));
      g_object_unref (info);
    }
  g_ptr_array_sort (packs, atlas_content_compare_files);

  /* The scratch content answers "is this id taken, and by whom" for the base and every pack
   * read so far; it owns none of their items. */
  for (guint k = 0; k < ATLAS_N_ITEM_KINDS; k++)
    {
      const AtlasItemKind *kind = &atlas_item_kinds[k];
      GPtrArray *items = atlas_content_items (base, kind);

      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);
          shadow (scratch, kind, item, g_hash_table_lookup (base->origins, item));
        }
    }

  for (guint i = 0; i < packs->len; i++)
    {
      GFile *directory = g_ptr_array_index (packs, i);
      g_autofree char *origin = g_file_get_parse_name (directory);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(AtlasContent) pack = NULL;
      g_autoptr(GError) error = NULL;

      /* Each pack is limited on its own; together they are too, or a hundred packs within
       * every limit would still keep the application reading for minutes. */
      total += pack_size (directory);
      if (total > ATLAS_CONTENT_MAX_TOTAL_BYTES)
        {
          g_ptr_array_add (result->problems,
                           g_strdup_printf ("%s: not loaded: all packs together may hold at most %d MB of content files",
                                            origin, ATLAS_CONTENT_MAX_TOTAL_BYTES / (1024 * 1024)));
          continue;
        }

      pack = atlas_content_read_pack (directory, scratch, FALSE, problems);
      if (pack == NULL)
        {
          atlas_content_set_pack_error (&error, directory, problems);
          g_ptr_array_add (result->problems, g_strdup (error->message));
          continue;
        }

      for (guint k = 0; k < ATLAS_N_ITEM_KINDS; k++)
        {
          const AtlasItemKind *kind = &atlas_item_kinds[k];
          GPtrArray *items = atlas_content_items (pack, kind);

          for (guint j = 0; j < items->len; j++)
            shadow (scratch, kind, g_ptr_array_index (items, j), origin);
        }
      g_ptr_array_add (result->packs, g_steal_pointer (&pack));
      g_ptr_array_add (result->origins, g_steal_pointer (&origin));
      g_ptr_array_add (result->folders, g_object_ref (directory));
    }

  return result;
}

/**
 * atlas_user_packs_merge:
 * @packs: what atlas_user_packs_read() found; emptied
 * @problems: (element-type utf8) (nullable): where to add one message per thing skipped
 *
 * Adds the valid packs to @self, which must be the @base they were read against.
 *
 * Returns: how many packs were added
 */
guint
atlas_user_packs_merge (AtlasUserPacks *packs,
                        AtlasContent   *self,
                        GPtrArray      *problems)
{
  guint added = packs->packs->len;

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), 0);

  /* Merged packs are remembered, so a handout in another language reads them too. */
  for (guint i = 0; i < packs->packs->len; i++)
    {
      atlas_content_merge (self, g_ptr_array_index (packs->packs, i), g_ptr_array_index (packs->origins, i));
      g_ptr_array_add (self->packs, g_object_ref (g_ptr_array_index (packs->folders, i)));
    }
  for (guint i = 0; problems != NULL && i < packs->problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (packs->problems, i)));

  g_ptr_array_set_size (packs->packs, 0);
  g_ptr_array_set_size (packs->origins, 0);
  g_ptr_array_set_size (packs->folders, 0);
  g_ptr_array_set_size (packs->problems, 0);
  return added;
}

/**
 * atlas_content_load_user_packs:
 * @packs_directory: the folder holding one folder per pack
 * @problems: (element-type utf8): where to add one message per pack that was skipped
 *
 * Loads every valid pack, in name order, after what @self holds already: reading and merging
 * at once, see atlas_user_packs_read().
 *
 * Returns: how many packs were added
 */
guint
atlas_content_load_user_packs (AtlasContent *self,
                               GFile        *packs_directory,
                               GPtrArray    *problems)
{
  AtlasUserPacks *packs;
  guint loaded;

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), 0);

  packs = atlas_user_packs_read (self, packs_directory);
  loaded = atlas_user_packs_merge (packs, self, problems);
  atlas_user_packs_free (packs);
  return loaded;
}
