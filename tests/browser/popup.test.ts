// The toolbar popup (opened as a tab with ?tab=<id>, as the extension allows for tests), in
// Chromium and Firefox ESR: the page's flags grouped by kind, and choosing one takes the reader
// to it on the page.
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil } from './harness/index';
import { expectedScan } from './harness/expected';
import { waitForMarks } from './harness/caveat-page';
import { clickElement, openPopup, useBrowser } from './harness/suite';
import { FLAG_KINDS } from '../../src/engine/types';
import { clearStore } from './hardening/page-probes';

const tab = (t: { tabId: number }) => t.tabId;

const SEED = 'seed-article.html';
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(BROWSERS)('$name: the popup', (launcher) => {
  const ctx = useBrowser(launcher);

  it('lists the page’s flags grouped by kind, and choosing one scrolls the page to it and opens its card', async () => {
    const url = ctx.server.fixtureUrl(SEED);
    const tab = await ctx.browser.openTab(url);
    await waitForMarks(tab);
    const expected = await expectedScan({ fixture: SEED }, url);
    await tab.evaluate(() => {
      window.scrollTo(0, 0);
      return true;
    });

    const popup = await openPopup(ctx.browser, tab.tabId);
    await popup.screenshot('popup');
    const groups = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid^="group-"]')].map((group) => ({
        testid: group.dataset.testid ?? '',
        entries: [...group.querySelectorAll('[data-testid="flag-entry"]')].map((e) => (e as HTMLElement).innerText),
      })),
    );
    const flagGroups = groups.filter((g) => g.testid !== 'group-conflict');
    // One group per kind that has flags, in the canonical kind order.
    const kindsWithFlags = FLAG_KINDS.filter((kind) => expected.flags.some((f) => f.kind === kind));
    expect(flagGroups.map((g) => g.testid)).toEqual(kindsWithFlags.map((kind) => `group-${kind}`));
    // Each group lists its kind's flags in the order they appear in the article, cue first.
    for (const kind of kindsWithFlags) {
      const flags = expected.flags.filter((f) => f.kind === kind).sort((a, b) => a.start - b.start);
      const entries = flagGroups.find((g) => g.testid === `group-${kind}`)?.entries ?? [];
      expect(entries.length, `${kind} entries`).toBe(flags.length);
      flags.forEach((flag, i) => expect(norm(entries[i] ?? '')).toContain(norm(flag.cue)));
    }

    // The flag furthest down the article is below the fold of a page scrolled to the top.
    const entryCues = flagGroups.flatMap((g) => g.entries);
    const last = [...expected.flags].sort((a, b) => b.start - a.start)[0]!;
    const index = entryCues.findIndex((text) => norm(text).includes(norm(last.cue)) && norm(text).includes(norm(last.claim || last.sentence).slice(0, 40)));
    expect(index).toBeGreaterThanOrEqual(0);
    await clickElement(popup, '[data-testid="flag-entry"]', index);

    const card = await pollUntil(() => tab.readCard(), { message: 'choosing a popup entry opened no card on the page' });
    expect(norm(card.text)).toContain(norm(last.cue));
    const view = await tab.evaluate(() => ({ scrollY: window.scrollY, height: window.innerHeight }));
    expect(view.scrollY).toBeGreaterThan(0);
    // The card sits beside the mark, inside the viewport.
    expect(card.rect.y).toBeGreaterThanOrEqual(0);
    expect(card.rect.y).toBeLessThan(view.height);
  });

  it('says when its list is only the first 1,000 flags of a page with more', async () => {
    // 1,500 cue sentences (and the generator's own now and then): more flags than a message carries.
    const tab = await ctx.browser.openTab(ctx.server.pageUrl('hostile/generated.html?cues=1500'));
    const total = await pollUntil(
      () =>
        ctx.browser.evaluateInExtension(async (tabId: number) => {
          const g = globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { status?: string; flagCount?: number }>> } } } };
          const state = (await g.chrome.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`];
          return state?.status === 'article' && typeof state.flagCount === 'number' ? state.flagCount : null;
        }, tab.tabId),
      { timeoutMs: 60_000, message: 'the page’s state never carried its true flag count' },
    );
    expect(total).toBeGreaterThanOrEqual(1500);

    const popup = await openPopup(ctx.browser, tab.tabId);
    const shown = await popup.evaluate(() => ({
      cut: document.querySelector('[data-testid="flags-cut"]')?.textContent ?? null,
      entries: document.querySelectorAll('[data-testid="flag-entry"]').length,
      kindCounts: [...document.querySelectorAll('[data-testid^="count-"]')].map((chip) => Number((chip.textContent ?? '').replace(/[^\d]/g, ''))),
    }));
    expect(shown.entries).toBe(1000);
    // The per-kind counts at the top are the page's, not the first 1,000's.
    expect(shown.kindCounts.reduce((sum, n) => sum + n, 0)).toBe(total);
    expect(shown.cut).toBe(`Showing the first 1,000 of ${total.toLocaleString('en-US')} flags on this page.`);
    await popup.screenshot('popup-cut');

    // A page whose flags all fit says nothing of the kind.
    const seed = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    await waitForMarks(seed);
    const whole = await openPopup(ctx.browser, seed.tabId);
    expect(await whole.evaluate(() => document.querySelector('[data-testid="flags-cut"]') === null)).toBe(true);
  }, 120_000);

  it('says when its list of disagreements is only part of the page’s', async () => {
    // Two pages of one story: the second disagrees with a figure kept from the first.
    await ctx.browser.evaluateInExtension(clearStore);
    const ministry = await ctx.browser.openTab(ctx.server.fixtureUrl('constructed-israel-ministry.html'));
    await pollUntil(
      () =>
        ctx.browser.evaluateInExtension(async (tabId: number) => {
          const g = globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { status?: string }>> } } } };
          return (await g.chrome.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`]?.status === 'article';
        }, tab(ministry)),
      { timeoutMs: 60_000, message: 'the first page was never read' },
    );
    const ambassador = await ctx.browser.openTab(ctx.server.fixtureUrl('constructed-russian-ambassador.html'));
    const state = await pollUntil(
      () =>
        ctx.browser.evaluateInExtension(async (tabId: number) => {
          const g = globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { status?: string; report?: { conflicts: unknown[] } }>> } } } };
          const found = (await g.chrome.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`];
          return found?.status === 'article' && (found.report?.conflicts.length ?? 0) > 0 ? found : null;
        }, tab(ambassador)),
      { timeoutMs: 60_000, message: 'the second page never got its disagreement' },
    );
    const shown = state.report!.conflicts.length;
    // Nothing was cut on that page: the popup says nothing of the kind.
    const whole = await openPopup(ctx.browser, tab(ambassador));
    expect(await whole.evaluate(() => document.querySelector('[data-testid="conflicts-cut"]') === null)).toBe(true);
    expect(await whole.evaluate(() => document.querySelector('[data-testid="count-conflict"]')?.textContent ?? '')).toMatch(/\d+ conflicting figures?$/);

    // The same page's state as the content script sends it when it had more disagreements
    // than a message carries (the list cut to the first ones, the true count beside it; a page
    // with over 1,000 needs hundreds of figures on several kept pages of one story). Kept for a
    // tab with no content script, where the popup reads the background's copy.
    const cutTab = 987_654;
    const total = shown + 1_500;
    await ctx.browser.evaluateInExtension(
      async (key: string, value: unknown) => {
        const g = globalThis as unknown as { chrome: { storage: { session: { set(v: Record<string, unknown>): Promise<void> } } } };
        await g.chrome.storage.session.set({ [key]: value });
        return true;
      },
      `tab:${cutTab}`,
      { ...state, conflictCount: total },
    );
    const popup = await openPopup(ctx.browser, cutTab);
    const line = await popup.evaluate(() => document.querySelector('[data-testid="conflicts-cut"]')?.textContent ?? null);
    expect(line).toBe(`Showing the first ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} disagreements between figures on this page.`);
    // The header counts the page's disagreements, not only the listed ones.
    const chip = await popup.evaluate(() => document.querySelector('[data-testid="count-conflict"]')?.textContent?.trim() ?? null);
    expect(chip).toBe(`${total.toLocaleString('en-US')} disagreements`);
    await popup.screenshot('popup-conflicts-cut');
  }, 120_000);
});
