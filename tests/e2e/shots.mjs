import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 8791;
const server = spawn('node', ['../../scripts/static-server.mjs', '../../dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [w, h, name] of [[1024, 768, 'land'], [768, 1024, 'port'], [375, 667, 'phone']]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${port}/import`);
    await page.getByLabel('Upload a file').setInputFiles('../fixtures/assessment-v7.json');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/assessments\/a-[0-9a-f]+$/);
    const base = new URL(page.url()).pathname;
    const go = async (p) => { await page.evaluate((p) => { const a = document.createElement('a'); a.href = p; document.body.appendChild(a); a.click(); a.remove(); }, p); await page.waitForTimeout(300); };
    await go(`${base}/safety-plan`);
    await page.screenshot({ path: `/tmp/shots/${name}-plan-before.png` });
    await page.getByRole('button', { name: 'Remove rule 1', exact: true }).click();
    await page.waitForTimeout(600);
    await go(base);
    await page.screenshot({ path: `/tmp/shots/${name}-overview.png` });
    await page.getByTestId('undo').hover();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/shots/${name}-hover.png` });
    await page.getByTestId('undo').click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/shots/${name}-undone.png` });
    await ctx.close();
  }
} finally { await browser.close(); server.kill(); }
