import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expectSaved, exportVia, fillDate, fixture, importText, shotPath, validateWithSchema, watchErrors } from './helpers';

async function noSeriousFindings(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** Writes a danger statement and its goal on the pair page that is open. */
async function writePair(page: Page, words: { who: string; worry: string; might: string; goal: string; howLong: string; family?: string }) {
  await page.getByLabel('Who is worried').fill(words.who);
  await page.getByLabel('About what').fill(words.worry);
  await page.getByLabel('What might happen to the children if nothing changes').fill(words.might);
  await page.getByLabel('What the caregivers will be doing instead').fill(words.goal);
  await page.getByLabel('For how long, before the case can close').fill(words.howLong);
  if (words.family) await page.getByLabel("The family's own words for the goal").fill(words.family);
  await expectSaved(page);
}

/** Adds the four raters to the open scale page and puts each at a value by keyboard. */
async function rateByKeyboard(page: Page, values: Record<string, number>) {
  for (const [label, value] of Object.entries(values)) {
    const slider = page.getByRole('slider', { name: label });
    if ((await slider.count()) === 0) {
      await page.getByTestId('add-rater').getByLabel('Who').selectOption({ label });
      await page.getByTestId('add-rater').getByRole('button', { name: 'Add to the scale' }).click();
      await page.getByTestId('rater-card').filter({ hasText: label }).getByRole('button', { name: 'Put on the scale at 5' }).click();
    }
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < value; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuenow', String(value));
  }
  await expectSaved(page);
}

async function recordMeeting(page: Page, base: string, iso: string, label: string) {
  await page.goto(`${base}/planning`);
  await fillDate(page.getByTestId('record-meeting'), 'Date of the meeting', iso);
  await page.getByLabel('Which meeting').fill(label);
  await page.getByRole('button', { name: 'Record this meeting' }).click();
  await expect(page.getByTestId('record-meeting')).toContainText('Recorded: everyone');
  await expectSaved(page);
}

const raters = ['Sam Fictional (Social worker)', 'Dana Sample (Mother)', 'Chris Testcase (Father (lives apart))', 'Alex Placeholder (Class teacher, Fictional Primary School)'];

test('danger statements and goals rated over two meetings, the trajectory, and a safety plan agreed, changed and agreed again', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await importText(page, fixture('assessment-v4.json'));
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  const base = page.url();

  // the mapping questions point to the records
  await page.goto(`${base}/s/signs-of-safety/worried`);
  await expect(page.getByTestId('tool-links')).toContainText('Danger statements and safety goals – None written yet');
  await page.getByTestId('tool-links').getByRole('link', { name: 'Danger statements and safety goals' }).click();

  // the first pair, with a jargon word that is flagged and then put in plain words
  await page.getByRole('button', { name: 'Add a danger statement and safety goal' }).click();
  await expect(page.getByTestId('pair-title')).toHaveText('Danger statement 1 and its safety goal');
  await page.getByLabel('Who is worried').fill("Children's services are worried");
  await page.getByLabel('About what').fill('about DV between Dana and Chris');
  await expect(page.getByTestId('danger-help')).toContainText('"DV" is a word families may not use');
  await expect(page.getByTestId('danger-help')).toContainText('Say what might happen to the child if nothing changes.');
  await writePair(page, {
    who: "Children's services are worried",
    worry: 'that when Chris visits, Dana and Chris may push and shout at each other again,',
    might: 'and Mia and Leo could be hurt, or go on being frightened at home.',
    goal: 'Dana and Chris meet only when another adult is there, and stop when an argument starts.',
    howLong: 'Six months',
    family: 'We will keep it calm for the kids.',
  });
  await expect(page.getByTestId('danger-help')).not.toContainText('DV');
  await expect(page.getByTestId('goal-help')).toBeEmpty();
  // the scale carries the statement's words at its ends
  await expect(page.getByTestId('scale-widget')).toContainText('Dana and Chris meet only when another adult is there');
  await page.screenshot({ path: shotPath(test.info(), 'pair-1024x768.png'), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: shotPath(test.info(), 'pair-768x1024.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await noSeriousFindings(page);
  const firstPair = page.url();

  // the second pair: a goal without "for how long" says so
  await page.goto(`${base}/planning`);
  await page.getByRole('button', { name: 'Add a danger statement and safety goal' }).click();
  await expect(page.getByTestId('pair-title')).toHaveText('Danger statement 2 and its safety goal');
  await page.getByLabel('What the caregivers will be doing instead').fill('Chris does not drink before he looks after Leo.');
  await expect(page.getByTestId('goal-help')).toContainText('Say for how long this must be kept up before the case can close.');
  await writePair(page, {
    who: "Children's services are worried",
    worry: 'that Chris drinks before looking after Leo on his own at weekends,',
    might: 'and Leo could be hurt with nobody sober to help.',
    goal: 'Chris does not drink before he looks after Leo.',
    howLong: 'Three months of weekends',
  });
  await expect(page.getByTestId('goal-help')).toBeEmpty();
  const secondPair = page.url();

  // four people rate both pairs, by keyboard, at two meetings
  const rate = async (pairUrl: string, values: number[]) => {
    await page.goto(pairUrl);
    await page.getByRole('button', { name: 'Rate on the scale: who and why' }).click();
    await expect(page.getByTestId('scale-title')).toHaveText(/^Danger statement \d and its safety goal$/);
    await rateByKeyboard(page, Object.fromEntries(raters.map((r, i) => [r, values[i]])));
  };
  await rate(firstPair, [3, 6, 7, 4]);
  await rate(secondPair, [2, 5, 8, 4]);
  await recordMeeting(page, base, '2026-11-20', 'Network meeting');
  await rate(firstPair, [5, 6, 8, 4]);
  await page.getByTestId('rater-card').filter({ hasText: 'Sam Fictional' }).getByLabel('Their reason, in their own words').fill('Two calm weekends with Rose there.');
  await expectSaved(page);
  await rate(secondPair, [3, 5, 8, 5]);
  await recordMeeting(page, base, '2026-11-27', 'Review');

  // the trajectory and the words of what changed
  await expect(page.getByTestId('trajectory-chart')).toHaveCount(2);
  await expect(page.getByTestId('trajectory-chart').first().locator('polyline')).toHaveCount(4);
  const changed = page.getByTestId('trajectory').first().getByTestId('what-changed');
  await expect(changed).toContainText('Sam Fictional (Social worker) moved up 2 points, from 3 to 5: "Two calm weekends with Rose there."');
  await expect(changed).toContainText('Chris Testcase (Father (lives apart)) moved up 1 point, from 7 to 8');
  await expect(changed).toContainText('Dana Sample (Mother) stayed at 6');
  await page.getByTestId('trajectory').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath(test.info(), 'trajectory-1024x768.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.getByTestId('trajectory').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath(test.info(), 'trajectory-768x1024.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await noSeriousFindings(page);

  // the safety plan: three rules with people from the network
  await page.getByRole('link', { name: 'Go to the safety plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Safety plan');
  await expect(page.getByTestId('plan-status')).toContainText('Draft');
  const rules: Array<[string, string[], number]> = [
    ['Dana and Chris only meet when Rose or another adult is there.', ['Dana Sample', 'Chris Testcase'], 1],
    ['When voices get louder, one adult goes outside.', ['Dana Sample'], 1],
    ['Chris does not drink on the days he has Leo.', ['Chris Testcase', 'Alex Placeholder'], 2],
  ];
  for (const [i, [words, who, answers]] of rules.entries()) {
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const card = page.getByTestId('rule').nth(i);
    await card.getByLabel('The rule').fill(words);
    await expect(page.getByTestId('rules-with-nobody')).toContainText('1 rule with nobody named');
    for (const name of who) await card.getByRole('checkbox', { name }).check();
    await card.getByRole('checkbox', { name: new RegExp(`^Danger statement ${answers}:`) }).check();
    await card.getByLabel('Warning signs').fill('Raised voices');
    await card.getByLabel('What happens then').fill('The other adult takes the children to the park.');
    await expect(page.getByTestId('rules-with-nobody')).toHaveCount(0);
  }
  // the network's safety people are offered first
  await expect(page.getByTestId('rule').first().getByRole('group', { name: 'Who makes sure it is kept' }).locator('.checkboxes__hint').first()).toContainText('on the safety network');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByTestId('contact').getByLabel('Name').fill('Rose (fictional)');
  await page.getByTestId('contact').getByLabel('Phone number').fill('07700 900456');
  await page.getByLabel('This is an immediate safety plan (reviewed within 7 days)').check();
  await expectSaved(page);

  // agree it with the family
  await fillDate(page.getByTestId('agree-plan'), 'Date agreed', '2026-11-27');
  await page.getByRole('button', { name: 'Agree this version of the plan' }).click();
  await expect(page.getByTestId('plan-status')).toContainText('Agreed with the family');
  await expect(page.getByTestId('plan-status')).toContainText('Version 1 was agreed on 27 November 2026');
  await expect(page.getByTestId('plan-changes')).toHaveText('None: the plan is as it was agreed.');

  // change it: a draft again, with the difference said; then agreed at the conference
  await page.getByTestId('rule').nth(2).getByLabel('The rule').fill('Chris does not drink on the days before and during his time with Leo.');
  await expect(page.getByTestId('plan-status')).toContainText('Draft');
  await expect(page.getByTestId('plan-changes')).toContainText('The rule changed from "Chris does not drink on the days he has Leo." to "Chris does not drink on the days before and during his time with Leo."');
  await expectSaved(page);
  await fillDate(page.getByTestId('agree-plan'), 'Date agreed', '2026-11-30');
  await page.getByLabel('Agreed at the family group conference').check();
  await page.getByRole('button', { name: 'Agree this version of the plan' }).click();
  await expect(page.getByTestId('plan-status')).toContainText('Agreed at the family group conference');
  await expect(page.getByTestId('plan-version')).toHaveCount(2);
  await page.getByTestId('plan-version').first().locator('summary').click();
  await expect(page.getByTestId('version-differences')).toContainText('The rule changed from "Chris does not drink on the days he has Leo."');
  await expectSaved(page);
  await page.screenshot({ path: shotPath(test.info(), 'plan-1024x768.png'), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: shotPath(test.info(), 'plan-768x1024.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await noSeriousFindings(page);

  // everything is there after a reload
  await page.reload();
  await expect(page.getByTestId('plan-status')).toContainText('Agreed at the family group conference');
  await expect(page.getByTestId('rule')).toHaveCount(3);
  await expect(page.getByTestId('rule').nth(2).getByLabel('The rule')).toHaveValue('Chris does not drink on the days before and during his time with Leo.');

  // presentation mode, in large type, keyboard only back out
  await page.getByRole('button', { name: 'Present the plan full screen' }).click();
  await expect(page.getByTestId('plan-present')).toContainText('Dana and Chris only meet when Rose or another adult is there.');
  await expect(page.getByTestId('plan-present')).toContainText('Who makes sure: Dana Sample, Chris Testcase');
  await page.getByRole('link', { name: 'Exit presentation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Safety plan');

  // the people named in the plan show on the network map's safety view (Chris is not on the safety network)
  await page.goto(`${base}/network`);
  await page.getByRole('tab', { name: 'Safety network' }).click();
  await expect(page.getByTestId('safety-network')).toContainText('Chris Testcase');

  // the family summary, printed, has the plan as agreed
  await page.goto(base);
  await page.getByRole('link', { name: 'Print or save the summary for the family' }).click();
  await expect(page.getByTestId('report')).toContainText('The safety plan we agreed');
  await page.emulateMedia({ media: 'print' });
  const pdfPath = test.info().outputPath('family-summary.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain('The safety plan we agreed');
  expect(text).toContain('Chris does not drink on the days before and during his time with Leo.');
  expect(text).toContain('We will keep it calm for the kids.');
  expect(text).toContain('What we want to see instead');
  await page.emulateMedia({ media: 'screen' });

  // the export validates against the published schema and carries it all
  await page.goto(base);
  const exported = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(exported.text);
  expect(validateWithSchema(doc)).toEqual([]);
  expect(doc.schemaVersion).toBe(11);
  expect(doc.assessment.planning.pairs).toHaveLength(2);
  expect(doc.assessment.planning.plan.versions.map((v: any) => v.status)).toEqual(['agreedWithFamily', 'agreedAtConference']);
  expect(doc.assessment.planning.plan.reviewDate).toBe('2026-12-04');
  const pairScales = doc.assessment.scales.filter((s: any) => s.kind.kind === 'pair');
  expect(pairScales).toHaveLength(2);
  expect(pairScales.every((s: any) => s.history.length === 2 && s.markers.length === 4)).toBe(true);
  errors.check();
});
