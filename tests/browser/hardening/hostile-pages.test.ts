// Hostile pages, in Chromium and Firefox ESR: page text that holds markup and script, cue
// phrases where no reader sees them, a page that set traps for the extension before it ran,
// page CSS aimed at the card, spoofed messages, floods of cues and figures, huge and deep
// documents, invisible characters inside cues, prototype-polluting words, and iframes.
// Expected throughout: nothing from the page runs with the extension's rights, the card is
// neither restyled nor read, the store keeps at most its caps, and the page keeps responding.
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, type BrowserSession, type Tab } from '../harness/index';
import { isMarked, waitForMarks, type MarkTexts } from '../harness/caveat-page';
import { expectedScan } from '../harness/expected';
import { openPopup, useBrowser } from '../harness/suite';
import { cardLook, inCardRoot } from './privileged';
import { askStoreExport, askStoreUsage, clearStore, countMarks } from './page-probes';

const page = (name: string) => `hostile/${name}`;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Index, in document order, of the range of highlight `name` whose text is `text`. */
function rangeIndex(marks: MarkTexts, name: string, text: string): number {
  const index = (marks[name] ?? []).findIndex((t) => norm(t) === norm(text));
  if (index < 0) throw new Error(`no ${name} range “${text}” among ${JSON.stringify(marks[name])}`);
  return index;
}

/** Clicks the mark and waits for the card to show. */
async function openCardOn(tab: Tab, name: string, text: string, marks: MarkTexts): Promise<string> {
  await tab.clickHighlight(name, rangeIndex(marks, name, text));
  const card = await pollUntil(() => tab.readCard(), { message: `no card after clicking “${text}”` });
  return card.text;
}

/** Waits until the figure memory's figure count stops changing, and returns it. */
async function settledStoreCount(browser: BrowserSession, atLeast = 1, timeoutMs = 20_000): Promise<number> {
  let last = -1;
  return pollUntil(
    async () => {
      const answer = await browser.evaluateInExtension(askStoreUsage);
      const figures = answer?.usage?.figures ?? -1;
      const stable = figures === last && figures >= atLeast;
      last = figures;
      return stable ? { figures } : null;
    },
    { timeoutMs, intervalMs: 400, message: `the figure memory never settled at ${atLeast} or more figures` },
  ).then((v) => v.figures);
}

/** Logs a measurement (numbers go to the report and the bench, never into an assertion). */
function logMeasure(browser: BrowserSession, what: string, value: unknown): void {
  console.log(`[hardening ${browser.name}] ${what}: ${JSON.stringify(value)}`);
}

describe.each(BROWSERS)('$name: hostile pages', (launcher) => {
  const ctx = useBrowser(launcher);

  it('shows markup and script in article text as inert characters in the card and the popup; nothing runs', async () => {
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(page('markup-as-text.html')));
    const marks = await waitForMarks(tab);

    const cardText = await openCardOn(tab, 'caveat-unverified', 'could not be independently verified', marks);
    // The sentence's markup is shown character for character...
    expect(cardText).toContain('<img src=x onerror="window.__caveatPwned=1">');
    const look = await inCardRoot(ctx.browser, tab, cardLook);
    // ...and none of it became an element inside the card.
    expect(look?.injected).toBe(0);
    await tab.press('Escape');

    const hedge = await openCardOn(tab, 'caveat-hedge', 'allegedly', marks);
    expect(hedge).toContain('</style><script>window.__caveatPwned=2</script>');
    expect((await inCardRoot(ctx.browser, tab, cardLook))?.injected).toBe(0);
    await tab.press('Escape');

    const popup = await openPopup(ctx.browser, tab.tabId);
    const popupView = await popup.evaluate(() => ({
      text: document.body.innerText,
      injected: document.querySelectorAll('main img, main script, main svg, main iframe').length,
      pwned: (window as unknown as { __caveatPwned?: number }).__caveatPwned ?? 0,
    }));
    expect(popupView.text).toContain('window.__caveatPwned');
    expect(popupView.injected).toBe(0);
    expect(popupView.pwned).toBe(0);

    // The page's own flag: set only if one of the payloads ever ran in the page.
    expect(await tab.evaluate(() => (window as unknown as { __caveatPwned: number }).__caveatPwned)).toBe(0);
  });

  it('does not flag cue phrases in attributes, hidden elements, templates or noscript', async () => {
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(page('markup-as-text.html')));
    const marks = await waitForMarks(tab);
    // Visible cues are marked (so the page is scanned at all)...
    expect(isMarked(marks['caveat-omission'] ?? [], 'declined to comment')).toBe(true);
    // ...and no range of any caveat highlight starts or ends inside hidden text.
    const hiddenHits = await tab.evaluate(() => {
      const hits: string[] = [];
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('caveat-')) return;
        for (const range of highlight as unknown as Iterable<AbstractRange>) {
          for (const node of [range.startContainer, range.endContainer]) {
            const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
            const hidden = element?.closest('[data-hidden-cue], template, noscript');
            if (hidden) hits.push(`${name} in ${hidden.getAttribute('data-hidden-cue') ?? hidden.tagName}: ${String((range as Range).toString?.())}`);
          }
        }
      });
      return hits;
    });
    expect(hiddenHits).toEqual([]);
    // Cue words that only appear hidden are not marked anywhere.
    const all = Object.values(marks).flat().map(norm);
    for (const hiddenOnly of ['purportedly', 'supposedly', 'critics say', 'unconfirmed reports', 'reportedly']) {
      expect(all, `“${hiddenOnly}” appears only in hidden text or attributes`).not.toContain(hiddenOnly);
    }
  });

  it('gives a page that trapped the DOM before the content script ran nothing: no shadow root, listeners, highlights or card text', async () => {
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(page('markup-as-text.html')));
    const marks = await waitForMarks(tab);
    const pageTextBefore = await tab.evaluate(() => document.documentElement.textContent ?? '');
    const cardText = await openCardOn(tab, 'caveat-unverified', 'could not be independently verified', marks);
    // Lines the card shows that the page itself never contained (the card's own words).
    const ownLines = cardText.split('\n').map(norm).filter((line) => line.length > 3 && !norm(pageTextBefore).includes(line));
    expect(ownLines.length).toBeGreaterThan(0);

    const seen = await tab.evaluate(() => {
      const traps = (window as unknown as { __traps: { shadowRoots: unknown[]; listeners: [string, string][]; highlightSets: string[]; highlightAdds: number; cardAttributes: number; htmlAppends: number } }).__traps;
      const host = document.querySelector('[data-caveat-card]') as HTMLElement | null;
      return {
        hostFound: host !== null,
        shadowRoot: host ? host.shadowRoot !== null : null,
        hostText: host ? `${host.textContent}|${host.innerText}|${host.innerHTML}` : '',
        pageText: document.documentElement.textContent ?? '',
        capturedRoots: traps.shadowRoots.length,
        capturedListeners: traps.listeners.filter(([type]) => ['keydown', 'pointerdown', 'click', 'message'].includes(type)),
        highlightSets: traps.highlightSets,
        highlightAdds: traps.highlightAdds,
        cardAttributes: traps.cardAttributes,
        htmlAppends: traps.htmlAppends,
      };
    });
    expect(seen.hostFound).toBe(true); // the host box is in the page, as designed...
    expect(seen.shadowRoot).toBe(false); // ...but its root is closed,
    expect(seen.hostText).toBe('||'); // it has no light-DOM content,
    for (const line of ownLines) expect(seen.pageText).not.toContain(line); // and no card text leaks.
    // None of the page's overridden primitives was ever called by the content script.
    expect(seen.capturedRoots).toBe(0);
    expect(seen.capturedListeners).toEqual([]);
    expect(seen.highlightSets).toEqual([]);
    expect(seen.highlightAdds).toBe(0);
    expect(seen.cardAttributes).toBe(0);
    expect(seen.htmlAppends).toBe(0);
  });

  it('keeps the card’s look and visibility under page CSS that unsets and hides everything', async () => {
    const plain = await ctx.browser.openTab(ctx.server.pageUrl(page('markup-as-text.html')));
    await openCardOn(plain, 'caveat-unverified', 'could not be independently verified', await waitForMarks(plain));
    const plainLook = await inCardRoot(ctx.browser, plain, cardLook);
    await plain.close();

    const tab = await ctx.browser.openTab(ctx.server.pageUrl(page('restyle.html')));
    const marks = await waitForMarks(tab);
    await openCardOn(tab, 'caveat-unverified', 'could not be independently verified', marks);
    const card = await tab.readCard();
    expect(card?.rect.width).toBeGreaterThan(100);
    expect(card?.rect.height).toBeGreaterThan(40);
    const look = await inCardRoot(ctx.browser, tab, cardLook);
    expect(look?.box).not.toBeNull();
    expect(look?.box?.color).not.toBe('rgb(255, 0, 0)');
    // The same card, pixel box and colours, as on a page with no hostile CSS.
    expect(look?.box).toEqual(plainLook?.box);
    await tab.screenshot('hostile-restyle-card');
  });

  it('ignores spoofed messages and postMessage from the page: no store write, no badge change', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(page('markup-as-text.html')));
    await waitForMarks(tab);
    const figures = await settledStoreCount(ctx.browser);
    const badge = await ctx.browser.badgeText(tab.tabId);
    expect(badge).not.toBe('');
    const marksBefore = await tab.evaluate(countMarks);

    const attempts = await tab.evaluate((extensionId: string) => {
      const fakeReport = {
        source: 'https://evil.example/', title: 'spoof', isArticle: true, publishedAt: null, siteName: null, reason: null,
        flags: [], conflicts: [],
        figures: Array.from({ length: 50 }, (_, i) => ({ id: `f${i}`, start: 0, end: 1, text: `${i} spoofed`, what: 'spoof|', unit: '', low: i, high: i, attributedTo: null, sentence: 'spoof' })),
      };
      const messages = [
        { type: 'caveat/record-figures', report: fakeReport, text: 'spoof' },
        { type: 'caveat/store-clear' },
        { type: 'caveat/store-import', json: '{}' },
        { type: 'caveat/page-state', state: { status: 'article', url: location.href, report: { ...fakeReport, flags: [] } } },
        { type: 'caveat/reveal', id: 'x' },
      ];
      const results: string[] = [];
      for (const message of messages) {
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent(message.type, { detail: message }));
        const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome?.runtime;
        try {
          if (typeof runtime?.sendMessage !== 'function') results.push('no runtime.sendMessage');
          else {
            runtime.sendMessage(extensionId, message);
            results.push('sent');
          }
        } catch (error) {
          results.push(`threw: ${String(error).slice(0, 80)}`);
        }
      }
      return results;
    }, ctx.browser.extensionId);
    logMeasure(ctx.browser, 'page runtime.sendMessage attempts', attempts);

    // Give any (wrongly) accepted message time to land, then look.
    await new Promise((done) => setTimeout(done, 1500).unref());
    expect((await ctx.browser.evaluateInExtension(askStoreUsage))?.usage?.figures).toBe(figures);
    expect(await ctx.browser.badgeText(tab.tabId)).toBe(badge);
    expect(await tab.evaluate(countMarks)).toBe(marksBefore);
    const exported = await ctx.browser.evaluateInExtension(askStoreExport);
    expect(exported?.json ?? '').not.toContain('spoof');
  });

  it('finds cues broken up by zero-width, soft-hyphen and bidi characters', async () => {
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(page('invisible-chars.html')));
    await waitForMarks(tab);
    const found = await tab.evaluate(() => {
      const strip = (s: string) => s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
      const marked: string[] = [];
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('caveat-') || name === 'caveat-focus') return;
        for (const range of highlight as unknown as Iterable<AbstractRange>) marked.push(strip((range as Range).toString()));
      });
      return [...document.querySelectorAll('p[data-cue]')].map((p) => {
        const cue = p.getAttribute('data-cue') ?? '';
        return { cue, marked: marked.some((m) => m === cue || m.includes(cue)) };
      });
    });
    const missed = found.filter((f) => !f.marked).map((f) => f.cue);
    expect(missed).toEqual([]);
  });

  it('keeps figures about "__proto__" and "constructor" as plain data', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(page('proto-keys.html')));
    const marks = await waitForMarks(tab);
    expect(isMarked(marks['caveat-hedge'] ?? [], 'allegedly')).toBe(true);
    const stored = await settledStoreCount(ctx.browser);
    expect(stored).toBeGreaterThanOrEqual(2);
    const exported = await ctx.browser.evaluateInExtension(askStoreExport);
    const json = exported?.json ?? '';
    expect(json).toContain('__proto__');
    expect(json).toContain('constructor');
    // The page's own objects are untouched, and the background still answers normally.
    expect(await tab.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    const again = await ctx.browser.openTab(ctx.server.pageUrl(page('proto-keys.html')));
    await waitForMarks(again);
    expect(await settledStoreCount(ctx.browser)).toBe(stored); // a re-read replaces, never duplicates
  });

  it('stays sane with same-origin and cross-origin article iframes: one UI, in the top page only', async () => {
    const crossOrigin = ctx.server.origin.replace('127.0.0.1', 'localhost');
    const tab = await ctx.browser.openTab(`${ctx.server.pageUrl(page('frames.html'))}?cross=${encodeURIComponent(crossOrigin)}`);
    const marks = await waitForMarks(tab);
    // The top article is marked; the framed articles' words are not marked in the top page.
    expect(isMarked(marks['caveat-hedge'] ?? [], 'reportedly')).toBe(true);
    expect(Object.values(marks).flat().map(norm)).not.toContain('declined to comment');
    const frames = await tab.evaluate(() => {
      const same = (document.getElementById('same') as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null;
      let sameHighlights = -1;
      let sameCards = -1;
      try {
        sameHighlights = same ? same.CSS.highlights.size : -1;
        sameCards = same ? same.document.querySelectorAll('[data-caveat-card]').length : -1;
      } catch {
        /* left at -1 */
      }
      return { sameHighlights, sameCards, topCards: document.querySelectorAll('[data-caveat-card]').length, frames: window.frames.length };
    });
    expect(frames.frames).toBe(2);
    logMeasure(ctx.browser, 'iframes: highlights and cards in the same-origin frame', frames);
    // Whether or not the content script runs in frames, the top page never gets a second UI.
    expect(frames.topCards).toBeLessThanOrEqual(1);
    expect(frames.sameCards).toBeLessThanOrEqual(1);
    await tab.clickHighlight('caveat-hedge', rangeIndex(marks, 'caveat-hedge', 'reportedly'));
    await pollUntil(() => tab.readCard(), { message: 'no card in the top page' });
    expect(await tab.evaluate(() => document.querySelectorAll('[data-caveat-card]').length)).toBe(1);
    // The badge counts the top article's flags only, as the engine finds them in the top document.
    const expected = await expectedScan({ page: page('frames.html') }, await tab.url());
    expect(await ctx.browser.badgeText(tab.tabId)).toBe(String(expected.flags.length));
  });
});
