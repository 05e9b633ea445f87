// Functions run in the probe page (an extension page in a window of its own; see
// extension-copy.ts). Sent as source text, so each is self-contained.
import type Browser from 'webextension-polyfill';

/**
 * The extension-API id of the tab showing `url`, which the harness has just brought to the
 * front. Among the other tabs with that URL (or with no URL visible, when the extension has no
 * host permission for the page) the one accessed last is it.
 */
export async function findTabIdInProbe(url: string): Promise<number | null> {
  const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = (g.browser ?? g.chrome) as Browser.Browser;
  const self = await api.tabs.getCurrent();
  const others = (await api.tabs.query({})).filter((t) => t.id !== undefined && t.id !== self?.id);
  const byUrl = others.filter((t) => t.url === url);
  const candidates = byUrl.length > 0 ? byUrl : others.filter((t) => t.url === undefined);
  const newest = candidates.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return newest?.id ?? null;
}

/** The action's badge text for a tab, as the toolbar shows it. */
export async function badgeTextInProbe(tabId: number): Promise<string> {
  const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = (g.browser ?? g.chrome) as Browser.Browser;
  return api.action.getBadgeText({ tabId });
}
