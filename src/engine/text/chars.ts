// Unicode character classes (\p{L}, \p{Ll}, \p{Lu}, \p{N}) for one code point, answered by
// comparisons for the Latin letters news text is mostly made of, and by the regex itself for
// anything else. Why not just the regex: V8 builds a property class's hundreds of ranges when it
// first compiles a regex that holds one, which costs a fresh page up to a millisecond a class
// (a rule whose regex held six cost several ms on its first sentence). Here that cost is paid
// only by a page that holds such a character, once per class. Each function answers exactly
// what its class answers: tests compare them on every code unit and on astral code points.

const LETTER = /^\p{L}$/u;
const LOWER = /^\p{Ll}$/u;
const UPPER = /^\p{Lu}$/u;
const NUMBER = /^\p{N}$/u;

/** General Punctuation (dashes, curly quotes, invisible marks): no letter or number there, and news text is full of it. */
const isPunctuation = (code: number) => code >= 0x2000 && code <= 0x206f;

/** \p{L}: a letter of any script. */
export function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code < 0x250) return code >= 0xc0 ? code !== 0xd7 && code !== 0xf7 : code === 0xaa || code === 0xb5 || code === 0xba;
  if (isPunctuation(code)) return false;
  return LETTER.test(String.fromCodePoint(code));
}

/** \p{Ll}: a lower-case letter. */
export function isLowerLetter(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  if (code < 0x100) return code === 0xb5 || (code >= 0xdf && code !== 0xf7);
  if (isPunctuation(code)) return false;
  return LOWER.test(String.fromCodePoint(code));
}

/** \p{Lu}: an upper-case letter. */
export function isUpperLetter(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  if (code < 0x100) return code >= 0xc0 && code <= 0xde && code !== 0xd7;
  if (isPunctuation(code)) return false;
  return UPPER.test(String.fromCodePoint(code));
}

/** \p{N}: a digit or other number character (², ½, Ⅻ...). */
export function isNumberChar(code: number): boolean {
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  if (code < 0x100) return code === 0xb2 || code === 0xb3 || code === 0xb9 || (code >= 0xbc && code <= 0xbe);
  if (isPunctuation(code)) return false;
  return NUMBER.test(String.fromCodePoint(code));
}

/** [\p{L}\p{N}] */
export function isLetterOrNumber(code: number): boolean {
  return isLetter(code) || isNumberChar(code);
}

/** The code point that ends just before `at` (a surrogate pair read whole, as a /u regex's lookbehind reads it); -1 at the start. */
export function codePointBefore(text: string, at: number): number {
  if (at <= 0) return -1;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point at `at` (a surrogate pair read whole); -1 at the end. */
export function codePointAt(text: string, at: number): number {
  return at < text.length ? text.codePointAt(at)! : -1;
}

/** How many code units the code point takes. */
export function codeUnits(code: number): number {
  return code > 0xffff ? 2 : 1;
}

/** `\s` of a JavaScript regex (white space and line terminators). */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
