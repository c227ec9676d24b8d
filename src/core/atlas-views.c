/* atlas-views.c — the built-in diagram views and the regions each must have.
 *
 * Copyright 2026 The Psoas Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The required regions are the ones the rest of the application relies on: the psoas path from
 * the vertebrae to the lesser trochanter in every view that shows it. A diagram that lacks one
 * is refused with an error naming what is missing, rather than shown half-working.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-core.h"
#include "atlas-views.h"

static const char * const front_required[] = {
  "T12", "L1", "L2", "L3", "L4", "L5", "intervertebral-discs", "sacrum",
  "hip-bone-left", "hip-bone-right", "pelvic-brim-left", "pelvic-brim-right",
  "femur-left", "femur-right", "lesser-trochanter-left", "lesser-trochanter-right",
  "hip-joint-left", "hip-joint-right",
  "psoas-major-left", "psoas-major-right", "psoas-minor-left", "psoas-minor-right",
  "iliacus-left", "iliacus-right", "iliopsoas-tendon-left", "iliopsoas-tendon-right",
  "inguinal-ligament-left", "inguinal-ligament-right",
  "diaphragm-crus-left", "diaphragm-crus-right",
  "quadratus-lumborum-left", "quadratus-lumborum-right",
  "femoral-nerve-left", "femoral-nerve-right",
  "genitofemoral-nerve-left", "genitofemoral-nerve-right",
  "obturator-nerve-left", "obturator-nerve-right",
  "lateral-femoral-cutaneous-nerve-left", "lateral-femoral-cutaneous-nerve-right",
  "medial-arcuate-ligament-left", "medial-arcuate-ligament-right",
  NULL
};

static const char * const side_required[] = {
  "T12", "L1", "L2", "L3", "L4", "L5", "intervertebral-discs", "sacrum",
  "hip-bone-right", "femur-right", "lesser-trochanter-right", "hip-joint-right",
  "psoas-major-right", "iliacus-right", "iliopsoas-tendon-right", "inguinal-ligament-right",
  "tibia-right",
  NULL
};

static const char * const section_required[] = {
  "L4", "cauda-equina", "psoas-major-left", "psoas-major-right",
  "lumbar-plexus-left", "lumbar-plexus-right",
  "quadratus-lumborum-left", "quadratus-lumborum-right",
  "back-muscles-left", "back-muscles-right",
  "rectus-abdominis-left", "rectus-abdominis-right",
  "external-oblique-left", "external-oblique-right",
  "internal-oblique-left", "internal-oblique-right",
  "transversus-abdominis-left", "transversus-abdominis-right",
  "bowel", "aorta", "inferior-vena-cava", "skin-and-fat",
  "common-iliac-artery-left", "common-iliac-artery-right", "ureter-left", "ureter-right",
  "sympathetic-trunk-left", "sympathetic-trunk-right",
  "genitofemoral-nerve-left", "genitofemoral-nerve-right", "iliac-crest-left", "iliac-crest-right",
  NULL
};

static const AtlasViewInfo views[] = {
  { "front", N_("Front"), { "front.svg", NULL }, { NULL, NULL }, front_required,
    N_("From the front. Dashed lines are hidden edges: the ball of the hip under the muscles, the obturator nerve behind the pubic bone."),
    NULL, NULL },
  { "side", N_("Side"), { "side-neutral.svg", "side-shortened.svg" },
    { N_("Neutral"), N_("Shortened psoas") }, side_required,
    N_("From the right. Seen through the bone, with dashed edges: the iliacus on the inner face of the hip bone's wing, and the tendon behind the thigh bone."),
    N_("Pelvis tips forward, lower back arches more, hip and knee stay bent."),
    "conatser eastwest" },
  { "section", N_("Cross-Section"), { "cross-section-l4.svg", NULL }, { NULL, NULL }, section_required,
    N_("A slice through L4 seen from below, front at the top, so the patient's right is on your left. Here the aorta divides into the common iliac arteries."),
    NULL, NULL },
};

guint
atlas_views_get_n_views (void)
{
  return G_N_ELEMENTS (views);
}

const AtlasViewInfo *
atlas_views_get_view (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (views), NULL);

  return &views[index];
}

const AtlasViewInfo *
atlas_views_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      return &views[i];

  return NULL;
}

guint
atlas_view_get_n_states (const AtlasViewInfo *view)
{
  guint n = 0;

  g_return_val_if_fail (view != NULL, 0);

  while (n < ATLAS_VIEW_MAX_STATES && view->states[n] != NULL)
    n++;

  return n;
}

/**
 * atlas_view_load_builtin:
 *
 * Returns: (transfer full) (nullable): the diagram for @state of @view, or %NULL with @error set
 */
AtlasDiagram *
atlas_view_load_builtin (const AtlasViewInfo  *view,
                         guint                 state,
                         GError              **error)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (state < atlas_view_get_n_states (view), NULL);

  atlas_core_ensure_resources ();
  uri = g_strdup_printf ("resource://" RESOURCE_BASE "/diagrams/%s", view->states[state]);
  file = g_file_new_for_uri (uri);

  return atlas_diagram_new_shared (file, view->required_ids, error);
}

/**
 * atlas_view_load_posture:
 * @morph: for a view with two postures, where between them (0 the first, 1 the second)
 *
 * Loads the view's drawing as it shows at @morph: the first state, moved toward the second.
 * A view whose two postures differ in structure is refused.
 *
 * Returns: (transfer full) (nullable): the diagram, or %NULL with @error set
 */
AtlasDiagram *
atlas_view_load_posture (const AtlasViewInfo  *view,
                         double                morph,
                         GError              **error)
{
  g_autoptr(AtlasDiagram) diagram = NULL;
  g_autoptr(AtlasDiagram) target = NULL;

  g_return_val_if_fail (view != NULL, NULL);

  diagram = atlas_view_load_builtin (view, 0, error);
  if (diagram == NULL || atlas_view_get_n_states (view) < 2)
    return g_steal_pointer (&diagram);

  target = atlas_view_load_builtin (view, 1, error);
  if (target == NULL || !atlas_diagram_set_morph_target (diagram, target, error))
    return NULL;

  atlas_diagram_set_morph (diagram, morph);
  return g_steal_pointer (&diagram);
}
