import { describe, expect, it } from 'vitest';
import { parseHtml, withoutStyleSheets } from '../../src/cli/html';

describe('parseHtml', () => {
  it('parses a page without running its scripts', () => {
    const doc = parseHtml(
      '<html><body><p id="p">Text</p><script>document.getElementById("p").textContent = "changed"; window.ran = true;</script><img src="x" onerror="document.body.dataset.err=1"></body></html>',
      'https://news.example/a',
    );
    expect(doc.getElementById('p')!.textContent).toBe('Text');
    expect(doc.body.dataset.err).toBeUndefined();
    expect((doc.defaultView as unknown as { ran?: boolean }).ran).toBeUndefined();
  });

  it('uses the URL as the document address, and ignores one that is not absolute', () => {
    expect(parseHtml('<p>x</p>', 'https://news.example/a/b').URL).toBe('https://news.example/a/b');
    expect(parseHtml('<p>x</p>', 'not a url').URL).toBe('about:blank');
  });

  it('survives style sheets that jsdom cannot parse', () => {
    const doc = parseHtml('<style>.a { border: inherit; border-width: 1px }</style><p>Still readable.</p>');
    expect(doc.querySelector('p')!.textContent).toBe('Still readable.');
  });
});

describe('withoutStyleSheets', () => {
  it('empties style elements and keeps everything else', () => {
    expect(withoutStyleSheets('<head><style media="x">p{}</style></head><p>a</p><STYLE>b{}</STYLE>')).toBe(
      '<head><style media="x"></style></head><p>a</p><STYLE></STYLE>',
    );
  });

  it('does not take "<style" inside a script or a comment for a style sheet', () => {
    const html = '<title>Why <style> tags matter</title><script>var s = "<style>";</script><!-- <style> --><p>kept</p>';
    expect(withoutStyleSheets(html)).toBe(html);
  });
});
