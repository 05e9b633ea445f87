// Records, through each browser's privileged side, every network request the EXTENSION makes:
// in Chromium, CDP's Network domain on every extension target (service worker, popup, options)
// plus the requests pages make whose initiator is extension code (the content script); in
// Firefox, an http-on-modify-request observer in the chrome context that keeps each request's
// triggering principal (an extension's requests carry its moz-extension origin). The fixture
// server, acting as the browser's proxy, is the second witness (see server.ts).
import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';
import type { BrowserSession, Tab } from '../harness/index';

export interface SeenRequest {
  url: string;
  /** Who asked for it: the target type (Chromium) or the triggering principal's origin (Firefox). */
  by: string;
  /** True when the extension made it (its origin, or its code on the initiator stack). */
  fromExtension: boolean;
}

export interface NetworkRecorder {
  /** Also watch this tab's page for requests started by the content script (Chromium). */
  watchTab(tab: Tab): Promise<void>;
  /** Every request seen since start. */
  seen(): Promise<SeenRequest[]>;
  stop(): Promise<void>;
}

interface Initiator {
  url?: string;
  stack?: { callFrames: { url: string }[]; parent?: Initiator['stack'] };
}

function stackUrls(stack: Initiator['stack']): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent) urls.push(...s.callFrames.map((f) => f.url));
  return urls;
}

async function chromiumRecorder(session: BrowserSession): Promise<NetworkRecorder> {
  const browser = (session as unknown as { browser: Browser }).browser;
  const origin = session.extensionOrigin;
  const seen: SeenRequest[] = [];
  const sessions: CDPSession[] = [];
  const watched = new Set<Target>();

  const watch = async (target: Target, kind: string, onlyExtensionInitiated: boolean): Promise<void> => {
    if (watched.has(target)) return;
    watched.add(target);
    const cdp = await target.createCDPSession().catch(() => null);
    if (!cdp) return;
    sessions.push(cdp);
    cdp.on('Network.requestWillBeSent', (event: { request: { url: string; headers: Record<string, string> }; initiator: Initiator }) => {
      const url = event.request.url;
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return;
      const initiatedByExtension =
        [event.initiator.url ?? '', ...stackUrls(event.initiator.stack)].some((u) => u.startsWith(origin)) ||
        (event.request.headers.Origin ?? '').startsWith(origin);
      if (onlyExtensionInitiated && !initiatedByExtension) return;
      seen.push({ url, by: kind, fromExtension: true });
    });
    await cdp.send('Network.enable').catch(() => undefined);
  };

  const isExtensionTarget = (t: Target) => t.url().startsWith(origin);
  const onTarget = (t: Target) => {
    if (isExtensionTarget(t) && ['service_worker', 'page', 'background_page', 'other'].includes(t.type())) void watch(t, t.type(), false);
  };
  browser.on('targetcreated', onTarget);
  browser.on('targetchanged', onTarget);
  for (const t of browser.targets()) onTarget(t);

  return {
    async watchTab(tab: Tab) {
      const page = (tab as unknown as { page: Page }).page;
      await watch(page.target(), 'content script', true);
    },
    async seen() {
      return [...seen];
    },
    async stop() {
      browser.off('targetcreated', onTarget);
      browser.off('targetchanged', onTarget);
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
    },
  };
}

interface FirefoxChrome {
  inChrome<T>(script: string, args?: unknown[]): Promise<T>;
}

async function firefoxRecorder(session: BrowserSession): Promise<NetworkRecorder> {
  const firefox = session as unknown as FirefoxChrome;
  await firefox.inChrome(`
    const [extensionHost] = arguments;
    const log = [];
    const observer = {
      observe(subject) {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        const info = channel.loadInfo;
        const principals = [info?.triggeringPrincipal, info?.loadingPrincipal].filter(Boolean);
        const origins = principals.map((p) => { try { return p.origin; } catch { return ''; } });
        const addon = principals.map((p) => p.addonId || '').find(Boolean) || '';
        const fromExtension = addon !== '' || origins.some((o) => o.includes(extensionHost));
        log.push({ url: channel.URI.spec, by: origins.join(' ') || 'system', fromExtension });
      },
    };
    Services.obs.addObserver(observer, 'http-on-modify-request');
    // Each Marionette script runs in a fresh sandbox: keep the log on a long-lived object.
    Services.__caveatNet = { log, observer };
    return true;`, [session.extensionOrigin.replace('moz-extension://', '')]);
  return {
    async watchTab() {
      /* the observer sees every channel of the browser */
    },
    seen: () => firefox.inChrome<SeenRequest[]>('return Services.__caveatNet ? JSON.parse(JSON.stringify(Services.__caveatNet.log)) : [];'),
    async stop() {
      await firefox.inChrome(`
        const net = Services.__caveatNet;
        if (net) Services.obs.removeObserver(net.observer, 'http-on-modify-request');
        Services.__caveatNet = null;
        return true;`);
    },
  };
}

export function recordNetwork(session: BrowserSession): Promise<NetworkRecorder> {
  return session.name === 'chromium' ? chromiumRecorder(session) : firefoxRecorder(session);
}
