// Numbers that are not figures: dates, years, times, ages, ordinals, durations, numbers inside
// names ("Apollo 11", "S&P 500", "COVID-19"), addresses, phone numbers, tickers and page
// furniture. Each rule looks only at the few characters around the number, so the cost per
// number is constant.

import type { NumberPhrase } from './scan';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

// `(?=)` below is an empty lookahead: it always succeeds and consumes nothing, so it changes no
// match. After an alternation that more pattern follows, it stops V8's regex compiler from
// copying that rest into every branch: smaller regex code, compiled faster on a page's first
// scan (see CUT in scan.ts).

// Month names are matched case-sensitively: "may" is a modal verb, "May" a month.
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS}|${WEEKDAYS})(?=)\\.?,?\\s+(?:the\\s+)?$`);
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?(?=)\\s+(?:of\\s+)?(?=)(?:${MONTHS})(?=)\\b`);
const TIME_AFTER = /^\s?(?:a\.?m\.?|p\.?m\.?|o['’]clock|GMT|UTC|ET|EST|EDT|PT|PST|PDT|CET|BST|IST)(?![A-Za-z])/;
const AGE_BEFORE = /\b(?:aged|age|ages|ageing|aging)\s+$/i;
const AGE_AFTER = /^(?:\s*(?:,|and|or|to)(?=)\s*\d+)?(?=)[-\s](?:years?|months?|weeks?|days?)(?=)[-\s]old\b/i;
// A duration: a number of time units ("three years", "10 days", "two more years", "30 min").
const DURATION_AFTER =
  /^(?:\s+(?:more|additional|full|consecutive|straight|long|whole|extra|further|previous|next|last|past|other))?(?=)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|years?|yrs?|decades?|centuries|century|generations?)(?=)\b(?!-)/i;
// Words that put a number in a name or a label rather than a count: "No. 1", "Section 230".
const LABEL_BEFORE =
  /\b(?:photo|image|slide|picture|no\.|nos\.|number|#|page|pp?\.|chapter|section|article|clause|paragraph|room|suite|flight|route|highway|interstate|gate|platform|line|channel|episode|season|volume|vol\.|issue|version|level|phase|grade|category|class|type|model|series|unit|apartment|apt\.|floor|district|ward|precinct|rule|title|amendment|resolution|bill|act|code|form|tier|stage|game|week|day|round|match|verse|psalm|exhibit|appendix|figure|table|step|question|item)(?=)\s+$/i;
const STREET_AFTER =
  /^(?:\s+[A-Z][a-z]+){1,3}(?=)\s+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Place|Pl\.?|Court|Ct\.?|Terrace|Parkway|Highway|Square)(?=)\b/;
const ONE_AS_COUNT =
  /^\s+(?:[a-z-]+\s+){1,2}(?=)(?:(?:was|has been|had been|is|were)(?=)\s+(?:reported\s+|confirmed\s+)?(?=)(?:killed|dead|injured|wounded|missing|arrested|hurt|detained|hospitali[sz]ed|rescued|shot)|died)(?=)\b/;
const PHONE = /^(?:\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}|\+\d[\d\s().-]{7,})/;

/**
 * Capitalised words that may stand before a number without making it part of a name: sentence
 * openers and determiners ("These 11", "All 14 companies", "About 50").
 */
const CAPITALISED_FUNCTION_WORDS = new Set([
  'the', 'these', 'those', 'all', 'some', 'about', 'nearly', 'only', 'another', 'his', 'her', 'its', 'their',
  'our', 'my', 'your', 'with', 'of', 'in', 'on', 'at', 'for', 'to', 'by', 'from', 'and', 'but', 'or', 'nor',
  'over', 'under', 'around', 'roughly', 'almost', 'approximately', 'just', 'at', 'least', 'more', 'than', 'up',
  'as', 'many', 'much', 'fewer', 'less', 'another', 'after', 'before', 'since', 'until', 'when', 'while',
  'of', 'if', 'so', 'yet', 'then', 'now', 'today', 'yesterday', 'still', 'also', 'even', 'both', 'each',
  'every', 'those', 'we', 'they', 'he', 'she', 'it', 'i', 'you', 'there', 'here', 'a', 'an', 'nearly',
  'some', 'estimated', 'between', 'below', 'above', 'among', 'including', 'plus', 'minus', 'per', 'that',
  'this', 'what', 'which', 'who', 'why', 'how', 'where', 'was', 'is', 'are', 'were', 'be', 'had', 'has',
  'have', 'did', 'does', 'do', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'got',
  'paid', 'pay', 'pays', 'cost', 'costs', 'for', 'rs', 'usd', 'inr', 'eur', 'gbp', 'us', 'fresh', 'just',
]);

/** The word (letters, &, apostrophe, dot) that ends right before `pos`, and where it starts. */
function previousWord(text: string, pos: number): { word: string; start: number } {
  let i = pos;
  while (i > 0 && text[i - 1] === ' ') i--;
  const end = i;
  while (i > 0 && /[A-Za-z&'’.]/.test(text[i - 1]!)) i--;
  return { word: text.slice(i, end), start: i };
}

/**
 * Why the number phrase `p` is not a figure, or null when it is one.
 * `sentenceStart` is the offset of its sentence in `text`.
 */
export function notAFigure(text: string, p: NumberPhrase, sentenceStart: number, titleCase = false): string | null {
  const a = p.first;
  const last = p.second ?? a;
  const money = p.unit !== 'count' && p.unit !== 'percent';
  const measured = money || p.unit === 'percent';
  const charBefore = text[a.start - 1] ?? ' ';
  const charBefore2 = text[a.start - 2] ?? ' ';
  const charAfter = text[last.end] ?? ' ';
  const before = text.slice(Math.max(sentenceStart, a.start - 40), a.start);
  const after = text.slice(last.end, last.end + 50);

  // Inside a token: "t.co/N5", "COVID-19", "-12.99" in a ticker, "1010data", "21st", "2030s".
  // "-12.99" in a ticker, "COVID-19", the tail of "555-123-4567" or of a score "52-48".
  if (/[-–−]/.test(charBefore) && (/[0-9]/.test(charBefore2) || (!p.second && (/[A-Za-z]/.test(charBefore2) || /^\s?$/.test(charBefore2))))) {
    return 'inside a token';
  }
  if (/[A-Za-z0-9_/@#:]/.test(charBefore)) return 'inside a token';
  if (/[A-Za-z0-9_@]/.test(charAfter) && !/\s/.test(charAfter)) return 'inside a token';
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return 'ordinal';
  if (/^:\d/.test(after)) return 'time';
  // Hyphen compounds: "a 45-year-old", "three-day journey", "one-off" (money keeps "$119-a-year").
  if (charAfter === '-' && !money && !a.something && !/^-(?:plus|something)\b/i.test(after)) {
    return /^-(?:year|month|week|day)s?-old/i.test(after) ? 'age' : 'compound word';
  }
  if (!a.isDigits && a.raw === a.raw.toUpperCase() && a.raw.length > 2) return 'capitalised name';

  const raw = a.raw.toLowerCase();
  // "one" is nearly always a pronoun or an article ("one of the", "one user"), except in a
  // casualty count: "One person was killed", "one soldier died".
  if (!a.isDigits && raw === 'one' && !p.second && !a.scaled && !ONE_AS_COUNT.test(after)) return 'indefinite one';
  if (!a.isDigits && raw === 'two' && !p.second && /\bthe\s+$/i.test(before)) return '"the two" means both';
  if (!a.isDigits && !p.second && /\b(?:a|an|one|the)\s+\w+\s+or\s+$/i.test(before)) return 'idiom: "a day or two"';

  // Ratios: "one in five adults", "two in three voters" state a share, not a count of adults.
  if (/\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:in|out of)\s+$/i.test(before)) return 'ratio';
  if (/^\s+(?:in|out of)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b/i.test(after) && !p.second && !measured) return 'ratio';
  // Years: 1000-2100 written without comma, currency, scale or percent ("in 2019", "2011 to 2013").
  if (a.isDigits && !measured && !a.scaled && /^\d{4}$/.test(a.raw) && a.value >= 1000 && a.value <= 2100) return 'year';
  if (a.isDigits && MONTH_BEFORE.test(before)) return 'date';
  if (a.isDigits && MONTH_AFTER.test(after)) return 'date';
  if (a.isDigits && /^\d{1,2}\s*\/\s*\d{1,2}/.test(text.slice(a.start, a.start + 8))) return 'date';
  if (TIME_AFTER.test(after)) return 'time';
  if (/\bat\s+$/i.test(before) && /^\s*(?:in the (?:morning|afternoon|evening)|tonight|noon)/i.test(after)) return 'time';
  if (AGE_BEFORE.test(before) || AGE_AFTER.test(after)) return 'age';
  // "said Smith, 42, who ...", "Jane Doe (35)": an age set after a name.
  if (a.isDigits && !measured && a.value < 120 && Number.isInteger(a.value) &&
      ((/[A-Z][A-Za-z’'-]+,\s*$/.test(before) && /^\s*(?:,|\.|$)/.test(after)) || (/[A-Z][A-Za-z’'-]+\s*\($/.test(before) && /^\)/.test(after)))) {
    return 'age';
  }
  if (p.unit === 'count' && DURATION_AFTER.test(after)) return 'duration';
  if (/\b(?:years?|months?|days?)\s+$/i.test(before) && /^\s+(?:ago|later|earlier)\b/i.test(after)) return 'duration';
  if (a.isDigits && PHONE.test(text.slice(a.start, a.start + 20))) return 'phone number';
  if (a.isDigits && !measured && STREET_AFTER.test(after)) return 'address';
  if (!money && LABEL_BEFORE.test(before)) return 'label';
  // "Photo 1 of 5", "Page 2 of 7": the total of a gallery or a pager.
  if (!money && /\b(?:photo|image|slide|picture|page|part|step|chapter|episode|item)\s+\d+\s+of\s+$/i.test(before)) return 'label';
  // A number right after a capitalised name is part of it: "Apollo 11", "Boeing 737", "Fortune 500".
  // (Not in a title-cased headline, where every word is capitalised: "Apple Sells 10 Million Phones".)
  if (a.isDigits && !a.currency && !titleCase) {
    const prev = previousWord(text, a.start);
    // Sentence openers ("These 11", "All 14") are in the function-word list; "iPhone 11" counts as a name.
    if (prev.word && prev.start >= sentenceStart && /[A-Z]/.test(prev.word) && /^ ?$/.test(text.slice(prev.start + prev.word.length, a.start))) {
      const w = prev.word.replace(/[.'’]+$/, '').toLowerCase();
      if (!CAPITALISED_FUNCTION_WORDS.has(w)) return 'name';
    }
  }
  return null;
}

/** A headline in title case: most words of four letters or more are capitalised. */
export function isTitleCase(sentence: string): boolean {
  const words = sentence.match(/[A-Za-z][A-Za-z’'-]{3,}/g) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => w.charCodeAt(0) <= 90).length;
  return capitalised / words.length >= 0.75;
}

/**
 * A line of market data or a table ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%"): several
 * numbers and no lower-case word of prose. Its numbers are live data, not reported figures.
 */
export function isDataLine(sentence: string): boolean {
  if (/\b[a-z]{3,}\b/.test(sentence)) return false;
  const numbers = sentence.match(/\d[\d,.]*/g);
  return (numbers?.length ?? 0) >= 3;
}
