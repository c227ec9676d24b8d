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
    keysym = {"Escape": 0xff1b, "F6": 0xffc3, "Tab": 0xff09, "Down": 0xff54, "Return": 0xff0d}[key]
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


# Control_L in the X server's default keymap (the keycode, not the keysym: a key held down).
CONTROL_KEYCODE = 37


def press_control(letter):
    pyatspi.Registry.generateKeyboardEvent(CONTROL_KEYCODE, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(ord(letter), None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(CONTROL_KEYCODE, None, pyatspi.KEY_RELEASE)


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
    print(f"# event {event.type} {event.detail1} "
          f"{pyatspi.Accessible.getRoleName(event.source) if role is not None else '?'} "
          f"“{name}” — “{description}”", flush=True)


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
    print("1..16", flush=True)

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


if __name__ == "__main__":
    sys.exit(main())
