// Reads inside the card's CLOSED shadow root through each browser's privileged path (CDP in
// Chromium, a system-principal sandbox in Firefox): what a user sees, which page scripts must
// not be able to reach. The function is sent as source text and gets the shadow root.
import type { CDPSession, Page } from 'puppeteer-core';
import type { BrowserSession, Tab } from '../harness/index';

interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function cardHosts(node: CdpNode, found: CdpNode[] = []): CdpNode[] {
  if (node.attributes?.some((value, i) => i % 2 === 0 && value === 'data-caveat-card')) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) cardHosts(child, found);
  return found;
}

/** Runs `fn(shadowRoot)` on the last card host's shadow root; null when there is no card. */
export async function inCardRoot<R>(session: BrowserSession, tab: Tab, fn: (root: ShadowRoot) => R): Promise<R | null> {
  if (session.name === 'chromium') {
    const page = (tab as unknown as { page: Page }).page;
    const cdp: CDPSession = await page.createCDPSession();
    try {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      const shadow = cardHosts(root).reverse().find((host) => host.shadowRoots?.[0])?.shadowRoots?.[0];
      if (!shadow) return null;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      if (!object.objectId) return null;
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () { return (${fn.toString()})(this); }`,
        returnByValue: true,
      });
      return result.value as R;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }
  const firefox = session as unknown as {
    inTab<T>(handle: string, work: (m: { value<V>(name: string, params: object): Promise<V> }) => Promise<T>): Promise<T>;
  };
  const handle = (tab as unknown as { handle: string }).handle;
  const script = `
    const hosts = [...document.querySelectorAll('[data-caveat-card]')].reverse();
    for (const host of hosts) {
      const root = host.openOrClosedShadowRoot;
      if (root) return (${fn.toString()})(root);
    }
    return null;`;
  return firefox.inTab(handle, (m) => m.value<R | null>('WebDriver:ExecuteScript', { script, args: [], sandbox: 'system' }));
}

/** What the card looks like, for comparing one page's card with another's. Runs in the shadow root. */
export function cardLook(root: ShadowRoot): {
  elements: number;
  injected: number;
  box: { display: string; color: string; background: string; font: string; width: number; height: number } | null;
} {
  const card = root.querySelector('.card') ?? root.querySelector('[role="dialog"]');
  const injected = root.querySelectorAll('img, script, svg, iframe, object, embed').length;
  if (!card) return { elements: root.querySelectorAll('*').length, injected, box: null };
  const style = getComputedStyle(card);
  const rect = card.getBoundingClientRect();
  return {
    elements: root.querySelectorAll('*').length,
    injected,
    box: {
      display: style.display,
      color: style.color,
      background: style.backgroundColor,
      font: `${style.fontFamily} ${style.fontSize}`,
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    },
  };
}
