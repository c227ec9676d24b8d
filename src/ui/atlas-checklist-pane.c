/* atlas-checklist-pane.c — the symptom checklist: warning signs first, then symptoms, then what
 * the ticks point to.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane binds check buttons to an AtlasChecklist and shows what the core works out. Warning
 * signs (red flags) come first and, once one is ticked, an alert at the top says to get medical
 * care. The summary and the alert have a file of their own (atlas-checklist-pane-summary.c),
 * sharing atlas-checklist-pane-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <string.h>

#include "atlas-checklist-pane-private.h"
#include "atlas-ui.h"
#include "atlas-state-file.h"

G_DEFINE_FINAL_TYPE (AtlasChecklistPane, atlas_checklist_pane, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PROBLEM,
  SIGNAL_CLEARED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *group;
  const char *title;
} symptom_groups[] = {
  { "back", N_("Lower Back") },
  { "hip", N_("Hip") },
  { "groin-leg", N_("Groin and Legs") },
  { "movement", N_("Walking, Standing and Posture") },
};

static AtlasSide
selected_side (AtlasChecklistPane *self,
               const char         *id)
{
  GtkWidget *box = g_hash_table_lookup (self->sides, id);

  if (box == NULL)
    return ATLAS_SIDE_NONE;

  for (GtkWidget *button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button))
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
      return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "side"));

  return ATLAS_SIDE_NONE;
}

static void
check_toggled_cb (GtkCheckButton     *check,
                  AtlasChecklistPane *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "id");
  gboolean active = gtk_check_button_get_active (check);

  gtk_accessible_update_state (g_object_get_data (G_OBJECT (check), "row"), GTK_ACCESSIBLE_STATE_CHECKED,
                               active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  if (self->updating)
    return;

  if (g_object_get_data (G_OBJECT (check), "red-flag"))
    atlas_checklist_set_red_flag (self->checklist, id, active);
  else
    atlas_checklist_set_symptom (self->checklist, id, active, selected_side (self, id));
}

static void
side_toggled_cb (GtkToggleButton    *button,
                 AtlasChecklistPane *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "id");

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (atlas_checklist_get_symptom (self->checklist, id, NULL))
    atlas_checklist_set_symptom (self->checklist, id, TRUE, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "side")));
}

static GtkWidget *
side_selector (AtlasChecklistPane *self,
               const char         *id,
               const char         *name)
{
  static const struct { AtlasSide side; const char *label; const char *tooltip; } choices[] = {
    /* Translators: short for "left side", on a small toggle button. */
    { ATLAS_SIDE_LEFT, N_("L"), N_("Left side") },
    /* Translators: short for "right side", on a small toggle button. */
    { ATLAS_SIDE_RIGHT, N_("R"), N_("Right side") },
    { ATLAS_SIDE_NONE, N_("Both"), N_("Both sides") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(choices[i].label));
      g_autofree char *accessible = g_strdup_printf ("%s: %s", name, _(choices[i].tooltip));

      gtk_widget_set_tooltip_text (button, _(choices[i].tooltip));
      /* The name says the side already: the tooltip made its description too, read twice. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "id", g_strdup (id), g_free);
      g_object_set_data (G_OBJECT (button), "side", GINT_TO_POINTER (choices[i].side));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      if (choices[i].side == ATLAS_SIDE_NONE)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      g_signal_connect (button, "toggled", G_CALLBACK (side_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_widget_set_visible (box, FALSE);
  g_hash_table_insert (self->sides, g_strdup (id), box);
  return box;
}

static GtkWidget *
item_row (AtlasChecklistPane *self,
          const char         *id,
          const char         *rich_name,
          gboolean            red_flag,
          gboolean            sided)
{
  /* One stop for the keyboard per row: the row is the check box (it has the role and the
   * state), and the box drawn in it only shows the tick. */
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX, NULL);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *name = atlas_rich_text_to_plain (rich_name);
  g_autofree char *title = g_markup_escape_text (name, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (check, FALSE);
  /* Not only unfocusable but out of the focus chain: a check button asked to take the focus
   * says it did even when it cannot, which held Tab on the first row for ever. */
  gtk_widget_set_can_focus (check, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (check), "row", row);
  if (red_flag)
    g_object_set_data (G_OBJECT (check), "red-flag", GINT_TO_POINTER (TRUE));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* Left, right or both go on a line of their own below the symptom (add_item()): beside
   * it they would squeeze its words into a narrow column. */
  if (sided)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *side_row = adw_preferences_row_new ();
      GtkWidget *caption = gtk_label_new (_("Side"));

      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_set_margin_start (line, 52);
      gtk_widget_set_margin_top (line, 6);
      gtk_widget_set_margin_bottom (line, 6);
      gtk_box_append (GTK_BOX (line), caption);
      gtk_box_append (GTK_BOX (line), side_selector (self, id, name));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (side_row), line);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (side_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (side_row), FALSE);
      gtk_widget_set_focusable (side_row, FALSE);
      gtk_widget_set_visible (side_row, FALSE);
      g_object_set_data_full (G_OBJECT (row), "side-row", g_object_ref_sink (side_row), g_object_unref);
    }
  g_hash_table_insert (self->checks, g_strdup (id), check);

  return row;
}

/* A heading a screen reader lists and jumps to. GTK 4.8 gives an AdwPreferencesGroup's title
 * no heading role (and a role cannot be set after construction), so the groups have no title
 * of their own: each goes in a box under a label made a heading here, styled as the title
 * would be. */
static GtkWidget *
heading_new (const char *text,
             int         level,
             const char *css_class)
{
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", text,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  gtk_widget_add_css_class (heading, css_class);
  return heading;
}

/* The group's list of rows took its name from the title it no longer has; a warning group's
 * explanation (what its signs may mean), which no Tab stop showed, is the list's description. */
static void
name_row_lists (GtkWidget  *widget,
                const char *title,
                const char *description)
{
  if (GTK_IS_LIST_BOX (widget))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                      -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_row_lists (child, title, description);
}

static GtkWidget *
titled_group (GtkWidget  *group,
              const char *title,
              int         level,
              gboolean    described)
{
  /* The group's own header leaves 12 pixels above its rows, 6 above its description. */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, described ? 6 : 12);

  gtk_box_append (GTK_BOX (box), heading_new (title, level, "heading"));
  gtk_box_append (GTK_BOX (box), group);
  name_row_lists (group, title, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)));
  return box;
}

/* A row, and below it the line that picks its side, if it has one. */
static void
add_item (AdwPreferencesGroup *group,
          GtkWidget           *row)
{
  GtkWidget *side_row = g_object_get_data (G_OBJECT (row), "side-row");

  adw_preferences_group_add (group, row);
  if (side_row != NULL)
    adw_preferences_group_add (group, side_row);
}

static void
build_groups (AtlasChecklistPane *self)
{
  AtlasContent *content = atlas_checklist_get_content (self->checklist);
  GPtrArray *flags = atlas_content_get_red_flags (content);
  GPtrArray *symptoms = atlas_content_get_symptoms (content);
  /* Warning signs come first, above the hint about the psoas, so nobody reads them as psoas
   * symptoms; the symptom groups follow the hint. */
  GtkWidget *hint = gtk_widget_get_first_child (GTK_WIDGET (self->groups));
  GtkWidget *after = NULL;
  const AtlasRedFlagGroup *flag_groups;
  guint n_flag_groups;
  GtkWidget *warning;
  GtkWidget *rarity;

  warning = heading_new (_("Warning Signs — Tick Any That Apply to You"), 2, "title-4");
  gtk_widget_add_css_class (warning, "atlas-warning-heading");
  gtk_box_insert_child_after (self->groups, warning, after);
  g_ptr_array_add (self->built_widgets, warning);
  after = warning;

  rarity = gtk_label_new (_("Serious causes are rare. Of every 100 people who see a family doctor with back pain, about 4 have "
                            "a broken bone and fewer than 1 has cancer (European Spine Journal, 2017). But these signs need a doctor."));
  gtk_widget_add_css_class (rarity, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (rarity), 0);
  gtk_label_set_wrap (GTK_LABEL (rarity), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (rarity), PANGO_WRAP_WORD_CHAR);
  gtk_box_insert_child_after (self->groups, rarity, after);
  after = rarity;

  flag_groups = atlas_red_flag_groups_get (&n_flag_groups);
  for (guint g = 0; g < n_flag_groups; g++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *titled;

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(flag_groups[g].description));
      gtk_widget_add_css_class (group, "atlas-red-flags");
      for (guint i = 0; i < flags->len; i++)
        {
          const AtlasRedFlag *flag = g_ptr_array_index (flags, i);

          if (g_str_equal (flag->group, flag_groups[g].id))
            {
              GtkWidget *row = item_row (self, flag->id, flag->name, TRUE, FALSE);

              g_object_set_data (G_OBJECT (g_hash_table_lookup (self->checks, flag->id)), "cites", flag->cites);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            }
        }
      /* Under "Warning Signs", a level below it. */
      titled = titled_group (group, _(flag_groups[g].title), 3, TRUE);
      gtk_box_insert_child_after (self->groups, titled, after);
      g_ptr_array_add (self->built_widgets, titled);
      after = titled;
    }

  after = hint;
  for (guint g = 0; g < G_N_ELEMENTS (symptom_groups); g++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *titled;
      guint added = 0;

      for (guint i = 0; i < symptoms->len; i++)
        {
          const AtlasSymptom *symptom = g_ptr_array_index (symptoms, i);

          if (g_str_equal (symptom->group, symptom_groups[g].group))
            {
              add_item (ADW_PREFERENCES_GROUP (group),
                        item_row (self, symptom->id, symptom->name, FALSE, symptom->sided));
              added++;
            }
        }
      if (added == 0)
        {
          g_object_ref_sink (group);
          g_object_unref (group);
          continue;
        }
      titled = titled_group (group, _(symptom_groups[g].title), 2, FALSE);
      gtk_box_insert_child_after (self->groups, titled, after);
      g_ptr_array_add (self->built_widgets, titled);
      after = titled;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Following the model                                                                        */

static void
sync_from_model (AtlasChecklistPane *self)
{
  GHashTableIter iter;
  gpointer key, value;

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkCheckButton *check = value;
      AdwActionRow *row = g_object_get_data (G_OBJECT (check), "row");
      gboolean red_flag = g_object_get_data (G_OBJECT (check), "red-flag") != NULL;
      AtlasSide side = ATLAS_SIDE_NONE;
      gboolean checked = red_flag ? atlas_checklist_get_red_flag (self->checklist, key)
                                  : atlas_checklist_get_symptom (self->checklist, key, &side);
      GtkWidget *sides = g_hash_table_lookup (self->sides, key);

      gtk_check_button_set_active (check, checked);

      /* Once ticked, a row says why the articles link it here, and who says so. */
      {
        AtlasContent *content = atlas_checklist_get_content (self->checklist);
        const AtlasSymptom *symptom = red_flag ? NULL : atlas_content_get_symptom (content, key);
        g_autofree char *subtitle = NULL;

        if (checked)
          {
            g_autofree char *why = symptom ? atlas_rich_text_to_plain (symptom->why) : NULL;
            g_autofree char *sources = atlas_content_dup_citation (content, symptom ? symptom->cites : g_object_get_data (G_OBJECT (check), "cites"));
            /* Translators: after a symptom's explanation, e.g. "Source: Conatser". */
            g_autofree char *source_line = g_strdup_printf (_("Source: %s"), sources);

            subtitle = g_markup_printf_escaped ("%s%s<small>%s</small>", why ? why : "", why ? "\n" : "", source_line);
          }
        adw_action_row_set_subtitle (row, subtitle ? subtitle : "");
      }

      if (sides != NULL)
        {
          gtk_widget_set_visible (sides, checked);
          gtk_widget_set_visible (gtk_widget_get_ancestor (sides, GTK_TYPE_LIST_BOX_ROW), checked);
          for (GtkWidget *button = gtk_widget_get_first_child (sides); button; button = gtk_widget_get_next_sibling (button))
            if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "side")) == (int) side)
              gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
        }
    }
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), atlas_checklist_get_n_checked (self->checklist) > 0);
  _atlas_checklist_pane_update_alert (self);
  _atlas_checklist_pane_announce_alert (self);
  _atlas_checklist_pane_update_summary (self);
}

static void
save (AtlasChecklistPane *self)
{
  g_autoptr(GError) error = NULL;

  /* Saving before the user's packs are in would drop their symptoms from the kept file. */
  if (self->state_path == NULL || !atlas_settings_get_remember_checklist (self->settings) || self->waiting_for_content)
    return;

  if (!atlas_checklist_save (self->checklist, self->state_path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your checklist could not be saved: %s"), error->message);
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
    }
}

static void
checklist_changed_cb (AtlasChecklistPane *self)
{
  if (self->built)
    sync_from_model (self);
  save (self);
}

static void
remember_changed_cb (AtlasChecklistPane *self)
{
  if (atlas_settings_get_remember_checklist (self->settings))
    save (self);
  else if (self->state_path != NULL)
    {
      /* Turning it off forgets: nothing stays on disk that the user asked not to keep, not
       * even a copy that could not be read or a save cut short, and the user is told. */
      guint removed = atlas_state_file_forget (self->state_path);

      if (removed > 0)
        {
          g_autofree char *message = g_strdup_printf (ngettext ("Your checklist is no longer kept: %u saved file was deleted.",
                                                                "Your checklist is no longer kept: %u saved files were deleted.",
                                                                removed), removed);
          g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
        }
    }
}

static void
load (AtlasChecklistPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  if (self->state_path == NULL)
    return;

  /* A save killed half-way leaves a temporary copy; it is private, whatever the setting. */
  atlas_state_file_remove_temporaries (self->state_path);
  if (!atlas_settings_get_remember_checklist (self->settings) || self->waiting_for_content)
    return;

  if (atlas_checklist_load (self->checklist, self->state_path, &aside, &error) == ATLAS_CHECKLIST_SET_ASIDE)
    {
      g_autofree char *message = NULL;

      if (aside != NULL)
        message = g_strdup_printf (_("Your saved checklist could not be read (%s), so the checklist starts empty. "
                                     "The file was kept as %s."), error->message, aside);
      else
        message = g_strdup_printf (_("Your saved checklist could not be read: %s"), error->message);
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
    }
}

/* Some fifty rows of check buttons are built the first time the pane is shown, not while the
 * window opens: most people look at the diagram first. */
void
_atlas_checklist_pane_ensure_built (AtlasChecklistPane *self)
{
  if (self->built || self->checklist == NULL)
    return;

  /* Until then the pane is an empty shell: even its alert, summary and switches wait. */
  if (!self->template_built)
    {
      self->template_built = TRUE;
      gtk_widget_init_template (GTK_WIDGET (self));
      atlas_ui_plain_button_names (GTK_WIDGET (self));
      _atlas_checklist_pane_init_alert (self);
      g_object_bind_property (self->settings, "remember-checklist", self->remember_switch, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }

  self->built = TRUE;
  build_groups (self);
  sync_from_model (self);
}

static gboolean
atlas_checklist_pane_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  return _atlas_checklist_pane_focus (ATLAS_CHECKLIST_PANE (widget), direction,
                                      GTK_WIDGET_CLASS (atlas_checklist_pane_parent_class)->focus);
}

static void
atlas_checklist_pane_map (GtkWidget *widget)
{
  _atlas_checklist_pane_ensure_built (ATLAS_CHECKLIST_PANE (widget));

  GTK_WIDGET_CLASS (atlas_checklist_pane_parent_class)->map (widget);
}

/**
 * atlas_checklist_pane_setup:
 * @state_path: (nullable): where "Remember my checklist" keeps it
 *
 * Binds the pane to @checklist and restores a kept checklist if the user chose to keep one.
 */
void
atlas_checklist_pane_setup (AtlasChecklistPane *self,
                            AtlasChecklist     *checklist,
                            AtlasSettings      *settings,
                            const char         *state_path)
{
  g_return_if_fail (ATLAS_IS_CHECKLIST_PANE (self));
  g_return_if_fail (self->checklist == NULL);

  self->checklist = g_object_ref (checklist);
  self->settings = g_object_ref (settings);
  self->state_path = g_strdup (state_path);

  load (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _atlas_checklist_pane_ensure_built (self);

  g_signal_connect_object (checklist, "changed", G_CALLBACK (checklist_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::remember-checklist", G_CALLBACK (remember_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * atlas_checklist_pane_set_waiting_for_content:
 *
 * While the user's content packs are still being read, the kept checklist is neither restored
 * nor saved: it may name their symptoms. Once they are in (@waiting FALSE), the rows are made
 * again from the grown content and the kept checklist is restored, unless the user has
 * already ticked something, which then is what is kept.
 */
void
atlas_checklist_pane_set_waiting_for_content (AtlasChecklistPane *self,
                                              gboolean            waiting)
{
  g_return_if_fail (ATLAS_IS_CHECKLIST_PANE (self));

  if (self->waiting_for_content == waiting)
    return;

  self->waiting_for_content = waiting;
  if (waiting || self->checklist == NULL)
    return;

  if (self->built)
    {
      for (guint i = 0; i < self->built_widgets->len; i++)
        gtk_box_remove (self->groups, g_ptr_array_index (self->built_widgets, i));
      g_ptr_array_set_size (self->built_widgets, 0);
      g_hash_table_remove_all (self->checks);
      g_hash_table_remove_all (self->sides);
      self->built = FALSE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        _atlas_checklist_pane_ensure_built (self);
    }

  if (atlas_checklist_get_n_checked (self->checklist) == 0)
    load (self);
  else
    save (self);
}

AtlasChecklist *
atlas_checklist_pane_get_checklist (AtlasChecklistPane *self)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST_PANE (self), NULL);

  return self->checklist;
}

/**
 * atlas_checklist_pane_clear:
 *
 * Unticks everything, keeping what was ticked until the next clear for
 * atlas_checklist_pane_undo_clear().
 */
void
atlas_checklist_pane_clear (AtlasChecklistPane *self)
{
  g_return_if_fail (ATLAS_IS_CHECKLIST_PANE (self));

  if (atlas_checklist_get_n_checked (self->checklist) == 0)
    return;

  g_free (self->undo_snapshot);
  self->undo_snapshot = atlas_checklist_serialize (self->checklist);
  atlas_checklist_clear (self->checklist);
  g_signal_emit (self, signals[SIGNAL_CLEARED], 0);
}

void
atlas_checklist_pane_undo_clear (AtlasChecklistPane *self)
{
  g_autofree char *snapshot = NULL;

  g_return_if_fail (ATLAS_IS_CHECKLIST_PANE (self));

  snapshot = g_steal_pointer (&self->undo_snapshot);
  if (snapshot != NULL)
    atlas_checklist_deserialize (self->checklist, snapshot, strlen (snapshot), NULL);
}

static void
clear_clicked_cb (AtlasChecklistPane *self)
{
  atlas_checklist_pane_clear (self);
}

/**
 * atlas_checklist_pane_get_check_button:
 *
 * Returns: (transfer none) (nullable): the check button of a symptom or red flag
 */
GtkCheckButton *
atlas_checklist_pane_get_check_button (AtlasChecklistPane *self,
                                       const char         *id)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST_PANE (self), NULL);

  _atlas_checklist_pane_ensure_built (self);
  return g_hash_table_lookup (self->checks, id);
}

/**
 * atlas_checklist_pane_get_side_button:
 *
 * Returns: (transfer none) (nullable): the toggle that picks @side for a sided symptom
 */
GtkToggleButton *
atlas_checklist_pane_get_side_button (AtlasChecklistPane *self,
                                      const char         *id,
                                      AtlasSide           side)
{
  GtkWidget *box;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST_PANE (self), NULL);

  _atlas_checklist_pane_ensure_built (self);
  box = g_hash_table_lookup (self->sides, id);
  for (GtkWidget *button = box ? gtk_widget_get_first_child (box) : NULL; button; button = gtk_widget_get_next_sibling (button))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "side")) == (int) side)
      return GTK_TOGGLE_BUTTON (button);

  return NULL;
}

/**
 * atlas_checklist_pane_focus_item:
 * @id: a symptom or a warning sign
 *
 * Brings its row into view with the keyboard focus on it, ticking nothing.
 *
 * Returns: %FALSE if there is no such row
 */
gboolean
atlas_checklist_pane_focus_item (AtlasChecklistPane *self,
                                 const char         *id)
{
  GtkWidget *check;

  g_return_val_if_fail (ATLAS_IS_CHECKLIST_PANE (self), FALSE);

  _atlas_checklist_pane_ensure_built (self);
  check = g_hash_table_lookup (self->checks, id);
  if (check == NULL)
    return FALSE;

  return gtk_widget_grab_focus (g_object_get_data (G_OBJECT (check), "row"));
}

static void
atlas_checklist_pane_dispose (GObject *object)
{
  AtlasChecklistPane *self = ATLAS_CHECKLIST_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CHECKLIST_PANE);
  /* The template's outer box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->state_path, g_free);
  g_clear_pointer (&self->undo_snapshot, g_free);
  g_clear_pointer (&self->announced_title, g_free);
  g_clear_weak_pointer (&self->alert_return);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->built_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->sides, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_checklist_pane_parent_class)->dispose (object);
}

static void
atlas_checklist_pane_class_init (AtlasChecklistPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_checklist_pane_dispose;
  widget_class->map = atlas_checklist_pane_map;
  widget_class->focus = atlas_checklist_pane_focus;

  /**
   * AtlasChecklistPane::problem:
   * @message: what went wrong, in words for the user
   */
  signals[SIGNAL_PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * AtlasChecklistPane::cleared:
   *
   * Emitted after Clear; atlas_checklist_pane_undo_clear() brings the ticks back.
   */
  signals[SIGNAL_CLEARED] =
    g_signal_new ("cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/atlas-checklist-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, alert_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, alert);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, alert_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, alert_body);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, groups);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, summary_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, summary);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasChecklistPane, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "atlas-checklist-pane");
}

static void
atlas_checklist_pane_init (AtlasChecklistPane *self)
{
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->built_widgets = g_ptr_array_new ();
  self->sides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The template waits for the pane's first showing: _atlas_checklist_pane_ensure_built(). */
}

/**
 * atlas_checklist_pane_ensure_built:
 *
 * Builds the pane's controls and rows now (once it has a checklist), as showing it would.
 */
void
atlas_checklist_pane_ensure_built (AtlasChecklistPane *self)
{
  g_return_if_fail (ATLAS_IS_CHECKLIST_PANE (self));

  _atlas_checklist_pane_ensure_built (self);
}

/**
 * atlas_checklist_pane_is_built:
 *
 * Returns: whether the pane has built its rows (it does when first shown or asked about them)
 */
gboolean
atlas_checklist_pane_is_built (AtlasChecklistPane *self)
{
  g_return_val_if_fail (ATLAS_IS_CHECKLIST_PANE (self), FALSE);

  return self->built;
}
