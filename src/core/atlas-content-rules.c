/* atlas-content-rules.c — the rules a content pack must keep beyond its XML format.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids, required parts, references, what care may name, cautions, the length of names and the
 * red-flag groups. The reader calls in here as it goes (ids, red-flag groups, texts) and once
 * every file is read (atlas_loader_check_pack); each problem carries the file, line and column
 * of what breaks the rule, as resources/content/README.md promises authors.
 */
#include "config.h"

#include <string.h>

#include "atlas-content-private.h"
#include "atlas-red-flags.h"

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
  /* An id of 300 characters would bury the message; a control character would garble it. */
  g_autofree char *shown = atlas_content_shorten_for_message (id);

  if (!valid_id (id))
    {
      atlas_loader_problem (loader, NULL, "the %s id “%s” may only hold letters, digits, “-” and “_”", kind->name, shown);
      return FALSE;
    }

  if (g_hash_table_contains (ids, id))
    {
      g_autofree char *first = atlas_where_format (g_hash_table_lookup (loader->where, g_hash_table_lookup (ids, id)));

      atlas_loader_problem (loader, NULL, "the %s id “%s” is used twice (first at %s)", kind->name, shown, first);
      return FALSE;
    }

  if (base_ids != NULL && g_hash_table_contains (base_ids, id))
    {
      /* Name the pack that has it, so the author knows which of two packs to change. */
      const char *origin = g_hash_table_lookup (loader->base->origins, g_hash_table_lookup (base_ids, id));

      if (origin != NULL)
        atlas_loader_problem (loader, NULL, "the %s id “%s” is already defined by the pack %s", kind->name, shown, origin);
      else
        atlas_loader_problem (loader, NULL, "the %s id “%s” is already defined by the built-in content", kind->name, shown);
      return FALSE;
    }

  g_hash_table_insert (ids, (gpointer) id, item);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Required parts and references                                                              */

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
            atlas_loader_problem (loader, &ref->where, "cites “%s”, which is not a source", ref->id);
          break;

        case ATLAS_REF_TERM:
          if (!g_hash_table_contains (c->term_ids, ref->id) && !(b && g_hash_table_contains (b->term_ids, ref->id)))
            atlas_loader_problem (loader, &ref->where, "refers to the glossary term “%s”, which does not exist", ref->id);
          break;

        case ATLAS_REF_REGION:
          if (!g_hash_table_contains (c->region_ids, ref->id) && !(b && g_hash_table_contains (b->region_ids, ref->id)))
            atlas_loader_problem (loader, &ref->where, "names the region “%s”, which has no content", ref->id);
          break;

        case ATLAS_REF_TOUR_REGION:
          {
            g_autofree char *structure = strip_side (ref->id);

            if (!g_hash_table_contains (c->region_ids, structure) && !(b && g_hash_table_contains (b->region_ids, structure)))
              atlas_loader_problem (loader, &ref->where, "shows the region “%s”, which has no content", ref->id);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Care                                                                                       */

/* The structures that exercises and hands-on care must never name: in the diagrams they are
 * the artery, vein, organ and fat (skin) families. The loader does not read the diagrams to
 * find out: they are SVG files validated and rendered by atlas-diagram.c, and checking a pack
 * (on every start, and under the fuzzer) should not parse pictures, nor should a content pack
 * depend on which diagrams happen to be installed. The list is short and changes only with the
 * drawings, and test-content checks it against the families of every built-in diagram. */
static const char * const not_for_care[] = {
  "aorta", "common-iliac-artery", "inferior-vena-cava", "ureter", "bowel", "skin-and-fat", NULL
};

/**
 * atlas_content_structure_allows_care:
 * @structure: a structure id, without side: "psoas-major"
 *
 * Returns: %FALSE for the vessels, organs, skin and fat that no exercise or hands-on care may
 *   work on; %TRUE for everything else
 */
gboolean
atlas_content_structure_allows_care (const char *structure)
{
  return structure != NULL && !g_strv_contains (not_for_care, structure);
}

static void
check_care_targets (AtlasLoader *loader)
{
  GPtrArray *exercises = loader->content->exercises;

  for (guint i = 0; i < exercises->len; i++)
    {
      AtlasExercise *exercise = g_ptr_array_index (exercises, i);

      for (guint r = 0; exercise->regions[r] != NULL; r++)
        if (!atlas_content_structure_allows_care (exercise->regions[r]))
          atlas_loader_problem (loader, g_hash_table_lookup (loader->where, exercise),
                                "<exercise> “%s” names “%s” in its regions: exercises and hands-on care work on muscles, bones and joints, never on vessels, organs, skin or fat",
                                exercise->id, exercise->regions[r]);
    }
}

/* Anything that moves, loads or presses on the body can hurt; only self-care habits (getting
 * up from the desk, say) may come without a word of caution. A file that stopped half-way is
 * not held to it: its parse error is the message worth reading. */
static void
check_cautions (AtlasLoader *loader)
{
  static const char * const needs_caution[] = { "stretch", "strengthen", "hands-on", NULL };
  GPtrArray *exercises = loader->content->exercises;

  for (guint i = 0; i < exercises->len; i++)
    {
      AtlasExercise *exercise = g_ptr_array_index (exercises, i);

      if (exercise->cautions->len == 0 && exercise->kind != NULL &&
          g_strv_contains (needs_caution, exercise->kind) &&
          !g_hash_table_contains (loader->unfinished, exercise))
        atlas_loader_problem (loader, g_hash_table_lookup (loader->where, exercise),
                              "<exercise> “%s” of kind “%s” needs at least one <caution>",
                              exercise->id, exercise->kind);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Texts                                                                                      */

/* Checks a text as it is read. Names and titles are headings, checkbox labels and list rows:
 * much longer, they wrap into paragraphs and stop working as names. The English text (the
 * msgid) is measured, in characters as a reader sees them (no markup, &amp; counted once),
 * so a longer translation never makes a pack fail. */
void
atlas_loader_check_text (AtlasLoader *loader,
                         const char  *element,
                         const char  *msgid)
{
  g_autofree char *plain = NULL;
  glong length;

  if (!g_str_equal (element, "name") && !g_str_equal (element, "title"))
    return;

  plain = atlas_rich_text_to_plain (msgid);
  length = g_utf8_strlen (plain, -1);
  if (length > ATLAS_CONTENT_MAX_NAME_CHARS)
    atlas_loader_problem (loader, &loader->text_where, "<%s> is %ld characters long; a name or title may have at most %d",
                          element, length, ATLAS_CONTENT_MAX_NAME_CHARS);
}

/* ------------------------------------------------------------------------------------------ */
/* Red flags                                                                                  */

/* A <red-flag> names one of the groups of atlas-red-flags.c, which give it a heading and say
 * what to do; a flag in any other group would have neither. */
void
atlas_loader_check_red_flag_group (AtlasLoader *loader,
                                   const char  *group)
{
  g_autoptr(GString) names = g_string_new (NULL);
  const AtlasRedFlagGroup *groups;
  guint n;

  if (group == NULL || atlas_red_flag_group_lookup (group) != NULL)
    return;

  groups = atlas_red_flag_groups_get (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", groups[i].id);

  atlas_loader_problem (loader, NULL, "<red-flag> group “%s” is not one of %s", group, names->str);
}

/* The groups that none of @red_flags is in, in display order. */
static GPtrArray *
missing_groups (GPtrArray *red_flags)
{
  GPtrArray *missing = g_ptr_array_new ();
  const AtlasRedFlagGroup *groups;
  guint n;

  groups = atlas_red_flag_groups_get (&n);
  for (guint g = 0; g < n; g++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < red_flags->len && !found; i++)
        found = g_strcmp0 (((AtlasRedFlag *) g_ptr_array_index (red_flags, i))->group, groups[g].id) == 0;

      if (!found)
        g_ptr_array_add (missing, (gpointer) groups[g].id);
    }

  return missing;
}

/* Content that stands alone is what the checklist shows: a group with no flag would leave a
 * kind of danger unasked about. Packs loaded on top of it only add flags, so they can never
 * take a group away. The problem points at the pack's first <red-flag>, where the list is. */
void
atlas_loader_check_complete (AtlasLoader *loader,
                             const char  *pack_name)
{
  GPtrArray *red_flags = loader->content->red_flags;
  g_autoptr(GPtrArray) missing = missing_groups (red_flags);
  g_autofree char *where = NULL;

  if (red_flags->len > 0 && g_hash_table_contains (loader->where, g_ptr_array_index (red_flags, 0)))
    where = atlas_where_format (g_hash_table_lookup (loader->where, g_ptr_array_index (red_flags, 0)));

  for (guint i = 0; i < missing->len; i++)
    g_ptr_array_add (loader->problems,
                     g_strdup_printf ("%s: no <red-flag> is in the group “%s”; content loaded on its own needs at least one in every group",
                                      where != NULL ? where : pack_name, (const char *) g_ptr_array_index (missing, i)));
}

/**
 * atlas_content_check_complete:
 *
 * Checks that @self has everything the application needs, whatever packs it was loaded from:
 * at least one red flag in every group of atlas_red_flag_groups_get().
 *
 * Returns: %TRUE if it has; otherwise sets @error to a message naming what is missing
 */
gboolean
atlas_content_check_complete (AtlasContent  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTENT (self), FALSE);

  missing = missing_groups (self->red_flags);
  if (missing->len == 0)
    return TRUE;

  g_ptr_array_add (missing, NULL);
  list = g_strjoinv (", ", (GStrv) missing->pdata);
  g_set_error (error, ATLAS_CONTENT_ERROR, ATLAS_CONTENT_ERROR_INVALID,
               "The content has no red flag in the groups %s; it needs at least one in every group", list);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */

/* Checks what can only be checked once every file of the pack is read. */
void
atlas_loader_check_pack (AtlasLoader *loader)
{
  check_required (loader);
  check_references (loader);
  check_care_targets (loader);
  check_cautions (loader);
}
