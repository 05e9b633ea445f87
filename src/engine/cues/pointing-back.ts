import type { FlagKind, Sentence } from '../types';
import { isSpace } from '../text/chars';

// Cues that point back: "This information has not been independently verified." qualifies
// the sentence before it, not itself; so does "Both companies declined to comment on the
// assertion." The flag stays on the cue's sentence (that is where the reader sees it) but its
// claim is the earlier sentence, so the popup can show what exactly is unverified.

// The phrases below are read word by word with string comparisons, not regexes: they run on a
// fresh page's first flags, where V8 compiling three such regexes (optional words, alternations,
// word boundaries) cost several milliseconds. Each reader matches exactly what the regex in its
// comment matches (case-insensitive, ASCII letters; a test compares them on many sentences).

/** Nouns that stand for a claim made just before: "this information", "the figures". */
export const CLAIM_NOUNS = words(
  'information claim claims report reports figure figures number numbers account accounts assertion assertions ' +
    'allegation allegations accusation accusations statement statements video videos footage photo photos ' +
    'photograph photographs image images toll data estimate estimates tally count details',
);

/** What one declines to comment on when it was said just before: "the assertion", "these allegations". */
export const CONTESTED_NOUNS = words(
  'claim claims assertion assertions allegation allegations accusation accusations report reports remark remarks ' +
    'comment comments criticism charge charges rumor rumors rumour rumours speculation',
);

const DETERMINERS = ['this', 'that', 'these', 'those', 'the', 'such'];
const PREPOSITIONS = ['on', 'to', 'about', 'of'];
const CONJUNCTIONS = ['but', 'however', 'and', 'so'];
/** Words after the noun that make it a new topic, not the claim before: "the claim that...", "reports of...". */
const NOT_AFTER_OBJECT = words('that of about by from');

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
/** A regex's \w (no u flag): what \b tells apart. */
const isWordChar = (code: number) => isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;

function afterSpaces(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

function afterLetters(text: string, at: number): number {
  while (at < text.length && isAsciiLetter(text.charCodeAt(at))) at++;
  return at;
}

/** The run of \w characters at `at`, lower-cased (what a word alternation followed by \b must equal). */
function wordAt(text: string, at: number): string {
  let end = at;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return text.slice(at, end).toLowerCase();
}

/** Whether `literal` (lower case) is written at `at`, in any case. */
function startsWithAt(text: string, literal: string, at: number): boolean {
  return text.length - at >= literal.length && text.slice(at, at + literal.length).toLowerCase() === literal;
}

/** The end of the alternative of `list` written at `at` and followed by white space, or -1 (at most one can be). */
function wordBeforeSpace(text: string, list: readonly string[], at: number): number {
  for (const word of list) {
    const end = at + word.length;
    if (end < text.length && isSpace(text.charCodeAt(end)) && startsWithAt(text, word, at)) return end;
  }
  return -1;
}

/** A noun of `nouns` as a whole word at `at`. */
function nounAt(text: string, at: number, nouns: ReadonlySet<string>): boolean {
  return nouns.has(wordAt(text, at));
}

/**
 * "(adjective )noun" at `at`: (?:[A-Za-z]+\s+)?(?:nouns)\b. The ends of its readings, the one
 * with an adjective first (as the regex tries them): what follows may rule one out.
 */
function nounPhraseEnds(text: string, at: number, nouns: ReadonlySet<string>): number[] {
  const ends: number[] = [];
  const letters = afterLetters(text, at);
  if (letters > at && letters < text.length && isSpace(text.charCodeAt(letters))) {
    const noun = afterSpaces(text, letters);
    if (nounAt(text, noun, nouns)) ends.push(noun + wordAt(text, noun).length);
  }
  if (nounAt(text, at, nouns)) ends.push(at + wordAt(text, at).length);
  return ends;
}

/**
 * Object that points back, right after the cue: "comment on the assertion", "verify the claims".
 * /^\s+(?:on|to|about|of)?\s*(?:the|this|that|these|those|such)\s+(?:[A-Za-z]+\s+)?(?:nouns)\b(?!\s+(?:that|of|about|by|from)\b)/i
 */
export function pointsBackAsObject(afterCue: string, nouns: ReadonlySet<string>): boolean {
  const start = afterSpaces(afterCue, 0);
  if (start === 0) return false;
  // The preposition, when there is one, is tried first; then the determiner right away.
  const preposition = PREPOSITIONS.find((word) => startsWithAt(afterCue, word, start));
  const determinerStarts = preposition ? [afterSpaces(afterCue, start + preposition.length), start] : [start];
  for (const at of determinerStarts) {
    const determiner = wordBeforeSpace(afterCue, DETERMINERS, at);
    if (determiner < 0) continue;
    const ends = nounPhraseEnds(afterCue, afterSpaces(afterCue, determiner), nouns);
    for (const end of ends) {
      const next = afterSpaces(afterCue, end);
      if (next > end && NOT_AFTER_OBJECT.has(wordAt(afterCue, next))) continue;
      return true;
    }
  }
  return false;
}

/**
 * Subject that points back: "This information ...", "The claim ...", "These figures ...", "It ...".
 * /^(?:(?:but|however|and|so)\s*,?\s+)?(?:(?:this|that|these|those|the|such)(?:\s+[A-Za-z]+)?\s+(?:claim nouns)|this|that|it|none of (?:this|it|these|those|the [A-Za-z]+))\b/i
 */
export function pointsBackAsSubject(text: string): boolean {
  const starts = [0];
  const conjunction = CONJUNCTIONS.find((word) => startsWithAt(text, word, 0));
  if (conjunction) {
    // \s*,?\s+ : white space, a comma or not, and white space after it.
    const spaces = afterSpaces(text, conjunction.length);
    const afterComma = text[spaces] === ',' ? afterSpaces(text, spaces + 1) : spaces;
    const enough = text[spaces] === ',' ? afterComma > spaces + 1 : spaces > conjunction.length;
    if (enough) starts.unshift(afterComma);
  }
  return starts.some((at) => subjectAt(text, at));
}

function subjectAt(text: string, at: number): boolean {
  const determiner = wordBeforeSpace(text, DETERMINERS, at);
  if (determiner >= 0 && nounPhraseEnds(text, afterSpaces(text, determiner), CLAIM_NOUNS).length > 0) return true;
  const word = wordAt(text, at);
  if (word === 'this' || word === 'that' || word === 'it') return true;
  if (!startsWithAt(text, 'none of ', at)) return false;
  const rest = at + 'none of '.length;
  const next = wordAt(text, rest);
  if (next === 'this' || next === 'it' || next === 'these' || next === 'those') return true;
  if (!startsWithAt(text, 'the ', rest)) return false;
  const letters = afterLetters(text, rest + 4);
  return letters > rest + 4 && !(letters < text.length && isWordChar(text.charCodeAt(letters)));
}

/**
 * Index of the sentence whose claim a cue qualifies: the previous sentence for a pointing-back
 * unverified or omission cue, else the cue's own sentence. Omission cues point back only through
 * their object ("declined to comment on the assertion"): "The statement did not mention X" is
 * itself the claim.
 */
export function referredClaimIndex(
  sentences: readonly Sentence[],
  index: number,
  kind: FlagKind,
  cueStart: number,
  cueEnd: number,
): number {
  if (index === 0 || (kind !== 'unverified' && kind !== 'omission')) return index;
  const text = sentences[index]!.text;
  const afterCue = text.slice(cueEnd);
  if (pointsBackAsObject(afterCue, kind === 'unverified' ? CLAIM_NOUNS : CONTESTED_NOUNS)) return index - 1;
  if (kind === 'unverified' && pointsBackAsSubject(text) && cueStart < text.length / 2 + 40) {
    // The subject is the cue's own clause only when nothing but the subject precedes the cue.
    const beforeCue = text.slice(0, cueStart);
    if (!/[,;:]/.test(beforeCue)) return index - 1;
  }
  return index;
}
