import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/tools/random';
import { parseHtml } from '../../../src/cli/html';
import { cleanByline, findPublishedAt, normalizeDate } from '../../../src/engine/article/metadata';
import { findHeadline, titleAgreement, titleWords } from '../../../src/engine/article/headline';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('normalizeDate', () => {
  it.each([
    ['2019-11-19T06:12:56-05:00', '2019-11-19T06:12:56-05:00'],
    ['2023-10-26', '2023-10-26'],
    ['2019-04-28 06:01:07', '2019-04-28T06:01:07'],
    ['Tue Nov 19 2019 03:05:46 GMT+0000', '2019-11-19T03:05:46.000Z'],
    ['1574143200', '2019-11-19T06:00:00.000Z'],
  ])('reads %j as %j', (raw, iso) => {
    expect(normalizeDate(raw, NOW)).toBe(iso);
  });

  it.each(['0001-01-01T00:00:00Z', 'yesterday', '', '2099-01-01'])('rejects %j', (raw) => {
    expect(normalizeDate(raw, NOW)).toBeNull();
  });
});

describe('findPublishedAt', () => {
  it('falls back to JSON-LD and then to <time datetime>', () => {
    const ld = parseHtml('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-03T10:00:00Z"}</script><p>x</p>');
    expect(findPublishedAt(ld, null, null)).toBe('2020-02-03T10:00:00Z');
    const time = parseHtml('<article><time datetime="2021-05-06">May 6</time><p>x</p></article>');
    expect(findPublishedAt(time, undefined, time.querySelector('article'))).toBe('2021-05-06');
    expect(findPublishedAt(parseHtml('<p>No date here.</p>'), null, null)).toBeNull();
  });

  it('reads less common meta names and skips placeholder JSON-LD dates', () => {
    const meta = parseHtml('<meta name="article:publicationdate" content="Fri Mar 13 21:30:09 EST 2015"><p>x</p>');
    expect(findPublishedAt(meta, null, null)).toBe('2015-03-14T02:30:09.000Z');
    const placeholder = parseHtml(
      '<script type="application/ld+json">[{"datePublished":"0001-01-01T00:00:00Z"},{"datePublished":"2019-11-19"}]</script><p>x</p>',
    );
    expect(findPublishedAt(placeholder, null, null)).toBe('2019-11-19');
  });
});

describe('cleanByline', () => {
  it('keeps the names only', () => {
    expect(cleanByline('by \n   Madeline Fry')).toBe('Madeline Fry');
    expect(cleanByline('by Jeff Foust — November 18, 2019')).toBe('Jeff Foust');
    expect(cleanByline('April 28, 2019 at 6:01 am Updated April 29, 2019')).toBeNull();
  });
});

describe('findHeadline', () => {
  it('prefers the visible <h1> that agrees with the stated titles over a logo <h1>', () => {
    const doc = parseHtml(
      '<h1>The Town Paper</h1><h1 hidden>Flood waters rise in Riverton</h1><article><h1>Flood waters rise in Riverton as river bursts</h1></article>',
    );
    const headline = findHeadline(doc, ['Flood waters rise in Riverton | The Town Paper']);
    expect(headline.text).toBe('Flood waters rise in Riverton as river bursts');
    expect(headline.element?.closest('article')).not.toBeNull();
  });

  it('uses the stated title when no <h1> agrees with it', () => {
    const doc = parseHtml('<h1>The Town Paper</h1><p>text</p>');
    expect(findHeadline(doc, ['Flood waters rise in Riverton'])).toEqual({ text: 'Flood waters rise in Riverton', element: null });
  });

  it('measures agreement in shared words', () => {
    expect(titleAgreement('Flood waters rise', 'flood waters RISE')).toBe(1);
    expect(titleAgreement('Flood waters rise', 'Storm season')).toBe(0);
  });
});

describe('titleWords', () => {
  const REFERENCE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

  it('reads the words the regex it replaced read', () => {
    const next = seededRandom(5);
    const pieces = ["'", '’', ' ', 'Don', 't', 'É', 'ß', '1', '²', '-', '|', '𝐚', '😀', '\udc00', 'İ', 'Σ'];
    const texts = ["Don't panic: it’s 2024's best", 'rock’n’roll', "'quoted'", 'x’1'];
    for (let n = 0; n < 30_000; n++) {
      let text = '';
      const length = Math.floor(next() * 10);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      texts.push(text);
    }
    const wrong = texts.filter((t) => JSON.stringify(titleWords(t)) !== JSON.stringify(t.toLowerCase().match(REFERENCE) ?? []));
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
