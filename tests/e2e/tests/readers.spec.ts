import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expectSaved, exportVia, shotPath, validateWithSchema, watchErrors } from './helpers';

const disclosure = 'Rowan told her teacher that Mum and Casey shout and push each other';
const address = 'Flat 2, 5 Fictional Road, Exampletown';

async function noSeriousFindings(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

async function pdfText(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  const path = test.info().outputPath(name);
  await page.pdf({ path, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', [path, '-']).toString().replace(/\s+/g, ' ');
}

/** Marks the thing whose mark control is `mark` ("answer:pastHarm", or the control itself) as not for `who`. */
async function markNotFor(page: Page, mark: string | Locator, who: string, why: string) {
  const control = typeof mark === 'string' ? page.locator(`[data-mark="${mark}"]`) : mark;
  await control.getByRole('button', { name: /^Who may read/ }).click();
  const panel = control.getByRole('group', { name: /^Who may read/ });
  await panel.getByLabel('Not for particular people').check();
  await panel.getByRole('checkbox', { name: who }).check();
  await panel.getByLabel('Why').fill(why);
  await panel.getByRole('button', { name: 'Save who may read this' }).click();
  await expectSaved(page);
}

test("the child's disclosure and the mother's new address are kept from the father, in his summary, his PDF and his export", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await expect(page).toHaveURL(/\/scales$/);
  const base = page.url().replace(/\/scales$/, '');

  // the mother's new address, not for the father
  await page.goto(`${base}/people`);
  await page.getByRole('link', { name: 'Jordan Demo' }).first().click();
  await page.getByLabel('Address', { exact: true }).fill(address);
  await page.getByLabel('Phone number', { exact: true }).fill('07700 900321');
  await expectSaved(page);
  await markNotFor(page, 'personDetails:p-d0d0d003', 'Casey Sampleton', 'She has moved; he must not know where');
  await expect(page.getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  await page.screenshot({ path: shotPath(test.info(), 'mark-1024x768.png'), fullPage: true });
  await page.getByRole('button', { name: 'Who may read this? (these details)' }).click();
  await noSeriousFindings(page);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // the child's disclosure, on the mapping page
  await page.goto(`${base}/s/signs-of-safety/worried`);
  await expect(page.getByLabel('Past harm to the children')).toHaveValue(new RegExp(disclosure));
  await markNotFor(page, 'answer:pastHarm', 'Casey Sampleton', 'What Rowan said about her father');
  await expect(page.locator('[data-mark="answer:pastHarm"]').getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');

  // the father's summary: the check lists both, and neither is in it or in its PDF
  await page.goto(base);
  await page.getByRole('link', { name: 'Print or save the summary for the family' }).click();
  // for the family as a whole, "not for Casey" keeps it out too (he is one of them)
  await expect(page.getByTestId('report')).toContainText('Made for the family.');
  await expect(page.getByTestId('report')).not.toContainText(disclosure);
  await page.getByLabel('Who is this summary for?').selectOption({ label: 'Casey Sampleton (Father (lives apart))' });
  const leftOut = page.getByTestId('left-out');
  await expect(leftOut).toContainText('The answer to "Past harm to the children" – Not for Casey Sampleton: What Rowan said about her father');
  await expect(leftOut).toContainText("Jordan Demo's address, phone number, household and notes – Not for Casey Sampleton: She has moved; he must not know where");
  await expect(page.getByTestId('report')).toContainText('Made for Casey Sampleton.');
  await expect(page.getByTestId('report')).not.toContainText(disclosure);
  await page.screenshot({ path: shotPath(test.info(), 'check-1024x768.png'), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: shotPath(test.info(), 'check-768x1024.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await noSeriousFindings(page);
  const fathers = await pdfText(page, 'summary-father.pdf');
  expect(fathers).toContain('Made for Casey Sampleton');
  expect(fathers).not.toContain('Rowan told her teacher that Mum and Casey');
  expect(fathers).not.toContain('Fictional Road');
  expect(fathers).not.toContain('Check before you print'); // the check is never printed
  expect(fathers).toContain('The safety plan we agreed');
  await page.getByRole('button', { name: 'Print' }).evaluate((b) => { window.print = () => {}; (b as HTMLButtonElement).click(); });

  // the mother's summary has what she may see
  await page.getByLabel('Who is this summary for?').selectOption({ label: 'Jordan Demo (Mother)' });
  await expect(page.getByTestId('left-out')).toHaveText('Nothing is marked as not for this reader.');
  await expect(page.getByTestId('report')).toContainText(disclosure);
  await page.screenshot({ path: shotPath(test.info(), 'summary-mother-1024x768.png'), fullPage: true });
  const mothers = await pdfText(page, 'summary-mother.pdf');
  expect(mothers).toContain('Made for Jordan Demo');
  expect(mothers).toContain('Rowan told her teacher that Mum and Casey');
  expect(mothers).not.toContain('Fictional Road'); // addresses are never printed in a family summary

  // the child's own version is short and has the rules she is told about
  await page.getByLabel('Who is this summary for?').selectOption({ label: "Rowan Demo: the child's own version" });
  await expect(page.getByTestId('report').getByRole('heading', { level: 1 })).toHaveText('About you and your family, Rowan');
  await expect(page.getByTestId('report')).toContainText('Rowan and Skye know Nan comes when Dad visits.');
  await expect(page.getByTestId('report')).not.toContainText(disclosure);

  // an export for sharing with the father carries neither, and says who it is for
  await page.getByLabel('Who is this summary for?').selectOption({ label: 'Casey Sampleton (Father (lives apart))' });
  const shared = await exportVia(page, () => page.getByRole('button', { name: 'Export for sharing with this reader (JSON)' }).click());
  const doc = JSON.parse(shared.text);
  expect(validateWithSchema(doc)).toEqual([]);
  expect(doc.madeFor).toBe('Casey Sampleton');
  expect(shared.text).not.toContain('Rowan told her teacher that Mum and Casey');
  expect(shared.text).not.toContain('Fictional Road');
  expect(shared.text).not.toContain('07700 900321');
  expect(doc.assessment.marks).toEqual([]);
  const genogram = await exportVia(page, () => page.getByRole('button', { name: 'Save the genogram for this reader (SVG)' }).click());
  expect(genogram.text).toContain('<svg');
  expect(genogram.text).not.toContain('Fictional Road');

  // the full export keeps the marks; the audit lists what was made, for whom and what was left out
  // (each made file is recorded in the audit, saved like any change: wait for it before leaving)
  await expectSaved(page);
  await page.goto(base);
  const full = JSON.parse((await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click())).text);
  expect(validateWithSchema(full)).toEqual([]);
  expect(full.madeFor).toBeNull();
  expect(full.assessment.marks.map((m: any) => m.target.kind).sort()).toEqual(['answer', 'personDetails']);
  await page.getByTestId('audit').locator('summary').click();
  const audit = page.getByTestId('audit');
  await expect(audit).toContainText('Export for sharing');
  await expect(audit).toContainText('Family summary, printed');
  await expect(audit).toContainText('Casey Sampleton');
  await expect(audit).toContainText('The answer to "Past harm to the children" (Not for Casey Sampleton');
  expect(full.assessment.audit.length).toBeGreaterThanOrEqual(3);
  // what was saved opens again: the marks and the audit are there after a reload
  await page.reload();
  await page.getByTestId('audit').locator('summary').click();
  await expect(page.getByTestId('audit')).toContainText('Export for sharing');
  await page.goto(`${base}/s/signs-of-safety/worried`);
  await expect(page.locator('[data-mark="answer:pastHarm"]').getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  errors.check();
});

test('a domestic abuse concern recorded about a parent suggests keeping the other adults\' details from him', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await expect(page).toHaveURL(/\/scales$/);
  const base = page.url().replace(/\/scales$/, '');
  await page.goto(`${base}/people`);
  await expect(page.getByTestId('mark-suggestions')).toHaveCount(0);
  await page.getByRole('link', { name: 'Casey Sampleton' }).first().click();
  await page.getByLabel('Notes').fill('Subject of a domestic abuse concern: police call-outs in March and September.');
  await expectSaved(page);
  await page.goto(`${base}/people`);
  const suggestions = page.getByTestId('mark-suggestions');
  await expect(suggestions).toContainText('Casey Sampleton is recorded as the subject of a domestic abuse concern');
  await suggestions.getByRole('button', { name: "Mark Jordan Demo's address, phone number, household and notes as not for Casey Sampleton" }).click();
  await expectSaved(page);
  await expect(suggestions.getByRole('button')).toHaveCount(1); // Morgan's is still offered
  await page.getByRole('link', { name: 'Jordan Demo' }).first().click();
  await expect(page.getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  await page.reload();
  await expect(page.getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
});

test("a disclosure recorded in the chronology is marked before it is written down, and stays marked", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await expect(page).toHaveURL(/\/scales$/);
  const base = page.url().replace(/\/scales$/, '');
  await page.goto(`${base}/chronology`);
  await page.getByRole('button', { name: 'Add an event' }).click();
  const form = page.getByTestId('chronology-form');
  // the form offers who may read it before a word is typed
  await form.getByRole('button', { name: 'Who may read this? (this event)' }).click();
  const panel = form.getByRole('group', { name: /^Who may read/ });
  await panel.getByLabel('Not for particular people').check();
  await panel.getByRole('checkbox', { name: 'Casey Sampleton' }).check();
  await panel.getByLabel('Why').fill('What Rowan told her teacher about her father');
  await panel.getByRole('button', { name: 'Save who may read this' }).click();
  await expect(form.getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  await form.getByLabel('What happened').fill('Rowan said Dad pushed Mum');
  await expectSaved(page);
  await form.getByRole('button', { name: 'Done' }).click();
  const entry = page.getByTestId('chronology-entry').filter({ hasText: 'Rowan said Dad pushed Mum' });
  await expect(entry.getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  await page.reload();
  await expect(entry.getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  // the father's summary lists it as left out
  await page.goto(base);
  await page.getByRole('link', { name: 'Print or save the summary for the family' }).click();
  await page.getByLabel('Who is this summary for?').selectOption({ label: 'Casey Sampleton (Father (lives apart))' });
  await expect(page.getByTestId('left-out')).toContainText('Rowan said Dad pushed Mum');
  errors.check();
});

test("one thing a child said, one drawing and one page of a story are kept from the father while the rest of the tool reaches him", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await expect(page).toHaveURL(/\/scales$/);
  const base = page.url().replace(/\/scales$/, '');
  // Rowan's Three Houses, in the family's summary: one thing she said and her house of worries
  await page.goto(`${base}/tools/i-c7017001`);
  await markNotFor(page, 'childWords:i-c7017002', 'Casey Sampleton', 'What Rowan said about night-time');
  const worries = page.getByTestId('drawing-worries').getByTestId('mark-control');
  await markNotFor(page, worries, 'Casey Sampleton', 'Her worries drawing');
  await expect(page.locator('[data-mark="childWords:i-c7017002"]').getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  await expect(worries.getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  await expect(page.getByTestId('drawing-goodThings').getByTestId('mark-tag')).toHaveCount(0);
  await noSeriousFindings(page);
  // the story goes in the family's summary, all but its second page
  await page.goto(`${base}/tools/i-c7017007`);
  await page.getByLabel("Include this in the family's summary and the child's own").check();
  await markNotFor(page, page.getByTestId('story-page').nth(1).getByTestId('mark-control'), 'Casey Sampleton', 'About the shouting');
  await page.reload();
  await expect(page.getByTestId('story-page').nth(1).getByTestId('mark-tag')).toHaveText('Not for Casey Sampleton');
  await expect(page.getByTestId('story-page').nth(0).getByTestId('mark-tag')).toHaveCount(0);

  await page.goto(base);
  await page.getByRole('link', { name: 'Print or save the summary for the family' }).click();
  await page.getByLabel('Who is this summary for?').selectOption({ label: 'Casey Sampleton (Father (lives apart))' });
  const leftOut = page.getByTestId('left-out');
  await expect(leftOut).toContainText('What Rowan Demo said in the Three Houses (House of worries): "When they shout I go under my covers."');
  await expect(leftOut).toContainText("Rowan Demo's drawing: House of worries");
  await expect(leftOut).toContainText("Page 2 of Rowan Demo's Words and Pictures story");
  const report = page.getByTestId('report');
  await expect(report).toContainText('Nan takes me to the park.');
  await expect(report).toContainText('Mum and Dad love you very much.');
  await expect(report).not.toContainText('When they shout I go under my covers.');
  await expect(report).not.toContainText('shouting at night');
  await expect(report).not.toContainText('shouted at night');
  await expect(report).not.toContainText('argue loudly');
  // the mother's has them all
  await page.getByLabel('Who is this summary for?').selectOption({ label: 'Jordan Demo (Mother)' });
  await expect(report).toContainText('When they shout I go under my covers.');
  await expect(report).toContainText('shouting at night');
  await expect(report).toContainText('shouted at night');
  errors.check();
});
