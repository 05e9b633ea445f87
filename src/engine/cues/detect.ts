import type { AnalyzeOptions, Flag, FlagKind, Sentence } from '../types';
import { attributionOf, isPronoun, resolvePronoun, subjectBefore } from '../attribution';
import { cueIndexWith, type CueIndex } from './compile';
import { matchSlots } from './match';
import { CUE_RULES, type CueHit } from './rules';
import { wordsOf, type Word } from './words';
import { referredClaimIndex } from './pointing-back';
import { isInvisible, stripInvisible } from '../text/normalize';
import { runToEnd, type Steps } from '../run-steps';

// The cue detector: for every sentence, the lexicon's phrases (through the first-word index)
// and the context rules propose cues; one flag is kept per (sentence, kind), the earliest cue
// in the sentence, so a reader sees each doubt once where it starts.

/** Lexicon hits in one sentence: only entries whose first word occurs are tried. */
export function lexiconHits(sentence: string, words: readonly Word[], index: CueIndex): CueHit[] {
  const hits: CueHit[] = [];
  for (const word of words) {
    const candidates = index.get(word.key);
    if (!candidates) continue;
    for (const cue of candidates) {
      const end = matchSlots(cue.slots, sentence, word.start);
      if (end < 0) continue;
      hits.push({ kind: cue.kind, start: word.start, end, rule: cue.rule });
      break; // longest pattern first: one hit per starting word
    }
  }
  return hits;
}

const OPEN_QUOTES = new Set(['“', '‘', '"']);
const CLOSE_QUOTES = new Set(['”', '’', '"']);

/** A cue word in quotes (“allegedly”) is shown with its quotes: they are part of the distance. */
function withQuotes(sentence: string, start: number, end: number): [number, number] {
  if (start > 0 && OPEN_QUOTES.has(sentence[start - 1]!) && CLOSE_QUOTES.has(sentence[end] ?? '')) return [start - 1, end + 1];
  return [start, end];
}

/**
 * Cue hits of one sentence. A page can hide zero-width or bidi characters inside a word
 * ("alle\u200Bgedly") to dodge a filter; such a sentence is matched without them and the hits
 * are mapped back, so offsets (and the cue shown) stay those of the article text.
 */
function hitsOf(sentence: string, index: CueIndex): CueHit[] {
  let hasInvisible = false;
  for (let i = 0; i < sentence.length && !hasInvisible; i++) {
    const code = sentence.charCodeAt(i);
    if ((code === 0xad || code >= 0x180e) && isInvisible(sentence[i]!)) hasInvisible = true;
  }
  const view = hasInvisible ? stripInvisible(sentence) : null;
  const text = view ? view.text : sentence;
  const words = wordsOf(text);
  const hits = lexiconHits(text, words, index);
  for (const rule of CUE_RULES) hits.push(...rule(text, words));
  if (!view) return hits;
  const map = view.toOriginal;
  return hits.map((hit) => ({ ...hit, start: map[hit.start]!, end: map[hit.end - 1]! + 1 }));
}

function earliestPerKind(hits: readonly CueHit[], kinds: ReadonlySet<FlagKind>): CueHit[] {
  const best = new Map<FlagKind, CueHit>();
  for (const hit of hits) {
    if (!kinds.has(hit.kind)) continue;
    const current = best.get(hit.kind);
    if (!current || hit.start < current.start || (hit.start === current.start && hit.end > current.end)) best.set(hit.kind, hit);
  }
  return [...best.values()];
}

interface FlagContext {
  sentences: readonly Sentence[];
  index: number;
  /** Who the last omission flag named, for "There was also no mention of..." right after it. */
  lastOmission: { index: number; who: string } | null;
}

/** Who makes the claim or the omission a hit is about. */
function attributionFor(hit: CueHit, sentence: Sentence, ctx: FlagContext, claimIndex: number): string | null {
  const { sentences, index } = ctx;
  let who: string | null | undefined = hit.attributedTo;
  if (hit.kind === 'omission' && who === undefined && !hit.rule.startsWith('unclear')) {
    // The one who left something out: the subject of "did not mention", "declined to comment"
    // (even when the cue points back, the omission is theirs, not the earlier speaker's).
    who = subjectBefore(sentence.text, hit.start);
    if (who === null && ctx.lastOmission && index - ctx.lastOmission.index <= 2) who = ctx.lastOmission.who;
  } else if (claimIndex !== index) {
    // "This information has not been verified": unverified is what the earlier speaker said.
    return attributionOf(sentences, claimIndex);
  } else if (hit.kind === 'vague-source' && who === undefined) {
    // The unnamed source is the attribution only when the sentence's attribution is the cue itself
    // ("according to local news reports"); "it is alleged" names nobody.
    const found = attributionOf(sentences, index);
    const at = found === null ? -1 : sentence.text.indexOf(found);
    return at >= 0 && at < hit.end + 2 && at + found!.length > hit.start - 2 ? found : null;
  }
  // "he" alone tells the reader nothing: name him from the sentences before, or say nobody.
  if (who && isPronoun(who)) who = resolvePronoun(sentences, index);
  if (who === undefined || who === null) who = attributionOf(sentences, index);
  return who;
}

/** Characters of sentence text findFlagsSteps reads between two yields (sentences are capped at MAX_SENTENCE_CHARS). */
const FLAG_CHARS_PER_STEP = 1000;

/**
 * Flags of the four kinds in `sentences` (offsets into `text`), one per (sentence, kind),
 * ordered by position. `options.kinds` keeps only some kinds; `options.extraCues` adds the
 * user's phrases to the lexicon.
 */
export function findFlags(text: string, sentences: readonly Sentence[], options: AnalyzeOptions): Flag[] {
  return runToEnd(findFlagsSteps(text, sentences, options));
}

/** findFlags as resumable steps: yields after every few thousand characters of sentences. */
export function* findFlagsSteps(text: string, sentences: readonly Sentence[], options: AnalyzeOptions): Steps<Flag[]> {
  const kinds = new Set<FlagKind>(options.kinds ?? ['unverified', 'hedge', 'vague-source', 'omission']);
  if (kinds.size === 0) return [];
  const index = cueIndexWith(options.extraCues);
  const flags: Flag[] = [];
  const usedIds = new Set<string>();
  const ctx: FlagContext = { sentences, index: 0, lastOmission: null };
  let chars = 0;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (chars >= FLAG_CHARS_PER_STEP) {
      yield;
      chars = 0;
    }
    chars += sentence.text.length + 1;
    ctx.index = i;
    const hits = hitsOf(sentence.text, index);
    const own: Flag[] = [];
    for (const hit of earliestPerKind(hits, kinds)) {
      const [start, end] = withQuotes(sentence.text, hit.start, hit.end);
      const claimIndex = referredClaimIndex(sentences, i, hit.kind, start, end);
      const claim = sentences[claimIndex]!.text;
      const attributedTo = attributionFor(hit, sentence, ctx, claimIndex);
      if (hit.kind === 'omission' && attributedTo) ctx.lastOmission = { index: i, who: attributedTo };
      const absStart = sentence.start + start;
      let id = `f-${absStart}`;
      if (usedIds.has(id)) id = `f-${absStart}-${hit.kind}`;
      usedIds.add(id);
      own.push({
        id,
        kind: hit.kind,
        cue: text.slice(absStart, sentence.start + end),
        start: absStart,
        end: sentence.start + end,
        sentence: sentence.text,
        sentenceStart: sentence.start,
        claim,
        attributedTo,
        rule: hit.rule,
      });
    }
    // Sentences come in order and a flag lies inside its sentence: sorting each sentence's
    // flags orders them all (by position, then kind), without one sort of the whole list.
    own.sort(byPosition);
    for (const flag of own) flags.push(flag);
  }
  return flags;
}

// Kinds are ASCII words: compared by code unit, not localeCompare, whose first call in a page
// builds a collator from locale data (20-60 ms measured in Chromium's content script).
function byPosition(a: Flag, b: Flag): number {
  return a.start - b.start || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}
