import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Widget } from './widget';

/** The golden scenarios shared with the native tests (tests/scenarios/*.json). */
export function scenario(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'scenarios', `${name}.json`), 'utf8'));
}

export function golden(name: string): string {
  return readFileSync(join(__dirname, '..', 'tests', 'golden', `${name}.md`), 'utf8');
}

const TEXT: Record<string, string> = {
  customer: 'Customer',
  organization: 'PostHog organization',
  project_id: 'Project ID',
  requester_name: 'Your name',
  requester_team: 'Your team',
  conversation_url: 'Conversation or ticket link',
  commitment_note: 'Notes on commitment',
  start_date: 'Start date',
  start_time: "Start time (customer's time)",
  time_zone: "Customer's time zone",
  events_per_request: 'Events per request',
  avg_event_bytes: 'Average event size',
  oldest_event: 'Oldest event date',
  newest_event: 'Newest event date',
  total_events: 'Total events',
  max_events_per_id: 'Most events for one distinct_id',
  peak_rate: 'Peak rate',
  duration: 'Total duration',
  ramp_minutes: 'Minutes to reach the peak',
  ramp_note: 'Notes on the ramp-up',
  load_goal: 'Goal of the load test',
  load_concurrency: 'Concurrent clients',
  anything_else: 'Anything else',
};

const CHOICE: Record<string, [string, Record<string, string>]> = {
  region: ['Cloud region', { us: 'US cloud', eu: 'EU cloud', self_hosted: 'Self-hosted' }],
  kind: ['What will they send?', { import: 'Historical import', load_test: 'Load test', both: 'Both' }],
  flexibility: ['How fixed is the start?', { fixed: 'Fixed', flexible: 'Flexible', asap: 'As soon as possible' }],
  transport: ['How will events be sent?', { single: 'Single-event requests', batch: '/batch requests' }],
  historical_migration: ['Will they set historical_migration: true?', { yes: 'Yes', no: 'No', not_sure: 'Not sure' }],
  apps: ['Will apps be enabled?', { yes: 'Yes', no: 'No', not_sure: 'Not sure' }],
  ramp: ['Ramp-up profile', { all_at_once: 'None: everything at once', linear: 'Linear to the peak', steps: 'Steps' }],
  load_transport: ['Requests in the test', { single: 'Single-event requests', batch: '/batch requests' }],
};

const CHECK: Record<string, string> = {
  product_questions_answered: 'Their product questions are answered',
  committed: 'They are committed (paying, or paying once the import is done)',
  not_validating_with_import: 'They are not relying on the import to validate their use case',
  ids_unknown: 'Not known yet: the customer will send the numbers',
  custom_events: 'Other custom events too',
  events_not_sure: 'Not sure yet',
};

const MERGE_SENSITIVE = ['$identify', '$create_alias', '$merge_dangerously', '$groupidentify', '$set', '$set_once', '$unset'];

/**
 * Types a scenario into the form the way a reader would: choices first (they reveal
 * conditional questions), then text fields by label, then the list editors. Top
 * distinct_ids are pasted as the query's tab-separated result when `paste` is set.
 */
export async function fillScenario(w: Widget, s: Record<string, any>, opts: { paste?: boolean } = {}) {
  for (const [key, [question, options]] of Object.entries(CHOICE)) {
    if (s[key] && key !== 'load_transport') await w.choose(question, options[s[key]]);
  }
  if (s.load_transport) await w.choose(CHOICE.load_transport[0], CHOICE.load_transport[1][s.load_transport]);
  for (const [key, label] of Object.entries(CHECK)) {
    if (s[key]) await w.tick(label);
  }
  if (s.rate_unit) await w.root.getByLabel('Rate unit').selectOption(s.rate_unit);
  if (s.duration_unit) await w.root.getByLabel('Duration unit').selectOption(s.duration_unit);
  for (const [key, label] of Object.entries(TEXT)) {
    if (key === 'time_zone' || s[key] !== undefined) await w.fill(label, s[key] ?? '');
  }
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
}
