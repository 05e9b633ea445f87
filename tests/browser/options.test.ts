// The options page, in Chromium and Firefox ESR: each setting, changed the way a user changes
// it, takes effect on pages already open and on pages opened after.
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil } from './harness/index';
import { readMarkTexts, visibleMarks, waitForMarks } from './harness/caveat-page';
import { clickElement, openPopup, useBrowser } from './harness/suite';
import type { Tab } from './harness/index';
import { askStoreUsage, clearStore } from './hardening/page-probes';

const SEED = 'seed-article.html';
const LATIMES = 'latimes-gannett-merger.html';

async function marksNow(tab: Tab) {
  return visibleMarks(await tab.evaluate(readMarkTexts));
}

describe.each(BROWSERS)('$name: the options page', (launcher) => {
  const ctx = useBrowser(launcher);

  it('turning a kind off removes its marks and keeps the others', async () => {
    const article = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    const before = await waitForMarks(article);
    expect(before['caveat-omission']?.length).toBeGreaterThan(0);

    const options = await ctx.browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('[data-testid="kind-toggle-omission"]') !== null);
    await clickElement(options, '[data-testid="kind-toggle-omission"]');
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="kind-toggle-omission"]')?.checked)).toBe(false);
    await options.screenshot('options');

    const after = await pollUntil(
      async () => {
        const marks = await marksNow(article);
        return marks['caveat-omission'] === undefined && Object.keys(marks).length > 0 ? marks : null;
      },
      { message: 'omission marks stayed after turning omission off' },
    );
    expect(after['caveat-hedge']).toEqual(before['caveat-hedge']);
    expect(after['caveat-unverified']).toEqual(before['caveat-unverified']);

    // A page opened afterwards has no omission marks either.
    const later = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    const laterMarks = await waitForMarks(later);
    expect(laterMarks['caveat-omission']).toBeUndefined();
    expect(laterMarks['caveat-hedge']).toEqual(before['caveat-hedge']);
  });

  it('an extra cue phrase added by the user is marked on the open page', async () => {
    const phrase = 'state news agency';
    const article = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    const before = await waitForMarks(article);
    expect(Object.values(before).flat().some((t) => t.includes(phrase))).toBe(false);

    const options = await ctx.browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('[data-testid="extra-cues"] input[type="text"]') !== null);
    await clickElement(options, '[data-testid="extra-cues"] input[type="text"]');
    await options.type(phrase);
    // The kind chooser starts on Hedge; the phrase is added with that kind.
    await clickElement(options, '[data-testid="extra-cues"] button[type="submit"]');
    await options.waitFor(() => document.querySelectorAll('[data-testid="extra-cue"]').length === 1, {
      message: 'the cue did not appear in the list',
    });

    const hedges = await pollUntil(
      async () => {
        const texts = (await marksNow(article))['caveat-hedge'] ?? [];
        return texts.some((t) => t.toLowerCase() === phrase) ? texts : null;
      },
      { message: `“${phrase}” was never marked` },
    );
    // Caveat's own hedges are still there.
    for (const text of before['caveat-hedge'] ?? []) expect(hedges).toContain(text);
  });

  it('counts the figures of a page read while it is open, without a reload', async () => {
    await ctx.browser.evaluateInExtension(clearStore);
    const options = await ctx.browser.openExtensionPage('options.html');
    await options.waitFor(() => /No figures kept yet/.test(document.querySelector('[data-testid="usage"]')?.textContent ?? ''), {
      message: 'the options page never said no figures were kept',
    });

    await ctx.browser.openTab(ctx.server.fixtureUrl(LATIMES));
    const shown = await options.waitFor(
      () => {
        const text = document.querySelector('[data-testid="usage"]')?.textContent ?? '';
        return /\d+ figures? from 1 page\b/.test(text) ? text : null;
      },
      { timeoutMs: 30_000, message: 'the options page did not count the figures of the page read' },
    );
    const kept = (await ctx.browser.evaluateInExtension(askStoreUsage))?.usage?.figures;
    expect(kept, 'the figure memory kept the page’s figures').toBeGreaterThan(0);
    expect(shown).toContain(`${kept} figure`);
  });

  it('skipping the site leaves its pages unmarked, open ones included', async () => {
    const open = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    await waitForMarks(open);

    const options = await ctx.browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('[data-testid="skip-sites"]') !== null);
    await clickElement(options, '[data-testid="skip-sites"]');
    await options.type('127.0.0.1');
    await options.press('Tab'); // leaving the box saves at once
    await options.screenshot('options-skip');

    await pollUntil(async () => Object.keys(await marksNow(open)).length === 0, {
      message: 'the open page kept its marks after its site was skipped',
    });

    const later = await ctx.browser.openTab(ctx.server.fixtureUrl(SEED));
    const popup = await openPopup(ctx.browser, later.tabId);
    const empty = await popup.evaluate(() => document.querySelector('[data-testid="empty-state"]')?.textContent ?? '');
    expect(empty).toMatch(/skip/i);
    expect(await marksNow(later)).toEqual({});
    expect(await ctx.browser.badgeText(later.tabId)).toBe('');
  });
});
