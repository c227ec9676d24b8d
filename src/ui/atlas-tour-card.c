/* atlas-tour-card.c — the guided tour's caption card: the step, its text and its controls.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card follows an AtlasTour and shows its step. Its buttons only name the window's
 * win.tour-* actions, so the keyboard, a presentation remote and the buttons all go one way.
 * Which view and region a step shows is the window's business; the card only shows words.
 * A glossary link in the caption is handed on through "activate-link", so it can open where
 * links open everywhere else.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-tour-card.h"
#include "atlas-ui.h"

struct _AtlasTourCard
{
  GtkWidget  parent_instance;

  AtlasTour *tour;

  /* Template children */
  GtkLabel  *progress;
  GtkWidget *step;
  GtkLabel  *title;
  GtkLabel  *text;
};

G_DEFINE_FINAL_TYPE (AtlasTourCard, atlas_tour_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOUR,
  N_PROPS
};

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
atlas_tour_card_sync (AtlasTourCard *self)
{
  const AtlasTourStep *step = self->tour ? atlas_tour_get_step (self->tour) : NULL;
  g_autofree char *progress = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  /* A stopped tour keeps its last words: the card is fading out, not emptying. */
  if (step == NULL)
    return;

  /* Translators: the position in the guided tour, e.g. "Step 2 of 10". */
  progress = g_strdup_printf (_("Step %d of %u"), atlas_tour_get_position (self->tour) + 1, atlas_tour_get_n_steps (self->tour));
  title = atlas_rich_text_to_plain (step->title);
  {
    g_autofree char *body = atlas_rich_text_to_markup (step->text);
    g_autofree char *citation = atlas_content_dup_citation_markup (atlas_tour_get_content (self->tour), step->cites);

    text = g_strconcat (body, citation, NULL);
  }
  gtk_label_set_label (self->progress, progress);
  gtk_label_set_label (self->title, title);
  gtk_label_set_markup (self->text, text);

  /* Read out at each step: "Step 2 of 10: The psoas major", then the caption. */
  {
    g_autofree char *name = g_strdup_printf ("%s: %s", progress, title);
    g_autofree char *plain = atlas_rich_text_to_plain (step->text);

    atlas_ui_announce (self->step, name, plain);
  }
}

static gboolean
text_link_cb (AtlasTourCard *self,
              const char    *uri)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
  return handled;
}

static void
atlas_tour_card_dispose (GObject *object)
{
  AtlasTourCard *self = ATLAS_TOUR_CARD (object);
  GtkWidget *child;

  atlas_tour_card_set_tour (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_TOUR_CARD);
  /* The template's unnamed boxes are not bound, so they are not released with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_tour_card_parent_class)->dispose (object);
}

static void
atlas_tour_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasTourCard *self = ATLAS_TOUR_CARD (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tour_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasTourCard *self = ATLAS_TOUR_CARD (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      atlas_tour_card_set_tour (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tour_card_class_init (AtlasTourCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  atlas_ui_ensure_resources ();

  object_class->dispose = atlas_tour_card_dispose;
  object_class->get_property = atlas_tour_card_get_property;
  object_class->set_property = atlas_tour_card_set_property;

  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL,
                         ATLAS_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasTourCard::activate-link:
   * @uri: the link in the caption that was activated
   *
   * Returns: %TRUE if the link was handled
   */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/atlas-tour-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTourCard, progress);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourCard, step);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourCard, title);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourCard, text);
  gtk_widget_class_bind_template_callback (widget_class, text_link_cb);

  gtk_widget_class_set_css_name (widget_class, "atlas-tour-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_tour_card_init (AtlasTourCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_ui_plain_button_names (GTK_WIDGET (self));
}

/**
 * atlas_tour_card_get_tour:
 *
 * Returns: (transfer none) (nullable): the tour the card shows
 */
AtlasTour *
atlas_tour_card_get_tour (AtlasTourCard *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR_CARD (self), NULL);

  return self->tour;
}

/**
 * atlas_tour_card_set_tour:
 * @tour: (nullable): the tour to follow
 */
void
atlas_tour_card_set_tour (AtlasTourCard *self,
                          AtlasTour     *tour)
{
  g_return_if_fail (ATLAS_IS_TOUR_CARD (self));
  g_return_if_fail (tour == NULL || ATLAS_IS_TOUR (tour));

  if (self->tour == tour)
    return;

  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_func (self->tour, atlas_tour_card_sync, self);
  g_set_object (&self->tour, tour);
  if (self->tour != NULL)
    g_signal_connect_object (self->tour, "notify::position", G_CALLBACK (atlas_tour_card_sync), self, G_CONNECT_SWAPPED);

  atlas_tour_card_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUR]);
}
