import type { Figure, Sentence } from '../types';
import { attributionOf } from '../attribution';
import { isDataLine, isTitleCase, notAFigure } from './exclusions';
import { MEASURE_UNITS, clauseAround, contextCandidates, eventNear, filterContext, measureOf, modalityOf, nounAfter } from './keys';
import { type NumberPhrase, type Unit, PhraseReader, scanAtoms } from './scan';
import { runToEnd, type Steps } from '../run-steps';

// The figure reader: every number of the article that counts or measures something it
// reports, with the interval its wording allows (scan.ts), what it counts (keys.ts) and who
// reports it (attribution.ts). Non-figures (dates, ages, names...) are dropped by exclusions.ts.

/** The noun money is counted in, for the `what` key. */
const CURRENCY_NOUNS: Readonly<Record<string, string>> = {
  usd: 'dollar', aud: 'dollar', cad: 'dollar', nzd: 'dollar', hkd: 'dollar', sgd: 'dollar',
  eur: 'euro', gbp: 'pound sterling', jpy: 'yen', inr: 'rupee',
};

/** How far after a number its noun, event and measure are looked for. */
const AFTER_WINDOW = 160;

const PART_OF_BEFORE = /^[^.;:]{0,40}\b(?:including|among them|among whom|of whom|of which|of them)[\s,]*$/i;
const PART_OF_AFTER = /^\s+of\s+(?:them|whom|those)\b/i;

/** Index of the sentence holding [start, end), moving forward from `from` (phrases come in order). */
function sentenceAt(sentences: readonly Sentence[], start: number, from: number): number {
  let i = from;
  while (i < sentences.length && sentences[i]!.end <= start) i++;
  return i < sentences.length && sentences[i]!.start <= start ? i : -1;
}

/** Characters of sentence text findFiguresSteps reads between two yields. */
const FIGURE_CHARS_PER_STEP = 1000;

/**
 * The figures of `text`, whose sentences are `sentences` (in order, as splitSentences gives
 * them). Numbers are read sentence by sentence: text outside every sentence is white space.
 */
export function findFigures(text: string, sentences: readonly Sentence[]): Figure[] {
  return runToEnd(findFiguresSteps(text, sentences));
}

/** findFigures as resumable steps: yields after every few thousand characters of sentences. */
export function* findFiguresSteps(text: string, sentences: readonly Sentence[]): Steps<Figure[]> {
  const reader = new PhraseReader(text);
  const ready: NumberPhrase[] = [];
  const figures: Figure[] = [];
  const state = newFigureState();
  let chars = 0;
  for (const sentence of sentences) {
    if (chars >= FIGURE_CHARS_PER_STEP) {
      yield;
      chars = 0;
    }
    chars += sentence.text.length + 1;
    for (const atom of scanAtoms(text, sentence.start, sentence.end)) {
      const phrase = reader.push(atom);
      if (phrase) ready.push(phrase);
    }
    for (const p of ready) addFigure(text, sentences, p, state, figures);
    ready.length = 0;
  }
  const last = reader.flush();
  if (last) addFigure(text, sentences, last, state, figures);
  return figures;
}

interface FigureState {
  // Per sentence, computed once however many figures it holds.
  attribution: Map<number, string | null>;
  contextOf: Map<number, string[]>;
  shapeOf: Map<number, { dataLine: boolean; titleCase: boolean }>;
  cursor: number;
  lastSentence: number;
  previousInSentence: { noun: string; unit: Unit; event: string; end: number } | null;
}

function newFigureState(): FigureState {
  return { attribution: new Map(), contextOf: new Map(), shapeOf: new Map(), cursor: 0, lastSentence: -1, previousInSentence: null };
}

/** Reads one number phrase into a figure (or drops it), in page order. */
function addFigure(text: string, sentences: readonly Sentence[], p: NumberPhrase, state: FigureState, figures: Figure[]): void {
  const { attribution, contextOf, shapeOf } = state;
  const index = sentenceAt(sentences, p.start, state.cursor);
  if (index < 0) return;
  state.cursor = index;
  const sentence = sentences[index]!;
  if (index !== state.lastSentence) {
    state.lastSentence = index;
    state.previousInSentence = null;
  }
  if (p.end > sentence.end) return;
  const previousInSentence = state.previousInSentence;
  let shape = shapeOf.get(index);
  if (shape === undefined) {
    shape = { dataLine: isDataLine(sentence.text), titleCase: isTitleCase(sentence.text) };
    shapeOf.set(index, shape);
  }
  if (shape.dataLine || notAFigure(text, p, sentence.start, shape.titleCase) !== null) return;

  const before = text.slice(Math.max(sentence.start, p.start - 80), p.start);
  // Bounded windows keep the work per number constant, even in a sentence thousands of
  // characters long (a table flattened to text): the reader stays linear in the page.
  const afterNumber = text.slice(p.end, Math.min(sentence.end, p.end + AFTER_WINDOW));
  let unit: Unit = p.unit;
  let noun: string;
  let event: string;
  let end = p.end;
  if (unit === 'multiple') {
    // "about twice the rate": the multiplied thing names the key ("rate|multiple").
    const lead = /^\s+(?:times\s+)?(?:the|as|that|its|their|what)\s+(?:many\s+|much\s+)?/i.exec(afterNumber);
    const found = nounAfter(lead ? ' ' + afterNumber.slice(lead[0].length) : afterNumber, false, false);
    noun = found.noun;
    event = 'multiple';
    end = p.end + (lead ? lead[0].length - 1 : 0) + found.length;
  } else if (unit === 'count') {
    const found = nounAfter(afterNumber, p.first.vague || (p.second?.vague ?? false), (p.high ?? p.low ?? 2) !== 1);
    noun = found.noun;
    if (MEASURE_UNITS.has(noun)) unit = noun;
    const afterNoun = afterNumber.slice(found.length);
    const near = eventNear(before, afterNoun);
    // "expected to hire 500" and "hired 300" are not two counts of one thing.
    const rawEvent = near.event || found.event || '';
    event = rawEvent === '' ? '' : modalityOf(clauseAround(before, afterNumber)) + rawEvent;
    end = p.end + found.length;
    if (near.endInAfter !== null) end += near.endInAfter;
    // "... and another four were reported missing": the noun comes from the figure before.
    if (noun === '' && previousInSentence && previousInSentence.unit === 'count') noun = previousInSentence.noun;
    if (noun === '' && event === '') {
      // A bare count with no noun or event ("the index is 218"): still a figure, keyed by
      // the measure it is the value of.
      event = measureOf(before, afterNumber, '').measure;
    }
  } else {
    const currencyWord = /^\s+(?:of\s+)?(?:US\s+)?(?:dollars|euros|rupees)\b/i.exec(afterNumber);
    const afterMoney = currencyWord ? afterNumber.slice(currencyWord[0].length) : afterNumber;
    if (currencyWord) end += currencyWord[0].length;
    const unitNoun = unit === 'percent' ? 'percent' : (CURRENCY_NOUNS[unit] ?? unit);
    const m = measureOf(before, afterMoney, unitNoun);
    noun = m.noun;
    event = m.measure;
  }
  // "killing at least 19 people, including 17 foreigners", "21 Christians — 20 of them Copts":
  // a part of an earlier count shares its event.
  if (event === '' && previousInSentence?.event && unit === previousInSentence.unit &&
      (PART_OF_BEFORE.test(text.slice(Math.max(previousInSentence.end, p.start - 60), p.start)) || PART_OF_AFTER.test(afterNumber))) {
    event = previousInSentence.event;
  }
  state.previousInSentence = { noun, unit, event, end };

  let attributedTo = attribution.get(index);
  if (attributedTo === undefined) {
    attributedTo = attributionOf(sentences, index);
    attribution.set(index, attributedTo);
  }
  let candidates = contextOf.get(index);
  if (candidates === undefined) {
    candidates = contextCandidates(sentence.text);
    contextOf.set(index, candidates);
  }
  figures.push(figureOf(text, p, sentence, { unit, noun, event, end, attributedTo, context: filterContext(candidates, noun, attributedTo) }));
}

function figureOf(
  text: string,
  p: NumberPhrase,
  sentence: Sentence,
  k: { unit: Unit; noun: string; event: string; end: number; attributedTo: string | null; context: string[] },
): Figure {
  const end = Math.min(k.end, sentence.end);
  const phrase = text.slice(p.start, end).replace(/[\s,;:—–-]+$/, '');
  return {
    id: `n-${p.start}`,
    start: p.start,
    end: p.start + phrase.length,
    text: phrase,
    number: text.slice(p.start, p.end),
    low: p.low,
    high: p.high,
    what: `${k.noun}|${k.event}`,
    unit: k.unit,
    attributedTo: k.attributedTo,
    sentence: sentence.text,
    sentenceStart: sentence.start,
    context: k.context,
  };
}
