/* atlas-test-po.h — a small translation built and switched on for a core test.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atlas_test_po_string        (const char *text);
char *atlas_test_catalog_install  (const char *entries);
void  atlas_test_catalog_remove   (char       *dir);

G_END_DECLS
