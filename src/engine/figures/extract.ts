import type { Figure, Sentence } from '../types';
import { attributionOf } from '../attribution';
import { isDataLine, isTitleCase, notAFigure } from './exclusions';
import { MEASURE_UNITS, clauseAround, contextCandidates, eventNear, filterContext, measureOf, modalityOf, nounAfter } from './keys';
import { type NumberPhrase, type Unit, readPhrases, scanAtoms } from './scan';

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

export function findFigures(text: string, sentences: readonly Sentence[]): Figure[] {
  const phrases = readPhrases(text, scanAtoms(text));
  const figures: Figure[] = [];
  // Per sentence, computed once however many figures it holds.
  const attribution = new Map<number, string | null>();
  const contextOf = new Map<number, string[]>();
  const shapeOf = new Map<number, { dataLine: boolean; titleCase: boolean }>();
  let cursor = 0;
  let lastSentence = -1;
  let previousInSentence: { noun: string; unit: Unit; event: string; end: number } | null = null;
  for (const p of phrases) {
    const index = sentenceAt(sentences, p.start, cursor);
    if (index < 0) continue;
    cursor = index;
    const sentence = sentences[index]!;
    if (index !== lastSentence) {
      lastSentence = index;
      previousInSentence = null;
    }
    if (p.end > sentence.end) continue;
    let shape = shapeOf.get(index);
    if (shape === undefined) {
      shape = { dataLine: isDataLine(sentence.text), titleCase: isTitleCase(sentence.text) };
      shapeOf.set(index, shape);
    }
    if (shape.dataLine || notAFigure(text, p, sentence.start, shape.titleCase) !== null) continue;

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
    previousInSentence = { noun, unit, event, end };

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
  return figures;
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
