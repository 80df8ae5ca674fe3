import { test as base, expect, type BrowserContext, type Page, type Request } from '@playwright/test';

export { expect };

/**
 * Requests a test may cause on purpose once a page has loaded, allowed one by one with
 * `quietNetwork.allow(kind)` (and a comment saying why). Anything else after load fails
 * the test: the widget makes no request after the page has loaded.
 * - `navigation`: the test loads another document in a page that had loaded one (a
 *   reload, a prefilled link, about:blank and back), or the page does (a service worker
 *   that reloads it);
 * - `popup`: a window opened by a page (Open as ticket), from its first request on;
 * - `service-worker`: the service worker fetches while every page is idle (a new build's
 *   install, started by the test);
 * - `page`: a loaded page requests something (only the offline-copy tests, which fetch
 *   from the page to see what the worker serves).
 */
export type AfterLoad = 'navigation' | 'popup' | 'service-worker' | 'page';

/**
 * Every spec imports `test` from here. Its automatic fixture `quietNetwork` records every
 * request of the test's browser context (pages, popups, service workers) and, when the
 * test ends, fails it if any was made after its page had loaded, unless the test allowed
 * that kind. A page has loaded once its `load` event has fired, the network has been
 * idle for 500 ms (Playwright's `networkidle`) and a service worker it registered has
 * installed (the offline copy's precache belongs to the first visit). Until then every
 * request is the page's own loading. `quietNetwork.watch(context)` adds a context the
 * test makes itself.
 */
export const test = base.extend<{ quietNetwork: QuietNetwork }>({
  quietNetwork: [
    async ({ context }, use) => {
      const network = new QuietNetwork();
      network.watch(context);
      await use(network);
      expect(
        await network.unexpected(),
        'requests after the page had loaded (a test that makes one on purpose says so with quietNetwork.allow)',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

/** What a page was doing when a request was made. */
type Phase = 'loading' | 'idle' | 'navigation' | 'popup';

interface Seen {
  method: string;
  url: string;
  /** The page that made it; none for a service worker's. */
  page: Page | null;
  phase: Phase;
}

interface PageState {
  navigations: number;
  /** Bumped by each navigation: a settle that started before it does not count. */
  generation: number;
  idle: boolean;
}

/** How long the end of a test waits for its pages to finish loading. */
const SETTLE_MS = 10_000;

export class QuietNetwork {
  private readonly seen: Seen[] = [];
  private readonly pages = new Map<Page, PageState>();
  private readonly popups = new Set<Page>();
  private readonly openers: Promise<unknown>[] = [];
  private readonly allowed = new Set<AfterLoad>();

  /** Lets this test make requests of these kinds after load, on purpose. */
  allow(...kinds: AfterLoad[]) {
    kinds.forEach((k) => this.allowed.add(k));
  }

  /** Records every request of `context` (the fixture watches the test's own). */
  watch(context: BrowserContext) {
    context.pages().forEach((p) => this.watchPage(p));
    context.on('page', (p) => this.watchPage(p));
    context.on('request', (r) => this.record(r));
  }

  private watchPage(page: Page) {
    if (this.pages.has(page)) return;
    this.pages.set(page, { navigations: 0, generation: 0, idle: false });
    this.openers.push(page.opener().then((o) => o && this.popups.add(page), () => {}));
    page.on('load', () => this.settle(page).catch(() => {}));
  }

  private record(r: Request) {
    const seen = { method: r.method(), url: r.url() };
    let page: Page | null = null;
    try {
      page = r.serviceWorker() ? null : r.frame().page();
    } catch {
      // A navigation before its frame exists: a window a page opens.
      this.seen.push({ ...seen, page: null, phase: 'popup' });
      return;
    }
    if (!page) {
      // A service worker's: after load once every open page has loaded.
      const open = [...this.pages].filter(([p]) => !p.isClosed());
      const idle = open.every(([, s]) => s.idle);
      this.seen.push({ ...seen, page: null, phase: idle ? 'idle' : 'loading' });
      return;
    }
    this.watchPage(page);
    const state = this.pages.get(page)!;
    if (r.isNavigationRequest() && r.frame() === page.mainFrame() && !r.redirectedFrom()) {
      this.seen.push({ ...seen, page, phase: state.navigations > 0 ? 'navigation' : 'loading' });
      state.navigations++;
      state.generation++;
      state.idle = false;
      return;
    }
    this.seen.push({ ...seen, page, phase: state.idle ? 'idle' : 'loading' });
  }

  /** Marks `page` idle once it has loaded, unless it navigated again meanwhile. */
  private async settle(page: Page) {
    const state = this.pages.get(page)!;
    const generation = state.generation;
    await page.waitForLoadState('load');
    await page.waitForLoadState('networkidle');
    await page.evaluate(async () => {
      // A worker the page registered has finished installing (the precache) once it is
      // waiting or active with none installing, or once it is gone (a development build's
      // clean-up worker unregisters itself). Checking `installing` once races: while sw.js
      // itself is being fetched the registration has no worker in any state yet.
      for (let i = 0; i < 160; i++) {
        let reg: ServiceWorkerRegistration | undefined;
        try {
          reg = await navigator.serviceWorker?.getRegistration();
        } catch {
          return; // no service workers here (about:blank)
        }
        if (!reg || (!reg.installing && (reg.waiting || reg.active))) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    if (state.generation === generation) state.idle = true;
  }

  /** The requests made after load that this test did not allow, once its pages have loaded. */
  async unexpected(): Promise<string[]> {
    const loading = [...this.pages].filter(([p, s]) => !p.isClosed() && s.navigations > 0 && !s.idle);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise((done) => (timer = setTimeout(done, SETTLE_MS)));
    await Promise.race([Promise.all(loading.map(([p]) => this.settle(p).catch(() => {}))), timeout]);
    clearTimeout(timer);
    await Promise.all(this.openers);
    const found: string[] = [];
    for (const s of this.seen) {
      const kind = this.kind(s);
      if (kind && !this.allowed.has(kind)) found.push(`${kind}: ${s.method} ${short(s.url)}`);
    }
    // A page that never goes idle keeps the network busy after its load.
    for (const [p, s] of this.pages) {
      if (!p.isClosed() && s.navigations > 0 && !s.idle) found.push(`never idle: ${short(p.url())}`);
    }
    return found;
  }

  /** What a request was, if it was made after load. */
  private kind(s: Seen): AfterLoad | null {
    if (s.phase === 'popup' || (s.page && this.popups.has(s.page))) return 'popup';
    if (s.phase === 'navigation') return 'navigation';
    if (s.phase === 'loading') return null;
    return s.page ? 'page' : 'service-worker';
  }
}

/** A URL as a message shows it (a ticket's carries the whole block). */
function short(url: string): string {
  return url.length > 120 ? `${url.slice(0, 120)}…` : url;
}
