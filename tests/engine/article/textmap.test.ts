import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/html';
import { ArticleTextBuilder, domSpansFor, rangesFor } from '../../../src/engine/article/textmap';

/** Text nodes of the first element matching `selector`. */
function textNodes(doc: Document, selector: string): Text[] {
  return Array.from(doc.querySelector(selector)!.childNodes).filter((n): n is Text => n.nodeType === 3);
}

describe('ArticleTextBuilder', () => {
  it('collapses white space runs, trims blocks and joins them with a blank line', () => {
    const b = new ArticleTextBuilder();
    b.append('  Headline \n here ');
    b.endBlock();
    b.append('\tFirst\u00A0\u00A0paragraph, ');
    b.append('  continued.\n');
    b.endBlock();
    b.endBlock(); // an empty block leaves no trace
    expect(b.text()).toBe('Headline here\n\nFirst paragraph, continued.');
    expect(b.blocks).toEqual([
      { start: 0, end: 13 },
      { start: 15, end: 42 },
    ]);
  });

  it('drops invisible characters (soft hyphens, zero-width spaces) from the text', () => {
    const b = new ArticleTextBuilder();
    b.append('dis\u00ADinformation and\u200B more');
    b.endBlock();
    expect(b.text()).toBe('disinformation and more');
  });

  it('can discard the block being built, including its separator', () => {
    const b = new ArticleTextBuilder();
    b.append('Kept.');
    b.endBlock();
    b.append('Advertisement');
    b.discardBlock();
    b.append('Also kept.');
    b.endBlock();
    expect(b.text()).toBe('Kept.\n\nAlso kept.');
    expect(b.blocks).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 17 },
    ]);
  });

  it('records segments whose text equals the source node text, character for character', () => {
    const doc = parseHtml('<p id="p">  One\n   two <b>three</b>\u00A0four  </p>');
    const p = doc.getElementById('p')!;
    const b = new ArticleTextBuilder();
    const walker = doc.createTreeWalker(p, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) b.append((n as Text).data, n as Text);
    b.endBlock();
    const text = b.text();
    expect(text).toBe('One two three four');
    for (const seg of b.segments) {
      expect(text.slice(seg.start, seg.end)).toBe(seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + seg.end - seg.start));
    }
    // The no-break space before "four" is written as a plain space, so it maps to no node.
    const covered = b.segments.map((s) => text.slice(s.start, s.end)).join('|');
    expect(covered).toBe('One| two |three|four');
  });
});

describe('domSpansFor and rangesFor', () => {
  const doc = parseHtml('<p id="p">Officials said <a href="#">about 200 people</a> were taken hostage.</p>');
  const [before, after] = textNodes(doc, '#p');
  const link = doc.querySelector('a')!.firstChild as Text;
  const b = new ArticleTextBuilder();
  b.append(before!.data, before!);
  b.append(link.data, link);
  b.append(after!.data, after!);
  b.endBlock();
  const text = b.text();

  it('gives one span per text node a range crosses, with node offsets', () => {
    const start = text.indexOf('said about');
    const end = text.indexOf(' were') + ' were'.length;
    expect(domSpansFor(b.segments, start, end)).toEqual([
      { node: before, startOffset: 10, endOffset: 15 },
      { node: link, startOffset: 0, endOffset: 16 },
      { node: after, startOffset: 0, endOffset: 5 },
    ]);
  });

  it('builds live Ranges that read back as the article text', () => {
    const phrase = 'about 200 people were taken hostage';
    const start = text.indexOf(phrase);
    const ranges = rangesFor(b.segments, start, start + phrase.length, doc);
    expect(ranges.map((r) => r.toString()).join('')).toBe(phrase);
  });

  it('gives nothing for an empty or out-of-text span', () => {
    expect(domSpansFor(b.segments, 5, 5)).toEqual([]);
    expect(domSpansFor(b.segments, text.length + 10, text.length + 20)).toEqual([]);
  });
});
