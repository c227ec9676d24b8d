#!/usr/bin/env python3
"""Generate the exercise pictures: one line figure per exercise that has steps.

Writes resources/exercises/ID.svg for bed-edge-stretch, bridge, band-hip-flexor-march and
softtouch-two-step.  Run:  python3 build-aux/exercises/figures.py  (stdlib only).

The figures share one body, seen from its right side, with fixed segment lengths: every pose is
set by a few joint positions and the rest is solved (a knee from its hip and ankle by two-link
inverse kinematics), so a thigh is as long lying down as standing up.  The psoas is drawn in the
diagrams' muscle red from the lumbar spine to just below the hip, in front of the hip joint, so
a reader sees what the pose does to it.  Where a movement matters a picture has two panels,
start and end, with an arrow between them.  Colours come from resources/diagrams/palette-light.css
(silhouette, outline, muscle focus).  No text: the steps beside the picture say what to do, in
the reader's language.
"""

import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "resources", "exercises"))

# Body: segment lengths and thicknesses, in panel units before fitting.
TORSO, NECK, HEAD_R = 60.0, 13.0, 9.5
THIGH, SHIN, FOOT = 44.0, 42.0, 13.0
UPPER_ARM, FOREARM = 29.0, 27.0
WIDTH = {"torso": 21.0, "thigh": 15.0, "shin": 11.0, "foot": 7.0, "upper": 9.0, "fore": 8.0, "neck": 9.0}

# The diagrams' light palette.
SKIN, SKIN_FAR, LINE = "#f6eee6", "#eadccd", "#9b8672"
PSOAS, PSOAS_EDGE = "#c4473b", "#7a2018"
FLOOR, CARD, CARD_EDGE = "#b9a898", "#fcf9f5", "#e6dccf"
MATTRESS, MATTRESS_EDGE = "#cfdde6", "#6f8796"
BAND, MOTION, NEXT = "#3f63a8", "#2f6fb5", "#8c8c8c"

PANEL_W, PANEL_H, MARGIN = 200.0, 190.0, 12.0


def add(p, q):
    return (p[0] + q[0], p[1] + q[1])


def along(p, angle, length):
    """The point @length from @p at @angle degrees (0 = right, 90 = up: y grows downward)."""
    r = math.radians(angle)
    return (p[0] + length * math.cos(r), p[1] - length * math.sin(r))


def knee_between(hip, ankle, bend):
    """Two-link IK: the knee for a thigh and shin between @hip and @ankle; @bend is +1 or -1
    and picks the side the knee points to."""
    dx, dy = ankle[0] - hip[0], ankle[1] - hip[1]
    d = min(math.hypot(dx, dy), THIGH + SHIN - 1e-6)
    a = (THIGH ** 2 - SHIN ** 2 + d ** 2) / (2 * d)
    h = math.sqrt(max(THIGH ** 2 - a ** 2, 0))
    ux, uy = dx / d, dy / d
    mx, my = hip[0] + a * ux, hip[1] + a * uy
    return (mx - bend * h * uy, my + bend * h * ux)


def elbow_between(shoulder, wrist, bend):
    dx, dy = wrist[0] - shoulder[0], wrist[1] - shoulder[1]
    d = min(math.hypot(dx, dy), UPPER_ARM + FOREARM - 1e-6)
    a = (UPPER_ARM ** 2 - FOREARM ** 2 + d ** 2) / (2 * d)
    h = math.sqrt(max(UPPER_ARM ** 2 - a ** 2, 0))
    ux, uy = dx / d, dy / d
    mx, my = shoulder[0] + a * ux, shoulder[1] + a * uy
    return (mx - bend * h * uy, my + bend * h * ux)


class Pose:
    """A body: torso from the hip at an angle, legs to their ankles, arms to their wrists."""

    def __init__(self, hip, torso_angle, front, near_ankle, far_ankle, near_wrist, far_wrist,
                 near_bend=1, far_bend=1, arm_bend=-1, near_toe=None, far_toe=None, head_angle=None,
                 near_knee=None):
        self.hip = hip
        self.shoulder = along(hip, torso_angle, TORSO)
        # Lying down, the head rests on the floor whatever the trunk does.
        self.head = along(self.shoulder, torso_angle if head_angle is None else head_angle, NECK + HEAD_R)
        self.front = front                     # the direction the belly faces, in degrees
        self.legs = []
        for ankle, bend, toe, knee in ((far_ankle, far_bend, far_toe, None), (near_ankle, near_bend, near_toe, near_knee)):
            # A knee placed by the pose itself wins over the two-link solution.
            if knee is None:
                knee = knee_between(hip, ankle, bend)
            toe_point = toe if toe is not None else along(ankle, front, FOOT)
            self.legs.append((knee, ankle, toe_point))
        self.arms = []
        for wrist in (far_wrist, near_wrist):
            self.arms.append((elbow_between(self.shoulder, wrist, arm_bend), wrist))

    def points(self):
        pts = [self.hip, self.shoulder, self.head]
        for leg in self.legs:
            pts.extend(leg)
        for arm in self.arms:
            pts.extend(arm)
        return pts


def fmt(p):
    return "%.1f,%.1f" % p


class Canvas:
    """@n_panels panels side by side, all showing the pose units in @box at one scale; the
    picture is as tall as that box needs, so a lying figure gets no empty band above it."""

    def __init__(self, n_panels, box):
        x0, y0, x1, y1 = box
        self.n = n_panels
        self.box = box
        self.scale = min((PANEL_W - 2 * MARGIN) / (x1 - x0), (PANEL_H - 2 * MARGIN) / (y1 - y0))
        self.width = PANEL_W * n_panels + 40.0 * (n_panels - 1)
        self.height = round((y1 - y0) * self.scale + 2 * MARGIN)
        self.out = []

    def line(self, points, width, colour, extra=""):
        d = "M" + " L".join(fmt(p) for p in points)
        self.out.append('  <path d="%s" fill="none" stroke="%s" stroke-width="%.1f" '
                        'stroke-linecap="round" stroke-linejoin="round"%s/>' % (d, colour, width, extra))

    def raw(self, text):
        self.out.append("  " + text)

    def svg(self):
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!-- Generated by build-aux/exercises/figures.py; edit the generator, not this file. -->\n'
                '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" viewBox="0 0 %d %d">\n'
                % (self.width, self.height, self.width, self.height))
        card = ('  <rect x="1" y="1" width="%d" height="%d" rx="10" fill="%s" stroke="%s" stroke-width="1.5"/>\n'
                % (self.width - 2, self.height - 2, CARD, CARD_EDGE))
        return head + card + "\n".join(self.out) + "\n</svg>\n"


class Panel:
    """Maps a pose's units into panel @index, fitted to @bounds (x0, y0, x1, y1) in pose units."""

    def __init__(self, canvas, index):
        self.canvas = canvas
        x0, y0, x1, y1 = canvas.box
        self.scale = canvas.scale
        left = index * (PANEL_W + 40.0)
        self.dx = left + (PANEL_W - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        self.dy = (canvas.height - (y1 - y0) * self.scale) / 2 - y0 * self.scale

    def p(self, point):
        return (self.dx + point[0] * self.scale, self.dy + point[1] * self.scale)

    def line(self, points, width, colour, extra=""):
        self.canvas.line([self.p(q) for q in points], width * self.scale, colour, extra)

    def body(self, pose, psoas=True):
        s = self.scale
        far_leg, near_leg = pose.legs
        far_arm, near_arm = pose.arms

        def limbs(leg, arm):
            knee, ankle, toe = leg
            elbow, wrist = arm
            return [([pose.hip, knee], WIDTH["thigh"]), ([knee, ankle], WIDTH["shin"]), ([ankle, toe], WIDTH["foot"]),
                    ([pose.shoulder, elbow], WIDTH["upper"]), ([elbow, wrist], WIDTH["fore"])]

        # The far limbs, behind the body and a shade darker.
        for points, width in limbs(far_leg, far_arm):
            self.line(points, width + 2.4, LINE)
        for points, width in limbs(far_leg, far_arm):
            self.line(points, width, SKIN_FAR)

        # The trunk, head and near limbs as one silhouette: every outline, then every fill.
        neck_top = along(pose.shoulder, math.degrees(math.atan2(pose.shoulder[1] - pose.head[1],
                                                                pose.head[0] - pose.shoulder[0])), NECK)
        near = [([pose.hip, pose.shoulder], WIDTH["torso"]), ([pose.shoulder, neck_top], WIDTH["neck"])]
        near += limbs(near_leg, near_arm)
        for points, width in near:
            self.line(points, width + 2.4, LINE)
        hx, hy = self.p(pose.head)
        self.canvas.raw('<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="%s" stroke-width="%.1f"/>'
                        % (hx, hy, HEAD_R * s, SKIN, LINE, 1.2 * s))
        for points, width in near:
            self.line(points, width, SKIN)

        if not psoas:
            return
        # The psoas: from the lumbar spine, in front of the hip joint, to the top of the thigh.
        knee = near_leg[0]
        lumbar = lerp(pose.shoulder, pose.hip, 0.55)
        lumbar = along(lumbar, pose.front + 180, 2.5)
        hip_front = along(pose.hip, pose.front, 5.0)
        thigh_angle = math.degrees(math.atan2(pose.hip[1] - knee[1], knee[0] - pose.hip[0]))
        trochanter = along(along(pose.hip, thigh_angle, 10.0), pose.front + 180, 0.5)
        self.line([lumbar, lerp(lumbar, hip_front, 0.6), hip_front, trochanter], 4.6, PSOAS_EDGE)
        self.line([lumbar, lerp(lumbar, hip_front, 0.6), hip_front, trochanter], 3.2, PSOAS)

    def floor(self, y, x0, x1):
        self.line([(x0, y), (x1, y)], 1.6, FLOOR)

    def arrow(self, start, end, width=1.8, colour=MOTION, curve=None):
        """A motion arrow in pose units, straight or bowed by @curve."""
        a, b = self.p(start), self.p(end)
        if curve is None:
            d = "M%s L%s" % (fmt(a), fmt(b))
            tangent = (b[0] - a[0], b[1] - a[1])
        else:
            mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
            nx, ny = -(b[1] - a[1]), b[0] - a[0]
            length = math.hypot(nx, ny)
            c = (mx + curve * nx / length * self.scale, my + curve * ny / length * self.scale)
            d = "M%s Q%s %s" % (fmt(a), fmt(c), fmt(b))
            tangent = (b[0] - c[0], b[1] - c[1])
        self.canvas.raw('<path d="%s" fill="none" stroke="%s" stroke-width="%.1f" stroke-linecap="round"/>'
                        % (d, colour, width * self.scale))
        angle = math.atan2(tangent[1], tangent[0])
        head = 6.0 * self.scale
        left = (b[0] - head * math.cos(angle - 0.45), b[1] - head * math.sin(angle - 0.45))
        right = (b[0] - head * math.cos(angle + 0.45), b[1] - head * math.sin(angle + 0.45))
        self.canvas.raw('<path d="M%s L%s L%s Z" fill="%s"/>' % (fmt(left), fmt(b), fmt(right), colour))


def lerp(p, q, t):
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def between_panels(canvas):
    """The arrow from the start position to the end position."""
    for i in range(canvas.n - 1):
        x = PANEL_W * (i + 1) + 40.0 * i
        y = canvas.height / 2
        canvas.raw('<path d="M%.1f,%.1f L%.1f,%.1f" stroke="%s" stroke-width="3" stroke-linecap="round"/>'
                   % (x + 6, y, x + 30, y, NEXT))
        canvas.raw('<path d="M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z" fill="%s"/>'
                   % (x + 27, y - 7, x + 37, y, x + 27, y + 7, NEXT))


def bounds(poses, extra=()):
    pts = [p for pose in poses for p in pose.points()] + list(extra)
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs) - 14, min(ys) - 14, max(xs) + 14, max(ys) + 10)


# ----------------------------------------------------------------------------- the exercises

def bridge():
    """Lying face up, knees bent, feet flat, arms beside the body palms up; then the hips
    lifted so shoulders, hips and knees make one line, feet and shoulders still down."""
    floor = 0.0
    shoulder_y = floor - WIDTH["torso"] / 2
    ankle = (150.0, floor - 5.0)
    feet = dict(near_ankle=ankle, far_ankle=(ankle[0] - 4, ankle[1]),
                near_toe=(ankle[0] + FOOT, floor - 3), far_toe=(ankle[0] - 4 + FOOT, floor - 3),
                near_bend=-1, far_bend=-1)
    shoulder = (100.0 - TORSO, shoulder_y)
    # The arms lie straight along the floor beside the body.
    arms = dict(near_wrist=(shoulder[0] + UPPER_ARM + FOREARM - 0.5, floor - 4),
                far_wrist=(shoulder[0] + UPPER_ARM + FOREARM - 2.5, floor - 4), arm_bend=1)
    start = Pose(hip=(100.0, shoulder_y), torso_angle=180.0, front=90.0, head_angle=180.0, **feet, **arms)
    # Lifted: the shoulders stay where they were; the trunk rises from them to the knees.
    hip = along(shoulder, 26.0, TORSO)
    end = Pose(hip=hip, torso_angle=180.0 + 26.0, front=90.0 + 26.0, head_angle=180.0, **feet, **arms)
    box = bounds([start, end])
    canvas = Canvas(2, box)
    for i, pose in enumerate((start, end)):
        panel = Panel(canvas, i)
        panel.floor(floor, box[0] + 4, box[2] - 4)
        panel.body(pose)
    # Under the lifted hips: up.
    panel = Panel(canvas, 1)
    below = along(end.hip, end.front + 180, WIDTH["torso"] / 2 + 3)
    panel.arrow((below[0], floor - 3), below)
    between_panels(canvas)
    return canvas


def band_march():
    """Standing straight with a band looped round both feet; then one knee raised toward the
    chest, as in marching, the band stretched between the feet."""
    floor = 0.0
    hip = (100.0, floor - THIGH - SHIN - 5.0)
    stand = Pose(hip=hip, torso_angle=90.0, front=0.0,
                 near_ankle=(hip[0] + 1, floor - 5), far_ankle=(hip[0] - 3, floor - 5),
                 near_wrist=(hip[0] + 4, hip[1] + 8), far_wrist=(hip[0] - 2, hip[1] + 8),
                 near_bend=1, far_bend=1, arm_bend=-1)
    raised_knee = along(hip, -5.0, THIGH)   # thigh just above level, knee up toward the chest
    raised_ankle = along(raised_knee, -85.0, SHIN)
    march = Pose(hip=hip, torso_angle=90.0, front=0.0,
                 near_ankle=raised_ankle, near_knee=raised_knee, far_ankle=(hip[0] - 3, floor - 5),
                 near_wrist=(hip[0] - 6, hip[1] + 6), far_wrist=(hip[0] + 10, hip[1] - 2),
                 near_bend=1, far_bend=1, arm_bend=-1)
    box = bounds([stand, march])
    canvas = Canvas(2, box)
    for i, pose in enumerate((stand, march)):
        panel = Panel(canvas, i)
        panel.floor(floor, box[0] + 4, box[2] - 4)
        panel.body(pose)
        # The band: a loop round the insteps of both feet.
        far_ankle, near_ankle = pose.legs[0][1], pose.legs[1][1]
        a = panel.p(along(far_ankle, 0.0, 5.0))
        b = panel.p(along(near_ankle, 0.0, 5.0))
        cx, cy = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        rx = max(math.hypot(b[0] - a[0], b[1] - a[1]) / 2 + 5 * panel.scale, 9 * panel.scale)
        angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        canvas.raw('<ellipse cx="%.1f" cy="%.1f" rx="%.1f" ry="%.1f" transform="rotate(%.1f %.1f %.1f)" '
                   'fill="none" stroke="%s" stroke-width="%.1f"/>'
                   % (cx, cy, rx, 3.2 * panel.scale, angle, cx, cy, BAND, 2.0 * panel.scale))
    # The knee comes up from where it stood.
    panel = Panel(canvas, 1)
    knee_after = march.legs[1][0]
    panel.arrow((knee_after[0] + 34, knee_after[1] + 28), (knee_after[0] + 34, knee_after[1] - 2))
    between_panels(canvas)
    return canvas


def bed_edge():
    """Lying face up at the edge of a bed; the leg nearest the edge hangs down over the side,
    the other stays on the bed."""
    bed_top = 0.0
    hip = (100.0, bed_top - WIDTH["torso"] / 2)
    far_ankle = (hip[0] + THIGH + SHIN - 0.5, bed_top - 5)
    # The near thigh drops over the side of the bed; the shin hangs straight down, the foot
    # just off the floor.
    near_knee = along(hip, -38.0, THIGH)
    near_ankle = (near_knee[0] - 1, near_knee[1] + SHIN)
    shoulder_x = hip[0] - TORSO
    pose = Pose(hip=hip, torso_angle=180.0, front=90.0,
                near_ankle=near_ankle, far_ankle=far_ankle, near_knee=near_knee,
                near_wrist=(shoulder_x + UPPER_ARM + FOREARM - 0.5, bed_top - 4),
                far_wrist=(shoulder_x + UPPER_ARM + FOREARM - 2.5, bed_top - 4),
                near_bend=-1, far_bend=-1, arm_bend=1,
                near_toe=(near_ankle[0] + FOOT * 0.9, near_ankle[1] + 3), far_toe=(far_ankle[0] + 1, bed_top - 5 - FOOT))
    floor = near_ankle[1] + 9
    box = bounds([pose], extra=[(hip[0] - 95, floor), (hip[0] + 105, floor)])
    canvas = Canvas(1, box)
    panel = Panel(canvas, 0)
    # The bed: mattress, frame and legs, drawn behind the body.
    left, right = hip[0] - 92, hip[0] + 100
    corners = [(left, bed_top), (right, bed_top), (right, bed_top + 14), (left, bed_top + 14)]
    pts = " ".join(fmt(panel.p(c)) for c in corners)
    canvas.raw('<polygon points="%s" fill="%s" stroke="%s" stroke-width="%.1f" stroke-linejoin="round"/>'
               % (pts, MATTRESS, MATTRESS_EDGE, 1.2 * panel.scale))
    for x in (left + 6, right - 6):
        panel.line([(x, bed_top + 14), (x, floor)], 3.0, MATTRESS_EDGE)
    panel.floor(floor, box[0] + 4, box[2] - 4)
    panel.body(pose)
    # Gravity does the stretching: a small arrow beside the hanging knee.
    knee = pose.legs[1][0]
    panel.arrow((knee[0] + 16, knee[1] - 6), (knee[0] + 16, knee[1] + 16))
    return canvas


def two_step():
    """First mobility, then strength: the same person moving the hip freely (the leg swinging
    through, the arc of the movement shown), then standing steady with the belly and hip
    muscles drawn firm. The article's own exercises are lost, so no particular one is shown."""
    floor = 0.0
    hip = (100.0, floor - THIGH - SHIN - 5.0)
    swing_knee = along(hip, -65.0, THIGH)
    swing_ankle = along(swing_knee, -80.0, SHIN)
    moving = Pose(hip=hip, torso_angle=90.0, front=0.0,
                  near_ankle=swing_ankle, near_knee=swing_knee, far_ankle=(hip[0] - 2, floor - 5),
                  near_wrist=(hip[0] - 4, hip[1] + 8), far_wrist=(hip[0] + 6, hip[1] + 8),
                  near_bend=1, far_bend=1, arm_bend=-1)
    steady = Pose(hip=hip, torso_angle=90.0, front=0.0,
                  near_ankle=(hip[0] + 8, floor - 5), far_ankle=(hip[0] - 10, floor - 5),
                  near_wrist=(hip[0] + 3, hip[1] - 1), far_wrist=(hip[0] - 1, hip[1] - 1),
                  near_bend=1, far_bend=1, arm_bend=-1)
    box = bounds([moving, steady], extra=[(hip[0] + 60, hip[1])])
    canvas = Canvas(2, box)
    panel = Panel(canvas, 0)
    panel.floor(floor, box[0] + 4, box[2] - 4)
    panel.body(moving)
    # The swing: an arc both ways in front of and behind the hanging leg.
    panel.arrow((hip[0] - 18, floor - 18), (hip[0] + 38, floor - 24), curve=-10.0)
    panel.arrow((hip[0] + 38, floor - 24), (hip[0] - 18, floor - 18), curve=10.0)
    panel = Panel(canvas, 1)
    panel.floor(floor, box[0] + 4, box[2] - 4)
    panel.body(steady, psoas=False)
    # Strength: the belly wall and the muscles round the hip, drawn firm.
    belly_top = along(lerp(steady.shoulder, steady.hip, 0.35), 0.0, WIDTH["torso"] / 2 - 2.5)
    belly_bottom = along(lerp(steady.shoulder, steady.hip, 0.95), 0.0, WIDTH["torso"] / 2 - 2.5)
    panel.line([belly_top, belly_bottom], 4.6, PSOAS_EDGE)
    panel.line([belly_top, belly_bottom], 3.2, PSOAS)
    seat_top = along(lerp(steady.shoulder, steady.hip, 0.85), 180.0, WIDTH["torso"] / 2 - 3)
    seat_bottom = along(along(steady.hip, -95.0, 14.0), 180.0, WIDTH["thigh"] / 2 - 2.5)
    panel.line([seat_top, along(steady.hip, 180.0, WIDTH["torso"] / 2 - 2), seat_bottom], 4.6, PSOAS_EDGE)
    panel.line([seat_top, along(steady.hip, 180.0, WIDTH["torso"] / 2 - 2), seat_bottom], 3.2, PSOAS)
    between_panels(canvas)
    return canvas


FIGURES = {
    "bed-edge-stretch": bed_edge,
    "bridge": bridge,
    "band-hip-flexor-march": band_march,
    "softtouch-two-step": two_step,
}


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, draw in FIGURES.items():
        path = os.path.join(OUT_DIR, name + ".svg")
        with open(path, "w", encoding="utf-8") as out:
            out.write(draw().svg())
        print(path)


if __name__ == "__main__":
    main()
