import { expect, type Locator, type Page } from '@playwright/test';

/** The checklist widget on a page, found by role and label as a reader finds it. */
export class Widget {
  readonly root: Locator;
  readonly markdown: Locator;
  readonly copyButton: Locator;
  readonly findings: Locator;
  readonly draftLine: Locator;

  constructor(readonly page: Page, root?: Locator) {
    this.root = root ?? page.locator('.hic').first();
    this.markdown = this.root.getByLabel('Request block, as it will be copied');
    this.copyButton = this.root.getByRole('button', { name: /^Copy (request|anyway)/ });
    this.findings = this.root.locator('.hic-finding');
    this.draftLine = this.root.locator('.hic-draft-note');
  }

  /** Opens the demo page and waits for the widget to render. */
  static async open(page: Page, path = '/index.html'): Promise<Widget> {
    await page.goto(path);
    const widget = new Widget(page);
    await expect(widget.markdown).toBeVisible();
    return widget;
  }

  async preview(): Promise<string> {
    return this.markdown.inputValue();
  }

  /** The control labelled exactly `label` (a required question's label ends in " *"). */
  field(label: string): Locator {
    return this.root.getByLabel(exactLabel(label));
  }

  async tick(label: string) {
    await this.field(label).check();
  }

  async fill(label: string, value: string) {
    await this.fillControl(this.field(label), value);
  }

  /** Types into a control and leaves it, as a reader does. */
  async fillControl(field: Locator, value: string) {
    await field.fill(value);
    await field.blur();
  }

  async choose(question: string, option: string) {
    await this.root
      .getByRole('group', { name: question })
      .getByRole('radio', { name: option, exact: true })
      .check();
  }

  /** The question whose control is labelled `label`: its help, error and "Read as" line. */
  question(label: string): Locator {
    return this.root.locator('.hic-q', { has: this.page.getByLabel(exactLabel(label)) });
  }

  errorFor(label: string): Locator {
    return this.question(label).locator('.hic-error');
  }

  /** "Read as 4,100,000 events" under a number. */
  readAs(label: string): Locator {
    return this.question(label).locator('.hic-read-as');
  }
}

/** Matches a label exactly, with or without the " *" of a required question. */
function exactLabel(label: string): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}( \\*)?$`);
}
