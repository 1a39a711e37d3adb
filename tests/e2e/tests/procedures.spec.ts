import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appList, createAssessment, expectSaved, exportVia, importText, ROOT, validateWithSchema, watchErrors } from './helpers';

// Any council's procedure (#28): the worked example in docs/ is loaded, previewed, used for an
// assessment, exported carrying the profile, and imported on a device that did not have it
// (offered and added). A broken copy is refused with its place named, and nothing changes.

const EXAMPLE = readFileSync(join(ROOT, 'docs', 'profiles', 'northmere-2026.json'), 'utf8');
const NAME = 'Northmere Borough Council: Assessment (fictional example, 2026)';

async function loadProfile(page: Page, text: string, name = 'northmere-2026.json') {
  await page.goto('/procedures');
  await expect(page.getByRole('heading', { name: 'Procedures on this device' })).toBeVisible();
  await page.getByLabel('Upload a profile file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Check and load' }).click();
}

test('a council loads its profile, previews it, starts an assessment under it, and an export carries it to a device without it', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await appList(page);
  await page.getByTestId('procedures-link').click();
  await expect(page.getByTestId('loaded-profile')).toHaveCount(0);

  // a broken copy: a condition naming a question that comes later; refused with its place
  const broken = JSON.parse(EXAMPLE);
  broken.sections[0].groups[0].questions[0].showIf = { answer: { question: 'firstVisitDelay', isOneOf: ['x'] } };
  await loadProfile(page, JSON.stringify(broken, null, 2));
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('sections[0].groups[0].questions[0].showIf');
  await expect(summary).toContainText('comes later');
  // not JSON: the line and column
  await loadProfile(page, EXAMPLE.replace('"version": 1,', '"version": 1'));
  await expect(summary).toContainText(/line \d+, column \d+/);
  // a built-in id is refused
  await loadProfile(page, EXAMPLE.replace('"id": "northmere-2026"', '"id": "signs-of-safety-2020"'));
  await expect(summary).toContainText('built-in profile');
  await expect(page.getByTestId('loaded-profile')).toHaveCount(0);

  // the worked example loads and is listed with its council, version and date
  await loadProfile(page, EXAMPLE);
  await expect(page.getByTestId('procedures-done')).toContainText(`Loaded: ${NAME}, version 1`);
  const row = page.getByTestId('loaded-profile');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Northmere Borough Council (fictional)');
  await expect(row).toContainText('30 November 2026');
  await expect(row).toContainText('Offered');
  // loading it again changes nothing
  await loadProfile(page, EXAMPLE);
  await expect(summary).toContainText('is already on this device');
  await expect(page.getByTestId('loaded-profile')).toHaveCount(1);

  // preview: page by page on a fictional case, with its timescales for a chosen referral date
  await page.getByRole('link', { name: `Preview ${NAME} version 1` }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByTestId('preview-progress')).toHaveText(/^Page 1 of \d+$/);
  await expect(page.getByRole('heading', { name: 'Aims and the first visit' })).toBeVisible();
  const group = page.getByRole('group', { name: 'Referral date', exact: true });
  await group.getByLabel('Day').fill('2');
  await group.getByLabel('Month').fill('11');
  await group.getByLabel('Year').fill('2026');
  await expect(page.getByTestId('preview-timescales')).toContainText('7 January 2027Assessment concluded'); // 45 working days, Christmas and New Year's Day not counted
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByTestId('preview-progress')).toHaveText(/^Page 2 of \d+$/);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByTestId('preview-progress')).toHaveText(/^Page 1 of \d+$/);

  // an assessment under it; a page answered
  await createAssessment(page, { profile: `${NAME} (version 1)`, given: 'Jordan', family: 'Procedureson', referral: '2026-11-30', start: '2026-11-30' });
  await expect(page.getByText(NAME).first()).toBeVisible();
  const url = page.url();
  await page.goto(`${url}/s/planning/aims`);
  await page.getByLabel('What is the assessment for?').fill('To understand what life is like for Jordan at home.');
  await expectSaved(page);
  await page.goto(url);
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(file.text);
  expect(doc.schemaVersion).toBe(11);
  expect(doc.assessment.profile).toBe('northmere-2026');
  expect(doc.assessment.profileVersion).toBe(1);
  expect(doc.assessment.profileHash).toMatch(/^[0-9a-f]{64}$/);
  expect(doc.procedureProfile.id).toBe('northmere-2026');
  expect(validateWithSchema(doc)).toEqual([]);

  // a fresh browser that never had the profile: it is offered, and added with the assessment
  const other = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const there = await other.newPage();
  const otherErrors = watchErrors(there);
  await importText(there, file.text);
  const offer = there.getByTestId('profile-offer');
  await expect(offer).toContainText('This assessment follows a procedure this device does not have');
  await expect(offer.getByTestId('profile-facts')).toContainText('Northmere Borough Council (fictional)');
  // cancelling stores nothing
  await offer.getByRole('link', { name: 'Cancel' }).click();
  await there.goto('/procedures');
  await expect(there.getByTestId('loaded-profile')).toHaveCount(0);
  await importText(there, file.text);
  await there.getByRole('button', { name: 'Add the procedure and import' }).click();
  await there.waitForURL(/\/assessments\/a-/);
  await expect(there.getByText(NAME).first()).toBeVisible();
  await there.goto(`${there.url()}/s/planning/aims`);
  await expect(there.getByLabel('What is the assessment for?')).toHaveValue('To understand what life is like for Jordan at home.');
  await there.goto('/procedures');
  await expect(there.getByTestId('loaded-profile')).toHaveCount(1);
  // and after a reload it is still there, the assessment still opens under it
  await there.reload();
  await expect(there.getByTestId('loaded-profile')).toContainText('Offered');
  otherErrors.check();
  await other.close();

  // withdrawn: no longer offered for new assessments; the assessment still opens
  await page.goto('/procedures');
  await page.getByRole('button', { name: `Withdraw ${NAME} version 1` }).click();
  await expect(page.getByTestId('loaded-profile')).toContainText('Withdrawn');
  await page.goto('/new');
  await expect(page.getByLabel(`${NAME} (version 1)`)).toHaveCount(0);
  await page.goto(url);
  await expect(page.getByText(NAME).first()).toBeVisible();
  errors.check();
});

test('a newer version is offered on the overview; moving keeps an answer the new version does not ask', async ({ page }) => {
  const errors = watchErrors(page);
  await loadProfile(page, EXAMPLE);
  await expect(page.getByTestId('procedures-done')).toContainText('version 1');
  await createAssessment(page, { profile: `${NAME} (version 1)`, given: 'Avery', family: 'Versionson' });
  const url = page.url();
  await page.goto(`${url}/s/planning/family`);
  await page.getByLabel('Who in the wider family and network could help keep the children safe?').fill('Grandmother Ada Fictional helps most days.');
  await expectSaved(page);

  // version 2: the wider family question gone, a new one added
  const v2 = JSON.parse(EXAMPLE);
  v2.version = 2;
  v2.published = '2027-01-15';
  const family = v2.sections[0].groups.find((g: { id: string }) => g.id === 'family');
  const removed = family.questions.find((q: { id: string }) => q.id === 'widerFamily');
  family.questions = family.questions.filter((q: { id: string }) => q.id !== 'widerFamily');
  family.questions.push({ id: 'familyMeetingOffered', label: 'Has a family network meeting been offered?', kind: 'yesNo' });
  await loadProfile(page, JSON.stringify(v2));
  await expect(page.getByTestId('procedures-done')).toContainText('version 2');

  await page.goto(url);
  const newer = page.getByTestId('newer-procedure');
  await expect(newer).toContainText('Version 2 of this procedure is on this device, published 15 January 2027');
  await newer.getByRole('button', { name: 'Review the move to the new version' }).click();
  await expect(newer.getByTestId('left-behind')).toContainText(removed.label);
  await newer.getByRole('button', { name: 'Move to version 2' }).click();
  await expect(page.getByTestId('newer-procedure')).toHaveCount(0);
  // one step of the history: Undo puts it back on version 1, and the move is made again
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(newer).toBeVisible();
  await expect(page.getByTestId('earlier-answers')).toHaveCount(0);
  await newer.getByRole('button', { name: 'Review the move to the new version' }).click();
  await newer.getByRole('button', { name: 'Move to version 2' }).click();
  await expect(page.getByTestId('newer-procedure')).toHaveCount(0);
  await expect(page.getByTestId('earlier-answers')).toContainText('Grandmother Ada Fictional helps most days.');
  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId('earlier-answers')).toContainText(removed.label);
  await page.goto(`${url}/s/planning/family`);
  await expect(page.getByText('Has a family network meeting been offered?')).toBeVisible();
  errors.check();
});

test('a hostile profile is shown harmlessly or refused, and nothing is stored', async ({ page }) => {
  const errors = watchErrors(page);
  // markup in the words: loaded, and shown as the characters typed
  const marked = JSON.parse(EXAMPLE);
  marked.id = 'markup-2026';
  marked.name = 'Markup <b>Council</b>';
  marked.sections[0].groups[0].help = '<img src=x onerror="window.__pwned = 1">Read <b>this</b>';
  await loadProfile(page, JSON.stringify(marked));
  await expect(page.getByTestId('procedures-done')).toContainText('Loaded: Markup <b>Council</b>, version 1');
  await page.getByRole('link', { name: 'Preview Markup <b>Council</b> version 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Markup <b>Council</b>');
  await expect(page.getByTestId('preview-page')).toContainText('<img src=x onerror="window.__pwned = 1">Read <b>this</b>');
  await expect(page.locator('main img, main b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // a thousand sections, and a condition that names its own question: refused, nothing stored
  const huge = JSON.parse(EXAMPLE);
  huge.id = 'huge-2026';
  huge.sections.push(...Array.from({ length: 1000 }, (_, i) => ({
    id: `s${i}`, title: 'More', groups: [{ id: 'g', title: 'G', questions: [{ id: `extra${i}`, label: 'Q', kind: 'text' }] }],
  })));
  await loadProfile(page, JSON.stringify(huge));
  await expect(page.locator('.error-summary')).toContainText('at most 60 sections');
  const selfish = JSON.parse(EXAMPLE);
  selfish.id = 'selfish-2026';
  const q = selfish.sections[0].groups[1].questions[0];
  q.showIf = { answer: { question: q.id, isOneOf: [q.options[0].value] } };
  await loadProfile(page, JSON.stringify(selfish));
  await expect(page.locator('.error-summary')).toContainText('sections[0].groups[1].questions[0].showIf');
  await expect(page.getByTestId('loaded-profile')).toHaveCount(1);
  errors.check();
});
