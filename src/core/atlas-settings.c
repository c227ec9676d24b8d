/* atlas-settings.c — the application's preferences as a GObject model.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows never talk to GSettings directly: they receive an AtlasSettings and bind to its
 * properties. Tests hand in one backed by the memory backend, so they never touch the user's
 * real preferences and can inspect what a window saved.
 */
#include "config.h"

#include "atlas-settings.h"

#define MIN_WINDOW_WIDTH  360
#define MIN_WINDOW_HEIGHT 294
#define MAX_WINDOW_SIDE   16384

struct _AtlasSettings
{
  GObject    parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AtlasSettings, atlas_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_SHOW_CHECKLIST,
  PROP_SHOW_EXPLANATION,
  PROP_LARGE_TEXT,
  PROP_REMEMBER_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The properties read and write GSettings directly, so the only thing to forward is a change
 * made behind our back (another window, dconf-editor): it becomes a property notification. */
static void
atlas_settings_changed_cb (AtlasSettings *self,
                           const char    *key,
                           GSettings     *settings)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), key);

  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
atlas_settings_constructed (GObject *object)
{
  AtlasSettings *self = ATLAS_SETTINGS (object);

  G_OBJECT_CLASS (atlas_settings_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (atlas_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
atlas_settings_dispose (GObject *object)
{
  AtlasSettings *self = ATLAS_SETTINGS (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_settings_parent_class)->dispose (object);
}

static void
atlas_settings_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasSettings *self = ATLAS_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_WINDOW_WIDTH:
      {
        int width;

        atlas_settings_get_window_size (self, &width, NULL, NULL);
        g_value_set_int (value, width);
      }
      break;

    case PROP_WINDOW_HEIGHT:
      {
        int height;

        atlas_settings_get_window_size (self, NULL, &height, NULL);
        g_value_set_int (value, height);
      }
      break;

    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, g_settings_get_boolean (self->settings, "window-maximized"));
      break;

    case PROP_SHOW_CHECKLIST:
      g_value_set_boolean (value, atlas_settings_get_show_checklist (self));
      break;

    case PROP_SHOW_EXPLANATION:
      g_value_set_boolean (value, atlas_settings_get_show_explanation (self));
      break;

    case PROP_LARGE_TEXT:
      g_value_set_boolean (value, atlas_settings_get_large_text (self));
      break;

    case PROP_REMEMBER_CHECKLIST:
      g_value_set_boolean (value, atlas_settings_get_remember_checklist (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int_if_changed (AtlasSettings *self,
                    const char    *key,
                    int            value)
{
  if (g_settings_get_int (self->settings, key) == value)
    return;

  /* The "changed" signal of GSettings sends the notification. */
  g_settings_set_int (self->settings, key, value);
}

static void
set_boolean_if_changed (AtlasSettings *self,
                        const char    *key,
                        gboolean       value)
{
  if (g_settings_get_boolean (self->settings, key) == !!value)
    return;

  g_settings_set_boolean (self->settings, key, !!value);
}

static void
atlas_settings_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasSettings *self = ATLAS_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_WINDOW_WIDTH:
      set_int_if_changed (self, "window-width", g_value_get_int (value));
      break;

    case PROP_WINDOW_HEIGHT:
      set_int_if_changed (self, "window-height", g_value_get_int (value));
      break;

    case PROP_WINDOW_MAXIMIZED:
      set_boolean_if_changed (self, "window-maximized", g_value_get_boolean (value));
      break;

    case PROP_SHOW_CHECKLIST:
      set_boolean_if_changed (self, "show-checklist", g_value_get_boolean (value));
      break;

    case PROP_SHOW_EXPLANATION:
      set_boolean_if_changed (self, "show-explanation", g_value_get_boolean (value));
      break;

    case PROP_LARGE_TEXT:
      set_boolean_if_changed (self, "large-text", g_value_get_boolean (value));
      break;

    case PROP_REMEMBER_CHECKLIST:
      set_boolean_if_changed (self, "remember-checklist", g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_settings_class_init (AtlasSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_settings_constructed;
  object_class->dispose = atlas_settings_dispose;
  object_class->get_property = atlas_settings_get_property;
  object_class->set_property = atlas_settings_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Sizes are clamped so that a hand-edited value can never ask for an absurd window. */
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL,
                      MIN_WINDOW_WIDTH, MAX_WINDOW_SIDE, 1280,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL,
                      MIN_WINDOW_HEIGHT, MAX_WINDOW_SIDE, 820,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_CHECKLIST] =
    g_param_spec_boolean ("show-checklist", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_EXPLANATION] =
    g_param_spec_boolean ("show-explanation", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LARGE_TEXT] =
    g_param_spec_boolean ("large-text", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REMEMBER_CHECKLIST] =
    g_param_spec_boolean ("remember-checklist", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_settings_init (AtlasSettings *self)
{
}

/**
 * atlas_settings_new:
 * @settings: (nullable): the #GSettings for the application schema, or %NULL for the default
 *
 * Returns: (transfer full): a new #AtlasSettings
 */
AtlasSettings *
atlas_settings_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (ATLAS_TYPE_SETTINGS, "settings", settings, NULL);
}

AtlasSettings *
atlas_settings_new_default (void)
{
  return atlas_settings_new (NULL);
}

void
atlas_settings_get_window_size (AtlasSettings *self,
                                int           *width,
                                int           *height,
                                gboolean      *maximized)
{
  g_return_if_fail (ATLAS_IS_SETTINGS (self));

  /* The schema accepts any integer; a stored value outside what a window can be is pulled back
   * into range rather than trusted. */
  if (width != NULL)
    *width = CLAMP (g_settings_get_int (self->settings, "window-width"), MIN_WINDOW_WIDTH, MAX_WINDOW_SIDE);
  if (height != NULL)
    *height = CLAMP (g_settings_get_int (self->settings, "window-height"), MIN_WINDOW_HEIGHT, MAX_WINDOW_SIDE);
  if (maximized != NULL)
    *maximized = g_settings_get_boolean (self->settings, "window-maximized");
}

void
atlas_settings_set_window_size (AtlasSettings *self,
                                int            width,
                                int            height,
                                gboolean       maximized)
{
  g_return_if_fail (ATLAS_IS_SETTINGS (self));

  g_object_freeze_notify (G_OBJECT (self));

  /* A maximized window's size is the screen's, not the user's choice: keep the last
   * unmaximized size so that unmaximizing next time restores it. */
  if (!maximized && width > 0 && height > 0)
    {
      set_int_if_changed (self, "window-width", CLAMP (width, MIN_WINDOW_WIDTH, MAX_WINDOW_SIDE));
      set_int_if_changed (self, "window-height", CLAMP (height, MIN_WINDOW_HEIGHT, MAX_WINDOW_SIDE));
    }
  set_boolean_if_changed (self, "window-maximized", maximized);

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
atlas_settings_get_show_checklist (AtlasSettings *self)
{
  g_return_val_if_fail (ATLAS_IS_SETTINGS (self), TRUE);

  return g_settings_get_boolean (self->settings, "show-checklist");
}

void
atlas_settings_set_show_checklist (AtlasSettings *self,
                                   gboolean       show)
{
  g_return_if_fail (ATLAS_IS_SETTINGS (self));

  set_boolean_if_changed (self, "show-checklist", show);
}

gboolean
atlas_settings_get_show_explanation (AtlasSettings *self)
{
  g_return_val_if_fail (ATLAS_IS_SETTINGS (self), TRUE);

  return g_settings_get_boolean (self->settings, "show-explanation");
}

void
atlas_settings_set_show_explanation (AtlasSettings *self,
                                     gboolean       show)
{
  g_return_if_fail (ATLAS_IS_SETTINGS (self));

  set_boolean_if_changed (self, "show-explanation", show);
}

gboolean
atlas_settings_get_large_text (AtlasSettings *self)
{
  g_return_val_if_fail (ATLAS_IS_SETTINGS (self), FALSE);

  return g_settings_get_boolean (self->settings, "large-text");
}

void
atlas_settings_set_large_text (AtlasSettings *self,
                               gboolean       large)
{
  g_return_if_fail (ATLAS_IS_SETTINGS (self));

  set_boolean_if_changed (self, "large-text", large);
}

gboolean
atlas_settings_get_remember_checklist (AtlasSettings *self)
{
  g_return_val_if_fail (ATLAS_IS_SETTINGS (self), FALSE);

  return g_settings_get_boolean (self->settings, "remember-checklist");
}

void
atlas_settings_set_remember_checklist (AtlasSettings *self,
                                       gboolean       remember)
{
  g_return_if_fail (ATLAS_IS_SETTINGS (self));

  set_boolean_if_changed (self, "remember-checklist", remember);
}
