import { test, expect, type Page } from '@playwright/test';
import { completeSection, createAssessment, expectSaved, fillDate, fixture, importText, markCompleted, watchErrors } from './helpers';

/** Every section link on the overview's task list that belongs to the profile. */
async function profileSections(page: Page): Promise<string[]> {
  return page.locator('.task-list__link').evaluateAll((links) =>
    links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!).filter((h) => h.includes('/s/')).map((h) => h.split('/s/')[1]),
  );
}


test('a pre-birth assessment walked to the outcome: reviews planned ahead, the unborn baby asked about as such, gaps said at once', async ({ page }, info) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));
  const errors = watchErrors(page);
  await page.goto('/new');
  await page.getByLabel('Child and Family Assessment with Signs of Safety (2020 chapter)').check();
  await page.getByLabel('Pre-birth').check();
  await fillDate(page, 'Expected delivery date', '2027-03-01');
  await fillDate(page, 'Referral date', '2026-11-30');
  await fillDate(page, 'Date the assessment started', '2026-12-01');
  await expect(page.getByRole('group', { name: 'Date of birth' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/a-[0-9a-f]{16}$/);
  await expectSaved(page);
  const base = page.url();

  // Ready to authorise comes first, each gap a link to its question.
  const notReady = page.getByTestId('not-ready');
  await expect(notReady).toBeVisible();
  const box = (await notReady.boundingBox())!;
  const facts = (await page.getByTestId('facts').boundingBox())!;
  expect(box.y).toBeLessThan(facts.y);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: info.outputPath('overview-not-ready-1024.png'), fullPage: false });

  // Every review is in the diary from day one, with the pre-birth completion date.
  const timescales = page.getByTestId('timescales');
  await expect(timescales.locator('tr', { hasText: 'First review' })).toContainText('15 December 2026');
  await expect(timescales.locator('tr', { hasText: 'Second review' })).toContainText('8 January 2027');
  await expect(timescales.locator('tr', { hasText: 'Review 3' })).toBeVisible();
  await expect(timescales.locator('tr', { hasText: 'Pre-birth assessment completed' })).toContainText('1 February 2027');

  // The task list has the pre-birth steps; the baby's pages ask about the birth, not a visit.
  await expect(page.getByTestId('task-pre-birth')).toBeVisible();
  await page.goto(`${base}/s/child`);
  await expect(page.getByText('Has the child been seen?')).toHaveCount(0);
  await expect(page.getByText("The child's wishes and feelings")).toHaveCount(0);
  await expect(page.getByText('The plan for the birth and the first days after it')).toBeVisible();

  // A "done" date after today is refused with its reason, and nothing is stored.
  await page.goto(`${base}/s/pre-birth/start`);
  await fillDate(page, 'Date the risk assessment of the parents began', '2026-12-05');
  await expect(page.locator('.error-message', { hasText: 'must be today or in the past' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Date the risk assessment of the parents began' }).getByLabel('Day')).toHaveValue('');

  // Ticking a section as completed with gaps says what is missing, there and then.
  await page.goto(`${base}/s/pre-birth`);
  await page.getByLabel("Yes, I've completed this section").check();
  const gaps = page.getByTestId('completed-with-gaps');
  await expect(gaps).toContainText("Date children's social care learned of the pregnancy");
  await expect(gaps).toContainText('Date the assessment was disclosed to the parents');
  await page.screenshot({ path: info.outputPath('pre-birth-section-1024.png'), fullPage: true });

  // Everything, section by section; the outcome with its reasons.
  await page.goto(`${base}/details`);
  await page.getByLabel('Lead social worker').fill('Sam Fictional');
  await page.getByLabel('Team manager or practice supervisor').fill('Pat Example');
  await expectSaved(page);
  await page.getByLabel("Yes, I've completed this section").check();
  await expectSaved(page);
  await markCompleted(page, `${base}/children`);
  await page.goto(`${base}/people`);
  await page.getByRole('button', { name: 'Add a family member' }).click();
  await page.getByLabel('First name').fill('Dana');
  await page.getByLabel('Relationship to the child or children').fill('Mother');
  await expectSaved(page);
  await markCompleted(page, `${base}/people`);
  await page.goto(base);
  await expect(page.getByTestId('task-outcome')).toBeVisible();
  for (const section of await profileSections(page)) await completeSection(page, base, section);
  await page.goto(`${base}/s/outcome/decision`);
  await page.getByLabel('The reasons for this decision').fill('The parents have a plan for the birth that keeps the baby safe, and the grandmother will stay with them.');
  await expectSaved(page);
  await markCompleted(page, `${base}/chronology`);
  await page.goto(base);
  await expect(page.getByTestId('ready')).toContainText('Ready to authorise');
  await page.screenshot({ path: info.outputPath('overview-ready-1024.png'), fullPage: false });
  await page.goto(`${base}/print/family`);
  await expect(page.locator('main')).toContainText('Why we decided this');
  await expect(page.locator('main')).toContainText('grandmother will stay with them');
  await page.goto(`${base}/print`);
  await expect(page.locator('main')).toContainText('The reasons for this decision');
  errors.check();
});

test('a section 17 assessment: languages without an interpreter, a 16 year old asked about homelessness, no blank child left, the week view', async ({ page }, info) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));
  const errors = watchErrors(page);
  await page.goto('/new');
  await page.getByLabel('Assessments (2024 chapter)').check();
  await page.getByLabel('Section 17 (child in need)').check();
  await fillDate(page, 'Referral date', '2026-11-23');
  await fillDate(page, 'Date the assessment started', '2026-11-24');
  await page.getByLabel('First name').fill('Jay');
  await page.getByLabel('Last name').fill('Fictional');
  await fillDate(page, 'Date of birth', '2010-05-02');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/a-[0-9a-f]{16}$/);
  const base = page.url();

  // The first child's date of birth was taken; a 16 year old brings the homelessness duties.
  await expect(page.getByTestId('task-young-people')).toBeVisible();
  await page.goto(`${base}/s/young-people`);
  await page.getByRole('button', { name: 'Answer the questions page by page' }).click();
  await expect(page.getByTestId('page-caption')).toContainText('Jay Fictional');
  await page.getByLabel('Threatened with homelessness').check();
  await expect(page.getByRole('group', { name: 'Accommodation under section 20 Children Act 1989' })).toBeVisible();
  await page.getByLabel('Offered, and refused by the young person').check();
  await expect(page.getByLabel("The young person's reasons, and how their safety and needs will be met")).toBeVisible();
  await expectSaved(page);

  // No interpreter: the languages are still asked, with the manager's approval.
  await page.goto(`${base}/s/communication/language`);
  await page.getByRole('group', { name: /speak a language other than/ }).getByLabel('Yes').check();
  await expect(page.getByLabel('Which languages do the child and the family speak, and who speaks which?')).toBeVisible();
  await page.getByRole('group', { name: 'Was an interpreter provided?' }).getByLabel('No').check();
  await expect(page.getByLabel('Which languages do the child and the family speak, and who speaks which?')).toBeVisible();
  await page.getByLabel('Which languages do the child and the family speak, and who speaks which?').fill('Jay and his mother speak Polish and English.');
  await expectSaved(page);

  // "Add another child", then "Back" with nothing typed, leaves no unnamed child.
  await page.goto(`${base}/children`);
  await page.getByRole('button', { name: 'Add another child' }).click();
  await expect(page.getByTestId('person-heading')).toHaveText('Unnamed child');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/children$`));
  await expect(page.getByText('Unnamed child')).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(page.getByText('Unnamed child')).toHaveCount(0);

  // Through to the outcome, with its reasons in both summaries.
  await page.goto(`${base}/details`);
  await page.getByLabel('Lead social worker').fill('Sam Fictional');
  await page.getByLabel('Team manager or practice supervisor').fill('Pat Example');
  await expectSaved(page);
  await page.goto(`${base}/people`);
  await page.getByRole('button', { name: 'Add a family member' }).click();
  await page.getByLabel('First name').fill('Dana');
  await page.getByLabel('Relationship to the child or children').fill('Mother');
  await expectSaved(page);
  await page.goto(base);
  await expect(page.getByTestId('task-outcome')).toBeVisible();
  for (const section of await profileSections(page)) await completeSection(page, base, section);
  await page.goto(`${base}/s/outcome/decision`);
  await page.getByLabel('The reasons for this decision').fill('Jay can stay with his aunt while the family works things out, and wants to.');
  await expectSaved(page);
  await page.goto(base);
  await expect(page.getByTestId('ready')).toBeVisible();
  await page.goto(`${base}/print/family`);
  await expect(page.locator('main')).toContainText('Why we decided this');
  await expect(page.locator('main')).toContainText('stay with his aunt');
  await page.goto(`${base}/print`);
  await expect(page.locator('main')).toContainText('The reasons for this decision');

  // What's due this week, across the device: a second assessment, under the Signs of Safety
  // chapter, whose visit (due 30 Nov) is overdue and whose first review is this week.
  await createAssessment(page, { kind: 'Section 17 (child in need)', referral: '2026-11-23', start: '2026-11-24', given: 'Rue', family: 'Fictional' });
  await page.goto('/');
  await page.getByTestId('due-link').click();
  const due = page.getByTestId('due-list');
  await expect(due.locator('tr', { hasText: 'Visit the child' })).toContainText('Overdue');
  await expect(due.locator('tr', { hasText: 'Visit the child' })).toContainText('Rue Fictional');
  await expect(due).toContainText('First review of progress');
  await page.screenshot({ path: info.outputPath('week-view-1024.png'), fullPage: true });
  errors.check();
});

test("an import message names the person a field belongs to", async ({ page }) => {
  const doc = JSON.parse(fixture('assessment-v4.json'));
  doc.assessment.people[0].role = 'parent';
  await importText(page, JSON.stringify(doc, null, 2));
  await expect(page.getByTestId('error-summary')).toContainText('Mia Sample (people[0]): The field "assessment.people[0].role" is not valid');
});
