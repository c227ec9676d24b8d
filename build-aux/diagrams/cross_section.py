#!/usr/bin/env python3
"""Generate resources/diagrams/cross-section-l4.svg.

Axial slice through L4 seen from below (CT convention): front at the top, the patient's right on
the viewer's left. Shapes are described as point lists and smoothed into cubic Bezier curves
(Catmull-Rom); paired structures are drawn for the patient's left (viewer's right, x > 600) and
mirrored across the midline x = 600.

Usage: python3 build-aux/diagrams/cross_section.py [OUTPUT]
"""
import math
import os
import random
import sys

W, H = 1200, 860
MID = W / 2


# ---------------------------------------------------------------- geometry helpers
def fmt(v):
    s = "%.1f" % v
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


def cr_path(pts, closed=True, sharp=(), k=1 / 6):
    """Smooth path through pts (Catmull-Rom converted to cubic Beziers).

    Indices in `sharp` become corners (zero-length handles)."""
    n = len(pts)
    sharp = set(i % n for i in sharp)
    out = ["M%s %s" % (fmt(pts[0][0]), fmt(pts[0][1]))]
    segs = n if closed else n - 1

    def tangent(i):
        if i in sharp:
            return (0.0, 0.0)
        if closed:
            p0, p2 = pts[(i - 1) % n], pts[(i + 1) % n]
        else:
            p0 = pts[max(i - 1, 0)]
            p2 = pts[min(i + 1, n - 1)]
        return ((p2[0] - p0[0]) * k, (p2[1] - p0[1]) * k)

    for i in range(segs):
        j = (i + 1) % n
        t1, t2 = tangent(i), tangent(j)
        a, b = pts[i], pts[j]
        c1 = (a[0] + t1[0], a[1] + t1[1])
        c2 = (b[0] - t2[0], b[1] - t2[1])
        out.append("C%s %s %s %s %s %s" % tuple(fmt(v) for v in (*c1, *c2, *b)))
    if closed:
        out.append("Z")
    return " ".join(out)


def cr_sample(pts, closed=True, per=24, k=1 / 6):
    """Dense polyline along the same curve cr_path draws."""
    n = len(pts)
    segs = n if closed else n - 1
    res = []

    def tangent(i):
        if closed:
            p0, p2 = pts[(i - 1) % n], pts[(i + 1) % n]
        else:
            p0 = pts[max(i - 1, 0)]
            p2 = pts[min(i + 1, n - 1)]
        return ((p2[0] - p0[0]) * k, (p2[1] - p0[1]) * k)

    for i in range(segs):
        j = (i + 1) % n
        a, b = pts[i], pts[j]
        t1, t2 = tangent(i), tangent(j)
        c1 = (a[0] + t1[0], a[1] + t1[1])
        c2 = (b[0] - t2[0], b[1] - t2[1])
        for s in range(per):
            t = s / per
            mt = 1 - t
            x = mt**3 * a[0] + 3 * mt * mt * t * c1[0] + 3 * mt * t * t * c2[0] + t**3 * b[0]
            y = mt**3 * a[1] + 3 * mt * mt * t * c1[1] + 3 * mt * t * t * c2[1] + t**3 * b[1]
            res.append((x, y))
    if not closed:
        res.append(pts[-1])
    return res


def frange(a, b, step):
    n = max(1, int(round((b - a) / step)))
    return [a + (b - a) * i / n for i in range(n + 1)]


def mirror(pts):
    return [(W - x, y) for (x, y) in pts]


def sym_closed(half):
    """Full closed outline from a half running from the top midline point to the bottom one
    on the viewer's right (x >= MID)."""
    back = mirror(half[1:-1])
    back.reverse()
    return list(half) + back


def ellipse_pts(cx, cy, rx, ry, rot=0.0, n=12, wobble=0.0, seed=0, phase=0.0):
    rnd = random.Random(seed)
    pts = []
    cr, sr = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    for i in range(n):
        a = 2 * math.pi * i / n + phase
        f = 1 + (rnd.uniform(-wobble, wobble) if wobble else 0)
        x, y = rx * f * math.cos(a), ry * f * math.sin(a)
        pts.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return pts


def capsule_pts(cx, cy, a, b, rot, bend=0.0, n=10, wobble=0.0, seed=0):
    """A slightly bent stadium (a loop of bowel cut obliquely): half length a, radius b."""
    rnd = random.Random(seed)
    h = a - b
    local = []
    for k in range(n + 1):              # right cap
        t = -math.pi / 2 + math.pi * k / n
        local.append((h + b * math.cos(t), b * math.sin(t)))
    for k in range(1, 3):                # lower side
        local.append((h - 2 * h * k / 3, b))
    for k in range(n + 1):              # left cap
        t = math.pi / 2 + math.pi * k / n
        local.append((-h + b * math.cos(t), b * math.sin(t)))
    for k in range(1, 3):                # upper side
        local.append((-h + 2 * h * k / 3, -b))
    cr, sr = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    pts = []
    for (x, y) in local:
        f = 1 + (rnd.uniform(-wobble, wobble) if wobble else 0)
        y = y * f - bend * (1 - (x / a) ** 2)
        pts.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return pts


def offset_poly(poly, d, center):
    """Offset a dense polyline by d toward `center` side (approx. inward normal)."""
    res = []
    n = len(poly)
    for i in range(n):
        p0 = poly[max(i - 1, 0)]
        p2 = poly[min(i + 1, n - 1)]
        tx, ty = p2[0] - p0[0], p2[1] - p0[1]
        L = math.hypot(tx, ty) or 1
        nx, ny = -ty / L, tx / L
        px, py = poly[i]
        if (center[0] - px) * nx + (center[1] - py) * ny < 0:
            nx, ny = -nx, -ny
        res.append((px + nx * d, py + ny * d))
    return res


def arclen(poly):
    s = [0.0]
    for a, b in zip(poly, poly[1:]):
        s.append(s[-1] + math.hypot(b[0] - a[0], b[1] - a[1]))
    return s


def interp(knots, s):
    """Piecewise linear (smoothstep-eased) interpolation over [(s, value), ...]."""
    if s <= knots[0][0]:
        return knots[0][1]
    for (s0, v0), (s1, v1) in zip(knots, knots[1:]):
        if s <= s1:
            t = (s - s0) / (s1 - s0)
            t = t * t * (3 - 2 * t)
            return v0 + (v1 - v0) * t
    return knots[-1][1]


class Wall:
    """The inner surface of the subcutaneous fat, patient's-left half, with arc length."""

    def __init__(self, half_pts):
        full = sym_closed(half_pts)
        dense = cr_sample(full, closed=True, per=40)
        # keep the viewer's-right half, from top midline to bottom midline
        nper = 40
        count = (len(half_pts) - 1) * nper + 1
        self.poly = dense[:count]
        self.s = arclen(self.poly)
        self.length = self.s[-1]
        self.center = (MID, 470)

    def point(self, s, d):
        """Point at arc length s, moved d inward."""
        s = max(0, min(self.length, s))
        i = 1
        while i < len(self.s) - 1 and self.s[i] < s:
            i += 1
        a, b = self.poly[i - 1], self.poly[i]
        t = (s - self.s[i - 1]) / ((self.s[i] - self.s[i - 1]) or 1)
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        tx, ty = b[0] - a[0], b[1] - a[1]
        L = math.hypot(tx, ty) or 1
        nx, ny = -ty / L, tx / L
        if (self.center[0] - x) * nx + (self.center[1] - y) * ny < 0:
            nx, ny = -nx, -ny
        return (x + nx * d, y + ny * d)

    def s_at_x(self, x, back=True):
        """Arc length where the wall crosses x (on the back half if back)."""
        best = None
        for i, (p, q) in enumerate(zip(self.poly, self.poly[1:])):
            if (p[0] - x) * (q[0] - x) <= 0:
                cand = self.s[i]
                if back:
                    if p[1] > 470:
                        best = cand
                else:
                    if p[1] < 470:
                        return cand
        return best

    def band(self, outer, inner, step=16, ends=(None, None)):
        """Closed outline between two offset profiles (knot lists over arc length)."""
        s0, s1 = outer[0][0], outer[-1][0]
        n = max(3, int((s1 - s0) / step))
        ss = [s0 + (s1 - s0) * i / n for i in range(n + 1)]
        out_edge = [self.point(s, interp(outer, s)) for s in ss]
        in_edge = [self.point(s, interp(inner, s)) for s in ss]
        pts = list(out_edge)
        if ends[1] is not None:
            s, d = ends[1]
            pts.append(self.point(s, d))
        pts += list(reversed(in_edge))
        if ends[0] is not None:
            s, d = ends[0]
            pts.append(self.point(s, d))
        return pts


# ---------------------------------------------------------------- SVG writer
class Svg:
    def __init__(self):
        self.lines = []
        self.anchors = []
        self.ids = []

    def add(self, s, indent=1):
        self.lines.append("  " * indent + s)

    def path(self, d, cls=None, ident=None, indent=1, extra=""):
        a = []
        if ident:
            a.append('id="%s"' % ident)
        if cls:
            a.append('class="%s"' % cls)
        if extra:
            a.append(extra.strip())
        a.append('d="%s"' % d)
        self.add("<path %s/>" % " ".join(a), indent)

    def circle(self, cx, cy, r, cls=None, indent=1):
        c = ' class="%s"' % cls if cls else ""
        self.add('<circle%s cx="%s" cy="%s" r="%s"/>' % (c, fmt(cx), fmt(cy), fmt(r)), indent)

    def ellipse(self, cx, cy, rx, ry, cls=None, rot=0, indent=1, ident=None):
        """An ellipse; rotated ones become an arc path so that no transform is needed."""
        a = ""
        if ident:
            a += ' id="%s"' % ident
        if cls:
            a += ' class="%s"' % cls
        if not rot:
            self.add('<ellipse%s cx="%s" cy="%s" rx="%s" ry="%s"/>'
                     % (a, fmt(cx), fmt(cy), fmt(rx), fmt(ry)), indent)
            return
        c, s_ = math.cos(math.radians(rot)), math.sin(math.radians(rot))
        p1 = (cx + rx * c, cy + rx * s_)
        p2 = (cx - rx * c, cy - rx * s_)
        arc = "A%s %s %s 1 1 %s %s" % (fmt(rx), fmt(ry), fmt(rot), "%s", "%s")
        d = "M%s %s " % (fmt(p1[0]), fmt(p1[1])) + arc % (fmt(p2[0]), fmt(p2[1])) + " " + \
            arc % (fmt(p1[0]), fmt(p1[1])) + " Z"
        self.add('<path%s d="%s"/>' % (a, d), indent)

    def region(self, ident, anchor):
        self.ids.append(ident)
        self.anchors.append((ident, anchor))

    def text(self):
        head = ['<?xml version="1.0" encoding="UTF-8"?>',
                '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" '
                'viewBox="0 0 %d %d">' % (W, H, W, H),
                "  <!-- Axial section at L4 seen from below: anterior up, patient's right on the"
                " viewer's left. Generated by build-aux/diagrams/cross_section.py. -->"]
        tail = ['  <g id="anchors">']
        for ident, (x, y) in self.anchors:
            tail.append('    <circle class="anchor" id="anchor-%s" cx="%s" cy="%s" r="2"/>'
                        % (ident, fmt(x), fmt(y)))
        tail += ["  </g>", "</svg>", ""]
        return "\n".join(head + self.lines + tail)


# ---------------------------------------------------------------- anatomy
# Skin (outer outline), patient's-left half from the front midline to the back midline.
SKIN = [(600, 46), (760, 54), (902, 92), (1022, 162), (1102, 258), (1146, 360), (1157, 462),
        (1142, 570), (1094, 664), (1014, 738), (904, 788), (782, 810), (690, 810), (642, 803),
        (600, 792)]
# Inner surface of the subcutaneous fat (outer surface of the muscles).
FASCIA = [(600, 114), (752, 122), (884, 158), (988, 224), (1056, 304), (1090, 390),
          (1094, 472), (1078, 562), (1034, 642), (966, 706), (878, 746), (776, 764),
          (690, 766), (640, 764), (600, 760)]

# Vertebra L4, half outline (viewer's right), from the front midline round to the tip of the
# spinous process.
VERT = [(600, 457), (643, 460), (672, 474), (684, 500), (685, 530), (678, 558),
        (666, 576),                                   # posterolateral corner of the body
        (664, 588), (668, 598),                       # pedicle
        (690, 601), (716, 600), (736, 602), (748, 609), (745, 618),  # transverse process
        (724, 620), (702, 624),
        (700, 636), (703, 650), (694, 661),           # articular processes (facet)
        (668, 668), (640, 676), (622, 686),           # lamina
        (614, 702), (612, 724), (615, 742), (610, 754), (600, 757)]  # spinous process
VERT_SHARP = {9, 15, 21}
CANAL = [(600, 584), (622, 588), (637, 596), (641, 611), (636, 628), (625, 642), (612, 651),
         (600, 654)]
CANCELLOUS = [(600, 466), (640, 469), (664, 481), (675, 503), (676, 530), (670, 553),
              (658, 567), (636, 575), (614, 574), (600, 572)]

PSOAS = [(682, 474), (712, 455), (756, 446), (802, 452), (838, 474), (856, 506), (856, 540),
         (842, 568), (816, 588), (782, 596), (750, 594), (722, 592), (696, 590), (680, 584),
         (688, 566), (691, 538), (690, 508), (687, 488)]
PLEXUS = [  # (cx, cy, rx, ry, rot) nerve bundles in the back third of the psoas
    (705, 574, 6, 5, 0),       # obturator (medial)
    (732, 576, 9, 6, 10),      # femoral roots
    (761, 575, 8, 6, -5),
    (744, 558, 5, 4, 0),
    (790, 571, 7, 5, -15),
    (817, 560, 5.5, 4.5, -25),  # lateral femoral cutaneous
]
QL = [(748, 612), (772, 603), (808, 598), (842, 600), (868, 609), (884, 624), (880, 639),
      (860, 647), (830, 649), (800, 645), (772, 636), (752, 624)]
BACK_TOP = [(620, 688), (644, 679), (672, 671), (696, 664), (707, 648), (708, 632), (724, 626),
            (748, 630), (772, 643), (806, 652), (840, 656), (866, 654), (886, 660), (900, 678),
            (905, 702), (898, 726)]
BACK_MEDIAL = [(634, 762), (620, 749), (616, 720)]
BACK_SHARP = set()


def point_in_poly(p, poly):
    x, y = p
    inside = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xi > x:
                inside = not inside
    return inside


def nearest_on_poly(p, poly):
    best, bp = 1e18, None
    n = len(poly)
    for i in range(n):
        a, b = poly[i], poly[(i + 1) % n]
        dx, dy = b[0] - a[0], b[1] - a[1]
        L2 = dx * dx + dy * dy or 1
        t = max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L2))
        q = (a[0] + dx * t, a[1] + dy * t)
        d = math.hypot(p[0] - q[0], p[1] - q[1])
        if d < best:
            best, bp = d, q
    return best, bp


def pack_loops(wall, colons, n=24, gap=7, seed=5):
    """Relax circles (small-intestine loops) into the peritoneal cavity in front of the
    posterior structures."""
    # cavity: inside the rectus / transversus, cut off behind at y = 610
    prof = [(0, 52), (230, 52), (320, 78), (880, 80)]
    half = [wall.point(sv, interp(prof, sv)) for sv in range(0, 881, 20)]
    cav = half + list(reversed(mirror(half[1:])))
    obstacles = [
        sym_closed(VERT[:8] + [(600, 600)]),
        PSOAS, mirror(PSOAS), QL, mirror(QL),
        ellipse_pts(632, 424, 33, 33, n=16), ellipse_pts(545, 434, 42, 23, -8, n=16),
    ]
    for (cx, cy, r) in colons:
        obstacles.append(ellipse_pts(cx, cy, r, r, n=16))
    # keep loops out of the space behind the psoas / beside the vertebra
    obstacles.append([(380, 600), (820, 600), (820, 860), (380, 860)])
    rnd = random.Random(seed)
    circles = []
    while len(circles) < n:
        x, y = rnd.uniform(180, 1020), rnd.uniform(160, 480)
        if point_in_poly((x, y), cav) and not any(point_in_poly((x, y), o) for o in obstacles):
            circles.append([x, y, rnd.uniform(40, 58)])
    for it in range(1500):
        conflicts = [0] * n
        for i in range(n):
            for j in range(i + 1, n):
                a, b = circles[i], circles[j]
                dx, dy = b[0] - a[0], b[1] - a[1]
                d = math.hypot(dx, dy) or 0.01
                need = a[2] + b[2] + gap
                if d < need:
                    m = (need - d) / 2
                    ux, uy = dx / d, dy / d
                    a[0] -= ux * m; a[1] -= uy * m
                    b[0] += ux * m; b[1] += uy * m
                    conflicts[i] += 1; conflicts[j] += 1
        for i, c in enumerate(circles):
            p = (c[0], c[1])
            d, q = nearest_on_poly(p, cav)
            inside = point_in_poly(p, cav)
            need = c[2] + gap
            if not inside or d < need:
                ux, uy = (q[0] - p[0]), (q[1] - p[1])
                L = math.hypot(ux, uy) or 1
                ux, uy = ux / L, uy / L
                if inside:
                    ux, uy = -ux, -uy
                    m = need - d
                else:
                    m = need + d
                c[0] += ux * m; c[1] += uy * m
                conflicts[i] += 1
            for o in obstacles:
                p = (c[0], c[1])
                d, q = nearest_on_poly(p, o)
                ins = point_in_poly(p, o)
                if ins or d < need:
                    ux, uy = p[0] - q[0], p[1] - q[1]
                    L = math.hypot(ux, uy) or 1
                    ux, uy = ux / L, uy / L
                    if ins:
                        ux, uy = -ux, -uy
                        m = need + d
                    else:
                        m = need - d
                    c[0] += ux * m; c[1] += uy * m
                    conflicts[i] += 1
        if 200 < it < 1200:
            for i, c in enumerate(circles):
                if conflicts[i] == 0 and c[2] < 60:
                    c[2] += 0.15
                elif conflicts[i] > 1:
                    c[2] = max(24, c[2] - 0.1)
    return [(c[0], c[1], c[2]) for c in circles], cav, obstacles


def X2(mir, x):
    return W - x if mir else x


def main(out):
    svg = Svg()
    wall = Wall(FASCIA)

    # --- silhouette (background of the abdominal cavity: extraperitoneal and mesenteric fat)
    skin_full = sym_closed(SKIN)
    fascia_full = sym_closed(FASCIA)
    svg.path(cr_path(skin_full), cls="silhouette cavity")

    # --- skin and subcutaneous fat: a ring
    svg.add('<g id="skin-and-fat" class="region fat">')
    bump = [(885, 0), (915, 24), (940, 42), (965, 54), (985, 60), (1005, 66), (1025, 66),
            (1045, 40), (1070, 0)]
    fat_half = [wall.point(sv, interp(bump, sv)) for sv in frange(0, wall.length, 14)]
    fat_half[0] = (MID, fat_half[0][1])
    fat_half[-1] = (MID, fat_half[-1][1])
    fat_inner = sym_closed(fat_half)
    svg.path(cr_path(skin_full) + " " + cr_path(fat_inner), indent=2,
             extra='fill-rule="evenodd" ')
    # the dermis: a line just inside the skin surface
    dense = cr_sample(skin_full, per=30)
    derm = offset_poly(dense, 7, (MID, 440))[::10]
    svg.path(cr_path(derm), cls="detail", indent=2)
    svg.add("</g>")
    svg.region("skin-and-fat", wall.point(wall.s_at_x(1000, back=False), -30))

    # --- anterior abdominal wall
    ra_s0, ra_s1 = 13, 244
    rectus = wall.band([(ra_s0, 5), (ra_s1, 5)],
                       [(ra_s0, 40), (ra_s0 + 60, 43), (ra_s0 + 150, 34), (ra_s1, 14)],
                       step=14, ends=((ra_s0 - 6, 22), (ra_s1 + 8, 9)))
    for side, pts in (("left", rectus), ("right", mirror(rectus))):
        ident = "rectus-abdominis-" + side
        svg.path(cr_path(pts), cls="region muscle", ident=ident)
    anc = wall.point(110, 24)
    svg.region("rectus-abdominis-left", anc)
    svg.region("rectus-abdominis-right", (W - anc[0], anc[1]))

    layers = {
        # outer and inner offset profiles (arc length, distance inward from the fat); the
        # front ends taper into aponeurosis at the lateral edge of the rectus sheath, the back
        # ends of the two deep layers sweep inward to the thoracolumbar fascia at the lateral
        # border of quadratus lumborum.
        "external-oblique": (
            [(250, 5), (340, 4), (950, 4)],
            [(250, 7.5), (340, 19), (560, 23), (900, 22), (950, 14)],
            ((247, 6), (962, 9))),
        "internal-oblique": (
            [(252, 11), (330, 25), (560, 27), (900, 27), (998, 58)],
            [(252, 13.5), (330, 46), (560, 53), (900, 52), (998, 72)],
            ((249, 12), (1008, 67))),
        "transversus-abdominis": (
            [(254, 17), (320, 50), (560, 57), (900, 56), (1020, 84)],
            [(254, 19.5), (320, 62), (560, 71), (900, 70), (1020, 94)],
            ((251, 18), (1030, 90))),
    }
    anchors_s = {"external-oblique": (640, 13), "internal-oblique": (660, 40),
                 "transversus-abdominis": (680, 64)}
    for name, (outer, inner, ends) in layers.items():
        pts = wall.band(outer, inner, step=18, ends=ends)
        svg.path(cr_path(pts), cls="region muscle", ident=name + "-left")
        svg.path(cr_path(mirror(pts)), cls="region muscle", ident=name + "-right")
        s, d = anchors_s[name]
        a = wall.point(s, d)
        svg.region(name + "-left", a)
        svg.region(name + "-right", (W - a[0], a[1]))

    # --- bowel (asymmetric): small-intestine loops packed into the cavity, and the two colons
    ASC = (258, 528, 62)   # ascending colon: patient's right = viewer's left
    DESC = (950, 556, 44)  # descending colon
    loops, cav, obstacles = pack_loops(wall, [ASC, DESC])
    # Some loops are cut obliquely: merge a few neighbouring pairs into elongated profiles.
    shapes = []  # (cx, cy, a, b, rot)
    used = set()
    pairs = []
    for i in range(len(loops)):
        for j in range(i + 1, len(loops)):
            (x1, y1, r1), (x2, y2, r2) = loops[i], loops[j]
            d = math.hypot(x2 - x1, y2 - y1)
            if min(r1, r2) / max(r1, r2) > 0.7 and d < r1 + r2 + 12:
                pairs.append((d - r1 - r2, i, j))
    pairs.sort()
    for _, i, j in pairs:
        if len(used) >= 6 or i in used or j in used:
            continue
        (x1, y1, r1), (x2, y2, r2) = loops[i], loops[j]
        d = math.hypot(x2 - x1, y2 - y1)
        rot = math.degrees(math.atan2(y2 - y1, x2 - x1))
        a, b = d / 2 + min(r1, r2) * 0.9, min(r1, r2) * 0.86
        cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
        pts = capsule_pts(cx, cy, a, b, rot, bend=b * 0.25)
        ok = all(point_in_poly(p, cav) and nearest_on_poly(p, cav)[0] > 4 for p in pts)
        ok = ok and not any(point_in_poly(p, o) or nearest_on_poly(p, o)[0] < 4
                            for p in pts for o in obstacles)
        for k, (x, y, r) in enumerate(loops):
            if k in (i, j):
                continue
            if any(math.hypot(p[0] - x, p[1] - y) < r + 4 for p in pts):
                ok = False
        if ok:
            used |= {i, j}
            shapes.append((cx, cy, a, b, rot, True))
    for k, (x, y, r) in enumerate(loops):
        if k not in used:
            rnd = random.Random(300 + k)
            asp = rnd.uniform(0.82, 0.95)
            shapes.append((x, y, r * 0.97, r * 0.97 * asp, rnd.uniform(0, 180), False))
    shapes.sort(key=lambda t: (t[1], t[0]))
    svg.add('<g id="bowel" class="region organ">')
    for i, (cx, cy, a, b, rot, long_) in enumerate(shapes):
        if long_:
            outer = capsule_pts(cx, cy, a, b, rot, bend=b * 0.25, n=7)
            lum = capsule_pts(cx, cy, a - b * 0.45, b * 0.42, rot, bend=b * 0.25, n=5,
                              wobble=0.12, seed=200 + i)
        else:
            outer = ellipse_pts(cx, cy, a, b, rot, n=10, wobble=0.035, seed=i)
            lum = ellipse_pts(cx, cy, a * 0.6, b * 0.5, rot, n=9, wobble=0.16, seed=200 + i)
        svg.path(cr_path(outer), indent=2)
        svg.path(cr_path(lum), cls="detail", indent=2)
    loops = [(cx, cy, b) for (cx, cy, a, b, rot, l) in shapes]

    def colon(cx, cy, r, n, depth):
        pts = []
        for i in range(2 * n):
            ang = math.pi * i / n + 0.3
            rr = r * (1 - depth if i % 2 else 1)
            pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
        return pts
    for (cx, cy, r), seed in ((ASC, 7), (DESC, 8)):
        svg.path(cr_path(colon(cx, cy, r, 5, 0.07)), indent=2)
        svg.path(cr_path(ellipse_pts(cx, cy, r * 0.66, r * 0.6, 20, n=12, wobble=0.1,
                                     seed=seed)), cls="detail", indent=2)
        # haustral folds: short ridges from the wall toward the lumen
        for k in range(5):
            ang = math.pi * 2 * k / 5 + 0.3 + math.pi / 5
            svg.path("M%s %s L%s %s" % (fmt(cx + r * 0.9 * math.cos(ang)),
                                          fmt(cy + r * 0.9 * math.sin(ang)),
                                          fmt(cx + r * 0.7 * math.cos(ang)),
                                          fmt(cy + r * 0.7 * math.sin(ang))),
                     cls="detail", indent=2)
    svg.add("</g>")
    big = max(loops, key=lambda c: c[2] - abs(c[0] - MID) * 0.05)
    svg.region("bowel", (big[0], big[1]))

    # --- great vessels. The slice passes through the fork of the aorta (at L4): the two common
    # iliac arteries are still joined by the last of the aorta between them (a figure of eight).
    for side, (cx, cy) in (("right", (609, 427)), ("left", (656, 430))):
        svg.circle(cx, cy, 23, cls="region artery")
        svg.lines[-1] = svg.lines[-1].replace("<circle", '<circle id="common-iliac-artery-%s"' % side)
        svg.region("common-iliac-artery-" + side, (cx + (-9 if side == "right" else 9), cy))
    svg.add('<g id="aorta" class="region artery">')
    svg.path(cr_path([(632, 406), (641, 417), (643, 430), (639, 444), (632, 450), (625, 443),
                      (622, 429), (624, 416)]), indent=2)
    svg.path("M632 414 L632 444", cls="detail", indent=2)
    svg.add("</g>")
    svg.region("aorta", (632, 424))
    svg.ellipse(545, 434, 40, 21, cls="region vein", rot=-8, ident="inferior-vena-cava")
    svg.region("inferior-vena-cava", (545, 434))

    # --- L4 vertebra
    vert_full = sym_closed(VERT)
    n_half = len(VERT)
    sharp = set(VERT_SHARP)
    sharp |= {len(vert_full) - (i - 0) for i in VERT_SHARP}  # mirrored indices
    canal_full = sym_closed(CANAL)
    svg.add('<g id="L4" class="region bone">')
    svg.path(cr_path(vert_full, sharp=sharp) + " " + cr_path(canal_full), indent=2,
             extra='fill-rule="evenodd" ')
    svg.path(cr_path(sym_closed(CANCELLOUS)), cls="detail bone-cut", indent=2)
    svg.add("</g>")
    # Off the midline, so its leader does not run down through the cauda equina below it.
    svg.region("L4", (636, 500))

    # --- cauda equina in the dural sac
    svg.add('<ellipse class="outline" cx="600" cy="622" rx="33" ry="27"/>')
    svg.add('<g id="cauda-equina" class="region nerve">')
    roots = [(600, 640), (586, 636), (614, 636), (574, 627), (626, 627), (590, 624),
             (610, 624), (600, 612), (580, 609), (620, 609)]
    for (x, y) in roots:
        svg.circle(x, y, 5.2, indent=2)
    svg.add("</g>")
    svg.region("cauda-equina", (600, 640))

    # --- psoas major (focus): cut-fibre stipple and the plane between its two layers
    poly = cr_sample(PSOAS, per=12)
    rnd = random.Random(42)
    dots = []
    for _ in range(6000):
        x, y = rnd.uniform(680, 860), rnd.uniform(444, 600)
        if not point_in_poly((x, y), poly) or nearest_on_poly((x, y), poly)[0] < 7:
            continue
        if any((x - u) ** 2 + (y - v) ** 2 < 12.5 ** 2 for (u, v) in dots):
            continue
        if any(((x - cx) / (rx + 5)) ** 2 + ((y - cy) / (ry + 5)) ** 2 < 1
               for (cx, cy, rx, ry, _r) in PLEXUS):
            continue
        dots.append((x, y))
    dots.sort(key=lambda p: (p[1], p[0]))

    def stipple(pts):
        return " ".join("M%s %sa1.3 1.3 0 1 0 2.6 0a1.3 1.3 0 1 0 -2.6 0"
                        % (fmt(x - 1.3), fmt(y)) for (x, y) in pts)
    layer_plane = [(688, 566), (722, 567), (760, 566), (798, 560), (832, 544)]
    for side, mir in (("left", False), ("right", True)):
        pts = mirror(PSOAS) if mir else PSOAS
        svg.add('<g id="psoas-major-%s" class="region muscle focus">' % side)
        svg.path(cr_path(pts), indent=2)
        svg.path(stipple(mirror(dots) if mir else dots), cls="detail", indent=2)
        svg.path(cr_path(mirror(layer_plane) if mir else layer_plane, closed=False),
                 cls="detail", indent=2)
        svg.add("</g>")
        svg.region("psoas-major-" + side, (W - 782, 505) if mir else (782, 505))

    # --- on the front of the psoas: the ureter (inner) and the genitofemoral nerve (outer); along
    # the front-inner edge of the vertebral body: the sympathetic trunk
    for side, mir in (("left", False), ("right", True)):
        def X(x):
            return W - x if mir else x
        svg.ellipse(X(738), 440, 9, 7.5, cls="region organ", ident="ureter-" + side)
        svg.region("ureter-" + side, (X(738), 440))
        svg.circle(X(800), 449, 6.5, cls="region nerve")
        svg.lines[-1] = svg.lines[-1].replace("<circle", '<circle id="genitofemoral-nerve-%s"' % side)
        svg.region("genitofemoral-nerve-" + side, (X(800), 449))
        svg.ellipse(X(680), 466, 6.5, 5.5, cls="region nerve", ident="sympathetic-trunk-" + side)
        svg.region("sympathetic-trunk-" + side, (X(680), 466))

    # --- lumbar plexus in the back third of the psoas
    for side, mir in (("left", False), ("right", True)):
        svg.add('<g id="lumbar-plexus-%s" class="region nerve">' % side)
        for (cx, cy, rx, ry, rot) in PLEXUS:
            x = W - cx if mir else cx
            svg.ellipse(x, cy, rx, ry, rot=-rot if mir else rot, indent=2)
        svg.add("</g>")
        svg.region("lumbar-plexus-" + side, (W - 761, 575) if mir else (761, 575))

    # --- quadratus lumborum and back muscles (context)
    for side, mir in (("left", False), ("right", True)):
        pts = mirror(QL) if mir else QL
        svg.path(cr_path(pts), cls="region muscle context", ident="quadratus-lumborum-" + side)
        svg.region("quadratus-lumborum-" + side, (W - 820, 624) if mir else (820, 624))
    back = BACK_TOP + [wall.point(sv, -1) for sv in frange(1064, 1290, 24)] + BACK_MEDIAL
    for side, mir in (("left", False), ("right", True)):
        pts = mirror(back) if mir else back
        split = [(704, 662), (694, 690), (690, 720), (694, 757)]
        svg.add('<g id="back-muscles-%s" class="region muscle context">' % side)
        svg.path(cr_path(pts), indent=2)
        svg.path(cr_path(mirror(split) if mir else split, closed=False), cls="detail", indent=2)
        svg.add("</g>")
        svg.region("back-muscles-" + side, (W - 760, 700) if mir else (760, 700))

    # --- the tops of the iliac crests, just caught at the sides (their highest point is at L4)
    crest = [(894, 612), (914, 606), (934, 614), (944, 632), (938, 652), (920, 660), (902, 652),
             (893, 634)]
    for side, mir in (("left", False), ("right", True)):
        pts = mirror(crest) if mir else crest
        svg.add('<g id="iliac-crest-%s" class="region bone">' % side)
        svg.path(cr_path(pts), indent=2)
        svg.path(cr_path([(X2(mir, 904), 622), (X2(mir, 926), 618), (X2(mir, 934), 638), (X2(mir, 914), 650)]),
                 cls="detail bone-cut", indent=2)
        svg.add("</g>")
        svg.region("iliac-crest-" + side, (X2(mir, 918), 633))

    with open(out, "w") as f:
        f.write(svg.text())


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "resources", "diagrams", "cross-section-l4.svg")
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(default))
