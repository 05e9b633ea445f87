// Small functions the hardening tests run in pages and in the extension's probe page. Each is
// sent as source text, so it is self-contained (no imports, no closures).
import type Browser from 'webextension-polyfill';

export interface Heartbeat {
  ticks: number;
  maxGap: number;
  sinceLastTick: number;
  longGaps: { at: number; gap: number }[];
}

/** The page's heartbeat (heartbeat.js in tests/browser/pages/hostile). */
export function readHeartbeat(): Heartbeat {
  return (window as unknown as { __heartbeat: () => Heartbeat }).__heartbeat();
}

export interface StoreUsageAnswer {
  ok: boolean;
  usage?: { figures: number; pages: number; bytes: number };
  error?: string;
  json?: string;
}

/** Runs in the probe page: asks the background how much the figure memory holds. */
export async function askStoreUsage(): Promise<StoreUsageAnswer | null> {
  const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = (g.browser ?? g.chrome) as Browser.Browser;
  return ((await api.runtime.sendMessage({ type: 'caveat/store-usage' })) as StoreUsageAnswer | undefined) ?? null;
}

/** Runs in the probe page: every kept figure, through the export the options page offers. */
export async function askStoreExport(): Promise<StoreUsageAnswer | null> {
  const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = (g.browser ?? g.chrome) as Browser.Browser;
  return ((await api.runtime.sendMessage({ type: 'caveat/store-export' })) as StoreUsageAnswer | undefined) ?? null;
}

/** Runs in the probe page: forgets every kept figure, so each test starts from an empty memory. */
export async function clearStore(): Promise<boolean> {
  const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = (g.browser ?? g.chrome) as Browser.Browser;
  const answer = (await api.runtime.sendMessage({ type: 'caveat/store-clear' })) as { ok?: boolean } | undefined;
  return answer?.ok === true;
}

/** Runs in the page: number of ranges of every caveat-* highlight except the focus one. */
export function countMarks(): number {
  let n = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('caveat-') && name !== 'caveat-focus') n += highlight.size;
  });
  return n;
}

/**
 * Runs in the probe page (same origin as the background, so the same IndexedDB): writes one
 * record into the figure memory's object store directly, bypassing every check, as a damaged
 * disk or an old buggy version would have left it. The database must already exist.
 */
export function putRawFigureRecord(dbName: string, record: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('figures')) {
        db.close();
        reject(new Error(`no "figures" store in ${dbName}: ${[...db.objectStoreNames].join(', ')}`));
        return;
      }
      const tx = db.transaction('figures', 'readwrite');
      tx.objectStore('figures').put(record);
      tx.oncomplete = () => {
        db.close();
        resolve('written');
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Runs in the probe page: ids of every record in the figure store, read directly. */
export function rawFigureIds(dbName: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('figures', 'readonly').objectStore('figures').getAllKeys();
      request.onsuccess = () => {
        db.close();
        resolve(request.result.map(String));
      };
      request.onerror = () => reject(request.error);
    };
  });
}
