/* atlas-quiz.h — questions for a class, made from a diagram: find it, or name it.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-content.h"
#include "atlas-diagram.h"

G_BEGIN_DECLS

#define ATLAS_QUIZ_N_OPTIONS 4

typedef enum
{
  ATLAS_QUIZ_FIND,   /* "Point to the psoas major": answered by a region of the diagram */
  ATLAS_QUIZ_NAME,   /* a structure is outlined: answered by choosing its name */
} AtlasQuizKind;

typedef struct
{
  AtlasQuizKind  kind;
  const char    *structure;                       /* the answer */
  const char    *options[ATLAS_QUIZ_N_OPTIONS];   /* structures to choose from (NAME only) */
} AtlasQuizQuestion;

#define ATLAS_TYPE_QUIZ (atlas_quiz_get_type ())

G_DECLARE_FINAL_TYPE (AtlasQuiz, atlas_quiz, ATLAS, QUIZ, GObject)

AtlasQuiz               *atlas_quiz_new             (AtlasDiagram *diagram,
                                                     guint         n_questions,
                                                     guint32       seed);
guint                    atlas_quiz_get_n_questions (AtlasQuiz    *self);
guint                    atlas_quiz_get_position    (AtlasQuiz    *self);
guint                    atlas_quiz_get_score       (AtlasQuiz    *self);
const AtlasQuizQuestion *atlas_quiz_get_question    (AtlasQuiz    *self);
gboolean                 atlas_quiz_is_answered     (AtlasQuiz    *self);
gboolean                 atlas_quiz_is_finished     (AtlasQuiz    *self);
gboolean                 atlas_quiz_answer          (AtlasQuiz    *self,
                                                     const char   *structure);
gboolean                 atlas_quiz_next            (AtlasQuiz    *self);

G_END_DECLS
