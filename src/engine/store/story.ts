// Same story, not just same key.
//
// "person|killed" appears in thousands of unrelated articles, so two figures from different
// pages may only conflict when their pages report the same event. The test, in order:
//
//  1. Time: the two pages' dates (publishedAt, else the time they were read) are at most
//     `storyWindowDays` apart (30 by default). News of one event is written within weeks.
//  2. Shared names: each article gets its "story terms": the names it uses (capitalised words
//     that are not sentence openers, e.g. "hamas", "viktorov", "clps", "noem") and the
//     content words of its headline, ranked by how often the article uses them. Two pages are
//     on the same story when they share at least MIN_SHARED_TERMS story terms and their
//     rank-weighted overlap (weightedOverlap: the weight of the shared terms over that of the
//     smaller list, so a short page is not penalised for being short) is at least MIN_OVERLAP.
//  3. Shared context rescues a page whose article terms drift (a local angle on a national
//     story): when the two figures' own sentences share at least MIN_SHARED_CONTEXT names,
//     two shared story terms and half the overlap are enough.
//
// Measured on the 21 fixture pages with their corpus text (all 210 pairs): every pair of
// one story scores 0.26 to 0.81; every pair of different stories scores at most 0.12, except
// the two Prince Andrew pages (0.33), which do report the same interview (stories.json keeps
// them apart: they share no figure key, so no conflict can arise between them).
//
// Why names: two articles on one event keep naming the same people, places and bodies even
// when every sentence is worded differently, and two articles on different events that
// happen to share a name ("Trump", "Police") share few of the rest. Thresholds are measured
// by src/tools/eval-cross.ts on the fixture pages (same-story pairs vs different-story pairs).

export const MIN_SHARED_TERMS = 3;
export const MIN_OVERLAP = 0.2;
export const MIN_OVERLAP_WITH_CONTEXT = 0.1;
export const MIN_SHARED_CONTEXT = 2;
/** Fewest shared story terms with which two pages can be of one story at all (the rescue's floor). */
export const MIN_SHARED_TERMS_TO_RESCUE = 2;

/** Capitalised words that open sentences or are too common in news to tell stories apart. */
const STOP = new Set(
  (
    'a an the and or but if then than that this these those there their they them he she his her hers him it its ' +
    'we our us you your i me my mr mrs ms dr st in on at by for from to of with without into onto over under after ' +
    'before during since until about above below between among against across through per via as is are was were be ' +
    'been being has have had do does did not no nor so too very also just only more most less least many much some ' +
    'any all each every both either neither other another such own same new old according said says say told tells ' +
    'asked added when where while who whom whose which what why how here now today yesterday tomorrow however ' +
    'meanwhile still yet already again later earlier last next first second third one two three four five six seven ' +
    'eight nine ten hundred thousand million billion percent people year years week weeks day days month months time ' +
    'times report reports reported news story photo image video caption credit read share follow subscribe advertisement ' +
    'could would should may might must will can shall monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec am pm et pt gmt utc inc ltd co corp llc dont didnt doesnt isnt wasnt cant wont its ' +
    'like get got make made take took go went come came see saw know knew think thought want wanted use used ' +
    'way well back even because though although whether while including include includes included around ' +
    'up down out off onto upon within among amid despite toward towards via per said'
  ).split(/\s+/),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}&'’-]*/gu;

function normaliseTerm(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(/'s$/u, '')
    .replace(/'$/u, '');
}

/** Contractions ("we're", "don't") are grammar, not names. */
const CONTRACTION = /'(?:re|t|ll|ve|d|m)$/u;

/** "Minneapolis-based" and "feather-duvet" share their parts with "Minneapolis" and "feather duvet". */
function partsOf(word: string): string[] {
  return word.split('-').filter((part) => part.length > 0);
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && /\p{Lu}/u.test(first);
}

function isUsefulTerm(term: string, minLength: number): boolean {
  return term.length >= minLength && !STOP.has(term) && !/^\d/.test(term) && !CONTRACTION.test(term);
}

/** Splits text into rough sentences; only sentence openers matter here, not exact bounds. */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?…"”])\s+|\n+/u).filter((s) => s.trim().length > 0);
}

/**
 * Names in a text: capitalised words that are not the first word of their sentence (the
 * first word is capitalised by grammar), plus all-caps acronyms anywhere. Lower case.
 */
export function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const sentence of roughSentences(text)) {
    let index = 0;
    for (const match of sentence.matchAll(WORD)) {
      const word = match[0];
      const acronym = word.length >= 2 && word.length <= 6 && /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(word);
      if ((index > 0 && isCapitalised(word)) || acronym) {
        for (const part of partsOf(normaliseTerm(word))) {
          if (isUsefulTerm(part, 2)) names.push(part);
        }
      }
      index++;
    }
  }
  return names;
}

/** Content words of a headline (any case): "meth", "campaign", "lunar", "landers". */
export function headlineWords(title: string): string[] {
  const words: string[] = [];
  for (const match of title.matchAll(WORD)) {
    for (const part of partsOf(normaliseTerm(match[0]))) {
      if (isUsefulTerm(part, 4)) words.push(part);
    }
  }
  return words;
}

/**
 * The story terms of an article: its names and headline words, the most used first, at
 * most `max`. Headline words count three times: the headline says what the story is.
 */
export function storyTermsOf(title: string, text: string, max: number): string[] {
  const counts = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
    if (!firstSeen.has(term)) firstSeen.set(term, firstSeen.size);
  };
  for (const word of headlineWords(title)) add(word, 3);
  for (const name of namesIn(title)) add(name, 3);
  for (const name of namesIn(text)) add(name, 1);
  return [...counts.keys()]
    .sort((a, b) => counts.get(b)! - counts.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!)
    .slice(0, max);
}

/** The distinguishing terms of one figure: the extractor's `context` plus the names of its sentence. */
export function contextTermsOf(context: readonly string[], sentence: string, max: number): string[] {
  const terms = new Set<string>();
  for (const term of context) {
    const t = normaliseTerm(term.trim());
    if (isUsefulTerm(t, 2)) terms.add(t);
  }
  for (const name of namesIn(sentence)) terms.add(name);
  return [...terms].slice(0, max);
}

/** What the same-story test needs to know about one side. */
export interface StorySide {
  storyTerms: readonly string[];
  context: readonly string[];
  /** publishedAt, else the time the page was read (ISO 8601). */
  date: string | null;
}

export interface StoryVerdict {
  same: boolean;
  /** Not the same story on names alone, but close enough that the two sentences may decide. */
  rescuable: boolean;
  why: string;
  sharedTerms: number;
  overlap: number;
  sharedContext: number;
}

/** Weight of the story term at rank r (0 = the article's most used): the main names count most. */
function rankWeight(rank: number): number {
  return 1 / Math.sqrt(rank + 1);
}

/**
 * Rank-weighted overlap coefficient of two ranked term lists, 0..1: the weight both pages
 * give their shared terms over the total weight of the smaller list. Sharing the two main
 * names of both articles scores far higher than sharing two names mentioned in passing.
 */
export function weightedOverlap(a: readonly string[], b: readonly string[]): number {
  const sa = statsOf(a, true);
  const sb = statsOf(b, false);
  let shared = 0;
  for (const [term, rank] of sa.rank) {
    const other = sb.rank.get(term);
    if (other !== undefined) shared += rankWeight(rank) + rankWeight(other);
  }
  const smaller = Math.min(sa.total, sb.total);
  return smaller === 0 ? 0 : Math.min(1, shared / (2 * smaller));
}

interface TermStats {
  /** First rank of each distinct term. */
  rank: Map<string, number>;
  /** Total rank weight of the list. */
  total: number;
}

// One page's terms (the first argument) are compared with thousands of kept pages: its stats
// are built once. The kept pages' are not cached: that would hold a map per kept figure.
const statsCache = new WeakMap<readonly string[], TermStats>();

function statsOf(list: readonly string[], cache: boolean): TermStats {
  let stats = cache ? statsCache.get(list) : undefined;
  if (!stats) {
    const rank = new Map<string, number>();
    let total = 0;
    list.forEach((term, index) => {
      if (!rank.has(term)) rank.set(term, index);
      total += rankWeight(index);
    });
    stats = { rank, total };
    if (cache) statsCache.set(list, stats);
  }
  return stats;
}

function countShared(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = statsOf(a, true).rank;
  let shared = 0;
  for (const term of new Set(b)) if (sa.has(term)) shared++;
  return shared;
}

export function daysApart(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.abs(ta - tb) / 86_400_000;
}

/** Do these two figures' pages report the same event? See the comment at the top. */
export function sameStory(a: StorySide, b: StorySide, windowDays: number): StoryVerdict {
  // Time first: it is the cheapest test and most kept pages fail it.
  const apart = daysApart(a.date, b.date);
  if (apart !== null && apart > windowDays) {
    return { sharedTerms: 0, overlap: 0, sharedContext: 0, rescuable: false, same: false, why: `pages ${Math.round(apart)} days apart` };
  }
  const sharedTerms = countShared(a.storyTerms, b.storyTerms);
  const overlap = weightedOverlap(a.storyTerms, b.storyTerms);
  const sharedContext = countShared(a.context, b.context);
  const base = { sharedTerms, overlap, sharedContext, rescuable: false };
  if (sharedTerms >= MIN_SHARED_TERMS && overlap >= MIN_OVERLAP) {
    return { ...base, same: true, why: `${sharedTerms} shared names (overlap ${overlap.toFixed(2)})` };
  }
  const rescuable = sharedTerms >= MIN_SHARED_TERMS_TO_RESCUE && overlap >= MIN_OVERLAP_WITH_CONTEXT;
  if (rescuable && sharedContext >= MIN_SHARED_CONTEXT) {
    return { ...base, rescuable, same: true, why: `${sharedContext} shared names in the two sentences` };
  }
  return { ...base, rescuable, same: false, why: `only ${sharedTerms} shared names (overlap ${overlap.toFixed(2)})` };
}
