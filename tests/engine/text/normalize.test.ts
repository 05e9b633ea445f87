import { describe, expect, it } from 'vitest';
import { INVISIBLE_CLASS, isInvisible, stripInvisible } from '../../../src/engine/text/normalize';

describe('invisible characters inside words', () => {
  it('reads a cue broken by zero-width, soft-hyphen and bidi characters as the plain cue', () => {
    const cases: [string, string][] = [
      ['alle\u200Bgedly', 'allegedly'],
      ['repor\u200Ctedly', 'reportedly'],
      ['sour\u200Dces said', 'sources said'],
      ['alle\uFEFFgedly', 'allegedly'],
      ['de\u00ADclined to com\u00ADment', 'declined to comment'],
      ['\u202Epurportedly\u202C', 'purportedly'],
      ['people famil\u2066iar\u2069 with', 'people familiar with'],
      ['could not be inde\u200E\u200Fpendently verified', 'could not be independently verified'],
      ['word\u2060joiner', 'wordjoiner'],
    ];
    for (const [input, plain] of cases) expect(stripInvisible(input).text).toBe(plain);
  });

  it('maps every kept character back to where it was, so marks land on the real text', () => {
    const input = 'a\u200Bb\u2066\u2069c';
    const { text, toOriginal } = stripInvisible(input);
    expect(text).toBe('abc');
    expect(toOriginal).toEqual([0, 2, 5, 6]);
    for (let i = 0; i < text.length; i++) expect(input[toOriginal[i]!]).toBe(text[i]);
  });

  it('leaves visible text alone, including spaces, accents, emoji and right-to-left letters', () => {
    const visible = 'Café — 23 people “allegedly” 👍 שלום مرحبا\u00A0x';
    expect(stripInvisible(visible)).toEqual({ text: visible, toOriginal: [...Array(visible.length + 1).keys()] });
    for (const char of ' \u00A0-é\u05D0') expect(isInvisible(char)).toBe(false);
  });

  it('names every invisible formatting character in one class textmap can reuse', () => {
    const re = new RegExp(`^[${INVISIBLE_CLASS}]$`);
    for (const code of [0xad, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202e, 0x2060, 0x2064, 0x2066, 0x2069, 0xfeff]) {
      expect(re.test(String.fromCharCode(code)), code.toString(16)).toBe(true);
    }
    expect(re.test('a')).toBe(false);
  });
});
