/* test-content.c — the content model, its loader's refusals, and the built-in content.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-content.h"
#include "atlas-content-private.h"
#include "atlas-red-flags.h"
#include "atlas-views.h"

static GFile *
content_dir (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "content", name, NULL);

  return g_file_new_for_path (path);
}

static void
test_good_pack_loads (void **state)
{
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GFile) dir = content_dir ("good");
  g_autoptr(GError) error = NULL;
  const AtlasRegionContent *psoas;
  const AtlasExercise *bridge;
  const AtlasStatement *statement;
  g_autoptr(GPtrArray) symptoms = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  if (!atlas_content_load_pack (content, dir, &error))
    fail_msg ("%s", error->message);

  assert_int_equal (atlas_content_get_sources (content)->len, 2);
  assert_true (atlas_content_get_source (content, "src-a")->is_article);
  assert_false (atlas_content_get_source (content, "ref-b")->is_article);
  /* Citations read by the short name, or by the title when there is none. */
  assert_string_equal (atlas_source_get_short_name (atlas_content_get_source (content, "src-a")), "Test Article");
  assert_string_equal (atlas_source_get_short_name (atlas_content_get_source (content, "ref-b")), "A test reference");

  psoas = atlas_content_get_region (content, "psoas-major");
  assert_non_null (psoas);
  assert_string_equal (psoas->name, "Psoas major");
  /* White space is collapsed; the inline glossary term is kept. */
  assert_string_equal (psoas->summary,
                       "A long muscle that runs from the lower spine to the <term ref=\"femur\">thigh bone</term>. It's deep.");
  assert_int_equal (psoas->articles->len, 2);
  statement = g_ptr_array_index (psoas->articles, 1);
  assert_int_equal (statement->kind, ATLAS_STATEMENT_ANECDOTE);
  assert_string_equal (statement->cites[0], "src-a");
  assert_int_equal (psoas->disagreements->len, 1);
  assert_int_equal (((AtlasDisagreement *) g_ptr_array_index (psoas->disagreements, 0))->views->len, 2);

  bridge = atlas_content_get_exercise (content, "bridge");
  assert_int_equal (bridge->steps->len, 2);
  assert_string_equal (g_ptr_array_index (bridge->steps, 1), "Lift your hips.");
  assert_int_equal (bridge->cautions->len, 1);

  symptoms = atlas_content_symptoms_for (content, "psoas-major");
  assert_int_equal (symptoms->len, 1);
  assert_true (((AtlasSymptom *) g_ptr_array_index (symptoms, 0))->sided);
  /* The longest name allowed: counted in characters, not bytes, and "&amp;" counts once. */
  {
    g_autofree char *name = atlas_rich_text_to_plain (((AtlasSymptom *) g_ptr_array_index (symptoms, 0))->name);

    assert_int_equal (g_utf8_strlen (name, -1), ATLAS_CONTENT_MAX_NAME_CHARS);
    assert_true (strlen (name) > ATLAS_CONTENT_MAX_NAME_CHARS);
  }
  exercises = atlas_content_exercises_for (content, "femur");
  assert_int_equal (exercises->len, 1);
  assert_int_equal (atlas_content_get_red_flags (content)->len, 8);
  assert_int_equal (atlas_content_get_tour (content)->len, 1);

  /* Rich text becomes Pango markup with glossary links, or plain text. */
  markup = atlas_rich_text_to_markup (psoas->summary);
  assert_non_null (strstr (markup, "<a href=\"term:femur\">thigh bone</a>"));
  plain = atlas_rich_text_to_plain (((AtlasStatement *) g_ptr_array_index (psoas->anatomy, 0))->text);
  assert_string_equal (plain, "It starts at T12 to L4 <roughly>.");
}

typedef struct
{
  const char *pack;
  const char *where;    /* file:line: the message must name */
  const char *what;     /* and what is wrong */
} BadCase;

static void
test_broken_packs_are_refused_whole (void **state)
{
  static const BadCase cases[] = {
    { "malformed", "pack.xml:46:", "nme" },
    { "truncated", "pack.xml:", "" },
    { "unknown-element", "pack.xml:36:", "<colour> is not allowed inside <region>" },
    { "unknown-attribute", "pack.xml:33:", "no attribute “colour”" },
    { "duplicate-id", "pack.xml:33:", "used twice (first at" },
    { "dangling-cite", "pack.xml:21:", "cites “nope”" },
    { "dangling-term", "pack.xml:", "glossary term “thighbone”" },
    { "dangling-region", "pack.xml:45:", "region “elbow”" },
    { "dangling-tour-region", "pack.xml:52:", "“elbow-left”" },
    { "empty-field", "pack.xml:", "<why> is empty" },
    { "invisible-name", "pack.xml:17:", "<name> is empty" },
    { "missing-summary", "pack.xml:33:", "needs a <summary>" },
    { "future-version", "pack.xml:2:", "version “2”" },
    { "nested-markup", "pack.xml:", "<b> is not allowed inside <step>" },
    { "bad-group", "pack.xml:37:", "group “elbow”" },
    { "care-on-vessel", "pack.xml:78:3:", "<exercise> “bridge” names “aorta” in its regions" },
    { "no-caution", "pack.xml:74:3:", "<exercise> “bridge” of kind “strengthen” needs at least one <caution>" },
    { "long-name", "pack.xml:39:5:", "<name> is 121 characters long; a name or title may have at most 120" },
    { "unknown-red-flag-group", "pack.xml:58:3:",
      "<red-flag> group “kidney” is not one of cauda-equina, vascular, fracture, cancer, infection, inflammatory, clinician" },
    { "one-view-disagreement", "pack.xml:", "at least two <view>s" },
    { "wrong-root", "pack.xml:2:", "not an <atlas-content>" },
    { "stray-text", "pack.xml:", "stray text" },
    { "bad-id", "pack.xml:", "“fe mur”" },
    { "empty-file", "pack.xml:1:1:", "empty" },
    { "not-utf8", "pack.xml:5:16:", "UTF-8" },
    { "no-files", "no-files", "no content files" },
    { "deep-nesting", "pack.xml:", "" },
    { "entity-bomb", "pack.xml:", "" },
    { "does-not-exist", "does-not-exist", "" },
    { "unbreakable-name", "pack.xml:17:5:", "<name> is 600 characters long" },
    { "duplicate-attribute", "pack.xml:8:3:", "<source> has the attribute “kind” twice" },
    { "control-character", "pack.xml:17:5:", "the text of <name> holds U+0007, a control character" },
    { "control-in-attribute", "pack.xml:3:3:", "the attribute “short” of <source> holds U+001B" },
    { "bidi-override", "pack.xml:35:5:", "the text of <summary> holds U+202E, a bidirectional control" },
    { "bidi-in-id", "pack.xml:78:3:", "the tour step id “one<U+2067>x”" },
    { "long-id", "pack.xml:78:3:", "the tour step id “tttttttttttttttttttttttttttttttttttttttt…” may only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename ("bad", cases[i].pack, NULL);
      g_autoptr(GFile) dir = content_dir (path);
      g_autoptr(GFile) good = content_dir ("good");
      g_autoptr(AtlasContent) content = atlas_content_new ();
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) problems = NULL;

      /* Start from valid content, to see that a refused pack adds nothing to it. */
      assert_true (atlas_content_load_pack (content, good, NULL));

      /* Loaded on its own (not on top of the good pack), so duplicates are its own. */
      g_clear_object (&content);
      content = atlas_content_new ();
      if (atlas_content_load_pack (content, dir, &error))
        fail_msg ("bad/%s was accepted", cases[i].pack);
      if (!g_error_matches (error, ATLAS_CONTENT_ERROR, ATLAS_CONTENT_ERROR_INVALID) ||
          strstr (error->message, cases[i].where) == NULL || strstr (error->message, cases[i].what) == NULL)
        fail_msg ("bad/%s: expected “%s” and “%s” in: %s", cases[i].pack, cases[i].where, cases[i].what, error->message);

      /* Nothing of a refused pack is kept. */
      assert_int_equal (atlas_content_get_regions (content)->len, 0);
      assert_int_equal (atlas_content_get_sources (content)->len, 0);
      assert_int_equal (atlas_content_get_terms (content)->len, 0);

      /* The validator reports the same problems without loading anything. */
      problems = atlas_content_validate_pack (dir, NULL);
      assert_true (g_strv_length (problems) >= 1);
    }
}

/* The built-in pack, or one checked on its own, is what the checklist shows: it must have a red
 * flag in every group. A user pack on top of it only adds flags. */
static void
test_pack_on_its_own_needs_every_red_flag_group (void **state)
{
  g_autoptr(GFile) dir = content_dir ("bad/missing-red-flag-group");
  g_autoptr(GFile) good = content_dir ("good");
  g_auto(GStrv) alone = atlas_content_validate_pack (dir, NULL);
  g_auto(GStrv) complete = atlas_content_validate_pack (good, NULL);
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GError) error = NULL;

  /* Checked on its own, the missing group is named at the pack's first red flag. */
  assert_int_equal (g_strv_length (alone), 1);
  if (strstr (alone[0], "pack.xml:41:3: no <red-flag> is in the group “vascular”") == NULL)
    fail_msg ("unexpected: %s", alone[0]);
  assert_int_equal (g_strv_length (complete), 0);

  /* Read as a pack it is valid, but content made of it alone is not complete. */
  assert_true (atlas_content_load_pack (content, dir, NULL));
  assert_false (atlas_content_check_complete (content, &error));
  assert_true (g_error_matches (error, ATLAS_CONTENT_ERROR, ATLAS_CONTENT_ERROR_INVALID));
  assert_non_null (strstr (error->message, "vascular"));
  assert_null (strstr (error->message, "fracture"));

  g_clear_object (&content);
  content = atlas_content_new ();
  assert_true (atlas_content_load_pack (content, good, NULL));
  assert_true (atlas_content_check_complete (content, NULL));
}

/* The checks after reading ask for a position with no file open: the answer is the pack's
 * name, reached without arithmetic on a NULL text (undefined behaviour, which clang's UBSan
 * reports in the fuzz-replay build). */
static void
test_position_between_files (void **state)
{
  AtlasLoader loader = { 0, };
  AtlasWhere where;
  g_autofree char *here = NULL;

  loader.name = (char *) "pack";
  where = atlas_loader_here (&loader);
  here = atlas_where_format (&where);
  assert_string_equal (here, "pack");
}

/* Some editors start a UTF-8 file with a byte-order mark; the pack is as good without it. */
static void
test_a_byte_order_mark_is_accepted (void **state)
{
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GFile) dir = content_dir ("good-bom");
  g_autoptr(GError) error = NULL;

  if (!atlas_content_load_pack (content, dir, &error))
    fail_msg ("%s", error->message);
  assert_non_null (atlas_content_get_region (content, "psoas-major"));
}

static void
copy_pack (const char *from,
           const char *to_dir)
{
  g_autofree char *data = NULL;
  g_autofree char *path = g_build_filename (to_dir, "pack.xml", NULL);
  gsize length;

  assert_true (g_file_get_contents (from, &data, &length, NULL));
  assert_int_equal (g_mkdir (to_dir, 0700), 0);
  assert_true (g_file_set_contents (path, data, length, NULL));
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *first,
             const char *second)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), first) != NULL && strstr (g_ptr_array_index (problems, i), second) != NULL)
      return TRUE;

  return FALSE;
}

/* What the window skips is said, and a clash between two user packs names the other pack. */
static void
test_every_skipped_pack_is_reported (void **state)
{
  g_autofree char *root = g_dir_make_tmp ("atlas-packs-XXXXXX", NULL);
  g_autofree char *extra = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "content", "packs", "extra", "extra.xml", NULL);
  g_autofree char *extra_dir = g_path_get_dirname (extra);
  g_autofree char *a = g_build_filename (root, "a-first", NULL);
  g_autofree char *b = g_build_filename (root, "b-second", NULL);
  g_autofree char *link = g_build_filename (root, "c-linked", NULL);
  g_autofree char *file = g_build_filename (root, "notes.xml", NULL);
  g_autofree char *linked_file_dir = g_build_filename (root, "d-linked-file", NULL);
  g_autofree char *linked_file = g_build_filename (linked_file_dir, "pack.xml", NULL);
  g_autoptr(GFile) packs = g_file_new_for_path (root);
  g_autoptr(GFile) good = content_dir ("good");
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  copy_pack (extra, a);
  copy_pack (extra, b);
  assert_int_equal (symlink (extra_dir, link), 0);
  assert_int_equal (g_mkdir (linked_file_dir, 0700), 0);
  assert_int_equal (symlink (extra, linked_file), 0);
  assert_true (g_file_set_contents (file, "<atlas-content version=\"1\"/>", -1, NULL));

  assert_true (atlas_content_load_pack (content, good, NULL));
  assert_int_equal (atlas_content_load_user_packs (content, packs, problems), 1);
  assert_int_equal (problems->len, 4);
  assert_true (has_problem (problems, "d-linked-file/pack.xml", "not a plain file"));
  if (!has_problem (problems, "b-second", "already defined by the pack ") || !has_problem (problems, "b-second", "a-first"))
    fail_msg ("no clash naming a-first in: %s", (char *) g_ptr_array_index (problems, 0));
  assert_true (has_problem (problems, "c-linked", "a symbolic link"));
  assert_true (has_problem (problems, "notes.xml", "not a folder"));

  remove_tree (root);
}

/* An author editing a pack leaves hidden files beside it (Emacs's lock link, a copy's “._”
 * file): they are not content, and the pack still loads. */
static void
test_hidden_files_in_a_pack_are_not_content (void **state)
{
  g_autofree char *root = g_dir_make_tmp ("atlas-packs-XXXXXX", NULL);
  g_autofree char *extra = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "content", "packs", "extra", "extra.xml", NULL);
  g_autofree char *pack = g_build_filename (root, "mine", NULL);
  g_autofree char *lock = g_build_filename (pack, ".#pack.xml", NULL);
  g_autofree char *fork = g_build_filename (pack, "._pack.xml", NULL);
  g_autoptr(GFile) packs = g_file_new_for_path (root);
  g_autoptr(GFile) good = content_dir ("good");
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  copy_pack (extra, pack);
  assert_int_equal (symlink ("someone@host.1234:1700000000", lock), 0);
  assert_true (g_file_set_contents (fork, "\x00\x05\x16\x07 not XML", 12, NULL));

  assert_true (atlas_content_load_pack (content, good, NULL));
  assert_int_equal (atlas_content_load_user_packs (content, packs, problems), 1);
  if (problems->len != 0)
    fail_msg ("unexpected problem: %s", (char *) g_ptr_array_index (problems, 0));

  remove_tree (root);
}

/* Each pack within every limit, but together far too much: the later ones are skipped. */
static void
test_all_packs_together_are_limited (void **state)
{
  g_autofree char *root = g_dir_make_tmp ("atlas-packs-XXXXXX", NULL);
  g_autoptr(GFile) packs = g_file_new_for_path (root);
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint n = ATLAS_CONTENT_MAX_TOTAL_BYTES / (ATLAS_CONTENT_MAX_FILE_BYTES - 4096) + 1;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("pack-%02u", i);
      g_autofree char *dir = g_build_filename (root, name, NULL);
      g_autofree char *path = g_build_filename (dir, "pack.xml", NULL);
      FILE *f;

      assert_int_equal (g_mkdir (dir, 0700), 0);
      /* Sparse: the size counts, the disk holds nothing. */
      f = fopen (path, "w");
      assert_non_null (f);
      assert_int_equal (fseek (f, ATLAS_CONTENT_MAX_FILE_BYTES - 4096, SEEK_SET), 0);
      fputc ('>', f);
      fclose (f);
    }

  assert_int_equal (atlas_content_load_user_packs (content, packs, problems), 0);
  assert_int_equal (problems->len, n);
  assert_true (has_problem (problems, "pack-00", "UTF-8"));
  {
    g_autofree char *last = g_strdup_printf ("pack-%02u", n - 1);
    assert_true (has_problem (problems, last, "all packs together may hold at most 16 MB"));
  }

  remove_tree (root);
}

static void
test_oversized_file_is_refused (void **state)
{
  g_autofree char *dir_path = g_dir_make_tmp ("atlas-content-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir_path, "huge.xml", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GError) error = NULL;
  FILE *f = fopen (path, "w");

  assert_non_null (f);
  assert_int_equal (fseek (f, ATLAS_CONTENT_MAX_FILE_BYTES + 1, SEEK_SET), 0);
  fputc ('>', f);
  fclose (f);

  assert_false (atlas_content_load_pack (content, dir, &error));
  assert_non_null (strstr (error->message, "huge.xml"));
  assert_non_null (strstr (error->message, "larger than"));

  g_unlink (path);
  g_rmdir (dir_path);
}

static void
test_user_packs_load_after_builtin_and_bad_ones_are_skipped (void **state)
{
  g_autoptr(AtlasContent) content = atlas_content_new ();
  g_autoptr(GFile) good = content_dir ("good");
  g_autoptr(GFile) packs = content_dir ("packs");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  /* "good" stands in for the built-in pack; packs/ has one pack that extends it and one that
   * is broken. */
  assert_true (atlas_content_load_pack (content, good, NULL));
  assert_int_equal (atlas_content_load_user_packs (content, packs, problems), 1);
  assert_int_equal (problems->len, 1);
  assert_non_null (strstr (g_ptr_array_index (problems, 0), "broken"));

  /* The valid pack's region is there and may cite the base pack's sources… */
  assert_non_null (atlas_content_get_region (content, "iliacus"));
  /* …and nothing of the broken one is. */
  assert_null (atlas_content_get_region (content, "quadratus-lumborum"));

  /* A user pack adds red flags to the groups; it cannot take the base pack's away. */
  assert_int_equal (atlas_content_get_red_flags (content)->len, 9);
  assert_true (atlas_content_check_complete (content, NULL));
}

/* The promise: every region of every diagram has content, and all content describes
 * something a diagram shows. */
static void
test_builtin_content_covers_every_diagram (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (&error);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *regions, *tour;
  guint missing = 0;

  if (content == NULL)
    fail_msg ("%s", error->message);

  for (guint v = 0; v < atlas_views_get_n_views (); v++)
    {
      const AtlasViewInfo *view = atlas_views_get_view (v);

      for (guint s = 0; s < atlas_view_get_n_states (view); s++)
        {
          g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (view, s, NULL);

          for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
            {
              const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

              g_hash_table_add (shown, g_strdup (region->structure));
              if (atlas_content_get_region (content, region->structure) == NULL)
                {
                  print_error ("%s: %s has no content\n", view->states[s], region->id);
                  missing++;
                }
            }
        }
    }
  assert_int_equal (missing, 0);

  regions = atlas_content_get_regions (content);
  for (guint i = 0; i < regions->len; i++)
    {
      const AtlasRegionContent *region = g_ptr_array_index (regions, i);

      if (!g_hash_table_contains (shown, region->id))
        fail_msg ("content describes %s, which no diagram shows", region->id);
      /* Every region teaches something with a source. */
      assert_true (region->articles->len + region->anatomy->len > 0);
    }

  /* Every tour step shows a region that its view's diagram really has. */
  tour = atlas_content_get_tour (content);
  assert_true (tour->len >= 5);
  for (guint i = 0; i < tour->len; i++)
    {
      const AtlasTourStep *step = g_ptr_array_index (tour, i);
      g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (atlas_views_lookup (step->view), 0, NULL);

      if (atlas_diagram_lookup_region (diagram, step->region) == NULL)
        fail_msg ("tour step %s shows %s, which the %s view does not have", step->id, step->region, step->view);
    }

  /* Every red-flag group has flags, and no flag is outside the groups; symptoms and exercises
   * are there too. */
  {
    GPtrArray *flags = atlas_content_get_red_flags (content);
    g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
    guint n_groups;

    atlas_red_flag_groups_get (&n_groups);
    for (guint i = 0; i < flags->len; i++)
      {
        const char *group = ((AtlasRedFlag *) g_ptr_array_index (flags, i))->group;

        assert_non_null (atlas_red_flag_group_lookup (group));
        g_hash_table_add (groups, (gpointer) group);
      }
    assert_int_equal (g_hash_table_size (groups), n_groups);
  }
  assert_true (atlas_content_get_symptoms (content)->len >= 12);
  assert_true (atlas_content_get_exercises (content)->len >= 10);
  assert_int_equal (atlas_content_get_sources (content)->len >= 5, TRUE);
}

/* The loader's list of structures that care may not name must be exactly the vessels, organs
 * and skin-and-fat of the drawings: a new vessel in a diagram must be added to it. */
static void
test_care_list_matches_the_diagram_families (void **state)
{
  static const char * const not_for_care[] = { "artery", "vein", "organ", "fat", NULL };
  guint vessels = 0;

  for (guint v = 0; v < atlas_views_get_n_views (); v++)
    {
      const AtlasViewInfo *view = atlas_views_get_view (v);

      for (guint s = 0; s < atlas_view_get_n_states (view); s++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(AtlasDiagram) diagram = atlas_view_load_builtin (view, s, &error);

          if (diagram == NULL)
            fail_msg ("%s", error->message);

          for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
            {
              const AtlasRegion *region = atlas_diagram_get_region (diagram, i);
              gboolean vessel = g_strv_contains (not_for_care, region->family);

              if (atlas_content_structure_allows_care (region->structure) == vessel)
                fail_msg ("%s (%s, in %s) is %s the list of structures care may not name",
                          region->structure, region->family, view->name, vessel ? "missing from" : "wrongly in");
              vessels += vessel;
            }
        }
    }

  /* The cross-section has them; the check above would pass vacuously without it. */
  assert_true (vessels >= 4);
}

/* Reads the msgids out of xgettext's output. */
static GHashTable *
extract_msgids (GStrv files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *po_dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "po", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "GETTEXTDATADIRS", po_dir, TRUE);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  GString *current = NULL;
  int status;

  g_ptr_array_add (argv, "xgettext");
  g_ptr_array_add (argv, "--from-code=UTF-8");
  g_ptr_array_add (argv, "--no-wrap");
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, "-");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, files[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    fail_msg ("xgettext: %s", error->message);

  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          if (current != NULL)
            g_hash_table_add (msgids, g_string_free (current, FALSE));
          current = g_string_new (NULL);
          quoted = line + strlen ("msgid ");
        }
      else if (current != NULL && line[0] == '"')
        quoted = line;
      else if (current != NULL && g_str_has_prefix (line, "msgstr"))
        {
          g_hash_table_add (msgids, g_string_free (current, FALSE));
          current = NULL;
        }

      if (quoted != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *unescaped = g_strcompress (inner);

          g_string_append (current, unescaped);
        }
    }
  if (current != NULL)
    g_hash_table_add (msgids, g_string_free (current, FALSE));

  return msgids;
}

static void
expect_msgid (GHashTable *msgids,
              const char *text,
              guint      *missing)
{
  if (text != NULL && !g_hash_table_contains (msgids, text))
    {
      print_error ("not in the template: %s\n", text);
      (*missing)++;
    }
}

static void
expect_statements (GHashTable *msgids,
                   GPtrArray  *statements,
                   guint      *missing)
{
  for (guint i = 0; i < statements->len; i++)
    expect_msgid (msgids, ((AtlasStatement *) g_ptr_array_index (statements, i))->text, missing);
}

/* Translations are looked up by the text as the loader rebuilds it; that must be exactly what
 * xgettext extracts through po/its, or no translation would ever be found. */
static void
test_every_text_is_a_msgid_in_the_template (void **state)
{
  g_autoptr(AtlasContent) content = atlas_content_new_builtin (NULL);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "resources", "content", NULL);
  const char *names[] = { "sources.xml", "glossary.xml", "regions.xml", "regions-added.xml", "symptoms.xml", "exercises.xml", "tour.xml", NULL };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) msgids = NULL;
  guint missing = 0;
  GPtrArray *a;

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, g_build_filename (dir, names[i], NULL));
  g_ptr_array_add (files, NULL);
  msgids = extract_msgids ((GStrv) files->pdata);
  assert_true (g_hash_table_size (msgids) > 100);

  a = atlas_content_get_sources (content);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasSource *x = g_ptr_array_index (a, i);
      expect_msgid (msgids, x->title, &missing);
      expect_msgid (msgids, x->contribution, &missing);
      expect_msgid (msgids, x->date, &missing);
    }
  a = atlas_content_get_terms (content);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasTerm *x = g_ptr_array_index (a, i);
      expect_msgid (msgids, x->name, &missing);
      expect_msgid (msgids, x->definition, &missing);
    }
  a = atlas_content_get_regions (content);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasRegionContent *x = g_ptr_array_index (a, i);
      expect_msgid (msgids, x->name, &missing);
      expect_msgid (msgids, x->summary, &missing);
      expect_statements (msgids, x->articles, &missing);
      expect_statements (msgids, x->anatomy, &missing);
      for (guint d = 0; d < x->disagreements->len; d++)
        {
          AtlasDisagreement *disagreement = g_ptr_array_index (x->disagreements, d);
          expect_msgid (msgids, disagreement->topic, &missing);
          expect_statements (msgids, disagreement->views, &missing);
        }
    }
  a = atlas_content_get_symptoms (content);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasSymptom *x = g_ptr_array_index (a, i);
      expect_msgid (msgids, x->name, &missing);
      expect_msgid (msgids, x->why, &missing);
    }
  a = atlas_content_get_red_flags (content);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasRedFlag *x = g_ptr_array_index (a, i);
      expect_msgid (msgids, x->name, &missing);
      expect_msgid (msgids, x->advice, &missing);
    }
  a = atlas_content_get_exercises (content);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasExercise *x = g_ptr_array_index (a, i);
      expect_msgid (msgids, x->name, &missing);
      expect_msgid (msgids, x->summary, &missing);
      for (guint j = 0; j < x->steps->len; j++)
        expect_msgid (msgids, g_ptr_array_index (x->steps, j), &missing);
      for (guint j = 0; j < x->cautions->len; j++)
        expect_msgid (msgids, g_ptr_array_index (x->cautions, j), &missing);
    }
  a = atlas_content_get_tour (content);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasTourStep *x = g_ptr_array_index (a, i);
      expect_msgid (msgids, x->title, &missing);
      expect_msgid (msgids, x->text, &missing);
    }

  assert_int_equal (missing, 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_good_pack_loads),
    cmocka_unit_test (test_broken_packs_are_refused_whole),
    cmocka_unit_test (test_pack_on_its_own_needs_every_red_flag_group),
    cmocka_unit_test (test_position_between_files),
    cmocka_unit_test (test_oversized_file_is_refused),
    cmocka_unit_test (test_a_byte_order_mark_is_accepted),
    cmocka_unit_test (test_every_skipped_pack_is_reported),
    cmocka_unit_test (test_hidden_files_in_a_pack_are_not_content),
    cmocka_unit_test (test_all_packs_together_are_limited),
    cmocka_unit_test (test_user_packs_load_after_builtin_and_bad_ones_are_skipped),
    cmocka_unit_test (test_builtin_content_covers_every_diagram),
    cmocka_unit_test (test_care_list_matches_the_diagram_families),
    cmocka_unit_test (test_every_text_is_a_msgid_in_the_template),
  };

  return cmocka_run_group_tests_name ("content", tests, NULL, NULL);
}
