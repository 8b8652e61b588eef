#!/usr/bin/env python3
"""Checks Models/organizations.txt and Models/organization-families.txt and prints counts per kind.

    scripts/check-organizations.py [MODELS_DIR]

MODELS_DIR defaults to the Models/ folder beside this script's folder. Exit status 0 when both files pass,
1 when any line is wrong (every problem is printed as FILE:LINE: message), 2 for a usage error.

Checked: UTF-8 and NFC text, LF line ends, the number of TAB-separated fields, no empty field and no spaces
around or doubled inside a field, the kind, the "what follows" of a family, that every parent is a canonical
name of organizations.txt (and no body is its own ancestor), the " | " separators of the other forms, that no
written form names two bodies (compared after the folding Warta applies: case, quotes, dashes, spaces), that
a family head is not also the form of a body, and that all heads of one family agree on short head, kind
and parent. Comments follow the lexicon loader: '#' at the start of a line or after a space or TAB.
"""

import collections
import os
import sys
import unicodedata

KINDS = (
    "ministry", "agency", "regional-government", "legislature", "police", "military",
    "prosecution", "court", "party", "company", "university", "other",
)
FOLLOWS = ("place", "subject", "name")
ORGANIZATIONS = "organizations.txt"
FAMILIES = "organization-families.txt"

_FOLD = {}
for _cp in (0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4):
    _FOLD[_cp] = "'"
for _cp in (0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB):
    _FOLD[_cp] = '"'
for _cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D):
    _FOLD[_cp] = "-"
for _cp in (0x00A0, 0x2007, 0x202F, *range(0x2000, 0x200B)):
    _FOLD[_cp] = " "
for _cp in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
    _FOLD[_cp] = None


def fold(text):
    """The key two written forms share when Warta's matcher cannot tell them apart (Tokenizer.fold)."""
    return " ".join(unicodedata.normalize("NFC", text).lower().translate(_FOLD).split())


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def lines(self, path):
        """Yields (line number, fields) for every entry line of a lexicon file, as Warta's loader reads it."""
        name = os.path.basename(path)
        try:
            raw = open(path, "rb").read()
        except OSError as error:
            self.fail(name, f"cannot read: {error.strerror}")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            self.fail(f"{name}:{line}", f"invalid UTF-8 at byte {error.start}")
            return
        if text.startswith("\ufeff"):
            self.fail(f"{name}:1", "starts with a byte order mark")
        if "\r" in text:
            self.fail(name, "has CR line ends; use LF")
        if text and not text.endswith("\n"):
            self.fail(name, "does not end with a line break")
        for number, line in enumerate(text.split("\n"), start=1):
            where = f"{name}:{number}"
            if unicodedata.normalize("NFC", line) != line:
                self.fail(where, "not in Unicode NFC")
            if any(unicodedata.category(c) in ("Cc", "Cf") and c != "\t" for c in line):
                self.fail(where, "has a control or invisible format character")
            stop = 0
            while stop < len(line) and not (line[stop] == "#" and (stop == 0 or line[stop - 1] in " \t")):
                stop += 1
            entry = line[:stop]
            if entry.strip(" \t") == "":
                continue
            if stop < len(line):
                self.fail(where, "a comment after an entry; put comments on lines of their own")
            entry = entry.rstrip(" \t")
            fields = entry.split("\t")
            bad = False
            for index, field in enumerate(fields, start=1):
                if field == "" or field != field.strip():
                    self.fail(where, f"field {index} is empty or has spaces around it (one TAB between fields)")
                    bad = True
                elif "  " in field:
                    self.fail(where, f"field {index} has a doubled space")
                    bad = True
            if not bad:
                yield number, where, fields

    def forms(self, where, field):
        """The other written forms of field 5, split on " | "."""
        if field == "-":
            return []
        parts = field.split(" | ")
        out = []
        for part in parts:
            if part == "" or part != part.strip() or "|" in part:
                self.fail(where, f"other forms must be separated by \" | \": {field!r}")
                return []
            if part == "-":
                self.fail(where, "\"-\" among the other forms")
                continue
            out.append(part)
        return out

    def check(self, models):
        org_path = os.path.join(models, ORGANIZATIONS)
        fam_path = os.path.join(models, FAMILIES)

        bodies = {}  # canonical name -> (where, short, kind, parent)
        owner = {}  # folded form -> (canonical name, where, form)
        kinds = collections.Counter()
        form_count = 0
        for _number, where, fields in self.lines(org_path):
            if len(fields) not in (4, 5):
                self.fail(where, f"expected 4 or 5 TAB-separated fields (canonical, short, kind, parent[, other forms]), found {len(fields)}")
                continue
            canonical, short, kind, parent = fields[:4]
            others = self.forms(where, fields[4]) if len(fields) == 5 else []
            if canonical == "-":
                self.fail(where, "the canonical name cannot be \"-\"")
                continue
            if kind not in KINDS:
                self.fail(where, f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
            if canonical in bodies:
                self.fail(where, f"{canonical!r} is already a body at {bodies[canonical][0]}")
                continue
            bodies[canonical] = (where, short, kind, parent)
            kinds[kind] += 1
            written = [canonical] + ([short] if short != "-" else []) + others
            seen_here = set()
            for form in written:
                if len(form) < 2:
                    self.fail(where, f"form {form!r} is too short to match safely")
                key = fold(form)
                if key in seen_here:
                    self.fail(where, f"form {form!r} is listed twice in this line")
                    continue
                seen_here.add(key)
                if key in owner:
                    other, other_where, other_form = owner[key]
                    self.fail(where, f"form {form!r} also names {other!r} ({other_form!r} at {other_where})")
                    continue
                owner[key] = (canonical, where, form)
                form_count += 1

        for canonical, (where, _short, _kind, parent) in bodies.items():
            if parent == "-":
                continue
            if parent not in bodies:
                self.fail(where, f"parent {parent!r} is not a canonical name of {ORGANIZATIONS}")
                continue
            chain, node = [canonical], parent
            while node != "-" and node in bodies:
                if node in chain:
                    self.fail(where, f"{canonical!r} is its own ancestor: {' -> '.join(chain + [node])}")
                    break
                chain.append(node)
                node = bodies[node][3]

        heads = {}  # folded written head -> where
        families = {}  # canonical head -> (where, short, kind, parent)
        fam_kinds = collections.Counter()
        fam_count = 0
        for _number, where, fields in self.lines(fam_path):
            if len(fields) != 6:
                self.fail(where, f"expected 6 TAB-separated fields (written head, canonical head, short head, kind, parent, what follows), found {len(fields)}")
                continue
            written, canonical, short, kind, parent, follows = fields
            fam_count += 1
            if kind not in KINDS:
                self.fail(where, f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
            if follows not in FOLLOWS:
                self.fail(where, f"what follows must be one of {', '.join(FOLLOWS)}, not {follows!r}")
            if parent != "-" and parent not in bodies:
                self.fail(where, f"parent {parent!r} is not a canonical name of {ORGANIZATIONS}")
            if "-" in (written, canonical):
                self.fail(where, "the written and canonical heads cannot be \"-\"")
            key = fold(written)
            if key in owner:
                other, other_where, other_form = owner[key]
                self.fail(where, f"head {written!r} is also a form of {other!r} ({other_form!r} at {other_where})")
            if key in heads:
                self.fail(where, f"head {written!r} is already listed at {heads[key]}")
            else:
                heads[key] = where
            if canonical in families:
                first = families[canonical]
                if (short, kind, parent) != first[1:]:
                    self.fail(where, f"heads of {canonical!r} disagree on short head, kind or parent with {first[0]}")
            else:
                families[canonical] = (where, short, kind, parent)
                fam_kinds[kind] += 1
        return bodies, kinds, form_count, families, fam_kinds, fam_count


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    models = argv[1] if len(argv) == 2 else os.path.join(here, "..", "Models")
    if not os.path.isdir(models):
        print(f"check-organizations: {models} is not a folder", file=sys.stderr)
        return 2
    checker = Checker()
    bodies, kinds, form_count, families, fam_kinds, fam_count = checker.check(models)
    for problem in checker.problems:
        print(problem)
    print(f"{ORGANIZATIONS}: {len(bodies)} bodies, {form_count} written forms")
    for kind in KINDS:
        print(f"  {kind:<20} {kinds[kind]:>4}")
    print(f"{FAMILIES}: {fam_count} written heads, {len(families)} families")
    for kind in KINDS:
        if fam_kinds[kind]:
            print(f"  {kind:<20} {fam_kinds[kind]:>4}")
    if checker.problems:
        print(f"check-organizations: {len(checker.problems)} problem(s)")
        return 1
    print("check-organizations: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
