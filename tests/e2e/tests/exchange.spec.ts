import { test, expect } from '@playwright/test';
import { createAssessment, expectSaved, exportVia, fixture, importText, validateWithSchema, watchErrors } from './helpers';

const withoutTime = (text: string) => {
  const doc = JSON.parse(text);
  delete doc.exportedAt;
  return doc;
};

test('export validates against the published schema, and imports into a fresh browser the same', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { referral: '2026-11-09', start: '2026-11-10', given: 'Mia', family: 'Sample' });
  await page.getByRole('link', { name: 'Family, network and professionals' }).click();
  await page.getByRole('button', { name: 'Add a professional' }).click();
  await page.getByLabel('First name').fill('Alex <b>Placeholder</b>');
  await page.getByLabel('Agency and role').fill('Class teacher, Fictional Primary School');
  await page.getByLabel('Notes').fill('Raised the concern on 9 November.\nSecond line & "quotes".');
  await expectSaved(page);
  await page.getByTestId('person-done').click();
  await page.getByTestId('return-to-overview').click();

  const first = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  expect(first.name).toMatch(/^assessment-a-[0-9a-f]{16}-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(first.text);
  expect(validateWithSchema(doc)).toEqual([]);
  expect(doc.format).toBe('assessment-workbench/assessment');
  expect(doc.schemaVersion).toBe(11);
  expect(doc.assessment.genogram.members).toEqual([]);
  expect(doc.assessment.people.map((p: any) => p.givenName)).toEqual(['Mia', 'Alex <b>Placeholder</b>']);
  // the schema is served with the app, byte for byte the published one
  for (const v of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const served = await page.request.get(`/schema/assessment-v${v}.schema.json`);
    expect(served.ok()).toBe(true);
    expect(await served.json()).toEqual(JSON.parse(fixture(`../../public/schema/assessment-v${v}.schema.json`)));
  }

  // a fresh profile: a new browser context has its own, empty IndexedDB
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await expect(other.getByTestId('empty-list')).toBeVisible();
  await importText(other, first.text, first.name);
  await expect(other.getByTestId('assessment-title')).toHaveText('Mia Sample');
  await other.getByRole('link', { name: 'Family, network and professionals' }).click();
  await expect(other.getByTestId('people-professional')).toContainText('Alex <b>Placeholder</b>');
  await other.getByRole('link', { name: 'Back to overview' }).click();
  const second = await exportVia(other, () => other.getByRole('button', { name: 'Export as JSON' }).click());
  expect(withoutTime(second.text)).toEqual(withoutTime(first.text));
  // byte-identical apart from the export time line
  expect(second.text.replace(/"exportedAt": "[^"]+"/, '')).toBe(first.text.replace(/"exportedAt": "[^"]+"/, ''));
  await fresh.close();
  errors.check();
});

test('export from the list gives the same document as from the overview', async ({ page }) => {
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  const fromOverview = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  await page.goto('/');
  const fromList = await exportVia(page, () => page.getByRole('button', { name: 'Export Ava Example as JSON' }).click());
  expect(withoutTime(fromList.text)).toEqual(withoutTime(fromOverview.text));
});

test('the checked-in fixtures pass their schemas; a version 1 file is migrated on import', async ({ page }) => {
  const v1 = fixture('assessment-v1.json');
  expect(validateWithSchema(JSON.parse(v1), 1)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v1), 2)).not.toEqual([]);
  const v2 = fixture('assessment-v2.json');
  expect(validateWithSchema(JSON.parse(v2), 2)).toEqual([]);
  const v3 = fixture('assessment-v3.json');
  expect(validateWithSchema(JSON.parse(v3), 3)).toEqual([]);
  const v4 = fixture('assessment-v4.json');
  expect(validateWithSchema(JSON.parse(v4), 4)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v3), 4)).not.toEqual([]);
  const v5 = fixture('assessment-v5.json');
  expect(validateWithSchema(JSON.parse(v5), 5)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v4), 5)).not.toEqual([]);
  // the schema checks a pair scale's shape and a version's status
  const badPair = JSON.parse(v5);
  badPair.assessment.scales[1].kind = { kind: 'pair' };
  expect(validateWithSchema(badPair, 5)).not.toEqual([]);
  const draftVersion = JSON.parse(v5);
  draftVersion.assessment.planning.plan.versions[0].status = 'draft';
  expect(validateWithSchema(draftVersion, 5)).not.toEqual([]);
  const v6 = fixture('assessment-v6.json');
  expect(validateWithSchema(JSON.parse(v6), 6)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v5), 6)).not.toEqual([]);
  // a child's own map names a person and has a map of the usual shape
  const badMap = JSON.parse(v6);
  delete badMap.assessment.childNetworks[0].map.circles;
  expect(validateWithSchema(badMap, 6)).not.toEqual([]);
  const v7 = fixture('assessment-v7.json');
  expect(validateWithSchema(JSON.parse(v7), 7)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v6), 7)).not.toEqual([]);
  // a stroke is compact text of the documented form; the path is 0 to 10
  const badStroke = JSON.parse(v7);
  badStroke.assessment.childTools[0].work.worries.strokes[0] = 'red:1,2';
  expect(validateWithSchema(badStroke, 7)).not.toEqual([]);
  const badPath = JSON.parse(v7);
  badPath.assessment.childTools[1].work.path = 11;
  expect(validateWithSchema(badPath, 7)).not.toEqual([]);
  const v8 = fixture('assessment-v8.json');
  expect(validateWithSchema(JSON.parse(v8), 8)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v7), 8)).not.toEqual([]);
  // a child's ethnicity and disabilities are census codes
  const badEthnicity = JSON.parse(v8);
  badEthnicity.assessment.case.census[0].ethnicity = 'British';
  expect(validateWithSchema(badEthnicity, 8)).not.toEqual([]);
  const badDisability = JSON.parse(v8);
  badDisability.assessment.case.census[0].disabilities = ['LD', 'LD'];
  expect(validateWithSchema(badDisability, 8)).not.toEqual([]);
  const v9 = fixture('assessment-v9.json');
  expect(validateWithSchema(JSON.parse(v9), 9)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v8), 9)).not.toEqual([]);
  // the completion keeps who marked it, never a second date; a drawing is marked by one of its houses
  const twoDates = JSON.parse(v9);
  twoDates.assessment.case.completion.on = '2026-12-06';
  expect(validateWithSchema(twoDates, 9)).not.toEqual([]);
  const badDrawing = JSON.parse(v9);
  badDrawing.assessment.marks.find((m: any) => m.target.kind === 'drawing').target.surface = 'roof';
  expect(validateWithSchema(badDrawing, 9)).not.toEqual([]);
  // version 10: the profile's version and hash; version 11: family group decision-making
  const v10 = fixture('assessment-v10.json');
  expect(validateWithSchema(JSON.parse(v10), 10)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v9), 10)).not.toEqual([]);
  const badHash = JSON.parse(v10);
  badHash.assessment.profileHash = 'not a hash';
  expect(validateWithSchema(badHash, 10)).not.toEqual([]);
  const v11 = fixture('assessment-v11.json');
  expect(validateWithSchema(JSON.parse(v11), 11)).toEqual([]);
  expect(validateWithSchema(JSON.parse(v10), 11)).not.toEqual([]);
  const badOffer = JSON.parse(v11);
  badOffer.assessment.familyGroup.offers[0].answer = 'maybe';
  expect(validateWithSchema(badOffer, 11)).not.toEqual([]);
  const noReasons = JSON.parse(v11);
  noReasons.assessment.familyGroup.exception = { kind: 'notHeld', reasons: '', agreedBy: 'Manager', on: '2026-12-01' };
  expect(validateWithSchema(noReasons, 11)).not.toEqual([]);
  await importText(page, v1);
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  await expect(page.getByTestId('task-details')).toContainText('Completed');
  const migrated = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(migrated.text);
  expect(doc.schemaVersion).toBe(11);
  expect(doc.assessment.genogram.members).toEqual([]);
  expect(doc.assessment.answers).toEqual({});
  expect(doc.assessment.scales).toEqual([]);
  expect(validateWithSchema(doc)).toEqual([]);
});

const bad: Array<[string, (doc: any) => string, string]> = [
  ['plain garbage', () => 'this is not json at all', 'The file is not a valid JSON file'],
  ['another JSON file', () => JSON.stringify({ name: 'shopping list' }), 'not an Assessment Workbench export'],
  ['a wrong format', (d) => JSON.stringify({ ...d, format: 'genogram' }), 'The file\'s format is "genogram"'],
  ['a newer schema version', (d) => JSON.stringify({ ...d, schemaVersion: 12 }), 'schema version 12, which is newer than this app understands'],
  ['a missing field', (d) => { delete d.assessment.people[2].role; return JSON.stringify(d); }, 'missing the field "assessment.people[2].role"'],
  ['a mistyped field', (d) => { d.assessment.referralDate = 'last Tuesday'; return JSON.stringify(d); }, 'The field "assessment.referralDate" is not valid'],
  ['an unknown procedure', (d) => { d.assessment.profile = 'elsewhere-2019'; return JSON.stringify(d); }, 'procedure profile "elsewhere-2019"'],
];

for (const [what, make, message] of bad) {
  test(`an import of ${what} is refused with its message and changes nothing`, async ({ page }) => {
    await importText(page, fixture('assessment-v1.json'));
    await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
    await page.goto('/');
    const before = (await page.getByTestId('assessment-list').textContent()) ?? '';

    const broken = make(JSON.parse(fixture('assessment-v1.json')));
    // the independent validator refuses these too (except non-schema rules)
    await importText(page, broken, 'broken.json');
    await expect(page.getByTestId('error-summary')).toContainText('The file cannot be imported');
    await expect(page.getByTestId('error-summary')).toContainText(message);
    await page.goto('/');
    await expect(page.getByTestId('assessment-list')).toHaveText(before);
    await expect(page.getByTestId('assessment-list').locator('tbody tr')).toHaveCount(1);
  });
}

test('a file over the size limit is refused before it is read', async ({ page }) => {
  await importText(page, ' '.repeat(5 * 1024 * 1024 + 10), 'huge.json');
  await expect(page.getByTestId('error-summary')).toContainText('The file is too large');
});

test('importing an assessment that is already here asks: replace, or keep both', async ({ page }) => {
  await importText(page, fixture('assessment-v1.json'));
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  const changed = JSON.parse(fixture('assessment-v1.json'));
  changed.assessment.leadWorker = 'Jordan Replacement';
  changed.assessment.updatedAt = '2026-11-21T09:00:00Z';

  await importText(page, JSON.stringify(changed));
  await expect(page.getByTestId('clash')).toContainText('This device already has this assessment');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Select whether to replace the assessment or keep both');
  await page.getByLabel('Keep both').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/assessments\/a-(?!5a4d1120260face1)[0-9a-f]{16}$/);
  await page.goto('/');
  await expect(page.getByTestId('assessment-list').locator('tbody tr')).toHaveCount(2);

  await importText(page, JSON.stringify(changed));
  await page.getByLabel('Replace the assessment on this device').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/assessments\/a-5a4d1120260face1$/);
  await expect(page.getByTestId('facts')).toContainText('Jordan Replacement');
  await page.goto('/');
  await expect(page.getByTestId('assessment-list').locator('tbody tr')).toHaveCount(2);
});
