import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/html';
import { extractArticle, type ExtractedArticle } from '../../../src/engine/article/extract';
import { rangesFor } from '../../../src/engine/article/textmap';
import { APP_SHELL, ARTICLE_WITH_HOVER_CARD, ARTICLE_WITH_TWEET, FLOOD_ARTICLE, FRONT_PAGE, SHORT_BRIEF } from './pages';

const URL = 'https://news.example/2024/03/05/flood-waters-rise';

function blockTexts(article: ExtractedArticle): string[] {
  return article.blocks.map((b) => article.text.slice(b.start, b.end));
}

/** Every segment maps its slice of the text to exactly the same characters of a live node. */
function expectExactSegments(article: ExtractedArticle, doc: Document): void {
  let previousEnd = 0;
  for (const seg of article.segments) {
    expect(seg.start).toBeGreaterThanOrEqual(previousEnd);
    expect(article.text.slice(seg.start, seg.end)).toBe(seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + (seg.end - seg.start)));
    expect(seg.node.ownerDocument).toBe(doc);
    expect(doc.contains(seg.node)).toBe(true);
    previousEnd = seg.end;
  }
}

/** Share of the non-space characters of the text that some segment maps to the page. */
function mappedShare(article: ExtractedArticle): number {
  const mapped = article.segments.reduce((n, s) => n + article.text.slice(s.start, s.end).replace(/\s/g, '').length, 0);
  return mapped / article.text.replace(/\s/g, '').length;
}

describe('extractArticle on a news page', () => {
  const doc = parseHtml(FLOOD_ARTICLE, URL);
  const before = doc.documentElement.outerHTML;
  const article = extractArticle(doc, { url: URL });

  it('takes the page as an article with its headline first', () => {
    expect(article.isArticle).toBe(true);
    expect(article.reason).toBeNull();
    expect(article.title).toBe('Flood waters rise in Riverton');
    expect(blockTexts(article)[0]).toBe('Flood waters rise in Riverton');
    expect(article.text.startsWith('Flood waters rise in Riverton\n\n')).toBe(true);
  });

  it('keeps body paragraphs, the caption and the quote', () => {
    const blocks = blockTexts(article);
    expect(blocks).toContain('Residents wade through a flooded street in Riverton on Monday.');
    expect(blocks).toContain('“We have never seen the water this high in forty years,” said one resident, who asked not to be named.');
    expect(article.text).toContain('The council said 340 homes had been evacuated. Emergency crews were working through the night to reinforce');
    expect(article.text).toContain('The last comparable flood, in 1998, damaged more than 200 buildings');
  });

  it('drops navigation, share bar, byline, ads, related links, newsletter box, comments and footer', () => {
    for (const furniture of [
      'Skip to main content', 'Home', 'Share', 'Tweet', 'By Jane Example', 'Advertisement', 'Related stories',
      'Storm season', 'flood barrier plan', 'newsletter', 'Great article', 'All rights reserved', 'Privacy policy',
    ]) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it('collapses white space inside a block and separates blocks by one blank line', () => {
    expect(article.text).toContain('forcing hundreds of residents from their homes');
    for (const block of blockTexts(article)) {
      expect(block).toBe(block.trim());
      expect(block).not.toMatch(/\s{2}|\n/);
    }
    expect(article.text).toBe(blockTexts(article).join('\n\n'));
  });

  it('maps every offset it can exactly back to live text nodes', () => {
    expect(article.segments.length).toBeGreaterThan(5);
    expectExactSegments(article, doc);
    expect(mappedShare(article)).toBe(1);
  });

  it('gives DOM ranges on the live page for a span of the article text', () => {
    const phrase = 'Emergency crews were working through the night to reinforce';
    const start = article.text.indexOf(phrase);
    const ranges = rangesFor(article.segments, start, start + phrase.length, doc);
    // The phrase crosses a link: one range per text node, together exactly the phrase.
    expect(ranges.length).toBe(3);
    expect(ranges.map((r) => r.toString()).join('')).toBe(phrase);
    expect(ranges.every((r) => doc.contains(r.startContainer))).toBe(true);
  });

  it('gives one range for a span over a collapsed line break inside one text node', () => {
    const phrase = 'hundreds of residents from their homes';
    const start = article.text.indexOf(phrase);
    const ranges = rangesFor(article.segments, start, start + phrase.length, doc);
    expect(ranges.length).toBe(1);
    expect(ranges[0]!.toString()).toMatch(/^hundreds of residents\n\s+from their homes$/);
  });

  it('leaves the live document exactly as it was', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads the publication date, site name and language the page states', () => {
    expect(article.publishedAt).toBe('2024-03-05T09:30:00Z');
    expect(article.siteName).toBe('The Daily Test');
    expect(article.lang).toBe('en-GB');
  });

  it('did not run the page script while parsing', () => {
    expect(doc.documentElement.getAttribute('data-script-ran')).toBeNull();
  });
});

describe('extractArticle on pages that are not articles', () => {
  it('turns down a section front of linked headlines and teasers, with a reason and no text', () => {
    const doc = parseHtml(FRONT_PAGE, 'https://news.example/section/world');
    const result = extractArticle(doc, { url: 'https://news.example/section/world' });
    expect(result.isArticle).toBe(false);
    expect(result.reason).toBe('no article found: a list of 8 headlines');
    expect(result.text).toBe('');
    expect(result.blocks).toEqual([]);
    expect(result.segments).toEqual([]);
  });

  it('turns down a site root that does not say it is an article', () => {
    const doc = parseHtml(FRONT_PAGE, 'https://news.example/');
    const result = extractArticle(doc, { url: 'https://news.example/' });
    expect(result.isArticle).toBe(false);
    expect(result.reason).toBe("no article found: the site's home page");
  });

  it('turns down an app shell', () => {
    const result = extractArticle(parseHtml(APP_SHELL));
    expect(result.isArticle).toBe(false);
    expect(result.reason).toBe('no article found: 0 paragraphs of text');
  });

  it('does not read a page beyond the element limit', () => {
    const result = extractArticle(parseHtml(FLOOD_ARTICLE, URL), { url: URL, maxElemsToParse: 20 });
    expect(result.isArticle).toBe(false);
    expect(result.reason).toMatch(/^page too large to read: \d+ elements \(limit 20\)$/);
  });
});

describe('extractArticle on harder pages', () => {
  it('keeps a short brief and still maps it to the page when Readability parses twice', () => {
    const doc = parseHtml(SHORT_BRIEF);
    const result = extractArticle(doc);
    expect(result.isArticle).toBe(true);
    expect(blockTexts(result)).toEqual([
      'Bridge reopens after repairs',
      'The main bridge in Riverton reopened on Friday after six weeks of repairs, the council said.',
      'Officials said the work cost about $2 million, but did not say who would pay for it.',
    ]);
    expectExactSegments(result, doc);
    expect(mappedShare(result)).toBe(1);
  });

  it('keeps an embedded post the article quotes, without its signature line', () => {
    const doc = parseHtml(ARTICLE_WITH_TWEET);
    const result = extractArticle(doc);
    expect(result.text).toContain('Yes this is real and the state paid half a million dollars for it: https://t.co/abc');
    expect(result.text).not.toContain('@samposter');
    expect(result.text).toContain('The governor defended the campaign on Tuesday');
    expectExactSegments(result, doc);
  });

  it('leaves out a hidden hover card of links inside a visible paragraph when layout is known', () => {
    const doc = parseHtml(ARTICLE_WITH_HOVER_CARD);
    // As Element#checkVisibility does: an element inside a hidden one is hidden too.
    const isVisible = (el: Element) => el.closest('.card, .more') === null;
    const result = extractArticle(doc, { isVisible });
    expect(result.text).toContain('Governor Kristi Noem defended the campaign on Tuesday');
    expect(result.text).not.toContain('Kristi Lynn Noem');
    expect(result.text).not.toContain('Other headline');
    expectExactSegments(result, doc);
  });

  it('keeps the hidden rest of a caption behind a "[+]" control (no links in it)', () => {
    const doc = parseHtml(ARTICLE_WITH_HOVER_CARD);
    const result = extractArticle(doc, { isVisible: (el) => el.closest('.more') === null });
    expect(result.text).toContain('The governor speaks at the state capitol in Pierre ... on Monday, two days after the campaign began.');
  });

  it('keeps a paragraph hidden as a whole (text behind "Continue reading")', () => {
    const doc = parseHtml(FLOOD_ARTICLE, URL);
    const hiddenParagraph = Array.from(doc.querySelectorAll('p')).find((p) => p.textContent?.startsWith('The last comparable flood'))!;
    const result = extractArticle(doc, { url: URL, isVisible: (el) => el !== hiddenParagraph });
    expect(result.text).toContain('The last comparable flood, in 1998');
  });
});
