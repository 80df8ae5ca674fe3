#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): writes the offline files into the build.
//
// Release build: offline.js as it is, and sw.js with the list of every built file and a
// hash of their content (its cache's version) in place of its `const BUILD` line.
//
// Development (a debug build, or a page carrying the inline live-reload script that
// `trunk serve` injects, as under `trunk serve --release`): no offline copy, so a rebuild
// is never served from a cache. offline.js registers nothing, and sw.js is a worker that
// deletes its caches and unregisters, for the case that a release build's worker was
// left on this origin (the browser checks sw.js for updates on every page load).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
if (!staging) {
  console.error('service-worker.mjs: run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}

const page = readFileSync(join(staging, 'index.html'), 'utf8');
const liveReload = /<script\b(?![^>]*\bsrc=)[^>]*>/i.test(page);
const release = process.env.TRUNK_PROFILE === 'release' && !liveReload;

if (!release) {
  writeFileSync(
    join(staging, 'offline.js'),
    '// Development build: no offline copy, so a rebuild is never served from a cache.\n',
  );
  writeFileSync(
    join(staging, 'sw.js'),
    `// Development build: removes a release build's offline copy left on this origin.
const PREFIX = \`historical-import-checklist \${self.registration.scope} \`;
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX)).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister())
      .then(() => self.clients.matchAll({ type: 'window' }))
      .then((pages) => pages.forEach((p) => p.navigate(p.url))),
  );
});
`,
  );
  console.log('service-worker.mjs: development build, no offline copy');
  process.exit(0);
}

writeFileSync(join(staging, 'offline.js'), readFileSync(join(source, 'offline.js')));

function files(dir) {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}
const built = files(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((name) => name !== 'sw.js')
  .sort();
const hash = createHash('sha256');
for (const name of built) hash.update(name).update('\0').update(readFileSync(join(staging, name))).update('\0');
const version = hash.digest('hex').slice(0, 16);
// The page is also asked for as its folder ("./"), as `serve` shows it.
const list = built.includes('index.html') ? ['./', ...built] : built;

const template = readFileSync(join(source, 'sw.js'), 'utf8');
const line = /^const BUILD = .*;$/m;
if ((template.match(new RegExp(line.source, 'gm')) ?? []).length !== 1) {
  console.error('service-worker.mjs: sw.js must have exactly one `const BUILD = …;` line');
  process.exit(1);
}
writeFileSync(join(staging, 'sw.js'), template.replace(line, `const BUILD = ${JSON.stringify({ version, files: list })};`));
console.log(`service-worker.mjs: sw.js precaches ${list.length} files, version ${version}`);
