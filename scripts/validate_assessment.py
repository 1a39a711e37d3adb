#!/usr/bin/env python3
"""Validates assessment export files against the published schema with Python's jsonschema, a
second implementation beside the end-to-end tests' ajv. Usage: validate_assessment.py FILE...
Each file is checked against the schema of its own schemaVersion (with the profile schema,
which version 10 and later refer to for a carried procedure profile). Prints each problem and
exits 1 if any file is invalid."""

import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "public" / "schema"


def registry():
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def main(files):
    reg = registry()
    failed = False
    for name in files:
        doc = json.loads(pathlib.Path(name).read_text())
        version = doc.get("schemaVersion")
        schema = json.loads((SCHEMAS / f"assessment-v{version}.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(
            schema, registry=reg, format_checker=jsonschema.FormatChecker()
        )
        errors = list(validator.iter_errors(doc))
        for e in errors[:20]:
            print(f"{name}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
        failed |= bool(errors)
        print(f"{name}: {'ok' if not errors else 'INVALID'} (schema version {version})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
