import { test, expect } from '@playwright/test';
import { createAssessment, expectSaved } from './helpers';

test('two pages on one assessment edit in turn and neither loses an acknowledged edit', async ({ page, context }) => {
  await createAssessment(page, { given: 'Mia', family: 'Sample' });
  const details = `${page.url()}/details`;
  await page.goto(details);
  const other = await context.newPage();
  await other.goto(details);
  await expect(other.getByLabel('Lead social worker')).toHaveValue('');

  await page.getByLabel('Lead social worker').fill('Written in tab A');
  await expectSaved(page);
  // tab B is told, and offered to reload
  await expect(other.getByTestId('elsewhere-newer')).toBeVisible();
  await other.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(other.getByLabel('Lead social worker')).toHaveValue('Written in tab A');
  await other.getByLabel('Team manager or practice supervisor').fill('Written in tab B');
  await expectSaved(other);

  await expect(page.getByTestId('elsewhere-newer')).toBeVisible();
  await page.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(page.getByLabel('Team manager or practice supervisor')).toHaveValue('Written in tab B');
  await expect(page.getByLabel('Lead social worker')).toHaveValue('Written in tab A');

  for (const p of [page, other]) {
    await p.reload();
    await expect(p.getByLabel('Lead social worker')).toHaveValue('Written in tab A');
    await expect(p.getByLabel('Team manager or practice supervisor')).toHaveValue('Written in tab B');
  }
});

test('a stale tab cannot overwrite a newer save, and can keep its version as a copy', async ({ page, context }) => {
  await createAssessment(page, { given: 'Leo', family: 'Sample' });
  const details = `${page.url()}/details`;
  await page.goto(details);
  const other = await context.newPage();
  await other.goto(details);

  await page.getByLabel('Lead social worker').fill('Saved first in tab A');
  await expectSaved(page);
  // tab B ignores the notice and types anyway
  await other.getByLabel('Lead social worker').fill('Typed later in tab B');
  await expect(other.getByTestId('save-status')).toHaveText(/^Not saved: this assessment was changed in another tab/);
  await expect(other.getByTestId('elsewhere-conflict')).toBeVisible();
  // the stored version is still tab A's
  await page.reload();
  await expect(page.getByLabel('Lead social worker')).toHaveValue('Saved first in tab A');

  await other.getByRole('button', { name: 'Keep my version as a copy' }).click();
  await expect(other).toHaveURL(/\/assessments\/a-[0-9a-f]{16}$/);
  await expect(other.getByTestId('facts')).toContainText('Typed later in tab B');
  await other.goto('/');
  await expect(other.getByTestId('assessment-list').locator('tbody tr')).toHaveCount(2);
  await expect(other.getByTestId('assessment-list')).toContainText('Leo Sample');
});
