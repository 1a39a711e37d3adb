// Benchmark figures for the release bundle (not a test): sizes of what a first visit loads,
// raw, gzip and brotli, and the time from navigation to an interactive assessment list in
// headless Chromium (median of several fresh-profile loads). Run through scripts/bench.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { spawn } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const { chromium } = createRequire(join(root, 'tests', 'e2e', 'package.json'))('@playwright/test');
const dist = join(root, 'dist');
const runs = Number(process.env.BENCH_RUNS ?? 9);
const port = 8799;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gz = (b) => gzipSync(b, { level: 9 }).length;

const firstLoad = readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f));
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log('file                                             raw        gzip       brotli');
for (const f of firstLoad.sort()) {
  const b = readFileSync(join(dist, f));
  const row = { raw: b.length, gzip: gz(b), brotli: br(b) };
  total = { raw: total.raw + row.raw, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli };
  console.log(`${f.padEnd(48)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}`);
}
console.log(`${'first load total (html+js+wasm+css)'.padEnd(48)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)} ${kb(total.brotli).padStart(10)}`);

const server = spawn('node', [join(root, 'scripts', 'static-server.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit' });
    // interactive: the list has loaded from IndexedDB and the start button is there
    await page.waitForSelector('[data-testid=empty-list], [data-testid=assessment-list]');
    await page.waitForSelector('text=Start a new assessment');
    times.push(await page.evaluate(() => performance.now()));
    await ctx.close();
  }
} finally {
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`navigation to interactive assessment list: median ${median.toFixed(0)} ms over ${runs} fresh loads (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`);
