import { test, expect, type Page } from '@playwright/test';
import { appList, createAssessment, expectSaved, go, watchErrors } from './helpers';

// The app is three WebAssembly modules (src/ui/handoff.rs), each with every page of the one
// before: the front (the list, from the summaries stored with the records, and the unlock
// screen) loads first; the workbench opens an assessment and has its everyday pages; the whole
// app has every page. A module asked for a page it lacks hands the page to the next.

/** The app modules (front / workbench / whole) the page has asked for, in order. */
function watchModules(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /\/(front|workbench|whole)-[0-9a-f]+(_bg\.wasm|\.js)$/.exec(new URL(r.url()).pathname);
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

  // The workbench has the list too: back to the list and forward again without loading anything.
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
  // Pages that read or write whole documents are in larger modules, from the list or typed in:
  // the one that has the page loads, and no other.
  await list.getByRole('button', { name: 'Import an assessment' }).click();
  await expect(list.getByRole('heading', { name: 'Import an assessment' })).toBeVisible();
  expect(listModules).toEqual(['front', 'whole']);
  await list.close();
  const typedIn: [string, string][] = [
    ['/new', 'workbench'], ['/import', 'whole'], ['/bin', 'whole'], ['/due', 'whole'], ['/storage', 'whole'],
    [`${new URL(overview).pathname}/genogram`, 'whole'], [`${new URL(overview).pathname}/people`, 'workbench'],
  ];
  for (const [address, module] of typedIn) {
    const typed = await page.context().newPage();
    const typedModules = watchModules(typed);
    await typed.goto(address);
    await expect(typed.locator('h1')).toBeVisible();
    expect(typedModules, address).toEqual([module]);
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

  test('if the whole app cannot be loaded, the workbench says so and keeps the assessment and its Undo', async ({ page }) => {
    await page.route(/\/whole-[0-9a-f]+(_bg\.wasm|\.js)$/, (r) => r.abort('internetdisconnected'));
    await createAssessment(page, { given: 'Stays', family: 'Here' });
    const base = new URL(page.url()).pathname;
    await go(page, `${base}/details`);
    await page.getByLabel('Lead social worker').fill('Sam Fictional-Test');
    await go(page, `${base}/network`);
    await expect(page.getByTestId('error-summary')).toContainText('This page cannot be opened yet: the page could not be loaded');
    await page.getByRole('link', { name: "Go to the assessment's overview" }).click();
    await expect(page.getByTestId('assessment-title')).toHaveText('Stays Here');
    await expect(undoButton(page)).toHaveAccessibleDescription('Undo: change the lead social worker');
    await undoButton(page).click();
    await expect(page.getByLabel('Lead social worker')).toHaveValue('');
    await expectSaved(page);
    // What was saved opens again.
    await page.reload();
    await expect(page.getByLabel('Lead social worker')).toHaveValue('');
  });

  test('if the workbench or the whole app cannot be loaded, the front says so and the list is still there', async ({ page }) => {
    await createAssessment(page, { given: 'Offline', family: 'Opening' });
    const other = await page.context().newPage();
    await other.route(/\/workbench-[0-9a-f]+(_bg\.wasm|\.js)$/, (r) => r.abort('internetdisconnected'));
    await other.goto('/');
    await other.getByRole('link', { name: 'Offline Opening', exact: true }).click();
    await expect(other.getByTestId('error-summary')).toContainText('The assessment pages could not be loaded');
    await other.getByRole('link', { name: 'Go to your assessments' }).click();
    await expect(other.getByRole('link', { name: 'Offline Opening', exact: true })).toBeVisible();
    // A page outside any assessment says what could not be loaded in its own words.
    await other.route(/\/whole-[0-9a-f]+(_bg\.wasm|\.js)$/, (r) => r.abort('internetdisconnected'));
    await other.getByRole('button', { name: 'Import an assessment' }).click();
    await expect(other.getByTestId('error-summary')).toContainText('This page could not be loaded');
    await other.getByRole('link', { name: 'Go to your assessments' }).click();
    await expect(other.getByRole('link', { name: 'Offline Opening', exact: true })).toBeVisible();
    await other.close();
  });
});

test('the loader picks the same module for each address as the app does', async ({ page }) => {
  // The same table as Route::module's test (src/ui/router/routes.rs).
  const table: [string, string][] = [
    ['/', 'front'], ['/nowhere', 'front'], ['/assessments', 'front'], ['/new', 'workbench'], ['/new/', 'workbench'],
    ...['', '/', '/details', '/children', '/people', '/person/p1', '/delete', '/scales', '/scales/s1', '/planning',
      '/planning/i-1', '/safety-plan', '/s/analysis', '/s/analysis/risks', '/nonsense']
      .map((p): [string, string] => [`/assessments/a${p}`, 'workbench']),
    ...['/genogram', '/network', '/network/present', '/tools/i-1', '/tools/i-1/child', '/tools/i-1/draw/i-2',
      '/family-group', '/family-group/i-1', '/family-group/i-1/print', '/case-record', '/print', '/print/family',
      '/chronology', '/scales/s1/present', '/safety-plan/present']
      .map((p): [string, string] => [`/assessments/a${p}`, 'whole']),
    ...['/import', '/bin', '/due', '/storage', '/backup', '/procedures', '/procedures/preview', '/exports', '/demo']
      .map((p): [string, string] => [p, 'whole']),
  ];
  await page.goto('/');
  const got = await page.evaluate((paths) => paths.map((p) => (window as unknown as { __awModuleFor: (p: string) => string }).__awModuleFor(p)), table.map(([p]) => p));
  expect(got.map((m, i) => [table[i][0], m])).toEqual(table);
});

/** How many listeners for `type` the window has (through the DevTools protocol). */
async function windowListeners(page: Page, type: string) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.detach();
  return listeners.filter((l) => l.type === type).length;
}

const undoButton = (page: Page, which = 'Undo') => page.getByTestId('undo-bar').getByRole('button', { name: which, exact: true });

test('moving from an everyday page to a drawing saves first and carries the undo history: each Undo takes back one step', async ({ page }) => {
  const errors = watchErrors(page);
  const modules = watchModules(page);
  await createAssessment(page, { given: 'Carried', family: 'Over' });
  const base = new URL(page.url()).pathname;
  await go(page, `${base}/details`);
  await page.getByLabel('Lead social worker').fill('Sam Fictional-Test');
  await page.getByLabel('Allocated team').fill('Team Fictional');
  const keyListeners = await windowListeners(page, 'keydown');
  // No pause for the save: the hand-over waits for it.
  await go(page, `${base}/genogram`);
  await expect(page.getByRole('heading', { name: 'Genogram', level: 1 })).toBeVisible();
  expect(modules).toEqual(['front', 'workbench', 'whole']);
  await expect(page.locator('header.header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);

  // The editor's own Undo, beside the drawing.
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: change the allocated team');
  await page.getByTestId('undo').click();
  await expect(page).toHaveURL(new RegExp(`${base}/details$`));
  await expect(page.getByTestId('undone')).toHaveText('Undone: change the allocated team.');
  await expect(page.getByLabel('Allocated team')).toHaveValue('');
  await expect(page.getByLabel('Lead social worker')).toHaveValue('Sam Fictional-Test');
  // The same page in the whole app listens for keys as the workbench did: none of the
  // workbench's listeners was left behind.
  expect(await windowListeners(page, 'keydown')).toBe(keyListeners);
  // Ctrl+Z outside a text field: only this module's session answers it (the workbench's app
  // was unmounted with its keys), so one step is undone, and it is stored.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('undone')).toHaveText('Undone: change the lead social worker.');
  await expect(page.getByLabel('Lead social worker')).toHaveValue('');
  await expect(undoButton(page, 'Redo')).toHaveAccessibleDescription('Redo: change the lead social worker');
  await undoButton(page, 'Redo').click();
  await expect(page.getByLabel('Lead social worker')).toHaveValue('Sam Fictional-Test');
  await expectSaved(page);
  expect(modules).toEqual(['front', 'workbench', 'whole']);
  await page.reload();
  await expect(page.getByLabel('Lead social worker')).toHaveValue('Sam Fictional-Test');
  await expect(page.getByLabel('Allocated team')).toHaveValue('');
  errors.check();
});
