import { test, expect } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The suite runs against the app served by the project's nginx configuration (deploy/nginx/,
// through scripts/nginx): the check a council's IT team runs (scripts/check-deployment.mjs)
// passes against it and fails against a plain development server.

const root = join(__dirname, '..', '..', '..');
const checker = join(root, 'scripts', 'check-deployment.mjs');

function runCheck(url: string) {
  const r = spawnSync('node', [checker, url], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout };
}

test('served as a council will serve it: headers, compressed copies, caching, routes and 404s are right', async ({ baseURL, request }) => {
  const { code, out } = runCheck(baseURL!);
  expect(out, out).toMatch(/all \d+ checks right/);
  expect(code).toBe(0);
  // And the same facts seen directly: the workbench's WebAssembly as brotli, cached for a year.
  const html = await (await request.get('/')).text();
  const modules = JSON.parse(/const modules = (\{.*?\});/.exec(html)![1]);
  const wasm = await request.get(modules.workbench.wasm, { headers: { 'Accept-Encoding': 'br' } });
  expect(wasm.headers()['content-encoding']).toBe('br');
  expect(wasm.headers()['cache-control']).toContain('immutable');
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/assessments/a-0123456789abcdef')).status()).toBe(200);
  expect((await request.get('/missing-script.js')).status()).toBe(404);
});

test('the check says what is wrong with a plain development server', async () => {
  const port = 8799;
  const server = spawn('node', [join(root, 'scripts', 'static-server.mjs'), join(root, 'dist'), String(port)], { stdio: 'ignore' });
  try {
    await expect.poll(async () => fetch(`http://127.0.0.1:${port}/`).then((r) => r.status, () => 0)).toBe(200);
    const { code, out } = runCheck(`http://127.0.0.1:${port}/`);
    expect(code).toBe(1);
    expect(out).toContain("✗ the page: Content-Security-Policy header with frame-ancestors 'none'");
    expect(out).toMatch(/✗ \/workbench-[0-9a-f]{16}_bg\.wasm: sent as br when the browser accepts it/);
    expect(out).toMatch(/✗ \/front-[0-9a-f]{16}\.js: cached for a year, immutable/);
  } finally {
    server.kill();
  }
});

test('the app runs under the served headers with nothing refused', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) refused.push(m.text()); });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start a new assessment' })).toBeVisible();
  await page.goto('/demo');
  await expect(page).toHaveURL(/\/assessments\/a-[0-9a-f]{16}/);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(refused).toEqual([]);
  // Nobody may put the app in a frame.
  const framed = await page.evaluate(async () => {
    const f = document.createElement('iframe');
    f.src = '/';
    document.body.append(f);
    await new Promise((r) => setTimeout(r, 1500));
    try { return Boolean(f.contentDocument?.querySelector('main')); } catch { return false; }
  });
  expect(framed).toBe(false);
});
