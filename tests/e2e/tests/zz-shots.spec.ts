import { test, expect } from '@playwright/test';
for (const size of [{ w: 1024, h: 768 }, { w: 768, h: 1024 }, { w: 375, h: 667 }]) {
  test(`shots ${size.w}`, async ({ page }) => {
    await page.setViewportSize({ width: size.w, height: size.h });
    await page.goto('/');
    await page.getByRole('button', { name: 'Open a demonstration case' }).click();
    await expect(page).toHaveURL(/assessments\/a-/);
    const base = page.url().replace(/\/scales$/, '');
    await page.goto(`${base}/genogram`);
    await expect(page.locator('.canvas .g-person')).toHaveCount(5);
    await page.screenshot({ path: `/tmp/shot-genogram-${size.w}.png` });
    await page.locator('.canvas .g-person').first().click();
    await page.screenshot({ path: `/tmp/shot-genogram-sel-${size.w}.png`, fullPage: true });
    await page.goto(`${base}/network`);
    await expect(page.locator('.canvas .g-person')).toHaveCount(6);
    await page.locator('.canvas').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shot-network-${size.w}.png` });
    await page.getByRole('tab', { name: 'Safety network' }).click();
    await page.screenshot({ path: `/tmp/shot-safety-${size.w}.png`, fullPage: true });
    await page.goto(`${base}/network/present`);
    await page.screenshot({ path: `/tmp/shot-present-${size.w}.png` });
  });
}
