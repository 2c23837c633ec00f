// Builds web/vendor/ from the nhsuk-frontend npm package: the CSS without the
// web fonts it loads from assets.nhs.uk (our CSP is font-src 'self', so the
// text falls back to Arial) and with its icon references pointed at copies
// under web/vendor/images/. Run by `make web`; safe to run again (files are
// only rewritten when their content changes).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync }
  from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk');
const vendor = join(root, 'web', 'vendor');
const images = join(vendor, 'images');

function fail(message) {
  console.error(`build-web: ${message}`);
  process.exit(1);
}

if (!existsSync(pkg)) fail(`${pkg} is missing: run \`npm ci\` (make deps) first`);

// Writes only when the bytes differ, so repeated runs leave mtimes alone.
function writeIfChanged(file, data) {
  mkdirSync(dirname(file), { recursive: true });
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  if (existsSync(file) && readFileSync(file).equals(bytes)) return false;
  writeFileSync(file, bytes);
  return true;
}

const isRemote = (url) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !/^data:/i.test(url);
const unquote = (s) => s.trim().replace(/^(['"])(.*)\1$/, '$2');

let css = readFileSync(join(pkg, 'nhsuk-frontend.min.css'), 'utf8');

// 1. Drop @font-face rules that load from another host (they cannot nest braces).
let droppedFonts = 0;
css = css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
  const urls = [...rule.matchAll(/url\(([^)]*)\)/g)].map((m) => unquote(m[1]));
  if (urls.some(isRemote)) {
    droppedFonts += 1;
    return '';
  }
  return rule;
});

// 2. Point url(/assets/images/x.svg) at web/vendor/images/x.svg, relative to
// the CSS file (served as /assets/vendor/nhsuk-frontend.<hash>.css, so
// "images/x.svg" resolves to /assets/vendor/images/x.svg).
const neededImages = new Set();
const missing = [];
css = css.replace(/url\(([^)]*)\)/g, (whole, raw) => {
  const url = unquote(raw);
  const m = url.match(/^\/assets\/images\/([A-Za-z0-9._-]+)$/);
  if (!m) {
    if (isRemote(url)) missing.push(url);
    return whole;
  }
  if (!existsSync(join(pkg, 'assets', 'images', m[1]))) {
    missing.push(url);
    // A transparent stand-in keeps the declaration valid without a request.
    return 'url("data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E")';
  }
  neededImages.add(m[1]);
  return `url(images/${m[1]})`;
});
if (missing.length) console.warn(`build-web: replaced unavailable references: ${missing.join(', ')}`);

// 3. The source map is not shipped.
css = css.replace(/\/\*#\s*sourceMappingURL=[^*]*\*\/\s*$/, '');

const changed = [];
if (writeIfChanged(join(vendor, 'nhsuk-frontend.css'), css)) changed.push('nhsuk-frontend.css');
for (const name of neededImages) {
  const data = readFileSync(join(pkg, 'assets', 'images', name));
  if (writeIfChanged(join(images, name), data)) changed.push(`images/${name}`);
}
// Remove images an older package version needed but this one does not.
if (existsSync(images)) {
  for (const name of readdirSync(images)) {
    if (!neededImages.has(name)) {
      rmSync(join(images, name));
      changed.push(`-images/${name}`);
    }
  }
}
// Our JS (web/js/cairn.js) does not use nhsuk-frontend.js: native <details>
// need no script, and we use no JS-only components (tabs, character count).
const staleJs = join(vendor, 'nhsuk-frontend.js');
if (existsSync(staleJs)) rmSync(staleJs);

console.log(`build-web: web/vendor ${changed.length ? `updated (${changed.join(', ')})` : 'up to date'}; ` +
  `${droppedFonts} remote @font-face rule(s) removed, ${neededImages.size} icon(s)`);
