/* atlas-diagram-view-marks.c — what the user draws on the diagram, and the drawing mode.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the drawing mode the pointer, a finger or a stylus draws instead of panning and selecting.
 * The marks themselves, their undo and erasing are the core's (atlas-marks.c); this file turns
 * widget coordinates into document ones as the pointer moves, so marks stay on the anatomy
 * when the view zooms or pans, and draws them as a layer between the highlights and the
 * labels. On a view that morphs each mark remembers the posture it was drawn at and is drawn,
 * and erased, where the anatomy under it has moved to (atlas-marks-morph.c). Marks are not part of the cached picture: a new one re-renders
 * nothing but itself.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-diagram-view-private.h"

#define LINE_PIXELS   3.0    /* a mark's line width on screen when drawn */
#define NOTE_PIXELS  18.0    /* a note's text size on screen when drawn */
#define STEP_PIXELS   2.0    /* a stroke takes a new point once the pointer moved this far */
#define ERASE_PIXELS  8.0    /* how near a mark erasing must be */

static const char * const tools[] = { "pen", "arrow", "ellipse", "note", "eraser", NULL };

static void
marks_changed_cb (AtlasDiagramView *self)
{
  _atlas_diagram_view_marks_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_atlas_diagram_view_marks_init (AtlasDiagramView *self)
{
  self->marks = atlas_marks_new ();
  self->draw_tool = g_strdup ("pen");
  self->draw_colour = ATLAS_MARK_RED;
  g_signal_connect_object (self->marks, "changed", G_CALLBACK (marks_changed_cb), self, G_CONNECT_SWAPPED);
  _atlas_diagram_view_marks_update_actions (self);
}

void
_atlas_diagram_view_marks_dispose (AtlasDiagramView *self)
{
  g_clear_pointer (&self->note_popover, gtk_widget_unparent);
  self->note_entry = NULL;
  g_clear_pointer (&self->mark, atlas_mark_unref);
  g_clear_object (&self->marks);
  g_clear_pointer (&self->draw_tool, g_free);
}

/* Undo and redo of marks are for the drawing mode only: outside it Ctrl+Z is the window's. */
void
_atlas_diagram_view_marks_update_actions (AtlasDiagramView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "diagram.undo-mark", self->drawing && atlas_marks_can_undo (self->marks));
  gtk_widget_action_set_enabled (widget, "diagram.redo-mark", self->drawing && atlas_marks_can_redo (self->marks));
  gtk_widget_action_set_enabled (widget, "diagram.clear-marks", atlas_marks_get_n_marks (self->marks) > 0);
}

void
_atlas_diagram_view_marks_allocate (AtlasDiagramView *self)
{
  if (self->note_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->note_popover));
}

static void
note_activate_cb (AtlasDiagramView *self,
                  GtkEntry         *entry)
{
  atlas_diagram_view_add_note (self, self->note_x, self->note_y, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_popover_popdown (GTK_POPOVER (self->note_popover));
}

/* A note's text is typed in a small popover where the note will be. */
static void
ask_for_note (AtlasDiagramView *self,
              double            x,
              double            y)
{
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (self->note_popover == NULL)
    {
      self->note_popover = gtk_popover_new ();
      self->note_entry = gtk_entry_new ();
      gtk_entry_set_max_length (GTK_ENTRY (self->note_entry), 60);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->note_entry), _("Note on the diagram"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Note on the diagram"), -1);
      g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (note_activate_cb), self);
      gtk_popover_set_child (GTK_POPOVER (self->note_popover), self->note_entry);
      gtk_widget_set_parent (self->note_popover, GTK_WIDGET (self));
    }

  atlas_diagram_view_widget_to_doc (self, x, y, &self->note_x, &self->note_y);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->note_popover), &at);
  gtk_popover_popup (GTK_POPOVER (self->note_popover));
  gtk_widget_grab_focus (self->note_entry);
}

static AtlasMarkKind
tool_kind (const char *tool)
{
  if (g_str_equal (tool, "arrow"))
    return ATLAS_MARK_ARROW;
  if (g_str_equal (tool, "ellipse"))
    return ATLAS_MARK_ELLIPSE;
  if (g_str_equal (tool, "note"))
    return ATLAS_MARK_TEXT;
  return ATLAS_MARK_STROKE;
}

/* A press in the drawing mode: erase the mark under it, ask for a note, or start a mark. */
void
_atlas_diagram_view_marks_begin (AtlasDiagramView *self,
                                 double            x,
                                 double            y)
{
  double scale = _atlas_diagram_view_get_scale (self);
  double doc_x, doc_y;

  g_clear_pointer (&self->mark, atlas_mark_unref);
  atlas_diagram_view_widget_to_doc (self, x, y, &doc_x, &doc_y);

  if (self->stylus_eraser || g_str_equal (self->draw_tool, "eraser"))
    {
      int index = atlas_marks_hit_test_on (self->marks, _atlas_diagram_view_current_diagram (self),
                                           doc_x, doc_y, ERASE_PIXELS / scale);

      if (index >= 0)
        atlas_marks_remove (self->marks, index);
      return;
    }

  if (g_str_equal (self->draw_tool, "note"))
    {
      ask_for_note (self, x, y);
      return;
    }

  /* Widths are set in screen pixels at the zoom the mark is drawn at, and kept in document
   * units: a mark drawn while zoomed in is finer, as a pen on a close-up would be. */
  self->mark = atlas_mark_new (tool_kind (self->draw_tool), self->draw_colour, LINE_PIXELS / scale);
  atlas_mark_set_morph (self->mark, self->morphable ? self->morph : ATLAS_MARK_NO_MORPH);
  atlas_mark_add_point (self->mark, doc_x, doc_y);
  self->last_x = x;
  self->last_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_atlas_diagram_view_marks_update (AtlasDiagramView *self,
                                  double            x,
                                  double            y)
{
  double doc_x, doc_y;

  if (self->mark == NULL)
    return;

  if (self->mark->kind == ATLAS_MARK_STROKE && hypot (x - self->last_x, y - self->last_y) < STEP_PIXELS)
    return;

  atlas_diagram_view_widget_to_doc (self, x, y, &doc_x, &doc_y);
  atlas_mark_add_point (self->mark, doc_x, doc_y);
  self->last_x = x;
  self->last_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_atlas_diagram_view_marks_end (AtlasDiagramView *self)
{
  g_autoptr(AtlasMark) mark = g_steal_pointer (&self->mark);

  if (mark != NULL)
    atlas_marks_add (self->marks, mark);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_atlas_diagram_view_snapshot_marks (AtlasDiagramView *self,
                                    GtkSnapshot      *snapshot)
{
  double x0, y0, scale = _atlas_diagram_view_get_scale (self);
  cairo_t *cr;

  if (atlas_marks_get_n_marks (self->marks) == 0 && self->mark == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                                                                 gtk_widget_get_height (GTK_WIDGET (self))));
  atlas_diagram_view_doc_to_widget (self, 0, 0, &x0, &y0);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);
  atlas_marks_render_on (self->marks, _atlas_diagram_view_current_diagram (self), cr, 0.85);
  if (self->mark != NULL)
    atlas_mark_render_on (self->mark, _atlas_diagram_view_current_diagram (self), cr, 0.85);
  cairo_destroy (cr);
}

/**
 * atlas_diagram_view_get_marks:
 *
 * Returns: (transfer none): what has been drawn on this view, in document coordinates (of
 *   the posture each mark was drawn at, on a view that morphs)
 */
AtlasMarks *
atlas_diagram_view_get_marks (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return self->marks;
}

gboolean
atlas_diagram_view_get_drawing (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  return self->drawing;
}

/**
 * atlas_diagram_view_set_drawing:
 *
 * Turns the drawing mode on or off. In it the pointer draws with the chosen tool instead of
 * panning and selecting, and Ctrl+Z undoes the last mark.
 */
void
atlas_diagram_view_set_drawing (AtlasDiagramView *self,
                                gboolean          drawing)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  drawing = !!drawing;
  if (self->drawing == drawing)
    return;

  self->drawing = drawing;
  if (self->drawing_inset > self->top_inset)
    _atlas_diagram_view_changed (self, TRUE);
  _atlas_diagram_view_marks_end (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), drawing ? "crosshair" : "default");
  _atlas_diagram_view_marks_update_actions (self);
  _atlas_diagram_view_notify (self, PROP_DRAWING);
}

const char *
atlas_diagram_view_get_draw_tool (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return self->draw_tool;
}

/**
 * atlas_diagram_view_set_draw_tool:
 * @tool: "pen", "arrow", "ellipse", "note" or "eraser"
 */
void
atlas_diagram_view_set_draw_tool (AtlasDiagramView *self,
                                  const char       *tool)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (tool == NULL || !g_strv_contains (tools, tool) || g_str_equal (tool, self->draw_tool))
    return;

  g_free (self->draw_tool);
  self->draw_tool = g_strdup (tool);
  _atlas_diagram_view_notify (self, PROP_DRAW_TOOL);
}

const char *
atlas_diagram_view_get_draw_colour (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return atlas_mark_colour_to_string (self->draw_colour);
}

/**
 * atlas_diagram_view_set_draw_colour:
 * @colour: "red", "blue", "green" or "black"
 */
void
atlas_diagram_view_set_draw_colour (AtlasDiagramView *self,
                                    const char       *colour)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  for (AtlasMarkColour c = 0; colour != NULL && c < ATLAS_MARK_N_COLOURS; c++)
    if (g_str_equal (colour, atlas_mark_colour_to_string (c)) && c != self->draw_colour)
      {
        self->draw_colour = c;
        _atlas_diagram_view_notify (self, PROP_DRAW_COLOUR);
      }
}

/**
 * atlas_diagram_view_add_note:
 *
 * Adds a note in the current colour with its top-left at (@doc_x, @doc_y), sized for the
 * current zoom. Empty text adds nothing.
 */
void
atlas_diagram_view_add_note (AtlasDiagramView *self,
                             double            doc_x,
                             double            doc_y,
                             const char       *text)
{
  g_autoptr(AtlasMark) mark = NULL;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (text != NULL);

  mark = atlas_mark_new (ATLAS_MARK_TEXT, self->draw_colour, NOTE_PIXELS / _atlas_diagram_view_get_scale (self));
  atlas_mark_add_point (mark, doc_x, doc_y);
  atlas_mark_set_text (mark, text);
  atlas_mark_set_morph (mark, self->morphable ? self->morph : ATLAS_MARK_NO_MORPH);
  atlas_marks_add (self->marks, mark);
}
