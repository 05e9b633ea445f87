// Zero network, in Chromium and Firefox ESR: while pages are scanned (our hostile pages, the
// seed article, and the largest fixture, whose own markup asks for dozens of outside URLs),
// cards are opened, and the popup and the options page are used (settings changed, figures
// exported and imported), the extension itself makes no request at all. Two witnesses: the
// browser's privileged network view (network-recorder.ts) and the fixture server, which is the
// browser's proxy, so any attempt to reach another host is recorded there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, type Tab } from '../harness/index';
import { waitForMarks } from '../harness/caveat-page';
import { clickElement, openPopup, useBrowser } from '../harness/suite';
import { recordNetwork, type NetworkRecorder } from './network-recorder';
import { askStoreExport } from './page-probes';

const RECORDER_CHECK = 'recorder-check';

describe.each(BROWSERS)('$name: zero network', (launcher) => {
  const ctx = useBrowser(launcher);
  let recorder: NetworkRecorder | null = null;

  beforeEach(async () => {
    recorder = await recordNetwork(ctx.browser);
  });
  afterEach(async () => {
    await recorder?.stop();
  });

  it('makes no request of its own while scanning pages and using the card, popup and options', async () => {
    const rec = recorder!;
    // The recorder sees a request the extension does make (here, from its own page): without
    // this, "no requests seen" could mean a blind recorder.
    // The request is made again on every poll: the recorder attaches to the extension's pages
    // asynchronously, and on a loaded machine the first request can come before it listens.
    let attempt = 0;
    await pollUntil(
      async () => {
        const checkUrl = `${ctx.server.origin}/pages/hostile/heartbeat.js?${RECORDER_CHECK}-${++attempt}`;
        await ctx.browser.evaluateInExtension((url: string) => fetch(url, { cache: 'no-store' }).then((r) => r.status), checkUrl);
        return (await rec.seen()).some((r) => r.url.includes(RECORDER_CHECK) && r.fromExtension);
      },
      { timeoutMs: 30_000, intervalMs: 500, message: 'the network recorder did not see the extension’s own test requests' },
    );
    ctx.server.clearRequests();

    const localPages = [
      ctx.server.pageUrl('hostile/markup-as-text.html'),
      ctx.server.pageUrl('hostile/proto-keys.html'),
      ctx.server.pageUrl('hostile/invisible-chars.html'),
      ctx.server.fixtureUrl('seed-article.html'),
    ];
    const tabs: Tab[] = [];
    for (const url of localPages) {
      const tab = await ctx.browser.openTab('about:blank');
      await rec.watchTab(tab);
      await tab.goto(url);
      await waitForMarks(tab);
      tabs.push(tab);
    }
    const first = tabs[0]!;
    await first.bringToFront();
    await first.clickHighlight('caveat-hedge');
    await pollUntil(() => first.readCard(), { message: 'no card' });

    // Pages without outside resources: nothing at all may have gone through the proxy.
    const proxiedSoFar = ctx.server.requests.filter((r) => r.proxied).map((r) => `${r.method} ${r.url}`);
    expect(proxiedSoFar).toEqual([]);

    // The largest fixture asks for many outside URLs itself; only the extension's would count.
    const big = await ctx.browser.openTab('about:blank');
    await rec.watchTab(big);
    await big.goto(ctx.server.fixtureUrl('gizmodo-feather-duvet-lung.html'));
    await waitForMarks(big, 60_000);

    const popup = await openPopup(ctx.browser, first.tabId);
    await popup.evaluate(() => document.body.innerText.length);

    const options = await ctx.browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('[data-testid="usage"]')?.textContent?.includes('Counting') === false, {
      message: 'the options page never showed its usage',
    });
    await clickElement(options, 'input[type="checkbox"]');
    await clickElement(options, '[data-testid="export"]');
    await options.waitFor(() => /Exported/.test(document.querySelector('[role="status"]')?.textContent ?? ''), { message: 'no export' });
    const exported = (await ctx.browser.evaluateInExtension(askStoreExport))?.json ?? '';
    expect(exported.length).toBeGreaterThan(10);
    await options.evaluate((json: string) => {
      const input = document.querySelector('[data-testid="import"]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], 'figures.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, exported);
    await options.waitFor(() => /Imported/.test(document.querySelector('[role="status"]')?.textContent ?? ''), { message: 'no import' });

    // Let anything late (an idle-time request, a retry) happen before looking.
    await new Promise((done) => setTimeout(done, 1500).unref());
    const fromExtension = (await rec.seen()).filter((r) => r.fromExtension && !r.url.includes(RECORDER_CHECK));
    expect(fromExtension).toEqual([]);
    // The server saw the pages and their own files, nothing asked for from an extension origin.
    const local = ctx.server.requests.filter((r) => !r.proxied);
    const byExtension = local.filter((r) => /^(chrome|moz)-extension:/.test(`${r.headers.origin ?? ''}${r.headers.referer ?? ''}`));
    expect(byExtension.map((r) => r.url)).toEqual([]);
  }, 180_000);
});
