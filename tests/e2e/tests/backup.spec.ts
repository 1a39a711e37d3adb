import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appList, createAssessment, fixture, importText, watchErrors } from './helpers';

// Backups (#29): every assessment in one encrypted file, restored anywhere after a complete
// check, a choice for each assessment the device already has, and a reminder to back up.

const PASS = 'a backup passphrase for the tests';

/** An export of the v9 fixture as assessment number `n`: its own id and children's surname. */
function generated(n: number) {
  const doc = JSON.parse(fixture('assessment-v9.json'));
  doc.assessment.id = `a-${n.toString(16).padStart(16, '0')}`;
  for (const p of doc.assessment.people) {
    if (p.familyName === 'Sample') p.familyName = `Backupson${String(n).padStart(2, '0')}`;
  }
  return JSON.stringify(doc);
}

async function importGenerated(page: Page, from: number, to: number) {
  for (let n = from; n <= to; n++) {
    await importText(page, generated(n));
    await page.waitForURL(/\/assessments\/a-/);
  }
}

/** Makes a backup on the backup page and returns the downloaded file's name and text. */
async function makeBackup(page: Page, passphrase: string | null = PASS, go = (p: Page) => p.goto('/backup')) {
  await go(page);
  await expect(page.getByTestId('backup-count')).toBeVisible();
  if (passphrase) {
    await page.getByLabel('Passphrase for the backup', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase for the backup again').fill(passphrase);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save a backup' }).click(),
  ]);
  await expect(page.getByTestId('backup-message')).toContainText('Backup saved as');
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** Chooses a backup file (by its text) and a passphrase, and checks it. */
async function checkBackup(page: Page, text: string, passphrase = PASS, go = (p: Page) => p.goto('/backup')) {
  await go(page);
  await page.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByLabel("The backup's passphrase").fill(passphrase);
  await page.getByRole('button', { name: 'Check the backup' }).click();
}

/** Every listed assessment's export (as the list's Export gives it), by id, without the time it was made. */
async function exportsOf(page: Page) {
  await page.goto('/');
  await appList(page);
  const out = new Map<string, string>();
  const rows = page.locator('[data-testid=assessment-list] tbody tr');
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    // Chromium holds back the eleventh download a page makes in a row: a fresh load every few.
    if (i > 0 && i % 8 === 0) {
      await page.goto('/');
      await appList(page);
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rows.nth(i).getByRole('button', { name: /^Export / }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    out.set(JSON.parse(text).assessment.id, text.replace(/"exportedAt": "[^"]*"/, ''));
  }
  return out;
}

async function listedCount(page: Page) {
  await page.goto('/');
  await appList(page);
  return page.locator('[data-testid=assessment-list] tbody tr').count();
}

/** Decrypts a backup with Node's WebCrypto (the app's format: PBKDF2-SHA-256, AES-GCM 256). */
async function decrypt(text: string, passphrase: string) {
  const f = JSON.parse(text);
  const key = await deriveKey(passphrase, Buffer.from(f.kdf.salt, 'base64'), f.kdf.iterations);
  const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv: Buffer.from(f.cipher.iv, 'base64') }, key, Buffer.from(f.data, 'base64'));
  return Buffer.from(plain).toString('utf8');
}

async function encrypt(plain: string, passphrase: string) {
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, 600_000);
  const data = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, Buffer.from(plain, 'utf8'));
  return JSON.stringify({
    format: 'assessment-workbench/encrypted', version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: Buffer.from(salt).toString('base64') },
    cipher: { name: 'AES-GCM', length: 256, iv: Buffer.from(iv).toString('base64') },
    data: Buffer.from(data).toString('base64'),
  });
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number) {
  const base = await webcrypto.subtle.importKey('raw', Buffer.from(passphrase, 'utf8'), 'PBKDF2', false, ['deriveKey']);
  return webcrypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test('twenty assessments backed up, restored in a fresh browser byte for byte, and a second restore offers the choices', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await importGenerated(page, 1, 20);
  // One goes to the bin: a backup holds the bin too.
  await page.goto('/assessments/a-0000000000000014/delete');
  await page.getByRole('button', { name: 'Yes, move it to the bin' }).click();
  await page.waitForURL(/\?deleted=/);
  const before = await exportsOf(page);
  expect(before.size).toBe(19);

  const backup = await makeBackup(page);
  expect(backup.name).toMatch(/^assessment-workbench-backup-\d{4}-\d\d-\d\d-20-assessments\.json$/);
  expect(backup.text).toContain('"format": "assessment-workbench/encrypted"');
  expect(backup.text).not.toContain('Backupson');
  // The list says when each was backed up.
  await page.goto('/');
  await expect(page.getByTestId('last-copy').first()).toContainText('Backed up');

  const other = await freshPage(browser);
  const otherErrors = watchErrors(other);
  await checkBackup(other, backup.text);
  await expect(other.getByTestId('restore-summary')).toContainText('holds 20 assessments: 20 new to this device');
  await other.getByRole('button', { name: 'Restore 20 assessments' }).click();
  await expect(other.getByTestId('restore-result')).toContainText('20 assessments added');
  const after = await exportsOf(other);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [id, text] of before) expect(after.get(id), id).toBe(text);
  // The one in the bin is in the bin here too.
  await other.goto('/bin');
  await expect(other.getByText(/Mia Backupson20/).first()).toBeVisible();

  // Change two here, then restore the same backup again: choices for those two only.
  for (const id of ['a-0000000000000003', 'a-0000000000000007']) {
    await other.goto(`/assessments/${id}/details`);
    await other.getByLabel('Lead social worker').fill(`Changed after the backup ${id}`);
    await expect(other.getByTestId('save-status')).toContainText('Saved');
  }
  await checkBackup(other, backup.text);
  await expect(other.getByTestId('restore-summary')).toContainText('0 new to this device, 18 already here exactly as in the backup');
  const three = other.getByRole('group', { name: /a-0000000000000003/ });
  await expect(three.getByLabel("Keep the newer copy (this device's)")).toBeChecked();
  await three.getByLabel('Keep both').check();
  await other.getByRole('button', { name: 'Restore 20 assessments' }).click();
  await expect(other.getByTestId('restore-result')).toContainText('1 kept as both');
  await expect(other.getByTestId('restore-result')).toContainText('19 already here as new or newer');
  expect(await listedCount(other)).toBe(20);
  // Both copies of the third: the changed one kept its id, the backup's has a new one.
  await other.goto('/');
  await expect(other.getByRole('link', { name: /^Mia Backupson03, Leo Backupson03/ })).toHaveCount(2);
  // What was restored opens, and opens again after a reload: the changed copy and the backup's.
  const copies = other.getByRole('link', { name: /^Mia Backupson03, Leo Backupson03/ });
  const hrefs = await copies.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs).toHaveLength(2);
  for (const href of hrefs) {
    for (let i = 0; i < 2; i++) {
      await other.goto(href);
      await expect(other.getByTestId('assessment-title')).toHaveText(/^Mia Backupson03, Leo Backupson03/);
    }
  }
  errors.check();
  otherErrors.check();
});

test('a wrong passphrase, a cut-short file, a file of another kind and one broken assessment inside are each said plainly, and nothing is stored', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await importGenerated(page, 1, 3);
  const backup = await makeBackup(page);
  const other = await freshPage(browser);
  const errors = watchErrors(other);
  const refused = async (text: string, words: string, passphrase = PASS) => {
    await checkBackup(other, text, passphrase);
    await expect(other.getByTestId('error-summary')).toContainText(words);
    await expect(other.getByTestId('error-summary')).toContainText('Nothing has been restored.');
    await other.goto('/');
    await expect(other.getByTestId('empty-list')).toBeVisible();
  };
  await refused(backup.text, 'The passphrase for this backup is not right', 'not the passphrase at all');
  await refused(backup.text.slice(0, backup.text.length - 200), 'not complete: it ends too early');
  const plain = await decrypt(backup.text, PASS);
  await refused(await encrypt(plain.slice(0, plain.length / 2), PASS), 'not complete: it ends too early');
  await refused(generated(9), "one assessment's export, not a backup");
  await refused('{"hello": "world"}', 'not a backup made by Assessment Workbench');
  const doc = JSON.parse(plain);
  doc.assessments[1].file.assessment.referralDate = 'the day before yesterday';
  await refused(await encrypt(JSON.stringify(doc), PASS), 'Assessment 2 of 3 in the backup (Mia Backupson02, Leo Backupson02');
  errors.check();
});

test('a backup made with the device passphrase restores here without typing it, and elsewhere with it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await importGenerated(page, 1, 2);
  const device = 'the device passphrase here';
  await page.goto('/storage');
  await page.getByLabel('New passphrase', { exact: true }).fill(device);
  await page.getByLabel('New passphrase again').fill(device);
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('now encrypted', { timeout: 20_000 });
  // Each load of the page asks for the passphrase: opened, then unlocked.
  const unlocked = async (p: Page) => {
    await p.goto('/backup');
    await p.getByLabel('Passphrase', { exact: true }).fill(device);
    await p.getByRole('button', { name: 'Unlock' }).click();
  };
  const backup = await makeBackup(page, null, unlocked);
  expect(JSON.parse(backup.text).kdf.salt).toBe(JSON.parse(await page.evaluate(() => localStorage.getItem('assessment-workbench.vault'))!).salt);
  await checkBackup(page, backup.text, '', unlocked);
  await expect(page.getByTestId('restore-summary')).toContainText('0 new to this device, 2 already here exactly');
  const other = await freshPage(browser);
  await checkBackup(other, backup.text, device);
  await expect(other.getByTestId('restore-summary')).toContainText('2 new to this device');
});

test('the reminder comes after two working days with a change not backed up, and goes with a backup', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));
  await createAssessment(page, { given: 'Remi', family: 'Nder' });
  await page.goto('/');
  await appList(page);
  await expect(page.getByTestId('last-copy')).toHaveText('Not backed up or exported');
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  // Thursday: two working days. Friday: three, more than the two allowed.
  await page.clock.setFixedTime(new Date('2026-12-03T10:00:00Z'));
  await page.reload();
  await appList(page);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await page.clock.setFixedTime(new Date('2026-12-04T10:00:00Z'));
  await page.reload();
  await expect(page.getByTestId('backup-reminder')).toContainText('1 assessment has never been backed up');
  await page.getByTestId('backup-reminder').getByRole('link', { name: 'Back up now' }).click();
  await makeBackup(page);
  await page.goto('/');
  await appList(page);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await expect(page.getByTestId('last-copy')).toContainText('Backed up 4 December 2026');
  // A change on Monday; Wednesday is three working days after Friday's backup.
  await page.clock.setFixedTime(new Date('2026-12-07T09:00:00Z'));
  await page.goto('/');
  await page.getByRole('link', { name: 'Remi Nder', exact: true }).click();
  await page.goto(`${page.url()}/details`);
  await page.getByLabel('Lead social worker').fill('Changed on Monday');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await page.clock.setFixedTime(new Date('2026-12-09T09:00:00Z'));
  await page.goto('/');
  await expect(page.getByTestId('backup-reminder')).toContainText('1 assessment has changed since your last backup, 4 December 2026');
  // A longer wait, set on the storage page, puts it off.
  await page.goto('/storage');
  await page.getByLabel('Remind me to back up after this many working days').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'after 5 working days' })).toBeVisible();
  await page.goto('/');
  await appList(page);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await expect(page.getByTestId('what-can-clear')).toHaveCount(0);
  await page.goto('/storage');
  await expect(page.getByTestId('what-can-clear')).toContainText('the data');
});

test('a restore of fifty killed half way leaves each assessment whole or absent, and restoring again completes', async ({ page }, info) => {
  test.setTimeout(300_000);
  await importGenerated(page, 1, 50);
  const backup = await makeBackup(page);

  // A browser of its own, with a profile on disk, so it can be killed and started again.
  const dir = mkdtempSync(join(tmpdir(), 'aw-restore-kill-'));
  const { launchOptions, baseURL } = info.project.use as { launchOptions: { executablePath: string; args: string[] }; baseURL: string };
  const launch = () => chromium.launchPersistentContext(dir, { ...launchOptions, baseURL, headless: true, viewport: { width: 1024, height: 768 } });
  try {
    let ctx = await launch();
    let p = ctx.pages()[0] ?? (await ctx.newPage());
    await checkBackup(p, backup.text);
    await expect(p.getByTestId('restore-summary')).toContainText('50 new to this device');
    // Slowed down so the kill lands while assessments are being written.
    const cdp = await ctx.newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await p.getByRole('button', { name: 'Restore 50 assessments' }).click();
    await p.waitForFunction(() => /Restoring ([5-9]|[12][0-9]) of 50/.test(document.querySelector('[data-testid=restore-progress]')?.textContent ?? ''), null, { polling: 5 });
    // SIGKILL to every process of that browser (pkill leaves itself out; no shell in between).
    expect(spawnSync('pkill', ['-9', '-f', '--', dir]).status).toBe(0);
    await ctx.close().catch(() => {});

    ctx = await launch();
    p = ctx.pages()[0] ?? (await ctx.newPage());
    const restored = await listedCount(p);
    console.log(`restored before the kill: ${restored} of 50`);
    expect(restored).toBeGreaterThan(0);
    expect(restored).toBeLessThan(50);
    // Every one there is whole: it reads, needs no repair, and none is unreadable.
    await expect(p.getByTestId('unreadable')).toHaveCount(0);
    await expect(p.getByTestId('needs-repair')).toHaveCount(0);
    // Restoring again finds those the same and adds the rest.
    await checkBackup(p, backup.text);
    await expect(p.getByTestId('restore-summary')).toContainText(`${50 - restored} new to this device, ${restored} already here exactly`);
    await p.getByRole('button', { name: 'Restore 50 assessments' }).click();
    await expect(p.getByTestId('restore-result')).toContainText(`${50 - restored} assessment`);
    expect(await listedCount(p)).toBe(50);
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
