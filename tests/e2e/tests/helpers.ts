import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

/** Collects page errors and CSP violations; call `check()` at the end of a test. */
export function watchErrors(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const t = m.text();
    if (m.type() === 'error' && !t.includes('favicon')) problems.push(`console: ${t}`);
    if (t.includes('Content Security Policy')) problems.push(`csp: ${t}`);
  });
  return { check: () => expect(problems).toEqual([]) };
}

/** Waits for the app's list (not the early page drawn from index.html while the app loads). */
export async function appList(page: Page) {
  await expect(page.locator('[data-testid=empty-list], [data-testid=assessment-list]').first()).toBeVisible();
}

export type NewAssessment = {
  profile?: string;
  kind?: string;
  referral?: string;
  start?: string;
  given?: string;
  family?: string;
};

/** Creates an assessment through the form and waits for its overview. */
export async function createAssessment(page: Page, a: NewAssessment = {}) {
  await page.goto('/');
  await appList(page);
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(page.getByRole('heading', { name: 'Start a new assessment' })).toBeVisible();
  await page.getByLabel(a.profile ?? 'Child and Family Assessment with Signs of Safety (2020 chapter)').check();
  await page.getByLabel(a.kind ?? 'Section 17 (child in need)').check();
  if (a.referral) await fillDate(page, 'Referral date', a.referral);
  if (a.start) await fillDate(page, 'Date the assessment started', a.start);
  if (a.given) await page.getByLabel('First name').fill(a.given);
  if (a.family) await page.getByLabel('Last name').fill(a.family);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/a-[0-9a-f]{16}$/);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

/** Types an ISO date (yyyy-mm-dd) into the GOV.UK date input (day, month, year) named `label`. */
export async function fillDate(scope: Page | Locator, label: string, iso: string) {
  const [y, m, d] = iso.split('-');
  const group = scope.getByRole('group', { name: label, exact: true });
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y);
}

/** Checks the date shown in the date input named `label` (ISO yyyy-mm-dd). */
export async function expectDate(scope: Page | Locator, label: string, iso: string) {
  const [y, m, d] = iso.split('-');
  const group = scope.getByRole('group', { name: label, exact: true });
  await expect(group.getByLabel('Day')).toHaveValue(String(Number(d)));
  await expect(group.getByLabel('Month')).toHaveValue(String(Number(m)));
  await expect(group.getByLabel('Year')).toHaveValue(y);
}

/** Waits until the autosave says everything is stored. */
export async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

/** Clicks an export control and returns the downloaded file's text and name. */
export async function exportVia(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

/** Validates a document against the published schema with ajv (independent of the app). */
export function validateWithSchema(doc: unknown, version: number | string = 11): string[] {
  const file = typeof version === 'number' ? `assessment-v${version}.schema.json` : version;
  const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'public', 'schema', name), 'utf8'));
  const schema = read(file);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
  // From version 10 an export may carry its procedure profile, described by the profile schema.
  if (JSON.stringify(schema).includes('profile-v1.schema.json')) ajv.addSchema(read('profile-v1.schema.json'));
  const validate = ajv.compile(schema);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Imports a file (given as text) through the import page. */
export async function importText(page: Page, text: string, name = 'upload.json') {
  await page.goto('/import');
  await page.getByLabel('Upload a file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

export function fixture(name: string) {
  return readFileSync(join(ROOT, 'tests', 'fixtures', name), 'utf8');
}

export function shotPath(info: TestInfo, name: string) {
  return info.outputPath(name);
}

/** Answers every empty control on the current flow page, repeating as follow-ups appear. */
export async function answerEverythingOnPage(page: Page) {
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const list of await page.locator('main .list-question').all()) {
      if ((await list.locator('.list-item').count()) === 0) {
        await list.getByRole('button', { name: 'Add an item' }).click();
        changed = true;
      }
    }
    for (const el of await page.locator('main input[type=text]:not(.date-input__input), main textarea').all()) {
      if ((await el.inputValue()) === '') {
        await el.fill('Recorded for the test.');
        changed = true;
      }
    }
    for (const group of await page.locator('main .date-input').all()) {
      if ((await group.getByLabel('Day').inputValue()) === '') {
        await group.getByLabel('Day').fill('20');
        await group.getByLabel('Month').fill('11');
        await group.getByLabel('Year').fill('2026');
        changed = true;
      }
    }
    for (const fs of await page.locator('main fieldset:not(:has(fieldset)):has(input[type=radio])').all()) {
      if ((await fs.locator('input[type=radio]:checked').count()) === 0) {
        await fs.locator('input[type=radio]').first().check();
        changed = true;
      }
    }
    for (const fs of await page.locator('main fieldset:not(:has(fieldset)):has(input[type=checkbox])').all()) {
      if ((await fs.locator('input[type=checkbox]:checked').count()) === 0) {
        await fs.locator('input[type=checkbox]').first().check();
        changed = true;
      }
    }
    if (!changed) return;
  }
}

/** Goes through every page of a section, answering what is empty, then marks it completed. */
export async function completeSection(page: Page, base: string, section: string) {
  await page.goto(`${base}/s/${section}`);
  await page.getByRole('button', { name: 'Answer the questions page by page' }).click();
  for (let i = 0; i < 40 && !page.url().endsWith(`/s/${section}`); i++) {
    await expect(page.getByTestId('page-progress')).toBeVisible();
    await answerEverythingOnPage(page);
    await page.getByTestId('save-and-continue').click();
  }
  await expect(page.getByText('Required: not answered')).toHaveCount(0);
  await page.getByLabel("Yes, I've completed this section").check();
  await expectSaved(page);
}


/** Ticks "Yes, I've completed this section" on a section's page. */
export async function markCompleted(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel("Yes, I've completed this section").check();
  await expectSaved(page);
}

/** Moves within the app as a link would (no reload, so the open assessment and its history stay). */
export async function go(page: Page, path: string) {
  await page.evaluate((p) => {
    const a = document.createElement('a');
    a.href = p;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}
