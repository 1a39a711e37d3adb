import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { appList, fixture, importText } from './helpers';

const sizes = [
  { name: 'tablet landscape', width: 1024, height: 768 },
  { name: 'tablet portrait', width: 768, height: 1024 },
  { name: 'phone', width: 375, height: 667 },
];

async function axe(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Controls that are not inline text links must be at least 44 by 44 CSS pixels. */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, .button, .link-button, input, select, textarea, .header__link, .back-link, .task-list__link')]
      .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

for (const size of sizes) {
  test(`no serious axe findings and 44px targets on every page (${size.name})`, async ({ page }) => {
    await page.setViewportSize(size);
    await importText(page, fixture('assessment-v5.json'));
    await expect(page.getByTestId('assessment-title')).toHaveText('Mia Sample, Leo Sample');
    const base = page.url();
    const personHref = await (async () => {
      await page.goto(`${base}/people`);
      return page.getByRole('link', { name: 'Change Dana Sample' }).getAttribute('href');
    })();
    const meeting = await (async () => {
      await page.goto(`${base}/family-group`);
      await page.getByRole('button', { name: 'Add a meeting' }).click();
      await expect(page.getByTestId('meeting-heading')).toBeVisible();
      await page.getByRole('button', { name: 'Add a point to the plan' }).click();
      await expect(page.getByTestId('plan-point')).toBeVisible();
      return page.url();
    })();
    const pages = ['/', '/new', '/import', '/bin', '/storage', '/backup', '/due', base, `${base}/details`, `${base}/children`, `${base}/people`, personHref!, `${base}/delete`,
      `${base}/s/child`, `${base}/s/communication/language`, `${base}/s/analysis/worries`, `${base}/s/outcome/decision`, `${base}/chronology`, `${base}/genogram`, `${base}/network`,
      `${base}/planning`, `${base}/planning/i-50000002`, `${base}/safety-plan`, `${base}/case-record`, `${base}/print/family`, '/exports',
      '/procedures', '/procedures/preview?profile=signs-of-safety-2020&version=1', `${base}/family-group`, meeting, `${meeting}/print`];
    for (const path of pages) {
      await page.goto(path);
      // The list's page is drawn early from index.html; check the app's, once it has taken over.
      if (path === '/') await appList(page);
      await expect(page.locator('main h1')).toBeVisible();
      expect(await axe(page), `axe on ${path}`).toEqual([]);
      expect(await smallTargets(page), `small targets on ${path}`).toEqual([]);
      // nothing wider than the screen
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
  });
}

test('an assessment can be created and edited with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await appList(page);
  await expect(page.getByRole('heading', { name: 'Your assessments' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  // reach "Start a new assessment" by tabbing
  for (let i = 0; i < 10 && !(await page.getByRole('button', { name: 'Start a new assessment' }).evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Start a new assessment' })).toBeVisible();
  await page.getByLabel('Assessments (2024 chapter)').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // first type: section 17
  await expect(page.getByLabel('Section 17 (child in need)')).toBeChecked();
  await page.getByLabel('First name').focus();
  await page.keyboard.type('Kai');
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByTestId('assessment-title')).toHaveText('Kai');
  // the focused control is visibly outlined
  await page.getByRole('link', { name: 'About the assessment' }).focus();
  const focusStyle = await page.getByRole('link', { name: 'About the assessment' }).evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(focusStyle).toBe('rgb(255, 221, 0)');
  await page.keyboard.press('Enter');
  await page.getByLabel('Lead social worker').focus();
  await page.keyboard.type('Sam Fictional');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Lead social worker')).toHaveValue('Sam Fictional');
});
