/* atlas-diagram-view-render.c — the diagram canvas's pictures: the cached base, highlights.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing is layered so that no frame re-renders the whole document:
 *
 *  1. The base picture is rendered once into a texture that covers the visible part of the
 *     drawing (and a margin around it) at the current zoom and device scale. While a zoom is in
 *     progress the old texture is stretched; once the zoom has settled for a moment the
 *     texture is rendered again, sharp. Panning within the margin costs nothing. Each state of
 *     the view (such as the side view's two postures) has its own texture, so changing state
 *     cross-fades two pictures without rendering during the fade.
 *     A window opened beside another shows the same picture at the same size: the last base
 *     picture rendered is shared (see `shared` below), so it is rendered once, not per window.
 *  2. Symptom, emphasis, selection and hover highlights are painted on top, each by rendering
 *     only that region's element (atlas_diagram_render_highlight), clipped to the visible area.
 *
 * The labels (atlas-diagram-view-labels.c) come last; atlas-diagram-view.c puts the layers in
 * order.
 */
#include "config.h"

#include <math.h>

#include "atlas-diagram-view-private.h"

#define SETTLE_MS      140
#define MAX_CACHE_SIDE 4096.0
#define FADE_MS        450

typedef AtlasDiagramViewCache Cache;

/* The last base picture any view rendered, for the next view that wants exactly it: the same
 * picture (atlas_diagram_get_picture), scale and area. One entry, and only pictures of at most
 * SHARED_MAX_BYTES: it usually holds the very texture a window shows, so it costs nothing more;
 * when it outlives its window it holds one picture of a few megabytes until the next render. */
#define SHARED_MAX_BYTES (16 * 1024 * 1024)

static struct
{
  GObject         *picture;
  double           scale;
  graphene_rect_t  rect;
  GdkTexture      *texture;
} shared;

static guint renders_in_process;

/* ------------------------------------------------------------------------------------------ */
/* The base picture                                                                           */

static void
cache_clear (Cache *cache)
{
  g_clear_object (&cache->texture);
  cache->scale = 0;
}

void
_atlas_diagram_view_invalidate_caches (AtlasDiagramView *self)
{
  cache_clear (&self->cache[0]);
  cache_clear (&self->cache[1]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
wanted_cache_scale (AtlasDiagramView *self)
{
  return _atlas_diagram_view_get_scale (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static gboolean
cache_is_sharp (AtlasDiagramView *self,
                Cache            *cache)
{
  graphene_rect_t visible;

  if (cache->texture == NULL || !_atlas_diagram_view_visible_doc_rect (self, &visible))
    return FALSE;

  return fabs (cache->scale - wanted_cache_scale (self)) < 1e-6 &&
         graphene_rect_contains_rect (&cache->rect, &visible);
}

static void
render_cache (AtlasDiagramView *self,
              guint             state)
{
  AtlasDiagram *diagram = self->diagrams[state];
  Cache *cache = &self->cache[state];
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  graphene_rect_t visible, doc, rect;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale = wanted_cache_scale (self);
  int width, height;
  double grow_x, grow_y;

  if (!_atlas_diagram_view_visible_doc_rect (self, &visible))
    return;

  /* Cover the view and as much margin around it as the size limit allows, so that panning
   * and small zoom changes need no new render. */
  graphene_rect_init (&doc, 0, 0, atlas_diagram_get_width (diagram), atlas_diagram_get_height (diagram));
  grow_x = MAX (0, (MAX_CACHE_SIDE / scale - visible.size.width) / 2);
  grow_y = MAX (0, (MAX_CACHE_SIDE / scale - visible.size.height) / 2);
  graphene_rect_inset_r (&visible, -MIN (grow_x, visible.size.width), -MIN (grow_y, visible.size.height), &rect);
  graphene_rect_intersection (&rect, &doc, &rect);
  graphene_rect_round_extents (&rect, &rect);

  width = (int) ceil (rect.size.width * scale);
  height = (int) ceil (rect.size.height * scale);
  if (width <= 0 || height <= 0)
    return;

  if (shared.texture != NULL && shared.picture == atlas_diagram_get_picture (diagram) &&
      shared.scale == scale && graphene_rect_equal (&shared.rect, &rect))
    {
      g_set_object (&cache->texture, shared.texture);
      cache->scale = scale;
      cache->rect = rect;
      self->base_renders++;
      return;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -rect.origin.x, -rect.origin.y);
  if (!atlas_diagram_render (diagram, cr, &error))
    g_warning ("Could not render a diagram: %s", error->message);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&cache->texture);
  cache->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                           cairo_image_surface_get_stride (surface));
  cache->scale = scale;
  cache->rect = rect;
  self->base_renders++;
  renders_in_process++;

  g_clear_object (&shared.texture);
  g_clear_object (&shared.picture);
  if ((gsize) width * height * 4 <= SHARED_MAX_BYTES)
    {
      shared.picture = g_object_ref (atlas_diagram_get_picture (diagram));
      shared.texture = g_object_ref (cache->texture);
      shared.scale = scale;
      shared.rect = rect;
    }
}

static gboolean
settle_cb (gpointer user_data)
{
  AtlasDiagramView *self = user_data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* The snapshot re-renders whatever is not sharp; removing the timeout marks "settled". */
  return G_SOURCE_REMOVE;
}

/* Called whenever zoom or position change. */
void
_atlas_diagram_view_changed (AtlasDiagramView *self,
                             gboolean          zooming)
{
  if (zooming)
    {
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_cache (AtlasDiagramView *self,
              guint             state)
{
  Cache *cache = &self->cache[state];

  if (cache_is_sharp (self, cache))
    return;

  /* During a zoom gesture the stretched old picture is good enough; render once it settles. */
  if (cache->texture != NULL && self->settle_id != 0)
    return;

  render_cache (self, state);
}

static void
snapshot_cache (AtlasDiagramView *self,
                GtkSnapshot      *snapshot,
                guint             state)
{
  Cache *cache = &self->cache[state];
  double x0, y0, x1, y1;

  ensure_cache (self, state);
  if (cache->texture == NULL)
    return;

  atlas_diagram_view_doc_to_widget (self, cache->rect.origin.x, cache->rect.origin.y, &x0, &y0);
  atlas_diagram_view_doc_to_widget (self, cache->rect.origin.x + cache->rect.size.width,
                                    cache->rect.origin.y + cache->rect.size.height, &x1, &y1);
  gtk_snapshot_append_texture (snapshot, cache->texture, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
}

void
_atlas_diagram_view_clear_cache (AtlasDiagramView *self,
                                 guint             state)
{
  cache_clear (&self->cache[state]);
}

/* The diagrams follow the system's light, dark and high-contrast styles. */
void
_atlas_diagram_view_update_style (AtlasDiagramView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AtlasDiagramStyle style = ATLAS_DIAGRAM_STYLE_LIGHT;

  if (adw_style_manager_get_high_contrast (manager))
    style = ATLAS_DIAGRAM_STYLE_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    style = ATLAS_DIAGRAM_STYLE_DARK;

  for (guint i = 0; i < self->n_states; i++)
    atlas_diagram_set_style (self->diagrams[i], style);
  _atlas_diagram_view_invalidate_caches (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Changing state                                                                             */

static void
fade_value_cb (double   value,
               gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

/* The two postures cross-fade, so the change of tilt and curve is seen, not just a jump. */
void
_atlas_diagram_view_cross_fade (AtlasDiagramView *self)
{
  AdwAnimationTarget *target;

  if (self->fade == NULL)
    {
      target = adw_callback_animation_target_new (fade_value_cb, self, NULL);
      self->fade = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, FADE_MS, target);
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->fade), ADW_EASE_IN_OUT_CUBIC);
    }
  adw_animation_reset (self->fade);
  adw_animation_play (self->fade);
}

/* A view of two postures drawn with identical structure morphs between them: every point of
 * every shape moves (the core blends the two files), so the tilt of the pelvis and the curve of
 * the back change before the viewer's eyes. The picture at the new posture is rendered once per
 * step; labels, highlights and hit testing follow the moved anchors and shapes. */
void
_atlas_diagram_view_apply_morph (AtlasDiagramView *self,
                                 double            morph)
{
  morph = CLAMP (morph, 0.0, 1.0);
  if (!self->morphable || morph == self->morph)
    return;

  self->morph = morph;
  atlas_diagram_set_morph (self->diagrams[0], morph);
  _atlas_diagram_view_clear_cache (self, 0);
  _atlas_diagram_view_notify (self, PROP_MORPH);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
morph_value_cb (double   value,
                gpointer user_data)
{
  _atlas_diagram_view_apply_morph (ATLAS_DIAGRAM_VIEW (user_data), value);
}

/* Choosing a posture by name (the tour, "start over") moves there smoothly. */
void
_atlas_diagram_view_animate_morph (AtlasDiagramView *self,
                                   double            to)
{
  if (self->morph_animation == NULL)
    {
      AdwAnimationTarget *target = adw_callback_animation_target_new (morph_value_cb, self, NULL);

      self->morph_animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, FADE_MS, target);
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->morph_animation), ADW_EASE_IN_OUT_CUBIC);
    }
  adw_animation_reset (self->morph_animation);
  adw_timed_animation_set_value_from (ADW_TIMED_ANIMATION (self->morph_animation), self->morph);
  adw_timed_animation_set_value_to (ADW_TIMED_ANIMATION (self->morph_animation), to);
  adw_animation_play (self->morph_animation);
}

guint
atlas_diagram_view_get_n_states (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->n_states;
}

guint
atlas_diagram_view_get_state (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->state;
}
void
atlas_diagram_view_set_state (AtlasDiagramView *self,
                              guint             state)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (state >= self->n_states)
    return;

  /* A morphing view moves to the named posture, even from between the two. */
  if (self->morphable)
    {
      gboolean changed = state != self->state;

      self->state = state;
      if (changed)
        _atlas_diagram_view_notify (self, PROP_STATE);
      if (self->morph != state)
        _atlas_diagram_view_animate_morph (self, state);
      return;
    }

  if (state == self->state)
    return;

  self->fade_from = self->state;
  self->state = state;
  _atlas_diagram_view_clear_labels (self);
  _atlas_diagram_view_cross_fade (self);

  _atlas_diagram_view_notify (self, PROP_STATE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_diagram_view_is_morphable:
 *
 * Returns: whether the view's two postures can be blended with atlas_diagram_view_set_morph()
 */
gboolean
atlas_diagram_view_is_morphable (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), FALSE);

  return self->morphable;
}

double
atlas_diagram_view_get_morph (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0.0);

  return self->morph;
}

/**
 * atlas_diagram_view_set_morph:
 * @morph: 0 for the first posture, 1 for the second, or anything between
 *
 * Shows the drawing at once at @morph (a slider drives this); the state follows, naming the
 * nearer posture.
 */
void
atlas_diagram_view_set_morph (AtlasDiagramView *self,
                              double            morph)
{
  guint state;

  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  if (!self->morphable)
    return;

  if (self->morph_animation != NULL)
    adw_animation_pause (self->morph_animation);
  _atlas_diagram_view_apply_morph (self, morph);

  state = self->morph >= 0.5 ? 1 : 0;
  if (state != self->state)
    {
      self->state = state;
      _atlas_diagram_view_notify (self, PROP_STATE);
    }
}

void
_atlas_diagram_view_snapshot_base (AtlasDiagramView *self,
                                   GtkSnapshot      *snapshot)
{
  double progress = self->fade != NULL ? adw_animation_get_value (self->fade) : 1.0;

  if (self->morphable)
    snapshot_cache (self, snapshot, 0);
  else if (progress < 1.0 && self->fade_from != self->state)
    {
      gtk_snapshot_push_cross_fade (snapshot, progress);
      snapshot_cache (self, snapshot, self->fade_from);
      gtk_snapshot_pop (snapshot);
      snapshot_cache (self, snapshot, self->state);
      gtk_snapshot_pop (snapshot);
    }
  else
    snapshot_cache (self, snapshot, self->state);
}

/* ------------------------------------------------------------------------------------------ */
/* Highlights                                                                                 */

static void
paint_highlight (AtlasDiagramView *self,
                 cairo_t          *cr,
                 AtlasDiagram     *diagram,
                 const char       *region_id,
                 AtlasHighlight    kind,
                 double            strength)
{
  g_autoptr(GError) error = NULL;

  if (atlas_diagram_lookup_region (diagram, region_id) == NULL)
    return;

  if (!atlas_diagram_render_highlight (diagram, cr, region_id, kind, strength, &error))
    g_warning ("Could not highlight %s: %s", region_id, error->message);
}

void
_atlas_diagram_view_snapshot_highlights (AtlasDiagramView *self,
                                         GtkSnapshot      *snapshot)
{
  AtlasDiagram *diagram = _atlas_diagram_view_current_diagram (self);
  graphene_rect_t visible;
  double x0, y0, x1, y1, scale = _atlas_diagram_view_get_scale (self);
  gboolean any = self->selected != NULL || self->hovered != NULL || self->emphasis != NULL ||
                 (self->weights != NULL && g_hash_table_size (self->weights) > 0);
  cairo_t *cr;

  if (!any || !_atlas_diagram_view_visible_doc_rect (self, &visible))
    return;

  atlas_diagram_view_doc_to_widget (self, visible.origin.x, visible.origin.y, &x0, &y0);
  atlas_diagram_view_doc_to_widget (self, visible.origin.x + visible.size.width,
                                    visible.origin.y + visible.size.height, &x1, &y1);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (floor (x0), floor (y0),
                                                                 ceil (x1) - floor (x0), ceil (y1) - floor (y0)));
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  atlas_diagram_view_doc_to_widget (self, 0, 0, &x0, &y0);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);

  if (self->weights != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        paint_highlight (self, cr, diagram, key, ATLAS_HIGHLIGHT_SYMPTOM, *(double *) value);
    }

  if (self->emphasis != NULL)
    {
      for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
        {
          const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

          if (g_strv_contains ((const char * const *) self->emphasis, region->structure) &&
              atlas_diagram_region_is_visible (diagram, region))
            {
              paint_highlight (self, cr, diagram, region->id, ATLAS_HIGHLIGHT_FOCUS_HALO, 1.0);
              paint_highlight (self, cr, diagram, region->id, ATLAS_HIGHLIGHT_FOCUS, 1.0);
            }
        }
    }

  if (self->selected != NULL)
    paint_highlight (self, cr, diagram, self->selected, ATLAS_HIGHLIGHT_SELECTED, 1.0);

  if (self->hovered != NULL && g_strcmp0 (self->hovered, self->selected) != 0)
    paint_highlight (self, cr, diagram, self->hovered, ATLAS_HIGHLIGHT_HOVER, 1.0);

  cairo_destroy (cr);
}

/**
 * atlas_diagram_view_set_region_weights:
 * @weights: (nullable) (element-type utf8 double): region id → strength (0 to 1) of its
 *   symptom highlight; the view keeps a reference
 */
void
atlas_diagram_view_set_region_weights (AtlasDiagramView *self,
                                       GHashTable       *weights)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->weights, g_hash_table_unref);
  if (weights != NULL)
    self->weights = g_hash_table_ref (weights);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_diagram_view_set_emphasis:
 * @structures: (nullable) (array zero-terminated=1): structure ids to outline, such as the
 *   regions an exercise works on; %NULL for none
 */
void
atlas_diagram_view_set_emphasis (AtlasDiagramView   *self,
                                 const char * const *structures)
{
  g_return_if_fail (ATLAS_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->emphasis, g_strfreev);
  if (structures != NULL && structures[0] != NULL)
    self->emphasis = g_strdupv ((GStrv) structures);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_diagram_view_get_emphasis:
 *
 * Returns: (nullable) (transfer none): the outlined structures
 */
const char * const *
atlas_diagram_view_get_emphasis (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), NULL);

  return (const char * const *) self->emphasis;
}

/**
 * atlas_diagram_view_get_region_weight:
 *
 * Returns: how strongly @region_id is lit by ticked symptoms, 0 when it is not
 */
double
atlas_diagram_view_get_region_weight (AtlasDiagramView *self,
                                      const char       *region_id)
{
  double *weight;

  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  weight = self->weights ? g_hash_table_lookup (self->weights, region_id) : NULL;
  return weight ? *weight : 0;
}

/* How many times this view took a new base picture, rendered or shared with another view. */
guint
atlas_diagram_view_get_base_renders (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->base_renders;
}

/* How many base pictures librsvg rendered, for every view of the process together. */
guint
atlas_diagram_view_get_renders_in_process (void)
{
  return renders_in_process;
}

double
atlas_diagram_view_get_cache_scale (AtlasDiagramView *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGRAM_VIEW (self), 0);

  return self->cache[_atlas_diagram_view_shown_state (self)].scale;
}
