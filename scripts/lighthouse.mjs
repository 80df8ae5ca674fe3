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
// Served over HTTP/2 with a throwaway self-signed certificate (openssl, into target/), as
// the handbook is served: over HTTP/1.1 Lighthouse's simulation gives every file fetched
// in parallel a connection of its own, and each costs a round trip (150 ms) before the
// first paint (the widget's stylesheet alone moved it by 150 ms). `--http1` measures that.
// Each page runs `--runs` times (default 3), each in a fresh Chromium; the table shows each
// metric's median (score, LCP, TBT, CLS, transfer) and the widget's difference from the page
// alone. Used by scripts/bench.mjs; also runs on its own:
//   node scripts/lighthouse.mjs dist [--peer target/peer-surveyjs] [--runs 3] [--http1] [--out target/lighthouse.json]
// A report, not a gate.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createSecureServer } from 'node:http2';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_PATH, TYPES, serveGzip } from './report-lib.mjs';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The local server's certificate is self-signed.
  '--ignore-certificate-errors',
];

/** A self-signed certificate for 127.0.0.1 in target/lighthouse-cert (made once, by openssl). */
function certificate() {
  const dir = 'target/lighthouse-cert';
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Like serveGzip, over HTTP/2 (TLS): resolves to { origin, close }. */
async function serveGzipHttp2(find) {
  const cache = new Map();
  const server = createSecureServer(certificate());
  server.on('stream', (stream, headers) => {
    const pathname = new URL(headers[':path'], 'https://x').pathname;
    const found = find(pathname);
    const file = typeof found === 'string' && existsSync(found) && !found.endsWith('/') ? found : null;
    if (!found || (typeof found === 'string' && !file)) {
      stream.respond({ ':status': 404 });
      return stream.end();
    }
    let body;
    let type;
    try {
      ({ body, type } = file ? { body: readFileSync(file), type: TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' } : found);
    } catch {
      stream.respond({ ':status': 404 });
      return stream.end();
    }
    const key = `${pathname} ${body.length}`;
    if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
    stream.respond({ ':status': 200, 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
    stream.end(cache.get(key));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `https://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

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
export async function serveLighthousePages(dist, peerDir, { http1 = false } = {}) {
  const demo = readFileSync(join(dist, 'index.html'), 'utf8');
  const { alone, surveyjs } = pageVariants(demo);
  const html = (text) => ({ body: Buffer.from(text), type: 'text/html; charset=utf-8' });
  const serve = http1 ? serveGzip : serveGzipHttp2;
  const server = await serve((pathname) => {
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
export async function lighthouseRuns(dist, { peerDir, runs = 3, http1 = false } = {}) {
  const { pages, close } = await serveLighthousePages(dist, peerDir, { http1 });
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

export function printLighthouse(results, runs, { http1 = false } = {}) {
  const header = ['page', 'score', 'LCP', 'TBT', 'CLS', 'transfer'];
  const rows = lighthouseRows(results);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`Lighthouse ${Object.values(results)[0].runs[0].lighthouse}, mobile (simulated throttling), median of ${runs} runs per page, served gzip over ${http1 ? 'HTTP/1.1' : 'HTTP/2'}:`);
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
  const http1 = args.includes('--http1');
  const results = await lighthouseRuns(dist, { peerDir, runs, http1 });
  printLighthouse(results, runs, { http1 });
  const out = option('--out');
  if (out) writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}
