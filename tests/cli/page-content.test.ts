import { describe, expect, it } from 'vitest';
import { decodeText, formatOf } from '../../src/cli/page-content';

const bytes = (s: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(s, encoding));

describe('decodeText', () => {
  it('reads a page in the encoding its <meta charset> names', () => {
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' “news”</p>')]);
    expect(decodeText(new Uint8Array(page))).toContain('Café');
  });

  it('prefers the charset the server names, and honours a UTF-16 byte-order mark', () => {
    expect(decodeText(new Uint8Array(Buffer.from([0xe9])), 'iso-8859-1')).toBe('é');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Hello</p>', 'utf16le')]);
    expect(decodeText(new Uint8Array(utf16))).toBe('<p>Hello</p>');
  });

  it('refuses binary content', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toThrow(/binary/);
    expect(() => decodeText(new Uint8Array(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 64))))).toThrow(/binary or not/);
  });

  it('keeps UTF-8 text as it is, without a byte-order mark', () => {
    expect(decodeText(bytes('\uFEFFIt’s “quoted”'))).toBe('It’s “quoted”');
  });
});

describe('formatOf', () => {
  it('goes by the extension, else by the content', () => {
    expect(formatOf('page.HTM', 'plain words')).toBe('html');
    expect(formatOf('notes.txt', '<html><body>x</body></html>')).toBe('text');
    expect(formatOf('saved-page', '  <!DOCTYPE html><html>')).toBe('html');
    expect(formatOf('README', 'Council approves budget')).toBe('text');
  });
});
