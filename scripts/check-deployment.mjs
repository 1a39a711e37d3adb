#!/usr/bin/env node
// Checks a deployment of Assessment Workbench from the outside, as docs/deploying.md describes:
// the security headers, compression and caching of each kind of file, the app's routes and
// unknown files. `node scripts/check-deployment.mjs https://workbench.example.gov.uk/`
// Prints a line per check (✓ right, ✗ wrong, with what was found) and exits with 1 when any
// check is wrong.

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/');
const secure = base.protocol === 'https:';
const results = [];
const check = (ok, what, found) => results.push({ ok, what, found });

async function get(path, encoding = 'identity') {
  const res = await fetch(new URL(path, base), { headers: { 'Accept-Encoding': encoding }, redirect: 'manual' });
  const body = await res.arrayBuffer();
  return { status: res.status, headers: res.headers, body: Buffer.from(body) };
}

const header = (r, name) => r.headers.get(name) ?? '(none)';
const oneYear = 31536000;
const maxAge = (r) => Number(/max-age=(\d+)/.exec(header(r, 'cache-control'))?.[1] ?? 0);

function securityHeaders(r, where) {
  const csp = header(r, 'content-security-policy');
  check(/frame-ancestors 'none'/.test(csp), `${where}: Content-Security-Policy header with frame-ancestors 'none'`, csp);
  check(header(r, 'x-content-type-options') === 'nosniff', `${where}: X-Content-Type-Options: nosniff`, header(r, 'x-content-type-options'));
  check(header(r, 'referrer-policy') === 'no-referrer', `${where}: Referrer-Policy: no-referrer`, header(r, 'referrer-policy'));
  const pp = header(r, 'permissions-policy');
  check(['camera=()', 'microphone=()', 'geolocation=()'].every((p) => pp.includes(p)),
    `${where}: Permissions-Policy refuses camera, microphone and location`, pp);
  check(header(r, 'cross-origin-opener-policy') === 'same-origin', `${where}: Cross-Origin-Opener-Policy: same-origin`, header(r, 'cross-origin-opener-policy'));
  const hsts = header(r, 'strict-transport-security');
  const age = Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0);
  check(age >= 15552000, `${where}: Strict-Transport-Security for at least 180 days`, hsts);
}

function notCachedBlindly(r, where) {
  check(/no-cache/.test(header(r, 'cache-control')), `${where}: Cache-Control: no-cache (checked with the server each time)`, header(r, 'cache-control'));
}

async function compressedAndImmutable(path, type) {
  for (const [accept, want] of [['br', 'br'], ['gzip', 'gzip']]) {
    const r = await get(path, accept);
    check(r.status === 200 && header(r, 'content-encoding') === want, `${path}: sent as ${want} when the browser accepts it`,
      `${r.status}, Content-Encoding ${header(r, 'content-encoding')}`);
  }
  const r = await get(path);
  check(r.status === 200, `${path}: found`, r.status);
  check(header(r, 'content-type').startsWith(type), `${path}: Content-Type ${type}`, header(r, 'content-type'));
  check(maxAge(r) >= oneYear && /immutable/.test(header(r, 'cache-control')), `${path}: cached for a year, immutable (its name changes with its contents)`,
    header(r, 'cache-control'));
}

try {
  const page = await get('/');
  check(page.status === 200 && header(page, 'content-type').startsWith('text/html'), 'the page: / answers with the app', `${page.status} ${header(page, 'content-type')}`);
  securityHeaders(page, 'the page');
  notCachedBlindly(page, 'the page');
  const html = page.body.toString('utf8');
  check(/http-equiv="Content-Security-Policy"[^>]*script-src 'self' 'wasm-unsafe-eval' 'sha256-/.test(html), "the page: the build's script policy is in it",
    'no policy meta tag');

  const route = await get('/assessments/a-0123456789abcdef/planning');
  check(route.status === 200 && route.body.toString('utf8') === html, "an app's address (a bookmark): answered with the page", route.status);
  const missing = await get(`/no-such-file-${Date.now()}.js`);
  check(missing.status === 404, 'a file that is not there: 404 (never the page in its place)', missing.status);
  securityHeaders(missing, 'a 404');

  const modules = JSON.parse(/const modules = (\{.*?\});/.exec(html)?.[1] ?? '{}');
  check(Boolean(modules.front && modules.workbench && modules.whole), "the page names the app's three modules", Object.keys(modules).join(', ') || 'none');
  for (const m of Object.values(modules)) {
    await compressedAndImmutable(m.wasm, 'application/wasm');
    await compressedAndImmutable(m.js, 'application/javascript');
  }
  const css = /href="(\/main-[0-9a-f]{16}\.css)"/.exec(html)?.[1];
  if (css) await compressedAndImmutable(css, 'text/css');

  const sw = await get('/sw.js');
  check(sw.status === 200 && /javascript/.test(header(sw, 'content-type')), 'the service worker /sw.js: found, as JavaScript', `${sw.status} ${header(sw, 'content-type')}`);
  notCachedBlindly(sw, 'the service worker');
  const schema = /"(\/schema\/assessment-v\d+\.schema\.json)"/.exec(sw.body.toString('utf8'))?.[1];
  if (schema) {
    const s = await get(schema);
    check(s.status === 200 && /json/.test(header(s, 'content-type')), `the published schema ${schema}: found, as JSON`, `${s.status} ${header(s, 'content-type')}`);
    notCachedBlindly(s, 'the published schema');
  } else {
    check(false, 'the service worker lists the published schema', 'not listed');
  }
} catch (e) {
  check(false, `${base.href} answers`, e.cause?.code ?? e.message);
}

for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.what}${r.ok ? '' : `: found ${r.found}`}`);
if (!secure) console.log('- served over plain HTTP: browsers act on Strict-Transport-Security, and run the service worker, only over HTTPS (or on this computer)');
const wrong = results.filter((r) => !r.ok).length;
console.log(wrong ? `${wrong} of ${results.length} checks wrong` : `all ${results.length} checks right`);
process.exit(wrong ? 1 : 0);
