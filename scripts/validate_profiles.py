#!/usr/bin/env python3
"""Checks the published procedure profile schema (public/schema/profile-v1.schema.json) with
Python's jsonschema, a second implementation beside the end-to-end tests' ajv: both built-in
profiles and every worked example in docs/profiles/ pass, and each of a set of broken copies is
refused (so the schema says something). The app's own checks (procedure::profile::check) run in
the native tests."""

import copy
import json
import pathlib
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((ROOT / "public/schema/profile-v1.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

profiles = sorted((ROOT / "src/procedure/profiles").glob("*.json")) + sorted(
    (ROOT / "docs/profiles").glob("*.json")
)
failed = False
for path in profiles:
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    for e in errors[:10]:
        print(f"{path.relative_to(ROOT)}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    failed |= bool(errors)
    print(f"{path.relative_to(ROOT)}: {'ok' if not errors else 'INVALID'}")


def first_question(p):
    return p["sections"][0]["groups"][0]["questions"][0]


BROKEN = {
    "an unknown field": lambda p: p.update(colour="blue"),
    "an id with a space": lambda p: p.update(id="my profile"),
    "a section called 'people' (the app's own page)": lambda p: p["sections"][0].update(id="people"),
    "a section with no groups": lambda p: p["sections"][0].update(groups=[]),
    "an answer kind the app does not have": lambda p: first_question(p).update(kind="slider"),
    "a choice with one option": lambda p: first_question(p).update(
        kind="choice", options=[{"value": "a", "label": "A"}]
    ),
    "a list without fields": lambda p: first_question(p).update(kind="list", itemLabel="Item", fields=[]),
    "a text question refused in the future": lambda p: first_question(p).update(kind="text", notInFuture=True),
    "an assessment type the app does not have": lambda p: first_question(p).update(
        showIf={"assessmentType": {"isOneOf": ["section20"]}}
    ),
    "a section shown only past the maximum days": lambda p: p["sections"][0].update(showIf="overMaxWorkingDays"),
    "no maximum working days": lambda p: p["timescales"].pop("maxWorkingDays"),
    "an empty label": lambda p: first_question(p).update(label="  "),
}
base = json.loads(profiles[0].read_text())
for name, breaks in BROKEN.items():
    broken = copy.deepcopy(base)
    breaks(broken)
    if validator.is_valid(broken):
        print(f"the schema accepts a profile with {name}")
        failed = True
print(f"{len(BROKEN)} broken copies: {'each refused' if not failed else 'see above'}")
sys.exit(1 if failed else 0)
