import { test, expect, type Page } from '@playwright/test';
import { appList, createAssessment, watchErrors } from './helpers';

// The app is two WebAssembly modules (src/ui/handoff.rs): the front (the list, from the
// summaries stored with the records, and the unlock screen) loads first; the workbench takes the
// page over for every other page.

/** The app modules (front / workbench) the page has asked for, in order. */
function watchModules(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /\/(front|workbench)-[0-9a-f]+(_bg\.wasm|\.js)$/.exec(new URL(r.url()).pathname);
    if (m && !seen.includes(m[1])) seen.push(m[1]);
  });
  return seen;
}

test('the list loads only the front; opening an assessment hands the page to the workbench', async ({ page }) => {
  const errors = watchErrors(page);
  const modules = watchModules(page);
  await page.goto('/');
  await appList(page);
  expect(modules).toEqual(['front']);

  await createAssessment(page, { given: 'Handoff', family: 'Tester' });
  expect(modules).toEqual(['front', 'workbench']);
  const overview = page.url();
  // One page: the front's header, banner and main area are gone.
  await expect(page.locator('header.header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Handoff Tester' })).toBeVisible();

  // The workbench has every page: back to the list and forward again without loading anything.
  await page.getByRole('link', { name: 'All assessments' }).click();
  await expect(page.getByRole('link', { name: 'Handoff Tester', exact: true })).toBeVisible();
  // Focus starts the new page at its main area, so Tab goes on from there.
  await expect(page.locator('#main-content')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start a new assessment' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Assessments', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).toHaveURL(overview);
  await expect(page.getByRole('heading', { name: 'Handoff Tester' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/new$/);
  await expect(page.getByRole('heading', { name: 'Start a new assessment' })).toBeVisible();
  expect(modules).toEqual(['front', 'workbench']);

  // An assessment's address loads the workbench alone.
  const direct = await page.context().newPage();
  const directModules = watchModules(direct);
  await direct.goto(`${overview}/details`);
  await expect(direct.getByLabel('Lead social worker')).toBeVisible();
  expect(directModules).toEqual(['workbench']);
  await direct.close();

  // The list, with an assessment in it, is still the front's alone: drawn from its summary.
  const list = await page.context().newPage();
  const listModules = watchModules(list);
  await list.goto('/');
  await expect(list.getByRole('link', { name: 'Handoff Tester', exact: true })).toBeVisible();
  await expect(list.getByRole('row', { name: /Handoff Tester/ })).toContainText('Section 17');
  expect(listModules).toEqual(['front']);
  // Pages that read or write whole documents are the workbench's, from the list or typed in.
  await list.getByRole('button', { name: 'Import an assessment' }).click();
  await expect(list.getByRole('heading', { name: 'Import an assessment' })).toBeVisible();
  expect(listModules).toEqual(['front', 'workbench']);
  await list.close();
  for (const address of ['/new', '/import', '/bin', '/due', '/storage']) {
    const typed = await page.context().newPage();
    const typedModules = watchModules(typed);
    await typed.goto(address);
    await expect(typed.locator('h1')).toBeVisible();
    expect(typedModules, address).toEqual(['workbench']);
    await typed.close();
  }
  errors.check();
});

test('unlocked on the list, an assessment opens without asking again, and no key is left behind', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Keyed', family: 'Over' });
  await page.goto('/storage');
  const pass = 'a long enough passphrase';
  await page.getByLabel('New passphrase', { exact: true }).fill(pass);
  await page.getByLabel('New passphrase again').fill(pass);
  await page.getByRole('button', { name: 'Turn on protection' }).click();
  await expect(page.getByTestId('protection-message')).toContainText('now encrypted', { timeout: 20_000 });

  const modules = watchModules(page);
  await page.goto('/');
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: 'Keyed Over', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Keyed Over' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toHaveCount(0);
  expect(modules).toEqual(['front', 'workbench']);
  expect(await page.evaluate(() => 'key' in ((window as unknown as { __awHandoff?: object }).__awHandoff ?? {}))).toBe(false);
  await expect(page.getByTestId('lock-now')).toBeVisible();

  // Locking still works from the workbench: the page reloads locked.
  await page.getByTestId('lock-now').click();
  await expect(page.getByRole('heading', { name: 'Unlock Assessment Workbench' })).toBeVisible();
  errors.check();
});

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('if the workbench cannot be loaded, the front says so and the list is still there', async ({ page }) => {
    await createAssessment(page, { given: 'Offline', family: 'Opening' });
    const other = await page.context().newPage();
    await other.route(/\/workbench-[0-9a-f]+(_bg\.wasm|\.js)$/, (r) => r.abort('internetdisconnected'));
    await other.goto('/');
    await other.getByRole('link', { name: 'Offline Opening', exact: true }).click();
    await expect(other.getByTestId('error-summary')).toContainText('The assessment pages could not be loaded');
    await other.getByRole('link', { name: 'Go to your assessments' }).click();
    await expect(other.getByRole('link', { name: 'Offline Opening', exact: true })).toBeVisible();
    await other.close();
  });
});
