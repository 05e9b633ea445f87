// Faults, in Chromium and Firefox ESR: a damaged record in IndexedDB, the background stopped
// in the middle of writing, malformed / wrong-version / huge files imported through the options
// page, and two tabs writing at once. Expected: nothing crashes, what can be read still is,
// nothing is lost or kept twice, and a refused import changes nothing and says why.
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, type BrowserSession, type Tab } from '../harness/index';
import { waitForMarks } from '../harness/caveat-page';
import { useBrowser } from '../harness/suite';
import { FIGURE_DB_NAME } from '../../../src/extension/background/idb-store';
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
