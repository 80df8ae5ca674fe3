import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Widget } from './widget';

/** The golden scenarios shared with the native tests (tests/scenarios/*.json). */
export function scenario(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'scenarios', `${name}.json`), 'utf8'));
}

/** The scenario's sample of what they will send (`name.sample.jsonl`), where it has one. */
export function sample(name: string): string | undefined {
  const path = join(__dirname, '..', 'tests', 'scenarios', `${name}.sample.jsonl`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** A golden block: `md` (GitHub), `slack.txt` (Slack) or `txt` (plain text). */
export function golden(name: string, ext = 'md'): string {
  return readFileSync(join(__dirname, '..', 'tests', 'golden', `${name}.${ext}`), 'utf8');
}

const MERGE_SENSITIVE = ['$identify', '$create_alias', '$merge_dangerously', '$groupidentify', '$set', '$set_once', '$unset'];
/** Answers edited by their own controls, filled at the end. */
const LISTS = ['top_ids', 'event_types', 'app_list', 'ramp_steps', 'schema_version'];

/**
 * Types a scenario into the form the way a reader would. Every question carries
 * `data-field` (its answer's key, kebab-case), so no label is copied here from the
 * question table: choices first (they reveal conditional questions), then tick boxes
 * and units, then text; then the list editors. Top distinct_ids are pasted as the
 * query's tab-separated result when `paste` is set. A `sample` of what they will send
 * is pasted last and used ("Use these answers" fills only what is still empty), as the
 * golden test does.
 */
export async function fillScenario(w: Widget, s: Record<string, any>, opts: { paste?: boolean; sample?: string } = {}) {
  const scalars = Object.entries(s).filter(([key]) => !LISTS.includes(key));
  const hook = (key: string) => w.root.locator(`[data-field="${key.replace(/_/g, '-')}"]`);
  for (const [key, value] of scalars) {
    if (typeof value === 'string' && (await hook(key).getByRole('radio').count()) > 0) {
      await hook(key).locator(`input[type=radio][value="${value}"]`).check();
    }
  }
  // A tick shown beside a finding (told about the out-of-order risk) appears only once
  // the answers raise that finding: it is ticked at the end, if the finding is there.
  const later: string[] = [];
  for (const [key, value] of scalars) {
    if (value !== true) continue;
    if ((await hook(key).count()) === 0) later.push(key);
    else await hook(key).getByRole('checkbox').check();
  }
  for (const [key, value] of scalars) {
    if (typeof value !== 'string') continue;
    const field = hook(key);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') {
      await field.selectOption(value);
    } else if ((await field.getByRole('radio').count()) === 0) {
      await w.fillControl(field.locator('input, textarea').first(), value);
    }
  }
  if (s.time_zone === undefined) await w.fill("Customer's time zone", '');
  const top: { distinct_id: string; events: string }[] = s.top_ids ?? [];
  if (opts.paste && top.length) {
    await w.fill("Paste the query's result", ['count()\tdistinct_id', ...top.map((r) => `${r.events}\t${r.distinct_id}`)].join('\n'));
    await w.root.getByRole('button', { name: 'Add pasted rows' }).click();
  } else {
    for (const [i, row] of top.entries()) {
      await w.root.getByRole('button', { name: 'Add row' }).click();
      await w.fill(`distinct_id, row ${i + 1}`, row.distinct_id);
      await w.fill(`events, row ${i + 1}`, row.events);
    }
  }
  for (const name of s.event_types ?? []) {
    if (MERGE_SENSITIVE.includes(name)) {
      await w.tick(name);
    } else {
      await w.fill('Custom event name', name);
      await w.root.getByRole('button', { name: 'Add', exact: true }).click();
    }
  }
  for (const [i, app] of (s.app_list ?? []).entries()) {
    await w.root.getByRole('button', { name: 'Add app' }).click();
    await w.fill(`App name, row ${i + 1}`, app.name);
    await w.root.getByLabel(`App kind, row ${i + 1}`).selectOption(app.kind);
  }
  for (const [i, step] of (s.ramp_steps ?? []).entries()) {
    await w.root.getByRole('button', { name: 'Add step' }).click();
    await w.fill(`Minutes, step ${i + 1}`, step.after_minutes);
    await w.fill(`Rate, step ${i + 1}`, step.rate);
  }
  for (const key of later) {
    if ((await hook(key).count()) > 0) await hook(key).getByRole('checkbox').check();
  }
  if (opts.sample !== undefined) {
    await w.fill('Paste a sample of what they will send', opts.sample);
    const use = hook('sample').getByRole('button', { name: 'Use these answers' });
    await use.click();
    await expect(use).toBeHidden();
  }
}
