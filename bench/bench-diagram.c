/* bench-diagram.c — how fast diagrams load, render and answer the pointer, against librsvg.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is measured in the same run as its reference, so the ratios hold on any machine;
 * in this process as the time the thread spent on the processor, so other programs on a shared
 * machine do not lengthen them (rsvg-convert, another process, is timed by the clock):
 *   load        parse, validate and read the build's pick map of each view, against librsvg
 *               reading the same file with the same style sheet in this process (ours does more:
 *               it checks the document, so it is shown, not judged); then the same drawing the
 *               pick map at run time (a user's file), and a later window's copy of the load
 *   base render the whole picture at 1920×1080 and 3840×2160, against librsvg drawing the same
 *               file at the same size with the same style sheet in this process: what the
 *               library itself costs (target: at most 1.15×). `rsvg-convert` making the same
 *               picture is shown beside it, start-up and PNG encoding included
 *   hover query one pick-map lookup (target: under 5 us)
 *   hover frame what a pointer move repaints at 1920×1080: the cached picture plus one region's
 *               highlight (target: under 8 ms, half a 60 Hz frame)
 *   morph frame what one step of the posture slider costs at 1920×1080: blend the two side
 *               postures at a new position and render the whole picture (target: under 8 ms)
 */
#include "config.h"

#include <glib/gstdio.h>

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>

#include <librsvg/rsvg.h>

#include "atlas-diagram.h"
#include "atlas-pick-cache.h"
#include "atlas-views.h"

#define RUNS 5

/* The time this thread has spent on the processor: other programs on a shared machine then
 * delay a measurement without lengthening it. */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The best of a few runs: the least disturbed by whatever else the machine does. */
typedef double (*Measure) (gpointer data);

static double
best_of (Measure  measure,
         gpointer data)
{
  double best = G_MAXDOUBLE;

  for (int i = 0; i < RUNS; i++)
    best = MIN (best, measure (data));

  return best;
}

/* Two measures taken in turn, so that a busy moment of the machine falls on both alike. */
static void
best_of_pair (Measure  a,
              Measure  b,
              gpointer data,
              double  *best_a,
              double  *best_b)
{
  *best_a = *best_b = G_MAXDOUBLE;

  for (int i = 0; i < 2 * RUNS; i++)
    {
      *best_a = MIN (*best_a, a (data));
      *best_b = MIN (*best_b, b (data));
    }
}

typedef struct
{
  const AtlasViewInfo *view;
  const char          *file;
  AtlasDiagram        *diagram;
  int                  width;
  int                  height;
  char                *svg_path;
  char                *css_path;
  RsvgHandle          *reference;
  cairo_surface_t     *base;
  char                *out_path;
} Case;

static GFile *
builtin_file (Case *c)
{
  g_autofree char *uri = g_strdup_printf ("resource://" RESOURCE_BASE "/diagrams/%s", c->file);

  return g_file_new_for_uri (uri);
}

/* A first load in a process: the built-in diagram with the pick map the build made. */
static double
measure_load (gpointer data)
{
  Case *c = data;
  g_autoptr(GFile) file = builtin_file (c);
  double start = now ();
  AtlasDiagram *diagram = atlas_diagram_new_from_file (file, NULL, NULL);
  double elapsed = now () - start;

  g_object_unref (diagram);
  return elapsed;
}

/* The same without the .pick file: the map is built at run time, as for a user's file. */
static double
measure_load_building (gpointer data)
{
  Case *c = data;
  g_autoptr(GFile) file = builtin_file (c);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  double start = now ();
  AtlasDiagram *diagram = atlas_diagram_new_with_pick_cache (bytes, file, NULL, NULL, NULL);
  double elapsed = now () - start;

  g_object_unref (diagram);
  return elapsed;
}

/* Every later window's load: a copy of the process's first load. */
static double
measure_load_shared (gpointer data)
{
  Case *c = data;
  double start = now ();
  AtlasDiagram *diagram = atlas_view_load_builtin (c->view, 0, NULL);
  double elapsed = now () - start;

  g_object_unref (diagram);
  return elapsed;
}

static void
fit (Case    *c,
     cairo_t *cr)
{
  double w = atlas_diagram_get_width (c->diagram), h = atlas_diagram_get_height (c->diagram);
  double scale = MIN (c->width / w, c->height / h);

  cairo_translate (cr, (c->width - w * scale) / 2, (c->height - h * scale) / 2);
  cairo_scale (cr, scale, scale);
}

static double
measure_render (gpointer data)
{
  Case *c = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c->width, c->height);
  cairo_t *cr = cairo_create (surface);
  double start = now (), elapsed;

  fit (c, cr);
  atlas_diagram_render (c->diagram, cr, NULL);
  cairo_surface_flush (surface);
  elapsed = now () - start;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

/* The same file and style sheet read by librsvg alone. */
static RsvgHandle *
load_reference (Case *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *css = NULL;
  gsize css_len;
  RsvgHandle *handle = rsvg_handle_new_from_file (c->svg_path, &error);

  if (handle == NULL ||
      !g_file_get_contents (c->css_path, &css, &css_len, &error) ||
      !rsvg_handle_set_stylesheet (handle, (const guint8 *) css, css_len, &error))
    g_error ("librsvg could not read %s: %s", c->svg_path, error->message);

  return handle;
}

static double
measure_librsvg_load (gpointer data)
{
  Case *c = data;
  double start = now ();
  RsvgHandle *handle = load_reference (c);
  double elapsed = now () - start;

  g_object_unref (handle);
  return elapsed;
}

static double
measure_librsvg_render (gpointer data)
{
  Case *c = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c->width, c->height);
  cairo_t *cr = cairo_create (surface);
  double start = now (), elapsed;
  g_autoptr(GError) error = NULL;

  /* The same fitted, centred placement as ours, then the whole document in its own units. */
  fit (c, cr);
  {
    RsvgRectangle viewport = { 0, 0, atlas_diagram_get_width (c->diagram), atlas_diagram_get_height (c->diagram) };

    if (!rsvg_handle_render_document (c->reference, cr, &viewport, &error))
      g_error ("librsvg could not render %s: %s", c->svg_path, error->message);
  }
  cairo_surface_flush (surface);
  elapsed = now () - start;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

static double
measure_rsvg_convert (gpointer data)
{
  Case *c = data;
  g_autofree char *width = g_strdup_printf ("%d", c->width);
  g_autofree char *height = g_strdup_printf ("%d", c->height);
  const char *argv[] = { "rsvg-convert", "--keep-aspect-ratio", "-w", width, "-h", height,
                         "--stylesheet", c->css_path, "-o", c->out_path, c->svg_path, NULL };
  g_autoptr(GError) error = NULL;
  double start = g_get_monotonic_time () / 1e6;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("rsvg-convert failed: %s\n", error->message);
      return NAN;
    }

  return g_get_monotonic_time () / 1e6 - start;
}

static double
measure_hover_frame (gpointer data)
{
  Case *c = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c->width, c->height);
  cairo_t *cr = cairo_create (surface);
  const AtlasRegion *region = atlas_diagram_get_region (c->diagram, atlas_diagram_get_n_regions (c->diagram) / 2);
  double start = now (), elapsed;

  /* The cached picture is blitted, then one region is painted over it. */
  cairo_set_source_surface (cr, c->base, 0, 0);
  cairo_paint (cr);
  fit (c, cr);
  atlas_diagram_render_highlight (c->diagram, cr, region->id, ATLAS_HIGHLIGHT_HOVER, 1.0, NULL);
  cairo_surface_flush (surface);
  elapsed = now () - start;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

static double
measure_hover_query (gpointer data)
{
  Case *c = data;
  double w = atlas_diagram_get_width (c->diagram), h = atlas_diagram_get_height (c->diagram);
  const int n = 1000000;
  guint hits = 0;
  double start = now ();
  guint32 seed = 12345;

  for (int i = 0; i < n; i++)
    {
      seed = seed * 1664525 + 1013904223;
      hits += atlas_diagram_pick (c->diagram, (seed >> 8) % (guint) w, (seed >> 4) % (guint) h) != NULL;
    }

  /* Using the count keeps the compiler from dropping the loop. */
  if (hits == G_MAXUINT)
    g_print (" ");
  return (now () - start) / n;
}

typedef struct
{
  AtlasDiagram *diagram;
  double        t;
} Morph;

static double
measure_morph_frame (gpointer data)
{
  Morph *m = data;
  Case c = { .diagram = m->diagram, .width = 1920, .height = 1080 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c.width, c.height);
  cairo_t *cr = cairo_create (surface);
  double start, elapsed;

  /* A new position each run, as a dragged slider gives. */
  m->t = m->t > 0.9 ? 0.05 : m->t + 0.137;
  start = now ();
  atlas_diagram_set_morph (m->diagram, m->t);
  fit (&c, cr);
  atlas_diagram_render (m->diagram, cr, NULL);
  cairo_surface_flush (surface);
  elapsed = now () - start;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

static double
measure_morph_pick (gpointer data)
{
  Morph *m = data;
  double start;

  m->t = m->t > 0.9 ? 0.05 : m->t + 0.137;
  atlas_diagram_set_morph (m->diagram, m->t);
  start = now ();
  atlas_diagram_pick (m->diagram, 500, 500);
  return now () - start;
}

static gboolean
bench_morph (void)
{
  const AtlasViewInfo *view = atlas_views_lookup ("side");
  g_autoptr(AtlasDiagram) neutral = atlas_view_load_builtin (view, 0, NULL);
  g_autoptr(AtlasDiagram) shortened = atlas_view_load_builtin (view, 1, NULL);
  g_autoptr(GError) error = NULL;
  Morph m = { neutral, 0.0 };
  double frame, pick;

  if (neutral == NULL || shortened == NULL || !atlas_diagram_set_morph_target (neutral, shortened, &error))
    {
      g_printerr ("Could not morph the side view: %s\n", error ? error->message : "not loaded");
      return FALSE;
    }

  frame = best_of (measure_morph_frame, &m);
  g_print ("%-22s %-12s %9.2f ms %9.2f ms %7.2fx  (of the 8 ms target: blend, parse, render at 1080p)\n",
           "side (morph)", "morph frame", frame * 1e3, 8.0, frame * 1e3 / 8.0);
  pick = best_of (measure_morph_pick, &m);
  g_print ("%-22s %-12s %9.2f ms %12s %8s  (first hit test after a step: the pick map is rebuilt once)\n",
           "side (morph)", "morph pick", pick * 1e3, "", "");

  return frame < 8e-3;
}

int
main (int   argc,
      char *argv[])
{
  const char *source_root = argc > 1 ? argv[1] : ".";
  g_autofree char *css = g_build_filename (source_root, "resources", "diagrams", "palette-light.css", NULL);
  static const int sizes[][2] = { { 1920, 1080 }, { 3840, 2160 } };
  gboolean all_met = TRUE;
  g_autofree char *tmp = g_dir_make_tmp ("atlas-bench-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "out.png", NULL);

  g_print ("%-22s %-12s %12s %12s %8s\n", "view", "measure", "ours", "reference", "ratio");

  for (guint v = 0; v < atlas_views_get_n_views (); v++)
    {
      Case c = { 0, };
      double load, query;

      c.view = atlas_views_get_view (v);
      c.file = c.view->states[0];
      c.svg_path = g_build_filename (source_root, "resources", "diagrams", c.file, NULL);
      c.css_path = css;
      c.out_path = out;
      c.diagram = atlas_view_load_builtin (c.view, 0, NULL);
      if (c.diagram == NULL)
        {
          g_printerr ("Could not load %s\n", c.file);
          return 1;
        }

      c.reference = load_reference (&c);
      {
        double reference;

        best_of_pair (measure_load, measure_librsvg_load, &c, &load, &reference);
        g_print ("%-22s %-12s %9.2f ms %9.2f ms %7.2fx  (librsvg reading the same file and style; ours also checks it and reads the build's pick map)\n",
                 c.file, "load", load * 1e3, reference * 1e3, load / reference);
        best_of_pair (measure_load_building, measure_librsvg_load, &c, &load, &reference);
        g_print ("%-22s %-12s %9.2f ms %9.2f ms %7.2fx  (the same, drawing the pick map at run time as for a user's file)\n",
                 c.file, "load, built", load * 1e3, reference * 1e3, load / reference);
        best_of_pair (measure_load_shared, measure_librsvg_load, &c, &load, &reference);
        g_print ("%-22s %-12s %9.2f ms %9.2f ms %7.2fx  (a later window: a copy of this process's load)\n",
                 c.file, "load, shared", load * 1e3, reference * 1e3, load / reference);
      }

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          double ours, library, convert;
          g_autofree char *what = g_strdup_printf ("render %dp", sizes[s][1]);

          c.width = sizes[s][0];
          c.height = sizes[s][1];
          best_of_pair (measure_render, measure_librsvg_render, &c, &ours, &library);
          convert = best_of (measure_rsvg_convert, &c);
          g_print ("%-22s %-12s %9.2f ms %9.2f ms %7.2fx  %s (librsvg in this process: same file, size, style; target at most 1.15x)\n",
                   c.file, what, ours * 1e3, library * 1e3, ours / library, ours <= 1.15 * library ? "met" : "MISSED");
          g_print ("%-22s %-12s %9s    %9.2f ms %7.2fx  (rsvg-convert: same file, size, style; includes its start-up and PNG encoding)\n",
                   "", "", "", convert * 1e3, ours / convert);
          all_met &= ours <= 1.15 * library;
        }

      c.width = 1920;
      c.height = 1080;
      c.base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c.width, c.height);
      {
        cairo_t *cr = cairo_create (c.base);
        fit (&c, cr);
        atlas_diagram_render (c.diagram, cr, NULL);
        cairo_destroy (cr);
      }

      query = best_of (measure_hover_query, &c);
      g_print ("%-22s %-12s %9.3f us %9.3f us %7.2fx  (of the 5 us target)\n", c.file, "hover query",
               query * 1e6, 5.0, query * 1e6 / 5.0);
      all_met &= query < 5e-6;

      {
        double frame = best_of (measure_hover_frame, &c);
        double full = best_of (measure_render, &c);

        g_print ("%-22s %-12s %9.2f ms %9.2f ms %7.2fx  (of a full re-render; target under 8 ms)\n",
                 c.file, "hover frame", frame * 1e3, full * 1e3, frame / full);
        all_met &= frame < 8e-3;
      }

      cairo_surface_destroy (c.base);
      g_object_unref (c.reference);
      g_object_unref (c.diagram);
      g_free (c.svg_path);
    }

  all_met &= bench_morph ();

  g_unlink (out);
  g_rmdir (tmp);
  g_print ("\n%s\n", all_met ? "All targets met." : "Some targets were missed (see the ratios above).");
  return 0;
}
