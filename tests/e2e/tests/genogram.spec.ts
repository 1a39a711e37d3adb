import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { createAssessment, expectSaved, exportVia, validateWithSchema, watchErrors, fillDate } from './helpers';

/** The person symbol on the drawing with this accessible name (name first). */
function person(page: Page, name: string) {
  return page.locator('.canvas .g-person', { has: page.locator('text', { hasText: new RegExp(`^${name}`) }) }).first();
}

/** Selects a person by tapping their symbol (a real pointer down and up). */
async function tap(page: Page, name: string) {
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await person(page, name).click();
  await expect(page.getByTestId('person-panel').getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^${name}`));
}

/** Names the selected (newly added) person. */
async function name(page: Page, given: string, family = 'Example') {
  const panel = page.getByTestId('person-panel');
  await panel.getByLabel('First name').fill(given);
  await panel.getByLabel('Last name').fill(family);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(`${given} ${family}`);
}

async function quickAdd(page: Page, button: string, given: string) {
  const panel = page.getByTestId('person-panel');
  const before = await panel.getByRole('heading', { level: 2 }).textContent();
  await panel.getByRole('button', { name: button, exact: true }).click();
  // With people in the register who could be this relative, the panel asks first: someone new.
  const picker = page.getByTestId('relative-picker');
  await expect(picker.or(panel.getByRole('heading', { level: 2, name: /^Unnamed/ }))).toBeVisible();
  if (await picker.isVisible()) await picker.getByTestId('pick-new').click();
  await expect(panel.getByRole('heading', { level: 2 })).not.toHaveText(before ?? '');
  await name(page, given);
}

/** Replaces ids with names so a document can be compared with an expected one. */
function normalise(a: any) {
  const names: Record<string, string> = {};
  for (const p of a.people) names[p.id] = `${p.givenName} ${p.familyName}`.trim();
  const items: Record<string, string> = {};
  for (const u of a.genogram.partnerships) items[u.id] = [names[u.a], names[u.b]].sort().join(' & ');
  const parents = (l: any) => (l.parents.kind === 'partnership' ? items[l.parents.partnership] : names[l.parents.person]);
  return {
    people: a.people.map((p: any) => ({ name: names[p.id], role: p.role, gender: p.gender, life: p.life, dateOfDeath: p.dateOfDeath })).sort((x: any, y: any) => x.name.localeCompare(y.name)),
    drawn: a.genogram.members.map((m: any) => names[m.person]).sort(),
    pinned: a.genogram.members.filter((m: any) => m.pinned).map((m: any) => names[m.person]),
    partnerships: a.genogram.partnerships.map((u: any) => ({ who: items[u.id], kind: u.kind })).sort((x: any, y: any) => x.who.localeCompare(y.who)),
    children: a.genogram.parentage.map((l: any) => ({ child: names[l.child], of: parents(l), kind: l.kind })).sort((x: any, y: any) => x.child.localeCompare(y.child)),
    households: a.genogram.households.map((h: any) => ({ name: h.name, members: h.members.map((m: string) => names[m]).sort() })),
    relationships: a.genogram.relationships.map((r: any) => ({ between: [names[r.a], names[r.b]].sort(), kind: r.kind })),
  };
}

const expected = {
  people: [
    { name: 'Arthur Example', role: 'familyMember', gender: 'male', life: 'deceased', dateOfDeath: '2021-02-01' },
    { name: 'Ava Example', role: 'subjectChild', gender: 'female', life: 'living', dateOfDeath: null },
    { name: 'Chris Example', role: 'familyMember', gender: 'male', life: 'living', dateOfDeath: null },
    { name: 'Dan Example', role: 'familyMember', gender: 'male', life: 'living', dateOfDeath: null },
    { name: 'Jo Example', role: 'familyMember', gender: 'female', life: 'living', dateOfDeath: null },
    { name: 'Leo Example', role: 'familyMember', gender: 'male', life: 'living', dateOfDeath: null },
    { name: 'Margaret Example', role: 'familyMember', gender: 'female', life: 'living', dateOfDeath: null },
    { name: 'Mia Example', role: 'familyMember', gender: 'female', life: 'living', dateOfDeath: null },
  ],
  drawn: ['Arthur Example', 'Ava Example', 'Chris Example', 'Dan Example', 'Jo Example', 'Leo Example', 'Margaret Example', 'Mia Example'],
  pinned: ['Dan Example'],
  partnerships: [
    { who: 'Arthur Example & Margaret Example', kind: 'married' },
    { who: 'Chris Example & Jo Example', kind: 'married' },
    { who: 'Dan Example & Jo Example', kind: 'divorced' },
  ],
  children: [
    { child: 'Ava Example', of: 'Dan Example & Jo Example', kind: 'birth' },
    { child: 'Jo Example', of: 'Arthur Example & Margaret Example', kind: 'birth' },
    { child: 'Leo Example', of: 'Dan Example & Jo Example', kind: 'adopted' },
    { child: 'Mia Example', of: 'Chris Example & Jo Example', kind: 'birth' },
  ],
  households: [
    { name: "Mum's home", members: ['Ava Example', 'Chris Example', 'Jo Example', 'Leo Example', 'Mia Example'] },
    { name: "Dad's flat", members: ['Dan Example'] },
  ],
  relationships: [{ between: ['Dan Example', 'Jo Example'], kind: 'conflict' }],
};

test('a three-generation family drawn with pointer events, undone and redone, survives a reload and exports as expected', async ({ page }, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ava', family: 'Example', start: '2026-11-02', referral: '2026-10-30' });
  const base = page.url();
  await page.goto(`${base}/genogram`);
  await expect(page.getByTestId('genogram-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Add to the genogram' }).click();
  await expect(page.getByTestId('person-panel').getByRole('heading', { level: 2 })).toHaveText('Ava Example');
  await page.getByTestId('person-panel').getByLabel('Sex or gender').selectOption({ label: 'Female' });
  await fillDate(page.getByTestId('person-panel'), 'Date of birth', '2015-04-01');

  await quickAdd(page, 'Mother', 'Jo');
  await quickAdd(page, 'Mother', 'Margaret');
  await tap(page, 'Jo');
  await quickAdd(page, 'Father', 'Arthur');
  const panel = page.getByTestId('person-panel');
  await panel.getByLabel('Living, died, or a pregnancy').selectOption({ label: 'Died' });
  await fillDate(panel, 'Date they died', '2021-02-01');
  await tap(page, 'Ava');
  await quickAdd(page, 'Father', 'Dan');
  // The first marriage ended in divorce.
  await panel.getByTestId('partnership').getByLabel('Kind of partnership').selectOption({ label: 'Divorced' });
  await tap(page, 'Jo');
  await quickAdd(page, 'Partner', 'Chris');
  await tap(page, 'Jo');
  await expect(panel.getByLabel('New children are with')).toHaveValue(/.+/);
  await panel.getByLabel('New children are with').selectOption({ label: 'With Chris Example' });
  await quickAdd(page, 'Daughter', 'Mia');
  await tap(page, 'Jo');
  await panel.getByLabel('New children are with').selectOption({ label: 'With Dan Example' });
  await quickAdd(page, 'Son', 'Leo');
  await panel.getByLabel("How they are their parents' child").selectOption({ label: 'Adopted' });

  // Two households.
  await tap(page, 'Jo');
  await page.getByRole('button', { name: /Add a household/ }).click();
  const mum = page.getByTestId('household').first();
  await mum.getByLabel('Name of the household').fill("Mum's home");
  for (const who of ['Chris', 'Ava', 'Leo', 'Mia']) await mum.getByLabel(`${who} Example`).check();
  await tap(page, 'Dan');
  await page.getByRole('button', { name: /Add a household/ }).click();
  await page.getByTestId('household').nth(1).getByLabel('Name of the household').fill("Dad's flat");
  // A conflict line between Jo and Dan.
  await tap(page, 'Jo');
  await panel.getByLabel('Relationship', { exact: true }).selectOption({ label: 'Conflict' });
  await panel.getByLabel('With', { exact: true }).selectOption({ label: 'Dan Example' });
  await panel.getByRole('button', { name: 'Add relationship line' }).click();
  await expect(panel.getByTestId('relationship-lines')).toContainText('Conflict with Dan Example');
  await expectSaved(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await page.locator('.canvas').screenshot({ path: info.outputPath('genogram-before-layout.png') });

  // Arrange automatically, then drag Dan by hand with the mouse (a pointer drag pins him).
  await page.getByRole('button', { name: 'Arrange automatically' }).click();
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  const dan = person(page, 'Dan');
  const box = (await dan.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + 25, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + 20, { steps: 3 });
  await page.mouse.up();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: move');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await page.locator('.canvas').screenshot({ path: info.outputPath('genogram-after-layout.png') });
  await page.screenshot({ path: info.outputPath('genogram-page-1024.png'), fullPage: false });

  // Undo three steps (the move, the layout, the conflict line), then redo them.
  const snapshot = async () => page.locator('.canvas').innerHTML();
  const finished = await snapshot();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: arrange automatically');
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(page.locator('.canvas [data-relationship]')).toHaveCount(0);
  await expect(page.getByTestId('redo')).toHaveAttribute('title', 'Redo: change relationship');
  await page.getByTestId('redo').click();
  await expect(page.locator('.canvas [data-relationship]').first()).toBeAttached();
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('redo')).toBeDisabled();
  expect(await snapshot()).toEqual(finished);
  await expectSaved(page);

  // Reload: everything is there; the export matches the expected family.
  await page.reload();
  await expect(page.locator('.canvas .g-person')).toHaveCount(8);
  await page.goto(base);
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(file.text);
  expect(validateWithSchema(doc)).toEqual([]);
  expect(normalise(doc.assessment)).toEqual(expected);
  // Layout: generations in rows, partners side by side, children below their parents.
  const at: Record<string, [number, number]> = {};
  for (const m of doc.assessment.genogram.members) {
    const p = doc.assessment.people.find((x: any) => x.id === m.person);
    at[p.givenName] = [m.x, m.y];
  }
  expect(at.Arthur[1]).toBe(at.Margaret[1]);
  expect(at.Jo[1]).toBeGreaterThan(at.Arthur[1]);
  expect(at.Ava[1]).toBeGreaterThan(at.Jo[1]);
  expect(at.Mia[1]).toBe(at.Ava[1]);
  expect(at.Chris[1]).toBe(at.Jo[1]);
  errors.check();
});

test('the genogram is usable by keyboard alone and has no serious accessibility findings', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  await page.goto(`${page.url()}/genogram`);
  await page.getByRole('button', { name: 'Add to the genogram' }).click();
  // Tab into the drawing: Ava is focused and selected; shortcuts add relatives.
  await person(page, 'Ava').focus();
  await page.keyboard.press('m');
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  await expect(page.locator('.canvas .g-person:focus')).toHaveAttribute('aria-label', /Unnamed person/);
  await page.keyboard.press('p');
  await expect(page.locator('.canvas .g-person')).toHaveCount(3);
  const focused = page.locator('.canvas .g-person:focus');
  // Measured from Ava: the view may pan to keep the moved person clear of the drawer.
  const from = async (l: typeof focused) => {
    const [b, ava] = [await l.boundingBox(), await person(page, 'Ava').boundingBox()];
    return { x: b!.x - ava!.x, y: b!.y - ava!.y };
  };
  const before = await from(focused);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const after = await from(page.locator('.canvas .g-person:focus'));
  expect(after.x).toBeGreaterThan(before.x);
  expect(after.y).toBeGreaterThan(before.y);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Delete');
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.canvas .g-person')).toHaveCount(3);
  // Tab moves from person to person.
  await person(page, 'Ava').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.canvas .g-person:focus')).toHaveCount(1);
  for (const size of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }, { width: 375, height: 667 }]) {
    await page.setViewportSize(size);
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  errors.check();
});

test('SVG and PNG exports of the genogram, and a brother\'s genogram brought over', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Leo', family: 'Sample' });
  await page.goto(`${page.url()}/genogram`);
  await page.getByRole('button', { name: 'Add to the genogram' }).click();
  await quickAdd(page, 'Mother', '<b>Dana</b>');
  await expectSaved(page);
  await page.getByTestId('save-picture').locator('summary').click();
  const svg = await exportVia(page, () => page.getByRole('button', { name: 'Save as SVG' }).click());
  expect(svg.name).toMatch(/^genogram-leo-sample\.svg$/);
  expect(svg.text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg.text).toContain('&lt;b&gt;Dana&lt;/b&gt;');
  expect(svg.text).not.toContain('<b>');
  await page.getByTestId('save-picture').locator('summary').click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('genogram-leo-sample.png');
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  // A second assessment (his sister's) takes this genogram from Leo's export.
  await page.goto(page.url().replace('/genogram', ''));
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  await createAssessment(page, { given: 'Mia', family: 'Sample' });
  await page.goto(`${page.url()}/genogram`);
  await page.getByText('Use the genogram from another assessment').click();
  await page.getByLabel('Exported assessment file').setInputFiles({ name: 'leo.json', mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByRole('status').filter({ hasText: 'is now this assessment' })).toBeVisible();
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  await page.getByTestId('undo').click();
  await expect(page.locator('.canvas .g-person')).toHaveCount(0);
  await page.getByLabel('Exported assessment file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
  await expect(page.getByRole('alert').filter({ hasText: 'That file cannot be used' })).toBeVisible();
  errors.check();
});

test('touch: one finger drags a person or pans, two fingers pinch to zoom', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  await page.goto(`${page.url()}/genogram`);
  await page.getByRole('button', { name: 'Add to the genogram' }).click();
  await quickAdd(page, 'Mother', 'Jo');
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  const viewBox = async () => (await page.locator('.canvas').getAttribute('viewBox'))!.split(' ').map(Number);
  // Touch pointer events, as a finger makes them (dispatched on the drawing).
  const touch = (type: string, id: number, x: number, y: number, target = '.canvas') =>
    page.locator(target).first().dispatchEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, bubbles: true, button: 0, buttons: type === 'pointerup' ? 0 : 1 });
  const box = (await page.locator('.canvas').boundingBox())!;
  // One finger on the background pans.
  const before = await viewBox();
  await touch('pointerdown', 1, box.x + 20, box.y + 20);
  await touch('pointermove', 1, box.x + 60, box.y + 50);
  await touch('pointermove', 1, box.x + 100, box.y + 80);
  await touch('pointerup', 1, box.x + 100, box.y + 80);
  const panned = await viewBox();
  expect(panned[0]).toBeLessThan(before[0]);
  expect(panned[2]).toBeCloseTo(before[2]);
  // Two fingers moving apart zoom in.
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await touch('pointerdown', 1, cx - 40, cy);
  await touch('pointerdown', 2, cx + 40, cy);
  await touch('pointermove', 2, cx + 80, cy);
  await touch('pointermove', 1, cx - 80, cy);
  await touch('pointerup', 1, cx - 80, cy);
  await touch('pointerup', 2, cx + 80, cy);
  const zoomed = await viewBox();
  expect(zoomed[2]).toBeLessThan(panned[2] * 0.7);
  // One finger on a person drags them: one undo step.
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  const jo = (await person(page, 'Jo').boundingBox())!;
  const sel = `.canvas .g-person >> nth=1`;
  await touch('pointerdown', 1, jo.x + jo.width / 2, jo.y + 15, sel);
  await touch('pointermove', 1, jo.x + jo.width / 2 + 30, jo.y + 15);
  await touch('pointermove', 1, jo.x + jo.width / 2 + 60, jo.y + 15);
  await touch('pointerup', 1, jo.x + jo.width / 2 + 60, jo.y + 15);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: move');
  errors.check();
});

test('undo survives leaving the genogram and coming back, and takes back a change made elsewhere first, on its page', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  const overview = page.url();
  await page.getByRole('link', { name: 'Genogram' }).click();
  await page.getByRole('button', { name: 'Add to the genogram' }).click();
  await person(page, 'Ava').focus();
  await page.keyboard.press('m');
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  await expectSaved(page);

  // Away to the overview and back (client-side): the step can still be undone, and redone.
  await page.getByRole('link', { name: 'Back to the assessment' }).click();
  await page.getByRole('link', { name: 'Genogram' }).click();
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('undo').click();
  await expect(page.locator('.canvas .g-person')).toHaveCount(1);
  await page.getByTestId('redo').click();
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  await expectSaved(page);

  // A change to the people register in between: it is the latest step, so it is undone first.
  await page.getByRole('link', { name: 'Back to the assessment' }).click();
  // (moved in the app, as a link would: a full page load would start a new session anyway)
  await page.evaluate((path) => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `${new URL(overview).pathname}/people`);
  await page.getByRole('link', { name: 'Change Unnamed person' }).click();
  await page.getByLabel('First name').fill('Mara');
  await expectSaved(page);
  await page.getByTestId('person-done').click();
  await page.getByRole('link', { name: 'Back to overview' }).click();
  await page.getByRole('link', { name: 'Genogram' }).click();
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo: change .*'s first name$/);
  await page.getByTestId('undo').click();
  await expect(page).toHaveURL(/\/person\/p-/);
  await expect(page.getByLabel('First name')).toHaveValue('');
  await expectSaved(page);
  errors.check();
});
