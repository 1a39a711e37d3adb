import { test, expect, type Page } from '@playwright/test';
import { createAssessment, expectSaved, exportVia, validateWithSchema, watchErrors, fillDate, completeSection, markCompleted } from './helpers';


const profiles = [
  { name: 'Child and Family Assessment with Signs of Safety (2020 chapter)', total: 16, firstVisit: true },
  { name: 'Assessments (2024 chapter)', total: 15, firstVisit: false },
];

for (const profile of profiles) {
  test(`a whole assessment under "${profile.name}"`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));
    const errors = watchErrors(page);
    await createAssessment(page, {
      profile: profile.name,
      kind: 'Section 47 (child protection enquiry)',
      referral: '2026-11-09',
      start: '2026-11-10',
      given: 'Mia',
      family: 'Sample',
    });
    const base = page.url();

    // About the assessment, the sibling group of two, and a parent
    await page.goto(`${base}/details`);
    await page.getByLabel('Lead social worker').fill('Sam Fictional');
    await page.getByLabel('Team manager or practice supervisor').fill('Pat Example');
    await page.getByLabel("Yes, I've completed this section").check();
    await expectSaved(page);
    await page.goto(`${base}/children`);
    await page.getByRole('button', { name: 'Change Mia Sample' }).or(page.getByRole('link', { name: 'Change Mia Sample' })).click();
    await fillDate(page, 'Date of birth', '2017-04-02');
    await expectSaved(page);
    await page.goto(`${base}/children`);
    await page.getByRole('button', { name: 'Add another child' }).click();
    await page.getByLabel('First name').fill('Leo');
    await page.getByLabel('Last name').fill('Sample');
    await fillDate(page, 'Date of birth', '2021-09-30');
    await expectSaved(page);
    await markCompleted(page, `${base}/children`);
    await page.goto(`${base}/people`);
    await page.getByRole('button', { name: 'Add a family member' }).click();
    await page.getByLabel('First name').fill('Dana');
    await page.getByLabel('Relationship to the child or children').fill('Mother');
    await expectSaved(page);
    await markCompleted(page, `${base}/people`);

    // Leo is not seen alone, with the reason; Mia is
    await page.goto(`${base}/s/child`);
    await page.getByRole('link', { name: 'Change Seeing the child for Mia Sample' }).click();
    await expect(page.getByTestId('page-caption')).toContainText('Mia Sample');
    await page.getByRole('group', { name: 'Has the child been seen?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Was the child seen alone, without their caregivers?' }).getByLabel('Yes').check();
    await page.getByTestId('save-and-continue').click();
    await page.getByTestId('save-and-continue').click();
    await expect(page.getByTestId('page-caption')).toContainText('Leo Sample');
    await page.getByRole('group', { name: 'Has the child been seen?' }).getByLabel('Yes').check();
    await expect(page.getByLabel('Why the child was not seen alone')).toHaveCount(0);
    await page.getByRole('group', { name: 'Was the child seen alone, without their caregivers?' }).getByLabel('No').check();
    await page.getByLabel('Why the child was not seen alone').fill('Leo would not separate from his mother; seen at nursery with his key worker.');
    await expectSaved(page);

    // An interpreter declined, with the Team Manager's approval
    await page.goto(`${base}/s/communication/language`);
    await page.getByRole('group', { name: /speak a language other than/ }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Was an interpreter provided?' }).getByLabel('No').check();
    await page.getByLabel('Team Manager who approved not using an interpreter').fill('Pat Example');
    await page.getByLabel('Why no interpreter was used (as approved and recorded)').fill('Father asked to speak English, which he speaks fluently.');
    await expectSaved(page);

    // Dates that drive the timescales
    if (profile.firstVisit) {
      await page.goto(`${base}/s/planning/who-and-how`);
      await fillDate(page, 'Date the child or children were first visited', '2026-11-10');
      await expectSaved(page);
    }
    // A completion date after today (1 December) is refused with its reason, and nothing changes.
    await page.goto(`${base}/s/outcome/completion`);
    await fillDate(page, 'Date the assessment was completed', '2026-12-18');
    await expect(page.locator('.error-message', { hasText: 'Date the assessment was completed must be today or in the past' })).toBeVisible();
    await page.goto(base);
    await expect(page.getByTestId('timescales').locator('tr', { hasText: 'Assessment concluded' })).not.toContainText('Done');
    await page.goto(`${base}/s/outcome/completion`);
    await fillDate(page, 'Date the assessment was completed', '2026-11-30');
    await expectSaved(page);

    // Everything else, section by section, page by page
    await page.goto(base);
    await expect(page.getByTestId('task-outcome')).toBeVisible();
    const sections = await page.locator('.task-list__link').evaluateAll((links) =>
      links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!).filter((h) => h.includes('/s/')).map((h) => h.split('/s/')[1]),
    );
    expect(sections.length).toBe(profile.total - 4);
    for (const section of sections) await completeSection(page, base, section);
    await page.goto(`${base}/chronology`);
    await page.getByRole('button', { name: 'Add an event' }).click();
    await fillDate(page, 'Date', '2026-11-09');
    await page.getByLabel('What happened').fill('Referral from school');
    await page.getByLabel('Leo Sample').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel("Yes, I've completed this section").check();
    await expectSaved(page);

    // reload: the overview, the due dates and the export
    await page.goto(base);
    await page.reload();
    await expect(page.getByTestId('progress')).toHaveText(`You have completed ${profile.total} of ${profile.total} sections.`);
    const timescales = page.getByTestId('timescales');
    await expect(timescales).toContainText('14 January 2027'); // day 45 from Mon 9 Nov 2026
    await expect(timescales.locator('tr', { hasText: 'Assessment concluded' })).toContainText('Done 30 November 2026');
    if (profile.firstVisit) {
      await expect(timescales.locator('tr', { hasText: 'Visit the child' })).toContainText('10 November 2026');
      await expect(timescales.locator('tr', { hasText: 'Visit the child' })).toContainText('Done 10 November 2026');
      await expect(timescales.locator('tr', { hasText: 'First review' })).toContainText('24 November 2026');
    } else {
      await expect(timescales).not.toContainText('Visit the child');
    }
    await expect(page.getByTestId('overdue-warning')).toHaveCount(0);

    const exported = await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
    const doc = JSON.parse(exported.text);
    expect(validateWithSchema(doc)).toEqual([]);
    const leo = doc.assessment.people.find((p: any) => p.givenName === 'Leo').id;
    const mia = doc.assessment.people.find((p: any) => p.givenName === 'Mia').id;
    expect(doc.assessment.answers[`seenAlone@${leo}`]).toEqual({ text: 'no' });
    expect(doc.assessment.answers[`notSeenAloneReason@${leo}`].text).toContain('nursery');
    expect(doc.assessment.answers[`seenAlone@${mia}`]).toEqual({ text: 'yes' });
    expect(doc.assessment.answers[`notSeenAloneReason@${mia}`]).toBeUndefined();
    expect(doc.assessment.answers.interpreterUsed).toEqual({ text: 'no' });
    expect(doc.assessment.answers.noInterpreterApprovedBy).toEqual({ text: 'Pat Example' });
    expect(doc.assessment.answers.dateCompleted).toEqual({ text: '2026-11-30' });
    expect(doc.assessment.chronology).toHaveLength(1);
    expect(doc.assessment.chronology[0].children).toEqual([leo]);
    expect(doc.assessment.completedSections).toHaveLength(profile.total);
    errors.check();
  });
}

test('an assessment past 45 working days asks for the reason, and the list flags what is overdue', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-01-20T10:00:00Z'));
  await createAssessment(page, { kind: 'Section 17 (child in need)', referral: '2026-11-09', start: '2026-11-10', given: 'Kai', family: 'Fictional' });
  await expect(page.getByTestId('overdue-warning')).toBeVisible();
  await expect(page.getByText('This assessment has gone past the maximum of 45 working days.')).toBeVisible();
  await page.getByRole('link', { name: 'Record the reason in the outcome section' }).click();
  await expect(page.locator('.summary-list__row', { hasText: 'Why the assessment took longer than 45 working days' })).toContainText('Required: not answered');
  await page.goto('/');
  await expect(page.getByTestId('assessment-list')).toContainText('overdue');
  await page.getByRole('button', { name: 'next due date' }).click();
  await expect(page.getByRole('button', { name: 'next due date' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'next due date' })).toHaveAttribute('aria-pressed', 'true');
});

test('answers save as they are typed and survive a reload mid-page', async ({ page }) => {
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  const base = page.url();
  await page.goto(`${base}/s/signs-of-safety/worried`);
  await page.getByLabel('Past harm to the children').fill('Bruising seen by school on two occasions.');
  await expectSaved(page);
  await page.reload();
  await expect(page.getByLabel('Past harm to the children')).toHaveValue('Bruising seen by school on two occasions.');
  await page.goto(base);
  await expect(page.getByTestId('task-signs-of-safety')).toContainText('In progress');
});

test('a section can be answered on a touch screen', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  await createAssessment(page, { given: 'Noor', family: 'Fictional' });
  const base = page.url();
  await page.goto(`${base}/s/communication/language`);
  await page.getByRole('group', { name: /speak a language other than/ }).getByText('No', { exact: true }).tap();
  await expect(page.getByRole('group', { name: 'Was an interpreter provided?' })).toHaveCount(0);
  await page.getByTestId('save-and-continue').tap();
  await expect(page.getByTestId('page-progress')).toHaveText('Page 2 of 2');
  await page.getByTestId('save-and-continue').tap();
  await page.getByText("Yes, I've completed this section").tap();
  await expectSaved(page);
  await page.goto(base);
  await expect(page.getByTestId('task-communication')).toContainText('Completed');
  await context.close();
});

test('a section can be answered with the keyboard alone', async ({ page }) => {
  await createAssessment(page, { given: 'Ava', family: 'Example' });
  const base = page.url();
  await page.goto(`${base}/s/communication`);
  await expect(page.getByRole('heading', { name: 'Communication', exact: true })).toBeVisible();
  const press = (key: string) => page.keyboard.press(key);
  // Tab to "Answer the questions page by page" and follow it with Enter
  for (let i = 0; i < 15; i++) {
    await press('Tab');
    if (await page.getByRole('button', { name: 'Answer the questions page by page' }).evaluate((e) => e === document.activeElement)) break;
  }
  await press('Enter');
  await expect(page.getByTestId('page-progress')).toHaveText('Page 1 of 2');
  // the first radio group: Tab into it, Space picks "Yes"; Tab on to the follow-up
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? '');
  // Each answer is followed by its "Who may read this?" control: Tab goes past it to the next question.
  const next = async () => {
    await press('Tab');
    const onMark = await page.evaluate(() => !!document.activeElement?.classList.contains('mark__button'));
    if (onMark) await press('Tab');
    return onMark;
  };
  for (let i = 0; i < 10 && (await focused()) !== 'q-otherLanguage-0'; i++) await press('Tab');
  await press('Space');
  expect(await next()).toBe(true); // past the first answer's mark control, to the languages the family speaks
  await page.keyboard.type('Dad speaks Arabic and English.');
  await expect(page.getByLabel('Which languages do the child and the family speak, and who speaks which?')).toHaveValue('Dad speaks Arabic and English.');
  await next(); // to the interpreter question
  await press('ArrowRight'); // radio groups move with arrows: "No"
  await expect(page.getByRole('group', { name: 'Was an interpreter provided?' }).getByLabel('No')).toBeChecked();
  await next();
  await page.keyboard.type('Pat Example');
  await next();
  await page.keyboard.type('Father asked to speak English.');
  await expect(page.getByLabel('Team Manager who approved not using an interpreter')).toHaveValue('Pat Example');
  for (let i = 0; i < 10 && !(await page.getByTestId('save-and-continue').evaluate((e) => e === document.activeElement)); i++) await press('Tab');
  await press('Enter');
  await expect(page.getByTestId('page-progress')).toHaveText('Page 2 of 2');
  await page.getByLabel('Other communication needs and how they will be met').focus();
  await page.keyboard.type('Dad reads English well; Mum prefers large print.');
  for (let i = 0; i < 10 && !(await page.getByTestId('save-and-continue').evaluate((e) => e === document.activeElement)); i++) await press('Tab');
  await press('Enter');
  await expect(page.getByRole('heading', { name: 'Communication', exact: true })).toBeVisible();
  await page.getByLabel("Yes, I've completed this section").focus();
  await press('Space');
  await expectSaved(page);
  await page.goto(base);
  await expect(page.getByTestId('task-communication')).toContainText('Completed');
});
