/* atlas-tour-card.h — the guided tour's caption card: the step, its text and its controls.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-tour.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TOUR_CARD (atlas_tour_card_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTourCard, atlas_tour_card, ATLAS, TOUR_CARD, GtkWidget)

AtlasTour *atlas_tour_card_get_tour (AtlasTourCard *self);
void       atlas_tour_card_set_tour (AtlasTourCard *self,
                                     AtlasTour     *tour);

G_END_DECLS
