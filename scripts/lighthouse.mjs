#!/usr/bin/env node
// Lighthouse on the demo page: what the widget costs the handbook page. Lighthouse 12 from
// npm (pinned in package.json) drives Debian's Chromium with its default profile (mobile:
// a Moto G Power screen, simulated slow 4G, the CPU slowed 4x), performance only, on three
// pages served gzip-encoded from one local server:
//   - page alone: the demo page with the widget's element, loader.js, offline.js and
//     widget.css removed;
//   - with widget: the demo page as built;
//   - with SurveyJS: the demo page with SurveyJS 2.5.38 and the same questions in the
//     widget's place (scripts/peer-surveyjs, installed into target/ by its setup.sh).
// Each page runs `--runs` times (default 3), each in a fresh Chromium; the table shows each
// metric's median (score, LCP, TBT, CLS, transfer) and the widget's difference from the page
// alone. Used by scripts/bench.mjs; also runs on its own:
//   node scripts/lighthouse.mjs dist [--peer target/peer-surveyjs] [--runs 3] [--out target/lighthouse.json]
// A report, not a gate.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH, serveGzip } from './report-lib.mjs';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The widget's element (with what it holds), its scripts and its stylesheet, in the built page. */
const WIDGET_ELEMENT = /<div[^>]*\bdata-historical-import-checklist\b[^>]*>[\s\S]*?<\/div>/;
const WIDGET_HEAD = [
  /<script[^>]*\bsrc="?[^"> ]*\b(loader|offline)\.js"?[^>]*><\/script>/g,
  /<link[^>]*\bhref="?[^"> ]*\bwidget\.css"?[^>]*>/g,
  /<link[^>]*\bhref="?[^"> ]*historical-import-checklist[^"> ]*"?[^>]*>/g,
];

/** The demo page without the widget, and with SurveyJS in its place. */
export function pageVariants(demoHtml) {
  if (!WIDGET_ELEMENT.test(demoHtml)) throw new Error('lighthouse: no widget element in the built index.html');
  const strip = (html) => WIDGET_HEAD.reduce((h, re) => h.replace(re, ''), html);
  const alone = strip(demoHtml.replace(WIDGET_ELEMENT, ''));
  // As the peer page loads SurveyJS: its stylesheet and two scripts in the head, the
  // questions and the page's script after the form.
  const head =
    '<link rel="stylesheet" href="/surveyjs/survey-core.min.css">' +
    '<script src="/surveyjs/survey.core.min.js"></script><script src="/surveyjs/survey-js-ui.min.js"></script>';
  const form =
    '<div id="survey"></div><pre id="preview"></pre><button id="copy" type="button">Copy request</button>' +
    '<script src="/surveyjs/survey-data.js"></script><script src="/surveyjs/app.js"></script>';
  const surveyjs = strip(demoHtml.replace(WIDGET_ELEMENT, form)).replace('</head>', `${head}</head>`);
  return { alone, surveyjs };
}

/** Serves dist/ and the two other pages (/page-alone.html, /with-surveyjs.html). */
export async function serveLighthousePages(dist, peerDir) {
  const demo = readFileSync(join(dist, 'index.html'), 'utf8');
  const { alone, surveyjs } = pageVariants(demo);
  const html = (text) => ({ body: Buffer.from(text), type: 'text/html; charset=utf-8' });
  const server = await serveGzip((pathname) => {
    if (pathname === '/page-alone.html') return html(alone);
    if (pathname === '/with-surveyjs.html') return html(surveyjs);
    if (pathname.startsWith('/surveyjs/')) return peerDir ? join(peerDir, pathname.slice('/surveyjs/'.length)) : null;
    return join(dist, pathname === '/' ? 'index.html' : pathname);
  });
  const pages = [
    { name: 'page alone', url: `${server.origin}/page-alone.html` },
    { name: 'with widget', url: `${server.origin}/index.html` },
  ];
  if (peerDir) pages.push({ name: 'with SurveyJS', url: `${server.origin}/with-surveyjs.html` });
  return { pages, close: server.close };
}

/** One Lighthouse run of `url` in a fresh Chromium: the numbers the table shows. */
async function runOnce(url) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const value = (id) => lhr.audits[id]?.numericValue;
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      transferBytes: value('total-byte-weight'),
      longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({ url: t.url, startMs: t.startTime, ms: t.duration })),
      lighthouse: lhr.lighthouseVersion,
      chromium: lhr.environment?.hostUserAgent,
      benchmarkIndex: lhr.environment?.benchmarkIndex,
    };
  } finally {
    await chrome.kill();
  }
}

const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const METRICS = ['score', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'transferBytes'];

/** Every page `runs` times, alternating pages so that a busy moment of the machine is shared. */
export async function lighthouseRuns(dist, { peerDir, runs = 3 } = {}) {
  const { pages, close } = await serveLighthousePages(dist, peerDir);
  try {
    const byPage = Object.fromEntries(pages.map((p) => [p.name, []]));
    for (let i = 0; i < runs; i++) {
      for (const p of pages) byPage[p.name].push(await runOnce(p.url));
    }
    return Object.fromEntries(
      pages.map((p) => {
        const list = byPage[p.name];
        const medians = Object.fromEntries(METRICS.map((m) => [m, median(list.map((r) => r[m]))]));
        return [p.name, { ...medians, runs: list }];
      }),
    );
  } finally {
    close();
  }
}

/** The table's rows: [page, score, LCP, TBT, CLS, transfer], the widget's difference last. */
export function lighthouseRows(results) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const row = (name, r) => [name, String(r.score), `${(r.lcpMs / 1000).toFixed(2)} s`, `${Math.round(r.tbtMs)} ms`, r.cls.toFixed(3), kb(r.transferBytes)];
  const rows = Object.entries(results).map(([name, r]) => row(name, r));
  const alone = results['page alone'];
  const widget = results['with widget'];
  if (alone && widget) {
    const signed = (n, text) => `${n >= 0 ? '+' : '−'}${text(Math.abs(n))}`;
    rows.push([
      'widget − page alone',
      signed(widget.score - alone.score, String),
      signed(widget.lcpMs - alone.lcpMs, (n) => `${Math.round(n)} ms`),
      signed(widget.tbtMs - alone.tbtMs, (n) => `${Math.round(n)} ms`),
      signed(widget.cls - alone.cls, (n) => n.toFixed(3)),
      signed(widget.transferBytes - alone.transferBytes, kb),
    ]);
  }
  return rows;
}

export function printLighthouse(results, runs) {
  const header = ['page', 'score', 'LCP', 'TBT', 'CLS', 'transfer'];
  const rows = lighthouseRows(results);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`Lighthouse ${Object.values(results)[0].runs[0].lighthouse}, mobile (simulated throttling), median of ${runs} runs per page, served gzip:`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((r) => console.log(line(r)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dist = args[0] && !args[0].startsWith('--') ? args[0] : 'dist';
  const peerDir = option('--peer') ?? (existsSync('target/peer-surveyjs/app.js') ? 'target/peer-surveyjs' : undefined);
  const runs = Number(option('--runs') ?? 3);
  const results = await lighthouseRuns(dist, { peerDir, runs });
  printLighthouse(results, runs);
  const out = option('--out');
  if (out) writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}
