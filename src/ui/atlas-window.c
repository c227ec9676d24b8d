/* atlas-window.c — the main window: diagram, explanation pane and symptom checklist.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window only arranges widgets and forwards actions; what a test wants to check about
 * behaviour lives in the core. The two panes are AdwFlaps: they sit beside the diagram while
 * the window is wide and fold away when it is narrow, so the diagram is never squeezed. The
 * user's choice of which panes to show is remembered only while the panes are unfolded; a
 * fold hides them without overwriting that choice.
 *
 * Five parts of the window have files of their own, sharing atlas-window-private.h: the
 * guided tour and the quiz (atlas-window-classroom.c), the handout (atlas-window-handout.c),
 * finding anything (atlas-window-search.c), the content and its problems
 * (atlas-window-content.c) and Start Over with the undo of a Clear (atlas-window-start-over.c).
 * Their actions are still installed here, with all the others.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-ui.h"
#include "atlas-window-private.h"

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SHOW_CHECKLIST,
  PROP_SHOW_EXPLANATION,
  PROP_VIEW,
  PROP_LARGE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_window_sync_flap (AtlasWindow *self,
                        AdwFlap     *flap,
                        gboolean     wanted)
{
  /* Folded panes start hidden: at a narrow width they would cover the diagram. */
  adw_flap_set_reveal_flap (flap, wanted && !adw_flap_get_folded (flap));
}

/* Where the panes fold: beside a diagram of at least 560 pixels they fit, below that they
 * open over it on demand. AdwFlap would fold by the diagram's minimum width, but that minimum
 * is small so that the window works at 360 pixels (a phone, a tiled half screen). */
#define EXPLANATION_FOLD_WIDTH 900
#define CHECKLIST_FOLD_WIDTH   1200
/* Below this, choosing a structure opens its explanation as a page over the diagram. */
#define NARROW_WIDTH           600

static void
atlas_window_fit_width (AtlasWindow *self,
                        int          width)
{
  adw_flap_set_fold_policy (self->explanation_flap, width < EXPLANATION_FOLD_WIDTH ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                                                  : ADW_FLAP_FOLD_POLICY_NEVER);
  adw_flap_set_fold_policy (self->checklist_flap, width < CHECKLIST_FOLD_WIDTH ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                                              : ADW_FLAP_FOLD_POLICY_NEVER);
  self->narrow = width < NARROW_WIDTH;
  /* Strict centering reserves the wider side's width on both sides; a narrow header bar
   * cannot spare it, nor room for the tour's button (the main menu has the tour too). */
  adw_header_bar_set_centering_policy (self->header_bar, self->narrow ? ADW_CENTERING_POLICY_LOOSE
                                                                      : ADW_CENTERING_POLICY_STRICT);
  gtk_widget_set_visible (self->tour_button, !self->narrow);
  /* style.css closes up the diagram's controls to fit. */
  if (self->narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "atlas-narrow");
}

static void
atlas_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  gboolean resized = width != self->allocated_width;

  atlas_window_fit_width (self, width);
  self->allocated_width = width;

  GTK_WIDGET_CLASS (atlas_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (resized)
    atlas_window_classroom_refit (self);
}

static void
atlas_window_flap_folded_cb (AtlasWindow *self,
                             GParamSpec  *pspec,
                             AdwFlap     *flap)
{
  if (flap == self->checklist_flap)
    atlas_window_sync_flap (self, flap, atlas_settings_get_show_checklist (self->settings));
  else
    {
      atlas_window_sync_flap (self, flap, atlas_settings_get_show_explanation (self->settings));
      gtk_widget_set_visible (self->explanation_back, adw_flap_get_folded (flap));
    }
}

static void
atlas_window_flap_revealed_cb (AtlasWindow *self,
                               GParamSpec  *pspec,
                               AdwFlap     *flap)
{
  gboolean revealed = adw_flap_get_reveal_flap (flap);
  AdwFlap *other = flap == self->checklist_flap ? self->explanation_flap : self->checklist_flap;

  /* Folded panes open over the diagram, one at a time: two would cover it and each other. */
  if (revealed && adw_flap_get_folded (flap) && adw_flap_get_folded (other))
    adw_flap_set_reveal_flap (other, FALSE);

  if (flap == self->checklist_flap)
    {
      if (!adw_flap_get_folded (flap))
        atlas_settings_set_show_checklist (self->settings, revealed);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CHECKLIST]);
    }
  else
    {
      if (!adw_flap_get_folded (flap))
        atlas_settings_set_show_explanation (self->settings, revealed);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EXPLANATION]);
    }
}

AtlasViewPage *
atlas_window_get_visible_page (AtlasWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  return ATLAS_IS_VIEW_PAGE (child) ? ATLAS_VIEW_PAGE (child) : NULL;
}

void
_atlas_window_show_region (AtlasWindow *self,
                           const char  *region_id)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);
  AtlasDiagram *diagram = page ? atlas_diagram_view_get_diagram (atlas_view_page_get_diagram_view (page)) : NULL;
  const AtlasRegion *region = diagram ? atlas_diagram_lookup_region (diagram, region_id) : NULL;

  atlas_explanation_pane_show_region (self->explanation_pane, region);
}

/* Ticked symptoms light their regions on the visible view and mark them in the list. */
void
_atlas_window_sync_symptoms (AtlasWindow *self)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);
  AtlasChecklist *checklist = atlas_checklist_pane_get_checklist (self->symptom_checklist);
  AtlasDiagramView *view;
  AtlasDiagram *diagram;
  g_autoptr(GHashTable) weights = NULL;

  if (page == NULL || checklist == NULL)
    return;

  view = atlas_view_page_get_diagram_view (page);
  diagram = atlas_diagram_view_get_diagram (view);
  if (diagram != NULL)
    weights = atlas_checklist_region_weights (checklist, diagram);
  atlas_diagram_view_set_region_weights (view, weights);
  atlas_structure_list_set_region_weights (self->structure_list, weights);
}

/* The structure list always mirrors the visible view: its regions and its selection. */
static void
sync_structure_list (AtlasWindow *self)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);
  AtlasDiagramView *view;
  g_autofree char *selected = NULL;

  /* Loading a page announces its new state and layers, which would rebuild the list twice
   * more from inside this call: once, after the load, is enough. */
  if (page == NULL || self->syncing_list)
    return;

  self->syncing_list = TRUE;
  atlas_view_page_ensure_loaded (page);
  self->syncing_list = FALSE;
  view = atlas_view_page_get_diagram_view (page);
  /* Rebuilding the list unselects its rows, which would clear the view's selection; a posture
   * change (the slider passing half way) keeps what is selected. */
  selected = g_strdup (atlas_diagram_view_get_selected_region (view));
  atlas_structure_list_set_diagram (self->structure_list, atlas_diagram_view_get_diagram (view));
  if (selected != NULL && atlas_diagram_view_get_selected_region (view) == NULL)
    atlas_diagram_view_set_selected_region (view, selected);
  atlas_structure_list_set_selected (self->structure_list, atlas_diagram_view_get_selected_region (view));
  _atlas_window_show_region (self, atlas_diagram_view_get_selected_region (view));
  _atlas_window_sync_symptoms (self);
}

static void
atlas_window_visible_child_cb (AtlasWindow *self)
{
  atlas_window_classroom_view_changed (self, FALSE);
  sync_structure_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
diagram_selection_cb (AtlasWindow      *self,
                      GParamSpec       *pspec,
                      AtlasDiagramView *view)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);

  if (page == NULL || atlas_view_page_get_diagram_view (page) != view)
    return;

  atlas_structure_list_set_selected (self->structure_list, atlas_diagram_view_get_selected_region (view));
  _atlas_window_show_region (self, atlas_diagram_view_get_selected_region (view));

  /* On a narrow screen the explanation is a page of its own: choosing a structure opens it.
   * Not while a tour or a quiz chooses: their cards say what there is to say. */
  if (self->narrow && atlas_diagram_view_get_selected_region (view) != NULL && self->quiz == NULL &&
      (self->tour == NULL || atlas_tour_get_position (self->tour) < 0))
    adw_flap_set_reveal_flap (self->explanation_flap, TRUE);
}

static void
diagram_regions_changed_cb (AtlasWindow      *self,
                            GParamSpec       *pspec,
                            AtlasDiagramView *view)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);

  /* Another posture or a hidden layer: the same view, but other regions to list. */
  if (page != NULL && atlas_view_page_get_diagram_view (page) == view)
    {
      atlas_window_classroom_view_changed (self, TRUE);
      sync_structure_list (self);
    }
}

static void
list_selection_cb (AtlasWindow *self)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);
  const char *id = atlas_structure_list_get_selected (self->structure_list);
  AtlasDiagramView *view;

  if (page == NULL)
    return;

  view = atlas_view_page_get_diagram_view (page);
  atlas_diagram_view_set_selected_region (view, id);
  if (id != NULL)
    atlas_diagram_view_reveal_region (view, id);
}

static void
pane_show_regions_cb (AtlasWindow *self,
                      GStrv        structures)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);

  if (page != NULL)
    atlas_diagram_view_set_emphasis (atlas_view_page_get_diagram_view (page), (const char * const *) structures);
}

static void
list_hover_cb (AtlasWindow *self,
               const char  *region_id)
{
  AtlasViewPage *page = atlas_window_get_visible_page (self);

  if (page != NULL)
    atlas_diagram_view_set_hovered_region (atlas_view_page_get_diagram_view (page), region_id);
}

/* A page has just been built: the window follows its view, and the view gets what every view
 * was given while the page did not exist yet (the content, the room kept for a card). */
static void
page_built_cb (AtlasWindow   *self,
               AtlasViewPage *page)
{
  AtlasDiagramView *view = atlas_view_page_peek_diagram_view (page);

  g_signal_connect_object (view, "notify::selected-region",
                           G_CALLBACK (diagram_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::state",
                           G_CALLBACK (diagram_regions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::show-nerves",
                           G_CALLBACK (diagram_regions_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->content != NULL)
    atlas_diagram_view_set_content (view, self->content);
  atlas_diagram_view_set_top_inset (view, self->caption_inset);
}

static void
view_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atlas_window_set_view (ATLAS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* For a projector: the whole screen for the diagram. */
static void
fullscreen_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

/* The pen of the visible view, from anywhere in the window. */
static void
draw_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  AtlasViewPage *page = atlas_window_get_visible_page (ATLAS_WINDOW (widget));

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (atlas_view_page_get_diagram_view (page)), "diagram.toggle-drawing", NULL);
}

/* Large text is one CSS class on the window; style.css scales the explanation, the lists and
 * the diagram labels from it, so every part grows together. */
static void
atlas_window_large_text_cb (AtlasWindow *self)
{
  if (atlas_settings_get_large_text (self->settings))
    gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-large-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "atlas-large-text");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGE_TEXT]);
}

/* The shortcuts window is built when it is first asked for, not with every window: from
 * gtk/help-overlay.ui GtkApplication would build one for each window before its first frame,
 * so the file is kept under ui/ and this action stands in until then. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  /* GTK's own win.show-help-overlay takes this action's place from now on. */
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), GTK_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  atlas_settings_set_window_size (self->settings, width, height, gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

/* The view switchers inside the header's switcher title and the bottom bar are theirs, not
 * the template's, and GTK 4.8 names them to a screen reader by their type ("AdwViewSwitcher");
 * they get the name of what they switch. The bar's exists before it has a stack. */
static void
name_view_switchers (GtkWidget  *widget,
                     const char *name)
{
  if (ADW_IS_VIEW_SWITCHER (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_view_switchers (child, name);
}

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);
  int width, height;
  gboolean maximized;

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  {
    const GActionEntry entries[] = { { "show-help-overlay", show_help_overlay_cb } };

    g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  }

  if (self->settings == NULL)
    self->settings = atlas_settings_new_default ();

  atlas_settings_get_window_size (self->settings, &width, &height, &maximized);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  /* Laid out for that width from the start, so a narrow window can open narrow. */
  atlas_window_fit_width (self, width);
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "notify::large-text",
                           G_CALLBACK (atlas_window_large_text_cb), self, G_CONNECT_SWAPPED);
  atlas_window_large_text_cb (self);

  atlas_window_sync_flap (self, self->checklist_flap, atlas_settings_get_show_checklist (self->settings));
  atlas_window_sync_flap (self, self->explanation_flap, atlas_settings_get_show_explanation (self->settings));

  g_signal_connect_object (self->checklist_flap, "notify::folded",
                           G_CALLBACK (atlas_window_flap_folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explanation_flap, "notify::folded",
                           G_CALLBACK (atlas_window_flap_folded_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->explanation_back, adw_flap_get_folded (self->explanation_flap));
  g_signal_connect_object (self->checklist_flap, "notify::reveal-flap",
                           G_CALLBACK (atlas_window_flap_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explanation_flap, "notify::reveal-flap",
                           G_CALLBACK (atlas_window_flap_revealed_cb), self, G_CONNECT_SWAPPED);
  /* The pane buttons' actions read these while the template was still being built, before the
   * flaps were there to ask: they must hear the real state, or a screen reader is told a shown
   * pane is hidden until it is first toggled. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CHECKLIST]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EXPLANATION]);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (atlas_window_visible_child_cb), self, G_CONNECT_SWAPPED);

  /* The pages build themselves when first shown (or asked for); the window follows each view
   * from then on. */
  for (AtlasViewPage **page = (AtlasViewPage *[]) { self->front_page, self->side_page, self->section_page, NULL }; *page; page++)
    g_signal_connect_object (*page, "built", G_CALLBACK (page_built_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->structure_list, "notify::selected",
                           G_CALLBACK (list_selection_cb), self, G_CONNECT_SWAPPED);
  atlas_window_classroom_init (self);
  atlas_window_search_init (self);
  _atlas_window_parts_init (self);
  name_view_switchers (GTK_WIDGET (self->switcher_title), _("Views"));
  name_view_switchers (GTK_WIDGET (self->switcher_bar), _("Views"));

  g_signal_connect_object (self->explanation_pane, "show-regions",
                           G_CALLBACK (pane_show_regions_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->structure_list, "region-hovered",
                           G_CALLBACK (list_hover_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_object (&self->loading_toast);
  g_clear_weak_pointer (&self->focus_before_search);
  g_clear_handle_id (&self->capture_resume_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->tour);
  g_clear_object (&self->quiz);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SHOW_CHECKLIST:
      g_value_set_boolean (value, atlas_window_get_show_checklist (self));
      break;

    case PROP_SHOW_EXPLANATION:
      g_value_set_boolean (value, atlas_window_get_show_explanation (self));
      break;

    case PROP_VIEW:
      g_value_set_string (value, atlas_window_get_view (self));
      break;

    case PROP_LARGE_TEXT:
      g_value_set_boolean (value, self->settings && atlas_settings_get_large_text (self->settings));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SHOW_CHECKLIST:
      atlas_window_set_show_checklist (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_EXPLANATION:
      atlas_window_set_show_explanation (self, g_value_get_boolean (value));
      break;

    case PROP_VIEW:
      atlas_window_set_view (self, g_value_get_string (value));
      break;

    case PROP_LARGE_TEXT:
      atlas_settings_set_large_text (self->settings, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  atlas_ui_ensure_resources ();

  object_class->constructed = atlas_window_constructed;
  object_class->dispose = atlas_window_dispose;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;

  window_class->close_request = atlas_window_close_request;
  widget_class->size_allocate = atlas_window_size_allocate;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         ATLAS_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_CHECKLIST] =
    g_param_spec_boolean ("show-checklist", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_EXPLANATION] =
    g_param_spec_boolean ("show-explanation", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "front",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LARGE_TEXT] =
    g_param_spec_boolean ("large-text", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_CHECKLIST_PANE);
  g_type_ensure (ATLAS_TYPE_EXPLANATION_PANE);
  g_type_ensure (ATLAS_TYPE_QUIZ_CARD);
  g_type_ensure (ATLAS_TYPE_STRUCTURE_LIST);
  g_type_ensure (ATLAS_TYPE_TOUR_CARD);
  g_type_ensure (ATLAS_TYPE_VIEW_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, checklist_flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, explanation_flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, checklist_pane);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, explanation_pane);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, explanation_back);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, tour_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, structure_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, symptom_checklist);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, tour_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, quiz_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, front_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, side_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, section_page);

  gtk_widget_class_install_property_action (widget_class, "win.show-checklist", "show-checklist");
  gtk_widget_class_install_property_action (widget_class, "win.show-explanation", "show-explanation");
  gtk_widget_class_install_property_action (widget_class, "win.large-text", "large-text");
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, atlas_window_find_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.content-problems", NULL, _atlas_window_problems_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-clear", NULL, _atlas_window_undo_clear_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-clear", NULL);
  gtk_widget_class_install_action (widget_class, "win.classroom-stop", NULL, atlas_window_classroom_stop_action_cb);
  gtk_widget_class_install_action (widget_class, "win.start-over", NULL, _atlas_window_start_over_action_cb);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_install_action (widget_class, "win.draw", NULL, draw_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.draw", NULL);
  gtk_widget_class_install_action (widget_class, "win.quiz-start", NULL, atlas_window_quiz_action_cb);
  gtk_widget_class_install_action (widget_class, "win.quiz-next", NULL, atlas_window_quiz_action_cb);
  gtk_widget_class_install_action (widget_class, "win.quiz-stop", NULL, atlas_window_quiz_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.quiz-start", NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, atlas_window_print_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL, atlas_window_export_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-handout", NULL);
  gtk_widget_class_install_action (widget_class, "win.tour-start", NULL, atlas_window_tour_action_cb);
  gtk_widget_class_install_action (widget_class, "win.tour-next", NULL, atlas_window_tour_action_cb);
  gtk_widget_class_install_action (widget_class, "win.tour-previous", NULL, atlas_window_tour_action_cb);
  gtk_widget_class_install_action (widget_class, "win.tour-stop", NULL, atlas_window_tour_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.tour-start", NULL);
  /* Presentation remotes send Page Down and Page Up. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.tour-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.tour-previous", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-checklist", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.large-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.show-explanation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s", "front");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s", "side");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s", "section");
}

static void
atlas_window_init (AtlasWindow *self)
{
  GtkEventController *escape = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Escape ends a tour or a quiz wherever the focus is, before the diagram's own Escape
   * (clear the selection) sees it; with neither running the action is off and the key goes
   * on as before. */
  gtk_event_controller_set_propagation_phase (escape, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("win.classroom-stop")));
  gtk_widget_add_controller (GTK_WIDGET (self), escape);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-clear", FALSE);
  atlas_ui_plain_button_names (GTK_WIDGET (self));
}

/**
 * atlas_window_new:
 * @application: the application
 * @settings: (nullable): the settings to read and remember state in; %NULL for the user's
 *
 * Returns: (transfer full): a new main window
 */
AtlasWindow *
atlas_window_new (GtkApplication *application,
                  AtlasSettings  *settings)
{
  AtlasWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || ATLAS_IS_SETTINGS (settings), NULL);

  self = g_object_new (ATLAS_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);

  if (ATLAS_IS_APPLICATION (application))
    _atlas_window_set_application_content (self, ATLAS_APPLICATION (application));

  /* Only now, with the content in place, is the front view loaded and its list built: once. */
  sync_structure_list (self);

  return self;
}

AtlasSettings *
atlas_window_get_settings (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->settings;
}

gboolean
atlas_window_get_show_checklist (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  /* The action muxer may still ask after dispose has released the template. */
  if (self->checklist_flap == NULL)
    return FALSE;

  return adw_flap_get_reveal_flap (self->checklist_flap);
}

void
atlas_window_set_show_checklist (AtlasWindow *self,
                                 gboolean     show)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  adw_flap_set_reveal_flap (self->checklist_flap, show);
}

gboolean
atlas_window_get_show_explanation (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  /* The action muxer may still ask after dispose has released the template. */
  if (self->explanation_flap == NULL)
    return FALSE;

  return adw_flap_get_reveal_flap (self->explanation_flap);
}

void
atlas_window_set_show_explanation (AtlasWindow *self,
                                   gboolean     show)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  adw_flap_set_reveal_flap (self->explanation_flap, show);
}

const char *
atlas_window_get_view (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  if (self->view_stack == NULL)
    return NULL;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
atlas_window_set_view (AtlasWindow *self,
                       const char  *name)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
