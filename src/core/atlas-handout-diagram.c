/* atlas-handout-diagram.c — the handout's diagram: lit, labelled and drawn on, on paper.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On paper there is no pointer to ask "what is this?", so the diagram names what the handout
 * talks about: the structure discussed, the structures the ticked symptoms point to, and a few
 * landmarks to find one's way (vertebra levels, the hip bone, the femur). The labels sit in two
 * columns beside the drawing with leader lines, placed by the same layout the window uses
 * (atlas-label-layout.c), at a size that stays legible on A4 and US Letter. The marks the
 * clinician drew go on top of the drawing, under the labels, as on screen, moved with the
 * anatomy to the posture printed.
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "atlas-handout-private.h"
#include "atlas-label-layout.h"
#include "atlas-structures.h"

#define LABEL_FONT     "Sans 8"
#define LABEL_WRAP     96.0   /* points: long names take two lines */
#define LABEL_GAP       3.0
#define LEADER         16.0   /* between a label column and the drawing */
#define MIN_DRAWING   0.55    /* of the block's width the drawing keeps, however long the names */

/* Landmarks to find one's way on every view that has them; a view without them skips them. */
static const char * const landmarks[] = { "L1", "L3", "L5", "hip-bone", "femur", NULL };

typedef struct
{
  const AtlasRegion *region;
  PangoLayout       *layout;
  gboolean           strong;   /* the structure discussed */
} Named;

static void
named_clear (gpointer data)
{
  g_clear_object (&((Named *) data)->layout);
}

static gboolean
is_wanted (const char *structure,
           GHashTable *wanted)
{
  return g_hash_table_contains (wanted, structure);
}

/* One region per wanted structure: the side being discussed or lit when there is one, else
 * the side the window labels. */
static GArray *
choose (AtlasDiagram *diagram,
        GHashTable   *wanted,
        const char   *region_id,
        GHashTable   *weights)
{
  g_autoptr(GPtrArray) chosen = atlas_label_choose_regions (diagram);
  const AtlasRegion *selected = region_id ? atlas_diagram_lookup_region (diagram, region_id) : NULL;
  GArray *named = g_array_new (FALSE, TRUE, sizeof (Named));

  g_array_set_clear_func (named, named_clear);

  for (guint i = 0; i < chosen->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (chosen, i);
      Named entry = { region, NULL, FALSE };

      if (!is_wanted (region->structure, wanted))
        continue;

      if (selected != NULL && g_str_equal (selected->structure, region->structure))
        {
          entry.region = selected;
          entry.strong = TRUE;
        }
      else if (weights != NULL && region->side != ATLAS_SIDE_NONE && !g_hash_table_contains (weights, region->id))
        {
          /* Only the other side is lit: point at that one. */
          g_autofree char *twin_id = g_strconcat (region->structure,
                                                  region->side == ATLAS_SIDE_LEFT ? "-right" : "-left", NULL);
          const AtlasRegion *twin = atlas_diagram_lookup_region (diagram, twin_id);

          if (twin != NULL && g_hash_table_contains (weights, twin->id))
            entry.region = twin;
        }
      g_array_append_val (named, entry);
    }

  return named;
}

/**
 * _atlas_handout_render_diagram:
 * @marks: (nullable): what was drawn on the view
 * @x: (in points) the left of the area the diagram and its labels may take
 * @width: the area's width; the drawing is centred in it, labels beside it
 *
 * Draws the diagram, lit for the symptoms and the structure discussed, with @marks on it and
 * labels around it.
 */
void
_atlas_handout_render_diagram (cairo_t        *cr,
                               AtlasDiagram   *diagram,
                               AtlasContent   *content,
                               AtlasChecklist *checklist,
                               const char     *region_id,
                               AtlasMarks     *marks,
                               double          x,
                               double          y,
                               double          width,
                               double          height)
{
  g_autoptr(GHashTable) weights = checklist ? atlas_checklist_region_weights (checklist, diagram) : NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) named = NULL;
  g_autofree AtlasLabel *labels = NULL;
  PangoFontDescription *font = pango_font_description_from_string (LABEL_FONT);
  double w = atlas_diagram_get_width (diagram), h = atlas_diagram_get_height (diagram);
  double content_x, content_y, content_w, content_h;
  double column = 0, scale, origin_x, origin_y, drawing_left, drawing_right;
  const AtlasRegion *selected = region_id ? atlas_diagram_lookup_region (diagram, region_id) : NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* What gets a name: the structure discussed, what the symptoms light, the landmarks. */
  if (selected != NULL)
    g_hash_table_add (wanted, selected->structure);
  if (weights != NULL)
    {
      g_hash_table_iter_init (&iter, weights);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const AtlasRegion *region = atlas_diagram_lookup_region (diagram, key);

          if (region != NULL)
            g_hash_table_add (wanted, region->structure);
        }
    }
  for (guint i = 0; landmarks[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) landmarks[i]);

  named = choose (diagram, wanted, region_id, weights);
  for (guint i = 0; i < named->len; i++)
    {
      Named *entry = &g_array_index (named, Named, i);
      g_autofree char *name = atlas_region_dup_short_name (entry->region, content);
      int text_width;

      entry->layout = pango_cairo_create_layout (cr);
      pango_font_description_set_weight (font, entry->strong ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (entry->layout, font);
      pango_layout_set_width (entry->layout, (int) (LABEL_WRAP * PANGO_SCALE));
      pango_layout_set_wrap (entry->layout, PANGO_WRAP_WORD);
      pango_layout_set_text (entry->layout, name, -1);
      pango_layout_get_pixel_size (entry->layout, &text_width, NULL);
      column = MAX (column, text_width);
    }
  pango_font_description_free (font);

  /* The drawing takes what the label columns leave, centred; it is scaled by the part of the
   * document that has drawing in it, so a narrow side view is not shrunk by empty margins. */
  atlas_diagram_get_content_bounds (diagram, &content_x, &content_y, &content_w, &content_h);
  if (content_w <= 0 || content_h <= 0)
    {
      content_x = 0;
      content_w = w;
    }
  scale = MIN (MAX (width - 2 * (column + LEADER), width * MIN_DRAWING) / content_w, height / h);
  origin_x = x + width / 2 - (content_x + content_w / 2) * scale;
  origin_y = y + (height - h * scale) / 2;
  drawing_left = origin_x + content_x * scale;
  drawing_right = origin_x + (content_x + content_w) * scale;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, origin_x, origin_y);
  cairo_scale (cr, scale, scale);
  atlas_diagram_render (diagram, cr, NULL);
  if (weights != NULL)
    {
      g_hash_table_iter_init (&iter, weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        atlas_diagram_render_highlight (diagram, cr, key, ATLAS_HIGHLIGHT_SYMPTOM, *(double *) value, NULL);
    }
  if (selected != NULL)
    atlas_diagram_render_highlight (diagram, cr, region_id, ATLAS_HIGHLIGHT_SELECTED, 1.0, NULL);
  if (marks != NULL)
    atlas_marks_render_on (marks, diagram, cr, 0.9);
  cairo_restore (cr);

  /* Labels: the window's layout, in points. */
  labels = g_new0 (AtlasLabel, MAX (1, named->len));
  for (guint i = 0; i < named->len; i++)
    {
      Named *entry = &g_array_index (named, Named, i);
      int text_width, text_height;

      pango_layout_get_pixel_size (entry->layout, &text_width, &text_height);
      labels[i].region = entry->region;
      labels[i].anchor_x = origin_x + entry->region->anchor_x * scale;
      labels[i].anchor_y = origin_y + entry->region->anchor_y * scale;
      labels[i].width = text_width;
      labels[i].height = text_height;
      labels[i].left = atlas_label_prefers_left (entry->region, w);
    }
  atlas_label_balance_columns (labels, named->len);
  atlas_label_layout (labels, named->len, MAX (x + column, drawing_left - LEADER),
                      MIN (x + width - column, drawing_right + LEADER), y, y + height, LABEL_GAP);

  cairo_save (cr);
  for (guint i = 0; i < named->len; i++)
    {
      Named *entry = &g_array_index (named, Named, i);
      AtlasLabel *label = &labels[i];
      double lx = label->left ? label->x + label->width + 2 : label->x - 2;
      double ly = label->y + label->height / 2;
      double elbow = label->left ? lx + LEADER / 2 : lx - LEADER / 2;

      if (!label->placed)
        continue;

      /* Leader: level with the text, then straight to the anchor, ending in a dot. */
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_set_line_width (cr, entry->strong ? 0.9 : 0.5);
      cairo_move_to (cr, lx, ly);
      cairo_line_to (cr, elbow, ly);
      cairo_line_to (cr, label->anchor_x, label->anchor_y);
      cairo_stroke (cr);
      cairo_arc (cr, label->anchor_x, label->anchor_y, entry->strong ? 1.6 : 1.1, 0, 2 * G_PI);
      cairo_fill (cr);

      pango_layout_set_alignment (entry->layout, label->left ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_set_width (entry->layout, (int) (label->width * PANGO_SCALE));
      /* White paper behind the name, so a mark drawn under it never makes it unreadable. */
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_rectangle (cr, label->x - 1.5, label->y - 0.5, label->width + 3, label->height + 1);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, label->x, label->y);
      pango_cairo_show_layout (cr, entry->layout);
    }
  cairo_restore (cr);
}
