/* atlas-tour.c — the guided walk along the psoas: which step is showing.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps come from the content, in order. The tour knows only where it is; the window turns
 * each step into a view, a selected region and a caption.
 */
#include "config.h"

#include "atlas-tour.h"

struct _AtlasTour
{
  GObject       parent_instance;

  AtlasContent *content;
  int           position;   /* -1 when not running */
};

G_DEFINE_FINAL_TYPE (AtlasTour, atlas_tour, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_tour_finalize (GObject *object)
{
  g_clear_object (&ATLAS_TOUR (object)->content);

  G_OBJECT_CLASS (atlas_tour_parent_class)->finalize (object);
}

static void
atlas_tour_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_int (value, ATLAS_TOUR (object)->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tour_class_init (AtlasTourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_tour_finalize;
  object_class->get_property = atlas_tour_get_property;

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_tour_init (AtlasTour *self)
{
  self->position = -1;
}

AtlasTour *
atlas_tour_new (AtlasContent *content)
{
  AtlasTour *self;

  g_return_val_if_fail (ATLAS_IS_CONTENT (content), NULL);

  self = g_object_new (ATLAS_TYPE_TOUR, NULL);
  self->content = g_object_ref (content);
  return self;
}

/**
 * atlas_tour_get_content:
 *
 * Returns: (transfer none): where the steps and their sources come from
 */
AtlasContent *
atlas_tour_get_content (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), NULL);

  return self->content;
}

guint
atlas_tour_get_n_steps (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), 0);

  return atlas_content_get_tour (self->content)->len;
}

int
atlas_tour_get_position (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), -1);

  return self->position;
}

gboolean
atlas_tour_is_running (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), FALSE);

  return self->position >= 0;
}

/**
 * atlas_tour_get_step:
 *
 * Returns: (nullable): the step showing, or %NULL when the tour is not running
 */
const AtlasTourStep *
atlas_tour_get_step (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), NULL);

  if (self->position < 0)
    return NULL;

  return g_ptr_array_index (atlas_content_get_tour (self->content), self->position);
}

static gboolean
move_to (AtlasTour *self,
         int        position)
{
  if (position < -1 || position >= (int) atlas_tour_get_n_steps (self) || position == self->position)
    return FALSE;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  return TRUE;
}

/**
 * atlas_tour_start:
 *
 * Returns: %FALSE if there are no steps to show
 */
gboolean
atlas_tour_start (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), FALSE);

  if (atlas_tour_get_n_steps (self) == 0)
    return FALSE;

  /* Starting again from the middle begins at the beginning. */
  if (self->position == 0)
    return TRUE;
  return move_to (self, 0);
}

gboolean
atlas_tour_next (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), FALSE);

  return self->position >= 0 && move_to (self, self->position + 1);
}

gboolean
atlas_tour_previous (AtlasTour *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR (self), FALSE);

  return self->position > 0 && move_to (self, self->position - 1);
}

void
atlas_tour_stop (AtlasTour *self)
{
  g_return_if_fail (ATLAS_IS_TOUR (self));

  move_to (self, -1);
}
