import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/tools/random';
import { compileCue, compileExtraCue, compilePattern, cueIndexWith, extraCuePattern, indexKey, slotsOf, type CueIndex } from '../../../src/engine/cues/compile';
import { lexiconHits } from '../../../src/engine/cues/detect';
import { LEXICON } from '../../../src/engine/cues/lexicon';
import { matchSlots, type Slot } from '../../../src/engine/cues/match';
import { isSpace } from '../../../src/engine/text/chars';
import type { CueHit } from '../../../src/engine/cues/rules';
import { wordsOf } from '../../../src/engine/cues/words';
import { blocksOf, splitSentences } from '../../../src/engine/text/sentences';
import { stripInvisible } from '../../../src/engine/text/normalize';
import type { ExtraCue, FlagKind } from '../../../src/engine/types';
import { flagOf } from './helpers';

// The slot matcher against what the patterns meant before it: each pattern's regex source
// (compilePattern, extraCuePattern) compiled as the detector compiled it (sticky, case-insensitive).
// Both must give the same match end from every word start of every sentence: the fixture
// articles' sentences (read here, at test time), the same sentences in upper case and with the
// other apostrophe, sentences built from the patterns themselves with varied separators, and
// edge cases written below.

const FIXTURES = '/work/shared/fixtures/article-text';

interface Cue {
  kind: FlagKind;
  rule: string;
  slots: readonly Slot[];
  re: RegExp;
  keys: readonly string[];
}

const lexiconCues: Cue[] = LEXICON.flatMap((group) =>
  group.patterns.map((pattern) => {
    const { source, keys } = compilePattern(pattern);
    return { kind: group.kind, rule: `${group.group}: ${pattern}`, slots: slotsOf(pattern), re: new RegExp(source, 'iy'), keys };
  }),
);

/** Phrases a user might add, with punctuation, curly quotes, accents and letters outside Latin. */
const USER_PHRASES = [
  'fake news',
  'experts’',
  "experts'",
  'U.S. officials',
  'the so-called',
  'café society',
  'CAFÉ',
  'straße',
  'STRASSE',
  'naïve claim',
  'it’s unclear',
  "rock'n'roll",
  '  spaced \t out  ',
  '(allegedly)',
  'said—',
  'ÿ test',
  'Ÿ test',
  'σοφία λέει',
  'K test',
  'ſecret',
  'İstanbul',
  '42 sources',
  'a+b (c) [d] {e} $f ^g | h \\ i * j ? k .',
  'under_score',
  'either|or choice',
  'x|y_z',
  "'tis the season",
  '’twas said',
  'said ’twas',
  '—',
];
const KINDS: FlagKind[] = ['unverified', 'hedge', 'vague-source', 'omission'];
const EXTRAS: ExtraCue[] = USER_PHRASES.map((phrase, i) => ({ kind: KINDS[i % KINDS.length]!, phrase }));

const userCues: Cue[] = EXTRAS.flatMap((extra) => {
  const compiled = extraCuePattern(extra.phrase);
  if (!compiled) return [];
  const rule = `user: ${extra.phrase.trim()}`;
  return [{ kind: extra.kind, rule, slots: compileExtraCue(extra.phrase)!.slots, re: new RegExp(compiled.source, 'iy'), keys: compiled.keys }];
});

const allCues = [...lexiconCues, ...userCues];

function regexEnd(cue: Cue, text: string, at: number): number {
  cue.re.lastIndex = at;
  const m = cue.re.exec(text);
  return m ? at + m[0].length : -1;
}

interface Mismatch {
  rule: string;
  text: string;
  at: number;
  regex: number;
  slots: number;
}

/** Where the matcher and the regex disagree, trying every cue from each of `starts`. */
function mismatches(cues: readonly Cue[], texts: readonly string[], starts: (text: string) => number[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const text of texts) {
    for (const at of starts(text)) {
      for (const cue of cues) {
        const regex = regexEnd(cue, text, at);
        const slots = matchSlots(cue.slots, text, at);
        if (regex !== slots && out.length < 20) out.push({ rule: cue.rule, text, at, regex, slots });
      }
    }
  }
  return out;
}

const wordStarts = (text: string) => wordsOf(text).map((w) => w.start);
const everyPosition = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => i);

/** Lexicon hits as the detector found them with the regexes: longest source first under a key. */
function regexIndex(cues: readonly Cue[]): Map<string, Cue[]> {
  const index = new Map<string, Cue[]>();
  for (const cue of cues) {
    for (const key of new Set(cue.keys)) {
      const list = index.get(key);
      if (list) list.push(cue);
      else index.set(key, [cue]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.re.source.length - a.re.source.length);
  return index;
}

function regexHits(text: string, index: Map<string, Cue[]>): CueHit[] {
  const hits: CueHit[] = [];
  for (const word of wordsOf(text)) {
    for (const cue of index.get(word.key) ?? []) {
      const end = regexEnd(cue, text, word.start);
      if (end < 0) continue;
      hits.push({ kind: cue.kind, start: word.start, end, rule: cue.rule });
      break;
    }
  }
  return hits;
}

function hitMismatches(texts: readonly string[], reference: Map<string, Cue[]>, index: CueIndex): { text: string; regex: CueHit[]; slots: CueHit[] }[] {
  const out = [];
  for (const text of texts) {
    const regex = regexHits(text, reference);
    const slots = lexiconHits(text, wordsOf(text), index);
    if (JSON.stringify(regex) !== JSON.stringify(slots) && out.length < 10) out.push({ text, regex, slots });
  }
  return out;
}

function fixtureSentences(): string[] {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
  expect(files.length).toBeGreaterThan(10);
  return files.flatMap((file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    return splitSentences(text, blocksOf(text)).map((s) => s.text);
  });
}

/** The same sentences read differently: upper case, and each apostrophe swapped for the other. */
function variants(sentences: readonly string[]): string[] {
  return sentences.flatMap((s) => {
    const swapped = s.replace(/['’]/g, (a) => (a === "'" ? '’' : "'"));
    return swapped === s ? [s.toUpperCase()] : [s.toUpperCase(), swapped];
  });
}

// ---------------------------------------------------------------- sentences built from patterns


const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\ufeff', ', ', ' — ', '—', '-', "'", '’', '\u200b', '', ' "', '" ', ' (', ') '];
const FILLERS = ['the', 'a', 'police', 'reporter’s', 'x-ray', 'U.S.', '—', '...', '2024', 'Smith', 'it', 'to', 'up', 'Ÿ', 'café', 'is'];
const ENDINGS = ['', '.', "'", '’', '-', 's', 'Ÿ', 'ÿ', '×', '\u200b', ',', '’s', 'ly'];

/** Sentences that follow `pattern`: an alternative per slot, optional slots in or out, gaps of 0-5 chunks, guard words sometimes present. */
function sentencesOf(pattern: string, count: number, next: () => number): string[] {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const cased = (word: string) => (next() < 0.15 ? word.toUpperCase() : next() < 0.15 ? word[0]!.toUpperCase() + word.slice(1) : word);
  const separator = () => (next() < 0.8 ? ' ' : pick(SEPARATORS));
  const words = (alternative: string) => alternative.split('_').map(cased).join(next() < 0.85 ? ' ' : pick(SEPARATORS));
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const parts: string[] = next() < 0.5 ? [pick(FILLERS)] : [];
    for (const slot of pattern.trim().split(/\s+/)) {
      if (slot === '…') {
        const chunks = Math.floor(next() * 6);
        for (let c = 0; c < chunks; c++) parts.push(pick(FILLERS));
      } else if (slot.startsWith('!')) {
        if (next() < 0.5) parts.push(words(pick(slot.slice(1).split('|'))));
      } else if (slot.endsWith('?')) {
        if (next() < 0.5) parts.push(words(pick(slot.slice(0, -1).split('|'))));
      } else {
        parts.push(words(pick(slot.split('|'))));
      }
    }
    if (next() < 0.5) parts.push(pick(FILLERS));
    let text = parts[0] ?? '';
    for (const part of parts.slice(1)) text += separator() + part;
    out.push(text + pick(ENDINGS) + (next() < 0.5 ? ' ' + pick(FILLERS) : ''));
  }
  return out;
}

const next = seededRandom(20251125);
const builtSentences = [...LEXICON.flatMap((g) => g.patterns.flatMap((p) => sentencesOf(p, 12, next))), ...USER_PHRASES.flatMap((p) => sentencesOf(p.replace(/[|?…!]/g, ''), 4, next))];

// ---------------------------------------------------------------- edge cases written for the test

const EDGES = [
  'Officials did not, verify the claim.',
  'Officials did not verify, the claim; they did not comment.',
  'The report hasn’t yet been verified, and HASN\'T BEEN INDEPENDENTLY CONFIRMED.',
  'The toll has not  been\tindependently\nverified.',
  'The toll has not been independently-verified.',
  'She did not respond to request. She did not respond to a request.',
  'He did not respond to a b request; he did not respond to a b c request.',
  'He did not respond to a b c d request, nor did not respond to a b c d e request.',
  'He did not respond to — a request, or to a reporter’s request, or to treatment.',
  'He did not respond to a request for comment, messages, or calls.',
  'He did not reply to…request',
  'It was supposed to go; a supposed cure; supposed-to; supposed to-day; supposed To.',
  'The study was not peer-reviewed; it was not yet peer reviewed; not yet been peer‑reviewed; peer-reviewed-ish.',
  'He allegedly\' did; allegedly- did; allegedlyŸ; allegedlyÿ; allegedly×; allegedly’s; ALLEGEDLY.',
  'Officials did\u00a0not\ncomment; did\u200bnot comment; did not\ufeffcomment; did not\u2028comment.',
  'It is unclear whether; it\'s unclear; it’s also unclear; IT\'S NOT IMMEDIATELY CLEAR; it is still not clear.',
  'According to local media outlet; according to local media reports; according to state media.',
  'Many say in; some have some say in it; others fear; critics say.',
  'Without giving up; without giving evidence; without giving details.',
  'He declined to be named. Declined To Be Identified. He declined to comment.',
  'Attempts to reach the company were unsuccessful. Efforts to reach Smith, his lawyer and his wife were unsuccessful.',
  'Attempts to reach him have been unsuccessful; efforts to reach were unsuccessful.',
  'No response to the request; no reply to … emails.',
  'Terms of the deal were not disclosed; the price of the rare stamp was not disclosed.',
  'Neither claim could be independently verified; neither the army nor the rebels’ account can be confirmed.',
  'Sources close to the family said; sources close_to; insiders briefed on the talks.',
  'The is was are were be being been said to.',
  'is is is is said to.',
  'Details were scarce; details are sketchy.',
  'did not immediately respond to Reuters’ emailed request for comment.',
  'did not immediately respond to requests',
  'Has not been able to independently verify; not able to verify; not able to',
  'didn\'t didn’t didn`t didnt did n’t did not',
  '',
  ' ',
  'not',
  'it is',
  'did not respond to',
  'did not respond to a',
  'respond to a\u3000request',
  'u.s. officials said; U.S.  Officials; u.s.officials',
  'experts’ say; experts\' view; experts’s; experts’-',
  'CAFÉ SOCIETY; Café\u00a0society; cafÉ; café-society',
  'STRASSE straße STRAẞE strasse',
  'ÿ test; Ÿ test; ÿ TEST; Ÿ-test',
  'σοφία λέει; ΣΟΦΊΑ ΛΈΕΙ; σοφια λεει',
  'K test; k test; K TEST',
  'ſecret; secret; SECRET',
  'İstanbul; istanbul; ISTANBUL',
  'a+b (c) [d] {e} $f ^g | h \\ i * j ? k . and more',
  'rock\'n\'roll; rock’n’roll; ROCK\'N\'ROLL',
  'under_score; under score',
  'either|or choice; EITHER|OR  CHOICE; either or choice; x|y_z; x|y z',
  "'tis the season; ’TIS THE SEASON; tis the season; said 'twas; said ’twas; ’twas said; 'Twas said",
  'said— said —',
  'The mayor alle\u200Bgedly took bribes; it was not\u2066 immediately\u2069 clear.',
  'declined\u00ad to comment; has\u200b not been verified',
];

describe('the slot matcher', () => {
  it('reads white space as a regex reads \\s, for every code unit', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) wrong.push(code);
    expect(wrong).toEqual([]);
  });

  it('ends a word, and folds case, as the regexes did, for every code unit after and inside a word', () => {
    const cues = ['a', 'z', 'k', 's', 'i', "don't", 'peer-reviewed'].map((p) => {
      const { source, keys } = compilePattern(p);
      return { kind: 'hedge' as const, rule: p, slots: slotsOf(p), re: new RegExp(source, 'iy'), keys };
    });
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const texts = [`a${c}`, `z${c}`, c, `don${c}t`, `peer${c}reviewed`];
      for (const found of mismatches(cues, texts, () => [0])) wrong.push(`${code.toString(16)} ${found.rule}`);
    }
    expect(wrong).toEqual([]);
  });

  it('folds case in a user’s phrase as the regexes did, for every code unit against letters in and out of Latin', () => {
    const letters = ['é', 'É', 'ÿ', 'Ÿ', 'ß', 'ẞ', 'ſ', 'K', 'µ', 'μ', 'İ', 'ı', 'Σ', 'σ', 'ς', 'ǅ', 'ж', 'Ж', 'ﬀ', '’', '-', '.', '1'];
    const cues = letters.map((l) => {
      const { source, keys } = extraCuePattern(`x${l}`)!;
      return { kind: 'hedge' as const, rule: l, slots: compileExtraCue(`x${l}`)!.slots, re: new RegExp(source, 'iy'), keys };
    });
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      for (const found of mismatches(cues, [`x${String.fromCharCode(code)}`], () => [0])) wrong.push(`${code.toString(16)} ${found.rule}`);
    }
    expect(wrong).toEqual([]);
  });

  it('matches every pattern and user phrase where its regex did, from every word of the fixture articles', () => {
    const sentences = fixtureSentences();
    expect(sentences.length).toBeGreaterThan(500);
    expect(mismatches(allCues, sentences, wordStarts)).toEqual([]);
    expect(mismatches(allCues, variants(sentences), wordStarts)).toEqual([]);
  });

  it('matches every pattern where its regex did in sentences built from the patterns and in edge cases, from every position', () => {
    const texts = [...EDGES, ...EDGES.map((e) => stripInvisible(e).text), ...builtSentences];
    expect(mismatches(allCues, texts, wordStarts)).toEqual([]);
    expect(mismatches(allCues, [...EDGES, ...variants(EDGES)], everyPosition)).toEqual([]);
    // Each built sentence against its own pattern, from every position: these are the ones that match.
    let matched = 0;
    for (const text of builtSentences) {
      for (const cue of allCues) if (matchSlots(cue.slots, text, 0) >= 0 || wordStarts(text).some((at) => matchSlots(cue.slots, text, at) >= 0)) matched++;
    }
    expect(matched).toBeGreaterThan(builtSentences.length / 2);
  });

  it('keeps the regex’s order in notation the lexicon does not use today: optional last, overlapping alternatives, guards between slots', () => {
    const patterns = [
      'said again?',
      'said again? again|again_and_again',
      'a|a_b c?',
      'a_b|a b? c?',
      'no !more more? !less',
      'x y? … y|z',
      'x y|y_y? … y',
      "it's !not|not_yet clear? !clear",
    ];
    const cues = patterns.map((p) => {
      const { source, keys } = compilePattern(p);
      return { kind: 'hedge' as const, rule: p, slots: slotsOf(p), re: new RegExp(source, 'iy'), keys };
    });
    const built = patterns.flatMap((p) => sentencesOf(p, 40, next));
    const texts = [...built, 'said again again', 'said again', 'said, again', 'a b c', 'a b', 'a c', 'no more more less', 'no more', 'no less', 'x y y y', 'x y z', 'x a b c d e y', 'it’s not yet clear clear'];
    expect(mismatches(cues, [...texts, ...variants(texts)], everyPosition)).toEqual([]);
  });

  it('gives the detector the same hits (start, end, kind, rule) as the regexes, with and without a user’s phrases', () => {
    const texts = [...fixtureSentences(), ...EDGES.map((e) => stripInvisible(e).text), ...builtSentences];
    expect(hitMismatches(texts, regexIndex(lexiconCues), cueIndexWith(undefined))).toEqual([]);
    expect(hitMismatches(texts, regexIndex(allCues), cueIndexWith(EXTRAS))).toEqual([]);
    expect(hitMismatches(variants(texts), regexIndex(allCues), cueIndexWith(EXTRAS))).toEqual([]);
  });

  it('orders the patterns under each key as the detector did: longest regex first', () => {
    const reference = regexIndex(allCues);
    const index = cueIndexWith(EXTRAS);
    expect([...index.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, list] of reference) expect(index.get(key)!.map((c) => c.rule), key).toEqual(list.map((c) => c.rule));
  });

  it('finds cues across invisible characters and shows them as the article wrote them', () => {
    const text = 'The claim has\u200b not\u2066 been\u2069 independently verified. The mayor de\u00adclined to comment.';
    expect(flagOf(text, 'unverified').cue).toBe('has\u200b not\u2066 been\u2069 independently verified');
    expect(flagOf(text, 'omission').cue).toBe('de\u00adclined to comment');
  });

  it('keys and orders every pattern and user phrase as the regex source did (its length is the order)', () => {
    const synthetic = ['a|b c? !d … e', 'a.b|c+d (x) [y]', "it's a_b_c ok", 'don’t|can\'t stop', 'x … y … z'];
    for (const pattern of [...LEXICON.flatMap((g) => g.patterns), ...synthetic]) {
      const { source, keys } = compilePattern(pattern);
      const compiled = compileCue(pattern);
      expect([compiled.weight, compiled.keys], pattern).toEqual([source.length, keys]);
    }
    for (const phrase of USER_PHRASES) {
      const reference = extraCuePattern(phrase);
      const compiled = compileExtraCue(phrase);
      expect(compiled && [compiled.weight, compiled.keys], phrase).toEqual(reference && [reference.source.length, reference.keys]);
    }
    expect(compileExtraCue(' — … ')).toBeNull();
    expect(extraCuePattern(' — … ')).toBeNull();
  });

  it('keys a pattern by its first words as the index looks words up', () => {
    for (const cue of lexiconCues) for (const key of cue.keys) expect(indexKey(key)).toBe(key);
  });

  it('refuses patterns it could not match as their regex would', () => {
    expect(() => slotsOf('… said')).toThrow();
    expect(() => slotsOf('reportedly? said')).toThrow();
    expect(() => slotsOf('said …')).toThrow();
    expect(() => slotsOf('said … !to')).toThrow();
    expect(() => slotsOf('x … … y')).toThrow();
    expect(() => slotsOf('said a||b')).toThrow();
    expect(() => slotsOf('did_ not')).toThrow();
  });
});
