/* atlas-view-page.c — one diagram view with its on-canvas controls, or why it failed to load.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page builds its controls and loads its diagrams the first time it is needed, so start-up
 * pays only for the view that is shown: until then it is an empty shell that only knows its
 * view's name (the view stack's switchers need no more). atlas_view_page_peek_diagram_view()
 * lets the window reach a page's view without building it; "built" tells it when a page is,
 * so it can hand the new view its state. A diagram that fails to load leaves its page showing what went wrong; the
 * other views work as before.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include <math.h>

#include "atlas-content.h"
#include "atlas-view-page.h"
#include "atlas-views.h"
#include "atlas-ui.h"

struct _AtlasViewPage
{
  GtkWidget         parent_instance;

  char             *view_name;
  gboolean          built;
  gboolean          loaded;
  char             *error;

  GtkStack         *stack;
  AtlasDiagramView *diagram_view;
  GtkWidget        *overlay;
  GtkWidget        *caption_box;
  GtkWidget        *caption_label;
  GtkWidget        *posture_box;
  GtkScale         *posture_scale;
  GtkAdjustment    *posture_adjustment;
  GtkWidget        *posture_caption;
  GtkWidget        *nerves_button;
  GtkWidget        *drawing_toolbar;
  GtkWidget        *draw_button;
  GtkWidget        *toolbar;
  AdwStatusPage    *error_page;
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (AtlasViewPage, atlas_view_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW_NAME,
  N_PROPS
};

enum {
  SIGNAL_BUILT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (AtlasViewPage *self,
            const char    *message)
{
  g_autofree char *description = NULL;

  g_free (self->error);
  self->error = g_strdup (message);
  /* The page itself shows the error; the log only keeps a record. */
  g_message ("%s", message);

  description = g_markup_printf_escaped ("%s\n\n<small>%s</small>",
                                         _("The other views still work. Reinstalling Psoas Atlas should restore this one."),
                                         message);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* "As the psoas shortens, … (Conatser; East West)": the caption names the articles it comes from. */
static char *
cited_caption (AtlasViewPage       *self,
               const AtlasViewInfo *view)
{
  AtlasContent *content = atlas_diagram_view_get_content (self->diagram_view);
  g_auto(GStrv) ids = g_strsplit (view->morph_cite, " ", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const AtlasSource *source = content != NULL ? atlas_content_get_source (content, ids[i]) : NULL;
      const char *name = source != NULL ? atlas_source_get_short_name (source) : ids[i];

      /* Translators: separates the names of two sources in a citation, as in "(Conatser; East West)". */
      g_string_append_printf (names, "%s%s", i > 0 ? _("; ") : "", name);
    }

  /* Translators: a caption followed by the sources it comes from, e.g. "The pelvis tips forward. (Conatser; East West)". */
  return g_strdup_printf (_("%s (%s)"), _(view->morph_caption), names->str);
}

/* The screen reader hears where the slider is in words, not as a bare number. GTK 4.8 does
 * not pass the value text on to AT-SPI, so the words are the slider's description too, which
 * screen readers read out when it changes on the focused slider. */
static void
posture_value_changed_cb (AtlasViewPage *self)
{
  double value = gtk_adjustment_get_value (self->posture_adjustment);
  g_autofree char *text = NULL;

  if (value <= 0.001)
    text = g_strdup (_("Neutral"));
  else if (value >= 0.999)
    text = g_strdup (_("Shortened psoas"));
  else
    /* Translators: the position of the posture slider, e.g. "40% of the way to a shortened psoas". */
    text = g_strdup_printf (_("%d%% of the way to a shortened psoas"), (int) round (value * 100));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->posture_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* The diagram is named as soon as it is built, before it is first shown or loaded: a screen
 * reader may meet a page built for a tour step or a search before it is on screen. */
static void
name_diagram (AtlasViewPage *self)
{
  const AtlasViewInfo *view = self->view_name ? atlas_views_lookup (self->view_name) : NULL;

  if (view != NULL)
    {
      /* Translators: the accessible name of a diagram, e.g. "Front diagram". */
      g_autofree char *label = g_strdup_printf (_("%s diagram"), _(view->title));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->diagram_view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
update_controls (AtlasViewPage *self)
{
  AtlasDiagram *diagram = atlas_diagram_view_get_diagram (self->diagram_view);
  const AtlasViewInfo *view = atlas_views_lookup (self->view_name);
  gboolean morphable = atlas_diagram_view_is_morphable (self->diagram_view);

  gtk_label_set_label (GTK_LABEL (self->caption_label), view != NULL && view->caption != NULL ? _(view->caption) : "");
  gtk_widget_set_visible (self->caption_label, view != NULL && view->caption != NULL);
  gtk_widget_set_visible (self->posture_box, morphable);
  if (morphable && view != NULL && view->morph_caption != NULL)
    {
      g_autofree char *caption = cited_caption (self, view);

      gtk_label_set_label (GTK_LABEL (self->posture_caption), caption);
    }
  gtk_widget_set_visible (self->posture_caption, morphable && view != NULL && view->morph_caption != NULL);
  posture_value_changed_cb (self);
  gtk_widget_set_visible (self->nerves_button,
                          diagram != NULL && g_strv_contains (atlas_diagram_get_layers (diagram), "nerves"));
}

/**
 * atlas_view_page_load_files:
 * @files: (array length=n_files): one diagram per state
 *
 * Loads the page from @files instead of the built-in diagrams. On failure the page shows the
 * error and keeps nothing half-loaded.
 */
gboolean
atlas_view_page_load_files (AtlasViewPage  *self,
                            GFile         **files,
                            guint           n_files)
{
  const AtlasViewInfo *view = atlas_views_lookup (self->view_name);
  AtlasDiagram *diagrams[ATLAS_VIEW_MAX_STATES] = { NULL, };
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ATLAS_IS_VIEW_PAGE (self), FALSE);
  g_return_val_if_fail (n_files >= 1 && n_files <= ATLAS_VIEW_MAX_STATES, FALSE);

  atlas_view_page_ensure_built (self);
  self->loaded = TRUE;

  for (guint i = 0; i < n_files && ok; i++)
    {
      diagrams[i] = atlas_diagram_new_shared (files[i], view ? view->required_ids : NULL, &error);
      ok = diagrams[i] != NULL;
    }

  /* Two postures are one drawing that moves: they must match in everything but the numbers. */
  if (ok && n_files == 2)
    ok = atlas_diagram_set_morph_target (diagrams[0], diagrams[1], &error);

  if (ok)
    {
      atlas_diagram_view_set_diagrams (self->diagram_view, diagrams, n_files);
      g_clear_pointer (&self->error, g_free);
      gtk_stack_set_visible_child_name (self->stack, "diagram");
    }
  else
    {
      atlas_diagram_view_set_diagrams (self->diagram_view, NULL, 0);
      show_error (self, error->message);
    }

  for (guint i = 0; i < n_files; i++)
    g_clear_object (&diagrams[i]);

  update_controls (self);
  return ok;
}

/**
 * atlas_view_page_ensure_loaded:
 *
 * Loads the built-in diagrams of the page's view if that has not been done.
 *
 * Returns: %TRUE if the page shows a diagram
 */
gboolean
atlas_view_page_ensure_loaded (AtlasViewPage *self)
{
  const AtlasViewInfo *view;
  GFile *files[ATLAS_VIEW_MAX_STATES] = { NULL, };
  guint n;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_VIEW_PAGE (self), FALSE);

  if (self->loaded)
    return self->error == NULL;

  atlas_view_page_ensure_built (self);
  view = atlas_views_lookup (self->view_name);
  if (view == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no view named “%s”."), self->view_name);

      self->loaded = TRUE;
      show_error (self, message);
      return FALSE;
    }

  n = atlas_view_get_n_states (view);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uri = g_strdup_printf ("resource://" RESOURCE_BASE "/diagrams/%s", view->states[i]);
      files[i] = g_file_new_for_uri (uri);
    }

  ok = atlas_view_page_load_files (self, files, n);

  for (guint i = 0; i < n; i++)
    g_object_unref (files[i]);

  return ok;
}

static void keep_labels_clear_of_toolbar (AtlasViewPage *self);

static void
atlas_view_page_map (GtkWidget *widget)
{
  atlas_view_page_ensure_loaded (ATLAS_VIEW_PAGE (widget));
  keep_labels_clear_of_toolbar (ATLAS_VIEW_PAGE (widget));

  GTK_WIDGET_CLASS (atlas_view_page_parent_class)->map (widget);
}

static void
zoom_changed_cb (AtlasViewPage *self)
{
  double zoom = atlas_diagram_view_get_zoom (self->diagram_view);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "zoom-in")),
                               zoom < ATLAS_DIAGRAM_VIEW_MAX_ZOOM - 1e-6);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "zoom-out")),
                               zoom > ATLAS_DIAGRAM_VIEW_MIN_ZOOM + 1e-6);
}

static void
zoom_activate_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AtlasViewPage *self = user_data;
  g_autofree char *name = g_strconcat ("diagram.", g_action_get_name (G_ACTION (action)), NULL);

  /* The view's own actions carry the behaviour; the page's buttons only reach them. */
  gtk_widget_activate_action (GTK_WIDGET (self->diagram_view), name, NULL);
}

/* The drawing toolbar's Undo, Redo and Clear follow the view's own actions. */
static void
marks_changed_cb (AtlasViewPage *self)
{
  AtlasMarks *marks = atlas_diagram_view_get_marks (self->diagram_view);
  gboolean drawing = atlas_diagram_view_get_drawing (self->diagram_view);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "undo-mark")),
                               drawing && atlas_marks_can_undo (marks));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "redo-mark")),
                               drawing && atlas_marks_can_redo (marks));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "clear-marks")),
                               atlas_marks_get_n_marks (marks) > 0);

  /* The pen's shortcuts work where the pointer draws. */
  if (drawing && !gtk_widget_has_focus (GTK_WIDGET (self->diagram_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->diagram_view));

  /* The drawing fits below the toolbar while it shows: its height at the view's width, with
   * its margin above and a gap below. */
  if (drawing)
    {
      int height = 0;

      gtk_widget_measure (self->drawing_toolbar, GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (GTK_WIDGET (self->diagram_view)), NULL, &height, NULL, NULL);
      atlas_diagram_view_set_drawing_inset (self->diagram_view, height + gtk_widget_get_margin_top (self->drawing_toolbar) + 6);
    }
}

/* The on-canvas buttons act on the view: its properties become stateful actions directly, so
 * the page keeps no copy of the view's state. */
static void
install_actions (AtlasViewPage *self)
{
  static const GActionEntry entries[] = {
    { "zoom-in", zoom_activate_cb },
    { "zoom-out", zoom_activate_cb },
    { "zoom-fit", zoom_activate_cb },
    { "undo-mark", zoom_activate_cb },
    { "redo-mark", zoom_activate_cb },
    { "clear-marks", zoom_activate_cb },
  };
  static const char * const properties_as_actions[] = { "show-labels", "show-nerves", "state",
                                                         "drawing", "draw-tool", "draw-colour" };

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (properties_as_actions); i++)
    {
      g_autoptr(GPropertyAction) action = g_property_action_new (properties_as_actions[i], self->diagram_view,
                                                                 properties_as_actions[i]);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
    }

  g_signal_connect_object (self->diagram_view, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (atlas_diagram_view_get_marks (self->diagram_view), "changed", G_CALLBACK (marks_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diagram_view, "notify::drawing", G_CALLBACK (marks_changed_cb), self, G_CONNECT_SWAPPED);
  marks_changed_cb (self);
}

static void
atlas_view_page_dispose (GObject *object)
{
  AtlasViewPage *self = ATLAS_VIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_VIEW_PAGE);
  g_clear_pointer (&self->view_name, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (atlas_view_page_parent_class)->dispose (object);
}

static void
atlas_view_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasViewPage *self = ATLAS_VIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_NAME:
      g_value_set_string (value, self->view_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_view_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasViewPage *self = ATLAS_VIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_NAME:
      self->view_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The names on the diagram keep clear of the controls over its bottom edge, whatever their
 * height: measured when the page is shown and whenever the style changes (Large Text makes
 * them taller). */
static void
keep_labels_clear_of_toolbar (AtlasViewPage *self)
{
  int height = 0, width = 0;

  if (self->toolbar == NULL || self->diagram_view == NULL)
    return;

  if (gtk_widget_get_visible (self->toolbar))
    {
      gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      gtk_widget_measure (self->toolbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
    }
  atlas_diagram_view_set_bottom_inset (self->diagram_view,
                                       height > 0 ? height + gtk_widget_get_margin_bottom (self->toolbar) + 6 : 0,
                                       width > 0 ? width + gtk_widget_get_margin_end (self->toolbar) + 6 : 0);
}

static void
atlas_view_page_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (atlas_view_page_parent_class)->css_changed (widget, change);

  keep_labels_clear_of_toolbar (ATLAS_VIEW_PAGE (widget));
}

/* The caption card sits at the bottom left and the controls at the bottom right; when the view
 * is too narrow for both side by side, the caption rises above the controls instead of
 * running under them. */
static gboolean
overlay_child_position_cb (AtlasViewPage *self,
                           GtkWidget     *widget,
                           GdkRectangle  *allocation)
{
  int width = gtk_widget_get_width (self->overlay);
  int height = gtk_widget_get_height (self->overlay);
  int caption_w, caption_h, toolbar_w, toolbar_h;

  if (widget != self->caption_box)
    return FALSE;

  gtk_widget_measure (self->caption_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &caption_w, NULL, NULL);
  caption_w = MIN (caption_w, MAX (width - 24, 1));
  gtk_widget_measure (self->caption_box, GTK_ORIENTATION_VERTICAL, caption_w, NULL, &caption_h, NULL, NULL);
  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &toolbar_w, NULL, NULL);
  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, toolbar_w, NULL, &toolbar_h, NULL, NULL);

  allocation->x = 12;
  allocation->width = caption_w;
  allocation->height = caption_h;
  allocation->y = height - 12 - caption_h;
  if (gtk_widget_get_visible (self->toolbar) && 12 + caption_w + 12 + toolbar_w + 12 > width)
    allocation->y -= toolbar_h + 8;
  allocation->y = MAX (allocation->y, 0);
  return TRUE;
}

static void
atlas_view_page_class_init (AtlasViewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_view_page_dispose;
  object_class->get_property = atlas_view_page_get_property;
  object_class->set_property = atlas_view_page_set_property;

  widget_class->map = atlas_view_page_map;
  widget_class->css_changed = atlas_view_page_css_changed;

  properties[PROP_VIEW_NAME] =
    g_param_spec_string ("view-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasViewPage::built:
   *
   * The page has just built its controls and its diagram view, which is empty until the
   * page loads its diagrams (right after, when the page is shown).
   */
  signals[SIGNAL_BUILT] =
    g_signal_new ("built", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ATLAS_TYPE_DIAGRAM_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/atlas-view-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, caption_box);
  gtk_widget_class_bind_template_callback (widget_class, overlay_child_position_cb);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, posture_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, posture_scale);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, posture_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, posture_caption);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, nerves_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, drawing_toolbar);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, draw_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewPage, toolbar);


  gtk_widget_class_set_css_name (widget_class, "atlas-view-page");
}

static void
atlas_view_page_init (AtlasViewPage *self)
{
  /* Nothing is built yet: see atlas_view_page_ensure_built(). */
}

/**
 * atlas_view_page_ensure_built:
 *
 * Builds the page's controls and its (still empty) diagram view if that has not been done.
 * Showing the page, loading it or asking for its view does this.
 */
void
atlas_view_page_ensure_built (AtlasViewPage *self)
{
  g_return_if_fail (ATLAS_IS_VIEW_PAGE (self));

  if (self->built)
    return;
  self->built = TRUE;

  /* The group is in place before the buttons that name its actions exist: built into a
   * window that is already shown, they would not see actions arriving after them. */
  self->actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "page", G_ACTION_GROUP (self->actions));
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_ui_plain_button_names (GTK_WIDGET (self));
  install_actions (self);
  /* The diagram is named as soon as it exists, before it is first shown. */
  name_diagram (self);

  /* The caption card (with the posture slider on the side view) sits over the canvas' bottom
   * left: labels keep above it. */
  atlas_diagram_view_set_bottom_obstacle (self->diagram_view, GTK_WIDGET (self->caption_box));

  /* The postures' names stand at the two ends of the slider (in the template). */
  g_object_bind_property (self->posture_adjustment, "value", self->diagram_view, "morph",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->posture_adjustment, "value-changed", G_CALLBACK (posture_value_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_emit (self, signals[SIGNAL_BUILT], 0);
}

/**
 * atlas_view_page_is_built:
 *
 * Returns: whether the page's controls and diagram view exist yet
 */
gboolean
atlas_view_page_is_built (AtlasViewPage *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_PAGE (self), FALSE);

  return self->built;
}

GtkWidget *
atlas_view_page_new (const char *view_name)
{
  return g_object_new (ATLAS_TYPE_VIEW_PAGE, "view-name", view_name, NULL);
}

const char *
atlas_view_page_get_view_name (AtlasViewPage *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_PAGE (self), NULL);

  return self->view_name;
}

/**
 * atlas_view_page_get_diagram_view:
 *
 * Returns: (transfer none): the page's diagram view, built now if it was not yet
 */
AtlasDiagramView *
atlas_view_page_get_diagram_view (AtlasViewPage *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_PAGE (self), NULL);

  atlas_view_page_ensure_built (self);
  return self->diagram_view;
}

/**
 * atlas_view_page_peek_diagram_view:
 *
 * For what applies to every view (content, insets, Start Over) without building the pages
 * nobody has looked at: a page built later is given the same state when it emits "built".
 *
 * Returns: (transfer none) (nullable): the page's diagram view, or %NULL if the page is not
 * built yet
 */
AtlasDiagramView *
atlas_view_page_peek_diagram_view (AtlasViewPage *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_PAGE (self), NULL);

  return self->diagram_view;
}

/**
 * atlas_view_page_get_error:
 *
 * Returns: (nullable): why the page could not load its diagrams, or %NULL
 */
const char *
atlas_view_page_get_error (AtlasViewPage *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_PAGE (self), NULL);

  return self->error;
}
