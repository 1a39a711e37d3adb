import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

// The published procedure profile schema (#28), with ajv: both built-in profiles and the worked
// example in docs/profiles/ pass, and broken copies do not (scripts/validate_profiles.py checks
// the same with Python's jsonschema).

const schema = JSON.parse(readFileSync(join(ROOT, 'public', 'schema', 'profile-v1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const validate = ajv.compile(schema);
const profiles = [
  ...readdirSync(join(ROOT, 'src', 'procedure', 'profiles')).map((f) => join(ROOT, 'src', 'procedure', 'profiles', f)),
  ...readdirSync(join(ROOT, 'docs', 'profiles')).map((f) => join(ROOT, 'docs', 'profiles', f)),
].filter((f) => f.endsWith('.json'));

test('the built-in profiles and the worked example pass the published profile schema', () => {
  expect(profiles.length).toBeGreaterThanOrEqual(3);
  for (const file of profiles) {
    const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
    expect(ok ? [] : validate.errors, file).toEqual([]);
  }
});

test('a profile with an unknown field, a reserved section id or a one-option choice is refused by the schema', () => {
  const base = JSON.parse(readFileSync(profiles[0], 'utf8'));
  const broken: Array<(p: any) => void> = [
    (p) => { p.colour = 'blue'; },
    (p) => { p.sections[0].id = 'people'; },
    (p) => { p.sections[0].groups[0].questions[0] = { id: 'x', label: 'X', kind: 'choice', options: [{ value: 'a', label: 'A' }] }; },
    (p) => { p.sections[0].groups[0].questions[0].showIf = { assessmentType: { isOneOf: ['section20'] } }; },
  ];
  for (const breaks of broken) {
    const p = structuredClone(base);
    breaks(p);
    expect(validate(p), breaks.toString()).toBe(false);
  }
});
