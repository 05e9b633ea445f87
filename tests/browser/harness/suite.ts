// One browser and one fixture server per test file and browser: launching is the slow part
// (Firefox takes seconds), so the flows of a file share them and each test closes its tabs.
import type Browser from 'webextension-polyfill';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from './server';
import type { BrowserLauncher } from './index';
import type { BrowserSession, LaunchOptions, Tab } from './session';
import { pollUntil } from './poll';

export interface SuiteContext {
  readonly browser: BrowserSession;
  readonly server: FixtureServer;
}

export function useBrowser(launcher: BrowserLauncher, options: Omit<LaunchOptions, 'proxy'> = {}): SuiteContext {
  let browser: BrowserSession | null = null;
  let server: FixtureServer | null = null;
  beforeAll(async () => {
    server = await startFixtureServer();
    // The server is also the browser's proxy: a request for any other host is recorded, not sent.
    browser = await launcher.launch({ ...options, proxy: server.proxy });
  });
  afterEach(async () => {
    await browser?.closeAllTabs();
    // Settings changed through the options page must not leak into the next test.
    await browser?.evaluateInExtension(resetSettings);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('browser not launched');
      return browser;
    },
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
  };
}

/** Runs in the probe page: back to the default settings (all kinds on, no skipped sites, no extra cues). */
export async function resetSettings(): Promise<boolean> {
  const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = (g.browser ?? g.chrome) as Browser.Browser;
  await api.storage.local.remove('settings');
  return true;
}

/** Opens the popup as a tab for `tabId` and waits until it has read the page (no "Reading the page…"). */
export async function openPopup(browser: BrowserSession, tabId: number): Promise<Tab> {
  const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor(
    () => {
      const main = document.querySelector('main');
      if (!main || main.textContent === '') return false;
      return !/Reading the page/.test(main.textContent ?? '');
    },
    { message: 'the popup never finished reading the page', timeoutMs: 20_000 },
  );
  return popup;
}

/** Clicks the middle of the element matching `selector` (scrolled into view first), as a user would. */
export async function clickElement(tab: Tab, selector: string, index = 0): Promise<void> {
  const point = await tab.evaluate(
    (sel: string, i: number) => {
      const el = document.querySelectorAll(sel)[i];
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    selector,
    index,
  );
  if (!point) throw new Error(`no element ${selector} [${index}]`);
  await tab.click(point);
}

/** Polls the badge of a tab until it reads `expected`; returns what it last read. */
export async function waitForBadge(browser: BrowserSession, tabId: number, expected: string): Promise<string> {
  let last = '';
  try {
    await pollUntil(async () => (last = await browser.badgeText(tabId)) === expected, { timeoutMs: 15_000 });
  } catch {
    // fall through: the caller's assertion shows what the badge said
  }
  return last;
}
