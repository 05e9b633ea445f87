// Finding number phrases in text and reading the interval their wording allows.
//
// One global regex (compiled once) finds "atoms": an optional currency sign, a numeral or
// number words, an optional scale ("million", "bn") and an optional percent sign. Adjacent
// atoms joined by "to", "-", "or", "and" (after "between") become ranges. Qualifiers are read
// from the words right before ("more than", "about") and right after ("or more").
//
// Interval rules (documented here because users see them and the figure store keeps them):
// - exact: low = high = n.
// - "more than", "over", "above", "surpassed", "in excess of", "upwards of": low = n + one
//   step, high open. The step is the next unit of what is counted: 1 for counts, one cent
//   for money, 0.1 for percentages and other measures (or the last written decimal place when
//   finer: "more than 2.25%" -> 2.26).
// - "fewer than", "less than", "under", "below": high = n - one step, low open.
// - "at least", "no fewer than", "a minimum of", "... or more", "... and often more": low = n.
// - "up to", "as much as", "as many as", "at most", "a maximum of", "... or fewer": high = n.
// - "about", "approximately", "around", "roughly", "some", "an estimated", "close(r) to",
//   "... or so": ±10% (n*0.9 .. n*1.1), whole numbers for counts (low rounded up, high down).
// - "nearly", "almost", "just short of", "just under": 90% .. 100% (n*0.9 .. n).
// - vague plurals: "dozens" >= 24, "scores" >= 40, "hundreds" >= 200, "thousands" >= 2,000,
//   "tens of thousands" >= 20,000, "hundreds of millions" >= 200 million, "several/a few
//   hundred" >= 200; high open.
// - "$16-something": n .. n.99 for money, n .. n+9 for a multiple of ten ("thirty-something").
// - ranges "24 to 28", "between 5 and 6", "four or five", "80%-90%": low .. high.

import { DOZEN, SCALES, TENS, UNITS, VAGUE_PLURALS, decimalsOf, digitValue, tidy, wordCardinal } from './numbers';

/**
 * An empty lookahead: it always succeeds and consumes nothing, so it changes no match. Placed
 * after an alternation that more pattern follows, it stops V8's regex compiler from copying
 * that rest into every branch (it does so up to ten times per branch, level after level): the
 * atom regex's bytecode was 75 KB without it, and compiling it cost ~15 ms on a page's first
 * scan in Node (V8 compiles a regex on its first exec, then again to machine code).
 */
const CUT = '(?=)';

const CARDINALS = [
  // "twenty", "twenty-three": the tens share one optional unit (tried in the same order as
  // writing the unit after each of them, with a fraction of the regex code).
  `(?:${Object.keys(TENS).join('|')})${CUT}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)${CUT}\\b)?`,
  // Longer words first so "seventeen" is not read as "seven".
  ...Object.keys(UNITS).sort((a, b) => b.length - a.length),
].join('|');
const SCALE_WORDS = 'hundred|thousand|million|billion|trillion';

const WORD_NUMBER = [
  `half\\s+an?\\s+(?:million|billion|trillion|dozen)`,
  // "a million", "a billion" (but not "a hundred"/"a thousand", mostly idiom: "a thousand choices").
  `an?\\s+(?:million|billion|trillion)`,
  `(?:several|a\\s+few)\\s+(?:hundred|thousand|million|billion|dozen)`,
  `(?:tens|hundreds|dozens)\\s+of\\s+(?:thousands|millions|billions)`,
  `(?:dozens|scores|hundreds|thousands|millions|billions)`,
  `(?:a|${CARDINALS})${CUT}\\s+dozen`,
  `(?:${CARDINALS})${CUT}(?:\\s+(?:${SCALE_WORDS})${CUT})*`,
].join('|');

// Multipliers stated in words: "twice the rate", "double the number", "half the size".
const MULTIPLIER = 'twice|double|triple|treble|quadruple|half';
const MULTIPLIER_VALUES: Readonly<Record<string, number>> = { twice: 2, double: 2, triple: 3, treble: 3, quadruple: 4, half: 0.5 };
// "three times the rate", "10 times as many": a number of times is a multiplier too.
const TIMES_AFTER = /^\s+times\s+(?:the|as|more|higher|larger|bigger|greater|faster|that|what|its|their)(?=)\b/i;

const CURRENCY = String.raw`US\$|A\$|C\$|NZ\$|HK\$|S\$|\$|€|£|¥|₹|Rs\.?\s?|INR\s?|USD\s?|EUR\s?|GBP\s?`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** The atom regex: compiled once, reused for every page (speed budget: ~2 ms per article). */
const ATOM = new RegExp(
  String.raw`(?<![\w.,$€£¥₹])(?<cur>${CURRENCY})?${CUT}` +
    String.raw`(?:(?<digits>${DIGITS})|(?<![\w-])(?<words>${WORD_NUMBER})${CUT}\b|(?<![\w-])(?<mult>${MULTIPLIER})${CUT}(?=\s+(?:the|as|that|its|their|what)${CUT}\b))${CUT}` +
    String.raw`(?<scale>\s?(?:${SCALE_WORDS})${CUT}\b|\s?(?:bn|mn|mln|tn)${CUT}\b|(?<=\d)(?:m|k|b)${CUT}\b)?${CUT}` +
    String.raw`(?<smth>-something)?${CUT}` +
    String.raw`(?<pct>\s?%|\s(?:percent|per\s+cent|pct|percentage\s+points?)${CUT}\b)?`,
  'gi',
);

export type Unit = 'count' | 'usd' | 'eur' | 'gbp' | 'jpy' | 'inr' | 'percent' | 'multiple' | string;

/** One number as written, before ranges and qualifiers. */
export interface Atom {
  start: number;
  end: number;
  /** The numeral or number words ("1,400", "twenty-three", "hundreds"). */
  raw: string;
  isDigits: boolean;
  /** Stated value (after scale), or the lower bound of a vague plural. */
  value: number;
  /** True for "hundreds", "dozens", "several hundred": only a lower bound is known. */
  vague: boolean;
  currency: string | null;
  scaled: boolean;
  percent: boolean;
  something: boolean;
  /** A multiplier ("twice", "half", "three times the"): unit "multiple". */
  multiplier: boolean;
  decimals: number;
}

const CURRENCY_UNITS: Readonly<Record<string, Unit>> = {
  '$': 'usd', 'us$': 'usd', usd: 'usd', 'a$': 'aud', 'c$': 'cad', 'nz$': 'nzd', 'hk$': 'hkd', 's$': 'sgd',
  '€': 'eur', eur: 'eur', '£': 'gbp', gbp: 'gbp', '¥': 'jpy', '₹': 'inr', rs: 'inr', 'rs.': 'inr', inr: 'inr',
};

export function currencyUnit(sign: string): Unit {
  return CURRENCY_UNITS[sign.trim().toLowerCase()] ?? 'usd';
}

function wordValue(words: string): { value: number; vague: boolean } | null {
  const w = words.toLowerCase().replace(/\s+/g, ' ');
  let m = /^an? (million|billion|trillion)$/.exec(w);
  if (m) return { value: SCALES[m[1]!]!, vague: false };
  m = /^half an? (\w+)$/.exec(w);
  if (m) return { value: m[1] === 'dozen' ? 6 : (SCALES[m[1]!] ?? 0) / 2, vague: false };
  m = /^(?:several|a few) (\w+)$/.exec(w);
  if (m) return { value: 2 * (m[1] === 'dozen' ? DOZEN : (SCALES[m[1]!] ?? 0)), vague: true };
  m = /^(tens|hundreds|dozens) of (\w+)$/.exec(w);
  if (m) {
    const head = m[1] === 'tens' ? 10 : m[1] === 'dozens' ? DOZEN : 100;
    return { value: 2 * head * (SCALES[m[2]!.replace(/s$/, '')] ?? 0), vague: true };
  }
  const plural = VAGUE_PLURALS[w];
  if (plural !== undefined) return { value: plural, vague: true };
  m = /^(.+) dozen$/.exec(w);
  if (m) {
    const n = m[1] === 'a' ? 1 : wordCardinal(m[1]!);
    return n === null ? null : { value: n * DOZEN, vague: false };
  }
  // "three hundred", "two million", "twenty-three"
  const scaleWords = w.split(' ');
  let scale = 1;
  while (scaleWords.length > 1 && SCALES[scaleWords[scaleWords.length - 1]!] !== undefined) {
    scale *= SCALES[scaleWords.pop()!]!;
  }
  const n = wordCardinal(scaleWords.join(' '));
  return n === null ? null : { value: n * scale, vague: false };
}

/**
 * Every number atom of `text`, in order; with `from` and `to`, of that stretch alone (read as
 * if it stood on its own, offsets still into `text`): findFigures reads one sentence at a time,
 * so its work per step is bounded by the sentence length.
 */
export function scanAtoms(text: string, from = 0, to = text.length): Atom[] {
  const atoms: Atom[] = [];
  const stretch = from === 0 && to === text.length ? text : text.slice(from, to);
  ATOM.lastIndex = 0;
  for (let m = ATOM.exec(stretch); m; m = ATOM.exec(stretch)) {
    const g = m.groups!;
    let value: number;
    let vague = false;
    let decimals = 0;
    const raw = g.digits ?? g.words ?? g.mult!;
    let multiplier = false;
    if (g.mult !== undefined) {
      value = MULTIPLIER_VALUES[g.mult.toLowerCase()] ?? 1;
      multiplier = true;
    } else if (g.digits !== undefined) {
      value = digitValue(g.digits);
      decimals = decimalsOf(g.digits);
    } else {
      const read = wordValue(g.words!);
      if (!read) continue;
      value = read.value;
      vague = read.vague;
    }
    const scaleWord = g.scale?.trim().toLowerCase();
    // "5m", "5k" are millions and thousands only in money ("$5m"); elsewhere metres or a race.
    if (scaleWord && /^[mkb]$/.test(scaleWord) && !g.cur) continue;
    if (scaleWord) value *= SCALES[scaleWord] ?? 1;
    const start = from + m.index;
    const end = start + m[0].length;
    if (!multiplier && !g.cur && !g.pct && TIMES_AFTER.test(text.slice(end, end + 24))) multiplier = true;
    atoms.push({
      start,
      end,
      raw,
      isDigits: g.digits !== undefined,
      value: tidy(value),
      vague,
      currency: g.cur ? g.cur : null,
      scaled: Boolean(scaleWord),
      percent: Boolean(g.pct),
      something: Boolean(g.smth),
      multiplier,
      decimals,
    });
  }
  return atoms;
}

export type Qualifier =
  | 'exact' | 'more' | 'less' | 'atLeast' | 'upTo' | 'about' | 'nearly' | 'range' | 'vague';

/** A number phrase: one atom or a range, with the qualifier words around it. */
export interface NumberPhrase {
  /** Offsets of the whole phrase, qualifier words included ("more than 1,400"). */
  start: number;
  end: number;
  /** Offsets of the numeral(s) alone. */
  numStart: number;
  numEnd: number;
  first: Atom;
  second: Atom | null;
  qualifier: Qualifier;
  unit: Unit;
  low: number | null;
  high: number | null;
}

// Qualifier words right before a number, anchored at the end of the preceding text.
const BEFORE_QUALIFIER = new RegExp(
  String.raw`\b(?<q>more than|well over|just over|over|above|upwards of|in excess of|surpassed|exceeded|topped|` +
    String.raw`fewer than|less than|under|below|` +
    String.raw`at least|no fewer than|no less than|a minimum of|` +
    String.raw`up to|as much as|as many as|at most|no more than|a maximum of|` +
    String.raw`about|approximately|approx\.|around|roughly|some|an estimated|estimated|close to|closer to|circa|` +
    String.raw`nearly|almost|just short of|just under|` +
    String.raw`(?:can|could|may|might) (?:grow|rise|reach|climb|increase|go up)(?: to)?|` +
    String.raw`between|from)${CUT}\s+$`,
  'i',
);
// After the number, possibly past a rate: "$24 to $28 a pound, and often more".
const AFTER_QUALIFIER = /^(?<rate>\s+(?:a|an|per)(?=)\s+[a-z]+)?(?=)(?<q>,?\s+(?:or more|and (?:often |sometimes |usually )?(?=)more|or (?:fewer|less)|or so)(?=)\b|-?plus\b)/i;

const QUALIFIER_OF: Readonly<Record<string, Qualifier>> = {
  'more than': 'more', 'well over': 'more', 'just over': 'more', over: 'more', above: 'more', 'upwards of': 'more',
  'in excess of': 'more', surpassed: 'more', exceeded: 'more', topped: 'more',
  'fewer than': 'less', 'less than': 'less', under: 'less', below: 'less',
  'at least': 'atLeast', 'no fewer than': 'atLeast', 'no less than': 'atLeast', 'a minimum of': 'atLeast',
  'up to': 'upTo', 'as much as': 'upTo', 'as many as': 'upTo', 'at most': 'upTo', 'no more than': 'upTo',
  'a maximum of': 'upTo',
  about: 'about', approximately: 'about', 'approx.': 'about', around: 'about', roughly: 'about', some: 'about',
  'an estimated': 'about', estimated: 'about', 'close to': 'about', 'closer to': 'about', circa: 'about',
  nearly: 'nearly', almost: 'nearly', 'just short of': 'nearly', 'just under': 'nearly',
};

/** Qualifiers whose words are kept in the phrase but which do not change the interval. */
const SURPASSING = new Set(['surpassed', 'exceeded', 'topped']);

/** The unit an atom is written in: its currency, percent, or a plain count. */
export function unitOf(atom: Atom): Unit {
  if (atom.currency) return currencyUnit(atom.currency);
  if (atom.percent) return 'percent';
  if (atom.multiplier) return 'multiple';
  return 'count';
}

/** One step above or below a stated value: see the interval rules at the top of this file. */
export function stepOf(atom: Atom, unit: Unit): number {
  if (unit === 'count') return atom.decimals > 0 && atom.value % 1 !== 0 ? 10 ** -atom.decimals : 1;
  if (unit === 'percent' || unit === 'multiple') return Math.min(0.1, 10 ** -Math.max(atom.decimals, 1));
  return 0.01; // money: the next cent
}

/** Can `a` and `b` be the two ends of one range ("24 to 28", "$24 to $28", "80% to 90%")? */
function rangeCompatible(a: Atom, b: Atom, sep: string, before: string): boolean {
  const s = sep.trim().toLowerCase();
  if (s === 'and' && !/\bbetween\s+$/i.test(before)) return false;
  // "from 3% to 5%" reports a change between two figures, not a range of one.
  if (s === 'to' && /\bfrom\s+$/i.test(before)) return false;
  if (s === 'or' && (a.isDigits || b.isDigits) && !(a.isDigits && b.isDigits)) return false;
  if (a.currency && b.currency && currencyUnit(a.currency) !== currencyUnit(b.currency)) return false;
  if (a.percent && !b.percent) return false;
  if (a.currency && !b.currency) return false;
  if (!a.currency && b.currency && a.isDigits) return false;
  const low = a.value * (b.scaled && !a.scaled && a.value < b.value / 1000 ? scaleOf(b) : 1);
  return a.vague || b.vague || low <= b.value;
}

function scaleOf(atom: Atom): number {
  const raw = digitValue(atom.raw);
  return raw === 0 ? 1 : atom.value / raw;
}

const RANGE_SEPARATOR = /^(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+|\s+and\s+)$/i;

/** Group atoms into number phrases, reading ranges and qualifiers. */
export function readPhrases(text: string, atoms: readonly Atom[]): NumberPhrase[] {
  const reader = new PhraseReader(text);
  const phrases: NumberPhrase[] = [];
  for (const atom of atoms) {
    const phrase = reader.push(atom);
    if (phrase) phrases.push(phrase);
  }
  const last = reader.flush();
  if (last) phrases.push(last);
  return phrases;
}

/**
 * readPhrases one atom at a time, for a caller that finds atoms piece by piece: `push` each
 * atom in order (it returns the phrase the atom before completed, if any), then `flush`.
 */
export class PhraseReader {
  private pending: Atom | null = null;

  constructor(private readonly text: string) {}

  push(atom: Atom): NumberPhrase | null {
    const a = this.pending;
    if (!a) {
      this.pending = atom;
      return null;
    }
    const before = this.text.slice(Math.max(0, a.start - 24), a.start);
    const sep = this.text.slice(a.end, atom.start);
    if (RANGE_SEPARATOR.test(sep) && rangeCompatible(a, atom, sep, before)) {
      this.pending = null;
      return phraseOf(this.text, a, atom, before);
    }
    this.pending = atom;
    return phraseOf(this.text, a, null, before);
  }

  flush(): NumberPhrase | null {
    const a = this.pending;
    if (!a) return null;
    this.pending = null;
    return phraseOf(this.text, a, null, this.text.slice(Math.max(0, a.start - 24), a.start));
  }
}

function phraseOf(text: string, a: Atom, b: Atom | null, before: string): NumberPhrase {
  const last = b ?? a;
  // A range's first end borrows the scale and unit of the second: "$24 to $28", "4 to 5 million".
  let unit = unitOf(b && !a.currency && !a.percent ? b : a);
  let start = a.start;
  let end = last.end;
  let qualifier: Qualifier = 'exact';
  const q = BEFORE_QUALIFIER.exec(before);
  let qWord: string | null = null;
  if (q && !(b && q.groups!.q!.toLowerCase() !== 'between' && q.groups!.q!.toLowerCase() !== 'from')) {
    qWord = q.groups!.q!.toLowerCase();
    start = a.start - (before.length - q.index);
  }
  const after = AFTER_QUALIFIER.exec(text.slice(end, end + 30));
  let afterWord: string | null = null;
  if (after) {
    afterWord = after.groups!.q!.replace(/^,?\s+/, '').toLowerCase();
    // A rate between number and qualifier stays outside the number phrase ("$24 to $28").
    if (!after.groups!.rate) end += after[0].length;
  }
  if (unit === 'count' && /^\s+(?:of\s+)?(?:US\s+)?dollars\b/i.test(text.slice(last.end, last.end + 16))) unit = 'usd';
  if (unit === 'count' && /^\s+(?:of\s+)?euros\b/i.test(text.slice(last.end, last.end + 16))) unit = 'eur';
  if (unit === 'count' && /^\s+(?:of\s+)?rupees\b/i.test(text.slice(last.end, last.end + 16))) unit = 'inr';

  let low: number | null;
  let high: number | null;
  if (b) {
    qualifier = 'range';
    const scale = b.scaled && !a.scaled ? scaleOf(b) : 1;
    low = a.value * (a.value * scale <= b.value ? scale : 1);
    high = b.vague ? null : b.value;
    if (a.vague) high = null;
    if (afterWord && /more|plus/.test(afterWord)) high = null;
  } else if (a.vague) {
    qualifier = 'vague';
    low = a.value;
    high = null;
  } else {
    const n = a.value;
    // "can grow to 500 pounds", "could reach 40%": a possibility of growth states a maximum.
    const kind = qWord && /^(?:can|could|may|might) /.test(qWord) ? 'upTo'
      : qWord && !SURPASSING.has(qWord) ? QUALIFIER_OF[qWord] : qWord ? 'more' : undefined;
    const step = stepOf(a, unit);
    switch (kind) {
      case 'more': low = n + step; high = null; qualifier = 'more'; break;
      case 'less': low = null; high = n - step; qualifier = 'less'; break;
      case 'atLeast': low = n; high = null; qualifier = 'atLeast'; break;
      case 'upTo': low = null; high = n; qualifier = 'upTo'; break;
      case 'about': [low, high] = aboutInterval(n, unit); qualifier = 'about'; break;
      case 'nearly': low = nearlyLow(n, unit); high = n; qualifier = 'nearly'; break;
      default:
        low = n;
        high = n;
        if (qWord === 'between' || qWord === 'from') {
          // "between" without a second number is not a qualifier of this one.
          start = a.start;
        }
    }
    if (a.something) {
      high = unit !== 'count' && unit !== 'percent' ? n + 0.99 : n % 10 === 0 ? n + 9 : n + 0.99;
    }
    if (afterWord) {
      if (/more|plus/.test(afterWord)) { high = null; if (qualifier === 'exact') qualifier = 'atLeast'; }
      else if (/fewer|less/.test(afterWord)) { low = null; if (qualifier === 'exact') qualifier = 'upTo'; }
      else if (afterWord === 'or so' && qualifier === 'exact') { [low, high] = aboutInterval(n, unit); qualifier = 'about'; }
    }
  }
  return {
    start, end, numStart: a.start, numEnd: last.end, first: a, second: b, qualifier, unit,
    low: low === null ? null : tidy(low), high: high === null ? null : tidy(high),
  };
}

/** ±10% around n; counts stay whole (low rounded up, high rounded down). */
export function aboutInterval(n: number, unit: Unit): [number, number] {
  const low = tidy(n * 0.9);
  const high = tidy(n * 1.1);
  if (unit === 'count' && Number.isInteger(n)) return [Math.ceil(low), Math.floor(high)];
  return [low, high];
}

/** "nearly n": 90% of n; counts stay whole. */
export function nearlyLow(n: number, unit: Unit): number {
  const low = tidy(n * 0.9);
  return unit === 'count' && Number.isInteger(n) ? Math.ceil(low) : low;
}

/** The number phrases of a short piece of text, e.g. a stored figure's `number`. */
export function phrasesIn(text: string): NumberPhrase[] {
  return readPhrases(text, scanAtoms(text));
}
