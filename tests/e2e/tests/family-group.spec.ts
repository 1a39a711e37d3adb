import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectDate, expectSaved, exportVia, fillDate, fixture, importText, ROOT, validateWithSchema, watchErrors } from './helpers';

// Family group decision-making (#27, Children Act 1989 section 31ZA), as a facilitator meets
// it at 1024x768: parental responsibility, the offer in the letter before proceedings to two
// parents (one accepts), five people invited from the network map, who came, the child's
// views, the family's plan and the council's response, two of its points made safety plan
// rules, the plan printed; the overview says the meeting is missing until it is recorded.

/** The v10 fixture's family with the wider family and friends on the network map. */
function family(): string {
  const doc = JSON.parse(fixture('assessment-v10.json'));
  const a = doc.assessment;
  const template = a.people.find((p: { givenName: string }) => p.givenName === 'Dana');
  const extra = [
    ['p-0f000001', 'Ada', 'Sample', 'Maternal grandmother', 'family', true, 'notAsked'],
    ['p-0f000002', 'Jo', 'Sample', 'Aunt', 'family', true, 'yes'],
    ['p-0f000003', 'Sam', 'Testcase', 'Paternal uncle', 'family', false, 'yes'],
    ['p-0f000004', 'Pat', 'Neighbourly', 'Neighbour', 'friends', false, 'yes'],
    ['p-0f000005', 'Kim', 'Friendly', 'Family friend', 'friends', false, 'notAsked'],
  ];
  const mapEntry = a.network.members[0];
  extra.forEach(([id, given, familyName, rel, category, safety, attend], i) => {
    a.people.push({ ...template, id, givenName: given, familyName, relationship: rel, address: '', phone: '',
      role: category === 'friends' ? 'otherSignificant' : 'familyMember', livesInHousehold: false });
    a.network.members.push({ ...mapEntry, id: `i-0f00000${i + 1}`, who: { kind: 'person', person: id },
      category, angle: 60 + i * 50, safetyNetwork: safety, attendConference: attend, agreed: '' });
  });
  return JSON.stringify(doc);
}

async function openPerson(page: Page, base: string, name: string) {
  await page.goto(`${base}/people`);
  await page.getByRole('link', { name: `Change ${name}`, exact: true }).click();
  await expect(page.getByTestId('person-heading')).toHaveText(name);
}

test('a facilitator records the offer, the meeting and the family plan, and the overview says what is missing until then', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await importText(page, family());
  await page.waitForURL(/\/assessments\/a-[0-9a-f]+$/);
  const base = page.url();

  // parental responsibility on both parents' pages
  for (const name of ['Dana Sample', 'Chris Testcase']) {
    await openPerson(page, base, name);
    await page.getByRole('group', { name: 'Do they have parental responsibility for the child or children?' }).getByLabel('Has parental responsibility').check();
    await page.getByLabel('About their parental responsibility (optional)').fill('Named on the birth certificates');
    await expectSaved(page);
  }

  // the letter before proceedings, offering the meeting to both
  await page.goto(`${base}/family-group`);
  await expect(page.getByRole('heading', { level: 1, name: 'Family group decision-making' })).toBeVisible();
  await fillDate(page, 'Date of the letter before proceedings', '2026-12-01');
  await expect(page.getByTestId('duty-gaps')).toContainText('Offer Dana Sample a family group decision-making meeting');
  await expect(page.getByTestId('duty-gaps')).toContainText('Offer Chris Testcase');
  for (const name of ['Dana Sample', 'Chris Testcase']) {
    const card = page.getByRole('region', { name: `The offer to ${name}` });
    await card.getByLabel('In the letter before proceedings').check();
    await card.getByRole('button', { name: 'Record the offer' }).click();
    await expect(card.getByTestId('offer-made')).toContainText('Offered on 1 December 2026, in the letter before proceedings.');
  }
  const dana = page.getByRole('region', { name: 'The offer to Dana Sample' });
  await dana.getByLabel('Accepted').check();
  await fillDate(dana, 'Date of their answer', '2026-12-02');
  // typed key by key, as a person types: the field keeps the focus and every letter
  await dana.getByLabel('Their words, if they gave any').pressSequentially('Yes. I want my mum and my sister there.');
  await expect(dana.getByLabel('Their words, if they gave any')).toHaveValue('Yes. I want my mum and my sister there.');
  const chris = page.getByRole('region', { name: 'The offer to Chris Testcase' });
  await chris.getByLabel('Declined').check();
  await fillDate(chris, 'Date of their answer', '2026-12-03');
  await expectSaved(page);

  // the overview flags the missing meeting, naming who accepted
  await page.goto(base);
  await expect(page.getByTestId('duty-gaps')).toContainText('Dana Sample accepted the offer of a family group decision-making meeting');

  // the meeting: five invited from the network map, four came, and Mia
  await page.goto(`${base}/family-group`);
  await page.getByRole('button', { name: 'Add a meeting' }).click();
  await expect(page.getByTestId('meeting-heading')).toHaveText('Meeting, date not set');
  await fillDate(page, 'Date of the referral to the family group conference service', '2026-12-03');
  await page.getByLabel('The coordinator').fill('Jo Coordinator (independent service, fictional)');
  await fillDate(page, 'Date of the meeting', '2026-12-05');
  await page.getByLabel('Where it was held').fill('The community centre');
  const invited = page.getByRole('group', { name: 'Who was invited' });
  // the safety network is offered first
  await expect(invited.locator('.checkboxes__label').first()).toHaveText('Dana Sample');
  const five = ['Dana Sample', 'Ada Sample', 'Jo Sample', 'Sam Testcase', 'Pat Neighbourly'];
  for (const name of five) await invited.getByLabel(name, { exact: true }).check();
  const came = page.getByRole('group', { name: 'Who came' });
  for (const name of five.slice(0, 4)) await came.getByLabel(name, { exact: true }).check();
  await page.getByRole('group', { name: 'Which children came' }).getByLabel('Mia Sample').check();
  await page.getByLabel("The child's views", { exact: true }).fill('Mia wants to stay at home with Mum and see Dad at Grandma Ada\'s.');
  await page.getByLabel('Information given by professionals').fill('The worries, and what the court could decide.');
  await page.getByLabel('The family had private time without professionals').check();

  // the family's plan, two points made rules of the safety plan
  const points = [
    ['Grandma Ada is there whenever Chris visits', 'Ada Sample', 'Every visit'],
    ['Jo takes the children to school on Mondays', 'Jo Sample', 'Mondays'],
  ];
  for (const [i, [words, who, when]] of points.entries()) {
    await page.getByRole('button', { name: 'Add a point to the plan' }).click();
    const card = page.getByTestId('plan-point').nth(i);
    await card.getByLabel('What will be done').pressSequentially(words);
    await expect(card.getByLabel('What will be done')).toHaveValue(words);
    await card.getByRole('group', { name: 'Who will do it' }).getByLabel(who, { exact: true }).check();
    await card.getByLabel('When').fill(when);
    await expectSaved(page);
    await card.getByRole('button', { name: 'Make this a rule of the safety plan' }).click();
    await expect(card.getByTestId('point-is-rule')).toBeVisible();
  }
  await page.getByLabel('Where the child will live').fill('Mia and Leo stay at home with Dana.');
  await page.getByLabel('Contact', { exact: true }).fill('Chris sees the children at Ada\'s on Saturdays.');
  await page.getByLabel('What happens if the plan does not work').fill('Ada calls the social worker.');
  await page.getByRole('group', { name: "The council's response to the family's plan" }).getByLabel('Agreed with changes').check();
  await page.getByLabel('Reasons').fill('Agreed, with Ada also there on Friday evenings.');
  await fillDate(page, 'Date the plan was agreed', '2026-12-05');
  // what is typed elsewhere afterwards leaves the agreed date as entered
  await fillDate(page, 'Date of the review meeting', '2026-12-19');
  await page.getByLabel('Reasons').pressSequentially(' Reviewed weekly.');
  await expectDate(page, 'Date the plan was agreed', '2026-12-05');
  await page.getByRole('button', { name: 'Keep the plan as agreed' }).click();
  await expect(page.getByTestId('plan-version')).toContainText('Version 1, agreed 5 December 2026 (agreed with changes)');
  await expect(page.getByTestId('plan-version')).toContainText('Grandma Ada is there whenever Chris visits (Ada Sample; Every visit)');
  await expectSaved(page);

  // the rules are in the safety plan with the people named
  await page.goto(`${base}/safety-plan`);
  await expect(page.locator('main')).toContainText('Grandma Ada is there whenever Chris visits (Every visit)');
  await expect(page.locator('main')).toContainText('Jo takes the children to school on Mondays (Mondays)');

  // the family's plan on its own, in large type
  await page.goto(`${base}/family-group`);
  await page.getByTestId('meetings').getByRole('link', { name: 'Meeting, 5 December 2026' }).click();
  await page.getByRole('button', { name: "Print the family's plan" }).click();
  const printed = page.getByTestId('family-plan-print');
  await expect(printed).toContainText('Our family\'s plan for Mia Sample');
  await expect(printed).toContainText('Jo takes the children to school on Mondays (Jo Sample; Mondays)');
  await expect(printed).toContainText('We will meet again to look at this plan on 19 December 2026.');
  const size = await printed.locator('li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await page.screenshot({ path: test.info().outputPath('family-plan.png') });

  // nothing missing now; and after a reload everything is there
  await page.goto(base);
  await expect(page.getByTestId('duty-gaps')).toHaveCount(0);
  await page.reload();
  await page.goto(`${base}/family-group`);
  await expect(page.getByRole('region', { name: 'The offer to Dana Sample' }).getByLabel('Accepted')).toBeChecked();
  await expect(page.getByTestId('meetings')).toContainText('5 came');

  // the export passes the published schema with ajv and Python's jsonschema
  await page.goto(base);
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  const doc = JSON.parse(file.text);
  expect(doc.schemaVersion).toBe(11);
  const g = doc.assessment.familyGroup;
  expect(g.offers.map((o: { answer: string }) => o.answer).sort()).toEqual(['accepted', 'declined']);
  expect(g.meetings[0].invited).toHaveLength(5);
  expect(g.meetings[0].came).toHaveLength(4);
  expect(validateWithSchema(doc)).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), 'aw-fg-'));
  writeFileSync(join(dir, 'export.json'), file.text);
  const py = spawnSync('python3', [join(ROOT, 'scripts', 'validate_assessment.py'), join(dir, 'export.json')], { encoding: 'utf8' });
  expect(py.stdout + py.stderr).toContain('ok (schema version 11)');
  expect(py.status).toBe(0);
  errors.check();
});
