import { expect, test, type Page } from '@playwright/test';
import { expectSaved, fixture, importText, watchErrors } from './helpers';

// Both editors full screen on a tablet, with the three-generation family of fifteen
// (tests/fixtures/family-of-fifteen.json): at "fit to screen" every name is at least 14 px tall,
// no words lie over other words, a symbol or a line, and the drawing fills the window below a
// compact toolbar. Screenshots of each are kept with the test's output to look at.

type Found = { smallest: number; names: number; problems: string[]; canvas: { top: number; bottom: number; width: number } };

/** Measures the drawing as drawn: the names' size on screen, and what overlaps what. */
async function measure(page: Page): Promise<Found> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.canvas') as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const k = svg.getScreenCTM()!.a;
    type R = { x0: number; y0: number; x1: number; y1: number };
    const rect = (el: Element, inset: number): R => {
      const r = el.getBoundingClientRect();
      return { x0: r.left + inset, y0: r.top + inset, x1: r.right - inset, y1: r.bottom - inset };
    };
    const meets = (a: R, b: R) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    const inside = (p: { x: number; y: number }, r: R) => p.x > r.x0 && p.x < r.x1 && p.y > r.y0 && p.y < r.y1;
    const groups = [...svg.querySelectorAll('[data-id]')];
    const words: { who: string; text: string; r: R }[] = [];
    const shapes: { who: string; r: R }[] = [];
    let smallest = Infinity;
    let names = 0;
    for (const g of groups) {
      const who = g.getAttribute('data-id')!;
      const own: R[] = [];
      for (const s of g.querySelectorAll('circle, rect, path')) {
        if (s.getAttribute('fill-opacity') === '0') continue; // the invisible finger target
        if (s.getAttribute('fill') !== '#ffffff' && s.getAttribute('fill') !== 'none') continue; // selection marks
        const r = rect(s, 2);
        own.push(r);
        shapes.push({ who, r });
      }
      for (const t of g.querySelectorAll('text')) {
        const r = rect(t, 2);
        // The age written inside a symbol belongs there.
        const c = { x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 };
        if (own.some((o) => inside(c, o))) continue;
        words.push({ who, text: t.textContent!.trim(), r });
        if (t.getAttribute('font-weight') === 'bold') {
          names++;
          smallest = Math.min(smallest, Number(t.getAttribute('font-size')) * k);
        }
      }
    }
    // Words outside anyone's group: the circles' names, a partnership's years.
    for (const t of svg.querySelectorAll('text')) {
      if (!t.closest('[data-id]')) words.push({ who: 'drawing', text: t.textContent!.trim(), r: rect(t, 2) });
    }
    const problems: string[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        if (words[i].who !== words[j].who && meets(words[i].r, words[j].r)) problems.push(`"${words[i].text}" over "${words[j].text}"`);
      }
      for (const s of shapes) if (meets(words[i].r, s.r)) problems.push(`"${words[i].text}" over a symbol`);
    }
    // Every line outside the people's own groups, sampled along its length on screen.
    for (const el of svg.querySelectorAll('line, path, polyline')) {
      if (el.closest('[data-id]')) continue;
      const geo = el as SVGGeometryElement;
      if (geo.getAttribute('stroke') === null && geo.getAttribute('fill') !== 'none') continue; // circles' fills
      const len = geo.getTotalLength();
      const m = geo.getScreenCTM()!;
      for (let d = 0; d <= len; d += 3) {
        const p = new DOMPoint(geo.getPointAtLength(d).x, geo.getPointAtLength(d).y).matrixTransform(m);
        const hit = words.find((w) => inside(p, w.r));
        if (hit) {
          problems.push(`a line through "${hit.text}"`);
          break;
        }
      }
    }
    return { smallest, names, problems: [...new Set(problems)], canvas: { top: box.top, bottom: box.bottom, width: box.width } };
  });
}

for (const size of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  test(`both editors fill a ${size.width}x${size.height} tablet, names readable and nothing overlapping`, async ({ page }, info) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await importText(page, fixture('family-of-fifteen.json'));
    await expect(page).toHaveURL(/\/assessments\/a-[0-9a-f]{16}$/);
    const overview = page.url();

    await page.goto(`${overview}/genogram`);
    await expect(page.locator('.canvas .g-person')).toHaveCount(15);
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    // the toolbar is one row, upright too: the drawing's files are in one "Save picture" menu
    const rows = async () => new Set(await page.locator('.editor-head .toolbar > *').evaluateAll((els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().top)))).size;
    expect(await rows(), 'the genogram toolbar is one row').toBe(1);
    // The drawing is the screen: no site header, the drawing to the bottom of the window.
    await expect(page.locator('header.header')).toBeHidden();
    let found = await measure(page);
    await page.screenshot({ path: info.outputPath(`genogram-${size.width}x${size.height}.png`) });
    expect(found.names).toBe(30);
    expect(found.problems).toEqual([]);
    expect(found.smallest).toBeGreaterThanOrEqual(14);
    expect(found.canvas.top).toBeLessThan(size.width > size.height ? 130 : 170);
    expect(found.canvas.bottom).toBeGreaterThan(size.height - 20);
    expect(found.canvas.bottom).toBeLessThanOrEqual(size.height);
    info.annotations.push({ type: 'genogram', description: `names ${found.smallest.toFixed(1)} px, drawing from ${found.canvas.top.toFixed(0)} px` });

    // Selecting opens the drawer over the drawing; Rita stays clear of it; it closes.
    await page.locator('.canvas .g-person', { hasText: 'Rita' }).click();
    const panel = page.getByTestId('editor-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: /Rita Oldham/ })).toBeVisible();
    const rita = await page.locator('.canvas .g-person', { hasText: 'Rita' }).boundingBox();
    const drawer = await panel.boundingBox();
    const clear = size.width > size.height ? rita!.x + rita!.width <= drawer!.x : rita!.y + rita!.height <= drawer!.y;
    expect(clear).toBe(true);
    await page.screenshot({ path: info.outputPath(`genogram-${size.width}x${size.height}-drawer.png`) });
    await panel.getByRole('button', { name: 'Close panel' }).click();
    await expect(panel).toBeHidden();
    await expectSaved(page);

    await page.goto(`${overview}/network`);
    await expect(page.locator('.canvas .g-person')).toHaveCount(15);
    expect(await rows(), 'the network toolbar is one row').toBe(1);
    // A drawn map opens with the drawer closed, the whole map on screen.
    await expect(page.getByTestId('editor-panel')).toBeHidden();
    found = await measure(page);
    await page.screenshot({ path: info.outputPath(`network-${size.width}x${size.height}.png`) });
    expect(found.names).toBe(15);
    expect(found.problems).toEqual([]);
    expect(found.smallest).toBeGreaterThanOrEqual(14);
    expect(found.canvas.bottom).toBeGreaterThan(size.height - 20);
    info.annotations.push({ type: 'network', description: `names ${found.smallest.toFixed(1)} px, drawing from ${found.canvas.top.toFixed(0)} px` });
    // The drawer holds the quick entry; with it open, "fit" fits the map beside it.
    await page.getByTestId('panel-toggle').click();
    await expect(page.getByTestId('editor-panel').getByLabel('Name', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    found = await measure(page);
    await page.screenshot({ path: info.outputPath(`network-${size.width}x${size.height}-drawer.png`) });
    expect(found.problems).toEqual([]);
    info.annotations.push({ type: 'network with the drawer open', description: `names ${found.smallest.toFixed(1)} px` });
    // Selecting someone at the map's edge opens the drawer and keeps them clear of it.
    await page.getByTestId('panel-close').click();
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    const priya = page.locator('.canvas .g-person', { hasText: 'Priya Mensah' });
    await priya.click();
    const sheet = page.getByTestId('editor-panel');
    await expect(sheet.getByRole('heading', { name: /Priya Mensah/ })).toBeVisible();
    await expect(async () => {
      const [p, d] = [await priya.locator('path, circle, rect').last().boundingBox(), await sheet.boundingBox()];
      expect(size.width > size.height ? p!.x + p!.width <= d!.x : p!.y + p!.height <= d!.y).toBe(true);
    }).toPass();
    errors.check();
  });
}

test('on a phone the editors keep the site header and the panel below the drawing', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await importText(page, fixture('family-of-fifteen.json'));
  await expect(page).toHaveURL(/\/assessments\/a-[0-9a-f]{16}$/);
  await page.goto(`${page.url()}/genogram`);
  await expect(page.locator('header.header')).toBeVisible();
  await page.locator('.canvas .g-person', { hasText: 'Rita' }).click();
  const canvas = await page.locator('svg.canvas').boundingBox();
  const panel = await page.getByTestId('editor-panel').boundingBox();
  expect(panel!.y).toBeGreaterThanOrEqual(canvas!.y + canvas!.height);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});
