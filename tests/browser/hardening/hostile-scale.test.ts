// Hostile pages by size, in Chromium and Firefox ESR: 10,000 cues and 10,000 figures on one
// page, a 5 MB article, and an article nested 5,000 elements deep (built in the page by
// tests/browser/pages/hostile/generated.js). Expected: the page keeps responding (its own
// 10 ms heartbeat keeps ticking and it answers scripts while Caveat works), the marks arrive,
// the toolbar still counts the flags, and the figure memory keeps at most its caps. The
// longest heartbeat gap is printed for the report (never asserted: speed is `npm run bench`).
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, type BrowserSession, type Tab } from '../harness/index';
import { isMarked, waitForMarks } from '../harness/caveat-page';
import { useBrowser } from '../harness/suite';
import { DEFAULT_LIMITS } from '../../../src/engine/store/limits';
import { askStoreUsage, clearStore, countMarks, readHeartbeat } from './page-probes';

/** How long a scan may take here before the test calls it stuck (not a speed budget). */
const SCAN_TIMEOUT_MS = 60_000;

const generated = (query: string) => `hostile/generated.html?${query}`;

function logMeasure(browser: BrowserSession, what: string, value: unknown): void {
  console.log(`[hardening ${browser.name}] ${what}: ${JSON.stringify(value)}`);
}

/** The page answers a script while Caveat scans: polled a few times during the first seconds. */
async function answersWhileScanning(tab: Tab): Promise<number> {
  let answered = 0;
  for (let i = 0; i < 5; i++) {
    const beat = await tab.evaluate(readHeartbeat);
    if (beat.ticks > 0) answered++;
    await new Promise((done) => setTimeout(done, 300).unref());
  }
  return answered;
}

describe.each(BROWSERS)('$name: hostile pages by size', (launcher) => {
  const ctx = useBrowser(launcher);

  it('keeps the page responsive with 10,000 cues and 10,000 figures, still counts them, and keeps at most the caps', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(generated('cues=10000&figures=10000')));
    const before = await tab.evaluate(readHeartbeat);
    expect(await answersWhileScanning(tab)).toBe(5);
    await waitForMarks(tab, SCAN_TIMEOUT_MS);
    const after = await tab.evaluate(readHeartbeat);
    const marks = await tab.evaluate(countMarks);
    logMeasure(ctx.browser, '10k cues + 10k figures: marks, longest heartbeat gap ms', { marks, maxGap: Math.round(after.maxGap), longGaps: after.longGaps });
    expect(after.ticks).toBeGreaterThan(before.ticks); // the page's timer kept running
    expect(marks).toBeGreaterThan(5000);
    // The toolbar counts the flags of a page this big too (capped display, e.g. "999+").
    const badge = await pollUntil(async () => (await ctx.browser.badgeText(tab.tabId)) || null, {
      timeoutMs: 20_000,
      message: 'the badge stayed empty on a page with 10,000 flags',
    }).catch((error: Error) => error.message);
    expect(badge).toMatch(/^\d+\+?$/);
    // The figure memory keeps at most one page's cap of figures (and never more than a site's).
    await new Promise((done) => setTimeout(done, 2000).unref());
    const kept = (await ctx.browser.evaluateInExtension(askStoreUsage))?.usage?.figures ?? -1;
    logMeasure(ctx.browser, '10k figures page: figures kept', kept);
    expect(kept).toBeGreaterThanOrEqual(0);
    expect(kept).toBeLessThanOrEqual(Math.min(DEFAULT_LIMITS.perPage, DEFAULT_LIMITS.perSite));
  }, 100_000);

  it('scans a 5 MB article while the page keeps responding', async () => {
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(generated('kb=5000')));
    expect(await tab.evaluate(() => (document.body.textContent ?? '').length)).toBeGreaterThan(5_000_000);
    const before = await tab.evaluate(readHeartbeat);
    expect(await answersWhileScanning(tab)).toBe(5);
    const marks = await waitForMarks(tab, SCAN_TIMEOUT_MS);
    const after = await tab.evaluate(readHeartbeat);
    logMeasure(ctx.browser, '5 MB article: marks, longest heartbeat gap ms', { marks: Object.values(marks).flat().length, maxGap: Math.round(after.maxGap), longGaps: after.longGaps });
    expect(after.ticks).toBeGreaterThan(before.ticks);
    expect(isMarked(marks['caveat-hedge'] ?? [], 'allegedly')).toBe(true);
  }, 75_000);

  // Chromium 156's own renderer stops answering scripts when 5,000 nested <div>s are laid out,
  // with no Caveat at all (measured with only an empty extension installed: `evaluate(() => 1)`
  // got no answer within 30 s at depth 5,000, and answered in 18 ms at depth 500): there the
  // 5,000 levels are <span>s, a DOM just as deep (every level an element Caveat walks) that
  // Chromium itself lays out in about a second. Firefox gets the <div>s.
  it('scans an article nested 5,000 elements deep while the page keeps responding', async () => {
    const wrap = launcher.name === 'chromium' ? '&wrap=span' : '';
    const tab = await ctx.browser.openTab(ctx.server.pageUrl(generated(`depth=5000&cues=30&figures=10${wrap}`)));
    const depth = await tab.evaluate(() => {
      const wrapperIn = (el: Element) => el.querySelector(':scope > div, :scope > span');
      let levels = 0;
      for (let el = wrapperIn(document.querySelector('article')!); el; el = wrapperIn(el)) levels++;
      return levels;
    });
    expect(depth).toBeGreaterThanOrEqual(5000);
    expect(await answersWhileScanning(tab)).toBe(5);
    const marks = await waitForMarks(tab, SCAN_TIMEOUT_MS);
    expect(isMarked(marks['caveat-unverified'] ?? [], 'could not be independently verified')).toBe(true);
    const after = await tab.evaluate(readHeartbeat);
    logMeasure(ctx.browser, 'DOM 5,000 deep: longest heartbeat gap ms', Math.round(after.maxGap));
    expect(after.ticks).toBeGreaterThan(0);
  }, 75_000);
});
