import { describe, expect, it } from 'vitest';
import { canonicalPageKey, siteOfSource } from '../../../src/engine/store/canonical-url';

describe('canonicalPageKey', () => {
  const key = 'news.example/2023/10/russian-count';
  it.each([
    'https://news.example/2023/10/russian-count',
    'http://news.example/2023/10/russian-count',
    'https://www.news.example/2023/10/russian-count/',
    'https://news.example/2023/10/russian-count#comments',
    'https://news.example/2023/10/russian-count?utm_source=tw&utm_medium=social&utm_campaign=x',
    'https://news.example/2023/10/russian-count?fbclid=IwAR3&gclid=abc&mc_cid=1&igshid=2',
    'https://news.example/2023/10/russian-count/amp',
    'https://news.example/2023/10/russian-count/amp/',
    'https://news.example/2023/10/russian-count.amp',
    'https://news.example/amp/2023/10/russian-count',
    'https://news.example/2023/10/russian-count?amp',
    'https://news.example/2023/10/russian-count?amp=1',
    'https://news.example/2023/10/russian-count?outputType=amp',
    'https://amp.news.example/2023/10/russian-count',
    'https://NEWS.example:443/2023/10/russian-count',
    'https://news-example.cdn.ampproject.org/c/s/news.example/2023/10/russian-count',
  ])('maps %s to the article key', (url) => {
    expect(canonicalPageKey(url)).toBe(key);
  });

  it('keeps what selects the article: path, content query parameters (sorted)', () => {
    expect(canonicalPageKey('https://news.example/story?id=1')).not.toBe(canonicalPageKey('https://news.example/story?id=2'));
    expect(canonicalPageKey('https://news.example/a')).not.toBe(canonicalPageKey('https://news.example/b'));
    expect(canonicalPageKey('https://news.example/s?b=2&a=1&utm_source=x')).toBe(canonicalPageKey('https://news.example/s?a=1&b=2'));
    expect(canonicalPageKey('https://news.example/a')).not.toBe(canonicalPageKey('https://other.example/a'));
  });

  it('keeps a file path (the CLI) as its own key', () => {
    expect(canonicalPageKey('../shared/fixtures/seed-article.html')).toBe('../shared/fixtures/seed-article.html');
    expect(canonicalPageKey('C:\\news\\a.html')).toBe('C:/news/a.html');
  });

  it('names the site of a URL without www, and falls back for a file', () => {
    expect(siteOfSource('https://www.meduza.io/en/news/1', 'x')).toBe('meduza.io');
    expect(siteOfSource('https://amp.theguardian.com/a', 'x')).toBe('theguardian.com');
    expect(siteOfSource('fixtures/a.html', 'meduza')).toBe('meduza');
  });
});
