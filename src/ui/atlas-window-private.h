/* atlas-window-private.h — what the main window's source files share, and nobody else sees.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-application.h"
#include "atlas-checklist-pane.h"
#include "atlas-search.h"
#include "atlas-explanation-pane.h"
#include "atlas-quiz-card.h"
#include "atlas-structure-list.h"
#include "atlas-tour-card.h"
#include "atlas-view-page.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  AtlasSettings        *settings;

  /* Template children */
  AdwFlap              *checklist_flap;
  AdwFlap              *explanation_flap;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;      /* switches the stack once first revealed */
  GtkWidget            *checklist_pane;
  AtlasExplanationPane *explanation_pane;
  GtkWidget            *explanation_back;
  gboolean              narrow;
  gboolean              syncing_list;      /* sync_structure_list() is loading the page */
  int                   allocated_width;
  AtlasStructureList   *structure_list;
  AtlasChecklistPane   *symptom_checklist;
  GtkStack             *sidebar_stack;
  AdwToastOverlay      *toast_overlay;
  guint                 loading_timeout;   /* until "Loading content packs…" shows */
  AdwToast             *loading_toast;
  GtkRevealer          *tour_revealer;
  AtlasTourCard        *tour_card;         /* made at the first tour, in tour_revealer */
  GtkRevealer          *quiz_revealer;
  AtlasQuizCard        *quiz_card;         /* made at the first quiz, in quiz_revealer */

  AdwHeaderBar         *header_bar;
  GtkWidget            *tour_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *search_scroller;
  GtkListBox           *search_results;
  GtkWidget            *focus_before_search; /* weak: where Escape from the search goes back to */
  gboolean              choosing_result;     /* a chosen result decides where the focus goes */
  gboolean              starting_over;       /* Start Over is clearing: it says so itself */
  gboolean              result_key_down;     /* Enter or Space is held: it may choose a result */
  guint                 capture_resume_id;   /* typing reaches the search again after this */

  AtlasContent         *content;
  AtlasTour            *tour;
  AtlasQuiz            *quiz;
  AtlasDiagramView     *quiz_view;
  double                caption_inset;     /* room kept above the drawing for a card */
  AtlasViewPage        *front_page;
  AtlasViewPage        *side_page;
  AtlasViewPage        *section_page;
};

AtlasViewPage *atlas_window_get_visible_page          (AtlasWindow    *self);

/* atlas-window.c, shared with the files below */
void           _atlas_window_show_region              (AtlasWindow    *self,
                                                       const char     *region_id);
void           _atlas_window_sync_symptoms            (AtlasWindow    *self);

/* atlas-window-content.c: the content, the user's packs arriving, problems reported */
void           _atlas_window_set_application_content  (AtlasWindow    *self,
                                                       AtlasApplication *app);
void           _atlas_window_problems_action_cb       (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);

/* atlas-window-start-over.c: Start Over, and the undo of a Clear */
void           _atlas_window_checklist_cleared_cb     (AtlasWindow    *self);
void           _atlas_window_undo_clear_action_cb     (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);
void           _atlas_window_start_over_action_cb     (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);

/* atlas-window-classroom.c: the guided tour and the quiz */
void           atlas_window_classroom_init            (AtlasWindow    *self);
void           atlas_window_classroom_set_content     (AtlasWindow    *self,
                                                       AtlasContent   *content);
void           atlas_window_classroom_stop            (AtlasWindow    *self);
void           atlas_window_classroom_refit           (AtlasWindow    *self);
void           atlas_window_classroom_view_changed    (AtlasWindow    *self,
                                                       gboolean        parts_changed);
AtlasTourCard *_atlas_window_ensure_tour_card         (AtlasWindow    *self);
AtlasQuizCard *_atlas_window_ensure_quiz_card         (AtlasWindow    *self);
void           atlas_window_classroom_stop_action_cb  (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);
void           atlas_window_tour_action_cb            (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);
void           atlas_window_quiz_action_cb            (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);

/* atlas-window-parts.c: the parts built on first use */
void           _atlas_window_parts_init               (AtlasWindow    *self);

/* atlas-window-search.c: find anything */
void           atlas_window_search_init               (AtlasWindow    *self);
void           atlas_window_search_set_content        (AtlasWindow    *self,
                                                       AtlasContent   *content);
void           atlas_window_find_action_cb            (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);
AtlasSearchIndex *_atlas_window_peek_search_index      (AtlasWindow    *self);
AtlasSearchIndex *_atlas_window_ensure_search_index    (AtlasWindow    *self);
gboolean       atlas_window_show_structure            (AtlasWindow    *self,
                                                       const char     *structure);

/* atlas-window-handout.c: print the handout, save it as a PDF */
void           atlas_window_print_action_cb           (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);
void           atlas_window_export_action_cb          (GtkWidget      *widget,
                                                       const char     *action_name,
                                                       GVariant       *parameter);

G_END_DECLS
