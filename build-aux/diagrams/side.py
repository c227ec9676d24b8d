#!/usr/bin/env python3
"""Generate the two side-view diagrams of the psoas (neutral and shortened).

Writes resources/diagrams/side-neutral.svg and resources/diagrams/side-shortened.svg.
Both files come from the same drawing code with different joint angles, so they share ids,
element order and path command letters; only the coordinates differ (the app can morph them).

Geometry is modelled in millimetres in a world frame centred on the right hip joint
(x toward the front of the body, y up).  Rigid parts (pelvis with sacrum, femur, each vertebra)
have their own frames; soft parts (silhouette, psoas, tendon, capsule) take points from several
frames.  Run:  python3 build-aux/diagrams/side.py  (stdlib only).

Painter's order (what is drawn later covers what is drawn earlier):
  silhouette, sacrum (behind the right hip bone: seen through the greater sciatic notch), hip bone
  (the whole wing), iliacus (on the inner face of the wing, so drawn over it see-through with a
  dashed edge: class "through"), T12-L5 (drawn over the iliac crest so that L5 stays readable),
  rib 12, discs, femur, tibia (with the fibula, knee cap and patellar ligament, not regions),
  lesser trochanter, hip capsule (a sleeve over the neck), iliopsoas tendon (solid in front of the
  hip joint, dashed where it runs behind the femur to the lesser trochanter), psoas major (over the
  sides of the vertebral bodies back to the transverse processes), inguinal ligament, anchors.

The psoas centre line (origin at T12 to the lesser trochanter) is measured and printed; the two
postures must have identical structure (checked here and by the application's loader).
"""

import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "resources", "diagrams"))

SCALE = 1.08         # SVG units per millimetre
HIP_X = 470.0        # screen position of the hip-joint centre
HIP_Y = 450.0


# ----------------------------------------------------------------------------- geometry helpers

class Frame:
    """A rigid frame: origin in world mm, angle th (degrees, + leans the frame's 'up' forward)."""

    def __init__(self, ox, oy, th):
        self.ox, self.oy, self.th = ox, oy, th
        r = math.radians(th)
        self.c, self.s = math.cos(r), math.sin(r)

    def world(self, x, y):
        return (self.ox + x * self.c + y * self.s, self.oy - x * self.s + y * self.c)

    def __call__(self, x, y):
        wx, wy = self.world(x, y)
        return (HIP_X + SCALE * wx, HIP_Y - SCALE * wy)

    def rotated(self, dth):
        return Frame(self.ox, self.oy, self.th + dth)


def blend(f1, f2, t):
    """A frame between two frames (origins and angles interpolated)."""
    return Frame(f1.ox + (f2.ox - f1.ox) * t, f1.oy + (f2.oy - f1.oy) * t,
                 f1.th + (f2.th - f1.th) * t)


def lerp(p, q, t):
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def fmt(v):
    s = "%.1f" % v
    if s == "-0.0":
        s = "0.0"
    return s


def pt(p):
    return fmt(p[0]) + "," + fmt(p[1])


def _tangents(pts, closed, corners):
    n = len(pts)
    tin, tout = [], []
    for i in range(n):
        if closed:
            prev, nxt = pts[(i - 1) % n], pts[(i + 1) % n]
        else:
            prev = pts[i - 1] if i > 0 else pts[i]
            nxt = pts[i + 1] if i < n - 1 else pts[i]
        cur = pts[i]
        if i in corners or (not closed and (i == 0 or i == n - 1)):
            a = ((cur[0] - prev[0]) * 0.5, (cur[1] - prev[1]) * 0.5)
            b = ((nxt[0] - cur[0]) * 0.5, (nxt[1] - cur[1]) * 0.5)
            if not closed and i == 0:
                a = b = ((nxt[0] - cur[0]), (nxt[1] - cur[1]))
            if not closed and i == n - 1:
                a = b = ((cur[0] - prev[0]), (cur[1] - prev[1]))
            tin.append(a)
            tout.append(b)
        else:
            t = ((nxt[0] - prev[0]) * 0.5, (nxt[1] - prev[1]) * 0.5)
            tin.append(t)
            tout.append(t)
    return tin, tout


def _limit(v, n):
    """v shortened to length n at most (keeps control points from overshooting short segments)."""
    ln = math.hypot(v[0], v[1])
    if ln <= n or ln == 0.0:
        return v
    return (v[0] * n / ln, v[1] * n / ln)


def smooth(pts, closed=True, corners=(), k=1.0):
    """Catmull-Rom spline through pts as cubic Beziers ('M' + 'C'... [+ 'Z'])."""
    corners = set(i % len(pts) for i in corners)
    tin, tout = _tangents(pts, closed, corners)
    n = len(pts)
    d = ["M" + pt(pts[0])]
    segs = n if closed else n - 1
    for i in range(segs):
        j = (i + 1) % n
        seg = math.dist(pts[i], pts[j])
        a = _limit((tout[i][0] * k / 3.0, tout[i][1] * k / 3.0), 0.5 * seg)
        b = _limit((tin[j][0] * k / 3.0, tin[j][1] * k / 3.0), 0.5 * seg)
        c1 = (pts[i][0] + a[0], pts[i][1] + a[1])
        c2 = (pts[j][0] - b[0], pts[j][1] - b[1])
        d.append("C" + pt(c1) + " " + pt(c2) + " " + pt(pts[j]))
    if closed:
        d.append("Z")
    return " ".join(d)


def ellipse_pts(frame, cx, cy, rx, ry, rot=0.0, n=8):
    out = []
    r = math.radians(rot)
    for i in range(n):
        a = 2 * math.pi * i / n
        x, y = rx * math.cos(a), ry * math.sin(a)
        out.append(frame(cx + x * math.cos(r) - y * math.sin(r), cy + x * math.sin(r) + y * math.cos(r)))
    return out


def arc_pts(frame, cx, cy, r, a0, a1, n):
    return [frame(cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / (n - 1))),
                  cy + r * math.sin(math.radians(a0 + (a1 - a0) * i / (n - 1)))) for i in range(n)]


def sample(pts, per=3):
    """Points along a Catmull-Rom curve through pts (open), per samples per segment."""
    out = []
    n = len(pts)
    for i in range(n - 1):
        p0 = pts[max(i - 1, 0)]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[min(i + 2, n - 1)]
        for k in range(per):
            t = k / float(per)
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                                    + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3) for j in range(2)))
    out.append(pts[-1])
    return out


def relax(pts, first, rounds, k=0.5):
    """Laplacian smoothing of pts[first:-1] (keeps the ends), to even out a muscle edge."""
    pts = list(pts)
    for _ in range(rounds):
        nxt = list(pts)
        for i in range(max(first, 1), len(pts) - 1):
            m = lerp(pts[i - 1], pts[i + 1], 0.5)
            nxt[i] = lerp(pts[i], m, k)
        pts = nxt
    return pts


def band(center, widths, cap=True):
    """Closed outline around a polyline of screen points with per-point half widths."""
    n = len(center)
    left, right = [], []
    for i in range(n):
        p = center[max(i - 1, 0)]
        q = center[min(i + 1, n - 1)]
        dx, dy = q[0] - p[0], q[1] - p[1]
        ln = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / ln, dx / ln
        w = widths[i]
        left.append((center[i][0] + nx * w, center[i][1] + ny * w))
        right.append((center[i][0] - nx * w, center[i][1] - ny * w))
    return left, right


# ----------------------------------------------------------------------------- the model

POSES = {
    "neutral": dict(tilt=0.0, thigh=0.0, knee=0.0, extra=(0, 0, 0, 0, 0, 0), thorax=0.0),
    # Standing with a short psoas: the pelvis tips forward (anterior tilt), the lower back arches
    # more, the hip stays bent with the knee bent so the foot stays under the body, and the trunk
    # pitches forward.
    "shortened": dict(tilt=22.0, thigh=20.0, knee=38.0, extra=(9.0, 8.0, 6.0, 3.0, 1.0, -1.0), thorax=22.0),
}
KNEE = (-8.0, -440.0)    # knee-joint centre in the femur frame (mm)

# vertebral bodies: name, depth, anterior height, posterior height (mm)
BODIES = [
    ("L5", 35.5, 30.5, 26.0),
    ("L4", 35.5, 29.5, 28.0),
    ("L3", 34.5, 29.0, 28.5),
    ("L2", 33.0, 28.0, 28.3),
    ("L1", 31.0, 26.0, 27.3),
    ("T12", 29.0, 22.5, 24.5),
]
# discs from L5/S1 upward: mid height, wedge angle (deg, lordotic +)
DISCS = [(10.0, 13.0), (11.0, 11.0), (10.0, 9.0), (9.0, 6.5), (8.0, 4.0), (6.0, 2.0)]
DISC_NAMES = ["L5/S1", "L4/L5", "L3/L4", "L2/L3", "L1/L2", "T12/L1"]

S1_MID = (-20.8, 97.8)   # S1 endplate centre in the pelvis frame
S1_SLOPE = 40.0          # sacral slope (deg) in the neutral pose
S1_DEPTH = 40.0
R_HEAD = 20.5           # femoral head radius (mm)
THORAX_K = 11.0         # thoracic kyphosis: brings the chest upright above the lordosis


class Model:
    def __init__(self, pose):
        p = POSES[pose]
        self.pose = pose
        self.tilt, self.thigh = p["tilt"], p["thigh"]
        self.pelvis = Frame(0, 0, p["tilt"])
        self.femur = Frame(0, 0, -p["thigh"])
        self.hip = blend(self.pelvis, self.femur, 0.5)
        k = self.femur.world(*KNEE)
        self.tibia = Frame(k[0], k[1], p["knee"] - p["thigh"])
        self.knee = Frame(k[0], k[1], (self.femur.th + self.tibia.th) / 2.0)
        # spine stacking
        m = self.pelvis.world(*S1_MID)
        th = S1_SLOPE + p["tilt"]
        self.s1 = Frame(m[0], m[1], th)
        self.vert = {}      # name -> (bottom frame, depth, ha, hp)
        self.disc = []      # (lower corners, upper corners)
        lower = self.s1
        lower_depth = S1_DEPTH
        lower_top = (lower, lower_depth / 2.0, 0.0, -lower_depth / 2.0, 0.0)
        for i, (name, depth, ha, hp) in enumerate(BODIES):
            h, w = DISCS[i]
            w += p["extra"][i]
            fr, xa, ya, xp, yp = lower_top
            # top frame of the lower element
            top_th = fr.th - math.degrees(math.atan2(ya - yp, xa - xp))
            mid = fr.world((xa + xp) / 2.0, (ya + yp) / 2.0)
            base = Frame(mid[0], mid[1], top_th)
            half = base.rotated(-w / 2.0)
            o = half.world(0, h)
            bottom = Frame(o[0], o[1], top_th - w)
            self.vert[name] = (bottom, depth, ha, hp)
            self.disc.append(((fr(xa, ya), fr(xp, yp)), (bottom(depth / 2.0, 0), bottom(-depth / 2.0, 0))))
            lower_top = (bottom, depth / 2.0, ha, -depth / 2.0, hp)
        t12 = self.vert["T12"]
        tf = t12[0]
        top_th = tf.th - math.degrees(math.atan2(t12[2] - t12[3], t12[1]))
        mid = tf.world(0, (t12[2] + t12[3]) / 2.0)
        self.t12_top = Frame(mid[0], mid[1], top_th)
        self.thorax = self.t12_top.rotated(THORAX_K + p["thorax"])

    def top(self, x, y_world):
        """Screen point on the thorax frame's vertical line x at world height y_world (a level cut)."""
        f = self.thorax
        y = (y_world - f.oy + x * f.s) / f.c
        return f(x, y)

    def vf(self, name):
        return self.vert[name][0]


# ----------------------------------------------------------------------------- drawing parts

class Doc:
    def __init__(self):
        self.lines = []
        self.anchors = []
        self.ids = []

    def add(self, s, indent=1):
        self.lines.append("  " * indent + s)

    def path(self, d, cls=None, id_=None, indent=2):
        a = ""
        if id_:
            a += ' id="%s"' % id_
            self.ids.append(id_)
        if cls:
            a += ' class="%s"' % cls
        self.add('<path%s d="%s"/>' % (a, d), indent)

    def group(self, id_, cls):
        self.ids.append(id_)
        self.add('<g id="%s" class="%s">' % (id_, cls))

    def end(self):
        self.add("</g>")

    def anchor(self, id_, p):
        self.anchors.append((id_, p))


def vertebra_outline(name, depth, ha, hp):
    """Local outlines (mm, x front, y up, origin at the lower endplate centre)."""
    D = depth
    fx, bx = D / 2.0, -D / 2.0
    hm = (ha + hp) / 2.0
    # body: concave front, nearly straight back, rounded rims
    body = [
        (bx + 2.0, -0.2), (0.0, -0.5), (fx - 2.2, -0.2), (fx + 0.6, 1.4),
        (fx - 1.6, ha * 0.5), (fx + 0.6, ha - 1.4), (fx - 2.2, ha + 0.2), (0.0, (ha + hp) / 2.0 + 0.5),
        (bx + 2.0, hp + 0.2), (bx - 0.3, hp - 1.6), (bx + 0.6, hp * 0.5), (bx - 0.3, 1.6),
    ]
    body_corners = (0, 2, 3, 5, 6, 8, 9, 11)
    sx = D / 34.5
    sy = hm / 27.0
    thor = name == "T12"
    l5 = name == "L5"

    def P(x, y):
        return (bx + (x + 17.25) * sx, y * sy)

    sp_drop = 10.0 if thor else (1.5 if l5 else 3.5)   # the spinous process points back and down
    sp_len = 0.8 if l5 else (0.92 if thor else 1.0)

    def SP(x, y):
        x0 = -46.0
        t = max(0.0, (x0 - x) / 33.0)
        return P(x0 + (x - x0) * sp_len, y - sp_drop * t)

    post = [
        P(-17.0, hp / sy - 3.0), P(-22.0, hp / sy - 4.5),                 # pedicle top, superior notch
        P(-26.0, 27.0), P(-27.0, 33.5), P(-30.5, 37.5),                   # superior articular process
        P(-35.0, 35.0), P(-38.0, 28.5),
        P(-44.0, 24.5),                                                   # lamina
        SP(-56.0, 23.0), SP(-70.0, 20.5), SP(-78.0, 18.0), SP(-80.0, 12.0),   # spinous process
        SP(-77.5, 5.5), SP(-66.0, 4.5), SP(-54.0, 3.5),
        P(-47.0, 1.5), P(-46.0, -5.0), P(-42.0, -9.5), P(-37.5, -6.0),    # inferior articular process
        P(-35.5, 1.0), P(-31.0, 7.0), P(-25.5, 10.5), P(-20.0, 12.0),     # pars, inferior notch, pedicle
        P(-16.5, 11.0),
    ]
    post_corners = (0, 4, 7, 11, 14, 17, 23)
    tp_r = (7.0, 5.8) if l5 else ((4.0, 3.5) if thor else (5.4, 4.5))
    tp_c = P(-31.0, 20.5)
    facet = [P(-29.5, 36.0), P(-33.0, 31.0), P(-35.5, 26.5)]
    rim = [(fx - 3.4, 2.6), (fx - 4.4, ha * 0.5), (fx - 3.4, ha - 2.6)]
    ring_top = [(fx - 2.5, ha - 2.2), (0.0, hm - 1.7), (bx + 2.5, hp - 2.2)]
    ring_bot = [(fx - 2.5, 2.0), (0.0, 1.5), (bx + 2.5, 2.0)]
    spine_ridge = [SP(-50.0, 14.0), SP(-64.0, 12.5), SP(-75.0, 11.5)]
    return body, body_corners, post, post_corners, tp_c, tp_r, facet, rim, ring_top, ring_bot, spine_ridge


TENDON_LEN = 78.0        # mm from the lesser trochanter to the end of the psoas belly
BELLY_HALF = 15.5        # mm, half the belly's depth beside the promontory (neutral)


def tendon_course(M):
    """Screen points along the iliopsoas course from the pelvic brim to the lesser trochanter."""
    pel, fem, hip = M.pelvis, M.femur, M.hip
    pts = [pel(28.5, 80.0), pel(36.0, 51.0), pel(45.0, 27.0), hip(37.5, 2.0), fem(32.0, -18.0), fem(22.0, -37.0),
           fem(6.0, -53.0), fem(-11.0, -64.0), fem(-26.0, -68.0)]
    return sample(pts, 8)


def normal_at(at, sv):
    p, q = at(sv - 2.0), at(sv + 2.0)
    dx, dy = q[0] - p[0], q[1] - p[1]
    ln = math.hypot(dx, dy) or 1.0
    # points to the front of the body for a course running downward
    return (dy / ln, -dx / ln)


def draw(pose):
    M = Model(pose)
    doc = Doc()
    pel, fem, hip = M.pelvis, M.femur, M.hip
    th = M.thorax
    V = M.vf

    # ------------------------------------------------------------------ silhouette
    # the belly: between the lower chest and the lower abdomen, bulging a little
    ua, la = th(120.0, -30.0), pel(99.0, 100.0)
    mid = lerp(ua, la, 0.5)
    dx, dy = la[0] - ua[0], la[1] - ua[1]
    ln = math.hypot(dx, dy)
    belly = (mid[0] + dy / ln * 9.0 * SCALE, mid[1] - dx / ln * 9.0 * SCALE)
    kn, tib = M.knee, M.tibia
    sil = [
        M.top(-102.0, 348.0), th(-100.0, -16.0), V("L1")(-97.0, 10.0), V("L3")(-94.0, 10.0), V("L5")(-90.0, 10.0),
        pel(-97.0, 96.0), pel(-118.0, 58.0), pel(-130.0, 8.0), pel(-124.0, -45.0),
        blend(pel, fem, 0.6)(-102.0, -90.0), fem(-92.0, -132.0), fem(-82.0, -250.0), fem(-68.0, -370.0),
        kn(-63.0, 0.0), tib(-66.0, -80.0), tib(-58.0, -160.0), tib(-46.0, -225.0),
        tib(-2.0, -232.0), tib(36.0, -225.0),
        tib(31.0, -150.0), tib(36.0, -60.0), kn(52.0, 8.0), fem(62.0, -360.0),
        fem(66.0, -260.0), fem(74.0, -150.0), fem(76.0, -80.0), blend(pel, fem, 0.5)(82.0 + 0.2 * (M.tilt + M.thigh), -34.0),
        pel(81.0, 10.0), pel(88.0, 52.0), pel(99.0, 100.0),
        belly, th(120.0, -30.0), M.top(132.0, 348.0),
        M.top(15.0, 350.0),
    ]
    doc.path(smooth(sil, corners=(0, 16, 18, 32, 33)), "silhouette", indent=1)

    # ------------------------------------------------------------------ sacrum and coccyx
    cs, sn = math.cos(math.radians(S1_SLOPE)), math.sin(math.radians(S1_SLOPE))
    prom = pel(S1_MID[0] + 20.0 * cs, S1_MID[1] - 20.0 * sn)
    s1p = pel(S1_MID[0] - 20.0 * cs, S1_MID[1] + 20.0 * sn)
    sac = [
        prom, s1p,                                        # S1 endplate
        pel(-44.0, 112.5), pel(-44.0, 121.0), pel(-50.0, 124.0), pel(-56.0, 116.0),  # S1 superior articular process
        pel(-66.0, 108.0), pel(-76.0, 88.0), pel(-80.0, 64.0), pel(-77.0, 42.0),       # median crest
        pel(-71.0, 24.0), pel(-67.0, 12.0),               # sacral hiatus, cornua
        pel(-64.0, 0.0), pel(-60.0, -10.0), pel(-54.0, -17.0),                         # coccyx to tip
        pel(-52.0, -10.0), pel(-55.0, 0.0), pel(-57.0, 10.0),                          # coccyx front, apex
        pel(-55.0, 24.0), pel(-46.0, 42.0), pel(-31.0, 61.0), pel(-17.0, 74.0),
    ]
    doc.group("sacrum", "region bone")
    doc.path(smooth(sac, corners=(0, 1, 3, 5, 14)))
    for a, b in [((-24.0, 67.0), (-44.0, 75.0)), ((-40.0, 50.0), (-60.0, 56.0)),
                 ((-51.0, 32.0), (-66.0, 35.0)), ((-56.0, 17.0), (-67.0, 18.0)), ((-56.0, 5.0), (-64.0, 4.0))]:
        doc.path(smooth([pel(*a), pel((a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0 + 1.5), pel(*b)],
                        closed=False), "detail")
    doc.path(smooth([pel(-43.0, 108.0), pel(-58.0, 86.0), pel(-65.0, 62.0), pel(-64.0, 38.0),
                     pel(-62.0, 20.0)], closed=False), "detail")
    doc.end()
    doc.anchor("sacrum", pel(-67.0, 36.0))

    # ------------------------------------------------------------------ hip bone (window over the iliac fossa)
    hip_out = [
        pel(57.0, 86.0),                                   # ASIS
        pel(48.0, 104.0), pel(26.0, 119.0), pel(-8.0, 129.5), pel(-42.0, 126.0), pel(-66.0, 113.0),
        pel(-80.0, 98.0),                                  # PSIS
        pel(-79.0, 88.0), pel(-76.0, 76.0),                # PIIS
        pel(-68.0, 66.0), pel(-57.0, 46.0), pel(-52.0, 24.0),   # greater sciatic notch
        pel(-52.0, 8.0), pel(-57.0, 1.0),                  # ischial spine
        pel(-52.0, -10.0), pel(-49.0, -26.0),              # lesser sciatic notch
        pel(-50.0, -46.0), pel(-38.0, -66.0), pel(-18.0, -72.0),   # ischial tuberosity
        pel(8.0, -66.0), pel(32.0, -61.0), pel(45.0, -58.0),       # ischiopubic ramus
        pel(53.0, -42.0), pel(57.0, -22.0), pel(59.0, -8.0),       # symphysis, pubic tubercle
        pel(49.0, 4.0), pel(34.0, 16.0),                   # pecten, iliopubic eminence
        pel(39.0, 32.0), pel(45.0, 46.0),                  # AIIS
        pel(45.0, 62.0), pel(51.0, 76.0),
    ]
    hip_corners = (0, 6, 8, 13, 24, 26, 28)
    obt = [pel(9.0, -31.0), pel(28.0, -31.0), pel(40.0, -42.0), pel(36.0, -54.0),
           pel(20.0, -56.0), pel(6.0, -50.0), pel(3.0, -39.0)]
    obt = list(reversed(obt))   # opposite winding: a hole with the default fill rule
    doc.group("hip-bone-right", "region bone")
    doc.path(smooth(hip_out, corners=hip_corners) + " " + smooth(obt))
    # acetabular rim (crescent open below at the acetabular notch)
    outer = arc_pts(pel, 0, 0, R_HEAD + 7.5, -50.0, 230.0, 9)
    inner = list(reversed(arc_pts(pel, 0, 0, R_HEAD + 1.2, -40.0, 220.0, 9)))
    doc.path(smooth(outer + inner, corners=(0, 8, 9, 17)))
    # iliac crest lip, iliopectineal line (pelvic brim), gluteal line, ischial tuberosity facet
    doc.path(smooth([pel(51.0, 93.0), pel(41.0, 106.0), pel(20.0, 119.5), pel(-9.0, 126.0),
                     pel(-40.0, 122.0), pel(-60.0, 110.0)], closed=False), "detail")
    doc.path(smooth([pel(-40.0, 80.0), pel(-14.0, 62.0), pel(10.0, 48.0), pel(24.0, 38.0),
                     pel(32.0, 22.0)], closed=False), "detail")     # pelvic brim (arcuate line)
    doc.path(smooth([pel(-63.0, 104.0), pel(-58.0, 86.0), pel(-56.0, 70.0)], closed=False), "detail")
    doc.path(smooth([pel(-46.0, -40.0), pel(-38.0, -58.0), pel(-22.0, -66.0)], closed=False), "detail")
    doc.end()
    doc.anchor("hip-bone-right", pel(-62.0, 82.0))

    # ------------------------------------------------------------------ iliacus (fan on the inner wing)
    # It lines the inner surface of the wing, so from the side the bone hides it: it is drawn over
    # the wing as a see-through shape with a dashed outline (class "through"); the caption says so.
    ili = [pel(46.0, 82.0), pel(50.0, 56.0), pel(55.0, 28.0), hip(48.0, 0.0), fem(38.0, -26.0),
           fem(26.0, -42.0),
           fem(22.0, -28.0), hip(28.0, -2.0), pel(24.0, 22.0), pel(2.0, 48.0), pel(-22.0, 64.0),
           pel(-36.0, 86.0),
           pel(-38.0, 108.0), pel(-14.0, 122.0), pel(14.0, 118.0), pel(36.0, 104.0)]
    doc.group("iliacus-right", "region muscle through")
    doc.path(smooth(ili, corners=(0, 5, 11)))
    conv = pel(36.0, 30.0)
    for src in [pel(-10.0, 104.0), pel(2.0, 114.0), pel(16.0, 112.0), pel(30.0, 100.0), pel(42.0, 84.0)]:
        mid = lerp(src, conv, 0.55)
        doc.path(smooth([src, mid, lerp(conv, hip(38.0, 0.0), 0.5)], closed=False), "detail")
    doc.end()
    doc.anchor("iliacus-right", pel(0.0, 70.0))


    # ------------------------------------------------------------------ vertebrae
    order = ["T12", "L1", "L2", "L3", "L4", "L5"]
    for name in order:
        fr, depth, ha, hp = M.vert[name]
        body, bc, post, pc, tpc, tpr, facet, rim, rt, rb, ridge = vertebra_outline(name, depth, ha, hp)
        doc.group(name, "region bone")
        doc.path(smooth([fr(*q) for q in post], corners=pc))
        doc.path(smooth([fr(*q) for q in body], corners=bc))
        doc.path(smooth(ellipse_pts(fr, tpc[0], tpc[1], tpr[0], tpr[1], 25.0)))
        doc.path(smooth([fr(*q) for q in facet], closed=False), "detail")
        doc.path(smooth([fr(*q) for q in rim], closed=False), "detail")
        doc.path(smooth([fr(*q) for q in rt], closed=False), "detail")
        doc.path(smooth([fr(*q) for q in rb], closed=False), "detail")
        doc.path(smooth([fr(*q) for q in ridge], closed=False), "detail")
        doc.end()
        # on the arch behind the psoas, which covers the side of the body
        doc.anchor(name, fr(-depth / 2.0 - 34.0 * depth / 34.5, (ha + hp) / 2.0 * 12.0 / 27.0))

    # ------------------------------------------------------------------ rib 12 (lateral: over the spine)
    tf = V("T12")
    rib_c = sample([tf(-14.0, 17.0), tf(-32.0, 12.0), tf(-47.0, -6.0), tf(-57.0, -34.0)], 2)
    rib_w = [w * SCALE for w in (3.4, 3.4, 3.3, 3.1, 2.9, 2.6, 2.3)]
    rl, rr = band(rib_c, rib_w)
    rib = rl + list(reversed(rr))
    doc.group("rib-12-right", "region bone")
    doc.path(smooth(rib, corners=(0, len(rl) - 1, len(rl), len(rib) - 1)))
    doc.path(smooth(rib_c[1:-1], closed=False), "detail")
    doc.end()
    doc.anchor("rib-12-right", rib_c[4])

    # ------------------------------------------------------------------ discs
    doc.group("intervertebral-discs", "region disc")
    disc_anchor = None
    for i, ((la, lp), (ua, up)) in enumerate(M.disc):
        fa = lerp(la, ua, 0.5)
        fp = lerp(lp, up, 0.5)
        ax, ay = (la[0] + ua[0]) / 2.0 - (lp[0] + up[0]) / 2.0, (la[1] + ua[1]) / 2.0 - (lp[1] + up[1]) / 2.0
        ln = math.hypot(ax, ay)
        ax, ay = ax / ln, ay / ln
        bulge = 1.6 * SCALE
        fa = (fa[0] + ax * bulge, fa[1] + ay * bulge)
        fp = (fp[0] - ax * bulge * 0.6, fp[1] - ay * bulge * 0.6)
        doc.path(smooth([la, fa, ua, lerp(ua, up, 0.5), up, fp, lp, lerp(lp, la, 0.5)],
                        corners=(0, 2, 4, 6)))
        c = lerp(lerp(la, lp, 0.5), lerp(ua, up, 0.5), 0.5)
        c = lerp(c, lerp(lp, up, 0.5), 0.12)
        n1 = lerp(c, lerp(la, ua, 0.5), 0.42)
        n2 = lerp(c, lerp(lp, up, 0.5), 0.42)
        doc.path(smooth([n1, lerp(c, lerp(ua, up, 0.5), 0.5), n2, lerp(c, lerp(la, lp, 0.5), 0.5)]),
                 "detail")
        if DISC_NAMES[i] == "L1/L2":   # at the front, which the psoas leaves free
            disc_anchor = lerp(c, lerp(la, ua, 0.5), 0.85)
    doc.end()
    doc.anchor("intervertebral-discs", disc_anchor)

    # ------------------------------------------------------------------ femur
    head = arc_pts(fem, 0, 0, R_HEAD, 148.0, -52.0, 7)
    fem_out = head + [
        fem(9.5, -33.0), fem(14.0, -58.0), fem(7.0, -88.0),              # neck front, intertrochanteric line
        fem(8.0, -150.0), fem(10.0, -220.0), fem(6.0, -300.0), fem(4.0, -370.0),   # anterior shaft (bowed)
        fem(14.0, -412.0), fem(17.0, -440.0), fem(6.0, -462.0),           # patellar surface
        fem(-12.0, -466.0), fem(-31.0, -456.0), fem(-37.0, -434.0),       # condyle
        fem(-32.0, -405.0), fem(-26.0, -376.0),                            # back of the shaft above it
        fem(-25.0, -290.0), fem(-25.0, -220.0), fem(-25.0, -150.0), fem(-26.0, -96.0),  # posterior shaft
        fem(-30.0, -70.0), fem(-39.0, -44.0), fem(-42.0, -22.0),          # greater trochanter, back
        fem(-37.0, -5.0), fem(-28.0, -2.0),                               # apex
        fem(-20.0, -12.0),                                                # trochanteric fossa
    ]
    doc.group("femur-right", "region bone")
    n_head = len(head)
    doc.path(smooth(fem_out, corners=(0, n_head - 1, n_head + 22, n_head + 24)))
    doc.path(smooth(arc_pts(fem, 0, 0, R_HEAD, -52.0, -152.0, 4), closed=False), "detail")   # head-neck line
    doc.path(smooth([fem(-30.0, -10.0), fem(-33.0, -26.0), fem(-33.0, -44.0)], closed=False), "detail")
    doc.path(smooth([fem(3.0, -100.0), fem(2.0, -200.0), fem(-1.0, -360.0)], closed=False), "detail")
    doc.path(smooth([fem(-19.0, -104.0), fem(-19.0, -210.0), fem(-21.0, -360.0)], closed=False), "detail")
    doc.path(smooth([fem(-22.0, -410.0), fem(-10.0, -428.0), fem(4.0, -444.0)], closed=False), "detail")
    doc.end()
    doc.anchor("femur-right", fem(-9.0, -220.0))

    # ------------------------------------------------------------------ knee and lower leg
    # Only enough to read the posture: the knee cap, the top of the shinbone and the fibula.
    tib_out = [
        tib(27.0, -25.0), tib(-12.0, -23.5), tib(-32.0, -26.0),           # plateau
        tib(-34.0, -40.0), tib(-26.0, -58.0), tib(-20.0, -95.0),          # back, below the plateau
        tib(-18.0, -160.0), tib(-17.0, -210.0),                           # posterior shaft
        tib(-9.0, -215.0), tib(-1.0, -209.0), tib(8.0, -214.0),           # broken end
        tib(12.0, -205.0), tib(14.0, -150.0), tib(17.0, -92.0),           # anterior border (shin)
        tib(27.0, -66.0), tib(25.0, -46.0), tib(30.0, -34.0),             # tuberosity
    ]
    doc.group("tibia-right", "region bone")
    doc.path(smooth(tib_out, corners=(0, 2, 7, 10, 16)))
    doc.path(smooth([tib(22.0, -33.0), tib(-4.0, -31.0), tib(-26.0, -33.0)], closed=False), "detail")
    doc.path(smooth([tib(6.0, -80.0), tib(4.0, -140.0), tib(2.0, -200.0)], closed=False), "detail")
    doc.end()
    doc.anchor("tibia-right", tib(-2.0, -120.0))
    fib = [tib(-18.0, -38.0), tib(-29.0, -36.0), tib(-36.0, -46.0), tib(-33.0, -60.0),
           tib(-27.0, -100.0), tib(-23.0, -180.0), tib(-23.0, -207.0), tib(-17.0, -210.0),
           tib(-16.0, -180.0), tib(-18.0, -100.0), tib(-19.0, -60.0)]
    doc.path(smooth(fib, corners=(6, 7)), "bone", indent=1)
    pat = ellipse_pts(kn, 31.0, 12.0, 9.0, 21.0, 8.0)
    doc.path(smooth(pat), "bone", indent=1)
    doc.path(smooth([kn(33.0, -8.0), tib(33.0, -45.0), tib(27.0, -60.0), tib(21.0, -58.0), tib(22.0, -42.0),
                     kn(24.0, -6.0)], corners=(0, 2, 3, 5)), "tendon", indent=1)   # patellar ligament

    # ------------------------------------------------------------------ lesser trochanter
    lt = ellipse_pts(fem, -30.0, -69.0, 10.0, 7.5, 50.0)
    doc.path(smooth(lt), "region bone landmark", id_="lesser-trochanter-right", indent=1)
    doc.anchor("lesser-trochanter-right", fem(-34.0, -71.0))

    # ------------------------------------------------------------------ hip joint capsule: a sleeve over the neck
    cap = arc_pts(hip, 0, 0, R_HEAD - 1.5, -15.0, -165.0, 5)                      # around the lower head
    cap += [fem(-25.0, -26.0), fem(-17.0, -50.0), fem(1.0, -62.0), fem(16.0, -58.0), fem(22.0, -32.0)]
    doc.group("hip-joint-right", "region tendon")
    doc.path(smooth(cap, corners=(0, 4)))
    doc.path(smooth([hip(18.0, -14.0), fem(12.0, -36.0), fem(10.0, -56.0)], closed=False), "detail")
    doc.path(smooth([hip(2.0, -22.0), fem(-2.0, -42.0), fem(2.0, -58.0)], closed=False), "detail")
    doc.path(smooth([hip(-14.0, -20.0), fem(-14.0, -36.0), fem(-10.0, -50.0)], closed=False), "detail")
    doc.end()
    doc.anchor("hip-joint-right", fem(-4.0, -40.0))

    # ------------------------------------------------------------------ iliopsoas tendon
    # The tendon has a fixed length from the lesser trochanter; where it ends the psoas belly begins.
    # When the hip flexes the path around the front of the hip shortens, so the belly ends higher.
    course = tendon_course(M)
    n_c = len(course)
    cum = [0.0]
    for i in range(1, n_c):
        cum.append(cum[-1] + math.dist(course[i - 1], course[i]))
    total = cum[-1]
    tendon_len = TENDON_LEN * SCALE
    junction_s = total - tendon_len          # arc position of the muscle-tendon junction

    def at(sv):
        sv = max(0.0, min(total, sv))
        for i in range(1, n_c):
            if cum[i] >= sv:
                t = (sv - cum[i - 1]) / ((cum[i] - cum[i - 1]) or 1.0)
                return lerp(course[i - 1], course[i], t)
        return course[-1]

    start_s = junction_s - 16.0 * SCALE      # the tendon starts inside the belly

    # Where the course crosses the front border of the femur it goes behind it (to the inner side,
    # where the lesser trochanter is): from there it is drawn dashed, as seen through the bone.
    def fem_x(p):
        f = M.femur
        wx, wy = (p[0] - HIP_X) / SCALE - f.ox, (HIP_Y - p[1]) / SCALE - f.oy
        return wx * f.c - wy * f.s, wx * f.s + wy * f.c

    split_s = total
    for i in range(n_c):
        x, y = fem_x(course[i])
        if y < -16.0 and x < 14.0:
            split_s = cum[i]
            break
    tc = [at(start_s + (split_s - start_s) * i / 8.0) for i in range(9)]
    tw = [w * SCALE for w in (2.5, 3.8, 4.6, 5.0, 5.2, 5.2, 5.0, 4.9, 4.8)]
    left, right = band(tc, tw)
    tendon = left + list(reversed(right))
    hc = [at(split_s + (total - split_s) * i / 4.0) for i in range(5)]
    hw = [w * SCALE for w in (4.8, 4.6, 4.5, 4.4, 4.2)]
    hl, hr = band(hc, hw)
    hidden = hl + list(reversed(hr))
    doc.group("iliopsoas-tendon-right", "region tendon")
    doc.path(smooth(tendon, corners=(0, len(left) - 1, len(left), len(tendon) - 1)))
    doc.path(smooth(tc[3:], closed=False), "detail")
    doc.path(smooth(hidden, corners=(0, len(hl) - 1, len(hl), len(hidden) - 1)), "through")
    doc.end()
    doc.anchor("iliopsoas-tendon-right", tc[6])
    M.course_len = (total - junction_s) / SCALE

    # ------------------------------------------------------------------ psoas major
    thick = 1.0 if pose == "neutral" else 1.28
    # Seen from the side the psoas covers the sides of the bodies back to the transverse processes;
    # only the front of the upper bodies stays free (at L5 the muscle has moved forward of it).
    upper = [  # (level, fraction of body height or None for a disc, inset from the front, reach behind the back)
        ("T12", 0.08, 10.0, -8.0), ("T12/L1", None, 10.0, -1.0),
        ("L1", 0.5, 10.0, 7.0), ("L1/L2", None, 9.5, 11.0), ("L2", 0.5, 9.0, 13.0),
        ("L2/L3", None, 8.0, 13.5), ("L3", 0.5, 6.5, 13.5), ("L3/L4", None, 5.0, 13.5),
        ("L4", 0.5, 3.0, 13.0), ("L4/L5", None, 0.0, 11.0), ("L5", 0.5, -6.0, 4.0),
    ]
    disc_of = {n: i for i, n in enumerate(DISC_NAMES)}
    st = []
    for k, (lev, frac, inset, behind) in enumerate(upper):
        if frac is not None:
            fr, depth, ha, hp = M.vert[lev]
            y = ha * frac
            f, b = fr(depth / 2.0 - inset, y), fr(-depth / 2.0 - behind, y + 1.0)
        else:
            (la, lp), (ua, up) = M.disc[disc_of[lev]]
            fa, fpp = lerp(la, ua, 0.5), lerp(lp, up, 0.5)
            dx, dy = fa[0] - fpp[0], fa[1] - fpp[1]
            ln = math.hypot(dx, dy)
            ux, uy = dx / ln, dy / ln
            f = (fa[0] - ux * inset * SCALE, fa[1] - uy * inset * SCALE)
            b = (fpp[0] - ux * behind * SCALE, fpp[1] - uy * behind * SCALE)
        if k >= 4:   # the belly thickens when the muscle is short; the origins stay on the bodies
            t = 1.0 + (thick - 1.0) * min(1.0, (k - 3) / 4.0)
            f = lerp(b, f, t)
        st.append((f, b))
    # from beside the promontory the belly follows the course, tapering to the junction
    prom_s = cum[0]
    for f, wf in ((0.0, 1.0), (0.18, 1.02), (0.36, 1.0), (0.54, 0.9), (0.7, 0.72), (0.84, 0.5),
                  (0.94, 0.28)):
        sv = prom_s + (junction_s - prom_s) * f
        c, nrm = at(sv), normal_at(at, sv)
        w = BELLY_HALF * SCALE * thick * wf
        st.append(((c[0] + nrm[0] * w, c[1] + nrm[1] * w), (c[0] - nrm[0] * w, c[1] - nrm[1] * w)))
    tip = at(junction_s)
    fronts = relax([s[0] for s in st], 3, 8)
    backs = relax([s[1] for s in st], 3, 8)
    st = list(zip(fronts, backs))
    outline = fronts + [tip] + list(reversed(backs))
    doc.group("psoas-major-right", "region muscle focus")
    doc.path(smooth(outline, corners=(0, len(fronts), len(outline) - 1)))
    for f in (0.2, 0.4, 0.6, 0.8):
        fib = [lerp(a, b, f) for a, b in st[1:]] + [lerp(tip, st[-1][1], 0.3)]
        doc.path(smooth(fib, closed=False), "detail")
    doc.end()
    doc.anchor("psoas-major-right", lerp(st[9][0], st[9][1], 0.5))
    # centre line: from the origin at T12 down the middle of the belly to the junction, then along
    # the tendon to the lesser trochanter (mm)
    mids = [lerp(a, b, 0.5) for a, b in st] + [tip]
    doc.psoas_len = sum(math.dist(mids[i - 1], mids[i]) for i in range(1, len(mids))) / SCALE + M.course_len

    # ------------------------------------------------------------------ inguinal ligament
    ing = [pel(57.0, 83.0), pel(57.5, 52.0), pel(57.5, 22.0), pel(58.0, -5.0)]
    doc.path(smooth(ing, closed=False), "region tendon line", id_="inguinal-ligament-right", indent=1)
    doc.anchor("inguinal-ligament-right", pel(57.5, 40.0))

    return doc


def write(pose, fname):
    doc = draw(pose)
    LENGTHS[pose] = doc.psoas_len
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- Generated by build-aux/diagrams/side.py; edit the generator, not this file. -->',
           '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="1000" height="1250" '
           'viewBox="0 0 1000 1250">']
    out += doc.lines
    out.append('  <g id="anchors">')
    for id_, p in doc.anchors:
        out.append('    <circle class="anchor" id="anchor-%s" cx="%s" cy="%s" r="2"/>' % (id_, fmt(p[0]), fmt(p[1])))
    out.append("  </g>")
    out.append("</svg>")
    with open(os.path.join(OUT_DIR, fname), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


LENGTHS = {}


def structure(path):
    """The file with every number taken out: what must be identical for the app to morph."""
    import re
    with open(path, encoding="utf-8") as f:
        return re.sub(r"-?[0-9]+(\.[0-9]+)?", "#", f.read())


def main():
    write("neutral", "side-neutral.svg")
    write("shortened", "side-shortened.svg")
    n, s = LENGTHS["neutral"], LENGTHS["shortened"]
    print("psoas centre line: neutral %.1f mm, shortened %.1f mm (%.1f%% shorter)" % (n, s, 100.0 * (n - s) / n))
    if structure(os.path.join(OUT_DIR, "side-neutral.svg")) != structure(os.path.join(OUT_DIR, "side-shortened.svg")):
        print("side.py: the two postures differ in structure, so they cannot be morphed", file=sys.stderr)
        return 1
    # The psoas runs close to the hip's centre of rotation (a lever of about 4 cm), so bending the
    # hip by 42 degrees shortens its centre line by only a few centimetres. A bigger figure would
    # need a posture no one stands in; the shortened drawing is the standing compensation.
    if s >= n:
        print("side.py: the shortened psoas must be shorter than the neutral one", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
