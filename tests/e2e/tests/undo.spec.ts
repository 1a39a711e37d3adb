import { test, expect, type Page } from '@playwright/test';
import { expectSaved, fixture, go, importText, shotPath, watchErrors } from './helpers';

/** Undo (or Redo) from the bar, checking what it says it will do and the page it shows. */
async function step(page: Page, which: 'Undo' | 'Redo', label: string, lands: RegExp) {
  const button = page.getByTestId('undo-bar').getByRole('button', { name: which, exact: true });
  await expect(button).toBeEnabled();
  await expect(button).toHaveAccessibleDescription(`${which}: ${label}`);
  await button.click();
  await expect(page).toHaveURL(lands);
  await expect(page.getByTestId('undone')).toHaveText(`${which === 'Undo' ? 'Undone' : 'Redone'}: ${label}.`);
  await expectSaved(page);
}

test('a danger statement, a plan rule, a chronology entry, a census factor and a person removed on their pages are undone and redone from another page, and the assessment opens as it was left', async ({ page }, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await importText(page, fixture('assessment-v7.json'));
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  const base = new URL(page.url()).pathname;
  // Nothing to undo yet.
  await expect(page.getByTestId('undo-bar').getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  // The danger statement, on its own page.
  await go(page, `${base}/planning`);
  await page.getByRole('link', { name: /Danger statement 1/ }).first().click();
  await expect(page).toHaveURL(/\/planning\/i-/);
  const pairPath = new URL(page.url()).pathname;
  await page.locator('summary', { hasText: 'Remove this danger statement' }).click();
  await page.getByRole('button', { name: 'Remove this danger statement' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/planning$`));
  await expectSaved(page);

  // The rule of the safety plan.
  await go(page, `${base}/safety-plan`);
  await expect(page.getByTestId('rule')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove rule 1', exact: true }).click();
  await expect(page.getByTestId('rule')).toHaveCount(0);
  await expectSaved(page);

  // A chronology entry.
  await go(page, `${base}/chronology`);
  const entries = await page.getByTestId('chronology-entry').count();
  const first = (await page.getByTestId('chronology-entry').first().getAttribute('aria-label'))!;
  const what = first.split(': ').slice(1).join(': ');
  await page.getByRole('button', { name: `Change event ${what}` }).click();
  await page.getByRole('button', { name: 'Delete this event' }).click();
  await expect(page.getByTestId('chronology-entry')).toHaveCount(entries - 1);
  await expectSaved(page);

  // A census factor: chosen, then taken off again.
  await go(page, `${base}/case-record`);
  const mia = page.getByTestId('child-census').filter({ hasText: 'Mia Sample' }).first();
  await mia.getByLabel('Find a factor').fill('1B');
  const factor = mia.getByRole('checkbox', { name: /\(1B\)$/ });
  await factor.check();
  await expectSaved(page);
  await factor.uncheck();
  await expectSaved(page);

  // A person.
  await go(page, `${base}/people`);
  await page.getByRole('button', { name: 'Remove Alex Placeholder', exact: true }).click();
  await page.getByTestId('remove-confirm').getByRole('button', { name: 'Yes, remove' }).click();
  await expectSaved(page);
  await expect(page.getByRole('button', { name: 'Remove Alex Placeholder', exact: true })).toHaveCount(0);

  // From the overview, each is undone in turn, on the page it was made on.
  await go(page, base);
  await page.screenshot({ path: shotPath(info, 'undo-bar-overview-1024.png') });
  await step(page, 'Undo', 'remove Alex Placeholder', new RegExp(`${base}/people$`));
  await expect(page.getByRole('button', { name: 'Remove Alex Placeholder', exact: true })).toBeVisible();
  await go(page, base);
  await step(page, 'Undo', 'remove factor 1B for Mia Sample', new RegExp(`${base}/case-record$`));
  await mia.getByLabel('Find a factor').fill('1B');
  await expect(factor).toBeChecked();
  await go(page, base);
  await step(page, 'Undo', 'choose factor 1B for Mia Sample', new RegExp(`${base}/case-record$`));
  await expect(factor).not.toBeChecked();
  await go(page, base);
  await step(page, 'Undo', `delete the event “${what}”`, new RegExp(`${base}/chronology$`));
  await expect(page.getByTestId('chronology-entry')).toHaveCount(entries);
  await go(page, `${base}/people`);
  await step(page, 'Undo', 'remove rule 1', new RegExp(`${base}/safety-plan$`));
  await expect(page.getByTestId('rule')).toHaveCount(1);
  await go(page, base);
  await step(page, 'Undo', 'remove danger statement 1', new RegExp(`${pairPath}$`));
  await expect(page.getByTestId('pair-title')).toHaveText('Danger statement 1 and its safety goal');

  // Ctrl+Y redoes outside a text field; the removal's own page is gone, so its list is shown.
  await go(page, base);
  await page.getByTestId('assessment-title').click();
  await page.keyboard.press('Control+y');
  await expect(page).toHaveURL(new RegExp(`${base}/planning$`));
  await expect(page.getByTestId('undone')).toHaveText('Redone: remove danger statement 1.');
  await step(page, 'Redo', 'remove rule 1', new RegExp(`${base}/safety-plan$`));
  await expect(page.getByTestId('rule')).toHaveCount(0);
  await step(page, 'Redo', `delete the event “${what}”`, new RegExp(`${base}/chronology$`));
  await expect(page.getByTestId('chronology-entry')).toHaveCount(entries - 1);
  // Ctrl+Z inside a text field is the field's own undo, not the assessment's.
  await go(page, `${base}/details`);
  await page.getByLabel('Lead social worker').fill('Sam Fictional-Test');
  await page.getByLabel('Lead social worker').press('Control+z');
  await expect(page).toHaveURL(new RegExp(`${base}/details$`));
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: change the lead social worker');
  await expectSaved(page);

  // After a reload the assessment opens as it was left (and the history starts afresh).
  const lead = await page.getByLabel('Lead social worker').inputValue();
  await page.reload();
  await expect(page.getByLabel('Lead social worker')).toHaveValue(lead);
  await expect(page.getByTestId('undo-bar').getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await go(page, `${base}/safety-plan`);
  await expect(page.getByTestId('rule')).toHaveCount(0);
  await go(page, `${base}/chronology`);
  await expect(page.getByTestId('chronology-entry')).toHaveCount(entries - 1);
  await go(page, `${base}/planning`);
  await expect(page.getByRole('link', { name: /Danger statement 1/ })).toHaveCount(0);
  await go(page, `${base}/people`);
  await expect(page.getByRole('button', { name: 'Remove Alex Placeholder', exact: true })).toBeVisible();
  await go(page, `${base}/case-record`);
  await mia.getByLabel('Find a factor').fill('1B');
  await expect(factor).not.toBeChecked();
  errors.check();
});
