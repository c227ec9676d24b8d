/* test-drawing.c — drawing on the diagram with real pointer and key events, in a real X server.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The events are made by the X server's XTEST extension, so they travel the way a mouse's do:
 * through GDK and the view's gestures. libXtst is loaded at run time (it comes with
 * at-spi2-core), so the build needs no X development files.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <math.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>

#include "atlas-checklist-pane.h"
#include "atlas-diagram-view.h"
#include "atlas-test-ui.h"
#include "atlas-view-page.h"
#include "atlas-window.h"

typedef int (*FakeMotionFunc) (Display *, int, int, int, unsigned long);
typedef int (*FakeButtonFunc) (Display *, unsigned int, int, unsigned long);
typedef int (*FakeKeyFunc) (Display *, unsigned int, int, unsigned long);

static struct
{
  FakeMotionFunc motion;
  FakeButtonFunc button;
  FakeKeyFunc    key;
} xtest;

typedef struct
{
  AtlasSettings *settings;
  AtlasWindow   *window;
  Display       *display;
} Fixture;

static gboolean
has_rendered (gpointer data)
{
  return atlas_diagram_view_get_base_renders (data) > 0;
}

static gboolean
done_waiting (gpointer data)
{
  return FALSE;
}

static Display *x_display;

/* Lets the X server deliver what was sent, and GTK handle it: the server has processed every
 * request once XSync returns; then GTK reads and dispatches until it has nothing left. */
static void
settle (void)
{
  if (x_display != NULL)
    XSync (x_display, False);
  atlas_test_wait_for (done_waiting, NULL, 40);
  for (guint i = 0; i < 5; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->settings = atlas_test_settings_new ();
  atlas_settings_set_window_size (f->settings, 1400, 900, FALSE);
  f->window = atlas_test_open_window (f->settings);
  f->display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (f->window)));
  x_display = f->display;
  atlas_window_set_view (f->window, "side");
  assert_true (atlas_test_wait_for (has_rendered, atlas_test_window_view (f->window, "side"), 5000));
  settle ();
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  atlas_test_close_window (GTK_WINDOW (f->window));
  g_object_unref (f->settings);
  g_free (f);
  return 0;
}

/* A point of the view in the screen's coordinates. */
static void
to_screen (Fixture          *f,
           AtlasDiagramView *view,
           double            x,
           double            y,
           int              *screen_x,
           int              *screen_y)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (view));
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (native));
  Window child;
  double native_x, native_y, surface_x, surface_y;
  int root_x, root_y;

  assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (native), x, y, &native_x, &native_y));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (f->display, xid, DefaultRootWindow (f->display), 0, 0, &root_x, &root_y, &child);
  *screen_x = root_x + (int) round (native_x + surface_x);
  *screen_y = root_y + (int) round (native_y + surface_y);
}

static void
move (Fixture          *f,
      AtlasDiagramView *view,
      double            x,
      double            y)
{
  int sx, sy;

  to_screen (f, view, x, y, &sx, &sy);
  xtest.motion (f->display, -1, sx, sy, 0);
  XFlush (f->display);
  settle ();
}

static void
button (Fixture  *f,
        gboolean  press)
{
  xtest.button (f->display, 1, press, 0);
  XFlush (f->display);
  settle ();
}

/* Presses and releases along a path, as a hand with a mouse would. */
static void
drag (Fixture          *f,
      AtlasDiagramView *view,
      const double     *points,
      guint             n_points)
{
  move (f, view, points[0], points[1]);
  button (f, TRUE);
  for (guint i = 1; i < n_points; i++)
    {
      /* Several small steps, so the gesture sees a drag and a stroke gets its points. */
      double x0 = points[2 * i - 2], y0 = points[2 * i - 1];

      for (guint s = 1; s <= 4; s++)
        move (f, view, x0 + (points[2 * i] - x0) * s / 4, y0 + (points[2 * i + 1] - y0) * s / 4);
    }
  button (f, FALSE);
}

static void
ctrl_key (Fixture  *f,
          guint     keysym,
          gboolean  shift)
{
  unsigned int control = XKeysymToKeycode (f->display, XK_Control_L);
  unsigned int shift_key = XKeysymToKeycode (f->display, XK_Shift_L);
  unsigned int key = XKeysymToKeycode (f->display, keysym);

  xtest.key (f->display, control, True, 0);
  if (shift)
    xtest.key (f->display, shift_key, True, 0);
  xtest.key (f->display, key, True, 0);
  xtest.key (f->display, key, False, 0);
  if (shift)
    xtest.key (f->display, shift_key, False, 0);
  xtest.key (f->display, control, False, 0);
  XFlush (f->display);
  settle ();
}

static void
plain_key (Fixture *f,
           guint    keysym)
{
  unsigned int key = XKeysymToKeycode (f->display, keysym);

  xtest.key (f->display, key, True, 0);
  xtest.key (f->display, key, False, 0);
  XFlush (f->display);
  settle ();
}

/* Types lower-case letters and spaces, then Enter. */
static void
type_line (Fixture    *f,
           const char *text)
{
  for (const char *p = text; ; p++)
    {
      unsigned int key = XKeysymToKeycode (f->display, *p == '\0' ? XK_Return : *p == ' ' ? XK_space : (KeySym) *p);

      xtest.key (f->display, key, True, 0);
      xtest.key (f->display, key, False, 0);
      XFlush (f->display);
      settle ();
      if (*p == '\0')
        break;
    }
}

static void
assert_doc_point (AtlasDiagramView *view,
                  const AtlasMark  *mark,
                  guint             index,
                  double            widget_x,
                  double            widget_y)
{
  double x, y, doc_x, doc_y, tolerance, ignored;

  atlas_mark_get_point (mark, index, &x, &y);
  atlas_diagram_view_widget_to_doc (view, widget_x, widget_y, &doc_x, &doc_y);
  /* Within two screen pixels, in document units. */
  atlas_diagram_view_widget_to_doc (view, widget_x + 2, widget_y, &tolerance, &ignored);
  tolerance -= doc_x;
  if (fabs (x - doc_x) > tolerance || fabs (y - doc_y) > tolerance)
    fail_msg ("point %u is at %.1f,%.1f; expected %.1f,%.1f", index, x, y, doc_x, doc_y);
}

/* The clinician's moves: pen on, a freehand line, an arrow and a circle, undo and redo with
 * the keyboard, erase one, pen off. Marks land where the pointer went, in the diagram's
 * coordinates, and outside the drawing mode the same drag pans again. */
static void
test_draw_with_the_pointer (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *view = atlas_test_window_view (f->window, "side");
  AtlasViewPage *page = atlas_test_window_child (f->window, "side_page");
  AtlasMarks *marks = atlas_diagram_view_get_marks (view);
  double w = gtk_widget_get_width (GTK_WIDGET (view)), h = gtk_widget_get_height (GTK_WIDGET (view));
  const double stroke[] = { w * 0.45, h * 0.40, w * 0.50, h * 0.45, w * 0.55, h * 0.42 };
  const double arrow[] = { w * 0.35, h * 0.30, w * 0.48, h * 0.50 };
  const double circle[] = { w * 0.40, h * 0.55, w * 0.60, h * 0.70 };
  AtlasMark *mark;
  double zoom_x, zoom_y;

  /* Ctrl+D anywhere in the window picks up the pen of the visible view. */
  ctrl_key (f, XK_d, FALSE);
  assert_true (atlas_diagram_view_get_drawing (view));
  assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), ATLAS_TYPE_VIEW_PAGE,
                                                                                  "drawing_toolbar"))));

  /* The pen button shows the drawing mode is on. */
  {
    GtkWidget *pen = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), ATLAS_TYPE_VIEW_PAGE, "draw_button"));

    assert_non_null (pen);
    assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pen)));
  }

  drag (f, view, stroke, 3);
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);
  mark = atlas_marks_get_mark (marks, 0);
  assert_int_equal (mark->kind, ATLAS_MARK_STROKE);
  assert_int_equal (mark->colour, ATLAS_MARK_RED);
  assert_true (atlas_mark_get_n_points (mark) >= 5);
  assert_doc_point (view, mark, 0, stroke[0], stroke[1]);
  assert_doc_point (view, mark, atlas_mark_get_n_points (mark) - 1, stroke[4], stroke[5]);
  /* Drawing selects nothing. */
  assert_null (atlas_diagram_view_get_selected_region (view));

  gtk_widget_activate_action (GTK_WIDGET (page), "page.draw-tool", "s", "arrow");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.draw-colour", "s", "blue");
  drag (f, view, arrow, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.draw-tool", "s", "ellipse");
  drag (f, view, circle, 2);
  assert_int_equal (atlas_marks_get_n_marks (marks), 3);
  mark = atlas_marks_get_mark (marks, 1);
  assert_int_equal (mark->kind, ATLAS_MARK_ARROW);
  assert_int_equal (mark->colour, ATLAS_MARK_BLUE);
  assert_int_equal (atlas_mark_get_n_points (mark), 2);
  assert_doc_point (view, mark, 0, arrow[0], arrow[1]);
  assert_doc_point (view, mark, 1, arrow[2], arrow[3]);
  assert_int_equal (atlas_marks_get_mark (marks, 2)->kind, ATLAS_MARK_ELLIPSE);

  /* Ctrl+Z takes the circle back, Ctrl+Shift+Z returns it. */
  ctrl_key (f, XK_z, FALSE);
  assert_int_equal (atlas_marks_get_n_marks (marks), 2);
  ctrl_key (f, XK_z, TRUE);
  assert_int_equal (atlas_marks_get_n_marks (marks), 3);

  /* Marks stay on the anatomy: zoomed in, the eraser finds the arrow where it now is. */
  atlas_diagram_view_zoom_at (view, 2.0, w / 2, h / 2);
  settle ();
  atlas_diagram_view_doc_to_widget (view,
                                    (g_array_index (mark->points, double, 0) + g_array_index (mark->points, double, 2)) / 2,
                                    (g_array_index (mark->points, double, 1) + g_array_index (mark->points, double, 3)) / 2,
                                    &zoom_x, &zoom_y);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.draw-tool", "s", "eraser");
  move (f, view, zoom_x, zoom_y);
  button (f, TRUE);
  button (f, FALSE);
  assert_int_equal (atlas_marks_get_n_marks (marks), 2);
  assert_int_equal (atlas_marks_get_mark (marks, 1)->kind, ATLAS_MARK_ELLIPSE);

  /* The other views keep their own marks: none. */
  assert_int_equal (atlas_marks_get_n_marks (atlas_diagram_view_get_marks (atlas_test_window_view (f->window, "front"))), 0);

  /* Pen down: the same drag pans again and draws nothing, and Ctrl+Z no longer undoes marks. */
  atlas_diagram_view_zoom_to_fit (view);
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (page), "page.drawing", NULL);
  assert_false (atlas_diagram_view_get_drawing (view));
  atlas_diagram_view_set_zoom (view, 3.0);
  settle ();
  {
    double before_x, before_y, after_x, after_y;

    atlas_diagram_view_widget_to_doc (view, w / 2, h / 2, &before_x, &before_y);
    drag (f, view, stroke, 3);
    atlas_diagram_view_widget_to_doc (view, w / 2, h / 2, &after_x, &after_y);
    assert_true (fabs (after_x - before_x) > 1 || fabs (after_y - before_y) > 1);
  }
  assert_int_equal (atlas_marks_get_n_marks (marks), 2);
  ctrl_key (f, XK_z, FALSE);
  assert_int_equal (atlas_marks_get_n_marks (marks), 2);
}

/* A tour or a quiz takes over the diagram while it runs; once it ends, the pen draws again on
 * every view, the ones the lesson showed and the ones it did not. */
static void
test_draw_after_a_tour_and_a_quiz (void **state)
{
  Fixture *f = *state;
  const char *views[] = { "front", "side", "section" };

  /* As a teacher would: F5, a step on, Escape; F6, Escape. */
  atlas_window_set_view (f->window, "front");
  settle ();
  plain_key (f, XK_F5);
  plain_key (f, XK_Page_Down);
  plain_key (f, XK_Escape);
  plain_key (f, XK_F6);
  plain_key (f, XK_Escape);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      AtlasDiagramView *view;
      double w, h;

      atlas_window_set_view (f->window, views[i]);
      view = atlas_test_window_view (f->window, views[i]);
      assert_true (atlas_test_wait_for (has_rendered, view, 5000));
      settle ();
      w = gtk_widget_get_width (GTK_WIDGET (view));
      h = gtk_widget_get_height (GTK_WIDGET (view));
      ctrl_key (f, XK_d, FALSE);
      assert_true (atlas_diagram_view_get_drawing (view));
      settle ();
      /* The drawing toolbar is whole (nothing cut off at the sides) and the drawing lies
       * below it, not under it. */
      {
        AtlasViewPage *page = atlas_test_window_child (f->window, i == 0 ? "front_page" : i == 1 ? "side_page" : "section_page");
        GtkWidget *toolbar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), ATLAS_TYPE_VIEW_PAGE, "drawing_toolbar"));
        graphene_rect_t bounds;
        double cx, cy, cw, ch, top_x, top_y;
        int natural;

        gtk_widget_measure (toolbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
        assert_true (natural <= gtk_widget_get_width (GTK_WIDGET (view)));
        assert_true (gtk_widget_compute_bounds (toolbar, GTK_WIDGET (view), &bounds));
        atlas_diagram_get_content_bounds (atlas_diagram_view_get_diagram (view), &cx, &cy, &cw, &ch);
        atlas_diagram_view_doc_to_widget (view, cx, cy, &top_x, &top_y);
        if (top_y < bounds.origin.y + bounds.size.height)
          fail_msg ("the %s drawing starts at %.0f px, under the toolbar ending at %.0f px", views[i],
                    top_y, bounds.origin.y + bounds.size.height);
      }
      /* Down the psoas on the picture's left, where a clinician would draw, and elsewhere. */
      {
        const AtlasRegion *psoas = atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (view), "psoas-major-right");
        double x, y;

        atlas_diagram_view_doc_to_widget (view, psoas->anchor_x, psoas->anchor_y, &x, &y);
        drag (f, view, (const double[]) { x, y - 60, x + 2, y - 20, x + 4, y + 20 }, 3);
        if (atlas_marks_get_n_marks (atlas_diagram_view_get_marks (view)) != 1)
          fail_msg ("the %s view drew %u marks down the psoas after a tour and a quiz", views[i],
                    atlas_marks_get_n_marks (atlas_diagram_view_get_marks (view)));
        atlas_marks_clear (atlas_diagram_view_get_marks (view));
      }
      drag (f, view, (const double[]) { w * 0.45, h * 0.40, w * 0.50, h * 0.45, w * 0.55, h * 0.42 }, 3);
      if (atlas_marks_get_n_marks (atlas_diagram_view_get_marks (view)) != 1)
        fail_msg ("the %s view drew %u marks after a tour and a quiz", views[i],
                  atlas_marks_get_n_marks (atlas_diagram_view_get_marks (view)));
      ctrl_key (f, XK_d, FALSE);
    }
}

static gboolean
has_result (gpointer list)
{
  return gtk_list_box_get_row_at_index (list, 0) != NULL;
}

/* Enter on a result the user moved to with Down shows it and closes the search for good: the
 * focus is on the diagram, not back in an empty search. (Here, with the other pointer tests,
 * because it needs real key events.) */
static void
test_enter_on_a_search_result (void **state)
{
  Fixture *f = *state;
  GtkSearchBar *bar = atlas_test_window_child (f->window, "search_bar");

  atlas_window_set_view (f->window, "front");
  settle ();
  ctrl_key (f, XK_f, FALSE);
  assert_true (gtk_search_bar_get_search_mode (bar));
  for (const char *p = "psoas major"; *p; p++)
    plain_key (f, *p == ' ' ? XK_space : (KeySym) *p);
  assert_true (atlas_test_wait_for (has_result, atlas_test_window_child (f->window, "search_results"), 3000));
  plain_key (f, XK_Down);
  plain_key (f, XK_Return);
  atlas_test_wait_for (done_waiting, NULL, 500);
  settle ();

  assert_false (gtk_search_bar_get_search_mode (bar));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    if (!ATLAS_IS_DIAGRAM_VIEW (focus))
      fail_msg ("the focus is on a %s, not on the diagram", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  }
  assert_non_null (atlas_diagram_view_get_selected_region (atlas_test_window_view (f->window, "front")));
}

/* A note is typed where it goes; Start Over clears every view's marks, and undo brings them back. */
static void
test_note_and_start_over (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *view = atlas_test_window_view (f->window, "side");
  AtlasViewPage *page = atlas_test_window_child (f->window, "side_page");
  AtlasMarks *marks = atlas_diagram_view_get_marks (view);
  double w = gtk_widget_get_width (GTK_WIDGET (view)), h = gtk_widget_get_height (GTK_WIDGET (view));
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (page), "page.drawing", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.draw-tool", "s", "note");
  move (f, view, w * 0.6, h * 0.3);
  button (f, TRUE);
  button (f, FALSE);

  entry = atlas_test_find_by_type (GTK_WIDGET (view), GTK_TYPE_ENTRY);
  assert_non_null (entry);
  assert_true (gtk_widget_get_mapped (entry));
  assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));
  type_line (f, "tight here");
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);
  assert_string_equal (atlas_marks_get_mark (marks, 0)->text, "tight here");
  assert_false (gtk_widget_get_mapped (entry));

  /* The handout carries the marks: its diagram page differs from one without them. */
  {
    g_autofree char *dir = g_dir_make_tmp ("atlas-drawing-XXXXXX", NULL);
    g_autofree char *marked = g_build_filename (dir, "marked.pdf", NULL);
    g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
    g_autofree char *marked_data = NULL;
    g_autofree char *plain_data = NULL;
    gsize marked_length, plain_length;

    assert_true (atlas_window_export_handout (f->window, marked, NULL));
    atlas_marks_clear (marks);
    assert_true (atlas_window_export_handout (f->window, plain, NULL));
    assert_true (atlas_marks_undo (marks));
    assert_true (g_file_get_contents (marked, &marked_data, &marked_length, NULL));
    assert_true (g_file_get_contents (plain, &plain_data, &plain_length, NULL));
    assert_true (marked_length > plain_length + 200);
    g_unlink (marked);
    g_unlink (plain);
    g_rmdir (dir);
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-over", NULL);
  settle ();
  assert_int_equal (atlas_marks_get_n_marks (marks), 0);
  assert_false (atlas_diagram_view_get_drawing (view));
  /* Marks alone are worth a toast too: its Undo brings them back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-clear", NULL);
  settle ();
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);

  /* With a symptom ticked, Start Over's toast offers Undo: it brings the marks back too. */
  gtk_check_button_set_active (atlas_checklist_pane_get_check_button (atlas_test_window_child (f->window, "symptom_checklist"),
                                                                      "front-hip-tightness"), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-over", NULL);
  settle ();
  assert_int_equal (atlas_marks_get_n_marks (marks), 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-clear", NULL);
  settle ();
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);
}

/* What the view draws, as packed 32-bit pixels (B, G, R, A in memory). */
static guchar *
render_view (AtlasDiagramView *view,
             int              *width,
             int              *height)
{
  GtkWidget *widget = GTK_WIDGET (view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  assert_non_null (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

/* The box of pixels the marks change: the view drawn with them against without them. */
static void
marks_bounds (AtlasDiagramView *view,
              double           *left,
              double           *top,
              double           *right,
              double           *bottom)
{
  AtlasMarks *marks = atlas_diagram_view_get_marks (view);
  g_autofree guchar *with = NULL;
  g_autofree guchar *without = NULL;
  int width, height;

  settle ();
  with = render_view (view, &width, &height);
  atlas_marks_clear (marks);
  settle ();
  without = render_view (view, &width, &height);
  assert_true (atlas_marks_undo (marks));
  settle ();

  *left = *top = G_MAXDOUBLE;
  *right = *bottom = -G_MAXDOUBLE;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *a = with + 4 * ((gsize) y * width + x), *b = without + 4 * ((gsize) y * width + x);

        if (abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]) > 60)
          {
            *left = MIN (*left, x);
            *top = MIN (*top, y);
            *right = MAX (*right, x + 1);
            *bottom = MAX (*bottom, y + 1);
          }
      }
  assert_true (*right > *left && *bottom > *top);
}

/* A mark drawn on the thigh at neutral stays on the thigh when the posture slider goes to
 * shortened: it is drawn moved by as far as the femur's anchor moved, and the eraser finds it
 * there. */
static void
test_mark_follows_posture (void **state)
{
  Fixture *f = *state;
  AtlasDiagramView *view = atlas_test_window_view (f->window, "side");
  AtlasViewPage *page = atlas_test_window_child (f->window, "side_page");
  AtlasMarks *marks = atlas_diagram_view_get_marks (view);
  const AtlasRegion *femur;
  double femur0_x, femur0_y, femur1_x, femur1_y, x, y;
  double l0, t0, r0, b0, l1, t1, r1, b1;
  double stroke[6];

  assert_true (atlas_diagram_view_is_morphable (view));
  atlas_diagram_view_set_morph (view, 0.0);
  settle ();
  femur = atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (view), "femur-right");
  assert_non_null (femur);
  atlas_diagram_view_doc_to_widget (view, femur->anchor_x, femur->anchor_y, &femur0_x, &femur0_y);

  /* A short stroke just below the femur's anchor. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.drawing", NULL);
  assert_true (atlas_diagram_view_get_drawing (view));
  /* The drawing moves below the drawing toolbar as it appears; the stroke goes where the
   * femur then is. */
  settle ();
  atlas_diagram_view_doc_to_widget (view, femur->anchor_x, femur->anchor_y, &femur0_x, &femur0_y);
  atlas_diagram_view_doc_to_widget (view, femur->anchor_x - 10, femur->anchor_y + 10, &x, &y);
  stroke[0] = x, stroke[1] = y;
  atlas_diagram_view_doc_to_widget (view, femur->anchor_x + 10, femur->anchor_y + 25, &x, &y);
  stroke[2] = x, stroke[3] = y;
  atlas_diagram_view_doc_to_widget (view, femur->anchor_x + 15, femur->anchor_y + 45, &x, &y);
  stroke[4] = x, stroke[5] = y;
  drag (f, view, stroke, 3);
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);
  assert_float_equal (atlas_marks_get_mark (marks, 0)->morph, 0.0, 1e-9);
  marks_bounds (view, &l0, &t0, &r0, &b0);

  atlas_diagram_view_set_morph (view, 1.0);
  settle ();
  femur = atlas_diagram_lookup_region (atlas_diagram_view_get_diagram (view), "femur-right");
  atlas_diagram_view_doc_to_widget (view, femur->anchor_x, femur->anchor_y, &femur1_x, &femur1_y);
  /* The femur moves on screen, or this would prove nothing. */
  assert_true (hypot (femur1_x - femur0_x, femur1_y - femur0_y) > 10);
  marks_bounds (view, &l1, &t1, &r1, &b1);

  print_message ("mark moved %.1f,%.1f px; femur %.1f,%.1f px\n", l1 - l0, t1 - t0, femur1_x - femur0_x, femur1_y - femur0_y);
  assert_float_equal (l1 - l0, femur1_x - femur0_x, 2.0);
  assert_float_equal (r1 - r0, femur1_x - femur0_x, 2.0);
  assert_float_equal (t1 - t0, femur1_y - femur0_y, 2.0);
  assert_float_equal (b1 - b0, femur1_y - femur0_y, 2.0);

  /* The eraser finds it where it is drawn now, and not where it was. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.draw-tool", "s", "eraser");
  move (f, view, stroke[2], stroke[3]);
  button (f, TRUE);
  button (f, FALSE);
  assert_int_equal (atlas_marks_get_n_marks (marks), 1);
  move (f, view, stroke[2] + femur1_x - femur0_x, stroke[3] + femur1_y - femur0_y);
  button (f, TRUE);
  button (f, FALSE);
  assert_int_equal (atlas_marks_get_n_marks (marks), 0);
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_draw_with_the_pointer, setup, teardown),
    cmocka_unit_test_setup_teardown (test_draw_after_a_tour_and_a_quiz, setup, teardown),
    cmocka_unit_test_setup_teardown (test_enter_on_a_search_result, setup, teardown),
    cmocka_unit_test_setup_teardown (test_note_and_start_over, setup, teardown),
    cmocka_unit_test_setup_teardown (test_mark_follows_posture, setup, teardown),
  };
  void *library;

  gtk_init ();

  library = dlopen ("libXtst.so.6", RTLD_NOW);
  if (library == NULL)
    {
      g_printerr ("libXtst.so.6 is needed to send pointer events: %s\n", dlerror ());
      return 1;
    }
  xtest.motion = (FakeMotionFunc) dlsym (library, "XTestFakeMotionEvent");
  xtest.button = (FakeButtonFunc) dlsym (library, "XTestFakeButtonEvent");
  xtest.key = (FakeKeyFunc) dlsym (library, "XTestFakeKeyEvent");
  if (xtest.motion == NULL || xtest.button == NULL || xtest.key == NULL)
    return 1;

  return cmocka_run_group_tests_name ("drawing", tests, NULL, NULL);
}
