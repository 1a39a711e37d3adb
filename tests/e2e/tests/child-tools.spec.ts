import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expectSaved, exportVia, fixture, importText, shotPath, validateWithSchema, watchErrors } from './helpers';

const MIA = 'p-11111111';

/** Opens Mia's page (the v6 fixture: Mia and Leo, their mother Dana, grandmother Rose). */
async function miasPage(page: Page) {
  await importText(page, fixture('assessment-v6.json'));
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  const base = page.url();
  await page.goto(`${base}/person/${MIA}`);
  await expect(page.getByRole('heading', { name: "The child's own tools" })).toBeVisible();
  return base;
}

/** A point on the drawing (1000 by 700 units) in screen pixels. */
async function at(page: Page, x: number, y: number) {
  return page.getByTestId('surface').evaluate((svg, [x, y]) => {
    const m = (svg as SVGGraphicsElement).getScreenCTM()!;
    return { x: m.a * x + m.e, y: m.d * y + m.f };
  }, [x, y]);
}

/** A line drawn through `points` (drawing units) by one pointer of `type`. */
async function stroke(page: Page, type: 'touch' | 'pen' | 'mouse', points: Array<[number, number]>, pointerId = 1) {
  const surface = page.getByTestId('surface');
  for (let i = 0; i < points.length; i++) {
    const p = await at(page, points[i][0], points[i][1]);
    const kind = i === 0 ? 'pointerdown' : 'pointermove';
    await surface.dispatchEvent(kind, { pointerId, pointerType: type, isPrimary: true, clientX: p.x, clientY: p.y, bubbles: true, button: 0, buttons: 1, pressure: type === 'pen' ? 0.2 + (0.6 * i) / points.length : 0.5 });
  }
  const last = await at(page, ...points[points.length - 1]);
  await surface.dispatchEvent('pointerup', { pointerId, pointerType: type, isPrimary: true, clientX: last.x, clientY: last.y, bubbles: true, button: 0, buttons: 0 });
}

async function tap(page: Page, x: number, y: number, type: 'touch' | 'pen' = 'touch') {
  await stroke(page, type, [[x, y]]);
}

/** The worker's way out: "Grown-ups" held for two seconds, then confirmed. */
async function leaveChildMode(page: Page) {
  const button = page.getByTestId('grown-ups');
  await button.dispatchEvent('pointerdown', { pointerId: 9, pointerType: 'touch', isPrimary: true, bubbles: true, button: 0, buttons: 1 });
  await page.waitForTimeout(2300);
  await button.dispatchEvent('pointerup', { pointerId: 9, pointerType: 'touch', isPrimary: true, bubbles: true, button: 0, buttons: 0 });
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await page.getByTestId('leave-confirm').click();
  await expect(page.getByTestId('child-mode')).toHaveCount(0);
}

const wavy = (x0: number, y0: number, n = 24): Array<[number, number]> =>
  Array.from({ length: n }, (_, i) => [x0 + i * 12, y0 + Math.round(Math.sin(i / 3) * 30)]);

test('child mode: Three Houses drawn by touch and pen with words and a person from the register; the child cannot leave; the worker can; it is all there after a reload', async ({ page }, info) => {
  const errors = watchErrors(page);
  const base = await miasPage(page);
  await page.getByTestId('start-threeHouses').click();
  await expect(page.getByTestId('tool-heading')).toHaveText("Mia Sample's Three Houses");
  const toolPage = page.url();
  await page.getByTestId('hand-over').click();
  await expect(page.getByTestId('child-mode')).toBeVisible();
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.getByTestId('child-prompt')).toHaveText('What worries you?');

  // a line with a finger, one with a pen, on the house of worries
  await stroke(page, 'touch', wavy(250, 400));
  await stroke(page, 'pen', wavy(300, 520));
  const marks = page.locator('[data-testid=surface] .board__marks');
  await expect(marks.locator('path.ink')).toHaveCount(2);
  await expect(marks.locator('path.ink[fill="none"]')).toHaveCount(1); // the finger's line
  await expect(marks.locator('path.ink[fill="#0b0c0c"]')).toHaveCount(1); // the pen's, an outline that swells with pressure
  // red words, typed and placed
  await page.getByTestId('ink-red').click();
  await page.getByTestId('words').click();
  await page.getByLabel('Type your words').fill('shouting at night');
  await page.getByTestId('words-ready').click();
  await expect(page.getByTestId('place-hint')).toBeVisible();
  await tap(page, 500, 250);
  await expect(marks.locator('text')).toHaveText(['shouting at night']);
  // the good things house: Rose, placed from the register; Undo takes her back; placed again
  await page.getByTestId('house-goodThings').click();
  await expect(marks.locator('path.ink')).toHaveCount(0);
  await page.getByTestId('people').click();
  await page.getByTestId('person-choice').filter({ hasText: 'Rose' }).click();
  await tap(page, 300, 450);
  await expect(marks.locator('text')).toHaveText(['Rose']);
  await page.getByTestId('undo').click();
  await expect(marks.locator('text')).toHaveCount(0);
  await page.getByTestId('people').click();
  await page.getByTestId('person-choice').filter({ hasText: 'Rose' }).click();
  await tap(page, 320, 460);
  await stroke(page, 'touch', wavy(500, 300, 10));
  // the rubber takes the line it touches and nothing else
  await stroke(page, 'touch', wavy(500, 300, 3));
  await expect(marks.locator('path.ink')).toHaveCount(2);
  await page.getByTestId('rubber').click();
  await tap(page, 512, 300);
  await expect(marks.locator('path.ink')).toHaveCount(1);
  await expect(marks.locator('text')).toHaveText(['Rose']);
  await page.getByTestId('ink-blue').click();

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: shotPath(info, 'three-houses-1024x768.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: shotPath(info, 'three-houses-768x1024.png') });
  await page.getByTestId('all-three').click();
  await expect(page.getByTestId('all-three-view').locator('svg')).toHaveCount(3);
  await page.screenshot({ path: shotPath(info, 'three-houses-all-768x1024.png') });
  await page.getByTestId('house-worries').click();
  await page.setViewportSize({ width: 1024, height: 768 });
  const worries = await marks.innerHTML();

  // the child cannot leave: Back, the keys for Back, links, a short press on "Grown-ups"
  const childUrl = page.url();
  await page.goBack();
  await expect(page).toHaveURL(childUrl);
  await page.goBack();
  await expect(page).toHaveURL(childUrl);
  await expect(page.getByTestId('child-mode')).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(childUrl);
  expect(await page.locator('a[href]').evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent !== null).length)).toBe(0);
  await page.evaluate(() => { const a = document.createElement('a'); a.href = '/'; a.textContent = 'out'; document.querySelector('[data-testid=child-mode]')!.append(a); a.click(); a.remove(); });
  await expect(page).toHaveURL(childUrl);
  await page.getByTestId('grown-ups').click();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('leave-dialog')).toHaveCount(0);
  // a reload (pull to refresh) comes back to child mode, drawing and all
  await page.reload();
  await expect(page.getByTestId('child-mode')).toBeVisible();
  await expect(marks).toHaveJSProperty('innerHTML', worries);
  await page.goBack();
  await expect(page).toHaveURL(childUrl);
  // another of the app's addresses opened in the same tab (a bookmark, a link from another app)
  // shows child mode too, never the assessment
  for (const address of ['/', toolPage.replace(/\/tools\/.*$/, ''), `${toolPage.replace(/\/tools\/.*$/, '')}/people`]) {
    await page.goto(address);
    await expect(page.getByTestId('child-mode')).toBeVisible();
    await expect(page).toHaveURL(childUrl);
    await expect(page.getByTestId('assessment-title')).toHaveCount(0);
  }

  // the worker leaves, by holding "Grown-ups" and confirming
  await leaveChildMode(page);
  await expect(page).toHaveURL(toolPage);
  // Back from the worker's page does not go into child mode again
  await page.goBack();
  await expect(page.getByTestId('tool-heading')).toBeVisible();
  await expect(page.getByTestId('child-mode')).toHaveCount(0);
  await page.goto(toolPage);
  await page.reload();
  await expect(page.getByTestId('tool-heading')).toHaveText("Mia Sample's Three Houses");
  await expect(page.getByTestId('drawing-worries').locator('path.ink[fill="none"]')).toHaveCount(1);
  await expect(page.getByTestId('drawing-goodThings')).toContainText('Rose');
  const svg = await exportVia(page, () => page.getByTestId('svg-worries').click());
  expect(svg.name).toBe('mia-sample-s-three-houses-house-of-worries.svg');
  expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect((svg.text.match(/class="ink"/g) ?? []).length).toBe(2);
  expect(svg.text).toContain('>shouting at night</text>');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-worries').click()]);
  expect(png.suggestedFilename()).toBe('mia-sample-s-three-houses-house-of-worries.png');
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  // the child's own words and the conversation, recorded by the worker
  await page.getByLabel('Add what the child said: house of worries').fill('When they shout I hide under my covers.');
  await page.getByTestId('add-words-worries').click();
  await page.getByLabel('Where').fill('At school, in the library');
  await page.getByLabel('Yes').check();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByTestId('hand-over').click();
  await expect(marks).toHaveJSProperty('innerHTML', worries);
  await leaveChildMode(page);

  // the export: two lines in the worries house (one with pen pressure), Rose linked
  await page.goto(base);
  const out = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(out.text);
  expect(validateWithSchema(doc)).toEqual([]);
  const houses = doc.assessment.childTools[0];
  expect(houses.child).toBe(MIA);
  expect(houses.work.tool).toBe('threeHouses');
  expect(houses.work.worries.strokes).toHaveLength(2);
  expect(houses.work.worries.strokes[0]).toMatch(/^k3:[A-Za-z0-9_-]+$/);
  expect(houses.work.worries.strokes[1]).toMatch(/^k3p:/);
  expect(houses.work.worries.words).toEqual([expect.objectContaining({ text: 'shouting at night', ink: 'red' })]);
  expect(houses.work.goodThings.pictures).toEqual([expect.objectContaining({ kind: 'person', label: 'Rose', person: 'p-40000009' })]);
  expect(houses.childWords).toEqual([expect.objectContaining({ place: 'worries', words: 'When they shout I hide under my covers.' })]);
  expect(houses.conversation.seenAlone).toBe(true);
  // the child's page lists the tool with its date
  await page.goto(`${base}/person/${MIA}`);
  await expect(page.getByTestId('tools-used')).toContainText('Three Houses');
  await expect(page.getByTestId('tools-used')).toContainText('3 lines, 1 word placed, 1 picture, 1 thing said');
  errors.check();
});

test('the Safety House: the child moves along the path by touch, the worker by keyboard; people inside and outside; the path is in the export', async ({ page }, info) => {
  const errors = watchErrors(page);
  const base = await miasPage(page);
  await page.getByTestId('start-safetyHouse').click();
  await page.getByTestId('hand-over').click();
  await expect(page.getByTestId('child-mode')).toHaveAttribute('data-tool', 'safetyHouse');
  // Rose inside the house, Dana outside, both from the register
  for (const [who, x, y] of [['Rose', 300, 400], ['Dana', 850, 250]] as const) {
    await page.getByTestId('people').click();
    await page.getByTestId('person-choice').filter({ hasText: who }).click();
    await tap(page, x, y);
  }
  await page.getByTestId('move-me').click();
  await tap(page, 950, 640); // the stone furthest from the door
  await expect(page.getByTestId('path-me')).toHaveAttribute('aria-valuenow', '0');
  await stroke(page, 'touch', [[950, 650], [850, 660], [730, 668]]); // dragged along the path
  await expect(page.getByTestId('path-me')).toHaveAttribute('aria-valuenow', '4');
  await page.getByTestId('path-me').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('path-me')).toHaveAttribute('aria-valuenow', '7');
  await page.screenshot({ path: shotPath(info, 'safety-house-1024x768.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: shotPath(info, 'safety-house-768x1024.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await leaveChildMode(page);
  await expect(page.getByTestId('inside')).toContainText('Rose');
  await expect(page.getByTestId('outside')).toContainText('Dana');
  await expect(page.getByRole('radio', { name: '7', exact: true })).toBeChecked();
  // a rule written on the roof from the worker's page; Leo put inside by keyboard
  await page.getByLabel('Write a rule on the roof').fill('No shouting');
  await page.getByTestId('add-rule').click();
  await expect(page.getByTestId('rules')).toHaveText('No shouting');
  await page.getByLabel('Add someone from the people in this assessment').selectOption({ label: 'Leo Sample' });
  await page.getByTestId('put-inside').click();
  await expect(page.getByTestId('inside')).toContainText('Leo');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.goto(base);
  const out = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(out.text);
  expect(validateWithSchema(doc)).toEqual([]);
  const house = doc.assessment.childTools[0];
  expect(house.work.tool).toBe('safetyHouse');
  expect(house.work.path).toBe(7);
  expect(house.work.house.pictures.map((p: any) => p.label)).toEqual(['Rose', 'Dana', 'Leo']);
  expect(house.work.house.words).toEqual([expect.objectContaining({ text: 'No shouting' })]);
  errors.check();
});

test('Words and Pictures: a story in two versions, one shared and agreed, read a page at a time; the professional summary PDF shows the houses', async ({ page }, info) => {
  const errors = watchErrors(page);
  const base = await miasPage(page);
  await page.getByTestId('start-wordsAndPictures').click();
  await expect(page.getByTestId('tool-heading')).toHaveText("Mia Sample's Words and Pictures");
  await page.getByLabel("Who suggested the next page's words?").fill('The social worker');
  await page.getByTestId('add-page').click();
  await page.getByLabel('The words on this page').fill('Mum and Dad love you very much.');
  await page.getByLabel("Who suggested the next page's words?").fill('Mum');
  await page.getByTestId('add-page').click();
  await page.getByLabel('The words on this page').nth(1).fill('Sometimes grown-ups argue loudly at night.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByTestId('save-version').click();
  await expect(page.getByTestId('story-version')).toHaveCount(1);
  await expect(page.getByTestId('save-version')).toBeDisabled();
  await page.getByLabel('The words on this page').nth(1).fill('Sometimes Mum and Dad shouted at night, and that was scary.');
  await page.getByLabel('Who suggested these words').nth(1).fill('Mum and the social worker');
  await page.getByTestId('save-version').click();
  await expect(page.getByTestId('story-version')).toHaveCount(2);
  const latest = page.getByTestId('story-version').first();
  await expect(latest).toContainText('Version 2');
  // each version after the first says what changed, as the plan's versions do
  await expect(latest.getByTestId('version-differences')).toContainText('The words of page 2 changed from "Sometimes grown-ups argue loudly at night." to "Sometimes Mum and Dad shouted at night, and that was scary."');
  await expect(latest.getByTestId('version-differences')).toContainText('Who suggested page 2 changed from "Mum" to "Mum and the social worker"');
  await expect(page.getByTestId('story-version').nth(1).getByTestId('version-differences')).toHaveCount(0);
  await latest.getByText('Record who it was shared with').click();
  await latest.getByLabel('Shared with').fill('Mum and Dad');
  await page.getByTestId('record-sharing-2').click();
  await expect(latest.getByTestId('version-shared')).toContainText('Shared with Mum and Dad on');
  await latest.getByLabel('The family agreed this wording').check();
  // a picture for page 2, drawn full screen
  await page.getByTestId('draw-picture').nth(1).click();
  await expect(page.getByTestId('draw-page')).toBeVisible();
  await page.getByTestId('pictures').click();
  await page.getByTestId('picture-heart').click();
  await tap(page, 500, 350);
  await page.getByTestId('draw-done').click();
  await expect(page.getByTestId('story-page').nth(1).locator('svg')).toHaveCount(1);
  // the child reads the agreed story, one page at a time
  await page.getByTestId('hand-over').click();
  await expect(page.getByTestId('story-text')).toHaveText('Mum and Dad love you very much.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByTestId('story-next').click();
  await expect(page.getByTestId('story-text')).toHaveText('Sometimes Mum and Dad shouted at night, and that was scary.');
  await expect(page.getByTestId('story-reader').locator('svg')).toHaveCount(1);
  await page.screenshot({ path: shotPath(info, 'words-and-pictures-1024x768.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: shotPath(info, 'words-and-pictures-768x1024.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await leaveChildMode(page);
  await page.reload();
  await expect(page.getByTestId('story-version')).toHaveCount(2);
  // the small book: only the story, a page to each A5 sheet
  await page.evaluate(() => { window.print = () => {}; }); // the print dialog: printed to PDF below instead
  await page.getByTestId('print-book').click();
  await expect(page.locator('body')).toHaveClass(/print-book/);
  await page.emulateMedia({ media: 'print' });
  const book = info.outputPath('story-book.pdf');
  await page.pdf({ path: book, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(page.locator('body')).not.toHaveClass(/print-book/);
  const bookText = execFileSync('pdftotext', [book, '-']).toString().replace(/\s+/g, ' ');
  expect(bookText).toContain('Mum and Dad love you very much.');
  expect(bookText).not.toContain('How the conversation went');
  const info2 = execFileSync('pdfinfo', [book]).toString();
  expect(info2).toMatch(/Pages:\s+2\b/);
  expect(info2).toMatch(/Page size:.*\(A5\)/);
  await page.goto(base);
  const out = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const story = JSON.parse(out.text).assessment.childTools[0].work;
  expect(story.versions.map((v: any) => [v.number, v.pages[1].suggestedBy, v.shared.map((s: any) => s.with), v.agreedByFamily]))
    .toEqual([[1, 'Mum', [], false], [2, 'Mum and the social worker', ['Mum and Dad'], true]]);

  // the demonstration case's Three Houses in the professional summary, as a PDF
  await page.goto(`${base}/person/${MIA}`);
  await page.getByTestId('start-threeHouses').click();
  await page.getByTestId('hand-over').click();
  await stroke(page, 'pen', wavy(250, 420));
  await page.getByTestId('house-dreams').click();
  await page.getByTestId('pictures').click();
  await page.getByTestId('picture-star').click();
  await tap(page, 500, 400);
  await leaveChildMode(page);
  await page.getByLabel('Add what the child said: house of dreams').fill('Everyone is kind at home.');
  await page.getByTestId('add-words-dreams').click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.goto(`${base}/print`);
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { name: "The child's own tools" })).toBeVisible();
  await expect(report.locator('.child-tool[data-tool=threeHouses] figure svg')).toHaveCount(3);
  await page.emulateMedia({ media: 'print' });
  const pdfPath = info.outputPath('professional-summary.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString().replace(/\s+/g, ' ');
  for (const words of ["The child's own tools", "Mia Sample's Three Houses", 'House of worries', 'House of good things', 'House of dreams',
    '“Everyone is kind at home.”', "In Mia Sample's own words", 'The wording of version 2 was agreed with the family.']) {
    expect(text, words).toContain(words);
  }
  execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, info.outputPath('summary-page')]);
  errors.check();
});

test('child mode and the tools pages: no serious axe findings, targets of 64 px in child mode', async ({ page }, info) => {
  const base = await miasPage(page);
  await page.getByTestId('start-safetyHouse').click();
  await expectSaved(page); // the new tool is stored before its page is opened again
  const toolPage = page.url();
  for (const size of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }, { width: 375, height: 667 }]) {
    await page.setViewportSize(size);
    await page.goto(toolPage);
    await expect(page.getByTestId('tool-heading')).toBeVisible();
    const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), `tool page ${size.width}`).toEqual([]);
    await page.screenshot({ path: shotPath(info, `tool-page-${size.width}x${size.height}.png`), fullPage: true });
    await page.getByTestId('hand-over').click();
    await page.getByTestId('people').click();
    const inChild = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(inChild.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), `child mode ${size.width}`).toEqual([]);
    const small = await page.locator('[data-testid=child-mode] button').evaluateAll((els) => els
      .map((e) => ({ t: (e.textContent ?? '').trim(), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 64 || r.height < 64))
      .map(({ t, r }) => `${t} ${Math.round(r.width)}x${Math.round(r.height)}`));
    expect(small, `child mode targets at ${size.width}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shotPath(info, `child-mode-people-${size.width}x${size.height}.png`) });
    await leaveChildMode(page);
  }
  await page.goto(`${base}/person/${MIA}`);
});
