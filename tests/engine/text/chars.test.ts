import { describe, expect, it } from 'vitest';
import { codePointAt, codePointBefore, isLetter, isLetterOrNumber, isLowerLetter, isNumberChar, isUpperLetter } from '../../../src/engine/text/chars';

// The class functions must answer exactly what the regex classes answer: the rules that use
// them were written against the regexes.
const CLASSES: [string, (code: number) => boolean, RegExp][] = [
  ['\\p{L}', isLetter, /^\p{L}$/u],
  ['\\p{Ll}', isLowerLetter, /^\p{Ll}$/u],
  ['\\p{Lu}', isUpperLetter, /^\p{Lu}$/u],
  ['\\p{N}', isNumberChar, /^\p{N}$/u],
  ['[\\p{L}\\p{N}]', isLetterOrNumber, /^[\p{L}\p{N}]$/u],
];

/** Astral code points of every kind: letters (Gothic, mathematical), digits, emoji, private use. */
const ASTRAL = [0x10330, 0x1d41a, 0x1d400, 0x1d7ce, 0x1f600, 0x20000, 0xe0041, 0xf0000, 0x10ffff, 0x1044f, 0x10427];

describe('character classes', () => {
  it.each(CLASSES)('answers %s as the regex does on every code unit and on astral code points', (_name, fn, regex) => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (fn(code) !== regex.test(String.fromCharCode(code))) wrong.push(code.toString(16));
    }
    for (const code of ASTRAL) if (fn(code) !== regex.test(String.fromCodePoint(code))) wrong.push(code.toString(16));
    expect(wrong).toEqual([]);
  });

  it('reads a surrogate pair as one code point, before and at a position', () => {
    const text = 'a𝐚b';
    expect(codePointAt(text, 1)).toBe(0x1d41a);
    expect(codePointBefore(text, 3)).toBe(0x1d41a);
    expect(codePointBefore(text, 1)).toBe(0x61);
    expect(codePointBefore(text, 0)).toBe(-1);
    expect(codePointAt(text, 4)).toBe(-1);
    // A lone low surrogate is read alone.
    expect(codePointBefore('\udc00x', 1)).toBe(0xdc00);
  });
});
