import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createAssessment, expectSaved, watchErrors, expectDate, fillDate } from './helpers';

test('create an assessment, type details, reload and find every word', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, {
    kind: 'Section 47 (child protection enquiry)',
    referral: '2026-11-09',
    start: '2026-11-10',
    given: 'Mia',
    family: 'Sample',
  });
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample');
  await expect(page.getByTestId('facts')).toContainText('9 November 2026');
  await expect(page.getByTestId('task-details')).toContainText('In progress');

  await page.getByRole('link', { name: 'About the assessment' }).click();
  await page.getByLabel('Lead social worker').fill('Sam Fictional');
  await page.getByLabel('Team manager or practice supervisor').fill('Pat Example');
  await page.getByLabel("Yes, I've completed this section").check();
  await expectSaved(page);

  // a second child, and a father who lives apart
  await page.goto(page.url().replace(/\/details$/, '/children'));
  await page.getByRole('button', { name: 'Add another child' }).click();
  await page.getByLabel('First name').fill('Leo');
  await page.getByLabel('Last name').fill('Sample');
  await fillDate(page, 'Date of birth', '2021-09-30');
  await expect(page.getByTestId('person-heading')).toHaveText('Leo Sample');
  await expectSaved(page);
  await page.getByTestId('person-done').click();
  await expect(page.getByTestId('people-subjectChild')).toContainText('Leo Sample');
  await expect(page.getByTestId('people-subjectChild')).toContainText('30 September 2021');

  await page.goto(page.url().replace(/\/children$/, '/people'));
  await page.getByRole('button', { name: 'Add a family member' }).click();
  await page.getByLabel('First name').fill('Chris');
  await page.getByLabel('Relationship to the child or children').fill('Father (lives apart)');
  await page.getByLabel("Lives in the child's household").uncheck();
  await expectSaved(page);

  await page.reload();
  await expect(page.getByLabel('First name')).toHaveValue('Chris');
  await expect(page.getByLabel('Relationship to the child or children')).toHaveValue('Father (lives apart)');
  await page.getByTestId('person-done').click();
  await expect(page.getByTestId('people-familyMember')).toContainText('Lives in the child\'s household');
  await expect(page.getByTestId('people-familyMember')).toContainText('No');

  await page.goto(page.url().replace(/\/people$/, ''));
  await page.reload();
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  await expect(page.getByTestId('facts')).toContainText('Sam Fictional');
  await expect(page.getByTestId('task-details')).toContainText('Completed');
  await expect(page.getByTestId('task-children')).toContainText('Date of birth of Mia Sample');
  await expect(page.getByTestId('progress')).toHaveText('You have completed 1 of 16 sections.');

  // the list shows it, and it survives a fresh load of the list
  await page.goto('/');
  await expect(page.getByTestId('assessment-list')).toContainText('Mia Sample, Leo Sample');
  await expect(page.getByTestId('assessment-list')).toContainText('Section 47 (child protection enquiry)');
  errors.check();
});

test('a pre-birth assessment asks for the expected delivery date', async ({ page }) => {
  await createAssessment(page, { kind: 'Pre-birth', referral: '2026-11-02' });
  await expect(page.getByTestId('assessment-title')).toHaveText('Unborn baby');
  await expect(page.getByTestId('task-details')).toContainText('Expected delivery date');
  await page.getByRole('link', { name: 'About the assessment' }).click();
  await fillDate(page, 'Expected delivery date', '2027-03-01');
  await expectSaved(page);
  await page.reload();
  await expectDate(page, 'Expected delivery date', '2027-03-01');
});

test('a date is typed as day, month and year; an incomplete or unreal one is explained and changes nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await createAssessment(page, { referral: '2026-11-09' });
  await page.getByRole('link', { name: 'About the assessment' }).click();
  const group = page.getByRole('group', { name: 'Referral date', exact: true });
  await expectDate(page, 'Referral date', '2026-11-09');

  // Clearing the year keeps the stored date; leaving the group says what is missing.
  await group.getByLabel('Year').fill('');
  await page.getByLabel('Lead social worker').focus();
  await expect(group.getByText('Referral date must include a year')).toBeVisible();
  await expect(group).toHaveAttribute('aria-describedby', /error/);
  await group.getByLabel('Day').fill('30');
  await group.getByLabel('Month').fill('2');
  await group.getByLabel('Year').fill('2026');
  await page.getByLabel('Lead social worker').focus();
  await expect(group.getByText('Referral date must be a real date')).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await expectSaved(page);
  await page.reload();
  await expectDate(page, 'Referral date', '2026-11-09');

  // A month may be written as a word.
  await group.getByLabel('Month').fill('March');
  await page.getByLabel('Lead social worker').focus();
  await expect(group.locator('.error-message')).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expectDate(page, 'Referral date', '2026-03-09');

  // Moving between the three boxes says nothing; a real date is saved and the message goes.
  await group.getByLabel('Day').fill('12');
  await group.getByLabel('Day').press('Tab');
  await expect(group.locator('.error-message')).toHaveCount(0);
  await group.getByLabel('Month').fill('11');
  await expectSaved(page);
  await page.reload();
  await expectDate(page, 'Referral date', '2026-11-12');
  errors.check();
});

test('the new-assessment form says what is missing', async ({ page }) => {
  await page.goto('/new');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('Select the procedure this assessment follows');
  await expect(summary).toContainText('Select the type of assessment');
  await expect(summary).toBeFocused();
  await page.goto('/');
  await expect(page.getByTestId('empty-list')).toBeVisible();
});

test('delete asks first, goes to the bin, and can be undone or restored', async ({ page }) => {
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  await page.getByRole('button', { name: 'Delete assessment' }).click();
  await expect(page.getByRole('heading', { name: /Are you sure you want to delete the assessment of Ava Example/ })).toBeVisible();
  await page.getByRole('button', { name: 'Yes, move it to the bin' }).click();
  await expect(page.getByText('The assessment was moved to the bin.')).toBeVisible();
  await expect(page.getByTestId('empty-list')).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('assessment-title')).toHaveText('Ava Example');

  await page.getByRole('button', { name: 'Delete assessment' }).click();
  await page.getByRole('button', { name: 'Yes, move it to the bin' }).click();
  await page.getByRole('link', { name: 'Bin', exact: true }).click();
  await expect(page.getByTestId('bin-list')).toContainText('Ava Example');
  await page.reload();
  await page.getByRole('button', { name: 'Restore Ava Example' }).click();
  await expect(page.getByTestId('bin-empty')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('assessment-list')).toContainText('Ava Example');

  // permanent deletion needs a second, explicit yes
  await page.getByRole('link', { name: 'Delete Ava Example' }).click();
  await page.getByRole('button', { name: 'Yes, move it to the bin' }).click();
  await expect(page.getByText('The assessment was moved to the bin.')).toBeVisible();
  await page.goto('/bin');
  await page.getByRole('button', { name: 'Delete Ava Example for good' }).click();
  await page.getByRole('button', { name: 'Yes, delete for good' }).click();
  await expect(page.getByTestId('bin-empty')).toBeVisible();
});

test('a full disk refuses the save with the reason, and nothing is half-stored', async ({ page, context }) => {
  // Chromium reads the quota when a database is first created, so squeeze it before the app starts.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.goto('/new');
  await page.getByLabel('Assessments (2024 chapter)').check();
  await page.getByLabel('Section 17 (child in need)').check();
  await page.getByLabel('First name').fill('Noor '.repeat(40000));
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByTestId('error-summary')).toContainText(
    'The assessment could not be created: the browser cancelled the write, most often because this device is out of storage space',
  );
  // what was typed is still on screen, and nothing was stored
  await expect(page.getByLabel('First name')).toHaveValue(/^Noor Noor/);
  await page.goto('/');
  await expect(page.getByTestId('empty-list')).toBeVisible();
});

test('an unknown address and an unknown assessment say page not found', async ({ page }) => {
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/assessments/a-0123456789abcdef');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
