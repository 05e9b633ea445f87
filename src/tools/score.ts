// Scoring of one page's scan report against its gold file (see /work/shared/ANNOTATION.md).
// Pure: no I/O, so the rules of the eval are unit-tested on small hand-made cases.
//
// The unit of truth for flags is the sentence (ANNOTATION.md): a gold flag is found when
// the engine flags its sentence; "any-flag" ignores the kind, the per-kind scores require
// it. Precision counts distinct flagged sentences (per kind: distinct sentence+kind), so two
// cues in one sentence are one hit, not two. Gold flags marked borderline count neither for
// nor against: they are not in recall, and an engine flag on their sentence is not a false
// positive.

import { FLAG_KINDS, type Conflict, type Figure, type Flag, type FlagKind } from '../engine/types';
import { normalizeText, phraseSimilarity, sameSentence } from './text-match';

export interface GoldFlag {
  kind: FlagKind;
  cue: string;
  sentence: string;
  claim?: string;
  attributedTo?: string | null;
  borderline?: boolean;
}

export interface GoldFigure {
  text: string;
  sentence: string;
  low: number | null;
  high: number | null;
  what: string;
  attributedTo?: string | null;
}

/** A pair of figures named by their text on the page. */
export interface GoldPair {
  a: string;
  b: string;
  why?: string;
}

export interface GoldPage {
  page: string;
  title?: string;
  flags: GoldFlag[];
  figures: GoldFigure[];
  conflicts: GoldPair[];
  not_conflicts?: GoldPair[];
}

/** Counts behind a precision/recall pair; kept as counts so pages can be summed. */
export interface Tally {
  /** Gold items that count (borderline excluded). */
  gold: number;
  /** Gold items the engine found. */
  found: number;
  /** Engine items that count (those on borderline sentences excluded). */
  predicted: number;
  /** Engine items that match a gold item. */
  correct: number;
}

export interface Rates {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export const emptyTally = (): Tally => ({ gold: 0, found: 0, predicted: 0, correct: 0 });

export function addTally(into: Tally, add: Tally): Tally {
  into.gold += add.gold;
  into.found += add.found;
  into.predicted += add.predicted;
  into.correct += add.correct;
  return into;
}

/**
 * Precision, recall and F1 of a tally; null where undefined (no prediction / no gold),
 * so a report can show "n/a" rather than a made-up 0 or 1.
 */
export function ratesOf(t: Tally): Rates {
  const precision = t.predicted > 0 ? t.correct / t.predicted : null;
  const recall = t.gold > 0 ? t.found / t.gold : null;
  let f1: number | null = null;
  if (precision !== null && recall !== null) f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  else if (t.gold > 0 && t.predicted === 0) f1 = 0; // found nothing of something: a real 0
  return { precision, recall, f1 };
}

// ---------------------------------------------------------------- flags

export interface FlagMiss {
  kind: FlagKind;
  cue: string;
  sentence: string;
  /** Kinds the engine did give this sentence (the sentence was found, the kind was wrong). */
  engineKinds: FlagKind[];
}

export interface FalseFlag {
  kind: FlagKind;
  cue: string;
  sentence: string;
  rule: string;
  /** Non-borderline gold kinds of this sentence, if the sentence is flagged in gold at all. */
  goldKinds: FlagKind[];
}

export interface FlagScore {
  anyFlag: Tally;
  byKind: Record<FlagKind, Tally>;
  misses: FlagMiss[];
  falseFlags: FalseFlag[];
}

type EngineFlag = Pick<Flag, 'kind' | 'cue' | 'sentence'> & Partial<Pick<Flag, 'rule'>>;

/** One distinct sentence of the gold file with the kinds it carries. */
interface GoldSentence {
  sentence: string;
  kinds: Set<FlagKind>;
  borderlineKinds: Set<FlagKind>;
}

function goldSentences(flags: readonly GoldFlag[]): GoldSentence[] {
  const byText = new Map<string, GoldSentence>();
  for (const f of flags) {
    const key = normalizeText(f.sentence);
    let entry = byText.get(key);
    if (!entry) {
      entry = { sentence: f.sentence, kinds: new Set(), borderlineKinds: new Set() };
      byText.set(key, entry);
    }
    (f.borderline ? entry.borderlineKinds : entry.kinds).add(f.kind);
  }
  return [...byText.values()];
}

/** Distinct engine sentences, each with the flags the engine put on it. */
function engineSentences(flags: readonly EngineFlag[]): { sentence: string; flags: EngineFlag[] }[] {
  const byText = new Map<string, { sentence: string; flags: EngineFlag[] }>();
  for (const f of flags) {
    const key = normalizeText(f.sentence);
    const entry = byText.get(key);
    if (entry) entry.flags.push(f);
    else byText.set(key, { sentence: f.sentence, flags: [f] });
  }
  return [...byText.values()];
}

export function scoreFlags(gold: readonly GoldFlag[], engine: readonly EngineFlag[]): FlagScore {
  const golds = goldSentences(gold);
  const engines = engineSentences(engine);
  // Which gold sentences each engine sentence is (usually zero or one).
  const matches = engines.map((e) => golds.filter((g) => sameSentence(e.sentence, g.sentence)));

  const anyFlag = emptyTally();
  const byKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, emptyTally()])) as Record<FlagKind, Tally>;
  const falseFlags: FalseFlag[] = [];

  // Precision side: each engine sentence (any-flag) and each engine sentence+kind (per kind).
  engines.forEach((e, i) => {
    const gs = matches[i]!;
    const goldKinds = new Set(gs.flatMap((g) => [...g.kinds]));
    const onBorderline = gs.some((g) => g.borderlineKinds.size > 0);
    if (goldKinds.size > 0) {
      anyFlag.predicted++;
      anyFlag.correct++;
    } else if (!onBorderline) anyFlag.predicted++;

    const kinds = new Set(e.flags.map((f) => f.kind));
    for (const kind of kinds) {
      const tally = byKind[kind];
      if (goldKinds.has(kind)) {
        tally.predicted++;
        tally.correct++;
      } else if (!onBorderline) {
        tally.predicted++;
        for (const f of e.flags.filter((x) => x.kind === kind)) {
          falseFlags.push({ kind, cue: f.cue, sentence: f.sentence, rule: f.rule ?? '', goldKinds: [...goldKinds] });
        }
      }
    }
  });

  // Recall side: each gold sentence (any-flag) and each gold sentence+kind (per kind).
  const misses: FlagMiss[] = [];
  for (const g of golds) {
    if (g.kinds.size === 0) continue; // borderline only
    const found = engines.filter((e, i) => matches[i]!.includes(g));
    const engineKinds = new Set(found.flatMap((e) => e.flags.map((f) => f.kind)));
    anyFlag.gold++;
    if (found.length > 0) anyFlag.found++;
    for (const kind of g.kinds) {
      byKind[kind].gold++;
      if (engineKinds.has(kind)) byKind[kind].found++;
      else {
        for (const f of gold.filter((x) => !x.borderline && x.kind === kind && normalizeText(x.sentence) === normalizeText(g.sentence))) {
          misses.push({ kind, cue: f.cue, sentence: f.sentence, engineKinds: [...engineKinds] });
        }
      }
    }
  }
  return { anyFlag, byKind, misses, falseFlags };
}

// ---------------------------------------------------------------- figures

/** True when [aLow, aHigh] and [bLow, bHigh] share a value; null bounds are unbounded. */
export function intervalsOverlap(aLow: number | null, aHigh: number | null, bLow: number | null, bHigh: number | null): boolean {
  const low = Math.max(aLow ?? -Infinity, bLow ?? -Infinity);
  const high = Math.min(aHigh ?? Infinity, bHigh ?? Infinity);
  return low <= high + tolerance(low, high);
}

function tolerance(a: number, b: number): number {
  const scale = Math.max(Math.abs(Number.isFinite(a) ? a : 0), Math.abs(Number.isFinite(b) ? b : 0), 1);
  return scale * 1e-9;
}

function sameBound(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance(a, b);
}

type EngineFigure = Pick<Figure, 'id' | 'text' | 'low' | 'high' | 'sentence'>;

export interface FigureScore {
  tally: Tally;
  /** Matched pairs whose bounds are the same. */
  intervalExact: number;
  /** Gold index -> engine figure id. */
  matchedIds: Map<number, string>;
  misses: GoldFigure[];
  /** Matched figures whose interval differs from gold (engine text and bounds vs gold). */
  inexact: { gold: GoldFigure; engine: EngineFigure }[];
  extras: EngineFigure[];
}

/**
 * One-to-one matching of gold and engine figures: same sentence and overlapping interval;
 * among several candidates the pairs whose phrases are most alike are taken first.
 */
export function scoreFigures(gold: readonly GoldFigure[], engine: readonly EngineFigure[]): FigureScore {
  const candidates: { g: number; e: number; similarity: number }[] = [];
  gold.forEach((gf, g) => {
    engine.forEach((ef, e) => {
      if (!intervalsOverlap(gf.low, gf.high, ef.low, ef.high)) return;
      if (!sameSentence(gf.sentence, ef.sentence)) return;
      candidates.push({ g, e, similarity: phraseSimilarity(gf.text, ef.text) });
    });
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.g - y.g || x.e - y.e);
  const goldTaken = new Map<number, number>();
  const engineTaken = new Set<number>();
  for (const c of candidates) {
    if (goldTaken.has(c.g) || engineTaken.has(c.e)) continue;
    goldTaken.set(c.g, c.e);
    engineTaken.add(c.e);
  }
  let intervalExact = 0;
  const inexact: FigureScore['inexact'] = [];
  const matchedIds = new Map<number, string>();
  for (const [g, e] of goldTaken) {
    const gf = gold[g]!;
    const ef = engine[e]!;
    matchedIds.set(g, ef.id);
    if (sameBound(gf.low, ef.low) && sameBound(gf.high, ef.high)) intervalExact++;
    else inexact.push({ gold: gf, engine: ef });
  }
  return {
    tally: { gold: gold.length, found: goldTaken.size, predicted: engine.length, correct: engineTaken.size },
    intervalExact,
    matchedIds,
    misses: gold.filter((_, g) => !goldTaken.has(g)),
    inexact,
    extras: engine.filter((_, e) => !engineTaken.has(e)),
  };
}

// ---------------------------------------------------------------- conflicts

export interface ConflictScore {
  tally: Tally;
  /** Engine conflicts that the gold file lists as NOT a conflict (a subset of the false ones). */
  notConflictHits: number;
  misses: GoldPair[];
  /** Engine conflicts matching no gold conflict, as the two figure texts. */
  extras: { a: string; b: string; reason: string }[];
}

// A gold conflict names a figure by its phrase; an engine phrase this alike is that figure.
const SAME_PHRASE = 0.8;

/** Engine figure ids that a gold figure phrase names: via the figure matching, else by phrase. */
function idsForPhrase(
  phrase: string,
  gold: readonly GoldFigure[],
  figures: FigureScore,
  engine: readonly EngineFigure[],
): Set<string> {
  const ids = new Set<string>();
  gold.forEach((gf, g) => {
    if (normalizeText(gf.text) !== normalizeText(phrase)) return;
    const id = figures.matchedIds.get(g);
    if (id) ids.add(id);
  });
  for (const ef of engine) if (phraseSimilarity(phrase, ef.text) >= SAME_PHRASE) ids.add(ef.id);
  return ids;
}

function pairMatches(conflict: Conflict, a: Set<string>, b: Set<string>): boolean {
  const [x, y] = conflict.figures;
  return (a.has(x) && b.has(y)) || (a.has(y) && b.has(x));
}

export function scoreConflicts(
  gold: GoldPage,
  engineFigures: readonly EngineFigure[],
  engineConflicts: readonly Conflict[],
  figures: FigureScore,
): ConflictScore {
  const pageIds = new Set(engineFigures.map((f) => f.id));
  // In-page scoring: conflicts with a figure kept from another page are the cross-page eval's.
  const inPage = engineConflicts.filter((c) => pageIds.has(c.figures[0]) && pageIds.has(c.figures[1]));
  const resolve = (p: GoldPair) => ({ a: idsForPhrase(p.a, gold.figures, figures, engineFigures), b: idsForPhrase(p.b, gold.figures, figures, engineFigures) });
  const goldPairs = gold.conflicts.map(resolve);
  const notPairs = (gold.not_conflicts ?? []).map(resolve);

  const misses = gold.conflicts.filter((_, i) => !inPage.some((c) => pairMatches(c, goldPairs[i]!.a, goldPairs[i]!.b)));
  const textOf = (id: string) => engineFigures.find((f) => f.id === id)?.text ?? id;
  let correct = 0;
  let notConflictHits = 0;
  const extras: ConflictScore['extras'] = [];
  for (const c of inPage) {
    if (goldPairs.some((p) => pairMatches(c, p.a, p.b))) correct++;
    else {
      if (notPairs.some((p) => pairMatches(c, p.a, p.b))) notConflictHits++;
      extras.push({ a: textOf(c.figures[0]), b: textOf(c.figures[1]), reason: c.reason });
    }
  }
  return {
    tally: { gold: gold.conflicts.length, found: gold.conflicts.length - misses.length, predicted: inPage.length, correct },
    notConflictHits,
    misses,
    extras,
  };
}
