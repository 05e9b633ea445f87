// The cue matcher: a compiled lexicon pattern (or a user's phrase) is a list of slots, matched
// on the sentence text from the start of the word the first-word index found, without any
// RegExp. It keeps exactly the semantics the patterns had as sticky, case-insensitive regexes
// (compilePattern in compile.ts gives that regex source; tests compare the two on every
// pattern): slots are separated by white space only (`\s`), a word ends where no letter,
// digit, apostrophe or hyphen follows (the regexes' WORD_END class, case-folded), letters
// compare as a non-Unicode `i` regex compares them, either apostrophe matches either, and the
// alternatives, optional slots and gaps are tried in the order a backtracking regex tries them,
// so the first match found (and its end) is the one the regex found.
//
// Why no RegExp: V8 compiles a regex on its first exec, and the lexicon's large alternations
// cost a fresh page tens of milliseconds to compile; a match here is a few character
// comparisons from one word on, with nothing to compile.

import { isSpace } from '../text/chars';

/** Either apostrophe (straight or curly), in a compiled alternative: the straight one. */
const APOSTROPHE = 0x27;
/** White space (one or more), in a compiled alternative: a space (a pattern's words have none). */
const SPACE = 0x20;

/**
 * One alternative of a slot as compiled (compileWords): its case-folded code units, ' for
 * either apostrophe and a space for any run of white space ("did_not" is "DID NOT").
 */
export type Alternative = string;

/**
 * first: one of the alternatives at the start position itself.
 * word: white space, then one of the alternatives.
 * optional: like word, or nothing (tried present first, as a greedy `?`).
 * guard: NOT white space and one of the alternatives (a lookahead: consumes nothing).
 * gap: up to four white-space-separated chunks, fewest first (a lazy `{0,4}?`); always followed by a word slot.
 */
export type SlotType = 'first' | 'word' | 'optional' | 'guard' | 'gap';

export interface Slot {
  type: SlotType;
  alternatives: readonly Alternative[];
}

/** The most chunks a gap spans. */
const GAP_CHUNKS = 4;

/**
 * What a non-Unicode, case-insensitive regex compares a code unit as (ECMAScript Canonicalize):
 * its upper case when that is one code unit, except that nothing outside ASCII folds into it.
 */
function canonicalize(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const folded = upper.charCodeAt(0);
  return folded < 128 ? code : folded;
}

const NON_ASCII = /[^\0-\x7f]/;

/**
 * Words as compiled: case-folded code units, ’ as '. `underscores`: a lexicon pattern's `_`
 * stands for white space (a user's phrase has no notation: its `_` is an underscore).
 */
export function compileWords(words: string, underscores: boolean): string {
  let folded: string;
  if (!NON_ASCII.test(words)) folded = words.toUpperCase();
  else {
    folded = '';
    for (let i = 0; i < words.length; i++) {
      const code = words.charCodeAt(i);
      folded += String.fromCharCode(code === 0x2019 ? APOSTROPHE : canonicalize(code));
    }
  }
  return underscores ? folded.replaceAll('_', ' ') : folded;
}

/**
 * Whether a word may end before this code unit: not a letter, digit, apostrophe or hyphen, as
 * the case-insensitive class [A-Za-z0-9À-ÖØ-öø-ÿ'’-] reads it (which also takes in Ÿ, the
 * upper case of ÿ).
 */
function endsWordBefore(code: number): boolean {
  if (code < 128) {
    return !((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x27 || code === 0x2d);
  }
  if (code >= 0xc0 && code <= 0xff) return code === 0xd7 || code === 0xf7;
  return code !== 0x2019 && code !== 0x178;
}

function wordEndAt(text: string, at: number): boolean {
  return at >= text.length || endsWordBefore(text.charCodeAt(at));
}

/** The end of the white space starting at `at` (`at` itself when there is none). */
function afterSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

function afterNonSpace(text: string, at: number): number {
  while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The end of `alternative` written at `at`, or -1. */
function alternativeAt(alternative: Alternative, text: string, at: number): number {
  for (let i = 0; i < alternative.length; i++) {
    const expected = alternative.charCodeAt(i);
    if (expected === SPACE) {
      const next = afterSpace(text, at);
      if (next === at) return -1;
      at = next;
      continue;
    }
    if (at >= text.length) return -1;
    const code = text.charCodeAt(at++);
    if (expected === APOSTROPHE) {
      if (code !== 0x27 && code !== 0x2019) return -1;
    } else if (code < 128) {
      if ((code >= 97 && code <= 122 ? code - 32 : code) !== expected) return -1;
    } else if (expected < 128 || canonicalize(code) !== expected) {
      return -1;
    }
  }
  return at;
}

/** The end of the slots from `slot` on, matched from `at`, or -1: depth first, in the regex's order. */
function slotsFrom(slots: readonly Slot[], slot: number, text: string, at: number): number {
  if (slot === slots.length) return at;
  const { type, alternatives } = slots[slot]!;
  if (type === 'gap') {
    for (let chunks = 0; ; chunks++) {
      const end = slotsFrom(slots, slot + 1, text, at);
      if (end >= 0 || chunks === GAP_CHUNKS) return end;
      const chunk = afterSpace(text, at);
      if (chunk === at) return -1;
      const next = afterNonSpace(text, chunk);
      if (next === chunk) return -1;
      at = next;
    }
  }
  let from = at;
  if (type !== 'first') {
    from = afterSpace(text, at);
    if (from === at) return type === 'word' ? -1 : slotsFrom(slots, slot + 1, text, at);
  }
  // An ASCII character folds as alternativeAt folds it; an alternative that starts otherwise
  // fails on it (' stands for both apostrophes, but the curly one is not ASCII): skipped without
  // a call, which is most of them.
  const code = from < text.length ? text.charCodeAt(from) : -1;
  const folded = code < 0 || code >= 128 ? -1 : code >= 97 && code <= 122 ? code - 32 : code;
  for (let i = 0; i < alternatives.length; i++) {
    const alternative = alternatives[i]!;
    if (folded >= 0 && alternative.charCodeAt(0) !== folded) continue;
    const end = alternativeAt(alternative, text, from);
    if (end < 0 || !wordEndAt(text, end)) continue;
    if (type === 'guard') return -1;
    const rest = slotsFrom(slots, slot + 1, text, end);
    if (rest >= 0) return rest;
  }
  return type === 'first' || type === 'word' ? -1 : slotsFrom(slots, slot + 1, text, at);
}

/** The end of a match of `slots` starting at `start` in `text`, or -1 when they do not match there. */
export function matchSlots(slots: readonly Slot[], text: string, start: number): number {
  return slotsFrom(slots, 0, text, start);
}
