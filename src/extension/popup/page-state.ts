import browser from '../shared/browser';
import { isPageState, type ContentRequest, type PageState } from '../shared/messages';
import { tabStateKey } from '../shared/tab-state';

// Where the popup gets the page it describes: the tab in ?tab=<id> (the popup opened as a
// normal tab, as tests do), else the active tab of the current window (needs no "tabs"
// permission). The page state comes from the tab's content script, which knows it best; the
// copy the background keeps in storage.session answers when the content script cannot.

export async function targetTabId(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function askTab(tabId: number, request: ContentRequest): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, request);
  } catch {
    return undefined; // no content script there: a browser page, or a tab older than the extension
  }
}

/** The tab's page state, or null when Caveat cannot read that tab. */
export async function pageStateOf(tabId: number): Promise<PageState | null> {
  const live = await askTab(tabId, { type: 'caveat/get-state' });
  if (isPageState(live)) return live;
  const key = tabStateKey(tabId);
  const stored = (await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>))[key];
  return isPageState(stored) ? stored : null;
}
