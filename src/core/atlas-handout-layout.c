/* atlas-handout-layout.c — laying the handout's blocks out on pages and drawing them.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * atlas-handout.c decides what goes on the handout; this file measures those blocks with Pango
 * for a page size, breaks them into pages, draws a page with cairo (print, tests) and writes
 * the whole handout as a PDF.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-handout.h"
#include "atlas-handout-private.h"
#include "atlas-illustrations.h"
#include "atlas-language.h"
#include "atlas-state-file.h"

#define MARGIN        48.0
#define GAP            8.0
#define FOOTER_SPACE  36.0

/* An exercise's picture sits beside its steps, at a size that shows the position in print; a
 * wide one (a start and an end position) goes above them, wider, so its figures are as big. */
#define PICTURE_WIDTH 150.0
#define WIDE_PICTURE_WIDTH 330.0
#define WIDE_ASPECT     2.0
#define PICTURE_GAP    14.0
/* Numbered steps hang: wrapped lines start under the text, not under the number. */
#define STEP_INDENT    16.0

static PangoLayout *
block_layout (cairo_t     *cr,
              const Block *block,
              double       width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  switch (block->kind)
    {
    case BLOCK_TITLE:
      pango_font_description_set_size (font, 22 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_SUBTITLE:
      pango_font_description_set_size (font, 11 * PANGO_SCALE);
      break;
    case BLOCK_HEADING:
      pango_font_description_set_size (font, 13 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_SMALL:
      pango_font_description_set_size (font, 8 * PANGO_SCALE);
      break;
    case BLOCK_ALERT:
      width -= 24;
      break;
    case BLOCK_TEXT:
    case BLOCK_DIAGRAM:
    case BLOCK_EXERCISE:
    default:
      break;
    }

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, block->markup ? block->markup : "", -1);
  pango_font_description_free (font);
  return layout;
}

/* An exercise: its picture beside its name, summary and numbered steps (with a hanging
 * indent), then its cautions across the whole width under both. */
typedef struct
{
  PangoLayout *parts[3];
  double       text_x;      /* from the margin, for the parts beside the picture */
  double       text_y;      /* from the block's top, below a wide picture */
  double       picture_w;
  double       picture_h;
  double       after_y;     /* from the block's top, where the cautions start */
  double       height;
} ExerciseLayout;

static void
exercise_layout (AtlasHandout   *self,
                 cairo_t        *cr,
                 const Block    *block,
                 double          width,
                 ExerciseLayout *out)
{
  Block part = *block;
  double picture_w = 0, picture_h = 0, text_h = 0;

  memset (out, 0, sizeof *out);
  if (block->picture != NULL && atlas_illustration_get_size (block->picture, &picture_w, &picture_h) && picture_w > 0)
    {
      if (picture_w / picture_h > WIDE_ASPECT)
        {
          out->picture_w = MIN (WIDE_PICTURE_WIDTH, width);
          out->picture_h = out->picture_w * picture_h / picture_w;
          out->text_y = out->picture_h + GAP;
        }
      else
        {
          out->picture_w = PICTURE_WIDTH;
          out->picture_h = PICTURE_WIDTH * picture_h / picture_w;
          out->text_x = PICTURE_WIDTH + PICTURE_GAP;
        }
    }

  part.kind = BLOCK_TEXT;
  out->parts[0] = block_layout (cr, &part, width - out->text_x);
  if (block->steps != NULL)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, (int) STEP_INDENT);

      part.markup = block->steps;
      out->parts[1] = block_layout (cr, &part, width - out->text_x);
      pango_layout_set_tabs (out->parts[1], tabs);
      pango_layout_set_indent (out->parts[1], (int) (-STEP_INDENT * PANGO_SCALE));
      pango_tab_array_free (tabs);
    }
  if (block->after != NULL)
    {
      part.markup = block->after;
      out->parts[2] = block_layout (cr, &part, width);
    }

  for (guint i = 0; i < 2; i++)
    if (out->parts[i] != NULL)
      {
        int h;

        pango_layout_get_pixel_size (out->parts[i], NULL, &h);
        text_h += h + (text_h > 0 ? GAP / 2 : 0);
      }
  out->after_y = out->text_y > 0 ? out->text_y + text_h : MAX (text_h, out->picture_h);
  out->height = out->after_y;
  if (out->parts[2] != NULL)
    {
      int h;

      pango_layout_get_pixel_size (out->parts[2], NULL, &h);
      out->after_y += GAP / 2;
      out->height = out->after_y + h;
    }
}

static void
exercise_layout_clear (ExerciseLayout *layout)
{
  for (guint i = 0; i < 3; i++)
    g_clear_object (&layout->parts[i]);
}

/**
 * atlas_handout_paginate:
 * @cr: a context on the target, for measuring text
 *
 * Lays the handout out on pages of @width × @height.
 *
 * Returns: how many pages it takes
 */
guint
atlas_handout_paginate (AtlasHandout *self,
                        cairo_t      *cr,
                        double        width,
                        double        height)
{
  double content_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - FOOTER_SPACE;
  double y = MARGIN;
  guint page = 0;
  g_autoptr(AtlasLanguageScope) scope = NULL;

  g_return_val_if_fail (ATLAS_IS_HANDOUT (self), 0);

  scope = atlas_language_push (self->language);

  self->width = width;
  self->height = height;

  /* Measure every block first: a heading needs to know how tall what follows it is. */
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double block_height;

      if (block->kind == BLOCK_DIAGRAM)
        {
          double aspect = atlas_diagram_get_height (self->diagram) / atlas_diagram_get_width (self->diagram);

          block_height = MIN (content_width * aspect, (height - 2 * MARGIN) * 0.5);
        }
      else if (block->kind == BLOCK_EXERCISE)
        {
          ExerciseLayout layout;

          exercise_layout (self, cr, block, content_width, &layout);
          block_height = layout.height;
          exercise_layout_clear (&layout);
        }
      else
        {
          g_autoptr(PangoLayout) layout = block_layout (cr, block, content_width);
          int h;

          pango_layout_get_pixel_size (layout, NULL, &h);
          block_height = h + (block->kind == BLOCK_ALERT ? 24 : 0);
        }
      block->height = block_height;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      const Block *next = i + 1 < self->blocks->len ? &g_array_index (self->blocks, Block, i + 1) : NULL;

      /* A block starts a page when it does not fit; a heading stays with the first block
       * under it (or as much of it as a page holds). */
      if (y + block->height > bottom && y > MARGIN)
        {
          page++;
          y = MARGIN;
        }
      else if (block->kind == BLOCK_HEADING && next != NULL && y > MARGIN &&
               y + block->height + GAP / 2 + MIN (next->height, bottom - MARGIN - block->height - GAP) > bottom)
        {
          page++;
          y = MARGIN;
        }

      block->page = page;
      block->y = y;
      y += block->height + (block->kind == BLOCK_HEADING ? GAP / 2 : GAP * 1.5);
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

static void
render_diagram (AtlasHandout *self,
                cairo_t      *cr,
                const Block  *block)
{
  _atlas_handout_render_diagram (cr, self->diagram, self->content, self->checklist, self->region_id, self->marks,
                                 MARGIN, block->y, self->width - 2 * MARGIN, block->height);
}

static void
render_exercise (AtlasHandout *self,
                 cairo_t      *cr,
                 const Block  *block)
{
  ExerciseLayout layout;
  double y;

  exercise_layout (self, cr, block, self->width - 2 * MARGIN, &layout);
  if (layout.picture_h > 0)
    atlas_illustration_render (block->picture, cr, MARGIN, block->y, layout.picture_w, layout.picture_h);
  y = block->y + layout.text_y;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < 2; i++)
    if (layout.parts[i] != NULL)
      {
        int h;

        cairo_move_to (cr, MARGIN + layout.text_x, y);
        pango_cairo_show_layout (cr, layout.parts[i]);
        pango_layout_get_pixel_size (layout.parts[i], NULL, &h);
        y += h + GAP / 2;
      }
  if (layout.parts[2] != NULL)
    {
      cairo_move_to (cr, MARGIN, block->y + layout.after_y);
      pango_cairo_show_layout (cr, layout.parts[2]);
    }
  exercise_layout_clear (&layout);
}

/**
 * atlas_handout_render_page:
 *
 * Draws page @page (from 0) of the layout made by atlas_handout_paginate(), in points.
 */
void
atlas_handout_render_page (AtlasHandout *self,
                           cairo_t      *cr,
                           guint         page)
{
  double content_width;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;
  g_autoptr(AtlasLanguageScope) scope = NULL;

  g_return_if_fail (ATLAS_IS_HANDOUT (self));
  g_return_if_fail (self->n_pages > 0);

  scope = atlas_language_push (self->language);

  content_width = self->width - 2 * MARGIN;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (block->page != page)
        continue;

      if (block->kind == BLOCK_DIAGRAM)
        {
          render_diagram (self, cr, block);
          continue;
        }
      if (block->kind == BLOCK_EXERCISE)
        {
          render_exercise (self, cr, block);
          continue;
        }

      layout = block_layout (cr, block, content_width);
      if (block->kind == BLOCK_ALERT)
        {
          /* A red box with white text, the strongest thing on the page. */
          cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
          cairo_rectangle (cr, MARGIN, block->y, content_width, block->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_move_to (cr, MARGIN + 12, block->y + 12);
        }
      else
        {
          if (block->kind == BLOCK_SUBTITLE || block->kind == BLOCK_SMALL)
            cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          else
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_move_to (cr, MARGIN, block->y);
        }
      pango_cairo_show_layout (cr, layout);
    }

  /* Translators: the footer of every printed page; %u are page numbers. */
  footer_text = g_strdup_printf (_("Psoas Atlas · Education, not a diagnosis: pain that is severe, keeps coming back or "
                                   "does not ease should be assessed by a clinician. · Page %u of %u"),
                                 page + 1, self->n_pages);
  footer = pango_cairo_create_layout (cr);
  {
    PangoFontDescription *font = pango_font_description_from_string ("Sans 7.5");
    pango_layout_set_font_description (footer, font);
    pango_font_description_free (font);
  }
  pango_layout_set_width (footer, (int) (content_width * PANGO_SCALE));
  pango_layout_set_wrap (footer, PANGO_WRAP_WORD);
  pango_layout_set_text (footer, footer_text, -1);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, self->height - MARGIN - FOOTER_SPACE / 2);
  pango_cairo_show_layout (cr, footer);
}

/**
 * atlas_handout_write_pdf:
 *
 * Writes the handout as a PDF to @path, on the paper atlas_handout_set_paper() chose (A4
 * unless told otherwise).
 */
static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
atlas_handout_write_pdf (AtlasHandout  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint pages;
  double width, height;
  g_autoptr(AtlasLanguageScope) scope = NULL;

  g_return_val_if_fail (ATLAS_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The footer, the PDF's title and everything drawn come out in the handout's language. */
  scope = atlas_language_push (self->language);

  /* Drawn in memory first, then saved like state: cairo writing to the file itself neither
   * reports every failed write nor keeps the old file when one fails half-way. */
  atlas_handout_paper_get_size (self->paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, width, height);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Psoas Atlas: notes to take home"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Psoas Atlas " PACKAGE_VERSION);

  pages = atlas_handout_paginate (self, cr, width, height);
  for (guint page = 0; page < pages; page++)
    {
      atlas_handout_render_page (self, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }

  return atlas_state_file_write_document (path, (const char *) pdf->data, pdf->len, error);
}
