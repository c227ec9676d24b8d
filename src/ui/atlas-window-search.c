/* atlas-window-search.c — the main window's "find anything": Ctrl+F, the entry, the results.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index and the matching are the core's (atlas-search.c); this file shows its answers
 * grouped by kind under the entry and does what choosing one means: a structure is selected
 * in a view that shows it (switching view if need be), a symptom or warning sign gets the
 * keyboard focus in the checklist without being ticked, a term opens its definition and an
 * exercise opens in the explanation of a structure it works on. Typing a name, in the
 * structure list or anywhere else in the window, starts a search too.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-language.h"
#include "atlas-window-private.h"

#define MAX_PER_KIND 6

static AtlasViewPage *
page_named (AtlasWindow *self,
            const char  *name)
{
  GtkWidget *child = name ? adw_view_stack_get_child_by_name (self->view_stack, name) : NULL;

  return ATLAS_IS_VIEW_PAGE (child) ? ATLAS_VIEW_PAGE (child) : NULL;
}

/* The first region of @structure in @page's picture, preferring one on show. */
static const AtlasRegion *
find_region (AtlasViewPage *page,
             const char    *structure)
{
  AtlasDiagram *diagram;
  const AtlasRegion *hidden = NULL;

  if (page == NULL || !atlas_view_page_ensure_loaded (page))
    return NULL;

  diagram = atlas_diagram_view_get_diagram (atlas_view_page_get_diagram_view (page));
  for (guint i = 0; diagram != NULL && i < atlas_diagram_get_n_regions (diagram); i++)
    {
      const AtlasRegion *region = atlas_diagram_get_region (diagram, i);

      if (!g_str_equal (region->structure, structure))
        continue;
      if (atlas_diagram_region_is_visible (diagram, region))
        return region;
      hidden = hidden ? hidden : region;
    }
  return hidden;
}

/**
 * atlas_window_show_structure:
 * @structure: a structure id, such as "psoas-major"
 *
 * Selects @structure in the visible view if it shows it, else in the first view that does,
 * which becomes visible; the explanation follows.
 *
 * Returns: %FALSE if no view has it
 */
gboolean
atlas_window_show_structure (AtlasWindow *self,
                             const char  *structure)
{
  const char *names[] = { atlas_window_get_view (self), "front", "side", "section" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AtlasViewPage *page = page_named (self, names[i]);
      const AtlasRegion *region = find_region (page, structure);
      AtlasDiagramView *view;

      if (region == NULL)
        continue;

      atlas_window_set_view (self, names[i]);
      view = atlas_view_page_get_diagram_view (page);
      /* A nerve is drawn on a layer that may be off. */
      if (!atlas_diagram_region_is_visible (atlas_diagram_view_get_diagram (view), region))
        atlas_diagram_view_set_show_nerves (view, TRUE);
      atlas_diagram_view_set_selected_region (view, region->id);
      atlas_diagram_view_reveal_region (view, region->id);
      atlas_window_set_show_explanation (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
search_done (AtlasWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Closing the search puts the focus back where the user was before it opened: the widget
 * that had it, or the search button if that one is gone. Left alone, GTK would hand the focus
 * of the closing entry to the first thing it finds (the Structures tab). */
static void
return_focus (AtlasWindow *self)
{
  GtkWidget *target = self->focus_before_search;

  if (target == NULL || gtk_widget_get_root (target) != GTK_ROOT (self) || !gtk_widget_get_mapped (target)
      || !gtk_widget_is_sensitive (target) || gtk_widget_is_ancestor (target, GTK_WIDGET (self->search_bar)))
    target = GTK_WIDGET (self->search_button);

  gtk_widget_grab_focus (target);
}

/* The focus is followed while the search is closed, to know where to return to. */
static void
focus_widget_cb (AtlasWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || gtk_search_bar_get_search_mode (self->search_bar)
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
    return;

  g_set_weak_pointer (&self->focus_before_search, focus);
}

static gboolean
is_chooser_key (guint keyval)
{
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
         keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space;
}

static gboolean
resume_key_capture_cb (gpointer data)
{
  AtlasWindow *self = data;

  self->capture_resume_id = 0;
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* The key that chose a result is still down when the search closes: its release would reach
 * the search bar, which takes keys typed anywhere in the window, and open the search again,
 * empty, with the focus in it. So the bar stops taking keys until that key is up. */
static void
pause_key_capture (AtlasWindow *self)
{
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  g_clear_handle_id (&self->capture_resume_id, g_source_remove);
  /* In case the release never comes here (the focus left the window meanwhile). */
  self->capture_resume_id = g_timeout_add_seconds (2, resume_key_capture_cb, self);
}

static gboolean
result_key_pressed_cb (AtlasWindow *self,
                       guint        keyval)
{
  self->result_key_down = is_chooser_key (keyval);
  return GDK_EVENT_PROPAGATE;
}

static void
result_key_released_cb (AtlasWindow *self,
                        guint        keyval)
{
  self->result_key_down = FALSE;
  if (is_chooser_key (keyval) && self->capture_resume_id != 0)
    {
      g_source_remove (self->capture_resume_id);
      self->capture_resume_id = g_idle_add (resume_key_capture_cb, self);
    }
}

static void
activate_result (AtlasWindow     *self,
                 AtlasSearchKind  kind,
                 const char      *row_id)
{
  /* Closing the search empties the list, and the row with it. */
  g_autofree char *id = g_strdup (row_id);
  gboolean focused = FALSE;

  /* Where the result is shown takes the focus; Escape from a term's definition comes back to
   * where the user was before searching, so the focus goes there first. */
  self->choosing_result = TRUE;
  if (self->result_key_down)
    pause_key_capture (self);
  search_done (self);
  self->choosing_result = FALSE;

  switch (kind)
    {
    case ATLAS_SEARCH_STRUCTURE:
      /* The focus goes to the diagram, whose description names what is now selected: the
       * entry it was in has just closed. */
      if (atlas_window_show_structure (self, id))
        focused = gtk_widget_grab_focus (GTK_WIDGET (atlas_view_page_get_diagram_view (atlas_window_get_visible_page (self))));
      break;

    case ATLAS_SEARCH_SYMPTOM:
    case ATLAS_SEARCH_RED_FLAG:
      atlas_window_set_show_checklist (self, TRUE);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "symptoms");
      focused = atlas_checklist_pane_focus_item (self->symptom_checklist, id);
      break;

    case ATLAS_SEARCH_TERM:
      {
        g_autofree char *uri = g_strconcat ("term:", id, NULL);

        /* The definition's popover takes the focus once it shows, and gives it back on
         * closing to what had it when it opened. */
        return_focus (self);
        focused = TRUE;
        atlas_window_set_show_explanation (self, TRUE);
        atlas_explanation_pane_activate_link (self->explanation_pane, uri);
      }
      break;

    case ATLAS_SEARCH_EXERCISE:
      {
        const AtlasExercise *exercise = self->content ? atlas_content_get_exercise (self->content, id) : NULL;

        for (guint i = 0; exercise != NULL && exercise->regions[i] != NULL; i++)
          if (atlas_window_show_structure (self, exercise->regions[i]))
            {
              atlas_explanation_pane_open_exercise (self->explanation_pane, id);
              break;
            }
      }
      break;

    case ATLAS_SEARCH_N_KINDS:
    default:
      g_return_if_reached ();
    }

  if (!focused)
    return_focus (self);
}

static void
result_activated_cb (AtlasWindow   *self,
                     GtkListBoxRow *row)
{
  activate_result (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind")),
                   g_object_get_data (G_OBJECT (row), "id"));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  AtlasSearchKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  GtkWidget *header;

  if (before != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "kind")) == (int) kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = g_object_new (GTK_TYPE_LABEL,
                         "label", atlas_search_kind_get_title (kind),
                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                         "xalign", 0.0f,
                         "margin-start", 12,
                         "margin-top", before != NULL ? 12 : 6,
                         "margin-bottom", 3,
                         NULL);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

/* The content's index in the running language, under this key on the content. */
static char *
index_key (void)
{
  g_autofree char *language = atlas_language_dup_current ();

  return g_strconcat ("atlas-search-index-", language != NULL ? language : "", NULL);
}

/* The index is built once per content (and language), not per window, and only when a window
 * first searches: it costs more than the window's first frame is worth waiting for. */
AtlasSearchIndex *
_atlas_window_ensure_search_index (AtlasWindow *self)
{
  g_autofree char *key = index_key ();
  AtlasSearchIndex *index;

  if (self->content == NULL)
    return NULL;

  index = g_object_get_data (G_OBJECT (self->content), key);
  if (index == NULL)
    {
      index = atlas_search_index_new (self->content);
      g_object_set_data_full (G_OBJECT (self->content), key, index, (GDestroyNotify) atlas_search_index_free);
    }
  return index;
}

/**
 * _atlas_window_peek_search_index:
 *
 * Returns: (nullable): the index of the window's content if some window has built it
 */
AtlasSearchIndex *
_atlas_window_peek_search_index (AtlasWindow *self)
{
  g_autofree char *key = index_key ();

  return self->content != NULL ? g_object_get_data (G_OBJECT (self->content), key) : NULL;
}

static void
search_changed_cb (AtlasWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) results = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);

  if (self->content == NULL)
    return;

  results = atlas_search_index_query (_atlas_window_ensure_search_index (self), text, MAX_PER_KIND);
  for (guint i = 0; i < results->len; i++)
    {
      const AtlasSearchResult *result = g_ptr_array_index (results, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (result->title);
      /* Translators: a search result as a screen reader reads it, e.g. "Psoas major, Structures". */
      g_autofree char *name = g_strdup_printf (_("%s, %s"), result->title, atlas_search_kind_get_title (result->kind));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_widget_set_margin_start (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (result->kind));
      g_object_set_data_full (G_OBJECT (row), "id", g_strdup (result->id), g_free);
      gtk_list_box_append (self->search_results, row);
    }

  gtk_widget_set_visible (self->search_scroller, results->len > 0);

  /* The entry keeps the focus while typing: a change of its description is what a screen
   * reader speaks, so it says how many results there are, or that there are none. */
  if (text[0] == '\0')
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    {
      g_autofree char *count = results->len == 0
                               ? g_strdup (_("No results"))
                               /* Translators: read out while searching, e.g. "4 results". */
                               : g_strdup_printf (ngettext ("%u result", "%u results", results->len), results->len);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
    }
}

/* Enter in the entry chooses the best result. */
static void
search_activate_cb (AtlasWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkListBoxRow *row = NULL;

  /* The search bar hands keys typed anywhere in the window to the entry, Enter included: on a
   * result the user moved to, Enter means that result, not the first. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_results)))
    row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
  else if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self->search_results))
    row = GTK_LIST_BOX_ROW (focus);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->search_results, 0);

  if (row != NULL)
    result_activated_cb (self, row);
}

/* Down from the entry goes to the results. */
static gboolean
entry_key_cb (AtlasWindow           *self,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);

  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && first != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (first));

  return FALSE;
}

static void
search_mode_cb (AtlasWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      /* Built while the user types the first letters rather than after them. */
      if (self->content != NULL)
        _atlas_window_ensure_search_index (self);
    }
  else
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* GTK may already have moved the focus off the hidden entry, to the first thing it
       * found: that is not where the user was either. The search button keeps it when it
       * closed the search itself. */
      if (!self->choosing_result && focus != GTK_WIDGET (self->search_button))
        return_focus (self);
    }
}

void
atlas_window_find_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Called once the template is built. */
void
atlas_window_search_init (AtlasWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *release = gtk_event_controller_key_new ();

  /* Added before the search bar's own capture, so it runs first. */
  gtk_event_controller_set_propagation_phase (release, GTK_PHASE_CAPTURE);
  g_signal_connect_object (release, "key-pressed", G_CALLBACK (result_key_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (release, "key-released", G_CALLBACK (result_key_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), release);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing a name looks for it: in the structure list, or wherever the focus is (no other
   * part of the window takes letters). */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_list_box_set_header_func (self->search_results, header_func, NULL, NULL);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (search_done), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_results, "row-activated", G_CALLBACK (result_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/* The index is the content's, built at the first search (_atlas_window_ensure_search_index()). */
void
atlas_window_search_set_content (AtlasWindow  *self,
                                 AtlasContent *content)
{
  g_set_object (&self->content, content);
}
