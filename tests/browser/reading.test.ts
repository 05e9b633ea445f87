// Reading an article with Caveat, in Chromium and Firefox ESR: the marks on the seed article,
// the page's text left as it was, the card that opens on a click, the badge count, a page that
// is not an article, and no network traffic from the extension.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, pollUntil, type Tab } from './harness/index';
import { expectedScan } from './harness/expected';
import { isMarked, readMarkTexts, textWithAndWithoutCaveat, visibleMarks, waitForMarks } from './harness/caveat-page';
import { openPopup, useBrowser, waitForBadge } from './harness/suite';
import { KIND_INFO } from '../../src/extension/shared/kinds';
import type { FlagKind } from '../../src/engine/types';

const SEED = 'seed-article.html';
const READER_EVENTS = ['click', 'keydown', 'pointerdown'];

/**
 * The click, key and pointer listeners on the tab's window, Caveat's isolated world included
 * (Chromium's DevTools protocol sees every world); null in Firefox, whose Marionette does not.
 */
async function readerListenersOnWindow(tab: Tab): Promise<string[] | null> {
  const page = (tab as Tab & { page?: Page }).page;
  if (!page) return null;
  const cdp = await page.createCDPSession();
  try {
    // Listeners are seen from the world that added them: ask the page's world and every
    // isolated world (an extension's content script runs in one) of the top frame.
    const contexts: { id: number; auxData?: { frameId?: string; isDefault?: boolean; type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const types: string[] = [];
    for (const context of contexts.filter((c) => c.auxData?.frameId === frameTree.frame.id)) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window', contextId: context.id });
      if (!result.objectId) continue;
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      types.push(...listeners.map((l) => l.type).filter((type) => READER_EVENTS.includes(type)));
    }
    return types.sort();
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(BROWSERS)('$name: reading an article', (launcher) => {
  const ctx = useBrowser(launcher);

  it('marks the seed article’s cues by kind and leaves the page’s text exactly as it was', async () => {
    const url = ctx.server.fixtureUrl(SEED);
    const tab = await ctx.browser.openTab(url);
    const marks = await waitForMarks(tab);
    const expected = await expectedScan({ fixture: SEED }, url);

    // Only Caveat's names, and a highlight for exactly the kinds the engine finds on this page
    // (figures that disagree within the page are marked as conflicts).
    const kindsFound = new Set(expected.flags.map((f) => `caveat-${f.kind}`));
    if (expected.conflicts.length > 0) kindsFound.add('caveat-conflict');
    expect(Object.keys(marks).sort()).toEqual([...kindsFound].sort());
    // Every flag's cue is marked under its kind.
    for (const flag of expected.flags) {
      expect(isMarked(marks[`caveat-${flag.kind}`] ?? [], flag.cue), `${flag.kind} “${flag.cue}” marked`).toBe(true);
    }
    // What any reader of the seed sees flagged (ANNOTATION.md's own examples).
    expect(marks['caveat-hedge']?.some((t) => t.includes('allegedly'))).toBe(true);
    expect(marks['caveat-unverified']?.some((t) => t.includes('not been independently verified'))).toBe(true);

    const { withCaveat, without } = await tab.evaluate(textWithAndWithoutCaveat);
    expect(without.length).toBeGreaterThan(1000);
    expect(withCaveat).toBe(without);
  });

  it('opens a card with the kind, the cue and the claim when a mark is clicked, and Escape closes it', async () => {
    const url = ctx.server.fixtureUrl(SEED);
    const tab = await ctx.browser.openTab(url);
    await waitForMarks(tab);
    const expected = await expectedScan({ fixture: SEED }, url);

    for (const kind of ['unverified', 'hedge'] as FlagKind[]) {
      const clicked = await tab.clickHighlight(`caveat-${kind}`);
      const card = await pollUntil(() => tab.readCard(), { message: `no card after clicking the ${kind} mark` });
      const flag = expected.flags.find((f) => f.kind === kind && norm(f.cue).includes(norm(clicked)));
      expect(flag, `the engine's ${kind} flag for “${clicked}”`).toBeDefined();
      const text = norm(card.text);
      expect(text).toContain(KIND_INFO[kind].label);
      expect(text).toContain(norm(flag!.cue));
      expect(text).toContain(norm(flag!.claim || flag!.sentence));
      if (kind === 'unverified') {
        // The pointing-back cue ("This information…") explains the sentence before it.
        expect(text).toContain('Hamas claims that more than 7,000 people');
        await tab.screenshot('card');
      }
      await tab.press('Escape');
      await pollUntil(async () => (await tab.readCard()) === null, { message: 'Escape did not close the card' });
    }
  });

  it('shows the number of flags on the toolbar badge', async () => {
    const url = ctx.server.fixtureUrl(SEED);
    const tab = await ctx.browser.openTab(url);
    await waitForMarks(tab);
    const expected = await expectedScan({ fixture: SEED }, url);
    expect(expected.flags.length).toBeGreaterThan(0);
    expect(await waitForBadge(ctx.browser, tab.tabId, String(expected.flags.length))).toBe(String(expected.flags.length));
  });

  it('leaves a page that is not an article unmarked and says so in the popup', async () => {
    const tab = await ctx.browser.openTab(ctx.server.pageUrl('section-front.html'));
    const popup = await openPopup(ctx.browser, tab.tabId);
    const empty = await popup.evaluate(() => document.querySelector('[data-testid="empty-state"]')?.textContent ?? null);
    expect(empty).toMatch(/not an article/i);
    expect(await popup.evaluate(() => document.querySelectorAll('[data-testid="flag-entry"]').length)).toBe(0);
    expect(visibleMarks(await tab.evaluate(readMarkTexts))).toEqual({});
    expect(await ctx.browser.badgeText(tab.tabId)).toBe('');
    // Nothing to click or step through: no listeners of Caveat's on the page (Chromium can tell).
    const listenersWithout = await readerListenersOnWindow(tab);
    if (listenersWithout) expect(listenersWithout).toEqual([]);

    // The same tab on an article does get marks: the silence above was a decision, not a dead script.
    await tab.goto(ctx.server.fixtureUrl(SEED));
    expect(Object.keys(await waitForMarks(tab)).length).toBeGreaterThan(0);
    const listenersWith = await readerListenersOnWindow(tab);
    if (listenersWith) expect(listenersWith).toEqual(READER_EVENTS);
  });

  it('makes no network request of its own while reading, opening the card and the popup', async () => {
    ctx.server.clearRequests();
    const url = ctx.server.fixtureUrl(SEED);
    const tab = await ctx.browser.openTab(url);
    await waitForMarks(tab);
    await tab.clickHighlight('caveat-hedge');
    await pollUntil(() => tab.readCard(), { message: 'no card' });
    const popup = await openPopup(ctx.browser, tab.tabId);
    await popup.evaluate(() => document.querySelectorAll('[data-testid="flag-entry"]').length);
    // Every request for another host would have come to the server as the browser's proxy.
    const elsewhere = ctx.server.requests.filter((r) => r.proxied).map((r) => `${r.method} ${r.url}`);
    expect(elsewhere).toEqual([]);
    // And the only requests for the test server are the page and the browser's favicon probe.
    const local = new Set(ctx.server.requests.filter((r) => !r.proxied).map((r) => r.url));
    expect([...local].filter((u) => u !== `/fixtures/${SEED}` && u !== '/favicon.ico')).toEqual([]);
  });
});
