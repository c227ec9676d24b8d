/* fuzz-checklist.c — libFuzzer harness for the saved-checklist reader.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "atlas-checklist.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static AtlasContent *content;
  g_autoptr(AtlasChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (content == NULL)
    content = atlas_content_new_builtin (NULL);

  checklist = atlas_checklist_new (content);
  atlas_checklist_set_symptom (checklist, "limping", TRUE, ATLAS_SIDE_LEFT);
  before = atlas_checklist_serialize (checklist);

  /* Bad input changes nothing; good input round-trips. */
  if (!atlas_checklist_deserialize (checklist, (const char *) data, size, &error))
    {
      after = atlas_checklist_serialize (checklist);
      g_assert_cmpstr (before, ==, after);
    }
  else
    {
      g_autoptr(AtlasChecklist) again = atlas_checklist_new (content);
      g_autofree char *first = atlas_checklist_serialize (checklist);
      g_autofree char *second = NULL;

      g_assert (atlas_checklist_deserialize (again, first, strlen (first), NULL));
      second = atlas_checklist_serialize (again);
      g_assert_cmpstr (first, ==, second);
    }

  return 0;
}
