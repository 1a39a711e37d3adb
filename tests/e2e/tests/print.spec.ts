import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { exportVia, fixture, importText } from './helpers';

test('the family summary prints to PDF and saves as HTML; the professional summary too', async ({ page }) => {
  await importText(page, fixture('assessment-v4.json'));
  await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
  const base = page.url();

  // a worry and a strength in the worker's words, with markup that must stay text
  await page.goto(`${base}/s/signs-of-safety/worried`);
  await page.getByLabel('Danger statements').fill('We worry Mia and Leo could be hurt <b>when</b> the adults fight.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.goto(`${base}/s/signs-of-safety/working-well`);
  await page.getByLabel('Existing strengths').fill('Dana gets the children to school every day.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.goto(base);
  await page.getByRole('link', { name: 'Print or save the summary for the family' }).click();
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText("What we found: a summary for the family of Mia and Leo Sample");
  await expect(report).toContainText('We worry Mia and Leo could be hurt <b>when</b> the adults fight.');
  await expect(report.getByRole('heading', { name: 'How safe things are now' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.header')).toBeHidden();
  const pdfPath = test.info().outputPath('family-summary.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain('What we found: a summary for the family of Mia and Leo Sample');
  expect(text).toContain('What we are worried about');
  expect(text).toContain('Dana gets the children to school every day.');
  expect(text).toContain('How safe things are now');
  expect(text).toContain('Who will help keep the children safe');
  expect(text).not.toContain('Assessment Workbench keeps everything on this device'); // the footer is not printed
  await page.emulateMedia({ media: 'screen' });

  const saved = await exportVia(page, () => page.getByRole('button', { name: 'Save as an HTML file' }).click());
  expect(saved.name).toMatch(/^family-summary-a-[0-9a-f]{16}\.html$/);
  expect(saved.text).toMatch(/^<!DOCTYPE html>/);
  expect(saved.text).toContain('hurt &lt;b&gt;when&lt;/b&gt; the adults fight');
  expect(saved.text).not.toContain('<script');

  await page.getByRole('link', { name: "The professional summary" }).click();
  await expect(page.getByTestId('report')).toContainText('Team Manager who approved not using an interpreter');
  // the scale's history chart, the genogram and the network map
  await expect(page.getByTestId('report').locator('svg')).toHaveCount(3);
  await expect(page.getByTestId('report').getByRole('heading', { name: 'Genogram' })).toBeVisible();
  await expect(page.getByTestId('report').getByRole('heading', { name: 'Safety network' })).toBeVisible();
  await expect(page.getByTestId('report')).toContainText("Keeps the children's routine the same at weekends");
});
