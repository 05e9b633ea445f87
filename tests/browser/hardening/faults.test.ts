// Faults, in Chromium and Firefox ESR: a damaged record in IndexedDB, the background stopped
// in the middle of writing, malformed / wrong-version / huge files imported through the options
// page, and two tabs writing at once. Expected: nothing crashes, what can be read still is,
// nothing is lost or kept twice, and a refused import changes nothing and says why.
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, type BrowserSession, type Tab } from '../harness/index';
import { waitForMarks } from '../harness/caveat-page';
import { useBrowser, type SuiteContext } from '../harness/suite';
import { FIGURE_DB_NAME } from '../../../src/extension/background/idb-store';
import { STORAGE_FULL_EVICT_SHARE } from '../../../src/engine/store/limits';
import { askStoreExport, askStoreUsage, clearStore, putRawFigureRecord, rawFigureIds } from './page-probes';

const MINISTRY = 'constructed-israel-ministry.html';
const AMBASSADOR = 'constructed-russian-ambassador.html';
const SEED = 'seed-article.html';

interface Usage {
  figures: number;
  pages: number;
}

/** Polls the figure memory until two reads in a row agree (and hold at least `atLeast` figures). */
async function settledUsage(browser: BrowserSession, atLeast = 1): Promise<Usage> {
  let last = '';
  return pollUntil(
    async () => {
      const usage = (await browser.evaluateInExtension(askStoreUsage))?.usage;
      if (!usage) return null;
      const key = `${usage.figures}/${usage.pages}`;
      const stable = key === last && usage.figures >= atLeast;
      last = key;
      return stable ? { figures: usage.figures, pages: usage.pages } : null;
    },
    { timeoutMs: 30_000, intervalMs: 500, message: `the figure memory never settled at ${atLeast}+ figures` },
  );
}

/** Opens a page and waits until Caveat has read it (its figures are what these tests look at). */
async function readPage(browser: BrowserSession, url: string): Promise<Tab> {
  const tab = await browser.openTab(url);
  await waitUntilRead(browser, tab, url);
  return tab;
}

async function waitUntilRead(browser: BrowserSession, tab: Tab, url: string): Promise<void> {
  // Not every page has flags to mark; the popup's page state says when the scan is done.
  await pollUntil(
    () => browser.evaluateInExtension(async (tabId: number) => {
      const g = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, { status?: string }>> } } } };
      const all = await g.chrome.storage.session.get(null);
      return all[`tab:${tabId}`]?.status === 'article';
    }, tab.tabId),
    { timeoutMs: 30_000, message: `Caveat never finished reading ${url}` },
  );
}

/** Sets a file on the options page's import input, as choosing it in the file dialog does. */
async function importThroughOptions(options: Tab, name: string, content: { text: string } | { repeat: string; times: number }): Promise<{ text: string; error: boolean }> {
  await options.evaluate(
    (text: string | null, repeat: string | null, times: number) => {
      const input = document.querySelector('[data-testid="import"]') as HTMLInputElement;
      const body = text ?? (repeat ?? '').repeat(times);
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], 'figures.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    'text' in content ? content.text : null,
    'repeat' in content ? content.repeat : null,
    'repeat' in content ? content.times : 0,
  );
  return options.waitFor<[], { text: string; error: boolean } | null>(
    () => {
      const status = document.querySelector('[role="status"]');
      const text = status?.textContent?.trim() ?? '';
      return text && !/^Counting/.test(text) ? { text, error: status?.classList.contains('error') ?? false } : null;
    },
    { timeoutMs: 20_000, message: `the options page showed no result for the import of ${name}` },
  ) as Promise<{ text: string; error: boolean }>;
}

describe.each(BROWSERS)('$name: faults', (launcher) => {
  const ctx = useBrowser(launcher);

  it('skips a damaged record in IndexedDB, keeps reading the rest, and says so', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    await readPage(ctx.browser, ctx.server.fixtureUrl(MINISTRY));
    await settledUsage(ctx.browser);
    const exported = JSON.parse((await ctx.browser.evaluateInExtension(askStoreExport))?.json ?? '{}') as { figures?: { what: string; text: string }[] };
    const killed = exported.figures?.find((f) => /23 Russian/.test(f.text));
    expect(killed, 'the ministry page’s “23 Russian citizens were killed” is kept').toBeDefined();

    // Same `what` as the kept figure, so every lookup for it meets the damaged record too.
    const damaged = { id: 'damaged-record', what: killed!.what, pageKey: 'damaged', site: 'damaged.example', seenAt: '2000-01-01T00:00:00.000Z', low: 'many', high: {}, text: 42, context: 'not a list', storyTerms: null };
    expect(await ctx.browser.evaluateInExtension(putRawFigureRecord, FIGURE_DB_NAME, damaged)).toBe('written');

    // The other page of the story still gets its conflict from the intact record.
    const ambassador = await readPage(ctx.browser, ctx.server.fixtureUrl(AMBASSADOR));
    const conflict = await ambassador.waitFor(
      () => {
        const highlight = CSS.highlights.get('caveat-conflict');
        return highlight ? [...(highlight as unknown as Iterable<Range>)].map((r) => r.toString()) : null;
      },
      { timeoutMs: 20_000, message: 'no conflict mark next to a damaged record' },
    );
    expect((conflict ?? []).join(' ')).toMatch(/20/);

    // The options page counts, exports without the damaged record, and reports it.
    const options = await ctx.browser.openExtensionPage('options.html');
    const usageText = await options.waitFor(
      () => {
        const text = document.querySelector('[data-testid="usage"]')?.textContent ?? '';
        return text && !/Counting/.test(text) ? text : null;
      },
      { timeoutMs: 20_000, message: 'the options page never showed its usage' },
    );
    expect(usageText).toMatch(/\d/);
    const exportedAfter = await ctx.browser.evaluateInExtension(askStoreExport);
    expect(exportedAfter?.ok).toBe(true);
    expect(exportedAfter?.json ?? '').not.toContain('damaged-record');
    expect(await options.evaluate(() => document.body.innerText)).toMatch(/skipped|damaged|corrupt|unreadable|could not be read/i);
  }, 120_000);

  it('loses nothing and keeps nothing twice when the background is stopped in the middle of writing', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const clean = await readPage(ctx.browser, ctx.server.fixtureUrl(SEED));
    const expected = await settledUsage(ctx.browser);
    await clean.close();
    await ctx.browser.evaluateInExtension(clearStore);

    // Stop the background again and again while the page's figures are on their way.
    const tab = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    for (let i = 0; i < 4; i++) {
      await ctx.browser.stopBackground().catch(() => undefined);
      await new Promise((done) => setTimeout(done, 150).unref());
    }
    await waitForMarks(tab);
    // The page read again (a reload) must end in exactly the clean read's figures.
    await tab.goto(ctx.server.fixtureUrl(SEED));
    await waitForMarks(tab);
    const after = await settledUsage(ctx.browser);
    expect(after).toEqual(expected);
    const ids = await ctx.browser.evaluateInExtension(rawFigureIds, FIGURE_DB_NAME);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);

  it('refuses malformed, wrong-version and huge import files whole, leaves the memory unchanged and says why', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    await readPage(ctx.browser, ctx.server.fixtureUrl(MINISTRY));
    const before = await settledUsage(ctx.browser);
    const good = (await ctx.browser.evaluateInExtension(askStoreExport))?.json ?? '';
    const doc = JSON.parse(good) as { schemaVersion: number; figures: Record<string, unknown>[] };
    const options = await ctx.browser.openExtensionPage('options.html');

    const badFiles: { name: string; content: { text: string } | { repeat: string; times: number }; says: RegExp }[] = [
      { name: 'not JSON', content: { text: '{"format": "caveat-figures", "figures": [' }, says: /JSON|valid|read/i },
      { name: 'a newer schema version', content: { text: JSON.stringify({ ...doc, schemaVersion: 99 }) }, says: /version/i },
      {
        // One good record and one bad: the good one must not slip in.
        name: 'one bad record among good ones',
        content: { text: JSON.stringify({ ...doc, figures: [...doc.figures.map((f) => ({ ...f, pageKey: `${String(f.pageKey)}-copy`, id: `${String(f.id)}-copy` })), { ...doc.figures[0], low: 'lots' }] }) },
        says: /figure|record|low|invalid/i,
      },
      // 70 million characters: more than any limit of the store or the message channel.
      { name: 'a huge file', content: { repeat: ' ', times: 70_000_000 }, says: /large|big|size|MB|limit/i },
    ];
    for (const bad of badFiles) {
      // A fresh options page for each file, so one file's message is never taken for the next's.
      await options.goto(`${ctx.browser.extensionOrigin}/options.html`);
      await options.waitFor(() => /\d/.test(document.querySelector('[data-testid="usage"]')?.textContent ?? ''), { message: 'no usage shown' });
      const shown = await importThroughOptions(options, bad.name, bad.content);
      expect(shown.error, `${bad.name}: shown as an error`).toBe(true);
      expect(shown.text, `${bad.name}: says why`).toMatch(bad.says);
      expect((await ctx.browser.evaluateInExtension(askStoreUsage))?.usage, `${bad.name}: memory unchanged`).toMatchObject(before);
    }
  }, 180_000);

  it('keeps both pages’ figures, once each, when two tabs write at the same time', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const ministry = await readPage(ctx.browser, ctx.server.fixtureUrl(MINISTRY));
    const alone = await settledUsage(ctx.browser);
    await ministry.close();
    await ctx.browser.evaluateInExtension(clearStore);
    const seed = await readPage(ctx.browser, ctx.server.fixtureUrl(SEED));
    const seedAlone = await settledUsage(ctx.browser);
    await seed.close();
    await ctx.browser.evaluateInExtension(clearStore);

    const urls = [ctx.server.fixtureUrl(MINISTRY), ctx.server.fixtureUrl(SEED)];
    const tabs = await Promise.all(urls.map((url) => ctx.browser.openTab(url)));
    await Promise.all(tabs.map((tab, i) => waitUntilRead(ctx.browser, tab, urls[i]!)));
    const both = await settledUsage(ctx.browser, alone.figures + seedAlone.figures);
    expect(both).toEqual({ figures: alone.figures + seedAlone.figures, pages: 2 });
    const ids = await ctx.browser.evaluateInExtension(rawFigureIds, FIGURE_DB_NAME);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);
});

/** The extension origin's storage quota in the storage-full tests: small enough to fill in seconds. */
const SMALL_QUOTA_BYTES = 3 * 1024 * 1024;
/** A tiny quota, where Chromium's IndexedDB keeps its data uncompacted (the rebuild lost every figure here). */
const TINY_QUOTA_BYTES = 1024 * 1024;

/**
 * Runs in the probe page (the extension's origin, so the background's IndexedDB): writes valid
 * figure records, older than any page read, a transaction at a time, until IndexedDB refuses
 * for lack of room. Returns how many were written (committed) and the error that stopped it.
 */
function fillFigureMemory(dbName: string, template: Record<string, unknown>, perTransaction: number, max: number): Promise<{ written: number; stoppedBy: string }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    // Big transactions first, then smaller ones once refused, so that hardly any room is left.
    const sizes = [perTransaction, 5, 1];
    let stoppedBy = 'max';
    // Firefox refuses every put of a connection once one write was refused for room: each
    // smaller size goes through a connection of its own.
    const connect = (): void => {
      const open = indexedDB.open(dbName);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
      const db = open.result;
      const pad = (n: number) => String(n).padStart(6, '0');
      const record = (i: number) => {
        const page = Math.floor(i / 20);
        const words = ['harbour', 'ferry', 'bridge', 'tunnel', 'depot', 'canal', 'pier', 'lock'];
        const place = `${words[i % 8]} ${words[(i >> 3) % 8]} ${page}`;
        return {
          ...template,
          id: `filler-${pad(i)}`,
          pageKey: `filler.example/page-${pad(page)}`,
          site: 'filler.example',
          what: `boat|repaired at ${place}`,
          low: i,
          high: i,
          number: String(i),
          text: `${i} boats were repaired`,
          sentence: `The port authority said ${i} boats were repaired at the ${place} after the storms, the ${page}th report of the season noted. `.repeat(3),
          attributedTo: 'the port authority',
          context: [`${words[i % 8]}`, `${words[(i >> 3) % 8]}`, `report${page}`],
          storyTerms: [`fillerstory${page}`, `fillertown${page}`, 'fillerport'],
          fingerprint: `filler-${pad(page)}`,
          source: `https://filler.example/page-${pad(page)}`,
          title: `Filler report number ${page} on the repairs`,
          siteName: 'Filler',
          publishedAt: null,
          seenAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
        };
      };
      const next = () => {
        const size = sizes[0];
        if (written >= max || size === undefined) {
          db.close();
          resolve({ written, stoppedBy });
          return;
        }
        const tx = db.transaction('figures', 'readwrite');
        const store = tx.objectStore('figures');
        tx.oncomplete = () => {
          written += size;
          next();
        };
        tx.onabort = () => {
          stoppedBy = tx.error?.name ?? stoppedBy;
          sizes.shift();
          db.close();
          connect();
        };
        try {
          for (let i = written; i < written + size; i++) store.put(record(i));
        } catch {
          tx.abort();
        }
      };
      next();
    };
    };
    connect();
  });
}

/**
 * Runs in the probe page: fills the rest of the extension origin's quota with a database that is
 * not Caveat's (as other data of the origin, or a full disk, would), with text that does not
 * compress, until IndexedDB refuses.
 */
function fillBallast(name: string, firstKey = 0): Promise<{ written: number; stoppedBy: string }> {
  return new Promise((resolve, reject) => {
    let seed = 7;
    const noise = (length: number) => {
      let text = '';
      while (text.length < length) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += seed.toString(36);
      }
      return text.slice(0, length);
    };
    let written = 0;
    let stoppedBy = 'max';
    // Values of 64 KB a transaction first, then smaller ones once refused, until hardly any
    // room is left; each size on a connection of its own (Firefox refuses every put of a
    // connection after one was refused for room).
    const sizes = [65_536, 16_384, 2_048, 256];
    const connect = (): void => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('ballast');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const next = () => {
          const size = sizes[0];
          if (size === undefined || written >= 10_000) {
            db.close();
            resolve({ written, stoppedBy });
            return;
          }
          const tx = db.transaction('ballast', 'readwrite');
          tx.oncomplete = () => {
            written++;
            next();
          };
          tx.onabort = () => {
            stoppedBy = tx.error?.name ?? stoppedBy;
            sizes.shift();
            db.close();
            connect();
          };
          try {
            tx.objectStore('ballast').put(noise(size), firstKey + written);
          } catch {
            tx.abort();
          }
        };
        next();
      };
    };
    connect();
  });
}

/**
 * Fills the quota with ballast until a fill a second later finds no room at all: Chromium gives
 * back the space of deleted databases and records some time after they go, so a quota that
 * refused one write may have room again a moment later.
 */
async function fillUntilFull(browser: BrowserSession, name: string): Promise<void> {
  let nextKey = 0;
  for (let round = 0; round < 10; round++) {
    const fill = await browser.evaluateInExtension(fillBallast, name, nextKey);
    expect(fill.stoppedBy, 'the small quota was reached').toBe('QuotaExceededError');
    if (round > 0 && fill.written === 0) return;
    nextKey += fill.written;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the quota never stayed full: the browser kept giving room back');
}

/** Runs in the probe page: deletes a database. */
function deleteDatabase(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve(true);
    request.onerror = () => resolve(false);
    request.onblocked = () => resolve(false);
  });
}

/**
 * Fills the figure memory with valid figures up to the quota, reads three pages, and checks
 * that only the oldest figures made room for them, as many as the options page says.
 */
async function evictsTheOldest(ctx: SuiteContext, minWritten: number): Promise<void> {
    await ctx.browser.evaluateInExtension(clearStore);
    // A real record as the filler's template, so every filler record is valid for the schema.
    await readPage(ctx.browser, ctx.server.fixtureUrl(SEED));
    await settledUsage(ctx.browser);
    const template = (JSON.parse((await ctx.browser.evaluateInExtension(askStoreExport))?.json ?? '{}') as { figures: Record<string, unknown>[] }).figures[0]!;
    await ctx.browser.evaluateInExtension(clearStore);
    await ctx.browser.closeAllTabs();

    const fill = await ctx.browser.evaluateInExtension(fillFigureMemory, FIGURE_DB_NAME, template, 50, 40_000);
    expect(fill.stoppedBy, 'the small quota was reached').toBe('QuotaExceededError');
    expect(fill.written).toBeGreaterThan(minWritten);
    const oldest = 'filler-000000';
    const newest = `filler-${String(fill.written - 1).padStart(6, '0')}`;

    // Pages read now must make room: the first two are of one story, so the second also
    // shows the first one's figure beside its own.
    await readPage(ctx.browser, ctx.server.fixtureUrl(MINISTRY));
    await pollUntil(
      async () => ((await ctx.browser.evaluateInExtension(askStoreExport))?.json ?? '').includes(MINISTRY),
      { timeoutMs: 60_000, message: 'the ministry page’s figures were never kept' },
    );
    const ambassador = await ctx.browser.openTab(ctx.server.fixtureUrl(AMBASSADOR));
    const conflict = await ambassador.waitFor(
      () => {
        const highlight = CSS.highlights.get('caveat-conflict');
        return highlight && highlight.size > 0 ? [...(highlight as unknown as Iterable<Range>)].map((r) => r.toString()) : null;
      },
      { timeoutMs: 30_000, message: 'no conflict mark: the figure kept after making room was not found' },
    );
    expect((conflict ?? []).join(' ')).toMatch(/20/);
    const seed = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    expect(Object.keys(await waitForMarks(seed, 60_000)).length, 'the page still gets its marks').toBeGreaterThan(0);

    const answer = await pollUntil(
      async () => {
        const exported = await ctx.browser.evaluateInExtension(askStoreExport);
        const json = exported?.json ?? '';
        return [MINISTRY, AMBASSADOR, SEED].every((page) => json.includes(page)) ? json : null;
      },
      { timeoutMs: 60_000, message: 'the pages read after the storage was full were not all kept' },
    );
    const ids = new Set((JSON.parse(answer) as { figures: { id: string }[] }).figures.map((f) => f.id));
    expect(ids.has(oldest), 'the oldest figure was evicted').toBe(false);
    expect(ids.has(newest), 'the newest figure kept before is still kept').toBe(true);

    const usage = ((await ctx.browser.evaluateInExtension(askStoreUsage)) as StorageFullAnswer | null)?.usage;
    const evicted = usage?.storageFull?.evicted ?? 0;
    expect(evicted).toBeGreaterThan(0);
    expect(usage?.storageFull?.notKept).toBe(0);
    expect(usage!.figures).toBeLessThan(fill.written);
    // Only the oldest went, as many as the note says, and no more than making room needs: a
    // round evicts 15% of the memory, and three pages read need at most two rounds.
    const fillersKept = [...ids].filter((id) => id.startsWith('filler-')).sort();
    expect(fillersKept[0], 'the figures evicted are the oldest ones').toBe(`filler-${String(evicted).padStart(6, '0')}`);
    expect(fillersKept.length, 'the note counts exactly the figures evicted').toBe(fill.written - evicted);
    expect(evicted).toBeLessThanOrEqual(Math.ceil(fill.written * STORAGE_FULL_EVICT_SHARE) * 2);

    const options = await ctx.browser.openExtensionPage('options.html');
    const notice = await options.waitFor(() => document.querySelector('[data-testid="storage-notice"]')?.textContent ?? null, {
      timeoutMs: 20_000,
      message: 'the options page never said storage was full',
    });
    expect(notice).toMatch(/^Storage was full on \d{1,2} \w{3} \d{4}: the [\d,]+ oldest figures were removed to make room\.$/);
    expect(notice).toContain(usage!.storageFull!.evicted.toLocaleString('en-US'));
    await options.evaluate(() => {
      document.querySelector('[data-testid="storage-notice"]')?.scrollIntoView({ block: 'center' });
      return true;
    });
    await options.screenshot('options-storage-full');
  }

interface StorageFullAnswer {
  ok: boolean;
  usage?: { figures: number; pages: number; bytes: number; storageFull?: { at: string; evicted: number; notKept: number } };
}

describe.each(BROWSERS)('$name: storage full', (launcher) => {
  // A real small quota for the extension's origin: Chromium through DevTools
  // (Storage.overrideQuotaForOrigin), Firefox through dom.quotaManager.temporaryStorage.fixedLimit.
  const ctx = useBrowser(launcher, { storageQuotaBytes: SMALL_QUOTA_BYTES });

  it('evicts the oldest figures when the browser’s storage is full, keeps the pages read, and the options page says so', () => evictsTheOldest(ctx, 500), 240_000);

  it('still marks the page when no room can be made for its figures, and the options page says they were not kept', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const ballast = 'caveat-test-ballast';
    try {
      const fill = await ctx.browser.evaluateInExtension(fillBallast, ballast);
      expect(fill.stoppedBy, 'the small quota was reached').toBe('QuotaExceededError');

      // Nothing of Caveat's to evict: the page's figures cannot be kept, its marks still come.
      const seed = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
      expect(Object.keys(await waitForMarks(seed, 60_000)).length).toBeGreaterThan(0);
      const usage = await pollUntil(
        async () => {
          const answer = (await ctx.browser.evaluateInExtension(askStoreUsage)) as StorageFullAnswer | null;
          return (answer?.usage?.storageFull?.notKept ?? 0) > 0 ? answer!.usage! : null;
        },
        { timeoutMs: 60_000, message: 'the memory never said the page’s figures could not be kept' },
      );
      expect(usage.figures).toBe(0);

      const options = await ctx.browser.openExtensionPage('options.html');
      const notice = await options.waitFor(() => document.querySelector('[data-testid="storage-notice"]')?.textContent ?? null, {
        timeoutMs: 20_000,
        message: 'the options page never said storage was full',
      });
      expect(notice).toMatch(/^Storage was full on .*: no figures could be removed to make room, and still the browser gave no room for the [\d,]+ figures? of the last page read: they were not kept/);
      // The memory still answers: an export is a valid, empty document.
      const exported = await ctx.browser.evaluateInExtension(askStoreExport);
      expect(exported?.ok).toBe(true);
      expect(JSON.parse(exported?.json ?? '{}')).toMatchObject({ figures: [] });
    } finally {
      await ctx.browser.evaluateInExtension(deleteDatabase, ballast);
    }
  }, 240_000);

  it('opens the figure memory when storage is already full: the page is still marked, and the options page says its figures were not kept, after a restart too', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const ballast = 'caveat-test-ballast';
    try {
      // Caveat's database gone and the background stopped: its next wake must make the
      // database again, with no room left.
      await ctx.browser.stopBackground();
      expect(await ctx.browser.evaluateInExtension(deleteDatabase, FIGURE_DB_NAME), 'Caveat’s database deleted').toBe(true);
      await fillUntilFull(ctx.browser, ballast);
      await ctx.browser.stopBackground().catch(() => undefined);

      // The options page is already open when the page is read: the note must reach it there.
      const options = await ctx.browser.openExtensionPage('options.html');
      const seed = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
      expect(Object.keys(await waitForMarks(seed, 60_000)).length, 'the page is still marked').toBeGreaterThan(0);

      const notKept = /^Storage was full on .*: no figures could be removed to make room, and still the browser gave no room for the [\d,]+ figures? of the last page read: they were not kept/;
      const shownNotice = () =>
        options.waitFor(() => document.querySelector('[data-testid="storage-notice"]')?.textContent ?? null, {
          timeoutMs: 30_000,
          message: 'the options page never said storage was full',
        });
      expect(await shownNotice()).toMatch(notKept);
      // The memory could not even be opened: the page says so instead of counting forever.
      const status = await options.waitFor(() => document.querySelector('[role="status"]')?.textContent || null, {
        timeoutMs: 30_000,
        message: 'the options page never said why it could not count the kept figures',
      });
      expect(status).toMatch(/no storage room left to open Caveat’s kept figures/);
      // The note outlives the background: stopped, it is still there for the options page.
      await ctx.browser.stopBackground().catch(() => undefined);
      await options.goto(`${ctx.browser.extensionOrigin}/options.html`);
      expect(await shownNotice()).toMatch(notKept);
    } finally {
      await ctx.browser.evaluateInExtension(deleteDatabase, ballast);
    }
  }, 240_000);

  it('refuses an import whole when storage is full, leaves the memory unchanged and says why', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    await readPage(ctx.browser, ctx.server.fixtureUrl(SEED));
    await settledUsage(ctx.browser);
    const doc = JSON.parse((await ctx.browser.evaluateInExtension(askStoreExport))?.json ?? '{}') as { figures: Record<string, unknown>[] };
    const template = doc.figures[0]!;
    await ctx.browser.evaluateInExtension(clearStore);
    await ctx.browser.closeAllTabs();
    const fill = await ctx.browser.evaluateInExtension(fillFigureMemory, FIGURE_DB_NAME, template, 50, 40_000);
    expect(fill.stoppedBy, 'the small quota was reached').toBe('QuotaExceededError');
    const before = await settledUsage(ctx.browser, fill.written);

    // A file of 200 figures of ten pages not kept yet, read now: nothing of it fits.
    const readAt = new Date().toISOString();
    const figures = Array.from({ length: 200 }, (_, i) => ({
      ...template,
      id: `imported-${i}`,
      pageKey: `imported.example/page-${Math.floor(i / 20)}`,
      source: `https://imported.example/page-${Math.floor(i / 20)}`,
      fingerprint: `imported-${Math.floor(i / 20)}`,
      seenAt: readAt,
    }));
    const file = JSON.stringify({ ...doc, figures });
    const options = await ctx.browser.openExtensionPage('options.html');
    await options.waitFor(() => /\d/.test(document.querySelector('[data-testid="usage"]')?.textContent ?? ''), { message: 'no usage shown' });
    const shown = await importThroughOptions(options, 'a file with no room for it', { text: file });
    expect(shown.error, 'shown as an error').toBe(true);
    expect(shown.text, shown.text).toMatch(/^Not imported: the browser has no storage room for the file’s 200 figures\. Nothing was changed\./);
    const after = (await ctx.browser.evaluateInExtension(askStoreUsage))?.usage;
    expect(after).toMatchObject(before);
    const exported = (await ctx.browser.evaluateInExtension(askStoreExport))?.json ?? '';
    expect(exported).not.toContain('imported.example');
  }, 240_000);
});

describe.each(BROWSERS)('$name: storage full at a tiny quota', (launcher) => {
  const ctx = useBrowser(launcher, { storageQuotaBytes: TINY_QUOTA_BYTES });

  it('evicts only the oldest figures, as many as the options page says', () => evictsTheOldest(ctx, 100), 240_000);
});
