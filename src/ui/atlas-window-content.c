/* atlas-window-content.c — the main window's content: what it shows at once, the user's packs
 * when they arrive, and the problems it reports (a skipped pack, a checklist that could not be
 * kept).
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-window-private.h"

static void
atlas_window_set_content (AtlasWindow  *self,
                          AtlasContent *content)
{
  atlas_explanation_pane_set_content (self->explanation_pane, content);
  atlas_structure_list_set_content (self->structure_list, content);
  g_set_object (&self->content, content);
  /* A page not built yet gets the content when it is (page_built_cb). */
  for (AtlasViewPage **page = (AtlasViewPage *[]) { self->front_page, self->side_page, self->section_page, NULL }; *page; page++)
    if (atlas_view_page_peek_diagram_view (*page) != NULL)
      atlas_diagram_view_set_content (atlas_view_page_peek_diagram_view (*page), content);
}

static void
checklist_problem_cb (AtlasWindow *self,
                      const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
atlas_window_setup_checklist (AtlasWindow  *self,
                              AtlasContent *content)
{
  g_autoptr(AtlasChecklist) checklist = atlas_checklist_new (content);
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "psoas-atlas", "checklist.ini", NULL);

  g_signal_connect_object (self->symptom_checklist, "problem", G_CALLBACK (checklist_problem_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->symptom_checklist, "cleared", G_CALLBACK (_atlas_window_checklist_cleared_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (checklist, "changed", G_CALLBACK (_atlas_window_sync_symptoms), self, G_CONNECT_SWAPPED);
  atlas_checklist_pane_setup (self->symptom_checklist, checklist, self->settings, path);
  atlas_explanation_pane_set_checklist (self->explanation_pane, checklist);
  _atlas_window_sync_symptoms (self);

  /* A kept checklist with a warning sign opens on that warning: it outranks everything. */
  if (atlas_checklist_has_red_flag (checklist))
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "symptoms");
      adw_flap_set_reveal_flap (self->checklist_flap, TRUE);
    }
}

static void
problems_response_cb (AdwMessageDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
_atlas_window_problems_action_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GPtrArray *problems = atlas_application_get_content_problems (ATLAS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  g_autofree char *body = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n\n" : "", (const char *) g_ptr_array_index (problems, i));

  body = g_strdup (_("These content packs were skipped. Everything else works as usual. "
                     "Fix the files listed below, or remove the packs, and restart Psoas Atlas."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Content Could Not Be Loaded"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  {
    GtkWidget *label = gtk_label_new (text->str);
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);

    gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "monospace");
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  }
  g_signal_connect (dialog, "response", G_CALLBACK (problems_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A skipped content pack is reported once, unobtrusively, with its details one click away. */
static void
atlas_window_report_content_problems (AtlasWindow *self)
{
  GPtrArray *problems = atlas_application_get_content_problems (ATLAS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  AdwToast *toast;

  if (problems->len == 0)
    return;

  toast = adw_toast_new (ngettext ("A content pack could not be loaded", "Some content packs could not be loaded", problems->len));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.content-problems");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Reading the user's packs usually takes a moment; if it takes longer, say so. */
static gboolean
show_loading_toast_cb (gpointer data)
{
  AtlasWindow *self = data;

  self->loading_timeout = 0;
  self->loading_toast = g_object_ref (adw_toast_new (_("Loading your content packs…")));
  adw_toast_set_timeout (self->loading_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->loading_toast));
  return G_SOURCE_REMOVE;
}

/* The user's packs are in: everything that lists content shows theirs too. */
static void
content_loaded_cb (AtlasWindow      *self,
                   GParamSpec       *pspec,
                   AtlasApplication *application)
{
  AtlasContent *content = atlas_application_get_content (application);
  g_autofree char *selected = g_strdup (atlas_structure_list_get_selected (self->structure_list));

  if (atlas_application_get_loading_content (application))
    return;
  g_signal_handlers_disconnect_by_func (application, content_loaded_cb, self);

  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  if (self->loading_toast != NULL)
    {
      adw_toast_dismiss (self->loading_toast);
      g_clear_object (&self->loading_toast);
    }

  /* The widgets keep the same content object, which has grown: have them read it again. */
  atlas_window_set_content (self, NULL);
  atlas_window_set_content (self, content);
  atlas_window_search_set_content (self, content);
  if (selected != NULL)
    _atlas_window_show_region (self, selected);
  atlas_checklist_pane_set_waiting_for_content (self->symptom_checklist, FALSE);
  atlas_window_report_content_problems (self);
}

/* The application's content, shown in every part of the window; the user's packs arrive later
 * and are shown too once read. */
void
_atlas_window_set_application_content (AtlasWindow      *self,
                                       AtlasApplication *app)
{
  AtlasContent *content = atlas_application_get_content (app);

  atlas_window_set_content (self, content);
  /* The user's packs may still be on their way: the window shows the built-in content at
   * once and theirs when it is read (content_loaded_cb). */
  if (atlas_application_get_loading_content (app))
    {
      atlas_checklist_pane_set_waiting_for_content (self->symptom_checklist, TRUE);
      g_signal_connect_object (app, "notify::loading-content", G_CALLBACK (content_loaded_cb), self, G_CONNECT_SWAPPED);
      self->loading_timeout = g_timeout_add (500, show_loading_toast_cb, self);
    }
  atlas_window_setup_checklist (self, content);
  atlas_window_classroom_set_content (self, content);
  atlas_window_search_set_content (self, content);
  if (!atlas_application_get_loading_content (app))
    atlas_window_report_content_problems (self);
}
