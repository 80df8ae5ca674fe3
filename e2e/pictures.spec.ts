import { expect, test } from './fixtures';
import { fillScenario, scenario } from './scenario';
import { Widget } from './widget';

// The pictures (src/checklist/chart.rs, slot.rs): each reacts to the answers and is
// named by its one-sentence text alternative, which is also its visible caption.

async function open(page: import('@playwright/test').Page) {
  const widget = await Widget.open(page);
  await fillScenario(widget, scenario('small-import'), { paste: true });
  return widget;
}

function picture(w: Widget, name: string) {
  const figure = w.root.locator(`figure[data-picture="${name}"]`);
  return { figure, caption: figure.locator('figcaption'), svg: figure.locator('svg') };
}

/** The picture is shown, its image is named by its caption, and hovering shows it. */
async function named(w: Widget, name: string, caption: string | RegExp) {
  const p = picture(w, name);
  await expect(p.figure).toBeVisible();
  await expect(p.caption).toHaveText(caption);
  const text = (await p.caption.textContent()) ?? '';
  await expect(p.figure.getByRole('img', { name: text, exact: true })).toBeVisible();
  // The same sentence on hover: an SVG <title>.
  const title = p.svg.locator('title');
  await expect(title).toHaveText(text);
  expect(await title.evaluate((e) => e.namespaceURI)).toBe('http://www.w3.org/2000/svg');
}

test('the ramp-up chart follows the profile and its steps', async ({ page }) => {
  const w = await open(page);
  const ramp = picture(w, 'ramp');
  await named(
    w,
    'ramp',
    'Ramp-up: linear from 0, reaching the 500 events/s peak after 15 min, staying at or under the comfortable 3,000 events/s.',
  );
  await expect(ramp.svg.locator('text', { hasText: 'peak 500/s after 15 min' })).toBeVisible();

  await w.choose('Ramp-up profile', 'Steps');
  await w.fill('Peak rate', '5000');
  for (const [i, [minutes, rate]] of [['0', '500'], ['10', '2000'], ['30', '5000']].entries()) {
    await w.root.getByRole('button', { name: 'Add step' }).click();
    await w.fill(`Minutes, step ${i + 1}`, minutes);
    await w.fill(`Rate, step ${i + 1}`, rate);
  }
  await named(
    w,
    'ramp',
    'Ramp-up: 3 steps from 500 events/s to 5,000 events/s, reaching the 5,000 events/s peak after 30 min, passing the comfortable 3,000 events/s after 30 min.',
  );
  await expect(ramp.svg.locator('path.hic-c-comfort')).toHaveCount(1);
  const line = ramp.svg.locator('path.hic-c-line');
  const before = await line.getAttribute('d');
  await w.fill('Rate, step 2', '4000');
  await expect(line).not.toHaveAttribute('d', before ?? '');
  await expect(ramp.caption).toContainText('passing the comfortable 3,000 events/s after 10 min');

  await w.choose('Ramp-up profile', 'None: everything at once');
  await expect(ramp.caption).toHaveText(
    'Ramp-up: none, 5,000 events/s from the first second, above the comfortable 3,000 events/s from the start.',
  );
  // No peak rate, no picture.
  await w.fill('Peak rate', '');
  await expect(ramp.figure).toBeHidden();
});

test('the busiest distinct_ids as bars with their share and the hot line', async ({ page }) => {
  const w = await open(page);
  const ids = picture(w, 'ids');
  await named(
    w,
    'ids',
    'Busiest 3 distinct_ids: cust-0042 has the most, 8,000 events (0.4 % of all events); none reaches the hot threshold of 100,000 events.',
  );
  await expect(ids.svg.locator('text', { hasText: '8,000 · 0.4 %' })).toBeVisible();
  await expect(ids.svg.locator('path.hic-c-hot')).toHaveCount(0);

  await w.root.getByRole('button', { name: 'Add row' }).click();
  await w.fill('distinct_id, row 4', 'big-one');
  await w.fill('events, row 4', '150000');
  await named(
    w,
    'ids',
    'Busiest 4 distinct_ids: big-one has the most, 150,000 events (7.5 % of all events); 1 of 4 at or above the hot threshold of 100,000 events.',
  );
  await expect(ids.svg.locator('text', { hasText: '150,000 · 7.5 %' })).toBeVisible();
  await expect(ids.svg.locator('path.hic-c-hot')).toHaveCount(1);
  await expect(ids.svg.locator('path.hic-c-hotline')).toHaveCount(1);
  await expect(ids.svg.locator('text', { hasText: 'hot from 100k' })).toBeVisible();
});

test('the schedule strip moves with the start; a suggested slot applies and undoes', async ({ page }) => {
  const w = await open(page);
  const strip = picture(w, 'schedule');
  await named(
    w,
    'schedule',
    "The run starts Tue 5 Mar 2030 at 10:00 and ends at 11:10 in Europe/Berlin (UTC 09:00–10:10, Amsterdam 10:00–11:10), all of it inside the pipeline team's hours; the team's hours and days off are shaded.",
  );
  const run = strip.svg.locator('path.hic-c-run');
  const before = await run.getAttribute('d');
  await w.fill("Start time (customer's time)", '18:00');
  await expect(run).not.toHaveAttribute('d', before ?? '');
  await expect(strip.caption).toContainText("at 18:00 and ends at 19:10 in Europe/Berlin (UTC 17:00–18:10, Amsterdam 18:00–19:10), none of it inside the pipeline team's hours");

  await w.root.getByRole('button', { name: 'Suggest a slot' }).click();
  await expect(w.root.locator('.hic-slot-why')).toHaveText(
    "Tue 5 Mar 2030 at 09:00 in Europe/Berlin (09:00 Amsterdam, 08:00 UTC): the first working day from the chosen date, and the 1 h 10 min run stays inside the team's 09:00–17:00 Amsterdam.",
  );
  await w.root.getByRole('button', { name: 'Use 2030-03-05 09:00' }).click();
  await expect(w.field("Start time (customer's time)")).toHaveValue('09:00');
  await expect(w.field('Start date')).toHaveValue('2030-03-05');
  await expect(strip.caption).toContainText('all of it inside');

  await w.root.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(w.field("Start time (customer's time)")).toHaveValue('18:00');
  await expect(w.root.getByRole('button', { name: 'Undo', exact: true })).toBeHidden();

  // On a Saturday: the next Monday.
  await w.fill('Start date', '2030-03-09');
  // Apply closed the proposal: one click shows the next.
  await w.root.getByRole('button', { name: 'Suggest a slot' }).click();
  await expect(w.root.locator('.hic-slot-why')).toContainText('Mon 11 Mar 2030 at 09:00');
  await w.root.getByRole('button', { name: 'Use 2030-03-11 09:00' }).click();
  await expect(w.field('Start date')).toHaveValue('2030-03-11');
});

test('each hour of the schedule strip reads in the customer\'s zone, UTC and Amsterdam, by pointer and by keyboard', async ({ page }) => {
  const w = await open(page);
  // Tue 5 Mar 2030 10:00–11:10 in Berlin: the strip shows Mon to Wed, 72 hours.
  const hours = w.root.getByRole('slider', { name: /Hours on the strip/ });
  // The hour's text shows under the strip (CSS draws the slider's value text).
  const shown = () => hours.evaluate((e) => getComputedStyle(e, '::before').content);
  const reads = async (text: string) => {
    await expect(hours).toHaveAttribute('aria-valuetext', text);
    expect(await shown()).toBe(JSON.stringify(text));
  };
  expect(await shown()).toBe('none');

  await hours.focus();
  await reads("Tue 5 Mar 2030 10:00 in Europe/Berlin · 09:00 UTC · 10:00 Amsterdam · the run · the pipeline team's hours");
  await expect(hours).toHaveAttribute('aria-valuenow', '34');
  await expect(hours).toHaveAttribute('aria-valuemax', '71');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await reads("Tue 5 Mar 2030 12:00 in Europe/Berlin · 11:00 UTC · 12:00 Amsterdam · the pipeline team's hours");
  await page.keyboard.press('PageDown');
  await reads("Mon 4 Mar 2030 12:00 in Europe/Berlin · 11:00 UTC · 12:00 Amsterdam · the pipeline team's hours");
  await page.keyboard.press('End');
  await reads("Wed 6 Mar 2030 23:00 in Europe/Berlin · 22:00 UTC · 23:00 Amsterdam · outside the pipeline team's hours");
  await expect(hours).toHaveAttribute('aria-valuenow', '71');
  // The cursor marks that hour: the last 72nd of the strip.
  const cursor = await hours.evaluate((e) => {
    const s = getComputedStyle(e, '::after');
    return { left: parseFloat(s.left), width: parseFloat(s.width), box: e.clientWidth };
  });
  expect(cursor.left / cursor.box).toBeCloseTo(71 / 72, 2);
  expect(cursor.width / cursor.box).toBeCloseTo(1 / 72, 2);
  await page.keyboard.press('Shift+Tab');
  expect(await shown()).toBe('none');

  // The pointer over the fourth hour of Monday.
  const box = (await hours.boundingBox())!;
  await hours.hover({ position: { x: (box.width * 3.5) / 72, y: box.height / 2 } });
  await reads("Mon 4 Mar 2030 03:00 in Europe/Berlin · 02:00 UTC · 03:00 Amsterdam · outside the pipeline team's hours");
  await page.mouse.move(0, 0);
  await expect(hours).toHaveAttribute('aria-valuetext', '');
  expect(await shown()).toBe('none');

  // The hours follow the zone.
  await w.fill("Customer's time zone", 'America/New_York');
  await hours.focus();
  await reads("Tue 5 Mar 2030 10:00 in America/New_York · 15:00 UTC · 16:00 Amsterdam · the run · the pipeline team's hours");

  // New York's clocks go back over 01:00 on Sun 3 Nov 2030: that hour names both of
  // its instants (the browser's own time zone data).
  await page.keyboard.press('Shift+Tab');
  await w.fill('Start date', '2030-11-03');
  await w.fill("Start time (customer's time)", '00:30');
  await hours.focus();
  await page.keyboard.press('ArrowRight');
  await reads("Sun 3 Nov 2030 01:00 in America/New_York happens twice, the clocks go back: 05:00 UTC · 06:00 Amsterdam, then 06:00 UTC · 07:00 Amsterdam · the run · outside the pipeline team's hours");
});
