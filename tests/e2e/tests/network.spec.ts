import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createAssessment, expectSaved, exportVia, fixture, importText, validateWithSchema, watchErrors } from './helpers';

type Entry = { name: string; category: string; circle: string; organisation?: string };

const entries: Entry[] = [
  { name: 'Jo Example', category: 'Family', circle: 'Very close' },
  { name: 'Margaret Example', category: 'Family', circle: 'Very close' },
  { name: 'Dan Example', category: 'Family', circle: 'Close' },
  { name: 'Chris Example', category: 'Family', circle: 'Close' },
  { name: 'Sam Example', category: 'Family', circle: 'Less close' },
  { name: 'Lily Example', category: 'Family', circle: 'Less close' },
  { name: 'Ms Patel', category: 'Professionals', circle: 'Close' },
  { name: 'Hillside Primary School', category: 'Professionals', circle: 'Close', organisation: 'School' },
  { name: 'Fictional Health Centre', category: 'Professionals', circle: 'Less close', organisation: 'GP' },
  { name: 'Mrs Okafor', category: 'Community', circle: 'Less close' },
  { name: 'Riverside Youth Club', category: 'Community', circle: 'Less close', organisation: 'Youth club' },
];

function entry(page: Page, name: string) {
  return page.locator('.canvas .g-person', { has: page.locator('text', { hasText: new RegExp(`^${name}`) }) }).first();
}

/** Drags an entry with the mouse by (dx, dy) screen pixels. */
async function drag(page: Page, name: string, dx: number, dy: number) {
  const box = (await entry(page, name).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 25;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

function normalise(a: any) {
  const names: Record<string, string> = {};
  for (const p of a.people) names[p.id] = `${p.givenName} ${p.familyName}`.trim();
  return {
    circles: a.network.circles,
    entries: a.network.members
      .map((m: any) => ({
        name: m.who.kind === 'person' ? names[m.who.person] : m.who.name,
        organisation: m.who.kind === 'organisation' ? m.who.organisation : null,
        category: m.category,
        circle: m.circle,
        safetyNetwork: m.safetyNetwork,
        agreed: m.agreed,
      }))
      .sort((x: any, y: any) => x.name.localeCompare(y.name)),
  };
}

const circleIndex: Record<string, number> = { 'Very close': 0, Close: 1, 'Less close': 2 };
const categoryCode: Record<string, string> = { Family: 'family', Professionals: 'professional', Community: 'community' };
const orgCode: Record<string, string> = { School: 'school', GP: 'gp', 'Youth club': 'youthClub' };
const agreed: Record<string, string> = {
  'Margaret Example': 'Collects Ava from school on Tuesdays and Thursdays',
  'Chris Example': 'Stays with Ava when Jo is at work',
  'Mrs Okafor': 'Ava can go next door if she feels unsafe',
};
// Dan moves out to the outer circle, Lily in to the closest, by dragging.
const moved: Record<string, number> = { 'Dan Example': 2, 'Lily Example': 0 };

test('a network built by quick entry and dragging, with a safety network, survives undo, redo and reload', async ({ page }, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  const base = page.url();
  await page.goto(`${base}/network`);
  const form = page.getByTestId('quick-entry');
  const nameField = form.getByLabel('Name', { exact: true });
  for (const e of entries) {
    await form.getByLabel('Part of the child\'s world').selectOption({ label: e.category });
    await form.getByLabel('How close').selectOption({ label: e.circle });
    const org = form.getByLabel('This is an organisation, not a person');
    if (e.organisation) {
      await org.check();
      await form.getByLabel('Kind of organisation').selectOption({ label: e.organisation });
    } else {
      await org.uncheck();
    }
    await nameField.fill(e.name);
    await nameField.press('Enter');
    await expect(nameField).toHaveValue('');
    await expect(nameField).toBeFocused();
  }
  await expect(page.locator('.canvas .g-person')).toHaveCount(11);
  // A name already on the map is offered as there, and Enter on it shows them: never a second
  // record (any case and spacing).
  await form.getByLabel('This is an organisation, not a person').uncheck();
  await nameField.fill('marg');
  await expect(form.getByTestId('on-map-suggestions')).toContainText('Show Margaret Example');
  await nameField.fill('jo  EXAMPLE');
  await nameField.press('Enter');
  await expect(form.getByRole('status')).toHaveText('Jo Example is already on the map: shown.');
  await expect(page.locator('.canvas .g-person')).toHaveCount(11);

  // Move two people between circles by dragging them.
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  const panel = page.getByTestId('entry-panel');
  for (const [name, target] of Object.entries(moved)) {
    await page.locator('.canvas').scrollIntoViewIfNeeded();
    const svg = (await page.locator('.canvas').boundingBox())!;
    const unit = svg.height / (2 * (75 + 3 * 125 + 30)); // screen pixels per drawing unit
    const box = (await entry(page, name).boundingBox())!;
    const cx = svg.x + svg.width / 2;
    const cy = svg.y + svg.height / 2;
    const px = box.x + box.width / 2 - cx;
    const py = box.y + 25 - cy;
    const r = Math.hypot(px, py);
    const want = (75 + (target + 0.5) * 125) * unit;
    await drag(page, name, (px / r) * (want - r), (py / r) * (want - r));
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
    await expect(panel.getByLabel('How close')).toHaveValue(String(target));
  }

  // The safety network.
  for (const [name, words] of Object.entries(agreed)) {
    await entry(page, name).click();
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
    await panel.getByLabel('Part of the safety network').check();
    await panel.getByLabel('What they have agreed to do').fill(words);
  }
  await expectSaved(page);
  await page.locator('.canvas').screenshot({ path: info.outputPath('network-map.png') });

  // Undo the last words typed (one step), then redo.
  await page.getByTestId('undo').click();
  await expect(panel.getByLabel('What they have agreed to do')).toHaveValue('');
  await page.getByTestId('redo').click();
  await expect(panel.getByLabel('What they have agreed to do')).toHaveValue(agreed['Mrs Okafor']);
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(panel.getByLabel('Part of the safety network')).not.toBeChecked();
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await expect(panel.getByLabel('Part of the safety network')).toBeChecked();

  await page.getByRole('tab', { name: 'Safety network' }).click();
  await expect(page.locator('.canvas .g-person')).toHaveCount(3);
  await expect(page.getByTestId('safety-network')).toContainText(agreed['Margaret Example']);
  await page.locator('.canvas').screenshot({ path: info.outputPath('network-safety.png') });
  await expectSaved(page);

  await page.reload();
  await expect(page.locator('.canvas .g-person')).toHaveCount(11);
  await page.goto(base);
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(file.text);
  expect(validateWithSchema(doc)).toEqual([]);
  const want = {
    circles: ['Very close', 'Close', 'Less close'],
    entries: entries
      .map((e) => ({
        name: e.name,
        organisation: e.organisation ? orgCode[e.organisation] : null,
        category: categoryCode[e.category],
        circle: moved[e.name] ?? circleIndex[e.circle],
        safetyNetwork: e.name in agreed,
        agreed: agreed[e.name] ?? '',
      }))
      .sort((x, y) => x.name.localeCompare(y.name)),
  };
  expect(normalise(doc.assessment)).toEqual(want);
  // People typed in joined the register once each; organisations did not.
  expect(doc.assessment.people).toHaveLength(1 + 8);
  errors.check();
});

test('the network map by keyboard, presentation mode, exports and accessibility', async ({ page }, info) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  await page.goto(`${page.url()}/network`);
  const nameField = page.getByTestId('quick-entry').getByLabel('Name', { exact: true });
  // a half-typed name is kept while the drawer is closed and opened again
  await nameField.fill('Gran <i>Ro');
  await page.getByTestId('panel-close').click();
  await expect(page.getByTestId('quick-entry')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show panel' }).click();
  await expect(nameField).toHaveValue('Gran <i>Ro');
  await nameField.fill('Gran <i>Rose</i>');
  await nameField.press('Enter');
  await page.getByTestId('quick-entry').getByRole('button', { name: 'Add to the map' }).click();
  await expect(page.getByTestId('quick-entry')).toContainText('Enter a name');
  await entry(page, 'Gran').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('entry-panel').getByLabel('How close')).toHaveValue('1');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('entry-panel').getByLabel('How close')).toHaveValue('0');
  await expect(entry(page, 'Gran')).toBeFocused();
  await page.getByTestId('save-picture').locator('summary').click();
  const svg = await exportVia(page, () => page.getByRole('button', { name: 'Save as SVG' }).click());
  expect(svg.text).toContain('Gran &lt;i&gt;Rose&lt;/i&gt;');
  for (const size of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }, { width: 375, height: 667 }]) {
    await page.setViewportSize(size);
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Present full screen' }).click();
  await expect(page.getByTestId('network-present')).toBeVisible();
  await expect(page.locator('header.header')).toBeHidden();
  await page.screenshot({ path: info.outputPath('network-present.png') });
  await page.getByRole('link', { name: 'Exit presentation' }).click();
  await expect(page.getByRole('heading', { name: 'Family network map' })).toBeVisible();
  errors.check();
});

test('undo is still there after presentation mode', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  await page.getByRole('link', { name: 'Family network map and safety network' }).click();
  const nameField = page.getByTestId('quick-entry').getByLabel('Name', { exact: true });
  await nameField.fill('Gran Example');
  await nameField.press('Enter');
  await expect(page.getByTestId('undo')).toBeEnabled();
  await expectSaved(page);
  await page.getByRole('button', { name: 'Present full screen' }).click();
  await expect(page.getByTestId('network-present')).toBeVisible();
  await page.getByRole('link', { name: 'Exit presentation' }).click();
  await expect(page.getByRole('heading', { name: 'Family network map' })).toBeVisible();
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('undo')).toBeDisabled();
  errors.check();
});

test('a map of a child\'s own beside the children\'s map, each with its own places and safety network', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await importText(page, fixture('assessment-v6.json'));
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  const base = page.url().replace(/\/$/, '');
  await page.goto(`${base}/network`);
  const whose = page.getByTestId('whose-map').getByLabel('Whose map');
  await expect(whose).toHaveValue('group');
  // Mia's own map: her grandmother is in the closest circle and in Mia's safety network.
  await whose.selectOption({ label: "Mia Sample's own map" });
  await expect(page.locator('svg.canvas')).toContainText('Mia Sample');
  await expect(page.locator('svg.canvas')).not.toContainText('Leo Sample');
  await page.getByRole('tab', { name: 'Safety network' }).click();
  await expect(page.locator('.canvas .g-person')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Whole map' }).click();
  // Leo has none yet: start it from the children's map, then move someone for Leo alone.
  await whose.selectOption({ label: "Leo Sample's own map (not started)" });
  await expect(page.getByTestId('start-map')).toContainText('Leo Sample has no map of their own yet');
  await page.getByRole('button', { name: "Start from the children's map" }).click();
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  await expect(whose).toHaveValue(/^p-/);
  const first = page.locator('svg.canvas .g-person').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('entry-panel').getByLabel('How close')).toHaveValue('1');
  await expectSaved(page);
  await page.screenshot({ path: info.outputPath('network-leo.png') });
  await page.reload();
  await page.getByTestId('whose-map').getByLabel('Whose map').selectOption({ label: "Leo Sample's own map" });
  await expect(page.locator('.canvas .g-person')).toHaveCount(2);
  const out = await exportVia(page, async () => {
    await page.goto(base);
    await page.getByRole('button', { name: 'Export as JSON' }).click();
  });
  const doc = JSON.parse(out.text);
  expect(validateWithSchema(doc)).toEqual([]);
  const maps = doc.assessment.childNetworks;
  expect(maps.map((m: any) => m.child)).toEqual(['p-11111111', 'p-12121212']);
  const group = doc.assessment.network.members;
  const leo = maps[1].map.members;
  expect(leo.map((m: any) => m.circle)).not.toEqual(group.map((m: any) => m.circle));
  expect(new Set([...group, ...maps[0].map.members, ...leo].map((m: any) => m.id)).size).toBe(6);
  errors.check();
});
