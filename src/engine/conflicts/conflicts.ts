import type { Conflict, Figure } from '../types';
import { comparableInterval, intervalsOverlap } from './intervals';
import { runToEnd, type Steps } from '../run-steps';

export { comparableInterval, intervalsOverlap, roundingOf } from './intervals';

// Conflict rules, shared by the page (findConflicts) and the cross-page figure store
// (figuresConflict). Two figures conflict when they count the same thing in the same event and
// their intervals, read with the precision of their rounding, do not overlap.
//
// "The same thing" is the `what` key, and only a full key counts: a noun and an event or
// measure ("russian citizen|killed"). A key with an empty half ("company|", "dollar|") is too
// loose: two such figures usually count different things (5 new firms, 14 in total).
// "The same event" is read from the context words (figures/keys.ts): two figures are about
// different events when their sentences name different events ("attack" vs "counterattack"),
// when a time or frame sits on one side only or differs (a year, "last year", "a month ago",
// "in a separate attack", "Of those, ...", "in a day"), or when both have distinctive words
// (places, names) and share none ("In Kharkiv, four were killed" vs "In Odesa, seven").
// Units must match, and a page's conflicts are capped (40 figures per key, 100 conflicts).
// Two figures of one sentence never conflict: a sentence that gives two values for one key
// is comparing them ("21 Christians, 20 of them Egyptian Copts"), not contradicting itself.

/** Event nouns in a context: what tells one event from another. */
const EVENT_WORD = /^(?:attacks?|counterattack|counteroffensive|offensive|bombings?|strikes?|airstrikes?|raids?|shootings?|explosion|blast|earthquake|quake|floods?|flooding|fire|wildfires?|storm|hurricane|typhoon|cyclone|tornado|crash|collision|derailment|war|election|protests?|riots?|outbreak|pandemic|epidemic|siege|invasion|massacre|ambush|clashes|stampede|collapse|landslide|eruption|famine|drought|heatwave)$/;

/** Years, relative times ("last year") and frames ("(separate)", "(part)"): they must match. */
const isTimeWord = (w: string): boolean => /^\d{4}$/.test(w) || w.includes(' ') || w.startsWith('(');

function keyIsComplete(what: string): boolean {
  const bar = what.indexOf('|');
  return bar > 0 && bar < what.length - 1;
}

/** Why two figures' contexts place them in different events, or null when they may be the same. */
export function differentEvents(a: readonly string[], b: readonly string[]): string | null {
  // Times and frames: a year, a relative time ("last year"), another event ("in a separate
  // attack") or a part of an earlier count ("Of those, ...") on one side and another or none on
  // the other place the figures apart ("In 2015, 40 were killed" vs "12 were killed").
  const timesA = a.filter(isTimeWord);
  const timesB = b.filter(isTimeWord);
  if ((timesA.length > 0 || timesB.length > 0) && !timesA.some((y) => timesB.includes(y))) {
    return `different times (${timesA.join(', ') || 'none'} vs ${timesB.join(', ') || 'none'})`;
  }
  const eventsA = a.filter((w) => EVENT_WORD.test(w));
  const eventsB = b.filter((w) => EVENT_WORD.test(w));
  if (eventsA.length > 0 && eventsB.length > 0 && !eventsA.some((w) => eventsB.includes(w))) {
    return `different events (${eventsA.join(', ')} vs ${eventsB.join(', ')})`;
  }
  if (a.length > 0 && b.length > 0 && !a.some((w) => b.includes(w))) return 'different contexts';
  return null;
}

/**
 * What `new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n)` writes, without
 * Intl: the first Intl formatter in a page loads locale data, 30-120 ms measured in Chromium's
 * content script (it ran at load on every page), and toLocaleString builds a new one per call.
 * Like Intl, it rounds the shortest decimal that reads back as n (1.005 -> 1.01), half away
 * from zero.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const text = String(Math.abs(n));
  // Below 1e-6 String() writes an exponent: such numbers round to 0.
  const [whole, fraction = ''] = text.includes('e') ? ['0', ''] : text.split('.') as [string, string?];
  let digits = whole + fraction.slice(0, 2).padEnd(2, '0');
  if ((fraction[2] ?? '0') >= '5') {
    // Add one in the last kept place, carrying by hand (the digits may exceed 2^53).
    const chars = digits.split('');
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === '9') chars[i--] = '0';
    if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
    else chars.unshift('1');
    digits = chars.join('');
  }
  const intPart = digits.slice(0, -2);
  const decimals = digits.slice(-2).replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

function describe(low: number | null, high: number | null): string {
  const f = formatNumber;
  if (low !== null && high !== null) return low === high ? f(low) : `${f(low)}–${f(high)}`;
  if (low !== null) return `at least ${f(low)}`;
  if (high !== null) return `at most ${f(high)}`;
  return 'an unknown number';
}

/** "russian citizen|killed" -> "Russian citizens killed"-like wording for a reason sentence. */
function describeWhat(what: string): string {
  const [noun, event] = what.split('|');
  return [noun, event].filter((s) => s).join(' ');
}

type Comparable = Pick<Figure, 'low' | 'high' | 'what' | 'sentence' | 'context'> & {
  unit?: string;
  number?: string;
  text?: string;
};

/**
 * Null when `a` and `b` do not conflict; else a short human sentence saying why they do.
 * Pure: the cross-page figure store calls it with a figure of this page and a kept one.
 */
export function figuresConflict(a: Comparable, b: Comparable): string | null {
  if (a.what !== b.what || !keyIsComplete(a.what)) return null;
  if (a.unit !== undefined && b.unit !== undefined && a.unit !== b.unit) return null;
  if (a.sentence === b.sentence) return null;
  if (differentEvents(a.context ?? [], b.context ?? []) !== null) return null;
  const ia = comparableInterval(a);
  const ib = comparableInterval(b);
  if (intervalsOverlap(ia, ib)) return null;
  return `Different figures for ${describeWhat(a.what)}: ${describe(a.low, a.high)} vs ${describe(b.low, b.high)}.`;
}

const MAX_FIGURES_PER_KEY = 40;
const MAX_CONFLICTS = 100;

/** Figure pairs findConflictsSteps compares between two yields (and figures it groups). */
const PAIRS_PER_STEP = 500;

/** Conflicts among the figures of one page, earlier figure first. */
export function findConflicts(figures: readonly Figure[]): Conflict[] {
  return runToEnd(findConflictsSteps(figures));
}

/** findConflicts as resumable steps. */
export function* findConflictsSteps(figures: readonly Figure[]): Steps<Conflict[]> {
  let work = 0;
  const byWhat = new Map<string, Figure[]>();
  for (const f of figures) {
    if (++work >= PAIRS_PER_STEP) {
      yield;
      work = 0;
    }
    if (!keyIsComplete(f.what)) continue;
    const group = byWhat.get(f.what);
    if (group) group.push(f);
    else byWhat.set(f.what, [f]);
  }
  const conflicts: Conflict[] = [];
  for (const all of byWhat.values()) {
    if (++work >= PAIRS_PER_STEP) {
      yield;
      work = 0;
    }
    // Pairs grow with the square of a key's figures: a real article has a handful per key, so
    // a cap only guards against hostile or tabular pages (keeps the analysis linear).
    const group = all.slice(0, MAX_FIGURES_PER_KEY);
    for (let i = 0; i < group.length && conflicts.length < MAX_CONFLICTS; i++) {
      for (let j = i + 1; j < group.length && conflicts.length < MAX_CONFLICTS; j++) {
        if (++work >= PAIRS_PER_STEP) {
          yield;
          work = 0;
        }
        const reason = figuresConflict(group[i]!, group[j]!);
        if (reason) conflicts.push({ figures: [group[i]!.id, group[j]!.id], reason });
      }
    }
  }
  return conflicts.sort((x, y) => figureStart(x.figures[0]) - figureStart(y.figures[0]));
}

function figureStart(id: string): number {
  return Number(id.replace(/^n-/, '')) || 0;
}
