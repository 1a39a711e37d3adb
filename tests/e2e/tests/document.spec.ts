import { test, expect, type Page } from '@playwright/test';
import { createAssessment, expectSaved, exportVia, importText, watchErrors } from './helpers';

/** Opens the demonstration case and returns its address. */
async function openDemo(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await expect(page).toHaveURL(/\/scales$/);
  return page.url().replace(/\/scales$/, '');
}

/** A person's or entry's symbol on a drawing, by the start of its name. */
function symbol(page: Page, name: string) {
  return page.locator('.canvas .g-person', { has: page.locator('text', { hasText: new RegExp(`^${name}`) }) }).first();
}

/** Reloads the page and checks the assessment opens and the list still has it. */
async function reopens(page: Page, base: string, title: string) {
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await expect(page.getByTestId('repair-notice')).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(page.getByTestId('needs-repair')).toHaveCount(0);
}

/** The app's stored records, straight from IndexedDB. */
async function putRecord(page: Page, record: unknown) {
  await page.evaluate(
    (r) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('assessment-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('assessments', 'readwrite');
          tx.objectStore('assessments').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    record,
  );
}

async function getRecord(page: Page, id: string): Promise<{ data: string; revision: number }> {
  return page.evaluate(
    (key) =>
      new Promise<{ data: string; revision: number }>((resolve, reject) => {
        const open = indexedDB.open('assessment-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('assessments').objectStore('assessments').get(key);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
    id,
  );
}

test('removing someone who rated keeps their judgement as words, can be undone, and the assessment opens after a reload', async ({ page }) => {
  const errors = watchErrors(page);
  const base = await openDemo(page);
  await page.goto(`${base}/people`);
  await page.getByRole('button', { name: 'Remove Casey Sampleton' }).click();
  const confirm = page.getByTestId('remove-confirm');
  await expect(confirm.getByTestId('remove-impact')).toContainText('scale judgements stay');
  await expect(confirm.getByTestId('remove-impact')).toContainText('taken off the genogram');
  await confirm.getByRole('button', { name: 'Yes, remove' }).click();
  await expectSaved(page);
  await expect(page.getByTestId('register-undo')).toContainText('Casey Sampleton was removed from the register.');
  // Undo puts Casey back, exactly; then remove again for good.
  await page.getByTestId('register-undo').getByRole('button', { name: 'Undo' }).click();
  await expectSaved(page);
  await expect(page.getByRole('button', { name: 'Remove Casey Sampleton' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Casey Sampleton' }).click();
  await page.getByTestId('remove-confirm').getByRole('button', { name: 'Yes, remove' }).click();
  await expectSaved(page);

  await reopens(page, base, 'Rowan Demo, Skye Demo');
  await page.goto(`${base}/scales`);
  await page.getByRole('link', { name: 'Safety scale: Rowan Demo' }).click();
  await expect(page.getByRole('slider', { name: /Casey Sampleton \(removed from the register\)/ })).toBeVisible();
  errors.check();
});

test("removing a child with a safety scale, and changing a child's role, say what goes and leave an assessment that opens", async ({ page }) => {
  const errors = watchErrors(page);
  const base = await openDemo(page);
  // Skye's role: the confirmation lists the scale, and the change waits for "Yes".
  await page.goto(`${base}/children`);
  await page.getByRole('link', { name: 'Change Skye Demo' }).click();
  await page.getByLabel('Family member').check();
  const confirm = page.getByTestId('role-confirm');
  await expect(confirm).toContainText("Skye Demo's safety scale");
  await confirm.getByRole('button', { name: 'Yes, change the role' }).click();
  await expectSaved(page);
  await reopens(page, base, 'Rowan Demo');
  await page.goto(`${base}/scales`);
  await expect(page.getByRole('link', { name: /Safety scale for Skye Demo/ })).toBeVisible();

  // Rowan, the child left: removed, with her scale kept as a scale of its own.
  await page.goto(`${base}/children`);
  await page.getByRole('button', { name: 'Remove Rowan Demo' }).click();
  await expect(page.getByTestId('remove-impact')).toContainText("Rowan Demo's safety scale");
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expectSaved(page);
  await reopens(page, base, 'No child added yet');
  await page.goto(`${base}/scales`);
  await expect(page.getByRole('link', { name: /Safety scale for Rowan Demo/ })).toBeVisible();
  errors.check();
});

test("an organisation's name cannot be cleared on the network map; the map and assessment open after a reload", async ({ page }) => {
  const errors = watchErrors(page);
  const base = await openDemo(page);
  await page.goto(`${base}/network`);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await symbol(page, 'Fictional').click();
  const name = page.getByTestId('entry-panel').getByLabel('Name', { exact: true });
  const before = await name.inputValue();
  expect(before).toBe('Fictional Primary School');
  await name.fill('');
  await expect(page.getByTestId('edit-error')).toContainText("Enter the organisation's name");
  await name.fill(' ');
  await expect(page.getByTestId('edit-error')).toContainText("Enter the organisation's name");
  await expectSaved(page);
  await reopens(page, base, 'Rowan Demo, Skye Demo');
  await page.goto(`${base}/network`);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await symbol(page, 'Fictional').click();
  await expect(page.getByTestId('entry-panel').getByLabel('Name', { exact: true })).toHaveValue(before);
  errors.check();
});

test('undo in the genogram takes back a scale edit made meanwhile on another page first, on that page', async ({ page }) => {
  const errors = watchErrors(page);
  const base = await openDemo(page);
  await page.goto(`${base}/genogram`);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await symbol(page, 'Rowan').click();
  await page.getByTestId('person-panel').getByRole('button', { name: 'Brother', exact: true }).click();
  await page.getByTestId('person-panel').getByLabel('First name').fill('Taylor');
  await expectSaved(page);
  await expect(page.getByTestId('undo')).toBeEnabled();
  // Meanwhile, the new brother rates on Rowan's scale (moves inside the app, as links are).
  await page.evaluate((to) => { history.pushState({}, '', to); dispatchEvent(new PopStateEvent('popstate')); }, `${base}/scales`);
  await page.getByRole('link', { name: 'Safety scale: Rowan Demo' }).click();
  const scalePath = new URL(page.url()).pathname;
  const panel = page.getByTestId('add-rater');
  const options = await panel.getByLabel('Who').locator('option').allTextContents();
  const brother = options.find((o) => o.startsWith('Taylor'));
  expect(brother, options.join(' | ')).toBeTruthy();
  await panel.getByLabel('Who').selectOption({ label: brother! });
  await panel.getByRole('button', { name: 'Add to the scale' }).click();
  await expectSaved(page);
  await page.evaluate((to) => { history.pushState({}, '', to); dispatchEvent(new PopStateEvent('popstate')); }, `${base}/genogram`);
  await expect(page.locator('.canvas')).toBeVisible();
  // One history: the genogram's Undo takes back the latest step first, the rater, and shows
  // the scale it was made on; the brother is still there, and the document stays valid.
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo: add Taylor .* to the scale$/);
  await page.getByTestId('undo').click();
  await expect(page).toHaveURL(new RegExp(`${scalePath}$`));
  await expect(page.getByRole('slider', { name: /^Taylor/ })).toHaveCount(0);
  await expectSaved(page);
  await reopens(page, base, 'Rowan Demo, Skye Demo');
  errors.check();
});

test('a record written broken into IndexedDB is listed as needing repair, opens with its repairs listed, exports, and a good export can replace it', async ({ page }) => {
  const errors = watchErrors(page);
  const base = await openDemo(page);
  const id = base.split('/').pop()!;
  // A good export first, as a worker might have.
  await page.goto(base);
  const good = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  // Then the damage an older version did: Casey removed from the register, his markers left.
  const stored = await getRecord(page, id);
  const doc = JSON.parse(stored.data);
  const casey = doc.people.find((p: { givenName: string }) => p.givenName === 'Casey').id;
  doc.people = doc.people.filter((p: { id: string }) => p.id !== casey);
  const broken = { ...stored, data: JSON.stringify(doc) };
  await page.goto('/');
  await putRecord(page, broken);
  await page.reload();
  await expect(page.getByTestId('needs-repair')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rowan Demo, Skye Demo', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Rowan Demo, Skye Demo', exact: true }).click();
  const notice = page.getByTestId('repair-notice');
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId('repair-changes')).toContainText('removed from the register');
  await expect(notice.getByTestId('repair-changes')).toContainText('placeholder person');
  const asStored = await exportVia(page, () => notice.getByTestId('repair-export').click());
  expect(asStored.name).toBe(`assessment-${id}-as-stored.json`);
  expect(JSON.parse(asStored.text)).toEqual(doc);
  // Opening changed nothing stored.
  expect((await getRecord(page, id)).data).toBe(broken.data);

  // Importing the good export offers replace or keep both, rather than refusing.
  await importText(page, good.text, good.name);
  await expect(page.getByTestId('clash')).toBeVisible();
  await page.getByLabel('Replace the assessment on this device').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/assessments/${id}$`));
  await expect(page.getByTestId('repair-notice')).toHaveCount(0);
  await reopens(page, base, 'Rowan Demo, Skye Demo');

  // Saving a repair makes it an ordinary assessment.
  await putRecord(page, { ...(await getRecord(page, id)), data: JSON.stringify(doc) });
  await page.goto(base);
  await page.getByTestId('repair-save').click();
  await expectSaved(page);
  await reopens(page, base, 'Rowan Demo, Skye Demo');
  errors.check();
});

test('a record that cannot be read at all is listed and can be downloaded as it is', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('empty-list')).toBeVisible();
  await putRecord(page, { id: 'a-00000000000000ff', schemaVersion: 4, data: '{"this is": "not an assessment"', deletedAt: null, revision: 1 });
  await page.reload();
  const box = page.getByTestId('unreadable');
  await expect(box).toContainText('a-00000000000000ff');
  const file = await exportVia(page, () => box.getByTestId('export-as-stored').click());
  expect(file.text).toBe('{"this is": "not an assessment"');
  await page.goto('/assessments/a-00000000000000ff');
  await expect(page.getByTestId('export-as-stored')).toBeVisible();
  errors.check();
});

test("after reloading another tab's version, undo does not write the old records back", async ({ page, context }) => {
  const errors = watchErrors(page);
  const base = await openDemo(page);
  await page.goto(`${base}/genogram`);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await symbol(page, 'Morgan').click();
  await page.getByTestId('person-panel').getByLabel('First name').fill('Morgana');
  await expectSaved(page);
  await expect(page.getByTestId('undo')).toBeEnabled();
  // Another tab types notes for the same person.
  const other = await context.newPage();
  await other.goto(`${base}/people`);
  await other.getByRole('link', { name: 'Change Morgana Demo' }).click();
  await other.getByLabel('Notes').fill('Typed in the other tab');
  await expectSaved(other);
  await expect(page.getByTestId('elsewhere-newer')).toBeVisible();
  await page.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('redo')).toBeDisabled();
  await page.goto(`${base}/people`);
  await page.getByRole('link', { name: 'Change Morgana Demo' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue('Typed in the other tab');
  errors.check();
});

test('the list shows each assessment from the summary stored with it, and a record without one, or with a stale one, as it is', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ada', family: 'Listed', referral: '2026-11-02' });
  const id = /\/assessments\/(a-[0-9a-f]{16})/.exec(page.url())![1];
  await page.goto('/');
  const row = page.getByRole('row', { name: /Ada Listed/ });
  await expect(row).toContainText('2 November 2026');
  const stored = (await getRecord(page, id)) as unknown as { data: string; revision: number; schemaVersion: number; summary?: string };
  // Written with the record, in the same object; dates as days of the common era (1970-01-01 is
  // day 719163), which the front reads without a date parser.
  expect(JSON.parse(stored.summary!)).toMatchObject({ id, title: 'Ada Listed', referral: Date.UTC(2026, 10, 2) / 86_400_000 + 719_163, needsRepair: false });

  // As an older version wrote it, without a summary; and another whose summary is of other text
  // (the record changed since it was written): each listed as its record says.
  const doc = JSON.parse(stored.data);
  const older = { id: 'a-00000000000000a1', schemaVersion: stored.schemaVersion, revision: 4,
    data: JSON.stringify({ ...doc, id: 'a-00000000000000a1', people: doc.people.map((p: { givenName: string }) => ({ ...p, givenName: 'Olive' })) }) };
  const staleSummary = JSON.stringify({ ...JSON.parse(stored.summary!), id: 'a-00000000000000a2', title: 'Wrong Name' });
  const stale = { ...older, id: 'a-00000000000000a2', summary: staleSummary,
    data: JSON.stringify({ ...doc, id: 'a-00000000000000a2', people: doc.people.map((p: { givenName: string }) => ({ ...p, givenName: 'Stella' })) }) };
  await putRecord(page, older);
  await putRecord(page, stale);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Olive Listed', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Stella Listed', exact: true })).toBeVisible();
  await expect(page.getByText('Wrong Name')).toHaveCount(0);
  await expect(page.getByTestId('needs-repair')).toHaveCount(0);
  // Each opens, and exporting from the list reads the whole record.
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export Stella Listed as JSON' }).click());
  expect(JSON.parse(file.text).assessment.people[0].givenName).toBe('Stella');
  await page.getByRole('link', { name: 'Olive Listed', exact: true }).click();
  await expect(page.getByTestId('assessment-title')).toHaveText('Olive Listed');
  errors.check();
});
