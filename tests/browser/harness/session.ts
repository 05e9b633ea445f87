// What a browser test can do, the same for Chromium and Firefox ESR. A test is written once
// against these interfaces and runs in both browsers (describe.each over the two launchers).

export type BrowserName = 'chromium' | 'firefox';

/**
 * A function run inside a page. It is sent to the browser as source text, so it must not use
 * anything from the test's scope: pass what it needs as JSON-serialisable arguments.
 */
export type PageFunction<Args extends unknown[], R> = (...args: Args) => R | Promise<R>;

/** The text of the context card as a user sees it, read through a privileged path. */
export interface CardContents {
  /** The card's visible text (innerText of its closed shadow root). */
  text: string;
  /** Where the card's host box is, in CSS pixels of the viewport. */
  rect: { x: number; y: number; width: number; height: number };
}

export interface Point {
  x: number;
  y: number;
}

export interface Tab {
  /** The tab id the extension's APIs use (chrome.tabs / browser.tabs), e.g. for popup.html?tab=<id>. */
  readonly tabId: number;
  /** Navigates this tab and waits for the load event. */
  goto(url: string): Promise<void>;
  /** The URL the tab shows now. */
  url(): Promise<string>;
  /** Runs `fn` in the page (the page's own JavaScript world) and returns its JSON result. */
  evaluate<Args extends unknown[], R>(fn: PageFunction<Args, R>, ...args: Args): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value; returns that value. */
  waitFor<Args extends unknown[], R>(
    fn: PageFunction<Args, R>,
    options?: { timeoutMs?: number; message?: string },
    ...args: Args
  ): Promise<R>;
  /** A real mouse click at a point of the viewport (CSS pixels). */
  click(point: Point): Promise<void>;
  /**
   * Scrolls the first range of highlight `name` into view and clicks the middle of its first
   * line of text, as a user clicking on the marked words. Returns the text of that range.
   */
  clickHighlight(name: string, index?: number): Promise<string>;
  /** Presses a key, e.g. 'Escape', 'Tab', 'Enter', 'a'. */
  press(key: string): Promise<void>;
  /** Types text into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Reads the context card (host `[data-caveat-card]`, CLOSED shadow root); null when none is shown. */
  readCard(): Promise<CardContents | null>;
  /** Saves a PNG of the viewport to tests/browser/artifacts/<browser>-<name>.png; returns its path ('' when none could be taken in time). */
  screenshot(name: string): Promise<string>;
  /** Brings this tab to the front (the extension's "active tab"). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserSession {
  readonly name: BrowserName;
  /** The extension's id: Chromium's generated id, or Firefox's gecko id. */
  readonly extensionId: string;
  /** e.g. "chrome-extension://<id>" or "moz-extension://<uuid>" (no trailing slash). */
  readonly extensionOrigin: string;
  /** Opens a new tab at `url` and waits for its load event. */
  openTab(url: string): Promise<Tab>;
  /** Opens an extension page in a new tab, e.g. openExtensionPage('popup.html?tab=3'). */
  openExtensionPage(path: string): Promise<Tab>;
  /** The action's badge text for a tab, as the toolbar would show it ('' when none). */
  badgeText(tabId: number): Promise<string>;
  /** Runs `fn` in an extension page context (chrome/browser APIs available) and returns its result. */
  evaluateInExtension<Args extends unknown[], R>(fn: PageFunction<Args, R>, ...args: Args): Promise<R>;
  /** Stops the background (service worker / event page) as the browser does when it is idle. */
  stopBackground(): Promise<void>;
  /** Closes every tab the session opened except a blank one, so the next test starts clean. */
  closeAllTabs(): Promise<void>;
  /** Quits the browser and removes its profile; no process is left behind. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension to install (dist/chrome or dist/firefox by default). */
  extensionDir?: string;
  /**
   * "host:port" of an HTTP proxy for every request except to 127.0.0.1 (the fixture server's
   * `proxy`): with it, any network request the browser or the extension makes is recorded
   * and refused instead of leaving the machine.
   */
  proxy?: string;
  /**
   * A small storage quota for the extension's origin, in bytes, for the storage-full tests.
   * Chromium: CDP Storage.overrideQuotaForOrigin on the extension's origin, held for the whole
   * session. Firefox: the profile's dom.quotaManager.temporaryStorage.fixedLimit (whole KB; the
   * extension's IndexedDB and storage.local are in the default repository, bound by it).
   */
  storageQuotaBytes?: number;
}
