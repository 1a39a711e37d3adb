import { test, expect, type Page } from '@playwright/test';
import { createAssessment, expectSaved, exportVia, watchErrors } from './helpers';

const PASS = 'correct horse battery staple';

/** Every record in the app's IndexedDB, read directly (not through the app). */
async function rawRecords(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('assessment-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: unknown[] = [];
          let pending = names.length;
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => {
              out.push(...req.result);
              if (--pending === 0) {
                db.close();
                resolve(JSON.stringify(out));
              }
            };
          }
        };
      }),
  );
}

async function unlock(page: Page, pass: string) {
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('a passphrase encrypts what is stored; a wrong one is refused; the app locks and unlocks', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Zebedee', family: 'Secretname' });
  const overview = page.url();
  await page.goto(`${overview}/details`);
  await page.getByLabel('Lead social worker').fill('Sam Confidential');
  await expectSaved(page);
  expect(await rawRecords(page)).toContain('Secretname');

  // Unprotected, the list says so and leads to the passphrase form.
  await page.goto('/');
  await page.getByTestId('protect-prompt').getByRole('link', { name: 'Protect them with a passphrase' }).click();
  await expect(page.getByRole('heading', { name: 'Protect with a passphrase' })).toBeVisible();

  // Turn protection on: a short passphrase and a mismatch are refused first.
  await page.getByLabel('New passphrase', { exact: true }).fill('too short');
  await page.getByLabel('New passphrase again').fill('too short');
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('at least 12 characters');
  await page.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('New passphrase again').fill(PASS + '!');
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('not the same');
  await page.getByLabel('New passphrase again').fill(PASS);
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('now encrypted', { timeout: 20_000 });
  const sealed = await rawRecords(page);
  expect(sealed).not.toContain('Secretname');
  expect(sealed).not.toContain('Sam Confidential');
  expect(sealed).toContain('enc1:');

  // Reload: locked. Nothing readable is shown; a wrong passphrase changes nothing.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toBeVisible();
  await expect(page.getByText('Secretname')).toHaveCount(0);
  await unlock(page, 'not the passphrase at all');
  await expect(page.getByTestId('error-summary')).toContainText('That passphrase is not right', { timeout: 20_000 });
  expect(await rawRecords(page)).toEqual(sealed);
  await unlock(page, PASS);
  await expect(page.getByText('Zebedee Secretname')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('protect-prompt')).toHaveCount(0);

  // Edits while unlocked are stored encrypted too.
  await page.goto(overview);
  await unlock(page, PASS);
  await page.goto(`${overview}/details`);
  await expect(page.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toBeVisible();
  await unlock(page, PASS);
  await page.getByLabel('Team manager').fill('Pat Hidden');
  await expectSaved(page);
  const after = await rawRecords(page);
  expect(after).not.toContain('Pat Hidden');
  expect(after).not.toEqual(sealed);

  // Lock now: back to the unlock page, and the assessment is not in the page.
  await page.getByTestId('lock-now').click();
  await expect(page.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toBeVisible();
  expect(await page.content()).not.toContain('Pat Hidden');

  // Unlocking returns to the same page, with the edit there.
  await unlock(page, PASS);
  await expect(page.getByLabel('Team manager')).toHaveValue('Pat Hidden', { timeout: 20_000 });
  // Change the passphrase (the old one is then refused), then turn protection off.
  await page.goto('/storage');
  await unlock(page, PASS);
  await page.getByLabel('Current passphrase').fill(PASS);
  await page.getByLabel('New passphrase', { exact: true }).fill('a different long passphrase');
  await page.getByLabel('New passphrase again').fill('a different long passphrase');
  await page.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('re-encrypted', { timeout: 20_000 });
  await page.reload();
  await unlock(page, PASS);
  await expect(page.getByTestId('error-summary')).toContainText('not right', { timeout: 20_000 });
  await unlock(page, 'a different long passphrase');
  await page.getByLabel('Current passphrase').fill('a different long passphrase');
  await page.getByRole('button', { name: /Turn protection off/ }).click();
  await expect(page.getByTestId('protection-message')).toContainText('Protection is off', { timeout: 20_000 });
  expect(await rawRecords(page)).toContain('Pat Hidden');
  errors.check();
});

test('the app locks itself after the idle time', async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.install();
  await createAssessment(page, { given: 'Idle', family: 'Example' });
  await page.goto('/storage');
  await page.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('New passphrase again').fill(PASS);
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('now encrypted', { timeout: 20_000 });
  await page.getByLabel('Lock after this many minutes without use').selectOption('2');
  await page.goto('/');
  await unlock(page, PASS);
  await expect(page.getByText('Idle Example')).toBeVisible({ timeout: 20_000 });
  await page.clock.fastForward('02:30');
  await expect(page.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toBeVisible();
});

test('an export encrypted to a passphrase opens only with it, in a fresh browser profile', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Quentin', family: 'Cipherton' });
  await page.getByText('Export encrypted, with a passphrase').click();
  await page.getByLabel('Passphrase for the file').fill('a file passphrase here');
  await page.getByLabel('Passphrase again').fill('a file passphrase here');
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export encrypted' }).click());
  expect(file.name).toMatch(/\.encrypted\.json$/);
  expect(file.text).not.toContain('Cipherton');
  const env = JSON.parse(file.text);
  expect(env.format).toBe('assessment-workbench/encrypted');
  expect(env.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 });
  expect(env.cipher).toMatchObject({ name: 'AES-GCM', length: 256 });

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const upload = async (pass: string) => {
    await other.goto('/import');
    await other.getByLabel('Upload a file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    if (pass) await other.getByLabel('Passphrase, if the file is encrypted').fill(pass);
    await other.getByRole('button', { name: 'Import', exact: true }).click();
  };
  await upload('');
  await expect(other.getByTestId('error-summary')).toContainText('This file is encrypted');
  await upload('the wrong passphrase');
  await expect(other.getByTestId('error-summary')).toContainText('not right', { timeout: 20_000 });
  await other.goto('/');
  await expect(other.getByText('Cipherton')).toHaveCount(0);
  await upload('a file passphrase here');
  await expect(other.getByTestId('assessment-title')).toHaveText('Quentin Cipherton', { timeout: 20_000 });
  await fresh.close();
  errors.check();
});

test('setting a passphrase in one tab reloads the others, so none writes with an old key', async ({ page, context }) => {
  test.setTimeout(60_000);
  await createAssessment(page, { given: 'Two', family: 'Tabs' });
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('assessment-title')).toHaveText('Two Tabs');
  await page.goto('/storage');
  await page.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('New passphrase again').fill(PASS);
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('now encrypted', { timeout: 20_000 });
  await expect(other.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toBeVisible();
  await expect(other.getByText('Two Tabs')).toHaveCount(0);
});

test('a save another tab made the old way while the passphrase was being set is sealed soon after', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Late', family: 'Writerson' });
  // What a tab that has not yet reloaded would write: the record as stored before protection.
  const stale = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('assessment-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('assessments').objectStore('assessments').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result[0]);
          };
        };
      }),
  );
  await page.goto('/storage');
  await page.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('New passphrase again').fill(PASS);
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('now encrypted', { timeout: 20_000 });
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('assessment-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('assessments', 'readwrite');
          tx.objectStore('assessments').put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    stale,
  );
  expect(await rawRecords(page)).toContain('Writerson');
  await expect.poll(() => rawRecords(page), { timeout: 15_000 }).not.toContain('Writerson');
  await page.goto('/');
  await unlock(page, PASS);
  await expect(page.getByRole('link', { name: 'Late Writerson', exact: true })).toBeVisible({ timeout: 20_000 });
  errors.check();
});
