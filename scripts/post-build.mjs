// Trunk post-build hook.
// 0. Names the three app modules (front, workbench, whole: see src/ui/handoff.rs) by a hash of their
//    contents, and inlines the loader (public/boot.js) with those names into index.html.
// 1. Writes a strict Content Security Policy into the built index.html. The loader is an
//    inline module script, so the policy allows exactly that script by its SHA-256 hash, plus
//    'wasm-unsafe-eval' for WebAssembly. No inline style, no other origin.
// 2. Versions the service worker: the build's file list and a hash of their contents go into
//    sw.js, so each build has its own cache and the app can offer "reload to update".
// 3. Writes brotli and gzip copies (name.br, name.gz) of every file worth compressing, the
//    WebAssembly included, for a server to send as they are (deploy/nginx/site.conf): the
//    smallest files at no cost per request.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const modules = {};
for (const name of ['front', 'workbench', 'whole']) {
  // Trunk names the main module `front-<hash>.js` and the others `workbench.js`, `whole.js`.
  const base = readdirSync(dir).find((f) => new RegExp(`^${name}(-[0-9a-f]+)?\\.js$`).test(f));
  if (!base) {
    console.error(`post-build: the ${name} module is missing`);
    process.exit(1);
  }
  const js = join(dir, base);
  const wasm = join(dir, base.replace(/\.js$/, '_bg.wasm'));
  const h = createHash('sha256').update(readFileSync(js)).update(readFileSync(wasm)).digest('hex').slice(0, 16);
  renameSync(js, join(dir, `${name}-${h}.js`));
  renameSync(wasm, join(dir, `${name}-${h}_bg.wasm`));
  modules[name] = { js: `/${name}-${h}.js`, wasm: `/${name}-${h}_bg.wasm` };
}
const boot = readFileSync(join(import.meta.dirname, '..', 'public', 'boot.js'), 'utf8')
  .replace('__AW_MODULES__', JSON.stringify(modules));
const bootTag = '<script type="module" data-aw-boot></script>';
if (!html.includes(bootTag) || boot.includes('__AW_')) {
  console.error('post-build: could not place the loader in index.html');
  process.exit(1);
}
html = html.replace(bootTag, `<script type="module" data-aw-boot>\n${boot}</script>`);
// Trunk leaves the module links in place when it injects no scripts (Trunk.toml).
html = html.replace(/\s*<link data-trunk rel="rust"[^>]*>/g, '');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!html.includes('Content-Security-Policy')) {
  console.error('post-build: could not place the policy in index.html');
  process.exit(1);
}
writeFileSync(file, html);
console.log(`post-build: policy written with ${hashes.length} script hash(es)`);

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(dir);
const assets = files
  .map((p) => '/' + relative(dir, p).split('\\').join('/'))
  .filter((u) => u !== '/sw.js' && !u.startsWith('/.'))
  .sort();
const version = createHash('sha256');
for (const u of assets) version.update(u).update(readFileSync(join(dir, u)));
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace('__BUILD_VERSION__', version.digest('hex').slice(0, 16))
  .replace('__BUILD_ASSETS__', JSON.stringify(['/', ...assets]));
if (sw.includes('__BUILD_')) {
  console.error('post-build: sw.js placeholders not filled');
  process.exit(1);
}
writeFileSync(swPath, sw);
console.log(`post-build: service worker lists ${assets.length} files`);

const compressible = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest']);
let copies = 0;
for (const p of [...files]) {
  if (!compressible.has(extname(p))) continue;
  const body = readFileSync(p);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const gz = gzipSync(body, { level: 9 });
  // A copy larger than the file would only cost the reader: left out.
  if (br.length < body.length) { writeFileSync(`${p}.br`, br); copies++; }
  if (gz.length < body.length) { writeFileSync(`${p}.gz`, gz); copies++; }
}
console.log(`post-build: ${copies} compressed copies written`);
