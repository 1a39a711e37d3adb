import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectSaved, exportVia, fillDate, fixture, importText, shotPath, validateWithSchema, watchErrors } from './helpers';

/** Ticks a census factor for one child, found by searching. */
async function pick(page: Page, child: string, search: string, label: string) {
  const card = page.getByTestId('child-census').filter({ hasText: child }).first();
  await card.getByLabel('Find a factor').fill(search);
  await card.getByLabel(label, { exact: true }).check();
  await expectSaved(page);
}

/** Records a child's ethnicity (and disabilities) as the census asks. */
async function characteristics(page: Page, child: string, ethnicity: string, disabilities: string[]) {
  const card = page.getByTestId('child-census').filter({ hasText: child }).first();
  await card.getByLabel('Ethnicity').selectOption({ label: ethnicity });
  for (const d of disabilities) await card.getByLabel(d, { exact: true }).check();
  await expectSaved(page);
}

async function completeAndAuthorise(page: Page, comment: string) {
  await page.getByRole('button', { name: 'Mark the assessment complete' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Complete');
  await page.getByLabel("The manager's comment").fill(comment);
  await page.getByRole('button', { name: 'Authorise the assessment' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Authorised');
  await expectSaved(page);
}

test('two siblings with different factors, a census rule refused, authorised, read-only, updated, and exported for the case system', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await importText(page, fixture('ready-to-complete.json'));
  await expect(page.getByTestId('assessment-title')).toHaveText('Rowan Demo, Skye Demo');
  const base = page.url();
  await page.getByRole('link', { name: 'Completion, authorisation and the census' }).click();
  await expect(page.getByTestId('gaps')).toContainText('Rowan Demo: choose the factors identified at the end of assessment');

  // factors by meaning and by code; the mapping's words are offered, not chosen
  await expect(page.getByTestId('suggested-factors').first()).toContainText('Alcohol misuse: by the parent(s) or carer(s) (1B)');
  // the words a worker uses find the factor: "drinking" as well as "alcohol"
  await pick(page, 'Rowan Demo', 'drinking', 'Alcohol misuse: by the parent(s) or carer(s) (1B)');
  await pick(page, 'Rowan Demo', '3B', "Domestic abuse: the child's parent(s) or carer(s) being the subject of domestic abuse (3B)");
  await pick(page, 'Skye Demo', 'neglect', 'Abuse or neglect: neglect (16A)');
  // "21" with another code is refused, with its message, and blocks completion
  await pick(page, 'Rowan Demo', '21', 'No factors identified (only where there is no evidence of any factor and no further action is taken) (21)');
  await expect(page.getByTestId('census-issues')).toContainText('Error (rule 8869): Rowan Demo: "21" (no factors identified) cannot be recorded with any other factor.');
  // ...and said beside the tick that caused it, in view, the list part of the page (no scroll box)
  const ticked = page.getByTestId('child-census').filter({ hasText: 'Rowan Demo' }).first()
    .locator('.checkboxes__item', { has: page.getByLabel('No factors identified (only where there is no evidence of any factor and no further action is taken) (21)', { exact: true }) });
  await expect(ticked.getByTestId('census-error-factors')).toContainText('cannot be recorded with any other factor');
  await expect(ticked.getByTestId('census-error-factors')).toBeInViewport();
  const scrolls = await page.locator('.factor-picker').first().evaluate((e) => e.scrollHeight > e.clientHeight + 1);
  expect(scrolls).toBe(false);
  // the summary's line takes the worker to the child's factors
  await page.getByTestId('census-issues').getByRole('link', { name: /rule 8869/ }).click();
  await expect(page.locator('h4:focus, h4:target')).toHaveText('Factors identified at the end of assessment');
  await page.getByRole('button', { name: 'Mark the assessment complete' }).click();
  await expect(page.getByTestId('case-status')).toContainText('In progress');
  await expect(page.getByTestId('gaps')).toContainText('Census rule 8869');
  const rowan = page.getByTestId('child-census').filter({ hasText: 'Rowan Demo' }).first();
  await rowan.getByLabel('No factors identified (only where there is no evidence of any factor and no further action is taken) (21)', { exact: true }).uncheck();
  await expect(page.getByTestId('census-issues')).toHaveCount(0);
  await rowan.getByLabel("The council's id for this child").fill('LA-000123');
  await expectSaved(page);
  // the child's characteristics the returns carry; "No disability" is never kept with another
  await expect(page.getByTestId('gaps')).toContainText("Rowan Demo: record the child's ethnicity");
  await characteristics(page, 'Rowan Demo', 'White British (WBRI)', ['Hearing (HEAR)', 'No disability (NONE)']);
  await expect(rowan.getByLabel('Hearing (HEAR)', { exact: true })).not.toBeChecked();
  await characteristics(page, 'Skye Demo', 'Black African (BAFR)', ['Communication (COMM)', 'Learning (LD)']);
  await expect(page.getByText("record the child's ethnicity")).toHaveCount(0);
  await page.screenshot({ path: shotPath(test.info(), 'case-record-1024x768.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // one date for one fact: the day it was completed is the outcome's answer, asked once and shown here
  await expect(page.getByTestId('completed-on')).toContainText('Date the assessment was completed: 20 November 2026.');
  await page.getByRole('button', { name: 'Mark the assessment complete' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Complete on 20 November 2026, marked by');
  // changed where it is asked, it is changed everywhere
  await page.getByTestId('case-status').getByRole('link', { name: 'Change "Date the assessment was completed"' }).click();
  await fillDate(page, 'Date the assessment was completed', '2026-11-23');
  await expectSaved(page);
  await page.goto(`${base}/case-record`);
  await expect(page.getByTestId('case-status')).toContainText('Complete on 23 November 2026, marked by');
  // the manager cannot authorise before that day
  await page.getByLabel("The manager's comment").fill('Child in need plan agreed.');
  await fillDate(page, 'Date authorised', '2026-11-22');
  await page.getByRole('button', { name: 'Authorise the assessment' }).click();
  await expect(page.getByTestId('authorise').getByRole('alert')).toHaveText('The date of authorisation cannot be before the assessment was completed (23 November 2026)');
  await fillDate(page, 'Date authorised', new Date().toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Authorise the assessment' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Authorised by');
  await expectSaved(page);
  await expect(page.getByTestId('case-status')).toContainText('The assessment is read-only.');
  await expect(page.getByTestId('case-status')).toContainText('working days from referral');

  // read-only: the editing pages' fields are disabled, and an edit that gets through is refused
  await page.goto(`${base}/details`);
  await expect(page.getByTestId('locked-notice')).toContainText('this assessment is read-only');
  const worker = page.getByLabel('Lead social worker');
  const was = await worker.inputValue();
  await expect(worker).toBeDisabled();
  await page.goto(`${base}/planning`);
  await expect(page.getByRole('button', { name: 'Add a danger statement and safety goal' })).toBeDisabled();
  await page.goto(`${base}/details`);
  await page.getByLabel('Lead social worker').evaluate((e) => {
    // a change that reaches the session anyway (as a drag on a drawing would) is refused
    const input = e as HTMLInputElement;
    input.disabled = false;
    input.value = 'Someone Else';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('edit-refused')).toContainText('The assessment has been authorised');
  await page.reload();
  await expect(page.getByLabel('Lead social worker')).toHaveValue(was);
  // the drawing looks and behaves read-only: a drag moves nobody (it pans) and nothing is refused
  await page.goto(`${base}/genogram`);
  await expect(page.locator('svg.canvas')).toHaveClass(/canvas--read-only/);
  const shape = (i: number) => page.locator('.canvas .g-person').nth(i).locator('rect, circle').first()
    .evaluate((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y }; });
  const apart = async () => { const [a, b] = [await shape(0), await shape(1)]; return [Math.round(a.x - b.x), Math.round(a.y - b.y)]; };
  const spacing = await apart();
  const at = (await page.locator('.canvas .g-person').first().boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 + 80, at.y + at.height / 2 + 40, { steps: 5 });
  expect(await apart(), 'mid-drag, nobody moves within the drawing').toEqual(spacing);
  await page.mouse.up();
  await expect(page.getByTestId('edit-refused')).toHaveCount(0);
  expect(await apart()).toEqual(spacing);

  // the exports, each checked
  await page.goto(`${base}/case-record`);
  await page.getByLabel("Your council's local authority code").fill('123');
  await page.getByLabel("Your council's local authority code").press('Tab');
  const get = (label: string) => exportVia(page, () => page.getByRole('button', { name: label }).click());
  const dfe = JSON.parse((await get("DfE children's social care API records (JSON)")).text);
  expect(dfe).toHaveLength(2);
  for (const r of dfe) expect(validateWithSchema(r, 'dfe-csc-api-child-v0.7.schema.json')).toEqual([]);
  expect(dfe[0].la_code).toBe(123);
  expect(dfe[0].Children.la_child_id).toBe('LA-000123');
  expect(dfe[0].Children.child_details.ethnicity).toBe('WBRI');
  expect(dfe[0].Children.child_details.disabilities).toEqual(['NONE']);
  expect(dfe[1].Children.child_details.disabilities).toEqual(['COMM', 'LD']);
  expect(dfe[0].Children.social_care_episodes[0].child_and_family_assessments[0].factors).toEqual(['1B', '3B']);
  expect(dfe[1].Children.social_care_episodes[0].child_and_family_assessments[0].factors).toEqual(['16A']);
  const ssd = JSON.parse((await get('Standard Safeguarding Dataset rows (JSON)')).text);
  expect(ssd.ssd_assessment_factors.map((r: any) => r.cinf_assessment_factors_json)).toEqual(['["1B","3B"]', '["16A"]']);
  const ssdCsv = (await get('SSD ssd_cin_assessments (CSV)')).text.split('\r\n');
  expect(ssdCsv[0]).toBe('cina_assessment_id,cina_person_id,cina_referral_id,cina_assessment_start_date,cina_assessment_child_seen,cina_assessment_auth_date,cina_assessment_outcome_json,cina_assessment_outcome_nfa,cina_assessment_team,cina_assessment_worker_id');
  expect(ssdCsv.filter((l) => l).length).toBe(3);
  const factorsCsv = (await get('SSD ssd_assessment_factors (CSV)')).text.split('\r\n');
  expect(factorsCsv[0]).toBe('cinf_table_id,cinf_assessment_id,cinf_assessment_factors_json');
  const annex = (await get('Ofsted Annex A list 4 (CSV)')).text.split('\r\n');
  expect(annex[0]).toBe('ChildUniqueID,Gender,Ethnicity,DateOfBirth,Age,HasDisability,ContinuousAssessmentStart,ContinuousAssessmentChildSeen,ContinuousAssessmentAuthDate,CSCSupportRequired,AllocatedTeam,AllocatedWorker');
  expect(annex[1]).toMatch(/^LA-000123,Female,WBRI,14\/05\/2018,8,No,/);

  // an update, with its reason, authorised as version 2
  await page.getByLabel('Why it is being updated').fill('New information from the school after authorisation');
  await page.getByRole('button', { name: 'Start an update' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Being updated');
  await page.goto(`${base}/details`);
  await page.getByLabel('Lead social worker').fill('Sam Fictional');
  await expectSaved(page);
  await page.goto(`${base}/case-record`);
  await completeAndAuthorise(page, 'Update agreed.');
  await expect(page.getByTestId('authorised-versions').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('authorised-versions')).toContainText('New information from the school after authorisation');
  const v1 = JSON.parse((await get('Export version 1 (JSON)')).text);
  expect(validateWithSchema(v1)).toEqual([]);
  expect(v1.assessment.leadWorker).toBe(was);
  await page.screenshot({ path: shotPath(test.info(), 'case-record-authorised-1024x768.png'), fullPage: true });

  // the full export carries it all
  await page.goto(base);
  const full = JSON.parse((await exportVia(page, () => page.getByRole('button', { name: 'Export as JSON' }).click())).text);
  expect(validateWithSchema(full)).toEqual([]);
  expect(full.assessment.case.authorisations.map((x: any) => x.number)).toEqual([1, 2]);

  // a second authorised assessment, then both in one file from the list
  const other = JSON.parse(fixture('ready-to-complete.json'));
  other.assessment.id = 'a-00000000000000b2';
  other.assessment.people[0].givenName = 'Ash';
  await importText(page, JSON.stringify(other));
  await expect(page.getByTestId('assessment-title')).toHaveText('Ash Demo, Skye Demo');
  await page.getByRole('link', { name: 'Completion, authorisation and the census' }).click();
  await pick(page, 'Ash Demo', '21', 'No factors identified (only where there is no evidence of any factor and no further action is taken) (21)');
  await pick(page, 'Skye Demo', '3B', "Domestic abuse: the child's parent(s) or carer(s) being the subject of domestic abuse (3B)");
  await characteristics(page, 'Ash Demo', 'Refused (REFU)', []);
  await characteristics(page, 'Skye Demo', 'Information not yet obtained (NOBT)', []);
  await completeAndAuthorise(page, 'Agreed.');
  await page.goto('/');
  await expect(page.getByTestId('took')).toHaveCount(2);
  await page.getByRole('link', { name: 'Export authorised assessments for the case system and returns' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exports for the case system and returns');
  await expect(page.getByTestId('bulk-count')).toContainText('2 authorised assessments in those dates.');
  await expect(page.getByTestId('bulk-count')).toContainText('passes every census rule');
  await page.getByLabel('Format').selectOption({ label: 'Ofsted Annex A list 4 (CSV)' });
  const bulk = (await exportVia(page, () => page.getByRole('button', { name: 'Export them in one file' }).click())).text.split('\r\n').filter((l) => l);
  expect(bulk).toHaveLength(5);
  expect(bulk.filter((l) => l.startsWith('ChildUniqueID'))).toHaveLength(1);
  // what was saved opens again
  await page.goto(`${base}/case-record`);
  await page.reload();
  await expect(page.getByTestId('authorised-versions').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('case-status')).toContainText('Authorised');
  errors.check();
});
