import { FLAG_KINDS, type ExtraCue, type FlagKind } from '../types';
import { LEXICON } from './lexicon';

// Compiles the lexicon's phrase patterns (notation in lexicon.ts) into sticky regexes keyed by
// their possible first words. The detector tokenizes a sentence once and, for each word, tries
// only the few entries that can start with it: the cost is one Map lookup per word plus a short
// anchored match on the rare hits, instead of hundreds of regex scans per sentence. Every
// compiled regex is a sequence of literal alternatives with bounded gaps, so it cannot
// backtrack catastrophically.

export interface CompiledCue {
  kind: FlagKind;
  /** Shown in Flag.rule: "<group>: <pattern>". */
  rule: string;
  /** Sticky, case-insensitive: set lastIndex to a word start, then exec. */
  re: RegExp;
}

/** Lower-case first words → the cues that may start there. */
export type CueIndex = ReadonlyMap<string, readonly CompiledCue[]>;

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

/** Regex source of one pattern, and the index keys of its first slot. */
export function compilePattern(pattern: string): { source: string; keys: string[] } {
  const slots = pattern.trim().split(/\s+/);
  const first = slots[0]!;
  if (first === '…' || first.startsWith('!') || first.endsWith('?')) {
    throw new Error(`Cue pattern must start with a literal word: "${pattern}"`);
  }
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

function addToIndex(index: Map<string, CompiledCue[]>, keys: readonly string[], cue: CompiledCue): void {
  for (const key of new Set(keys)) {
    const list = index.get(key);
    if (list) list.push(cue);
    else index.set(key, [cue]);
  }
}

/** Longer patterns first under each key, so "did not say" wins over a shorter overlap. */
function sortIndex(index: Map<string, CompiledCue[]>): void {
  for (const list of index.values()) list.sort((a, b) => b.re.source.length - a.re.source.length);
}

function buildBaseIndex(): Map<string, CompiledCue[]> {
  const index = new Map<string, CompiledCue[]>();
  for (const group of LEXICON) {
    for (const pattern of group.patterns) {
      const { source, keys } = compilePattern(pattern);
      addToIndex(index, keys, { kind: group.kind, rule: `${group.group}: ${pattern}`, re: new RegExp(source, 'iy') });
    }
  }
  sortIndex(index);
  return index;
}

let baseIndex: Map<string, CompiledCue[]> | null = null;

/** The built-in lexicon, compiled on first use and then reused for every page. */
export function baseCueIndex(): CueIndex {
  baseIndex ??= buildBaseIndex();
  return baseIndex;
}

/**
 * A user's extra phrase as a pattern: its words taken literally (no pattern notation, so a
 * user cannot write a regex or a slow pattern), whole words, any white space between them.
 */
function extraCuePattern(phrase: string): { source: string; keys: string[] } | null {
  const words = phrase.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  const source = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(APOSTROPHE, "['’]")).join('\\s+') + WORD_END;
  return { source, keys: [indexKey(words[0]!)] };
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
  const index = new Map<string, CompiledCue[]>();
  for (const [key, list] of baseCueIndex()) index.set(key, [...list]);
  for (const extra of extraCues) {
    // Settings come from storage: skip entries that are not a phrase of a known kind.
    if (typeof extra.phrase !== 'string' || !FLAG_KINDS.includes(extra.kind)) continue;
    const compiled = extraCuePattern(extra.phrase);
    if (!compiled) continue;
    addToIndex(index, compiled.keys, { kind: extra.kind, rule: `user: ${extra.phrase.trim()}`, re: new RegExp(compiled.source, 'iy') });
  }
  sortIndex(index);
  if (extraCache.size >= EXTRA_CACHE_SIZE) extraCache.delete(extraCache.keys().next().value!);
  extraCache.set(cacheKey, index);
  return index;
}
