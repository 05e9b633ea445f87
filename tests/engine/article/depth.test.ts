import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/html';
import { extractArticle } from '../../../src/engine/article/extract';
import { DEPTH_WALK_MAX_ELEMENTS, MAX_DOM_DEPTH, TOO_DEEP_REASON, nestingDepth, precheck } from '../../../src/engine/article/precheck';

// The depth guard: a DOM nested thousands deep must neither hang extraction (Readability's
// cost grows with depth × elements) nor overflow a stack. Pages generated here, our own text.

const URL = 'https://news.example/2024/03/05/deep-page';
/** Deep enough to be far past the limit; jsdom itself recurses when it attaches much deeper trees. */
const DEEP = 2000;

const SENTENCES = Array.from(
  { length: 30 },
  (_, i) => `The damage in district ${i + 1} could not be independently verified, the regional council said on Tuesday after a long meeting.`,
);

/** An article whose paragraphs sit inside `depth` nested elements made by `level`. */
function deepPage(depth: number, level: (doc: Document, index: number) => Element): Document {
  const doc = parseHtml('<!doctype html><html><head><title>Deep page</title><meta property="og:type" content="article"></head><body></body></html>', URL);
  const article = doc.createElement('article');
  const h1 = doc.createElement('h1');
  h1.textContent = 'Deep page';
  article.appendChild(h1);
  let container: Element = article;
  for (let d = 0; d < depth; d++) {
    const next = level(doc, d);
    container.appendChild(next);
    container = next;
  }
  for (const sentence of SENTENCES) {
    const p = doc.createElement('p');
    p.textContent = sentence;
    container.appendChild(p);
  }
  doc.body.appendChild(article);
  return doc;
}

const emptyDiv = (doc: Document) => doc.createElement('div');
/** Each level holds text of its own and a quote: real nesting, not a wrapper chain. */
function quoteWithText(doc: Document, index: number): Element {
  const quote = doc.createElement('blockquote');
  quote.appendChild(doc.createTextNode(`Level ${index} `));
  return quote;
}

describe('depth guard', () => {
  it('measures depth by a walk that stops early', () => {
    const doc = deepPage(DEEP, quoteWithText);
    expect(nestingDepth(doc.body, 50)).toBe(51);
    expect(nestingDepth(doc.body, 10_000)).toBe(DEEP + 2); // article, the quotes, the paragraphs
    expect(DEPTH_WALK_MAX_ELEMENTS).toBeGreaterThan(10_000);
  });

  it('reads an ordinary page without collapsing anything', () => {
    const doc = deepPage(40, emptyDiv);
    const check = precheck(doc);
    expect(check).toMatchObject({ candidate: true, collapseWrappers: false });
    const article = extractArticle(doc, { url: URL });
    expect(article.isArticle).toBe(true);
    expect(article.text).toContain('could not be independently verified');
  });

  it(`refuses a page nested deeper than ${MAX_DOM_DEPTH} levels, quickly and with a clear reason`, () => {
    const doc = deepPage(DEEP, quoteWithText);
    const started = performance.now();
    const check = precheck(doc);
    expect(check.candidate).toBe(false);
    expect(check.reason).toBe(TOO_DEEP_REASON);
    expect(check.reason).toMatch(/page too deeply nested/);
    const article = extractArticle(doc, { url: URL });
    expect(article.isArticle).toBe(false);
    expect(article.reason).toMatch(/page too deeply nested/);
    expect(article.segments).toEqual([]);
    // Generous: the guard itself is a few milliseconds; reading this page took minutes.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('is just past the limit refused, just under it read', () => {
    expect(precheck(deepPage(MAX_DOM_DEPTH - 5, quoteWithText)).candidate).toBe(true);
    expect(precheck(deepPage(MAX_DOM_DEPTH + 5, quoteWithText)).reason).toBe(TOO_DEEP_REASON);
  });

  it('reads an article inside a chain of 2,000 empty wrappers, mapping its text to the live page', () => {
    const doc = deepPage(DEEP, emptyDiv);
    const before = doc.body.innerHTML.length;
    const check = precheck(doc);
    expect(check).toMatchObject({ candidate: true, collapseWrappers: true });
    const started = performance.now();
    const article = extractArticle(doc, { url: URL });
    const took = performance.now() - started;
    expect(article.isArticle).toBe(true);
    for (const sentence of SENTENCES) expect(article.text).toContain(sentence);
    for (const seg of article.segments) expect(doc.contains(seg.node)).toBe(true);
    expect(doc.body.innerHTML.length).toBe(before); // the live page is never touched
    expect(took).toBeLessThan(10_000);
  });
});
