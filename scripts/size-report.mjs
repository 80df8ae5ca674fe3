#!/usr/bin/env node
// Bundle-size report and gate: every shipped asset of the release build, raw / gzip -9 /
// brotli, and the widget's first load (wasm + js + widget css). With --check it exits 1
// when the first load is over the gate in size-budget.json (the product's 100 KB target
// is reported beside it).
import { readFileSync } from 'node:fs';
import { assetSizes, isOffline, isWidget, sum } from './report-lib.mjs';

const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const check = process.argv.includes('--check');
const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8'));

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = assetSizes(dist);

if (rows.length === 0) {
  console.error(`size-report: no built assets in ${dist}/ (run trunk build --release first)`);
  process.exit(1);
}
console.log(`${'asset'.padEnd(48)}  raw KB   gzip KB  brotli KB`);
for (const r of rows) console.log(`${r.name.padEnd(48)}${kb(r.raw)}  ${kb(r.gz)}  ${kb(r.br)}`);
const widget = rows.filter((r) => isWidget(r.name));
console.log(`${'total (all assets)'.padEnd(48)}${kb(sum(rows, 'raw'))}  ${kb(sum(rows, 'gz'))}  ${kb(sum(rows, 'br'))}`);
const firstLoad = sum(widget, 'gz');
const k = (n) => `${(n / 1024).toFixed(1)} KB`;
const offline = rows.filter((r) => isOffline(r.name));
if (offline.length) {
  console.log(`offline copy (offline.js + sw.js; standalone page or a host that opts in; not first load): ${k(sum(offline, 'gz'))} gzip`);
}
console.log(
  `widget first load (wasm + js + widget css): ${k(firstLoad)} gzip (${k(sum(widget, 'br'))} brotli); ` +
    `gate ${k(budget.gateBytes)}: ${firstLoad <= budget.gateBytes ? 'ok' : 'OVER'}; ` +
    `retired target ${k(budget.targetBytes)}: ${firstLoad <= budget.targetBytes ? 'met' : `not met (${k(firstLoad - budget.targetBytes)} over)`}`,
);
if (check && firstLoad > budget.gateBytes) {
  console.error(`size-report: the first load grew past the gate in size-budget.json (${firstLoad} > ${budget.gateBytes} bytes)`);
  process.exit(1);
}
