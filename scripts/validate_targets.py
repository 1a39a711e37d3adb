#!/usr/bin/env python3
"""Validates the DfE API child records the project expects to write (tests/fixtures/targets/)
against the JSON Schema the project publishes for them, with Python's jsonschema: a second,
independent validator beside ajv in the end-to-end tests."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "public/schema/dfe-csc-api-child-v0.7.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
records = json.loads((root / "tests/fixtures/targets/dfe-api-children.json").read_text())
errors = [f"record {i}: {e.json_path}: {e.message}" for i, r in enumerate(records) for e in validator.iter_errors(r)]
# The schema must refuse what the census refuses: a made-up factor code.
bad = json.loads(json.dumps(records[0]))
bad["Children"]["social_care_episodes"][0]["child_and_family_assessments"][0]["factors"] = ["9Z"]
if validator.is_valid(bad):
    errors.append("a record with the factor 9Z passed the schema")
for e in errors:
    print(e)
print(f"{len(records) + 1 - len(errors)} passed, {len(errors)} failed")
sys.exit(1 if errors else 0)
