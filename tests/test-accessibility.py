#!/usr/bin/env python3
# test-accessibility.py — what a screen reader finds in the real application, read over AT-SPI.
#
# Copyright 2026 The Psoas Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the built application on the accessibility bus of this test's own D-Bus session (the
# UI test wrapper gives it one, under xvfb-run), walks its accessible tree with pyatspi and
# listens to the events a screen reader speaks from. It acts as a user would: a click where
# the accessible says a widget is (the window sits at the X server's origin; GTK 4.8 gives
# window coordinates), or an accessible action. Output is TAP, for meson.
#
#   test-accessibility.py PSOAS-ATLAS-BINARY

import os
import re
import subprocess
import sys
import time

# The other UI tests turn the bridge off; this one is about the bridge. The application keeps
# the test environment's fatal warnings; this reader does not (libatspi warns about things it
# copes with, such as GTK 4 having no cache object).
os.environ.pop("NO_AT_BRIDGE", None)
APP_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
    import pyatspi
except (ImportError, ValueError) as error:
    print(f"Bail out! {error}: install python3-pyatspi and gir1.2-atspi-2.0 (build-aux/atlas does)")
    sys.exit(1)

APP_TIMEOUT = 20.0
EVENT_TIMEOUT = 5.0

# Roles a user can reach and operate; each needs a name a screen reader can say.
INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_IMAGE, pyatspi.ROLE_ALERT,
    pyatspi.ROLE_LIST, pyatspi.ROLE_PAGE_TAB_LIST,
}
# GTK 4.8 falls back to the type name for an element it has no name for.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Atlas)[A-Z][A-Za-z]*$")

results = []
events = []


def report(ok, description, detail="", todo=None):
    results.append(ok or todo is not None)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}{f' # TODO {todo}' if todo else ''}", flush=True)
    if detail:
        for line in detail.splitlines():
            print(f"# {line}", flush=True)


def pump(seconds):
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.02)


def wait_for(predicate, timeout=EVENT_TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        pump(0.05)
    return predicate()


def children(acc):
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except GLib.Error:
            continue
        if child is not None:
            yield child


def walk(acc):
    yield acc
    for child in children(acc):
        yield from walk(child)


def find(root, predicate):
    for acc in walk(root):
        try:
            if predicate(acc):
                return acc
        except GLib.Error:
            pass
    return None


def states(acc):
    return acc.getState()


def is_focusable(acc):
    return states(acc).contains(pyatspi.STATE_FOCUSABLE)


def bad_name(name):
    """Why a screen reader would stumble on this name, or None."""
    if not name or not name.strip():
        return "no name"
    if TYPE_NAME.match(name):
        return "only a type name"
    if "_" in name:
        return "a mnemonic underscore"
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return "said twice"
    return None


def within(acc, outer):
    """Whether acc lies inside outer on screen (GTK 4.8 reports no "showing" state)."""
    a = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    b = outer.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return b.x <= a.x and b.y <= a.y and a.x + a.width <= b.x + b.width and a.y + a.height <= b.y + b.height


def click(acc):
    extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x = extents.x + extents.width // 2
    y = extents.y + extents.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")


def press(key):
    keysym = {"Escape": 0xff1b, "F6": 0xffc3, "Tab": 0xff09, "Down": 0xff54, "Return": 0xff0d, "space": 0x20}[key]
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


# Control_L in the X server's default keymap (the keycode, not the keysym: a key held down).
CONTROL_KEYCODE = 37


def press_control(letter):
    pyatspi.Registry.generateKeyboardEvent(CONTROL_KEYCODE, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(ord(letter), None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(CONTROL_KEYCODE, None, pyatspi.KEY_RELEASE)


# Shift_L in the X server's default keymap.
SHIFT_KEYCODE = 50


def press_shift_tab():
    pyatspi.Registry.generateKeyboardEvent(SHIFT_KEYCODE, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(0xff09, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(SHIFT_KEYCODE, None, pyatspi.KEY_RELEASE)


def repeated(name, description):
    """Whether a description only says the name again ("Main menu" — "Main Menu", or
    "Walking with a limp: Left side" — "Left side")."""
    name, description = (name or "").casefold().strip(), (description or "").casefold().strip()
    return bool(description) and (description == name or name.endswith(description))


def tab_walk(stop, limit, back=False):
    """Presses Tab (or Shift+Tab) until what takes the focus satisfies stop(role, name,
    description), at most limit times; returns what took the focus, in order."""
    visited = []
    for _ in range(limit):
        since = len(events)
        press_shift_tab() if back else press("Tab")
        got = wait_for(lambda: focus_event(lambda role, name, description: True, since), 2.0)
        if got is not None:
            visited.append(got)
            if stop(*got):
                break
    return visited


def focused(root):
    # (An object that goes away while the tree is walked raises more than GLib.Error.)
    try:
        return find(root, lambda a: a.getState().contains(pyatspi.STATE_FOCUSED))
    except Exception:
        return None


def describe(acc):
    try:
        return f"{acc.getRoleName()} “{acc.name}”" if acc else "nothing"
    except Exception:
        return "gone"


def on_event(event):
    try:
        role = event.source.getRole()
        name = event.source.name
        description = event.source.description
    except GLib.Error:
        role, name, description = None, "", ""
    events.append((event.type, event.detail1, role, name, description))
    try:
        role_name = pyatspi.Accessible.getRoleName(event.source) if role is not None else "?"
    except GLib.Error:
        role_name = "gone"
    # (One line of TAP: a description may hold several lines.)
    print(f"# event {event.type} {event.detail1} {role_name} “{name}” — “{description}”".replace("\n", " ⏎ "), flush=True)


def focus_event(predicate, since):
    """What a screen reader speaks: an object taking the focus, or the focused object's name
    changing (screen readers read out the new name and description of the focus)."""
    for kind, detail, role, name, description in events[since:]:
        if kind.startswith("object:state-changed:focused") and detail == 1:
            if predicate(role, name, description):
                return role, name, description
    for kind, detail, role, name, description in events[since:]:
        if kind.startswith("object:property-change:accessible-name") and predicate(role, name, description):
            return role, name, description
    return None


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        if app.name == "psoas-atlas":
            return app
    return None


def main():
    binary = sys.argv[1]
    print("1..25", flush=True)

    listener = Atspi.EventListener.new(on_event)
    listener.register("object:state-changed:focused")
    listener.register("object:property-change:accessible-name")
    listener.register("object:property-change:accessible-description")

    process = subprocess.Popen([binary], env=APP_ENV)
    try:
        run(process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()

    return 0 if all(results) else 1


def run(process):
    app = wait_for(lambda: process.poll() is None and find_app(), APP_TIMEOUT)
    report(app is not None, "the application is on the accessibility bus")
    if app is None:
        sys.exit(1)
    frame = wait_for(lambda: find(app, lambda a: a.getRole() == pyatspi.ROLE_FRAME))
    # The structure list is filled once the window has its views.
    wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM))

    # Choosing a structure from the list: the diagram says what is selected.
    row = find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM and a.name.startswith("Psoas major")
               and within(a, a.parent.parent.parent))
    row = row or find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM and within(a, a.parent.parent.parent))
    diagram = find(frame, lambda a: a.getRole() == pyatspi.ROLE_IMAGE and a.name == "Front diagram")
    start_description = diagram.description if diagram else ""
    since = len(events)
    click(row)
    chosen = row.name
    described = wait_for(lambda: diagram and chosen in diagram.description)
    report(bool(start_description) and bool(described),
           "a structure chosen in the list is the diagram's description",
           f"before: “{start_description}”\nafter choosing “{chosen}”: “{diagram.description if diagram else None}”")

    # The chosen row itself says what the structure is: that is what is read out on choosing.
    spoken = wait_for(lambda: [e for e in events[since:] if e[0].startswith("object:property-change:accessible-description")
                               and e[3] == chosen and len(e[4]) > 20])
    report(bool(spoken) and row.description == spoken[-1][4],
           "the chosen row is described with what the structure is",
           f"row “{row.name}”: “{row.description}”")

    # The explanation's headings are headings, with their level.
    headings = wait_for(lambda: [a for a in walk(frame) if a.getRole() == pyatspi.ROLE_HEADING])
    levels = []
    for heading in headings or []:
        attributes = dict(a.split(":", 1) for a in heading.getAttributes() if ":" in a)
        levels.append(attributes.get("level"))
    # (GTK 4.8 sets the level but does not pass it on over AT-SPI, so it is shown, not asserted.)
    report(len(headings or []) >= 2 and headings[0].name == chosen.split(" (")[0],
           "the explanation's title and sections are headings",
           "\n".join(f"heading “{h.name}” level {lvl}" for h, lvl in zip(headings or [], levels)))

    # What a patient must hear of an exercise is reachable: its button is described with its
    # cautions, then its steps; opened, each caution and step is a Tab stop; its figure is named;
    # the lines around it (the region's group, the advice to look at the warning signs first,
    # the closing note) are Tab stops too, and the sources' questions are headings.
    structures = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB and a.name == "Structures")
    structures.queryAction().doAction(0)
    pump(0.3)
    for letter in "psoas major":
        pyatspi.Registry.generateKeyboardEvent(ord(letter), None, pyatspi.KEY_SYM)
        pump(0.02)
    wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM and a.name.startswith("Psoas major, ")))
    pump(0.3)
    press("Return")
    exercise = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                     and a.name == "Bed-edge hanging-leg stretch, Stretch"))
    description = exercise.description if exercise else ""
    report(description.startswith("Caution: ") and "\n1. " in description,
           "an exercise's button is described with its cautions, then its steps",
           f"{describe(exercise)}: “{description}”")

    if exercise is not None:
        exercise.queryAction().doAction(0)
    cautions = wait_for(lambda: [a.name for a in walk(frame) if a.getRole() == pyatspi.ROLE_LABEL
                                 and a.name.startswith("Caution: ")])
    steps = [a.name for a in walk(frame) if a.getRole() == pyatspi.ROLE_LABEL and re.match(r"^\d+\. ", a.name)]
    unnamed = [describe(a) for a in walk(frame) if a.getRole() == pyatspi.ROLE_IMAGE and a.name == "GtkPicture"]
    figure = find(frame, lambda a: a.getRole() == pyatspi.ROLE_IMAGE and a.name.startswith("Drawing of the positions for"))
    # From the diagram, which has the focus, Tab by Tab down to the page's last line.
    heard = [name for role, name, description in
             tab_walk(lambda role, name, description: name.startswith("This is education, not a diagnosis."), 150)]
    unreachable = [name for name in (cautions or []) + steps if name not in heard]
    report(bool(cautions) and bool(steps) and not unreachable and figure is not None and not unnamed,
           "an opened exercise's cautions and steps are reached by Tab, and its figure is named",
           f"{len(cautions or [])} cautions, {len(steps)} steps\nnot reached: {unreachable}\n"
           f"figure: {describe(figure)}\nunnamed pictures: {unnamed}")

    lines = {
        "group": lambda n: n.startswith("Muscles · on the patient’s"),
        "warning signs first": lambda n: n.startswith("Before you try any of these"),
        "closing note": lambda n: n.startswith("This is education, not a diagnosis."),
    }
    missing = [what for what, match in lines.items() if not any(match(name) for name in heard)]
    sections = {"Psoas major", "What the Articles Say", "Reference Anatomy", "Where the Sources Disagree",
                "Exercises and Care", "Symptoms the Articles Link Here"}
    questions = [a.name for a in walk(frame) if a.getRole() == pyatspi.ROLE_HEADING and a.name not in sections]
    report(not missing and bool(questions) and all(q in heard for q in questions),
           "the explanation's other lines are reached by Tab, and where the sources disagree has headings",
           f"not reached: {missing}\nquestions: {questions}\nreached by Tab: {len(heard)}")

    # Ticking a warning sign: the alert is named, described, and spoken (it takes the focus).
    symptoms = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB and a.name == "Symptoms")
    symptoms.queryAction().doAction(0)
    first_check = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_CHECK_BOX
                                        and is_focusable(a) and a.name != "Remember my checklist"))
    since = len(events)
    click(first_check)
    spoken = wait_for(lambda: focus_event(lambda role, name, description: role == pyatspi.ROLE_ALERT, since))
    alert = find(frame, lambda a: a.getRole() == pyatspi.ROLE_ALERT)
    report(spoken is not None and alert is not None and bad_name(alert.name) is None
           and alert.name != "Warning" and len(alert.description) > 20,
           "ticking a warning sign makes the alert take the focus, with its title and advice",
           f"ticked “{first_check.name}”\nspoken: {spoken}")

    # The heading is heard once: as the alert's name, not again from a label inside it nor
    # as the first words of its description; and the alert took the focus once.
    title = alert.name if alert else ""
    repeats = [describe(a) for a in walk(alert) if a is not alert and title and title in (a.name or "")] if alert else []
    taken = [e for e in events[since:] if e[0].startswith("object:state-changed:focused") and e[1] == 1
             and e[2] == pyatspi.ROLE_ALERT]
    report(alert is not None and not repeats and not alert.description.startswith(title) and len(taken) == 1,
           "the alert's heading is spoken once",
           f"name “{title}”\ndescription “{alert.description if alert else ''}”\n"
           f"repeated by: {repeats}\ntook the focus {len(taken)} times")

    # Tab from the alert goes back to the row just ticked, not to the top of the checklist.
    since = len(events)
    press("Tab")
    back = wait_for(lambda: focus_event(lambda role, name, description: role == pyatspi.ROLE_CHECK_BOX, since))
    report(back is not None and back[1] == first_check.name,
           "Tab from the alert goes back to the ticked row", f"focus went to: {back}")

    # Shift+Tab from there reaches the alert again, not an unnamed scroll pane inside it.
    since = len(events)
    press_shift_tab()
    again = wait_for(lambda: focus_event(lambda role, name, description: True, since))
    report(again is not None and again[0] == pyatspi.ROLE_ALERT and again[1] == title and len(again[2]) > 20,
           "Shift+Tab from the ticked row reaches the alert again, with its title and advice",
           f"focus went to: {again}")

    # What the ticks point to is reached by Tab after the last row; each warning group's list
    # says what its signs may mean.
    heard = [name for role, name, description in
             tab_walk(lambda role, name, description: name == "Remember my checklist", 150)]
    summary = [name for name in heard if name.startswith("A warning sign is ticked.")
               or name.startswith("This is education, not a diagnosis, and")]
    group = find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST and a.name == "Bladder, Bowel, Sex or Numbness")
    report(len(summary) == 2 and group is not None
           and group.description.startswith("Signs that the nerves at the base of the spine"),
           "the checklist's summary is reached by Tab; a warning group's list is described",
           f"summary heard: {summary}\nlast stops: {heard[-4:]}\n"
           f"group: {describe(group)} “{group.description if group else ''}”")

    # Shift+Tab from the top of the list reaches the alert again; Tab goes on to the list.
    tab_walk(lambda role, name, description: role == pyatspi.ROLE_ALERT, 150, back=True)
    press("Tab")
    # A less urgent sign ticked beside it changes nothing spoken; unticking the urgent one
    # lowers the alert's urgency without pulling the focus away from the row.
    wait_for(lambda: (lambda f: f is not None and f.name == first_check.name)(focused(frame)))
    lower = None
    for _ in range(40):
        press("Tab")
        pump(0.15)
        now = focused(frame)
        if now is not None and now.getRole() == pyatspi.ROLE_CHECK_BOX and now.parent is not None \
                and now.parent.name == "After a Fall, or Weak Bones":
            lower = now
            break
    since = len(events)
    press("space")
    wait_for(lambda: lower is not None and lower.getState().contains(pyatspi.STATE_CHECKED))
    pump(0.5)
    for _ in range(40):
        now = focused(frame)
        if now is not None and now.name == first_check.name:
            break
        press_shift_tab()
        pump(0.15)
    press("space")
    lowered = wait_for(lambda: alert.name == "See a doctor today" and alert)
    pump(0.5)
    taken = [e for e in events[since:] if e[0].startswith("object:state-changed:focused") and e[1] == 1
             and e[2] == pyatspi.ROLE_ALERT]
    report(lower is not None and bool(lowered) and not taken and describe(focused(frame)) == describe(first_check),
           "ticking a less urgent sign, then unticking the urgent one, leaves the focus on the row",
           f"less urgent sign: {describe(lower)}\nalert now: {describe(alert)}\nalert took the focus {len(taken)} times\n"
           f"focus: {describe(focused(frame))}")

    # A sided symptom ticked from the keyboard: its side buttons are not named twice (their
    # tooltip as a description after a name that ends with it), and the summary follows.
    symptom = None
    for _ in range(80):
        press("Tab")
        pump(0.1)
        now = focused(frame)
        if now is not None and now.getRole() == pyatspi.ROLE_CHECK_BOX and now.parent is not None \
                and now.parent.name == "Lower Back":
            symptom = now
            break
    press("space")
    left = wait_for(lambda: symptom is not None and find(frame, lambda a: a.name == f"{symptom.name}: Left side"))
    involved = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_LABEL
                                     and a.name.startswith("Structures involved, most often first:")))
    report(bool(left) and not repeated(left.name, left.description) and involved is not None and is_focusable(involved),
           "a ticked symptom's side buttons are named once, and the summary says what it points to",
           f"ticked: {describe(symptom)}\nside button: {describe(left or None)} — “{left.description if left else ''}”\n"
           f"summary: {describe(involved)}")

    # Every element a user can reach has a name worth hearing. The checklist and an
    # explanation have been shown by now, so their rows are in the tree.
    problems = []
    seen = 0
    for acc in walk(frame):
        try:
            role = acc.getRole()
            if role not in INTERACTIVE or not is_focusable(acc):
                continue
            seen += 1
            why = bad_name(acc.name)
            if why:
                problems.append(f"{acc.getRoleName()} “{acc.name}”: {why}")
        except GLib.Error:
            continue
    report(seen > 50 and not problems, f"all {seen} interactive elements have plain names",
           "\n".join(problems))

    # Every switcher says what it switches (GTK 4.8 would say "AdwViewSwitcher").
    switchers = [a for a in walk(frame) if a.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]
    names = sorted({a.name for a in switchers})
    report(len(switchers) >= 3 and names == ["Sidebar", "Views"],
           "the view and sidebar switchers are named “Views” and “Sidebar”",
           "\n".join(describe(a) for a in switchers))

    # The checklist's group titles are headings, for a screen reader's heading navigation.
    headings = {a.name for a in walk(frame) if a.getRole() == pyatspi.ROLE_HEADING}
    wanted = {"Warning Signs — Tick Any That Apply to You", "Bladder, Bowel, Sex or Numbness", "Lower Back",
              "What Your Ticks Point To"}
    report(wanted <= headings, "the checklist's group titles are headings",
           f"missing: {sorted(wanted - headings)}")

    # A tour step is spoken as it comes: its card's step takes the focus.
    tour = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and a.name == "Start the guided tour")
    since = len(events)
    tour.queryAction().doAction(0)
    step = wait_for(lambda: focus_event(lambda role, name, description: name.startswith("Step 1 of"), since))
    said_twice = [f"{describe(a)} — “{a.description}”" for a in walk(frame)
                  if a.getRole() in INTERACTIVE and is_focusable(a) and repeated(a.name, a.description)]
    end_tour = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and a.name == "End the tour")
    report(step is not None and len(step[2]) > 20, "the first tour step is spoken with its caption", f"spoken: {step}")

    since = len(events)
    following = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and a.name == "Next")
    if following is not None:
        following.queryAction().doAction(0)
    # (The card's step group, not its progress label, which is named "Step 2 of 10" too.)
    step = wait_for(lambda: focus_event(lambda role, name, description: role == pyatspi.ROLE_PANEL
                                        and name.startswith("Step 2 of") and len(description) > 20, since))
    report(step is not None, "the next tour step is spoken too", f"spoken: {step}")

    # From the keyboard: Escape ends the tour; F6 starts a quiz, whose first question is spoken;
    # Escape ends that too. (Real key presses, through the X server.)
    since = len(events)
    press("Escape")
    ended = wait_for(lambda: [e for e in events[since:] if e[0].startswith("object:state-changed:focused")
                              and e[1] == 0 and e[3].startswith("Step ")])
    since = len(events)
    press("F6")
    question = wait_for(lambda: focus_event(lambda role, name, description: description.startswith("Question 1 of"), since))
    since = len(events)
    press("Escape")
    closed = wait_for(lambda: [e for e in events[since:] if e[0].startswith("object:state-changed:focused")
                               and e[1] == 0 and question and e[3] == question[1]])
    report(bool(ended) and question is not None and bool(closed),
           "Escape ends the tour, F6 starts a quiz whose question is spoken, Escape ends it",
           f"question spoken: {question}")

    # Typing a name looks for it (in the structure list or anywhere in the window); Enter goes
    # to the best match.
    structures = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB and a.name == "Structures")
    structures.queryAction().doAction(0)
    pump(0.3)
    for letter in "femoral nerve":
        pyatspi.Registry.generateKeyboardEvent(ord(letter), None, pyatspi.KEY_SYM)
        pump(0.02)
    results = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM
                                    and a.name.startswith("Femoral nerve, ")))
    result_name = results.name if results else None
    pump(0.3)
    since = len(events)
    pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)
    # The diagram takes the focus, saying what is selected.
    found = wait_for(lambda: focus_event(lambda role, name, description: role == pyatspi.ROLE_IMAGE
                                         and "Femoral nerve" in description, since))
    report(result_name is not None and found is not None and process.poll() is None,
           "typing a name finds it, and Enter selects it, the diagram saying so as it takes the focus",
           f"result: {result_name}\nspoken: {found}")

    # Escape from the search goes back to where the user was (here the diagram), not to the
    # first tab of the sidebar.
    pump(0.5)
    before = focused(frame)
    press_control("f")
    wait_for(lambda: (focused(frame) or before).getRole() == pyatspi.ROLE_ENTRY)
    since = len(events)
    press("Escape")
    returned = wait_for(lambda: focus_event(lambda role, name, description: True, since))
    report(before is not None and returned is not None and returned[:2] == (before.getRole(), before.name),
           "Escape from the search gives the focus back to where it was",
           f"before: {describe(before)}\nafter Escape: {returned}")

    # A glossary term found by searching opens from the keyboard: its definition takes the
    # focus, named by the term; Escape comes back to where the user was before searching.
    press_control("f")
    pump(0.3)
    for letter in "plexus":
        pyatspi.Registry.generateKeyboardEvent(ord(letter), None, pyatspi.KEY_SYM)
        pump(0.02)
    term = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM
                                 and a.name == "lumbar plexus, Glossary"))
    for _ in range(12):
        now = focused(frame)
        if now is not None and now.name == "lumbar plexus, Glossary":
            break
        press("Down")
        pump(0.2)
    since = len(events)
    press("Return")
    # (The popover's objects are read from the tree: its events arrive before they can be.)
    definition = wait_for(lambda: (lambda f: f is not None and f.name == "lumbar plexus"
                                   and "nerve plexus" in f.description and f)(focused(frame)))
    detail = f"definition focused: {describe(definition or None)} “{definition.description if definition else ''}”"
    press("Escape")
    returned = wait_for(lambda: (lambda f: f is not None and (f.getRole(), f.name) == (before.getRole(), before.name)
                                 and f)(focused(frame)))
    report(term is not None and bool(definition) and bool(returned),
           "a glossary term found by searching opens from the keyboard, is spoken, and Escape comes back",
           f"{detail}\nafter Escape: {describe(focused(frame))}")


    # The side view's posture slider says where it is in words: GTK 4.8 does not pass the
    # value text on, so the words are its description.
    side = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB and a.name == "Side")
    side.queryAction().doAction(0)
    slider = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_SLIDER))
    worded = None
    if slider is not None:
        slider.queryValue().currentValue = 0.5
        worded = wait_for(lambda: slider.description == "50% of the way to a shortened psoas")
    report(bool(worded), "the posture slider's position is spoken in words",
           f"{describe(slider)}: “{slider.description if slider else ''}”")

    # Clear's toast offers "Undo", not "_Undo Undo"; nothing reachable repeats its name as its
    # description (the tour's close button, the main menu, …).
    clear = find(frame, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and a.name == "Clear")
    clear.queryAction().doAction(0)
    undo = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and "Undo" in a.name))
    said_twice += [f"{describe(a)} — “{a.description}”" for a in walk(frame)
                   if a.getRole() in INTERACTIVE and is_focusable(a) and repeated(a.name, a.description)]
    report(undo is not None and undo.name == "Undo" and end_tour is not None and not said_twice,
           "no button is named with its mnemonic or described by its own name",
           f"toast's button: {describe(undo)}\ntour's close button: {describe(end_tour)}\n"
           + "\n".join(sorted(set(said_twice))))


if __name__ == "__main__":
    sys.exit(main())