#!/usr/bin/env python3
"""Generate resources/diagrams/front.svg: anterior view of the lower trunk and hips.

Every paired structure is described once, for the patient's RIGHT side, which lies on the
viewer's LEFT (x < 500).  The patient's left side is the exact mirror image (x -> 1000 - x),
computed here, so the two sides are symmetric to the last digit.  Only the crura of the
diaphragm differ between the sides (the right crus is longer), as in the body.

Outlines are smooth cubic Bezier curves built from a few guide points (a chord-length
Catmull-Rom spline); points marked 'c' are corners.

Usage: python3 build-aux/diagrams/front.py [OUTPUT]   (default resources/diagrams/front.svg)
"""
import math
import os
import sys

W, H = 1000, 1250
MID = 500.0


# ----------------------------------------------------------------------------------------------
# Geometry helpers.  A path is a list of ops in "right side" coordinates:
#   ('M', p) ('L', p) ('C', c1, c2, p) ('Z',)
# ----------------------------------------------------------------------------------------------

def _sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def _add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def _mul(a, k):
    return (a[0] * k, a[1] * k)


def _len(a):
    return math.hypot(a[0], a[1])


def _unit(a):
    n = _len(a)
    return (0.0, 0.0) if n == 0 else (a[0] / n, a[1] / n)


def spline(points, closed=False, move=True, k=0.36):
    """Smooth curve through points; a point given as (x, y, 'c') is a corner."""
    pts = [(float(p[0]), float(p[1])) for p in points]
    corner = [len(p) > 2 and p[2] == 'c' for p in points]
    n = len(pts)
    ops = [('M', pts[0])] if move else []

    def tangent(i):
        p = pts[i]
        if closed:
            a, b = pts[(i - 1) % n], pts[(i + 1) % n]
        else:
            a = pts[i - 1] if i > 0 else p
            b = pts[i + 1] if i < n - 1 else p
        return _unit(_sub(b, a))

    segs = n if closed else n - 1
    for i in range(segs):
        j = (i + 1) % n
        p, q = pts[i], pts[j]
        d = _len(_sub(q, p))
        if corner[i]:
            c1 = _add(p, _mul(_sub(q, p), 0.3))
        else:
            c1 = _add(p, _mul(tangent(i), d * k))
        if corner[j]:
            c2 = _sub(q, _mul(_sub(q, p), 0.3))
        else:
            c2 = _sub(q, _mul(tangent(j), d * k))
        ops.append(('C', c1, c2, q))
    if closed:
        ops.append(('Z',))
    return ops


def arc(cx, cy, rx, ry, a0, a1, move=False):
    """Elliptical arc from angle a0 to a1 (degrees, screen coordinates, y down) as cubics."""
    ops = []
    nseg = max(1, int(math.ceil(abs(a1 - a0) / 90.0)))
    da = (a1 - a0) / nseg
    for s in range(nseg):
        t0 = math.radians(a0 + s * da)
        t1 = math.radians(a0 + (s + 1) * da)
        kk = 4.0 / 3.0 * math.tan((t1 - t0) / 4.0)
        p0 = (cx + rx * math.cos(t0), cy + ry * math.sin(t0))
        p1 = (cx + rx * math.cos(t1), cy + ry * math.sin(t1))
        c1 = (p0[0] - kk * rx * math.sin(t0), p0[1] + kk * ry * math.cos(t0))
        c2 = (p1[0] + kk * rx * math.sin(t1), p1[1] - kk * ry * math.cos(t1))
        if s == 0 and move:
            ops.append(('M', p0))
        ops.append(('C', c1, c2, p1))
    return ops


def ellipse(cx, cy, rx, ry, rot=0.0):
    """Closed ellipse (optionally rotated, degrees) as a path."""
    ops = arc(0, 0, rx, ry, 0, 360, move=True)
    c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))

    def tr(p):
        return (cx + p[0] * c - p[1] * s, cy + p[0] * s + p[1] * c)
    out = []
    for op in ops:
        out.append((op[0],) + tuple(tr(p) for p in op[1:]))
    out.append(('Z',))
    return out


def _normals(center):
    n = len(center)
    res = []
    for i in range(n):
        a = center[max(i - 1, 0)]
        b = center[min(i + 1, n - 1)]
        t = _unit(_sub(b, a))
        res.append((t, (-t[1], t[0])))
    return res


def ribbon(center, widths, start='round', end='round'):
    """Closed band of varying width along a centre line. Caps: 'round', 'flat', 'point'."""
    nm = _normals(center)
    left = [_add(p, _mul(nm[i][1], widths[i] / 2.0)) for i, p in enumerate(center)]
    right = [_sub(p, _mul(nm[i][1], widths[i] / 2.0)) for i, p in enumerate(center)]
    ops = spline(left)

    def cap(p_from, p_to, t, w, kind):
        if kind == 'round':
            r = w / 2.0
            return [('C', _add(p_from, _mul(t, r * 1.33)), _add(p_to, _mul(t, r * 1.33)), p_to)]
        if kind == 'point':
            c = _mul(_add(p_from, p_to), 0.5)
            tip = _add(c, _mul(t, w * 1.2))
            return [('C', _add(p_from, _mul(t, w * 0.5)), _add(tip, _mul(_sub(p_from, p_to), 0.12)), tip),
                    ('C', _add(tip, _mul(_sub(p_to, p_from), 0.12)), _add(p_to, _mul(t, w * 0.5)), p_to)]
        return [('L', p_to)]
    ops += cap(left[-1], right[-1], nm[-1][0], widths[-1], end)
    ops += spline(list(reversed(right)), move=False)
    ops += cap(right[0], left[0], _mul(nm[0][0], -1), widths[0], start)
    ops.append(('Z',))
    return ops


def flatten(ops, steps=16):
    """Polygon approximating a closed path (for the coverage tests below, not for drawing)."""
    out, cur = [], None
    for op in ops:
        if op[0] in ('M', 'L'):
            cur = op[1]
            out.append(cur)
        elif op[0] == 'C':
            c1, c2, p = op[1], op[2], op[3]
            for k in range(1, steps + 1):
                t = k / float(steps)
                u = 1.0 - t
                out.append((u * u * u * cur[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * p[0],
                            u * u * u * cur[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * p[1]))
            cur = p
    return out


def inside(poly, p):
    """Even-odd point-in-polygon test."""
    x, y = p
    res = False
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (x1 - x0) * (y - y0) / (y1 - y0):
            res = not res
    return res


def covered_runs(cx, cy, r, a0, a1, polys, step=1.0, min_len=6.0):
    """Angle ranges of the arc (a0..a1, degrees) that lie under any of the polygons."""
    runs, start, a = [], None, a0
    while a <= a1 + 1e-9:
        t = math.radians(a)
        hit = any(inside(poly, (cx + r * math.cos(t), cy + r * math.sin(t))) for poly in polys)
        if hit and start is None:
            start = a
        if (not hit or a + step > a1 + 1e-9) and start is not None:
            end = a if hit else a - step
            if end - start >= min_len:
                runs.append((start, end))
            start = None
        a += step
    return runs


def fmt(v):
    s = '%.1f' % v
    if s.endswith('.0'):
        s = s[:-2]
    if s == '-0':
        s = '0'
    return s


class Side:
    """Maps right-side design coordinates to the document, mirroring for the left side."""

    def __init__(self, name):
        self.name = name
        self.flip = name == 'left'

    def x(self, x):
        return W - x if self.flip else x

    def p(self, p):
        return (self.x(p[0]), p[1])

    def d(self, ops):
        out = []
        for op in ops:
            if op[0] == 'Z':
                out.append('Z')
            else:
                out.append(op[0] + ' '.join('%s %s' % (fmt(self.x(pt[0])), fmt(pt[1])) for pt in op[1:]))
        return ''.join(out)


CENTER = Side('right')   # for symmetric, midline structures (no mirroring)
SIDES = (Side('right'), Side('left'))


def path(side, ops, cls=None, id=None, evenodd=False):
    a = []
    if id:
        a.append('id="%s"' % id)
    if cls:
        a.append('class="%s"' % cls)
    if evenodd:
        a.append('fill-rule="evenodd"')
    a.append('d="%s"' % side.d(ops))
    return '<path %s/>' % ' '.join(a)


def group(id, cls, children, indent='  '):
    inner = '\n'.join(indent + '  ' + c for c in children)
    return '%s<g id="%s" class="%s">\n%s\n%s</g>' % (indent, id, cls, inner, indent)


# ----------------------------------------------------------------------------------------------
# Layout: the lumbar column.  (top, bottom, half width at top, at waist, at bottom)
# ----------------------------------------------------------------------------------------------
VERT = [
    ('T12', 138, 184, 37, 34, 39),
    ('L1', 200, 250, 41, 37.5, 43),
    ('L2', 267, 319, 44, 40.5, 46),
    ('L3', 337, 391, 47, 43.5, 49),
    ('L4', 410, 465, 50, 46.5, 52),
    ('L5', 485, 540, 53, 49.5, 57),
]
S1_TOP = 558
S1_HW = 56

# transverse processes: (tip x, tip y, root half height, tip radius, root y)
TP = {
    'T12': (446, 148, 6.5, 5.0, 151),
    'L1': (409, 212, 7.5, 6.0, 215),
    'L2': (392, 282, 8.0, 6.5, 284),
    'L3': (376, 352, 8.5, 7.0, 354),
    'L4': (390, 421, 9.0, 7.0, 426),
    'L5': (398, 506, 14.0, 10.5, 500),
}

# hip joint: centre of the femoral head, radius
HEAD = (300.0, 708.0)
HEAD_R = 50.0
# acetabular rim (the edge of the socket) around the upper two thirds of the head; the gap below
# is the acetabular notch
RIM_R = 57.0
HEAD_FROM = 180.0          # where the contour of the head starts (any angle in a visible stretch)
RIM_FROM, RIM_TO = 140.0, 400.0


# ----------------------------------------------------------------------------------------------
# Structures
# ----------------------------------------------------------------------------------------------

def silhouette():
    half = [(182, -12), (188, 120), (204, 260), (211, 360), (192, 450), (148, 540),
            (112, 640), (92, 740), (90, 840), (104, 970), (124, 1120), (138, 1262, 'c'),
            (462, 1262, 'c'), (470, 1120), (480, 1000), (500, 918, 'c')]
    other = [(W - p[0], p[1]) + tuple(p[2:]) for p in reversed(half[:-1])]
    pts = half + other
    # close across the top
    ops = spline(pts, closed=False)
    ops.append(('L', (182, -12)))
    ops.append(('Z',))
    return '  ' + path(CENTER, ops, cls='silhouette')


def quadratus_lumborum(side):
    outline = [(448, 172, 'c'), (420, 186), (392, 204), (367, 226, 'c'), (352, 290), (336, 380),
               (318, 452), (300, 506, 'c'), (350, 514), (400, 528), (442, 548, 'c'), (446, 450),
               (448, 350), (450, 250)]
    fibres = [
        [(318, 482), (340, 380), (362, 290), (376, 226)],
        [(350, 494), (368, 400), (386, 300), (398, 212)],
        [(386, 506), (398, 420), (410, 320), (420, 200)],
        [(420, 520), (426, 430), (432, 330), (440, 190)],
        # oblique iliocostal fibres toward the transverse processes
        [(332, 470), (372, 420), (410, 370)],
        [(340, 420), (376, 370), (412, 300)],
    ]
    ch = [path(side, spline(outline, closed=True))]
    ch += [path(side, spline(f), cls='detail') for f in fibres]
    return group('quadratus-lumborum-%s' % side.name, 'region muscle context', ch)


def rib12(side):
    center = [(474, 150), (448, 160), (420, 175), (394, 194), (372, 213), (357, 229)]
    widths = [18, 17, 15.5, 13.5, 11.5, 9.5]
    ops = ribbon(center, widths, start='flat', end='round')
    return '  ' + path(side, ops, cls='region bone', id='rib-12-%s' % side.name)


def body_ops(top, bot, wt, ww, wb):
    """Front view of a vertebral body: waisted, concave sides, slight lips at the rims."""
    m = (top + bot) / 2.0
    h = bot - top
    L = lambda x: MID - x
    R = lambda x: MID + x
    ops = [('M', (L(wt - 4), top + 1.2)),
           ('C', (L(wt * 0.45), top - 1.6), (R(wt * 0.45), top - 1.6), (R(wt - 4), top + 1.2)),
           ('C', (R(wt - 1), top + 1.6), (R(wt + 1.2), top + 3.0), (R(wt + 0.6), top + 6.0)),
           ('C', (R(ww), top + h * 0.3), (R(ww), bot - h * 0.3), (R(wb + 0.6), bot - 6.0)),
           ('C', (R(wb + 1.2), bot - 3.0), (R(wb - 1), bot - 1.6), (R(wb - 4), bot - 1.2)),
           ('C', (R(wb * 0.45), bot + 1.8), (L(wb * 0.45), bot + 1.8), (L(wb - 4), bot - 1.2)),
           ('C', (L(wb - 1), bot - 1.6), (L(wb + 1.2), bot - 3.0), (L(wb + 0.6), bot - 6.0)),
           ('C', (L(ww), bot - h * 0.3), (L(ww), top + h * 0.3), (L(wt + 0.6), top + 6.0)),
           ('C', (L(wt + 1.2), top + 3.0), (L(wt - 1), top + 1.6), (L(wt - 4), top + 1.2)),
           ('Z',)]
    return ops


def body_details(top, bot, wt, ww, wb):
    m = (top + bot) / 2.0
    d = []
    # ring apophysis just inside the upper and lower rims
    d.append([('M', (MID - wt + 5, top + 6)),
              ('C', (MID - wt * 0.4, top + 3.5), (MID + wt * 0.4, top + 3.5), (MID + wt - 5, top + 6))])
    d.append([('M', (MID - wb + 5, bot - 5.5)),
              ('C', (MID - wb * 0.4, bot - 2.5), (MID + wb * 0.4, bot - 2.5), (MID + wb - 5, bot - 5.5))])
    # rounded flank of the cylinder
    for s in (-1, 1):
        x0 = MID + s * (wt - 6)
        x1 = MID + s * (ww - 5)
        x2 = MID + s * (wb - 6)
        d.append([('M', (x0, top + 9)), ('C', (x1, m - 6), (x1, m + 6), (x2, bot - 9))])
    return d


def tp_ops(name):
    tipx, tipy, rh, tr, ry = TP[name]
    rootx = 474 if name != 'L5' else 468
    if name == 'T12':
        rootx = 478
    cx = tipx + tr
    top_root = (rootx, ry - rh)
    bot_root = (rootx, ry + rh)
    mid_x = (rootx + cx) / 2.0
    ops = [('M', bot_root),
           ('C', (rootx - 8, ry + rh), (mid_x + 6, tipy + tr + 1.5), (cx, tipy + tr))]
    ops += arc(cx, tipy, tr, tr, 90, 270)
    ops += [('C', (mid_x + 6, tipy - tr - 1.5), (rootx - 8, ry - rh), top_root), ('Z',)]
    return ops


def vertebra(v):
    name, top, bot, wt, ww, wb = v
    ch = []
    for side in SIDES:
        ch.append(path(side, tp_ops(name)))
    ch.append(path(CENTER, body_ops(top, bot, wt, ww, wb)))
    if name == 'L5':
        # L5 wedge: the lower end plate is seen from the front and below (lumbosacral angle)
        ch.append(path(CENTER, [('M', (MID - wb + 3, bot - 2)),
                                ('C', (MID - wb * 0.5, bot - 9), (MID + wb * 0.5, bot - 9), (MID + wb - 3, bot - 2))],
                       cls='detail'))
    for dd in body_details(top, bot, wt, ww, wb):
        ch.append(path(CENTER, dd, cls='detail'))
    for side in SIDES:
        tipx, tipy, rh, tr, ry = TP[name]
        ch.append(path(side, [('M', (tipx + tr + 4, tipy - 1)),
                              ('C', (tipx + 16, ry - 1), (472 - 10, ry - 2), (472 - 16, ry - 1))],
                       cls='detail'))
    return group(name, 'region bone', ch)


def discs():
    ch = []
    pairs = list(zip(VERT[:-1], VERT[1:]))
    for a, b in pairs:
        ch.append(disc_between(a[2], a[5], b[1], b[3]))
    # L5/S1: wedge-shaped, taller in front
    l5 = VERT[-1]
    ch.append(disc_between(l5[2], l5[5], S1_TOP + 2, S1_HW - 2, bulge=5))
    return group('intervertebral-discs', 'region disc', [c for grp in ch for c in grp])


def disc_between(yb, wa, yt, wbb, bulge=4.5):
    ops = [('M', (MID - wa + 3, yb - 1.0)),
           ('C', (MID - wa * 0.45, yb + 2.0), (MID + wa * 0.45, yb + 2.0), (MID + wa - 3, yb - 1.0)),
           ('C', (MID + wa + bulge * 0.9, yb), (MID + wbb + bulge * 1.1, yt), (MID + wbb - 3, yt + 1.0)),
           ('C', (MID + wbb * 0.45, yt - 1.8), (MID - wbb * 0.45, yt - 1.8), (MID - wbb + 3, yt + 1.0)),
           ('C', (MID - wbb - bulge * 1.1, yt), (MID - wa - bulge * 0.9, yb), (MID - wa + 3, yb - 1.0)),
           ('Z',)]
    out = [path(CENTER, ops)]
    # lamellae of the annulus
    for f in (0.36, 0.66):
        y = yb + (yt - yb) * f + 0.3
        w = wa + (wbb - wa) * f + 0.5
        out.append(path(CENTER, [('M', (MID - w, y)), ('C', (MID - w * 0.4, y + 1.6), (MID + w * 0.4, y + 1.6), (MID + w, y))],
                        cls='detail'))
    return out


# sacrum -------------------------------------------------------------------------------------
SACRUM_HALF = [
    (500, S1_TOP - 2),
    (MID - S1_HW * 0.5, S1_TOP - 1.2),
    (MID - S1_HW + 2, S1_TOP + 1, 'c'),
    (420, 563),
    (398, 570, 'c'),
    (400, 600),
    (410, 630),
    (428, 660),
    (450, 684),
    (470, 698, 'c'),
    (478, 704, 'c'),
    (484, 712, 'c'),
    (490, 718),
    (500, 725),
]


def sacrum():
    pts = SACRUM_HALF + [(W - p[0], p[1]) + tuple(p[2:]) for p in reversed(SACRUM_HALF[1:-1])]
    outline = spline(pts, closed=True)
    ch = [path(CENTER, outline)]
    # anterior sacral foramina (4 pairs), transverse ridges, coccyx segments
    foramina = [(598, 36, 8.5, 6.5), (628, 32, 7.5, 5.8), (655, 28, 6.3, 5.0), (679, 23, 5.0, 4.0)]
    for side in SIDES:
        for y, dx, rx, ry in foramina:
            ch.append(path(side, ellipse(MID - dx, y, rx, ry, rot=-12), cls='detail hole'))
    ridges = [613, 642, 667, 689]
    for i, y in enumerate(ridges):
        w = [30, 26, 22, 17][i]
        ch.append(path(CENTER, [('M', (MID - w, y)), ('C', (MID - w * 0.4, y + 2.5), (MID + w * 0.4, y + 2.5), (MID + w, y))],
                       cls='detail'))
    # S1 body outline and alae
    for side in SIDES:
        ch.append(path(side, spline([(MID - S1_HW + 4, S1_TOP + 3), (MID - 48, 575), (MID - 44, 588)]), cls='detail'))
        # lateral part (ala) shading
        ch.append(path(side, spline([(416, 572), (412, 600), (420, 628), (436, 656)]), cls='detail'))
    # coccyx segments
    for y, w in ((704, 21), (712, 15)):
        ch.append(path(CENTER, [('M', (MID - w, y)), ('C', (MID - w * 0.4, y + 2), (MID + w * 0.4, y + 2), (MID + w, y))],
                       cls='detail'))
    # promontory rim (S1 upper end plate seen from the front)
    ch.append(path(CENTER, [('M', (MID - S1_HW + 6, S1_TOP + 5)),
                            ('C', (MID - 20, S1_TOP + 9), (MID + 20, S1_TOP + 9), (MID + S1_HW - 6, S1_TOP + 5))], cls='detail'))
    return group('sacrum', 'region bone', ch)


# hip bone -----------------------------------------------------------------------------------
CREST = [(412, 546), (386, 511), (340, 486), (288, 474), (236, 480), (200, 500), (182, 530)]
ASIS = (228, 606)
PUBIC_TUBERCLE = (451, 717)


def hip_bone(side):
    out_pts = [
        (413, 548, 'c'),
        (386, 511), (340, 484), (286, 472), (230, 478), (190, 499), (170, 532),   # iliac crest
        (174, 566), (192, 589), (212, 600),
        (226, 601), (233, 609),                 # anterior superior iliac spine
        (236, 621), (242, 633), (248, 646),      # notch and anterior inferior iliac spine
        (242, 662), (231, 682), (223, 706),      # lateral lip of the acetabulum
        (232, 740), (250, 780), (274, 810), (302, 838), (322, 864), (335, 892),   # behind the femur
        (352, 910), (378, 919), (402, 911),      # ischial tuberosity
        (430, 879), (462, 843), (495, 815, 'c'),  # ischiopubic ramus
        (497, 772), (496, 726, 'c'),             # symphysis
        (478, 721), (462, 719), (455, 726), (449, 722),   # pubic crest and tubercle
        (443, 704), (437, 682), (428, 654), (414, 620), (404, 586),  # inner wall / sacroiliac joint
    ]
    outer = spline(out_pts, closed=True)
    foramen = spline([(364, 748), (392, 738), (421, 743), (436, 762), (439, 796), (431, 832),
                      (412, 860), (393, 866), (377, 854), (364, 824), (357, 790), (358, 764)], closed=True)
    ch = [path(side, outer + foramen, evenodd=True)]
    # inner lip of the crest and the bowl of the iliac fossa
    ch.append(path(side, spline([(404, 551), (380, 520), (338, 494), (286, 482), (234, 488), (198, 507), (180, 534)]),
                   cls='detail'))
    ch.append(path(side, spline([(398, 560), (366, 528), (324, 502), (276, 490), (230, 494), (204, 508)]),
                   cls='detail'))
    # acetabular rim (lateral lip over the femoral head)
    ch.append(path(side, arc(HEAD[0], HEAD[1], RIM_R, RIM_R, RIM_FROM, RIM_TO, move=True), cls='detail'))
    # sacroiliac joint line
    ch.append(path(side, spline([(409, 556), (404, 584), (410, 616), (421, 646), (432, 676)]), cls='detail'))
    # outer lip of the crest toward the tubercle of the crest
    ch.append(path(side, spline([(178, 542), (188, 574), (208, 596)]), cls='detail'))
    # pubic body and ischial tuberosity contours
    ch.append(path(side, spline([(474, 736), (470, 772), (474, 806)]), cls='detail'))
    ch.append(path(side, spline([(338, 872), (356, 895), (384, 903)]), cls='detail'))
    return group('hip-bone-%s' % side.name, 'region bone', ch)


BRIM = [(402, 588), (383, 610), (368, 630), (364, 648), (382, 665), (410, 680), (440, 697), (464, 712), (484, 719)]


def pelvic_brim(side):
    return '  ' + path(side, spline(BRIM), cls='region bone line', id='pelvic-brim-%s' % side.name)


# femur --------------------------------------------------------------------------------------
def femur_ops():
    hx, hy = HEAD
    r = HEAD_R
    ops = [('M', (hx + r * math.cos(math.radians(184)), hy + r * math.sin(math.radians(184))))]
    ops += arc(hx, hy, r, r, 184, 452)
    p_inf = (hx + r * math.cos(math.radians(92)), hy + r * math.sin(math.radians(92)))
    rest = [p_inf, (286, 772), (275, 792), (268, 820), (267, 852), (271, 930), (283, 1040),
            (301, 1150), (319, 1264, 'c'), (251, 1264, 'c'), (235, 1150), (217, 1040), (201, 950),
            (190, 872), (181, 826), (170, 784), (167, 750), (175, 721), (190, 704), (207, 698, 'c'),
            (216, 708), (228, 715), (241, 712), (250.1, 704.5)]
    ops += spline(rest, move=False)
    ops.append(('Z',))
    return ops


def femur(side):
    hx, hy = HEAD
    r = HEAD_R
    ops = femur_ops()
    ch = [path(side, ops)]
    # greater trochanter, intertrochanteric line, head-neck junction, shaft cortex
    ch.append(path(side, spline([(196, 712), (190, 740), (192, 770)]), cls='detail'))
    # head-neck junction: completes the round outline of the head on the side of the neck
    ch.append(path(side, arc(hx, hy, r, r, 98, 182, move=True), cls='detail'))
    ch.append(path(side, spline([(204, 900), (220, 1020), (238, 1130), (252, 1250)]), cls='detail'))
    ch.append(path(side, spline([(258, 880), (266, 980), (285, 1100), (301, 1250)]), cls='detail'))
    return group('femur-%s' % side.name, 'region bone', ch)


# lesser trochanter: a knob standing out medially from the femur where the lower border of the
# neck meets the shaft. Its base follows the medial border of the femur exactly, so the border
# reads as one line with the knob bulging out of it.
LT_TOP, LT_BOTTOM = 803.0, 878.0
LT_KNOB = [(283, 814), (295, 826), (304, 838), (309, 850), (306, 860), (295, 867), (281, 873)]


def femur_medial_border(y0, y1):
    """Points of the femur's medial contour between two heights, top to bottom."""
    pts = [p for p in flatten(femur_ops(), steps=40) if p[0] > 240 and y0 <= p[1] <= y1 and p[1] > HEAD[1]]
    return sorted(pts, key=lambda p: p[1])


def lesser_trochanter(side):
    base = femur_medial_border(LT_TOP, LT_BOTTOM)
    top, bot = base[0], base[-1]
    ops = spline([top + ('c',)] + LT_KNOB + [bot + ('c',)])
    ops += [('L', p) for p in reversed(base[1:-1])]
    ops.append(('Z',))
    ch = [path(side, ops)]
    # shaded underside: the knob stands forward as well as inward
    ch.append(path(side, spline([(308, 847), (307, 856), (300, 864), (289, 870), (276, 875), (268, 877, 'c'),
                                 (276, 869), (289, 864), (300, 856)], closed=True), cls='detail shade'))
    return group('lesser-trochanter-%s' % side.name, 'region bone landmark', ch)


def hip_joint(side):
    pts = [(298, 646), (334, 654), (357, 678), (363, 712), (353, 746), (332, 772), (308, 788),
           (288, 796), (270, 797), (252, 790), (234, 772), (220, 748), (213, 722), (217, 698),
           (232, 676), (251, 659), (272, 649)]
    ch = [path(side, spline(pts, closed=True))]
    # iliofemoral (Y) ligament bands and pubofemoral ligament
    ch.append(path(side, spline([(244, 668), (228, 704), (230, 746), (250, 782)]), cls='detail'))
    ch.append(path(side, spline([(352, 700), (324, 756), (284, 792)]), cls='detail'))
    return group('hip-joint-%s' % side.name, 'region tendon capsule', ch)


# diaphragm ----------------------------------------------------------------------------------
def crus(side):
    """Crus as a band along a centre line; the medial edges of the two crura meet in the
    median arcuate ligament (the arch over the aortic hiatus) in front of T12."""
    if side.name == 'right':      # patient's right: longer, to L3
        center = [(452, -8), (462, 60), (474, 116), (472, 160), (478, 210), (483, 260), (487, 305),
                  (490, 345), (492, 372), (493.5, 386)]
        widths = [96, 76, 52, 30, 24, 20, 16, 12, 8, 5]
        t_from = 7
        fibres = [[(430, -8), (446, 80), (464, 160), (476, 240), (484, 300)],
                  [(470, -8), (480, 80), (484, 150), (488, 240), (491, 300)],
                  [(416, 30), (436, 100), (458, 160)]]
    else:                         # patient's left: shorter, to L2 (mirror of the design below)
        center = [(455, -8), (465, 60), (476, 116), (474, 160), (479, 205), (484, 248), (487, 280),
                  (489, 300)]
        widths = [90, 70, 48, 26, 20, 15, 10, 5]
        t_from = 6
        fibres = [[(434, -8), (450, 80), (467, 160), (478, 230)],
                  [(470, -8), (480, 80), (485, 150), (488, 236)],
                  [(420, 30), (440, 100), (460, 156)]]
    outline = ribbon(center, widths, start='flat', end='round')
    tc = center[t_from - 1:]
    tw = [w - 2.5 for w in widths[t_from - 1:]]
    tendon = ribbon(tc, tw, start='point', end='round')
    ch = [path(side, outline), path(side, tendon, cls='tendinous')]
    ch += [path(side, spline(f), cls='detail') for f in fibres]
    return group('diaphragm-crus-%s' % side.name, 'region muscle context', ch)


# muscles ------------------------------------------------------------------------------------
# iliacus outline; below the anterior inferior iliac spine it narrows onto the lateral side of
# the psoas, so the lateral half of the femoral head and the capsule stay in view
ILIACUS = [(408, 562, 'c'), (380, 530), (336, 504), (286, 494), (234, 497), (198, 512), (183, 536),
           (186, 563), (202, 588), (222, 603), (240, 614), (256, 636), (273, 664), (288, 698), (297, 738),
           (302, 774), (305, 798), (311, 784), (314, 744), (314, 700), (322, 652), (340, 608),
           (366, 582), (392, 568)]


def iliacus(side):
    ch = [path(side, spline(ILIACUS, closed=True))]
    fibres = [
        [(200, 545), (236, 600), (268, 656), (292, 716), (302, 786)],
        [(236, 512), (254, 580), (276, 648), (298, 718), (305, 786)],
        [(282, 503), (286, 570), (294, 640), (304, 712), (307, 782)],
        [(328, 512), (318, 570), (308, 636), (308, 700), (310, 770)],
        [(370, 542), (344, 586), (322, 634), (311, 680)],
    ]
    ch += [path(side, spline(f), cls='detail') for f in fibres]
    return group('iliacus-%s' % side.name, 'region muscle', ch)


# psoas major: lateral border top -> bottom, medial border bottom -> top
# It starts at the lower edge of T12 and the T12-L1 disc, under the medial arcuate ligament.
PSOAS_LAT = [(463, 181), (451, 186), (440, 197), (430, 211), (424, 225), (416, 246),
             (407, 278), (408, 292), (398, 318), (390, 348), (391, 362), (381, 390), (371, 426),
             (362, 466), (355, 504), (349, 542), (340, 578), (330, 612), (319, 646), (310, 680),
             (304, 714), (302, 748), (304, 778), (310, 798, 'c')]
PSOAS_MED = [(320, 796), (335, 770), (348, 738), (358, 704), (364, 672), (372, 642), (388, 613),
             (406, 590), (428, 570), (444, 550), (451, 512), (449, 476), (454, 438), (452, 401),
             (457, 364), (455, 329), (460, 292), (458, 258), (463, 226), (464, 198), (466, 185)]

def _interp(poly, y):
    """x on a polyline (points sorted by y, any direction) at height y."""
    pts = sorted(((p[1], p[0]) for p in poly))
    if y <= pts[0][0]:
        return pts[0][1]
    for (y0, x0), (y1, x1) in zip(pts, pts[1:]):
        if y0 <= y <= y1:
            t = (y - y0) / (y1 - y0) if y1 > y0 else 0
            return x0 + (x1 - x0) * t
    return pts[-1][1]


def psoas_major(side):
    pts = PSOAS_LAT + PSOAS_MED
    ch = [path(side, spline(pts, closed=True))]
    # fibres along the long axis, between smoothed borders
    lat = [(455, 184), (436, 204), (419, 220), (404, 280), (388, 352), (371, 426), (355, 504),
           (340, 578), (319, 646), (304, 714), (304, 770)]
    med = [(464, 184), (463, 200), (460, 258), (457, 329), (454, 401), (450, 476), (446, 548),
           (408, 590), (372, 642), (358, 704), (335, 770), (314, 790)]
    for f, y0, y1 in ((0.15, 222, 640), (0.32, 205, 716), (0.5, 194, 756), (0.68, 198, 740),
                      (0.85, 214, 700)):
        ys = [y0 + (y1 - y0) * i / 8.0 for i in range(9)]
        line = [(_interp(med, y) + (_interp(lat, y) - _interp(med, y)) * f, y) for y in ys]
        ch.append(path(side, spline(line), cls='detail'))
    # fleshy slips from the transverse processes
    for y in (216, 286, 356):
        x = _interp(lat, y)
        ch.append(path(side, spline([(x + 1, y - 4), (x + 12, y - 2), (x + 22, y + 5)]), cls='detail'))
    return group('psoas-major-%s' % side.name, 'region muscle focus', ch)


def psoas_minor(side):
    belly = [(461, 166, 'c'), (453, 186), (447, 218), (445, 252), (446, 288), (449, 316, 'c'),
             (452, 288), (456, 252), (461, 218), (466, 188)]
    center = [(448.5, 304), (446, 360), (443, 420), (438, 480), (428, 536), (410, 584), (388, 618),
              (372, 638), (365, 650)]
    widths = [5, 4.2, 4, 4, 4, 4, 4.2, 5, 6]
    ch = [path(side, spline(belly, closed=True)),
          path(side, ribbon(center, widths, start='flat', end='round'), cls='tendinous'),
          path(side, spline([(458, 180), (452, 230), (449, 290)]), cls='detail')]
    return group('psoas-minor-%s' % side.name, 'region muscle', ch)


TENDON = [(318, 738), (317, 764), (313, 790), (306, 813), (298, 834), (291, 850)]
TENDON_W = [4, 14, 16, 14, 13, 11]


def medial_arcuate_ligament(side):
    """The arch of thickened psoas fascia from the side of L1 to its transverse process; the psoas
    passes under it, the crus of the diaphragm lies medial to it."""
    pts = [(467, 216), (458, 199), (442, 190), (424, 193), (411, 203), (405, 214)]
    return '  ' + path(side, spline(pts), cls='region tendon line', id='medial-arcuate-ligament-%s' % side.name)


def iliopsoas_tendon(side):
    ops = ribbon(TENDON, TENDON_W, start='point', end='round')
    ch = [path(side, ops),
          path(side, spline([(317, 752), (315, 780), (309, 806), (301, 830)]), cls='detail')]
    return group('iliopsoas-tendon-%s' % side.name, 'region tendon', ch)


def hip_contours(side):
    """The ball and socket drawn on top of the capsule and the iliopsoas: the round outline of the
    femoral head and the acetabular rim are redrawn as thin contours, solid where only the
    (translucent) capsule lies in front, dashed where the iliopsoas and its tendon cover them
    (the usual textbook sign for an edge seen through a structure). Not a region: the pointer
    ignores it, so the capsule and the muscles stay clickable right up to the line."""
    covers = [flatten(spline(ILIACUS, closed=True)), flatten(spline(PSOAS_LAT + PSOAS_MED, closed=True)),
              flatten(ribbon(TENDON, TENDON_W, start='point', end='round'))]
    out = []
    for r, a0, a1 in ((HEAD_R, HEAD_FROM, HEAD_FROM + 360), (RIM_R, RIM_FROM, RIM_TO)):
        runs = covered_runs(HEAD[0], HEAD[1], r, a0, a1, covers, min_len=0.0)
        edges = [a0] + [a for run in runs for a in run] + [a1]
        hidden = set(runs)
        pieces = list(zip(edges[::2], edges[1::2]))          # visible stretches
        for b0, b1 in pieces:
            if b1 - b0 >= 2:
                out.append('  ' + path(side, arc(HEAD[0], HEAD[1], r, r, b0, b1, move=True), cls='outline contour'))
        for b0, b1 in hidden:
            if b1 - b0 >= 2:
                out.append('  ' + path(side, arc(HEAD[0], HEAD[1], r, r, b0, b1, move=True),
                                       cls='outline contour through'))
    return out


def inguinal_ligament(side):
    pts = [(230, 608), (265, 633), (305, 656), (350, 679), (395, 701), (430, 717), (452, 727)]
    return '  ' + path(side, spline(pts), cls='region tendon line', id='inguinal-ligament-%s' % side.name)


# nerves -------------------------------------------------------------------------------------
def nerves(side):
    out = []
    fem = spline([(353, 526), (345, 565), (336, 600), (325, 636), (314, 670), (307, 702)])
    fem += spline([(307, 702), (290, 736), (276, 768)])
    fem += spline([(307, 702), (302, 742), (300, 780)])
    fem += spline([(307, 702), (322, 738), (332, 772)])
    out.append(path(side, fem, cls='region nerve line', id='femoral-nerve-%s' % side.name))

    gf = spline([(418, 400), (411, 460), (400, 520), (388, 566), (378, 592)])
    gf += spline([(378, 592), (388, 624), (396, 660), (401, 697)])                  # genital branch
    gf += spline([(378, 592), (362, 630), (348, 672), (338, 712), (332, 748)])      # femoral branch
    out.append(path(side, gf, cls='region nerve line', id='genitofemoral-nerve-%s' % side.name))

    # The obturator nerve runs down the side wall of the true pelvis, behind the pubic bone (dashed),
    # and leaves through the obturator canal at the top of the obturator foramen.
    ob = spline([(441, 556), (436, 600), (428, 640), (421, 668)])
    ob_hidden = spline([(421, 668), (412, 692), (401, 716), (390, 744)])
    ob_out = spline([(390, 744), (380, 764), (374, 788)])
    ob_out += spline([(390, 744), (395, 766), (400, 788)])
    out.append('<g id="obturator-nerve-%s" class="region nerve">\n      %s\n      %s\n      %s\n    </g>' % (
        side.name, path(side, ob, cls='line'), path(side, ob_hidden, cls='line through'), path(side, ob_out, cls='line')))

    lfc = spline([(363, 470), (336, 500), (300, 530), (268, 562), (247, 590), (238, 616), (231, 660),
                  (220, 716), (206, 770)])
    out.append(path(side, lfc, cls='region nerve line', id='lateral-femoral-cutaneous-nerve-%s' % side.name))
    return out


# anchors (right-side coordinates; mirrored for the left) ------------------------------------
ANCHORS_SIDED = {
    'quadratus-lumborum': (360, 420),
    'rib-12': (394, 194),
    'hip-bone': (472, 770),
    'pelvic-brim': (440, 697),
    'femur': (250, 1000),
    'lesser-trochanter': (285, 852),
    'hip-joint': (238, 742),
    'iliacus': (268, 600),
    'psoas-major': (390, 440),
    'psoas-minor': (451, 245),
    'iliopsoas-tendon': (314, 786),
    'inguinal-ligament': (265, 633),
    'femoral-nerve': (336, 600),
    'genitofemoral-nerve': (400, 520),
    'obturator-nerve': (432, 620),
    'medial-arcuate-ligament': (442, 190),
    'lateral-femoral-cutaneous-nerve': (300, 530),
}
ANCHORS_CRUS = {'right': (482, 236), 'left': (516, 250)}   # the left one below the medial arcuate ligament's anchor, so their leaders part   # document coordinates
ANCHORS_MID = {
    'T12': (500, 170), 'L1': (500, 226), 'L2': (500, 293), 'L3': (508, 364), 'L4': (500, 437),
    'L5': (500, 512), 'intervertebral-discs': (500, 400), 'sacrum': (500, 628),
}


def anchors():
    out = []
    for sid in SIDES:
        for name, (x, y) in ANCHORS_SIDED.items():
            out.append((name + '-' + sid.name, sid.x(x), y))
        ax, ay = ANCHORS_CRUS[sid.name]
        out.append(('diaphragm-crus-' + sid.name, ax, ay))
    for name, (x, y) in ANCHORS_MID.items():
        out.append((name, x, y))
    return out


def build():
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<!-- Psoas Atlas: front (anterior) view of the lower trunk and hips, both sides; '
             'the patient\'s right is on the viewer\'s left. Generated by build-aux/diagrams/front.py. -->',
             '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" viewBox="0 0 %d %d">'
             % (W, H, W, H)]
    parts.append(silhouette())
    for s in SIDES:
        parts.append(quadratus_lumborum(s))
    for s in SIDES:
        parts.append(rib12(s))
    for v in VERT:
        parts.append(vertebra(v))
    parts.append(discs())
    parts.append(sacrum())
    for s in SIDES:
        parts.append(hip_bone(s))
    for s in SIDES:
        parts.append(pelvic_brim(s))
    for s in SIDES:
        parts.append(femur(s))
    for s in SIDES:
        parts.append(hip_joint(s))
    for s in SIDES:
        parts.append(crus(s))
    for s in SIDES:
        parts.append(iliacus(s))
    for s in SIDES:
        parts.append(psoas_major(s))
    for s in SIDES:
        parts.append(psoas_minor(s))
    for s in SIDES:
        parts.append(medial_arcuate_ligament(s))
    for s in SIDES:
        parts.append(iliopsoas_tendon(s))
    for s in SIDES:
        parts.append(lesser_trochanter(s))      # over the end of the tendon: it ends on the femur
    for s in SIDES:
        parts += hip_contours(s)
    nerve_paths = []
    for s in SIDES:
        nerve_paths += nerves(s)
    parts.append('  <g class="layer" id="layer-nerves">\n' + '\n'.join('    ' + n for n in nerve_paths) + '\n  </g>')
    # after the nerves: the femoral, lateral femoral cutaneous and genitofemoral nerves pass under it
    for s in SIDES:
        parts.append(inguinal_ligament(s))
    parts.append('  <g id="anchors">\n' + '\n'.join(
        '    <circle class="anchor" id="anchor-%s" cx="%s" cy="%s" r="2"/>' % (i, fmt(x), fmt(y))
        for i, x, y in anchors()) + '\n  </g>')
    parts.append('</svg>\n')
    return '\n'.join(parts)


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, '..', '..', 'resources', 'diagrams', 'front.svg')
    out = sys.argv[1] if len(sys.argv) > 1 else default
    with open(out, 'w', encoding='utf-8') as f:
        f.write(build())
