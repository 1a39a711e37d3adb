// Lighthouse 12 on the list's first visit, served by the project's nginx configuration
// (scripts/nginx, deploy/nginx/) as a council would serve it: mobile, with Lighthouse's default
// (simulated) throttling, a fresh browser profile each run. Used by scripts/bench.mjs.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'tests', 'e2e', 'package.json'));

/** The median performance score and LCP (seconds) of `runs` Lighthouse runs on the list. */
export async function lighthouseList(dist, port, runs = 3) {
  const { default: lighthouse } = await import(pathToFileURL(require.resolve('lighthouse')));
  const chromeLauncher = await import(pathToFileURL(require.resolve('chrome-launcher')));
  const nginx = spawn('bash', [join(root, 'scripts', 'nginx'), dist, String(port)], { stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    const scores = [];
    const lcps = [];
    for (let i = 0; i < runs; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      });
      try {
        const { lhr } = await lighthouse(`http://127.0.0.1:${port}/`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        scores.push(lhr.categories.performance.score);
        lcps.push(lhr.audits['largest-contentful-paint'].numericValue / 1000);
      } finally {
        await chrome.kill();
      }
    }
    return { score: median(scores), lcp: median(lcps), runs };
  } finally {
    // scripts/nginx runs nginx in its own process group: stop them both.
    try { process.kill(-nginx.pid, 'SIGTERM'); } catch { /* already stopped */ }
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer at ${url}`);
}
