// Figures across pages, in Chromium and Firefox ESR: a figure read on page A is kept, the
// background is stopped (as the browser does when idle), and page B that gives another figure
// for the same thing shows both side by side.
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil } from './harness/index';
import { waitForMarks } from './harness/caveat-page';
import { openPopup, useBrowser } from './harness/suite';

const PAGE_A = 'constructed-israel-ministry.html';
const PAGE_B = 'constructed-russian-ambassador.html';
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(BROWSERS)('$name: figures across pages', (launcher) => {
  const ctx = useBrowser(launcher);

  it('shows a figure kept from page A as conflicting on page B, with the background stopped in between', async () => {
    const a = await ctx.browser.openTab(ctx.server.fixtureUrl(PAGE_A));
    // The popup has an answer once the page is scanned, and the page is scanned once its
    // figures are kept (the content script waits for the background's reply).
    const popupA = await openPopup(ctx.browser, a.tabId);
    expect(await popupA.evaluate(() => document.querySelectorAll('[data-testid="conflict-entry"]').length)).toBe(0);
    const titleA = await a.evaluate(() => document.title);
    await popupA.close();
    await a.close();

    await ctx.browser.stopBackground();

    const b = await ctx.browser.openTab(ctx.server.fixtureUrl(PAGE_B));
    const marks = await waitForMarks(b);
    const conflictTexts = marks['caveat-conflict'] ?? [];
    expect(conflictTexts.some((t) => /\b20 Russian citizens\b/.test(t)), `conflict marks: ${JSON.stringify(conflictTexts)}`).toBe(true);

    // The card of B's figure shows A's figure beside it, with where it came from.
    const index = conflictTexts.findIndex((t) => /\b20 Russian citizens\b/.test(t));
    await b.clickHighlight('caveat-conflict', index);
    const card = await pollUntil(() => b.readCard(), { message: 'no card on the conflicting figure' });
    const text = norm(card.text);
    expect(text).toMatch(/\b20 Russian citizens\b/);
    expect(text).toMatch(/\b23 Russian citizens\b/);
    expect(text).toContain(norm(titleA).slice(0, 30));
    await b.screenshot('card-conflict');

    // The popup lists it among the figures that disagree.
    const popupB = await openPopup(ctx.browser, b.tabId);
    const entries = await popupB.evaluate(() =>
      [...document.querySelectorAll('[data-testid="conflict-entry"]')].map((e) => (e as HTMLElement).innerText),
    );
    const entry = entries.map(norm).find((e) => /\b20 Russian citizens\b/.test(e));
    expect(entry, `conflict entries: ${JSON.stringify(entries)}`).toBeDefined();
    expect(entry).toMatch(/\b23 Russian citizens\b/);
    await popupB.screenshot('popup-conflict');
  });
});
