/* atlas-quiz-card.h — the quiz's card: the question, the names to choose from, the feedback.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-content.h"
#include "atlas-quiz.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_QUIZ_CARD (atlas_quiz_card_get_type ())

G_DECLARE_FINAL_TYPE (AtlasQuizCard, atlas_quiz_card, ATLAS, QUIZ_CARD, GtkWidget)

void       atlas_quiz_card_set_content (AtlasQuizCard *self,
                                        AtlasContent  *content);
AtlasQuiz *atlas_quiz_card_get_quiz    (AtlasQuizCard *self);
void       atlas_quiz_card_set_quiz    (AtlasQuizCard *self,
                                        AtlasQuiz     *quiz);
void       atlas_quiz_card_point_to    (AtlasQuizCard *self,
                                        const char    *structure);

G_END_DECLS
