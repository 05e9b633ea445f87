// BrowserSession for Chromium, driven by puppeteer-core over a pipe (no debugging port open to
// other processes). The closed shadow root of the card is read through CDP's DOM domain with
// pierce: true, the privileged path a page script does not have.
import puppeteer, { type Browser, type CDPSession, type Page, type WebWorker } from 'puppeteer-core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS_DIR, CHROME_BUILD_DIR, CHROMIUM_BINARY } from './paths';
import { copyExtensionWithProbe, PROBE_PAGE, type ExtensionCopy } from './extension-copy';
import { locateHighlightRange, shadowRootText } from './page-scripts';
import { badgeTextInProbe, findTabIdInProbe } from './tab-id';
import { pollUntil } from './poll';
import type { BrowserSession, CardContents, LaunchOptions, PageFunction, Point, Tab } from './session';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium keeps calling home (component updates, sync, field trials).
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--metrics-recording-only',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--no-pings',
  '--disable-features=NetworkTimeServiceQuerying,OptimizationHints,OptimizationGuideModelDownloading,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,PrivacySandboxSettings4,AccountConsistency,DiceWebSigninInterception',
  // Google services the browser calls on its own (sign-in, component and extension updates)
  // are pointed at a closed local port: they fail at once instead of reaching the network.
  '--allow-browser-signin=false',
  '--gaia-url=http://127.0.0.1:9',
  '--google-apis-url=http://127.0.0.1:9',
  '--lso-url=http://127.0.0.1:9',
  '--component-updater=url-source=http://127.0.0.1:9/update',
  '--window-size=1280,900',
];

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** Depth-first search of a pierced CDP DOM tree for card hosts (elements with data-caveat-card). */
function findCardHosts(node: CdpNode, found: CdpNode[] = []): CdpNode[] {
  if (node.attributes?.some((value, i) => i % 2 === 0 && value === 'data-caveat-card')) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findCardHosts(child, found);
  return found;
}

/** How long a screenshot may take before it is skipped (see ChromiumTab.screenshot). */
const SCREENSHOT_TIMEOUT_MS = 20_000;

class ChromiumTab implements Tab {
  constructor(
    private readonly session: ChromiumSession,
    readonly page: Page,
    readonly tabId: number,
  ) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async evaluate<Args extends unknown[], R>(fn: PageFunction<Args, R>, ...args: Args): Promise<R> {
    return (await this.page.evaluate(fn as (...a: unknown[]) => unknown, ...args)) as R;
  }

  async waitFor<Args extends unknown[], R>(
    fn: PageFunction<Args, R>,
    options: { timeoutMs?: number; message?: string } = {},
    ...args: Args
  ): Promise<R> {
    return pollUntil(() => this.evaluate(fn, ...args), options);
  }

  async click(point: Point): Promise<void> {
    await this.page.mouse.click(point.x, point.y);
  }

  async clickHighlight(name: string, index = 0): Promise<string> {
    const target = await this.evaluate(locateHighlightRange, name, index);
    if (!target) throw new Error(`no range ${index} in highlight ${name}`);
    await this.click(target);
    return target.text;
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async readCard(): Promise<CardContents | null> {
    const cdp: CDPSession = await this.page.createCDPSession();
    try {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      for (const host of findCardHosts(root).reverse()) {
        const shadow = host.shadowRoots?.[0];
        if (!shadow) continue;
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
        if (!object.objectId) continue;
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: `function () {
            const shadowRootText = ${shadowRootText.toString()};
            const r = this.host.getBoundingClientRect();
            return { text: shadowRootText(this), rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
          }`,
          returnByValue: true,
        });
        const card = result.value as CardContents;
        if (card.rect.width > 0 && card.rect.height > 0) return card;
      }
      return null;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `chromium-${name}.png`);
    // A picture for people to look at, never asserted on: a capture that hangs (seen once, a
    // 180 s protocol timeout on a loaded machine) is reported and skipped, not a failed test.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SCREENSHOT_TIMEOUT_MS);
    });
    try {
      const shot = this.page.screenshot({ path: path as `${string}.png` });
      shot.catch(() => undefined); // once skipped, its late failure is nobody's
      const taken = await Promise.race([shot, timedOut]);
      if (taken === 'timeout') {
        console.warn(`screenshot ${name}: no picture within ${SCREENSHOT_TIMEOUT_MS / 1000} s, skipped`);
        return '';
      }
    } finally {
      clearTimeout(timer);
    }
    return path;
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async close(): Promise<void> {
    await this.session.forgetTab(this);
    if (!this.page.isClosed()) await this.page.close();
  }
}

export class ChromiumSession implements BrowserSession {
  readonly name = 'chromium' as const;
  readonly extensionOrigin: string;
  private readonly tabs = new Set<ChromiumTab>();
  private probe: Page | null = null;
  /** The DevTools session holding a storage quota override (it lasts as long as the session). */
  private quotaSession: CDPSession | null = null;

  private constructor(
    private readonly browser: Browser,
    readonly extensionId: string,
    private readonly profileDir: string,
    private readonly extension: ExtensionCopy,
    /** The blank tab Chromium starts with: it keeps the test window open. */
    private readonly home: Page,
  ) {
    this.extensionOrigin = `chrome-extension://${extensionId}`;
  }

  static async launch(options: LaunchOptions = {}): Promise<ChromiumSession> {
    const extension = await copyExtensionWithProbe(options.extensionDir ?? CHROME_BUILD_DIR);
    const profileDir = await mkdtemp(join(tmpdir(), 'caveat-chromium-'));
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM_BINARY,
      headless: true,
      pipe: true,
      enableExtensions: true,
      // Loopback is never proxied by Chromium, so the test pages load directly.
      args: [
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${profileDir}`,
        ...(options.proxy ? [`--proxy-server=http://${options.proxy}`] : []),
      ],
      defaultViewport: { width: 1280, height: 900 },
    });
    try {
      const extensionId = await browser.installExtension(extension.dir);
      const home = (await browser.pages())[0] ?? (await browser.newPage());
      const session = new ChromiumSession(browser, extensionId, profileDir, extension, home);
      if (options.storageQuotaBytes !== undefined) await session.overrideQuota(options.storageQuotaBytes);
      return session;
    } catch (error) {
      await browser.close();
      await rm(profileDir, { recursive: true, force: true });
      await extension.remove();
      throw error;
    }
  }

  /**
   * Makes the extension origin's storage quota `bytes` (IndexedDB included: writes past it
   * fail with QuotaExceededError), through a DevTools session kept open for that purpose.
   */
  private async overrideQuota(bytes: number): Promise<void> {
    this.quotaSession ??= await this.home.createCDPSession();
    await this.quotaSession.send('Storage.overrideQuotaForOrigin', { origin: `${this.extensionOrigin}/`, quotaSize: bytes });
  }

  /** The extension origin's storage usage and quota as Chromium's quota manager counts them. */
  async storageUsage(): Promise<{ usage: number; quota: number }> {
    this.quotaSession ??= await this.home.createCDPSession();
    const { usage, quota } = await this.quotaSession.send('Storage.getUsageAndQuota', { origin: this.extensionOrigin });
    return { usage, quota };
  }

  async openTab(url: string): Promise<Tab> {
    // A new tab opens in the window focused last: focus the test window's first tab so the
    // tab does not land in the probe's window.
    await this.probePage();
    await this.home.bringToFront();
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await this.tabIdOf(page);
    const tab = new ChromiumTab(this, page, tabId);
    this.tabs.add(tab);
    return tab;
  }

  openExtensionPage(path: string): Promise<Tab> {
    return this.openTab(`${this.extensionOrigin}/${path.replace(/^\//, '')}`);
  }

  async badgeText(tabId: number): Promise<string> {
    return this.evaluateInExtension(badgeTextInProbe, tabId);
  }

  async evaluateInExtension<Args extends unknown[], R>(fn: PageFunction<Args, R>, ...args: Args): Promise<R> {
    const probe = await this.probePage();
    return (await probe.evaluate(fn as (...a: unknown[]) => unknown, ...args)) as R;
  }

  /** The running service worker of the extension, or null when it is stopped. */
  async serviceWorker(): Promise<WebWorker | null> {
    const target = this.browser
      .targets()
      .find((t) => t.type() === 'service_worker' && t.url().startsWith(this.extensionOrigin + '/'));
    return target ? await target.worker() : null;
  }

  async stopBackground(): Promise<void> {
    const worker = await this.serviceWorker();
    // Stops the worker as Chrome does when idle; the next event starts it again from scratch.
    if (worker) await worker.close();
    await pollUntil(async () => (await this.serviceWorker()) === null, {
      message: 'the service worker did not stop',
    });
  }

  async closeAllTabs(): Promise<void> {
    for (const tab of [...this.tabs]) await tab.close();
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await rm(this.profileDir, { recursive: true, force: true });
      await this.extension.remove();
    }
  }

  forgetTab(tab: ChromiumTab): Promise<void> {
    this.tabs.delete(tab);
    return Promise.resolve();
  }

  /** The probe page lives in a window of its own so it never becomes the active tab of the test's window. */
  private async probePage(): Promise<Page> {
    if (this.probe && !this.probe.isClosed()) return this.probe;
    const page = await this.browser.newPage({ type: 'window' });
    await page.goto(`${this.extensionOrigin}/${PROBE_PAGE}`, { waitUntil: 'load' });
    this.probe = page;
    return page;
  }

  private async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const url = page.url();
    // Wrapped in an object: a tab id of 0 is valid but falsy.
    const { id } = await pollUntil(
      async () => {
        const found = await this.evaluateInExtension(findTabIdInProbe, url);
        return found === null ? null : { id: found };
      },
      { message: `no extension tab id for ${url}` },
    );
    // Opening the probe may have taken focus: give it back to the tab under test.
    await page.bringToFront();
    return id;
  }
}
