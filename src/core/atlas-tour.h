/* atlas-tour.h — the guided walk along the psoas: which step is showing.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-content.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TOUR (atlas_tour_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTour, atlas_tour, ATLAS, TOUR, GObject)

AtlasTour           *atlas_tour_new          (AtlasContent *content);
AtlasContent        *atlas_tour_get_content  (AtlasTour    *self);
guint                atlas_tour_get_n_steps  (AtlasTour    *self);
int                  atlas_tour_get_position (AtlasTour    *self);
const AtlasTourStep *atlas_tour_get_step     (AtlasTour    *self);
gboolean             atlas_tour_is_running   (AtlasTour    *self);
gboolean             atlas_tour_start        (AtlasTour    *self);
gboolean             atlas_tour_next         (AtlasTour    *self);
gboolean             atlas_tour_previous     (AtlasTour    *self);
void                 atlas_tour_stop         (AtlasTour    *self);

G_END_DECLS
