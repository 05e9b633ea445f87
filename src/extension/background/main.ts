import type { Runtime } from 'webextension-polyfill';
import type { ScanReport } from '../../engine/types';
import browser from '../shared/browser';
import { STORE_CHANGED_KEY, STORE_WRITTEN_KEY, acceptRequest, type PageState, type RecordFiguresResponse, type StoreRequest, type StoreResponse } from '../shared/messages';
import { tabStateKey } from '../shared/tab-state';
import { badgeText, badgeTitle } from './badge';
import type { FigureMemory } from '../../engine/store/figure-memory';
import { figureMemory, noteNotKeptWithoutMemory } from './figure-store';
import { isQuotaError } from './idb-store';

// The background: the one writer of the figure memory (so tabs never race on it), the badge,
// and the per-tab page state the popup reads. It may be stopped at any moment (Chrome's
// service worker, Firefox's event page): per-tab state lives in storage.session, the figures in
// IndexedDB, and every listener is registered synchronously at the top level so a wake-up
// event finds it.

const BADGE_COLOUR = '#1e293b';
const HOST_ORIGINS = ['http://*/*', 'https://*/*'];

async function onPageState(tabId: number, state: PageState): Promise<void> {
  await Promise.all([
    browser.storage.session.set({ [tabStateKey(tabId)]: state }),
    browser.action.setBadgeText({ tabId, text: badgeText(state) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
    browser.action.setTitle({ tabId, title: badgeTitle(state) }),
  ]).catch(() => undefined); // the tab closed meanwhile
}

async function onFigures(report: ScanReport, text: string, keep: boolean): Promise<RecordFiguresResponse> {
  const page = { url: report.source, text };
  let memory: FigureMemory;
  try {
    memory = await figureMemory();
  } catch (error) {
    // No room even to open the figure memory: nothing kept to compare with, the page still
    // gets its own marks, and the note says its figures were not kept.
    if (!isQuotaError(error)) throw error;
    if (keep) await noteNotKeptWithoutMemory(report, page);
    return { conflicts: [], keptFigures: [] };
  }
  if (!keep) {
    const { conflicts, keptFigures } = await memory.conflictsFor(report, page);
    return { conflicts, keptFigures };
  }
  const { conflicts, keptFigures } = await memory.recordPage(report, page);
  void browser.storage.session.set({ [STORE_WRITTEN_KEY]: Date.now() }).catch(() => undefined);
  return { conflicts, keptFigures };
}

async function onStoreRequest(request: StoreRequest): Promise<StoreResponse> {
  try {
    const memory = await figureMemory();
    let json: string | undefined;
    if (request.type === 'caveat/store-export') json = await memory.exportJson();
    if (request.type === 'caveat/store-import') await memory.importJson(request.json);
    if (request.type === 'caveat/store-clear') await memory.clear();
    if (request.type === 'caveat/store-clear' || request.type === 'caveat/store-import') {
      await browser.storage.local.set({ [STORE_CHANGED_KEY]: Date.now() });
    }
    const usage = await memory.usage();
    return json === undefined ? { ok: true, usage } : { ok: true, usage, json };
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, error: 'The browser has no storage room left to open Caveat’s kept figures. Free some disk space.' };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const accepted = acceptRequest(message, sender, browser.runtime.id, browser.runtime.getURL(''));
  if (!accepted) return undefined; // not ours to answer
  if (accepted.from === 'extension-page') return onStoreRequest(accepted.request);
  const { tabId, request } = accepted;
  if (request.type === 'caveat/page-state') return onPageState(tabId, request.state).then(() => true);
  return onFigures(request.report, request.text, request.type === 'caveat/record-figures');
});

// A new document in a tab: its old flags no longer apply. (The content script of the new
// page reports again once it has scanned.)
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status !== 'loading') return;
  void browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
  void browser.storage.session.remove(tabStateKey(tabId)).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove(tabStateKey(tabId)).catch(() => undefined);
});

// Firefox asks the person for MV3 host permissions instead of granting them at install:
// without them the content script never runs. Explain why Caveat reads pages and ask, from
// a page with a button (permissions.request needs a user gesture). Chrome grants the content
// script's sites at install, so this page never opens there.
browser.runtime.onInstalled.addListener(async (details) => {
  if (details.reason !== 'install' && details.reason !== 'update') return;
  const granted = await browser.permissions.contains({ origins: HOST_ORIGINS }).catch(() => true);
  if (!granted) await browser.tabs.create({ url: browser.runtime.getURL('onboarding.html') });
});
