import { describe, expect, it } from 'vitest';
import { isSiteSkipped, normalizeSitePattern, parseSitePatterns } from '../../src/extension/shared/site-skip';

describe('sites to skip', () => {
  it('skips the site and its subdomains, not look-alikes', () => {
    const patterns = ['example.com'];
    expect(isSiteSkipped('https://example.com/a', patterns)).toBe(true);
    expect(isSiteSkipped('https://news.example.com/a', patterns)).toBe(true);
    expect(isSiteSkipped('http://EXAMPLE.com./x', patterns)).toBe(true);
    expect(isSiteSkipped('https://notexample.com/', patterns)).toBe(false);
    expect(isSiteSkipped('https://example.com.evil.test/', patterns)).toBe(false);
    expect(isSiteSkipped('not a url', patterns)).toBe(false);
  });

  it('reads what people paste: URLs, wildcards, www, several per line', () => {
    expect(parseSitePatterns('https://www.nytimes.com/section/world\n*.bbc.co.uk, theguardian.com\n\n  ')).toEqual([
      'nytimes.com',
      'bbc.co.uk',
      'theguardian.com',
    ]);
    expect(normalizeSitePattern('localhost:8080')).toBe('localhost');
    expect(normalizeSitePattern('<script>')).toBeNull();
  });
});
