// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ContextCard } from '../../src/extension/content/card';
import { cardModel } from '../../src/extension/shared/views';
import { figure, flag, kept, report } from './report-fixture';

function anchorIn(doc: Document): Range {
  doc.body.innerHTML = '<p>Officials allegedly said so.</p>';
  const range = doc.createRange();
  range.selectNodeContents(doc.querySelector('p')!);
  return range;
}

beforeAll(() => {
  // jsdom does no layout: give ranges a box so the card can place itself.
  Range.prototype.getBoundingClientRect ??= () => ({ left: 10, top: 10, right: 60, bottom: 30, width: 50, height: 20, x: 10, y: 10, toJSON: () => ({}) }) as DOMRect;
});

describe('context card', () => {
  it('lives in a closed shadow root on a marked host under <html>, out of reach of page scripts', () => {
    const card = new ContextCard(document);
    const model = cardModel(report({ flags: [flag({ id: 'f1', kind: 'hedge', cue: 'allegedly', start: 10 })] }), 'f1')!;
    card.open(model, anchorIn(document), false);
    const host = document.querySelector('[data-caveat-card]') as HTMLElement;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull(); // closed: the page gets nothing
    expect(host.textContent).toBe(''); // nothing in the light DOM either
    expect(card.openId).toBe('f1');
    card.close();
    expect(document.querySelector('[data-caveat-card]')).toBeNull();
    expect(card.openId).toBeNull();
  });

  it('shows hostile page text as text, never as markup, and links only to web pages', async () => {
    // To look inside the closed root, spy on attachShadow BEFORE the card module captures it.
    vi.resetModules();
    const original = Element.prototype.attachShadow;
    let root: ShadowRoot | null = null;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      root = original.call(this, init);
      return root;
    };
    const { ContextCard: FreshCard } = await import('../../src/extension/content/card');
    Element.prototype.attachShadow = original;

    const attack = '<img src=x onerror="window.pwned=1">';
    const r = report({
      figures: [figure({ id: 'g1', text: `23 ${attack}`, start: 0, attributedTo: attack })],
      conflicts: [{ figures: ['g1', 'k1'], reason: 'x' }],
      keptFigures: [kept({ id: 'k1', text: '20 killed', title: `Title ${attack}`, source: 'javascript:alert(1)' })],
    });
    const card = new FreshCard(document);
    card.open(cardModel(r, 'g1')!, anchorIn(document), false);
    const shadow = root as ShadowRoot | null;
    expect(shadow?.mode).toBe('closed');
    expect(shadow?.querySelector('img')).toBeNull();
    expect(shadow?.querySelector('a')).toBeNull(); // no link to a javascript: address
    expect(shadow?.textContent).toContain(attack);
    expect(shadow?.textContent).toContain('20 killed');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    card.close();
  });

  it('the attachShadow it uses was captured at start: a later patch never sees the root', () => {
    const original = Element.prototype.attachShadow;
    let seen = false;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      seen = true;
      return original.call(this, init);
    };
    try {
      const card = new ContextCard(document);
      card.open(cardModel(report({ flags: [flag({ id: 'f1', kind: 'omission', cue: 'declined to comment', start: 0 })] }), 'f1')!, anchorIn(document), false);
      card.close();
    } finally {
      Element.prototype.attachShadow = original;
    }
    expect(seen).toBe(false);
  });
});
