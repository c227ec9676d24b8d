/* atlas-sources-window.c — every source the explanations cite, and what each contributes.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-sources-window.h"
#include "atlas-ui.h"

struct _AtlasSourcesWindow
{
  AdwWindow             parent_instance;

  AdwPreferencesGroup  *articles_group;
  AdwPreferencesGroup  *references_group;
  GHashTable           *rows;   /* source id → row */
};

G_DEFINE_FINAL_TYPE (AtlasSourcesWindow, atlas_sources_window, ADW_TYPE_WINDOW)

static GtkWidget *
source_row (const AtlasSource *source)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *label;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *contribution = atlas_rich_text_to_plain (source->contribution);

  if (source->author != NULL)
    g_string_append (subtitle, source->author);
  if (source->publisher != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", source->publisher);
  if (source->date != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", source->date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source->title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);

  label = gtk_label_new (contribution);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);

  return row;
}

static void
atlas_sources_window_finalize (GObject *object)
{
  AtlasSourcesWindow *self = ATLAS_SOURCES_WINDOW (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_sources_window_parent_class)->finalize (object);
}

static void
atlas_sources_window_class_init (AtlasSourcesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = atlas_sources_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/atlas-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesWindow, articles_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesWindow, references_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_sources_window_init (AtlasSourcesWindow *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_ui_plain_button_names (GTK_WIDGET (self));
}

GtkWidget *
atlas_sources_window_new (AtlasContent *content)
{
  AtlasSourcesWindow *self = g_object_new (ATLAS_TYPE_SOURCES_WINDOW, NULL);
  GPtrArray *sources = atlas_content_get_sources (content);

  for (guint i = 0; i < sources->len; i++)
    {
      const AtlasSource *source = g_ptr_array_index (sources, i);
      GtkWidget *row = source_row (source);

      adw_preferences_group_add (source->is_article ? self->articles_group : self->references_group, row);
      g_hash_table_insert (self->rows, g_strdup (source->id), row);
    }

  return GTK_WIDGET (self);
}

/**
 * atlas_sources_window_get_row:
 *
 * Returns: (transfer none) (nullable): the row showing @source_id
 */
GtkWidget *
atlas_sources_window_get_row (AtlasSourcesWindow *self,
                              const char         *source_id)
{
  g_return_val_if_fail (ATLAS_IS_SOURCES_WINDOW (self), NULL);

  return g_hash_table_lookup (self->rows, source_id);
}
