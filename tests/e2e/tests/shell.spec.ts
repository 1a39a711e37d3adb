import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

// The list's page is drawn from index.html (the template the loader, public/boot.js, puts in
// the page) while the front's WebAssembly arrives; the app removes it and draws its own.

/** Holds the front's WebAssembly back until the returned function is called. */
async function holdFront(page: Page) {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/front-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** What a reader sees of the frame and the list's header: every landmark's and control's words. */
async function visibleWords(page: Page) {
  return page.evaluate(() => {
    const words = (sel: string) => [...document.querySelectorAll(sel)].map((e) => `${e.tagName} ${(e.textContent ?? '').trim().replace(/\s+/g, ' ')}`);
    return [...words('.skip-link'), ...words('header a, header button'), ...words('main h1'), ...words('.page-header a, .page-header button'), ...words('footer p')];
  });
}

test('the list is drawn before the app arrives, the same as the app draws it, and the app replaces it', async ({ page }) => {
  const errors = watchErrors(page);
  const release = await holdFront(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your assessments' })).toBeVisible();
  await expect(page.locator('main [aria-busy=true]')).toHaveText('Loading your assessments…');
  // Its links work before the app runs: they are addresses.
  await expect(page.getByRole('button', { name: 'Start a new assessment' })).toHaveAttribute('href', '/new');
  const early = await visibleWords(page);
  expect(early.length).toBeGreaterThan(8);

  release();
  await expect(page.getByTestId('empty-list')).toBeVisible();
  // One page, the app's: the early one is gone.
  await expect(page.locator('[data-aw-shell]')).toHaveCount(0);
  await expect(page.locator('header.header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('footer')).toHaveCount(1);
  // The same words and controls, so nothing jumps when the app takes over (the demonstration
  // case is a link early and a button in the app).
  expect(await visibleWords(page)).toEqual(early.map((w) => w.replace(/^A (Open a demonstration case)$/, 'BUTTON $1')));
  errors.check();
});

test('no early list on another page, nor while a passphrase is set (the unlock page comes first)', async ({ page }) => {
  const release = await holdFront(page);
  await page.goto('/nowhere-at-all');
  await expect(page.locator('[data-aw-shell]')).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem('assessment-workbench.vault', '{"salt":"x","iterations":1,"check":"x"}'));
  await page.goto('/');
  await expect(page.locator('[data-aw-shell]')).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toBeVisible();
});
