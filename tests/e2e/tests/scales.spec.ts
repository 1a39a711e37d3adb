import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createAssessment, expectSaved, exportVia, validateWithSchema, watchErrors, fillDate, shotPath } from './helpers';

/** Drags a marker to a value with real pointer events (mouse), then releases it. */
async function dragTo(page: Page, markerTestId: string, value: number) {
  const marker = page.getByTestId(markerTestId);
  await page.getByTestId('scale-widget').scrollIntoViewIfNeeded();
  const track = page.locator('.scale__track');
  const box = (await track.boundingBox())!;
  const from = (await marker.locator('.scale__dot').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const x = box.x + (box.width * value) / 10;
  await page.mouse.move((from.x + x) / 2, from.y + 5, { steps: 4 });
  await page.mouse.move(x, from.y + 10, { steps: 4 });
  await page.mouse.up();
}

async function addRater(page: Page, who: string | null, name?: string, role?: string) {
  const panel = page.getByTestId('add-rater');
  if (who) await panel.getByLabel('Who').selectOption({ label: who });
  if (name) await panel.getByLabel('Name').fill(name);
  if (role) await panel.getByLabel('Role').fill(role);
  await panel.getByRole('button', { name: 'Add to the scale' }).click();
}

async function markerIdOf(page: Page, label: string) {
  return page.getByRole('slider', { name: label }).getAttribute('data-testid');
}

test('three raters placed by drag, one by keyboard, kept over a reload and in the export', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Mia', family: 'Sample', referral: '2026-11-09' });
  const base = page.url();
  await page.goto(`${base}/details`);
  await page.getByLabel('Lead social worker').fill('Sam Fictional');
  await expectSaved(page);
  await page.goto(`${base}/people`);
  await page.getByRole('button', { name: 'Add a family member' }).click();
  await page.getByLabel('First name').fill('Dana');
  await page.getByLabel('Relationship to the child or children').fill('Mother');
  await expectSaved(page);

  await page.goto(`${base}/scales`);
  await page.getByRole('button', { name: "Start Mia Sample's safety scale" }).click();
  await expect(page.getByTestId('scale-title')).toHaveText('Safety scale: Mia Sample');
  await addRater(page, 'Sam Fictional (Social worker)');
  await addRater(page, 'Dana (Mother)');
  await addRater(page, 'Mia Sample (The child)');
  await addRater(page, null, 'Alex Placeholder', 'Class teacher');
  await expect(page.getByTestId('rater-card')).toHaveCount(4);

  // put each on the scale, then drag three of them
  for (const card of await page.getByTestId('rater-card').all()) {
    await card.getByRole('button', { name: 'Put on the scale at 5' }).click();
  }
  await expect(page.getByRole('slider')).toHaveCount(4);
  const sam = (await markerIdOf(page, 'Sam Fictional (Social worker)'))!;
  const dana = (await markerIdOf(page, 'Dana (Mother)'))!;
  const mia = (await markerIdOf(page, 'Mia Sample (The child)'))!;
  await dragTo(page, sam, 3);
  await expect(page.getByRole('slider', { name: 'Sam Fictional (Social worker)' })).toHaveAttribute('aria-valuenow', '3');
  await dragTo(page, dana, 8);
  await expect(page.getByRole('slider', { name: 'Dana (Mother)' })).toHaveAttribute('aria-valuenow', '8');
  await dragTo(page, mia, 7);
  await expect(page.getByRole('slider', { name: 'Mia Sample (The child)' })).toHaveAttribute('aria-valuenow', '7');

  // the teacher by keyboard: 5 → End (10) → Left ×4 → 6
  const teacher = page.getByRole('slider', { name: 'Alex Placeholder (Class teacher)' });
  await teacher.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect(teacher).toHaveAttribute('aria-valuenow', '6');
  await expect(teacher).toHaveAttribute('aria-valuetext', 'Alex Placeholder (Class teacher): 6 out of 10');
  await expect(page.getByTestId('scale-spread')).toHaveText(/Wide disagreement: from 3 to 8 \(5 points apart\)/);

  const reason = page.getByTestId('rater-card').filter({ hasText: 'Dana (Mother)' }).getByLabel('Their reason, in their own words');
  await reason.fill("We've stopped arguing in front of the kids.");
  // a review snapshot
  await fillDate(page, 'Date of the review', '2026-11-20');
  await page.getByLabel('Which review').fill('First review');
  await page.getByRole('button', { name: 'Record this review' }).click();
  await expect(page.getByTestId('history-table')).toContainText('First review');
  await expectSaved(page);
  // a review keeps this scale; a meeting keeps every scale: each says so and leads to the other
  await expect(page.getByTestId('record-review')).toContainText("Keeps everyone's number on this scale only");
  const scalePage = page.url();
  await page.getByTestId('record-review').getByRole('link', { name: 'record the meeting on the planning page' }).click();
  await expect(page).toHaveURL(/\/planning#record-meeting$/);
  await expect(page.getByTestId('record-meeting')).toContainText("Keeps everyone's number on every scale of the assessment (1 scale");
  await page.getByTestId('record-meeting').getByRole('link', { name: "record a review on that scale's page" }).click();
  await expect(page).toHaveURL(/\/scales$/);
  await page.goto(scalePage);

  await page.reload();
  await expect(page.getByRole('slider', { name: 'Sam Fictional (Social worker)' })).toHaveAttribute('aria-valuenow', '3');
  await expect(page.getByRole('slider', { name: 'Dana (Mother)' })).toHaveAttribute('aria-valuenow', '8');
  await expect(page.getByRole('slider', { name: 'Mia Sample (The child)' })).toHaveAttribute('aria-valuenow', '7');
  await expect(page.getByRole('slider', { name: 'Alex Placeholder (Class teacher)' })).toHaveAttribute('aria-valuenow', '6');
  await expect(reason).toHaveValue("We've stopped arguing in front of the kids.");
  const chart = page.getByTestId('history-chart');
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart).toContainText('20 Nov 2026');
  await expect(chart).toContainText('First review');
  await expect(chart.locator('polyline')).toHaveCount(4);

  // in the export
  await page.goto(base);
  const exported = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(exported.text);
  expect(validateWithSchema(doc)).toEqual([]);
  const scale = doc.assessment.scales[0];
  expect(scale.kind.kind).toBe('safety');
  const values = Object.fromEntries(scale.markers.map((m: any) => [m.rater.name, m.value]));
  expect(values).toEqual({ 'Sam Fictional': 3, Dana: 8, 'Mia Sample': 7, 'Alex Placeholder': 6 });
  expect(scale.markers.find((m: any) => m.rater.name === 'Dana').rater.person).toMatch(/^p-/);
  expect(scale.markers.find((m: any) => m.rater.name === 'Alex Placeholder').rater.person).toBeNull();
  expect(scale.history).toHaveLength(1);
  expect(scale.history[0]).toMatchObject({ date: '2026-11-20', label: 'First review' });
  errors.check();
});

test('half points, the chart as an SVG file, and presentation mode', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await expect(page.getByTestId('safety-scales')).toContainText('Wide disagreement');
  await page.getByRole('link', { name: 'Safety scale: Rowan Demo' }).click();
  await expect(page.getByRole('slider')).toHaveCount(5);
  await page.getByText('Change the question and what 0 and 10 mean').click();
  await page.getByLabel('Allow half points').check();
  const worker = page.getByRole('slider', { name: 'Sam Fictional (Social worker)' });
  await worker.focus();
  await page.keyboard.press('ArrowRight');
  await expect(worker).toHaveAttribute('aria-valuetext', 'Sam Fictional (Social worker): 5 and a half out of 10');
  const svg = await exportVia(page, () => page.getByRole('button', { name: 'Save the chart as SVG' }).click());
  expect(svg.name).toBe('safety-scale-rowan-demo.svg');
  expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.text).toContain('Second review');

  await page.getByRole('button', { name: 'Present full screen' }).click();
  await expect(page.getByTestId('present')).toBeVisible();
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.locator('footer.footer')).toBeHidden();
  await expect(page.getByRole('slider')).toHaveCount(5);
  await page.getByRole('link', { name: 'Exit presentation' }).click();
  await expect(page.locator('header.header')).toBeVisible();
});

test('the scale has no serious axe findings and works at 375 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await page.getByRole('link', { name: 'Safety scale: Skye Demo' }).click();
  await expect(page.getByRole('slider')).toHaveCount(5);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // every marker is a 44px target and none overlaps another
  const boxes = await page.locator('.scale__dot').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (const b of boxes) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `markers ${i} and ${j} overlap`).toBe(false);
    }
  // drag with touch on a phone: a tap-and-drag moves the marker
  const mother = page.getByRole('slider', { name: 'Jordan Demo (Mother)' });
  await mother.focus();
  await page.keyboard.press('Home');
  await expect(mother).toHaveAttribute('aria-valuenow', '0');
  await expectSaved(page);
  await page.screenshot({ path: test.info().outputPath('scale-phone.png') });
});

test('presentation mode with five raters, two at the same value (screenshot)', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await page.getByRole('link', { name: 'Safety scale: Rowan Demo' }).click();
  await expect(page.getByRole('slider', { name: 'Jordan Demo (Mother)' })).toHaveAttribute('aria-valuenow', '8');
  await expect(page.getByRole('slider', { name: 'Casey Sampleton (Father)' })).toHaveAttribute('aria-valuenow', '8');
  await page.screenshot({ path: test.info().outputPath('scale-five-raters.png') });
  await page.getByRole('button', { name: 'Present full screen' }).click();
  await page.screenshot({ path: test.info().outputPath('scale-present.png') });
});

/** The boxes of every marker's dot and name, as drawn. */
async function markerBoxes(page: Page) {
  return page.locator('.scale__marker').evaluateAll((els) =>
    els.map((e) => ({
      name: e.getAttribute('aria-label'),
      boxes: [...e.querySelectorAll('.scale__dot, .scale__label')].map((x) => x.getBoundingClientRect().toJSON()),
      label: (e.querySelector('.scale__label') as HTMLElement).getBoundingClientRect().width,
    })),
  );
}

async function expectNoNameCovered(page: Page, where: string) {
  const markers = await markerBoxes(page);
  expect(markers.length).toBe(4);
  for (const m of markers) expect(m.label, `${where}: ${m.name}'s name is shown`).toBeGreaterThan(20);
  for (let i = 0; i < markers.length; i++)
    for (let j = i + 1; j < markers.length; j++)
      for (const a of markers[i].boxes)
        for (const b of markers[j].boxes) {
          const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          expect(overlap, `${where}: ${markers[i].name} and ${markers[j].name} cover each other`).toBe(false);
        }
}

test('four long-named raters at 7, 6, 4 and 3, and all at 5: no name covers another at 1024x768, 768x1024 and 375x667, in presentation mode too', async ({ page }, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Poppy', family: 'Fairweather', referral: '2026-11-09' });
  const base = page.url();
  await page.goto(`${base}/scales`);
  await page.getByRole('button', { name: "Start Poppy Fairweather's safety scale" }).click();
  const raters: Array<[string, string]> = [
    ['Dean Ashdown', 'Father (lives apart)'],
    ['Ben Whitlock', 'Class teacher, Netherby Fictional Primary School'],
    ['Margaret Featherstonehaugh-Whitcombe', 'Maternal grandmother'],
    ['Priya Ramanathan-Oyelaran', 'Health visitor, Fictional Community Health Team'],
  ];
  for (const [name, role] of raters) await addRater(page, null, name, role);
  for (const card of await page.getByTestId('rater-card').all()) {
    await card.getByRole('button', { name: 'Put on the scale at 5' }).click();
  }
  await expect(page.getByRole('slider')).toHaveCount(4);
  await expectSaved(page); // the raters are stored before the page is opened again
  const scaleUrl = page.url();
  const place = async (values: number[]) => {
    for (const [i, [name, role]] of raters.entries()) {
      const slider = page.getByRole('slider', { name: `${name} (${role})` });
      await slider.focus();
      await page.keyboard.press('Home');
      for (let k = 0; k < values[i]; k++) await page.keyboard.press('ArrowRight');
      await expect(slider).toHaveAttribute('aria-valuenow', String(values[i]));
    }
    await expectSaved(page);
  };
  for (const values of [[7, 6, 4, 3], [5, 5, 5, 5]]) {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(scaleUrl);
    await place(values);
    for (const size of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }, { width: 375, height: 667 }]) {
      await page.setViewportSize(size);
      await page.goto(scaleUrl);
      await expect(page.getByRole('slider')).toHaveCount(4);
      await page.waitForTimeout(100); // measured after it is drawn
      await expectNoNameCovered(page, `${values} at ${size.width}x${size.height}`);
      await page.screenshot({ path: shotPath(info, `names-${values.join('')}-${size.width}x${size.height}.png`), fullPage: true });
      await page.goto(`${scaleUrl}/present`);
      await expect(page.getByRole('slider')).toHaveCount(4);
      await page.waitForTimeout(100);
      await expectNoNameCovered(page, `${values} presented at ${size.width}x${size.height}`);
      await page.screenshot({ path: shotPath(info, `names-${values.join('')}-present-${size.width}x${size.height}.png`), fullPage: true });
    }
  }
  errors.check();
});
