/* atlas-structure-list.c — every region of the current diagram as a keyboard-reachable list.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 cannot expose parts of a drawing to assistive technologies, so each region is also a
 * real row here: keyboard and screen reader users select, and hear, exactly what a pointer
 * user clicks. Rows are grouped (bones, muscles, …) and ordered from head to foot, following
 * the psoas down its path. Selection is kept in step with the diagram both ways.
 *
 * The selection does not follow the keyboard focus: the list box selects nothing itself, and
 * only activating a row (a click, Enter or Space) selects it. So arrowing through the list to
 * find a name does not rewrite the explanation at every step, and during a quiz moving
 * through the list answers nothing.
 *
 * Building a row costs far more than drawing it (a wrapping label to style and measure), and
 * only a third of them fit in the sidebar at the start. So a new list builds the rows that can
 * be seen at once, and the rest just after the window's next frame; anything that reaches for a
 * row before that (a selection from the diagram, search or a tour, the keyboard entering the
 * list, a caller asking for a row) has all of them built first. The same regions in the same
 * order (a view re-synced without a change) keep their rows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-structure-list.h"
#include "atlas-structures.h"

struct _AtlasStructureList
{
  GtkWidget          parent_instance;

  GtkWidget         *scroller;
  GtkListBox        *list_box;
  AtlasDiagram      *diagram;
  AtlasContent      *content;
  GHashTable        *rows;      /* region id → row, for the rows built so far */
  GPtrArray         *items;     /* the rows to show, in order (Item) */
  guint              n_built;   /* items[0 .. n_built) have their rows */
  GHashTable        *hits;      /* ids of regions a ticked symptom points to */
  char              *selected;

  GdkFrameClock     *clock;     /* while waiting for a frame to build the rest after */
  gulong             after_paint_id;
  guint              build_idle_id;
};

/* One row to show: what it is called and under which heading. */
typedef struct
{
  char       *id;
  char       *name;
  AtlasGroup  group;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->id);
  g_free (item->name);
  g_free (item);
}

G_DEFINE_FINAL_TYPE (AtlasStructureList, atlas_structure_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

enum {
  SIGNAL_REGION_HOVERED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const AtlasRegion *
row_region (AtlasStructureList *self,
            GtkListBoxRow      *row)
{
  return atlas_diagram_lookup_region (self->diagram, g_object_get_data (G_OBJECT (row), "region-id"));
}

typedef struct
{
  const AtlasRegion *region;
  AtlasGroup         group;
  double             structure_y; /* the highest anchor among the structure's sides */
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;
  int cmp;

  if (ka->group != kb->group)
    return ka->group < kb->group ? -1 : 1;

  /* Head to foot, following the psoas down its path; the two sides of one structure sit
   * together, the patient's right first, as a clinician reads an image. */
  if (ka->structure_y != kb->structure_y)
    return ka->structure_y < kb->structure_y ? -1 : 1;
  if ((cmp = g_strcmp0 (ka->region->structure, kb->region->structure)) != 0)
    return cmp;
  if (ka->region->side != kb->region->side)
    return ka->region->side == ATLAS_SIDE_RIGHT ? -1 : 1;

  return ka->region->index < kb->region->index ? -1 : ka->region->index > kb->region->index;
}

static void
row_enter_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              AtlasStructureList       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_signal_emit (self, signals[SIGNAL_REGION_HOVERED], 0, g_object_get_data (G_OBJECT (row), "region-id"));
}

static void
row_leave_cb (GtkEventControllerMotion *controller,
              AtlasStructureList       *self)
{
  g_signal_emit (self, signals[SIGNAL_REGION_HOVERED], 0, NULL);
}

static void
row_activated_cb (AtlasStructureList *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list_box)
{
  atlas_structure_list_set_selected (self, g_object_get_data (G_OBJECT (row), "region-id"));
}

/* The list box's own selection is off (see the top of the file); the chosen row is marked the
 * way the list box would mark it, for the style sheet and for screen readers. */
/* What a screen reader says after a row's name: for the chosen row, what the structure is
 * (the explanation's first lines, which the user would otherwise have to go and find); for a
 * row a ticked symptom points to, that. Changing it on the focused row is what gets spoken
 * when Enter chooses it. */
static void
describe_row (AtlasStructureList *self,
              GtkWidget          *row)
{
  gboolean chosen = (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0;
  gboolean hit = gtk_widget_has_css_class (row, "atlas-symptom-hit");
  const AtlasRegion *region = self->diagram ? row_region (self, GTK_LIST_BOX_ROW (row)) : NULL;
  const AtlasRegionContent *entry = chosen && region && self->content ? atlas_content_get_region (self->content, region->structure) : NULL;
  g_autofree char *summary = entry ? atlas_rich_text_to_plain (entry->summary) : NULL;
  g_autoptr(GString) description = g_string_new (summary);

  if (hit)
    g_string_append_printf (description, "%s%s", description->len ? " " : "", _("Linked to a ticked symptom"));

  if (description->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
mark_row (AtlasStructureList *self,
          GtkWidget          *row,
          gboolean            selected)
{
  if (selected)
    gtk_widget_set_state_flags (row, GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (row, GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
  describe_row (self, row);
}

static gboolean
same_items (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Item *ia = g_ptr_array_index (a, i);
      const Item *ib = g_ptr_array_index (b, i);

      if (ia->group != ib->group || !g_str_equal (ia->id, ib->id) || !g_str_equal (ia->name, ib->name))
        return FALSE;
    }
  return TRUE;
}

static void
stop_waiting_for_frame (AtlasStructureList *self)
{
  /* (A destroyed window's clock may have dropped its handlers already.) */
  if (self->clock != NULL && g_signal_handler_is_connected (self->clock, self->after_paint_id))
    g_signal_handler_disconnect (self->clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->clock);
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
}

static void
clear_rows (AtlasStructureList *self)
{
  GtkWidget *child;

  stop_waiting_for_frame (self);
  /* From the end, so no row ever becomes the first and gets its header moved. */
  while ((child = gtk_widget_get_last_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_hash_table_remove_all (self->rows);
  g_ptr_array_set_size (self->items, 0);
  self->n_built = 0;
}

/* A group's heading sits above its first row. Only the list box's header function puts a
 * header on screen (a header set from outside it is measured but never shown), so there is
 * one; it keeps a heading it made before, so each is made once, not on every call. */
static GtkWidget *
make_header (AtlasGroup group,
             gboolean   first)
{
  GtkWidget *header = gtk_label_new (atlas_group_get_title (group));

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, first ? 6 : 12);
  gtk_widget_set_margin_bottom (header, 3);
  g_object_set_data (G_OBJECT (header), "group", GINT_TO_POINTER (group + 1));
  g_object_set_data (G_OBJECT (header), "first", GINT_TO_POINTER (first));
  return header;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  int group = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "group"));
  GtkWidget *header = gtk_list_box_row_get_header (row);

  if (before != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "group")) == group)
    {
      if (header != NULL)
        gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (header != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (header), "group")) == group &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (header), "first")) == (before == NULL))
    return;

  gtk_list_box_row_set_header (row, make_header (group - 1, before == NULL));
}

static void
mark_hit (AtlasStructureList *self,
          GtkWidget          *row,
          gboolean            hit)
{
  if (hit == gtk_widget_has_css_class (row, "atlas-symptom-hit"))
    return;

  if (hit)
    gtk_widget_add_css_class (row, "atlas-symptom-hit");
  else
    gtk_widget_remove_css_class (row, "atlas-symptom-hit");
  describe_row (self, row);
}

/* Builds the rows of items[n_built .. n). */
static void
build_rows (AtlasStructureList *self,
            guint               n)
{
  n = MIN (n, self->items->len);

  for (; self->n_built < n; self->n_built++)
    {
      const Item *item = g_ptr_array_index (self->items, self->n_built);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (item->name);
      GtkEventController *motion = gtk_event_controller_motion_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      /* A wrapping label's smallest width is otherwise found by laying its text out at every
       * break, for every row on every measure: two thirds of the list's cost at start-up. Ten
       * characters is narrower than the sidebar ever is, and a longer word still wraps inside. */
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_widget_set_margin_start (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, item->name, -1);
      g_object_set_data_full (G_OBJECT (row), "region-id", g_strdup (item->id), g_free);
      g_signal_connect (motion, "enter", G_CALLBACK (row_enter_cb), self);
      g_signal_connect (motion, "leave", G_CALLBACK (row_leave_cb), self);
      gtk_widget_add_controller (row, motion);
      g_object_set_data (G_OBJECT (row), "group", GINT_TO_POINTER (item->group + 1));
      gtk_list_box_append (self->list_box, row);
      g_hash_table_insert (self->rows, g_strdup (item->id), row);
      if (g_hash_table_contains (self->hits, item->id))
        mark_hit (self, row, TRUE);
    }
}

/* Every row, now: something is about to look for one. */
static void
build_all_rows (AtlasStructureList *self)
{
  if (self->n_built == self->items->len)
    return;

  stop_waiting_for_frame (self);
  build_rows (self, self->items->len);
}

static gboolean
build_rest_idle_cb (gpointer user_data)
{
  AtlasStructureList *self = user_data;

  self->build_idle_id = 0;
  build_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* The frame showing the first rows is out: the rest follow at once, before the user can
 * scroll to them or a screen reader walk the list. */
static void
frame_painted_cb (GdkFrameClock      *clock,
                AtlasStructureList *self)
{
  g_clear_signal_handler (&self->after_paint_id, self->clock);
  g_clear_object (&self->clock);
  if (self->build_idle_id == 0)
    self->build_idle_id = g_idle_add (build_rest_idle_cb, self);
}

static void
wait_for_frame (AtlasStructureList *self)
{
  GdkFrameClock *clock;

  if (self->n_built == self->items->len || self->after_paint_id != 0 || self->build_idle_id != 0)
    return;

  clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  if (clock == NULL)
    return; /* map_cb comes back here */

  self->clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
map_cb (AtlasStructureList *self)
{
  wait_for_frame (self);
}

/* Unmapped, the list may get another clock when shown again: map_cb waits on that one. */
static void
unmap_cb (AtlasStructureList *self)
{
  if (self->after_paint_id != 0)
    stop_waiting_for_frame (self);
}

/* How much of the list can be on screen: the part scrolled to in a list already shown, the
 * whole window's height in one about to be (an upper bound, as the list sits below a header
 * bar), or the tallest monitor's for a maximized or unknown window. */
static int
visible_height (AtlasStructureList *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *monitors;
  int width, height = 0;

  if (gtk_widget_get_height (self->scroller) > 0)
    return gtk_adjustment_get_value (adjustment) + gtk_widget_get_height (self->scroller);

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height); /* (4.8 needs both) */
  if (height > 0)
    return height;

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return height > 0 ? height : 2000;
}

/* Builds the rows that fill the visible height; the rest wait for the next frame. */
static void
build_visible_rows (AtlasStructureList *self)
{
  int height = visible_height (self);
  int filled = 0;

  while (self->n_built < self->items->len && filled <= height)
    {
      GtkWidget *row;
      int row_height;

      build_rows (self, self->n_built + 1);
      row = g_hash_table_lookup (self->rows, ((const Item *) g_ptr_array_index (self->items, self->n_built - 1))->id);
      /* Heights without a width: a name wrapping on two lines in a narrow sidebar counts as
       * one, so a few more rows are built than fit, never fewer. The header is a sibling. */
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, &row_height, NULL, NULL, NULL);
      filled += MAX (row_height, 1);
      if (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row)) != NULL)
        {
          GtkWidget *header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));
          int header_height;

          gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, -1, &header_height, NULL, NULL, NULL);
          filled += header_height + gtk_widget_get_margin_top (header) + gtk_widget_get_margin_bottom (header);
        }
    }
  wait_for_frame (self);
}

void
atlas_structure_list_set_diagram (AtlasStructureList *self,
                                  AtlasDiagram       *diagram)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);

  g_return_if_fail (ATLAS_IS_STRUCTURE_LIST (self));
  g_return_if_fail (diagram == NULL || ATLAS_IS_DIAGRAM (diagram));

  if (diagram != NULL)
    {
      g_autoptr(GHashTable) tops = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (SortKey));

      for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
        {
          const AtlasRegion *region = atlas_diagram_get_region (diagram, i);
          double *top = g_hash_table_lookup (tops, region->structure);

          if (top == NULL)
            {
              top = g_new (double, 1);
              *top = region->anchor_y;
              g_hash_table_insert (tops, region->structure, top);
            }
          *top = MIN (*top, region->anchor_y);
        }

      for (guint i = 0; i < atlas_diagram_get_n_regions (diagram); i++)
        {
          const AtlasRegion *region = atlas_diagram_get_region (diagram, i);
          SortKey key = { region, atlas_region_get_group (region), *(double *) g_hash_table_lookup (tops, region->structure) };

          if (atlas_diagram_region_is_visible (diagram, region))
            g_array_append_val (keys, key);
        }
      g_array_sort (keys, compare_keys);

      for (guint i = 0; i < keys->len; i++)
        {
          const SortKey *key = &g_array_index (keys, SortKey, i);
          Item *item = g_new (Item, 1);

          item->id = g_strdup (key->region->id);
          item->name = atlas_region_dup_display_name (key->region, self->content);
          item->group = key->group;
          g_ptr_array_add (items, item);
        }
    }

  g_set_object (&self->diagram, diagram);

  /* The window re-syncs the list whenever its view might have changed (loading, a posture, a
   * layer); when the rows would come out the same, the ones there are kept. */
  if (!same_items (self->items, items))
    {
      clear_rows (self);
      g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&items));
      build_visible_rows (self);
    }

  atlas_structure_list_set_selected (self, NULL);
}

/**
 * atlas_structure_list_set_content:
 * @content: (nullable): where the names of the rows come from
 */
void
atlas_structure_list_set_content (AtlasStructureList *self,
                                  AtlasContent       *content)
{
  g_autoptr(AtlasDiagram) diagram = NULL;
  g_autofree char *selected = NULL;

  g_return_if_fail (ATLAS_IS_STRUCTURE_LIST (self));

  if (!g_set_object (&self->content, content) || self->diagram == NULL)
    return;

  diagram = g_object_ref (self->diagram);
  selected = g_strdup (self->selected);
  /* Other names, and with another language other headings: every row is made again. */
  clear_rows (self);
  atlas_structure_list_set_diagram (self, diagram);
  atlas_structure_list_set_selected (self, selected);
}

const char *
atlas_structure_list_get_selected (AtlasStructureList *self)
{
  g_return_val_if_fail (ATLAS_IS_STRUCTURE_LIST (self), NULL);

  return self->selected;
}

static void
scroll_to_row (AtlasStructureList *self,
               GtkWidget          *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;
  double value, page;

  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_box), &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
}

void
atlas_structure_list_set_selected (AtlasStructureList *self,
                                   const char         *region_id)
{
  GtkWidget *row;

  g_return_if_fail (ATLAS_IS_STRUCTURE_LIST (self));

  if (region_id != NULL)
    build_all_rows (self);
  row = region_id ? g_hash_table_lookup (self->rows, region_id) : NULL;
  if (row == NULL)
    region_id = NULL;

  {
    GtkWidget *old_row = self->selected ? g_hash_table_lookup (self->rows, self->selected) : NULL;

    if (old_row != NULL && old_row != row)
      mark_row (self, old_row, FALSE);
  }
  if (row != NULL)
    {
      mark_row (self, row, TRUE);
      scroll_to_row (self, row);
    }

  if (g_strcmp0 (self->selected, region_id) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (region_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

/**
 * atlas_structure_list_set_region_weights:
 * @weights: (nullable) (element-type utf8 double): regions the ticked symptoms point to
 *
 * Marks the rows of those regions, for sight and for screen readers alike.
 */
void
atlas_structure_list_set_region_weights (AtlasStructureList *self,
                                         GHashTable         *weights)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (ATLAS_IS_STRUCTURE_LIST (self));

  /* Kept for the rows not built yet. */
  g_hash_table_remove_all (self->hits);
  if (weights != NULL)
    {
      g_hash_table_iter_init (&iter, weights);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (self->hits, g_strdup (key));
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mark_hit (self, value, g_hash_table_contains (self->hits, key));
}

GtkListBox *
atlas_structure_list_get_list_box (AtlasStructureList *self)
{
  g_return_val_if_fail (ATLAS_IS_STRUCTURE_LIST (self), NULL);

  build_all_rows (self);
  return self->list_box;
}

/**
 * atlas_structure_list_get_row:
 *
 * Returns: (transfer none) (nullable): the row for @region_id
 */
GtkWidget *
atlas_structure_list_get_row (AtlasStructureList *self,
                              const char         *region_id)
{
  g_return_val_if_fail (ATLAS_IS_STRUCTURE_LIST (self), NULL);

  build_all_rows (self);
  return g_hash_table_lookup (self->rows, region_id);
}

static void
atlas_structure_list_dispose (GObject *object)
{
  AtlasStructureList *self = ATLAS_STRUCTURE_LIST (object);

  stop_waiting_for_frame (self);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->list_box = NULL;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->hits, g_hash_table_unref);
  g_clear_object (&self->diagram);
  g_clear_object (&self->content);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (atlas_structure_list_parent_class)->dispose (object);
}

static void
atlas_structure_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasStructureList *self = ATLAS_STRUCTURE_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_structure_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasStructureList *self = ATLAS_STRUCTURE_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      atlas_structure_list_set_selected (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_structure_list_class_init (AtlasStructureListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_structure_list_dispose;
  object_class->get_property = atlas_structure_list_get_property;
  object_class->set_property = atlas_structure_list_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasStructureList::region-hovered:
   * @region_id: (nullable): the region under the pointer, or %NULL when it left the list
   */
  signals[SIGNAL_REGION_HOVERED] =
    g_signal_new ("region-hovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlas-structure-list");
}

static void
atlas_structure_list_init (AtlasStructureList *self)
{
  GtkEventController *focus;

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmap_cb), NULL);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);
  gtk_list_box_set_activate_on_single_click (self->list_box, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Structures in this view"), -1);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  /* The keyboard reaches every row (End, Page Down) once it is in the list. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (build_all_rows), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), focus);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_box));
}

GtkWidget *
atlas_structure_list_new (void)
{
  return g_object_new (ATLAS_TYPE_STRUCTURE_LIST, NULL);
}
