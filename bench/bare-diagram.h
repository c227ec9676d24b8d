/* bare-diagram.h — the least a program must do to show the front diagram: a widget that reads
 * the SVG with librsvg, gives it the light palette and draws it to fit, nothing else.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second reference for the start-up benchmarks. A bare libadwaita window measures what GTK
 * costs; this one adds what librsvg costs to parse, style and draw the same picture, so the
 * ratio against it shows what Psoas Atlas adds beyond drawing its diagram (the structure list,
 * labels, hit testing, toolbars, the explanation pane).
 */
#pragma once

#include <gtk/gtk.h>
#include <librsvg/rsvg.h>

typedef struct
{
  GtkWidget   parent_instance;
  RsvgHandle *handle;
} BareDiagram;

typedef struct
{
  GtkWidgetClass parent_class;
} BareDiagramClass;

static GType bare_diagram_get_type (void);

G_DEFINE_TYPE (BareDiagram, bare_diagram, GTK_TYPE_WIDGET)

static void
bare_diagram_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BareDiagram *self = (BareDiagram *) widget;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RsvgRectangle viewport = { 0, 0, width, height };
  cairo_t *cr;

  if (self->handle == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rsvg_handle_render_document (self->handle, cr, &viewport, NULL);
  cairo_destroy (cr);
}

static void
bare_diagram_dispose (GObject *object)
{
  g_clear_object (&((BareDiagram *) object)->handle);
  G_OBJECT_CLASS (bare_diagram_parent_class)->dispose (object);
}

static void
bare_diagram_class_init (BareDiagramClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bare_diagram_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = bare_diagram_snapshot;
}

static void
bare_diagram_init (BareDiagram *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/* Reads @svg and @css each time, as a program that keeps nothing between windows would. */
static GtkWidget *
bare_diagram_new (const char *svg,
                  const char *css)
{
  BareDiagram *self = g_object_new (bare_diagram_get_type (), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *style = NULL;
  gsize length = 0;

  self->handle = rsvg_handle_new_from_file (svg, &error);
  if (self->handle == NULL)
    g_error ("%s", error->message);
  if (css != NULL && (!g_file_get_contents (css, &style, &length, &error) ||
                      !rsvg_handle_set_stylesheet (self->handle, (const guint8 *) style, length, &error)))
    g_error ("%s", error->message);
  return GTK_WIDGET (self);
}
