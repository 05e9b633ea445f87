// BrowserSession for Firefox ESR, driven through Marionette (see marionette.ts) with no
// geckodriver. The add-on is installed as a temporary add-on; its background is stopped the
// way Firefox does when idle (terminateBackground); the card's closed shadow root is read from
// a system-principal sandbox (Marionette's "system" sandbox), where openOrClosedShadowRoot works.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS_DIR, FIREFOX_BINARY, FIREFOX_BUILD_DIR } from './paths';
import { copyExtensionWithProbe, PROBE_PAGE, type ExtensionCopy } from './extension-copy';
import { createFirefoxProfile, FIREFOX_EXTENSION_UUID, quotaPrefs } from './firefox-profile';
import { MarionetteClient } from './marionette';
import { locateHighlightRange, shadowRootText } from './page-scripts';
import { badgeTextInProbe, findTabIdInProbe } from './tab-id';
import { pollUntil } from './poll';
import type { BrowserSession, CardContents, LaunchOptions, PageFunction, Point, Tab } from './session';

/**
 * Starts Firefox under a small shell watchdog that holds the read end of a pipe from this
 * process. Firefox is not tied to us otherwise: if the test process dies (a timeout, a killed
 * run) Firefox would live on. When our end of the pipe closes, for any reason, the watchdog
 * kills Firefox. Quitting normally (Marionette:Quit) ends Firefox first and then the shell.
 */
function spawnWithWatchdog(binary: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const script = [
    'exec 3<&0',
    '"$0" "$@" </dev/null >/dev/null 2>&1 &',
    'pid=$!',
    // The reader gets EOF when the test process closes the pipe or dies.
    '( while read -r _; do :; done; kill -KILL "$pid" 2>/dev/null ) <&3 &',
    'watchdog=$!',
    'wait "$pid"',
    'status=$?',
    'kill "$watchdog" 2>/dev/null',
    'exit "$status"',
  ].join('\n');
  return spawn('/bin/sh', ['-c', script, binary, ...args], { stdio: ['pipe', 'ignore', 'ignore'], env });
}

/** Ends Firefox through its watchdog (closing the pipe), without waiting. */
function killFirefox(child: ChildProcess): void {
  child.stdin?.end();
  child.stdin?.destroy();
}

/** WebDriver's code points for the keys tests press; other keys are sent as typed. */
const WEBDRIVER_KEYS: Record<string, string> = {
  Escape: '\uE00C',
  Enter: '\uE007',
  Tab: '\uE004',
  Backspace: '\uE003',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
};

/** Wraps a page function as a Marionette script body; a returned promise is awaited by Marionette. */
function scriptFor(fn: (...args: never[]) => unknown): string {
  return `return (${fn.toString()}).apply(null, arguments);`;
}

const READ_CARD_SCRIPT = `
  const shadowRootText = ${shadowRootText.toString()};
  const hosts = [...document.querySelectorAll('[data-caveat-card]')].reverse();
  for (const host of hosts) {
    const root = host.openOrClosedShadowRoot;
    if (!root) continue;
    const r = host.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) {
      return { text: shadowRootText(root), rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }
  }
  return null;
`;

class FirefoxTab implements Tab {
  constructor(
    private readonly session: FirefoxSession,
    readonly handle: string,
    readonly tabId: number,
  ) {}

  goto(url: string): Promise<void> {
    return this.session.inTab(this.handle, (m) => m.send('WebDriver:Navigate', { url })).then(() => undefined);
  }

  url(): Promise<string> {
    return this.session.inTab(this.handle, (m) => m.value<string>('WebDriver:GetCurrentURL'));
  }

  evaluate<Args extends unknown[], R>(fn: PageFunction<Args, R>, ...args: Args): Promise<R> {
    return this.session.inTab(this.handle, (m) =>
      m.value<R>('WebDriver:ExecuteScript', { script: scriptFor(fn as never), args }),
    );
  }

  waitFor<Args extends unknown[], R>(
    fn: PageFunction<Args, R>,
    options: { timeoutMs?: number; message?: string } = {},
    ...args: Args
  ): Promise<R> {
    return pollUntil(() => this.evaluate(fn, ...args), options);
  }

  async click(point: Point): Promise<void> {
    await this.session.inTab(this.handle, async (m) => {
      await m.send('WebDriver:PerformActions', {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: Math.round(point.x), y: Math.round(point.y), origin: 'viewport', duration: 0 },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await m.send('WebDriver:ReleaseActions');
    });
  }

  async clickHighlight(name: string, index = 0): Promise<string> {
    const target = await this.evaluate(locateHighlightRange, name, index);
    if (!target) throw new Error(`no range ${index} in highlight ${name}`);
    await this.click(target);
    return target.text;
  }

  async press(key: string): Promise<void> {
    await this.sendKeys([WEBDRIVER_KEYS[key] ?? key]);
  }

  async type(text: string): Promise<void> {
    await this.sendKeys([...text]);
  }

  readCard(): Promise<CardContents | null> {
    return this.session.inTab(this.handle, (m) =>
      m.value<CardContents | null>('WebDriver:ExecuteScript', { script: READ_CARD_SCRIPT, args: [], sandbox: 'system' }),
    );
  }

  async screenshot(name: string): Promise<string> {
    const base64 = await this.session.inTab(this.handle, (m) =>
      m.value<string>('WebDriver:TakeScreenshot', { full: false, hash: false }),
    );
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `firefox-${name}.png`);
    await writeFile(path, Buffer.from(base64, 'base64'));
    return path;
  }

  async bringToFront(): Promise<void> {
    await this.session.inTab(this.handle, () => Promise.resolve());
  }

  close(): Promise<void> {
    return this.session.closeTab(this);
  }

  private async sendKeys(values: string[]): Promise<void> {
    await this.session.inTab(this.handle, async (m) => {
      await m.send('WebDriver:PerformActions', {
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: values.flatMap((value) => [
              { type: 'keyDown', value },
              { type: 'keyUp', value },
            ]),
          },
        ],
      });
      await m.send('WebDriver:ReleaseActions');
    });
  }
}

export class FirefoxSession implements BrowserSession {
  readonly name = 'firefox' as const;
  readonly extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  private readonly tabs = new Set<FirefoxTab>();
  private probeHandle: string | null = null;
  /** Marionette has one current browsing context; commands are queued so tabs never interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  private current: { context: 'content' | 'chrome'; handle: string | null } = { context: 'content', handle: null };

  private constructor(
    private readonly marionette: MarionetteClient,
    private readonly process: ChildProcess,
    readonly extensionId: string,
    private readonly homeHandle: string,
    private readonly profileDir: string,
    private readonly extension: ExtensionCopy,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<FirefoxSession> {
    const extension = await copyExtensionWithProbe(options.extensionDir ?? FIREFOX_BUILD_DIR);
    const manifest = JSON.parse(await readFile(join(extension.dir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    const addonId = manifest.browser_specific_settings?.gecko?.id;
    if (!addonId) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
    const profileDir = await createFirefoxProfile(
      addonId,
      options.proxy,
      options.storageQuotaBytes === undefined ? {} : quotaPrefs(options.storageQuotaBytes),
    );
    const child = spawnWithWatchdog(
      FIREFOX_BINARY,
      ['--headless', '--marionette', '--remote-allow-system-access', '--no-remote', '--profile', profileDir],
      {
        ...process.env,
        MOZ_HEADLESS: '1',
        MOZ_CRASHREPORTER_DISABLE: '1',
        // Release builds ignore the services.settings.server pref (so remote settings keep
        // polling Mozilla) unless this is set.
        MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
      },
    );
    let marionette: MarionetteClient | null = null;
    try {
      const exited = new Promise<never>((_, reject) => {
        child.once('exit', (code) => reject(new Error(`firefox exited early (code ${code})`)));
        child.once('error', reject);
      });
      exited.catch(() => undefined);
      const port = await Promise.race([
        pollUntil(
          async () => Number((await readFile(join(profileDir, 'MarionetteActivePort'), 'utf8').catch(() => '')).trim()),
          { timeoutMs: 30_000, message: 'Firefox did not start Marionette' },
        ),
        exited,
      ]);
      marionette = await MarionetteClient.connect(port);
      await marionette.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { pageLoadStrategy: 'normal' } } });
      await marionette.send('WebDriver:SetTimeouts', { script: 30_000, pageLoad: 30_000, implicit: 0 });
      await marionette.send('WebDriver:SetWindowRect', { width: 1280, height: 900 });
      const homeHandle = await marionette.value<string>('WebDriver:GetWindowHandle');
      const installed = await marionette.value<string>('Addon:Install', { path: extension.dir, temporary: true });
      const session = new FirefoxSession(marionette, child, installed, homeHandle, profileDir, extension);
      await session.ensureHostPermissions();
      return session;
    } catch (error) {
      marionette?.close();
      killFirefox(child);
      await rm(profileDir, { recursive: true, force: true });
      await extension.remove();
      throw error;
    }
  }

  /** Runs `work` with the given tab as Marionette's current (and selected) browsing context. */
  inTab<T>(handle: string, work: (m: MarionetteClient) => Promise<T>): Promise<T> {
    return this.serialize(async () => {
      await this.use('content', handle);
      return work(this.marionette);
    });
  }

  /** Runs a script in the browser's chrome (privileged) context. */
  inChrome<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.serialize(async () => {
      await this.use('chrome', null);
      return this.marionette.value<T>('WebDriver:ExecuteScript', { script, args });
    });
  }

  async openTab(url: string): Promise<Tab> {
    await this.probe();
    const handle = await this.serialize(async () => {
      await this.use('content', this.homeHandle);
      const { handle } = await this.marionette.send<{ handle: string }>('WebDriver:NewWindow', { type: 'tab', focus: true });
      await this.use('content', handle);
      await this.marionette.send('WebDriver:Navigate', { url });
      return handle;
    });
    // Wrapped in an object: a tab id of 0 is valid but falsy.
    const { id: tabId } = await pollUntil(
      async () => {
        const found = await this.evaluateInExtension(findTabIdInProbe, url);
        return found === null ? null : { id: found };
      },
      { message: `no extension tab id for ${url}` },
    ).finally(() => this.inTab(handle, () => Promise.resolve()));
    const tab = new FirefoxTab(this, handle, tabId);
    this.tabs.add(tab);
    return tab;
  }

  openExtensionPage(path: string): Promise<Tab> {
    return this.openTab(`${this.extensionOrigin}/${path.replace(/^\//, '')}`);
  }

  badgeText(tabId: number): Promise<string> {
    return this.evaluateInExtension(badgeTextInProbe, tabId);
  }

  async evaluateInExtension<Args extends unknown[], R>(fn: PageFunction<Args, R>, ...args: Args): Promise<R> {
    const handle = await this.probe();
    return this.inTab(handle, (m) => m.value<R>('WebDriver:ExecuteScript', { script: scriptFor(fn as never), args }));
  }

  async stopBackground(): Promise<void> {
    await this.inChrome(
      `const [id, done] = arguments;
       const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
       return ExtensionParent.GlobalManager.getExtension(id)
         .terminateBackground({ disableResetIdleForTest: true })
         .then(() => true);`,
      [this.extensionId],
    );
    await pollUntil(
      () =>
        this.inChrome<boolean>(
          `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
           return ExtensionParent.GlobalManager.getExtension(arguments[0]).backgroundState === 'stopped';`,
          [this.extensionId],
        ),
      { message: 'the background did not stop' },
    );
  }

  async closeAllTabs(): Promise<void> {
    for (const tab of [...this.tabs]) await tab.close();
  }

  async closeTab(tab: FirefoxTab): Promise<void> {
    this.tabs.delete(tab);
    await this.serialize(async () => {
      await this.use('content', tab.handle);
      await this.marionette.send('WebDriver:CloseWindow');
      this.current.handle = null;
    });
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((done) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) done();
      else this.process.once('exit', () => done());
    });
    try {
      await Promise.race([
        this.marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined),
        new Promise((done) => setTimeout(done, 10_000).unref()),
      ]);
      const killer = setTimeout(() => killFirefox(this.process), 10_000);
      killer.unref();
      await exited;
      clearTimeout(killer);
      killFirefox(this.process); // the watchdog's pipe: nothing may keep this process alive
    } finally {
      this.marionette.close();
      await rm(this.profileDir, { recursive: true, force: true });
      await this.extension.remove();
    }
  }

  /**
   * Makes sure the content script may run on the test pages. MV3 host permissions are opt-in in
   * Firefox; the profile pref grants them at install, and this adds them through
   * ExtensionPermissions (as the user's "Always allow" does) should a build of Firefox not.
   * Returns the origins granted.
   */
  private ensureHostPermissions(): Promise<string[]> {
    return this.inChrome<string[]>(
      `const [id] = arguments;
       const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
       const extension = WebExtensionPolicy.getByID(id).extension;
       const wanted = extension.getManifestOrigins();
       return ExtensionPermissions.get(id).then(async (granted) => {
         const missing = wanted.filter((o) => !granted.origins.includes(o));
         if (missing.length > 0) await ExtensionPermissions.add(id, { permissions: [], origins: missing }, extension);
         return (await ExtensionPermissions.get(id)).origins;
       });`,
      [this.extensionId],
    );
  }

  /** The probe page, in a window of its own (see extension-copy.ts). Returns its handle. */
  private async probe(): Promise<string> {
    if (this.probeHandle) return this.probeHandle;
    const handle = await this.serialize(async () => {
      await this.use('content', this.homeHandle);
      const { handle } = await this.marionette.send<{ handle: string }>('WebDriver:NewWindow', { type: 'window', focus: false });
      await this.use('content', handle);
      await this.marionette.send('WebDriver:Navigate', { url: `${this.extensionOrigin}/${PROBE_PAGE}` });
      return handle;
    });
    this.probeHandle = handle;
    return handle;
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async use(context: 'content' | 'chrome', handle: string | null): Promise<void> {
    if (this.current.context !== context) {
      await this.marionette.send('Marionette:SetContext', { value: context });
      this.current.context = context;
    }
    if (context === 'content' && handle !== null && this.current.handle !== handle) {
      await this.marionette.send('WebDriver:SwitchToWindow', { handle, focus: true });
      this.current.handle = handle;
    }
  }
}
