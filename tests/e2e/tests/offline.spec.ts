import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ROOT, expectSaved, go } from './helpers';

async function controlled(page: import('@playwright/test').Page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return !!reg.active && !!navigator.serviceWorker.controller;
  }, undefined, { timeout: 20_000 });
}

test('after one visit the app opens and works offline, and nothing is lost when back online', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your assessments' })).toBeVisible();
  // the first load installs the worker; a reload puts the page under its control
  await page.reload();
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your assessments' })).toBeVisible();
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.getByLabel('Assessments (2024 chapter)').check();
  await page.getByLabel('Section 17 (child in need)').check();
  await page.getByLabel('First name').fill('Offline');
  await page.getByLabel('Last name').fill('Example');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByTestId('assessment-title')).toHaveText('Offline Example');
  await page.getByRole('link', { name: 'About the assessment' }).click();
  await page.getByLabel('Lead social worker').fill('Typed with no signal');
  await expectSaved(page);
  // a deep link works offline too
  await page.reload();
  await expect(page.getByLabel('Lead social worker')).toHaveValue('Typed with no signal');
  // The whole app comes from the cache too: the genogram opens offline, with the history carried.
  await page.getByLabel('Lead social worker').fill('Typed with no signal, twice');
  const base = new URL(page.url()).pathname.replace(/\/details$/, '');
  await go(page, `${base}/genogram`);
  await expect(page.getByRole('heading', { name: 'Genogram', level: 1 })).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: change the lead social worker');

  await context.setOffline(false);
  await page.goto('/');
  await expect(page.getByTestId('assessment-list')).toContainText('Offline Example');
  await page.getByRole('link', { name: 'Offline Example', exact: true }).click();
  await expect(page.getByTestId('facts')).toContainText('Typed with no signal, twice');
});

test('a new build is picked up and offered with "reload to update"', async ({ page }) => {
  test.setTimeout(120_000);
  const swPath = join(ROOT, 'dist', 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  // A build writes the service worker with its compressed copies (the server sends those).
  const writeBuild = (text: string) => {
    writeFileSync(swPath, text);
    writeFileSync(`${swPath}.br`, brotliCompressSync(Buffer.from(text)));
    writeFileSync(`${swPath}.gz`, gzipSync(Buffer.from(text)));
  };
  try {
    await page.goto('/');
    await page.reload();
    await controlled(page);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    // a new build: same files, new version
    writeBuild(original.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
    // Chromium can hold an update check for some seconds after a first install (about 5 s here,
    // longer on a loaded machine), so the check is repeated until the new build has installed.
    await expect(async () => {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(page.getByRole('heading', { name: 'Your assessments' })).toBeVisible();
    const cacheNames = await page.evaluate(() => caches.keys());
    expect(cacheNames.some((n) => n.endsWith('-next'))).toBe(true);
  } finally {
    writeBuild(original);
  }
});

test('installable: a manifest with icons, and the storage page', async ({ page }) => {
  await page.goto('/');
  const manifestHref = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await page.request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: 'Assessment Workbench', display: 'standalone', start_url: '/' });
  for (const icon of manifest.icons) {
    const res = await page.request.get(icon.src);
    expect(res.ok(), icon.src).toBe(true);
  }
  await page.getByRole('link', { name: 'Storage on this device' }).click();
  await expect(page.getByTestId('storage-figures')).toContainText('Used');
  await expect(page.getByTestId('persisted')).toBeVisible();
});
