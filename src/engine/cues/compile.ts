import { FLAG_KINDS, type ExtraCue, type FlagKind } from '../types';
import { LEXICON } from './lexicon';
import { compileWords, type Slot, type SlotType } from './match';

// Compiles the lexicon's phrase patterns (notation in lexicon.ts) into slots (match.ts) keyed by
// their possible first words. The detector tokenizes a sentence once and, for each word, tries
// only the few entries that can start with it: the cost is one Map lookup per word plus a short
// anchored match on the rare hits. Every pattern is a sequence of literal alternatives with
// bounded gaps, so a match cannot run away; and no RegExp is built per pattern (V8 compiles a
// regex on its first use, which made a fresh page pay for compiling the whole lexicon).
//
// compilePattern still gives each pattern's meaning as a regex source: the slots match exactly
// what that regex matches (tests compare the two), and its length orders the patterns.

export interface CompiledCue {
  kind: FlagKind;
  /** Shown in Flag.rule: "<group>: <pattern>". */
  rule: string;
  /** Matched from a word start with matchSlots. */
  slots: readonly Slot[];
  /** Length of the pattern's regex source: longer patterns are tried first under a key. */
  weight: number;
}

/** Lower-case first words → the cues that may start there. */
export interface CueIndex {
  /** The cues that may start at a word with this key, longest pattern first; undefined when none. */
  get(key: string): readonly CompiledCue[] | undefined;
  /** Every key that has cues. */
  keys(): IterableIterator<string>;
}

const APOSTROPHE = /['’]/g;

/** A word as the index keys it: lower case, straight apostrophe, no trailing quote or dash. */
export function indexKey(word: string): string {
  return word.toLowerCase().replace(APOSTROPHE, "'").replace(/['-]+$/, '');
}

function escapeWord(word: string): string {
  return word
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(APOSTROPHE, "['’]")
    .replace(/_/g, '\\s+');
}

function alternatives(slot: string): string {
  return `(?:${slot.split('|').map(escapeWord).join('|')})`;
}

/** Words end where no letter, digit, apostrophe or hyphen follows. */
const WORD_END = "(?![A-Za-z0-9À-ÖØ-öø-ÿ'’-])";
/** "…": up to four words, matched lazily (bounded: no runaway backtracking). */
const GAP = '(?:\\s+\\S+){0,4}?';

function checkFirst(first: string, pattern: string): void {
  if (first === '…' || first.startsWith('!') || first.endsWith('?')) {
    throw new Error(`Cue pattern must start with a literal word: "${pattern}"`);
  }
}

/**
 * Regex source of one pattern, and the index keys of its first slot. The detector no longer
 * builds it: compiled sticky and case-insensitive, it is what the pattern means, the reference
 * the slots (compileCue) are tested against.
 */
export function compilePattern(pattern: string): { source: string; keys: string[] } {
  const slots = pattern.trim().split(/\s+/);
  const first = slots[0]!;
  checkFirst(first, pattern);
  const keys = first.split('|').map((alt) => indexKey(alt.split('_')[0]!));
  let source = alternatives(first) + WORD_END;
  for (const slot of slots.slice(1)) {
    if (slot === '…') source += GAP;
    else if (slot.startsWith('!')) source += `(?!\\s+${alternatives(slot.slice(1))}${WORD_END})`;
    else if (slot.endsWith('?')) source += `(?:\\s+${alternatives(slot.slice(0, -1))}${WORD_END})?`;
    else source += `\\s+${alternatives(slot)}${WORD_END}`;
  }
  return { source, keys };
}

/** Runs of characters the regex source wrote as they are (what is left: escaped or rewritten). */
const VERBATIM = /[^.*+?^${}()|[\]\\'’_]+/g;

/**
 * How much longer the regex source wrote `words` (syntax escaped, an apostrophe as ['’]; in a
 * lexicon pattern `_` as \s+ and `|` between alternatives as it is, while a user's phrase has
 * them escaped or as they are): for the patterns' order key, without building the source.
 */
function escapedExtra(words: string, lexicon: boolean): number {
  let extra = 0;
  for (const char of words.replace(VERBATIM, '')) {
    if (char === "'" || char === '’') extra += 3;
    else if (char === '_') extra += lexicon ? 2 : 0;
    else if (char === '|') extra += lexicon ? 0 : 1;
    else extra += 1;
  }
  return extra;
}

/** Source length a slot's regex adds around its alternatives. */
const WRAPPING: Record<Exclude<SlotType, 'gap'>, number> = {
  first: WORD_END.length,
  word: `\\s+${WORD_END}`.length,
  optional: `(?:\\s+${WORD_END})?`.length,
  guard: `(?!\\s+${WORD_END})`.length,
};

export interface CompiledPattern {
  slots: Slot[];
  /** The index keys of its first slot (as compilePattern gives them). */
  keys: string[];
  /** The first words of its first slot's alternatives (keys[i] is the key of firstWords[i]). */
  firstWords: string[];
  /** Length of compilePattern's source. */
  weight: number;
}

/** An empty alternative or word: "a||b", "did_", "_not". */
const EMPTY_WORD = /(?:^|[|_])(?:[|_]|$)/;

/** The first words of a pattern's first slot and their index keys (keys[i] is firstWords[i]'s). */
function firstSlotKeys(first: string, pattern: string): { firstWords: string[]; keys: string[] } {
  checkFirst(first, pattern);
  const firstWords = first.split('|').map((alt) => alt.split('_')[0]!);
  return { firstWords, keys: firstWords.map(indexKey) };
}

/** One lexicon pattern as slots matching what compilePattern's regex matches. */
export function compileCue(pattern: string): CompiledPattern {
  const parts = pattern.trim().split(/\s+/);
  const { firstWords, keys } = firstSlotKeys(parts[0]!, pattern);
  let weight = 0;
  const slots = parts.map((part, i): Slot => {
    let type: SlotType;
    let words = part;
    if (i === 0) type = 'first';
    else if (part === '…') {
      weight += GAP.length;
      return { type: 'gap', alternatives: [] };
    } else if (part.startsWith('!')) [type, words] = ['guard', part.slice(1)];
    else if (part.endsWith('?')) [type, words] = ['optional', part.slice(0, -1)];
    else type = 'word';
    if (EMPTY_WORD.test(words)) throw new Error(`Empty word in cue pattern: "${pattern}"`);
    // The source: the wrapping, then (?: and the alternatives escaped, with their | as they are, and ).
    weight += WRAPPING[type] + '(?:)'.length + words.length + escapedExtra(words, true);
    return { type, alternatives: compileWords(words, true).split('|') };
  });
  // A gap gives back no part of a chunk only when white space must follow it.
  if (slots.some((slot, i) => slot.type === 'gap' && slots[i + 1]?.type !== 'word')) {
    throw new Error(`A gap must be followed by a word: "${pattern}"`);
  }
  return { slots, keys, firstWords, weight };
}

/** The slots of one pattern. */
export function slotsOf(pattern: string): Slot[] {
  return compileCue(pattern).slots;
}

/**
 * A plain word (ASCII letters and digits, inner apostrophes or hyphens): where one matches at a
 * word's start, that word (as wordsOf reads it) is the text it matched, so its key is the plain
 * word's key.
 */
const PLAIN_WORD = /^[a-z0-9]+(?:['’-][a-z0-9]+)*$/i;

/**
 * The entry of `cue` under `key`. Under a key, the first slot keeps only the alternatives that
 * can match at a word with that key: every one whose first word has that key or is not plain
 * (the others could not match there, so the order and the matches stay those of the whole slot).
 */
function entryUnder(key: string, keys: readonly string[], cue: CompiledCue, firstWords: readonly string[]): CompiledCue {
  if (new Set(keys).size === 1) return cue;
  const [first, ...rest] = cue.slots;
  const kept = first!.alternatives.filter((_, i) => keys[i] === key || !PLAIN_WORD.test(firstWords[i]!));
  return kept.length < first!.alternatives.length ? { ...cue, slots: [{ type: first!.type, alternatives: kept }, ...rest] } : cue;
}

/** Longer patterns first under a key, so "did not say" wins over a shorter overlap (a stable sort: ties keep their order). */
const byWeight = (a: CompiledCue, b: CompiledCue) => b.weight - a.weight;

/** A pattern waiting to be compiled: most of the lexicon is never needed on a given page. */
interface PendingPattern {
  kind: FlagKind;
  group: string;
  pattern: string;
  keys: readonly string[];
  firstWords: readonly string[];
  compiled?: CompiledCue;
}

/**
 * The lexicon's index, compiled key by key as the detector asks. Filing a pattern needs only its
 * first words; compiling it (its slots, its weight) waits until a sentence holds one of them. A
 * fresh page runs this code cold (interpreted, its regexes not yet compiled), where compiling
 * the whole lexicon cost more than scanning an article; a page asks for a few dozen keys.
 */
class LexiconIndex implements CueIndex {
  private readonly pending = new Map<string, PendingPattern[]>();
  private readonly compiled = new Map<string, readonly CompiledCue[]>();

  constructor(groups: typeof LEXICON) {
    for (const group of groups) {
      for (const pattern of group.patterns) {
        const { keys, firstWords } = firstSlotKeys(pattern.trim().split(/\s+/, 1)[0]!, pattern);
        const entry: PendingPattern = { kind: group.kind, group: group.group, pattern, keys, firstWords };
        for (const key of new Set(keys)) {
          const list = this.pending.get(key);
          if (list) list.push(entry);
          else this.pending.set(key, [entry]);
        }
      }
    }
  }

  get(key: string): readonly CompiledCue[] | undefined {
    const done = this.compiled.get(key);
    if (done) return done;
    const waiting = this.pending.get(key);
    if (!waiting) return undefined;
    const list = waiting.map((p) => entryUnder(key, p.keys, (p.compiled ??= compiledCue(p)), p.firstWords)).sort(byWeight);
    this.compiled.set(key, list);
    return list;
  }

  keys(): IterableIterator<string> {
    return this.pending.keys();
  }
}

function compiledCue(p: PendingPattern): CompiledCue {
  const { slots, weight } = compileCue(p.pattern);
  return { kind: p.kind, rule: `${p.group}: ${p.pattern}`, slots, weight };
}

/** The base index plus a user's phrases: under each key, the lexicon's cues and the user's, longest first. */
class IndexWithExtras implements CueIndex {
  private readonly merged = new Map<string, readonly CompiledCue[]>();

  constructor(
    private readonly base: CueIndex,
    private readonly extras: ReadonlyMap<string, readonly CompiledCue[]>,
  ) {}

  get(key: string): readonly CompiledCue[] | undefined {
    const extra = this.extras.get(key);
    if (!extra) return this.base.get(key);
    let list = this.merged.get(key);
    if (!list) {
      // The base list is sorted already; a stable sort keeps its cues before the user's on a tie,
      // as filing them all in that order and sorting once did.
      list = [...(this.base.get(key) ?? []), ...extra].sort(byWeight);
      this.merged.set(key, list);
    }
    return list;
  }

  *keys(): IterableIterator<string> {
    const seen = new Set<string>();
    for (const key of this.base.keys()) {
      seen.add(key);
      yield key;
    }
    for (const key of this.extras.keys()) if (!seen.has(key)) yield key;
  }
}

let baseIndex: LexiconIndex | null = null;

/** The built-in lexicon, filed on first use and then reused for every page; each key compiles when first asked for. */
export function baseCueIndex(): CueIndex {
  baseIndex ??= new LexiconIndex(LEXICON);
  return baseIndex;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The words of a user's extra phrase that count: those with a letter or digit. */
function extraCueWords(phrase: string): string[] {
  return phrase.trim().split(/\s+/).filter((w) => LETTER_OR_DIGIT.test(w));
}

/**
 * A user's extra phrase as a regex source (the reference of compileExtraCue, not used by the detector): its words taken
 * literally (no pattern notation, so a user cannot write a regex or a slow pattern), the last a
 * whole word, any white space between them.
 */
export function extraCuePattern(phrase: string): { source: string; keys: string[] } | null {
  const words = extraCueWords(phrase);
  if (words.length === 0) return null;
  const source = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(APOSTROPHE, "['’]")).join('\\s+') + WORD_END;
  return { source, keys: [indexKey(words[0]!)] };
}

/**
 * A user's phrase as slots: one literal word each (white space must follow every word but the
 * last, so each ends a word as the last one must); null when no word counts.
 */
export function compileExtraCue(phrase: string): CompiledPattern | null {
  const words = extraCueWords(phrase);
  if (words.length === 0) return null;
  let weight = WORD_END.length + '\\s+'.length * (words.length - 1);
  for (const word of words) weight += word.length + escapedExtra(word, false);
  const slots = words.map((word, i): Slot => ({ type: i === 0 ? 'first' : 'word', alternatives: [compileWords(word, false)] }));
  return { slots, keys: [indexKey(words[0]!)], firstWords: [words[0]!], weight };
}

/**
 * Compiled indexes by the content of the user's list (not the array's identity: an options page
 * may edit its list in place). A user has one list at a time; a few entries cover edits.
 */
const extraCache = new Map<string, CueIndex>();
const EXTRA_CACHE_SIZE = 4;

/** The lexicon plus the user's extra cues (compiled once per distinct list). */
export function cueIndexWith(extraCues: readonly ExtraCue[] | undefined): CueIndex {
  if (!extraCues || extraCues.length === 0) return baseCueIndex();
  const cacheKey = JSON.stringify(extraCues.map((c) => [c.kind, c.phrase]));
  const cached = extraCache.get(cacheKey);
  if (cached) return cached;
  const extras = new Map<string, CompiledCue[]>();
  for (const extra of extraCues) {
    // Settings come from storage: skip entries that are not a phrase of a known kind.
    if (typeof extra.phrase !== 'string' || !FLAG_KINDS.includes(extra.kind)) continue;
    const compiled = compileExtraCue(extra.phrase);
    if (!compiled) continue;
    const cue: CompiledCue = { kind: extra.kind, rule: `user: ${extra.phrase.trim()}`, slots: compiled.slots, weight: compiled.weight };
    const list = extras.get(compiled.keys[0]!);
    if (list) list.push(cue);
    else extras.set(compiled.keys[0]!, [cue]);
  }
  for (const list of extras.values()) list.sort(byWeight);
  const index = new IndexWithExtras(baseCueIndex(), extras);
  if (extraCache.size >= EXTRA_CACHE_SIZE) extraCache.delete(extraCache.keys().next().value!);
  extraCache.set(cacheKey, index);
  return index;
}
