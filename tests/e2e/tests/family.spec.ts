import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createAssessment, expectSaved, exportVia, fillDate, watchErrors } from './helpers';

/** A symbol on the drawing, by the start of its name. */
function symbol(page: Page, name: string) {
  return page.locator('.canvas .g-person', { has: page.locator('text', { hasText: new RegExp(`^${name}`) }) }).first();
}

async function addPerson(page: Page, base: string, given: string, relationship: string, gender: string) {
  await page.goto(`${base}/people`);
  await page.getByRole('button', { name: 'Add a family member' }).click();
  await page.getByLabel('First name').fill(given);
  await page.getByLabel('Last name').fill('Oldham');
  await page.getByRole('group', { name: 'Sex or gender' }).getByLabel(gender, { exact: true }).check();
  await page.getByLabel('Relationship to the child or children').fill(relationship);
  await expectSaved(page);
}

async function exported(page: Page, base: string) {
  await page.goto(base);
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
  return JSON.parse(file.text).assessment;
}

/** Selects a person on the genogram and asks for a relative; picks `who` from the register. */
async function relative(page: Page, of: string, button: string, who: string) {
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await symbol(page, of).click();
  await page.getByTestId('person-panel').getByRole('button', { name: button, exact: true }).click();
  const picker = page.getByTestId('relative-picker');
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: new RegExp(`^${who}`) }).click();
  await expectSaved(page);
}

test('people first, then the genogram and the map from them: nobody entered twice, a duplicate merged, an expected baby', async ({ page }, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await createAssessment(page, { given: 'Noah', family: 'Oldham', referral: '2026-11-23', start: '2026-11-24' });
  const base = page.url();
  await addPerson(page, base, 'Maria', 'Mother', 'Female');
  await addPerson(page, base, 'Tom', 'Father', 'Male');
  await addPerson(page, base, 'Rita', 'Maternal grandmother', 'Female');

  // The genogram from the register: Noah placed, then his parents and grandmother picked.
  await page.goto(`${base}/genogram`);
  await page.getByLabel('Person from the people register').selectOption({ label: 'Noah Oldham' });
  await page.getByRole('button', { name: 'Add to the genogram' }).click();
  await expectSaved(page);
  await relative(page, 'Noah', 'Mother', 'Maria Oldham');
  await relative(page, 'Noah', 'Father', 'Tom Oldham');
  await relative(page, 'Maria', 'Mother', 'Rita Oldham');
  // "Someone new" is still there for a relative not in the register.
  await symbol(page, 'Tom').click();
  await page.getByTestId('person-panel').getByRole('button', { name: 'Mother', exact: true }).click();
  await page.getByTestId('relative-picker').getByTestId('pick-new').click();
  await page.getByTestId('person-panel').getByLabel('First name').fill('Joan');
  await expectSaved(page);
  await page.screenshot({ path: info.outputPath('genogram-from-register-1024.png') });
  let a = await exported(page, base);
  expect(a.people.map((p: any) => p.givenName).sort()).toEqual(['Joan', 'Maria', 'Noah', 'Rita', 'Tom']);
  expect(a.genogram.members).toHaveLength(5);
  const id = (n: string) => a.people.find((p: any) => p.givenName === n).id;
  const noahLine = a.genogram.parentage.find((l: any) => l.child === id('Noah'));
  const couple = a.genogram.partnerships.find((u: any) => u.id === noahLine.parents.partnership);
  expect([couple.a, couple.b].sort()).toEqual([id('Maria'), id('Tom')].sort());
  expect(a.genogram.parentage.find((l: any) => l.child === id('Maria')).parents).toEqual({ kind: 'parent', person: id('Rita') });

  // The map by typing names: Rita is suggested and placed, not entered again.
  await page.goto(`${base}/network`);
  await page.getByLabel('Name', { exact: true }).fill('Rit');
  await expect(page.getByTestId('register-suggestions')).toContainText('Rita Oldham');
  await page.getByLabel('Name', { exact: true }).fill('Rita Oldham');
  await page.keyboard.press('Enter');
  await expectSaved(page);
  a = await exported(page, base);
  expect(a.people).toHaveLength(5);
  expect(a.network.members.map((m: any) => m.who.person)).toEqual([id('Rita')]);

  // A deliberate duplicate: pointed out and merged, in one step that can be undone.
  await addPerson(page, base, 'Rita', 'Nan', 'Female');
  await page.goto(`${base}/people`);
  const dup = page.getByTestId('duplicates');
  await expect(dup).toContainText('Rita Oldham is in the register twice.');
  await expect(dup.getByRole('group', { name: 'Relationship' })).toBeVisible();
  await dup.getByRole('group', { name: 'Relationship' }).getByLabel('Nan').check();
  await dup.getByTestId('merge').click();
  await expectSaved(page);
  await expect(page.getByTestId('duplicates')).toHaveCount(0);
  await expect(page.getByTestId('register-undo')).toContainText('were made one record');
  a = await exported(page, base);
  expect(a.people).toHaveLength(5);
  expect(a.people.find((p: any) => p.id === id('Rita')).relationship).toBe('Nan');
  expect(a.people.find((p: any) => p.id === id('Rita')).notes).toContain('relationship “Maternal grandmother”');

  // An expected baby: in the children register, attached to the parents, asked about as unborn.
  await page.goto(`${base}/children`);
  await page.getByTestId('add-expected-baby').click();
  await expect(page.getByTestId('person-heading')).toHaveText('Unborn baby');
  await expect(page.getByTestId('born')).toBeVisible();
  // Outside a pre-birth assessment the baby is asked when they are due, never a date of birth.
  const babyPage = page.url();
  await page.goto(base);
  await expect(page.getByTestId('missing-links')).toContainText('Expected delivery date of Unborn baby');
  await expect(page.getByTestId('missing-links')).not.toContainText('Date of birth of Unborn baby');
  await page.goto(babyPage);
  await fillDate(page, 'Expected delivery date', '2027-03-14');
  await expectSaved(page);
  await page.goto(`${base}/children`);
  await expect(page.locator('.card', { hasText: 'Unborn baby' })).toContainText('14 March 2027');
  await page.goto(base);
  await expect(page.getByTestId('missing-links')).not.toContainText('Expected delivery date of Unborn baby');
  await page.goto(`${base}/genogram`);
  // The drawer is closed on a drawn genogram: "Show panel" opens it with the people not on it.
  await page.getByTestId('panel-toggle').click();
  await page.getByLabel('Person from the people register').selectOption({ label: 'Unborn baby' });
  await page.getByRole('button', { name: 'Add to the genogram' }).click();
  await expectSaved(page);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await symbol(page, 'Maria').click();
  await page.getByTestId('person-panel').getByRole('button', { name: 'Daughter', exact: true }).click();
  await page.getByTestId('relative-picker').getByRole('button', { name: /^Unborn baby/ }).click();
  await expectSaved(page);
  // An unborn baby is offered as nobody's mother or partner.
  await symbol(page, 'Tom').click();
  await page.getByTestId('person-panel').getByRole('button', { name: 'Partner', exact: true }).click();
  await expect(page.getByTestId('relative-picker')).toBeVisible();
  await expect(page.getByTestId('relative-picker')).not.toContainText('Unborn baby');
  await page.getByTestId('relative-picker').getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`${base}/s/child`);
  await expect(page.getByText('The plan for the birth and the first days after it').first()).toBeVisible();
  a = await exported(page, base);
  const baby = a.people.find((p: any) => p.givenName === 'Unborn baby');
  expect(baby.life).toBe('pregnancy');
  expect(a.genogram.parentage.find((l: any) => l.child === baby.id).parents.kind).toBe('partnership');

  // The birth is recorded; everything recorded stays, and the assessment opens after a reload.
  await page.goto(`${base}/person/${baby.id}`);
  await fillDate(page.getByTestId('born'), 'Date of birth', '2026-11-28');
  await page.getByRole('button', { name: 'Record the birth' }).click();
  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId('born')).toHaveCount(0);
  a = await exported(page, base);
  expect(a.people.find((p: any) => p.id === baby.id)).toMatchObject({ life: 'living', dateOfBirth: '2026-11-28' });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Noah Oldham, Unborn baby', exact: true })).toBeVisible();
  errors.check();
});

const GEDCOM = `0 HEAD
1 GEDC
2 VERS 5.5.1
0 @I1@ INDI
1 NAME Rita /Oldham/
1 SEX F
1 BIRT
2 DATE 12 JUN 1958
1 FAMS @F1@
0 @I2@ INDI
1 NAME Arthur /Oldham/
1 SEX M
1 DEAT
2 DATE 2021
1 FAMS @F1@
0 @I3@ INDI
1 NAME Maria /Oldham/
1 SEX F
1 FAMC @F1@
1 FAMS @F2@
0 @I4@ INDI
1 NAME Tom /Hart/
1 SEX M
1 FAMS @F2@
0 @I5@ INDI
1 NAME Noah /Oldham/
1 SEX M
1 BIRT
2 DATE 3 FEB 2018
1 FAMC @F2@
0 @F1@ FAM
1 HUSB @I2@
1 WIFE @I1@
1 CHIL @I3@
1 MARR
0 @F2@ FAM
1 HUSB @I4@
1 WIFE @I3@
1 CHIL @I5@
0 TRLR
`;

test('a GEDCOM file of three generations joins the register and becomes the genogram; the genogram saves as GEDCOM 7', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { given: 'Noah', family: 'Oldham', referral: '2026-11-23' });
  const base = page.url();
  await page.goto(`${base}/children`);
  await page.getByRole('link', { name: 'Change Noah Oldham' }).click();
  await fillDate(page, 'Date of birth', '2018-02-03');
  await expectSaved(page);
  await page.goto(`${base}/genogram`);
  const box = page.getByTestId('gedcom');
  await box.locator('summary').click();
  await box.getByLabel('GEDCOM file to import').setInputFiles({ name: 'oldham.ged', mimeType: 'text/plain', buffer: Buffer.from(GEDCOM) });
  await expect(box.getByTestId('gedcom-message')).toContainText('5 people, 4 of them new to the register');
  await expectSaved(page);
  // The same file again: Arthur, Maria and Tom match on their names alone, so the page asks
  // first; cancelling changes nothing, and the worker says the file's Tom is someone else.
  const again = { name: 'oldham-again.ged', mimeType: 'text/plain', buffer: Buffer.from(GEDCOM) };
  await box.getByLabel('GEDCOM file to import').setInputFiles(again);
  const questions = box.getByTestId('gedcom-questions');
  await expect(questions).toContainText('check 3 matches made on the name alone');
  await questions.getByRole('button', { name: 'Cancel' }).click();
  await expect(questions).toBeHidden();
  await box.getByLabel('GEDCOM file to import').setInputFiles({ ...again, name: 'oldham-third.ged' });
  await questions.getByRole('group', { name: /Tom Hart/ }).getByLabel('No, someone else').check();
  await questions.getByRole('button', { name: 'Import the family tree' }).click();
  await expect(box.getByTestId('gedcom-message')).toContainText('5 people, 1 of them new to the register');
  await expectSaved(page);
  const a = await exported(page, base);
  expect(a.people).toHaveLength(6);
  expect(a.people.filter((p: any) => p.givenName === 'Tom')).toHaveLength(2);
  const noah = a.people.find((p: any) => p.givenName === 'Noah');
  expect(noah.role).toBe('subjectChild');
  expect(a.genogram.members).toHaveLength(5);
  expect(a.people.find((p: any) => p.givenName === 'Arthur').life).toBe('deceased');
  await page.goto(`${base}/genogram`);
  await page.getByTestId('gedcom').locator('summary').click();
  const file = await exportVia(page, () => page.getByRole('button', { name: 'Save the genogram as GEDCOM' }).click());
  expect(file.name).toMatch(/\.ged$/);
  expect(file.text.startsWith('0 HEAD\n1 GEDC\n2 VERS 7.0\n')).toBe(true);
  expect(file.text).toContain('1 NAME Rita /Oldham/');
  expect(file.text).toContain('1 NAME Noah /Oldham/\n1 SEX U\n1 BIRT\n2 DATE 3 FEB 2018');
  errors.check();
});

test('the tables beside the drawings change the same records, with the same undo', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open a demonstration case' }).click();
  await expect(page).toHaveURL(/\/scales$/);
  const base = page.url().replace(/\/scales$/, '');
  // The genogram's table: Skye's parents set to Jordan alone, then undone.
  await page.goto(`${base}/genogram`);
  const table = page.getByTestId('genogram-table');
  await table.locator('summary').click();
  await expect(table.getByTestId('table-row')).toHaveCount(5);
  const parents = table.getByLabel('Parents of Skye Demo');
  const before = await parents.inputValue();
  await parents.selectOption({ label: 'Jordan Demo alone' });
  await expectSaved(page);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', "Undo: change child's line");
  await page.getByTestId('undo').click();
  await expect(parents).toHaveValue(before);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  expect(await serious()).toEqual([]);
  await table.getByLabel('First name of Morgan Demo').fill('Morgana');
  await expect(symbol(page, 'Morgana')).toBeVisible();
  await expectSaved(page);
  // The map's table: the school moved to the closest circle, in the safety network.
  await page.goto(`${base}/network`);
  const map = page.getByTestId('network-table');
  await map.locator('summary').click();
  await map.getByLabel('How close Fictional Primary School is').selectOption({ label: 'Very close' });
  await map.getByLabel('Fictional Primary School is in the safety network').check();
  await expectSaved(page);
  expect(await serious()).toEqual([]);
  const a = await exported(page, base);
  const school = a.network.members.find((m: any) => m.who.kind === 'organisation' && m.who.name === 'Fictional Primary School');
  expect(school.circle).toBe(0);
  expect(school.safetyNetwork).toBe(true);
  errors.check();
});
