import { expect, test } from './fixtures';
import { Widget } from './widget';

// The query's result as each tool prints it: the same two rows every time.
const FORMATS: [string, string][] = [
  [
    'ClickHouse PrettyCompact',
    [
      '   ┌─count()─┬─distinct_id─┐',
      '1. │ 2400000 │ user_8812   │',
      '2. │ 1950000 │ user_0137   │',
      '   └─────────┴─────────────┘',
      '',
      '2 rows in set. Elapsed: 0.004 sec.',
    ].join('\n'),
  ],
  [
    'HogQL API JSON',
    '{"columns": ["count()", "distinct_id"], "results": [[2400000, "user_8812"], [1950000, "user_0137"]], "hasMore": false}',
  ],
  ['a psql table', '  count  | distinct_id\n---------+-------------\n 2400000 | user_8812\n 1950000 | user_0137\n(2 rows)'],
  ['CSV', 'distinct_id,count\r\n"user_8812","2,400,000"\r\n"user_0137","1,950,000"\r\n'],
  ['a Markdown table', '| count | distinct_id |\n|---|---|\n| 2 400 000 | user_8812 |\n| 1 950 000 | user_0137 |'],
  ['JSONEachRow', '{"count()":"2400000","distinct_id":"user_8812"}\n{"count()":"1950000","distinct_id":"user_0137"}'],
];

const SKIPPED: Record<string, string> = {
  'ClickHouse PrettyCompact': '; skipped line 1 (header), line 6 (not part of the table)',
  'a psql table': '; skipped line 1 (header), line 5 (not part of the table)',
  CSV: '; skipped line 1 (header)',
  'a Markdown table': '; skipped line 1 (header)',
};

test('pasting several formats shows what was read, then replaces the rows after asking', async ({ page }) => {
  const widget = await Widget.open(page);
  const box = widget.field("Paste the query's result");
  const said = widget.root.locator('.hic-paste-said');
  const area = widget.root.locator('.hic-paste');
  for (const [i, [format, text]] of FORMATS.entries()) {
    await box.fill(text);
    // What was understood, before anything is added.
    await expect(said).toHaveText(`Read 2 rows as ${format}${SKIPPED[format] ?? ''}.`);
    if (i === 0) {
      expect(await widget.preview()).not.toContain('user_8812');
      await area.getByRole('button', { name: 'Add pasted rows' }).click();
      await expect(said).toHaveText('Added 2 rows; most events for one distinct_id is now 2,400,000.');
    } else {
      // A second paste asks first; Cancel keeps the rows and the pasted text.
      await area.getByRole('button', { name: 'Replace the 2 rows' }).click();
      await expect(area.getByText('The pasted rows will replace the rows in the table.')).toBeVisible();
      if (i === 1) {
        await area.getByRole('button', { name: 'Cancel' }).click();
        await expect(area.getByText('The pasted rows will replace the rows in the table.')).toBeHidden();
        await expect(box).toHaveValue(text);
        await area.getByRole('button', { name: 'Replace the 2 rows' }).click();
      }
      await area.getByRole('button', { name: 'Replace', exact: true }).click();
      await expect(said).toHaveText('Replaced 2 rows with 2 rows; most events for one distinct_id is now 2,400,000.');
    }
    await expect(box).toHaveValue('');
    // Never appended: two rows, in the table and in the block.
    await expect(widget.field('distinct_id, row 1')).toHaveValue('user_8812');
    await expect(widget.field('events, row 2')).toHaveValue('1950000');
    await expect(widget.field('distinct_id, row 3')).toHaveCount(0);
    await expect(widget.field('Most events for one distinct_id')).toHaveValue('2400000');
    const md = await widget.preview();
    expect(md).toContain('| `user_8812` | 2,400,000 |');
    expect(md).toContain('| `user_0137` | 1,950,000 |');
  }
});

test('numeric distinct_ids, a failed paste kept, a typed busiest count kept, counts checked against the total', async ({ page }) => {
  const widget = await Widget.open(page);
  const box = widget.field("Paste the query's result");
  const said = widget.root.locator('.hic-paste-said');
  const area = widget.root.locator('.hic-paste');

  // Nothing readable: the summary says why and the text stays in the box.
  await box.fill('no numbers here\nnor here');
  await expect(said).toHaveText('Found no count and distinct_id; skipped lines 1, 2 (no whole count).');
  await area.getByRole('button', { name: 'Add pasted rows' }).click();
  await expect(box).toHaveValue('no numbers here\nnor here');
  await expect(widget.field('distinct_id, row 1')).toHaveCount(0);

  // The reader typed the busiest count: a paste keeps it.
  await widget.fill('Most events for one distinct_id', '3M');
  // distinct_id first, both numbers, no header: the column that goes down is the count.
  await box.fill('1001\t2400000\n1003\t1950000\n1002\t12');
  await expect(said).toContainText('Read 3 rows as tab-separated; no header names the count, so the counts are column 2 (the distinct_ids are numbers too');
  await area.getByRole('button', { name: 'Add pasted rows' }).click();
  await expect(said).toHaveText('Added 3 rows; most events for one distinct_id keeps the number typed there.');
  await expect(widget.field('Most events for one distinct_id')).toHaveValue('3M');
  await expect(widget.field('distinct_id, row 1')).toHaveValue('1001');
  await expect(widget.field('events, row 1')).toHaveValue('2400000');

  // Undo puts the table back as it was before the paste (empty), the typed number stays.
  await area.getByRole('button', { name: 'Undo paste' }).click();
  await expect(widget.field('distinct_id, row 1')).toHaveCount(0);
  await expect(widget.field('Most events for one distinct_id')).toHaveValue('3M');

  // A count over the total is an error next to its field.
  await widget.fill('Total events', '1M');
  await expect(widget.errorFor('Most events for one distinct_id')).toHaveText(
    '3,000,000 events for one distinct_id is more than the 1,000,000 total events.',
  );
});
