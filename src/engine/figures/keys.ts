// The `what` key of a figure and its context words.
//
// what = "<counted noun>|<event or measure>", lower case.
// - Counted noun: the noun phrase right after the number ("23 Russian citizens" -> "russian
//   citizen"), skipping "of" after vague plurals ("dozens of submissions"); its last word is
//   singularised ("companies" -> "company", "people" -> "person", "gunmen" -> "gunman");
//   determiners and comparison words ("other", "such", "more", "additional") are dropped.
//   Money is counted in its currency ("dollar", "euro", "rupee"; "dollar per pound" for a
//   rate), percentages in "percent".
//   A number with no noun of its own ("another four were reported missing", "three others")
//   takes the noun of the previous figure of its sentence.
// - Event: a verb or noun of a small lexicon near the number, normalised (died, dead,
//   killing -> "killed"; wounded -> "injured"; kidnapped, hostages -> "taken hostage"; ...).
//   Without an event, money and percentages get a measure: "revenue of $27.53 billion" ->
//   "revenue", "15 percent of its gross domestic product" -> "gross domestic product",
//   "$2.52 a share" -> the rate "dollar per share". Forecasts and earlier values are told
//   apart from actual ones with a prefix: "expected revenue", "previous sales growth".
// Figures without any event or measure get an empty second half ("company|"): such a key is
// too loose to raise a conflict on.
//
// context = distinctive words of the figure's sentence, lower case: proper nouns (not the
// sentence's first word), acronyms, event nouns ("attack"), years (not "since 2022"), relative
// times ("last year", "a month ago", unless they date the report: "said last week"), and
// frames "(separate)", "(part)", "(per period)". The figure's own noun and the words of its
// source (attributedTo) are left out.

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with',
  'without', 'into', 'onto', 'over', 'under', 'about', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose',
  'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'he', 'his', 'she', 'her', 'we', 'our',
  'you', 'your', 'i', 'me', 'my', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have',
  'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should',
  'not', 'no', 'so', 'if', 'when', 'while', 'where', 'after', 'before', 'since', 'until', 'because',
  'although', 'though', 'per', 'each', 'every', 'all', 'both', 'also', 'now', 'then', 'still', 'just',
  'only', 'even', 'already', 'currently', 'including', 'between', 'among', 'during', 'through', 'across',
  'against', 'toward', 'towards', 'up', 'down', 'out', 'off', 'more', 'less', 'most', 'least', 'other',
  'others', 'another', 'such', 'there', 'here', 'said', 'says', 'say', 'told', 'reported', 'according',
  'selected', 'who', 'what', 'how', 'why', 'plus', 'versus', 'vs', 'via', 'like', 'unlike', 'within',
  'left', 'remain', 'remained', 'remains', 'reportedly', 'allegedly', 'now', 'again', 'once', 'away',
  'ago', 'later', 'earlier', 'respectively', 'total', 'overall', 'year', 'years', 'month', 'months',
  'age', 'aged', 'ages',
  // Irregular past participles open a clause after the noun ("200 taken hostage").
  'taken', 'held', 'seen', 'given', 'shown', 'known', 'found', 'made', 'kept', 'sent', 'put', 'brought',
  'caught', 'shot', 'hit', 'built', 'sold', 'bought', 'paid', 'won', 'run', 'set', 'cut', 'left', 'lost',
  'gone', 'done', 'become', 'come', 'got', 'gotten', 'fled', 'stuck', 'thrown', 'driven', 'written',
  // Common verbs that follow a counted subject ("25 million need aid").
  'need', 'needs', 'remain', 'live', 'work', 'face', 'want', 'hold', 'support', 'oppose', 'vote', 'voted',
  'lack', 'own', 'use', 'receive', 'received', 'require', 'expect', 'say', 'think', 'believe', 'fear',
  'beat', 'beats', 'topped', 'missed', 'exceeded', 'rose', 'fell', 'cast',
]);

/** Words in -ly that are nouns or adjectives of a noun phrase, not adverbs. */
const LY_NOUNS = new Set([
  'family', 'daily', 'weekly', 'monthly', 'yearly', 'quarterly', 'elderly', 'early', 'supply', 'assembly',
  'ally', 'rally', 'italy', 'monopoly', 'butterfly', 'lily', 'belly', 'jelly', 'bully', 'friendly', 'deadly',
  'costly', 'lonely', 'holy', 'ugly', 'silly', 'lovely', 'timely', 'likely', 'burly', 'hourly', 'nightly',
]);

/** Plural nouns without a final s: a noun phrase ends with them. */
const PLURAL_WITHOUT_S = /^(?:people|men|women|children|police|staff|personnel|cattle|feet|teeth|mice|geese|data|.*men)$/;

/** Words dropped from the front of a counted noun phrase: they compare, they do not name. */
const NOUN_FILLERS = new Set(['other', 'more', 'such', 'additional', 'further', 'extra', 'new', 'newly', 'some', 'many', 'of']);

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot',
  teeth: 'tooth', mice: 'mouse', geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife',
  halves: 'half', leaves: 'leaf', thieves: 'thief', shelves: 'shelf', wolves: 'wolf', calves: 'calf',
  data: 'data', police: 'police', staff: 'staff', sheep: 'sheep', fish: 'fish', series: 'series',
  species: 'species', news: 'news', crises: 'crisis', analyses: 'analysis', criteria: 'criterion',
  phenomena: 'phenomenon', personnel: 'personnel', cattle: 'cattle', aircraft: 'aircraft',
};

const singularCache = new Map<string, string>();

/** Singular of an English plural noun, lower case. Cached: news text repeats its nouns. */
export function singular(word: string): string {
  let known = singularCache.get(word);
  if (known === undefined) {
    known = singularOf(word.toLowerCase());
    if (singularCache.size > 5000) singularCache.clear();
    singularCache.set(word, known);
  }
  return known;
}

function singularOf(w: string): string {
  const irregular = IRREGULAR_PLURALS[w];
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (/men$/.test(w)) return w.slice(0, -3) + 'man';
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x|z)es$|[^aeiou]uses$/.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is|ics)$/.test(w)) return w;
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Event words near a figure and the event they normalise to (one, two or three words). */
const EVENT_PHRASES: ReadonlyArray<[string, string]> = [
  ['taken hostage', 'taken hostage'], ['held hostage', 'taken hostage'], ['kept hostage', 'taken hostage'],
  ['seized as hostages', 'taken hostage'], ['taken captive', 'taken hostage'], ['held captive', 'taken hostage'],
  ['kidnapped', 'taken hostage'], ['abducted', 'taken hostage'],
  ['laid off', 'laid off'], ['lost their jobs', 'laid off'], ['lost jobs', 'laid off'],
  ['killed', 'killed'], ['killing', 'killed'], ['kills', 'killed'], ['kill', 'killed'], ['dead', 'killed'],
  ['died', 'killed'], ['dying', 'killed'], ['perished', 'killed'], ['slain', 'killed'], ['murdered', 'killed'],
  ['drowned', 'killed'], ['lost their lives', 'killed'], ['shot dead', 'killed'],
  ['injured', 'injured'], ['injuring', 'injured'], ['wounded', 'injured'], ['wounding', 'injured'], ['hurt', 'injured'],
  ['missing', 'missing'], ['unaccounted for', 'missing'],
  ['arrested', 'arrested'], ['detained', 'arrested'], ['in custody', 'arrested'],
  ['displaced', 'displaced'], ['homeless', 'displaced'], ['evacuated', 'evacuated'],
  ['hospitalized', 'hospitalized'], ['hospitalised', 'hospitalized'], ['infected', 'infected'],
  ['tested positive', 'infected'], ['rescued', 'rescued'], ['trapped', 'trapped'], ['stranded', 'stranded'],
  ['fired', 'fired'], ['hired', 'hired'], ['sentenced', 'sentenced'], ['charged', 'charged'], ['indicted', 'charged'],
  ['convicted', 'convicted'], ['deported', 'deported'], ['executed', 'executed'], ['beheaded', 'beheaded'],
  ['escaped', 'escaped'], ['released', 'released'], ['freed', 'released'], ['affected', 'affected'],
  ['attended', 'attending'], ['attending', 'attending'], ['protested', 'protesting'], ['sickened', 'sickened'],
];
const EVENTS = new Map(EVENT_PHRASES);

/**
 * Nouns that count people by what happened to them: "seven hostages", "12 deaths". The
 * counted noun becomes "person" and the noun gives the event, so "seven hostages" and
 * "seven people taken hostage" share the key "person|taken hostage".
 */
const EVENT_NOUNS_OF_PEOPLE: ReadonlyMap<string, string> = new Map([
  ['hostage', 'taken hostage'], ['captive', 'taken hostage'], ['death', 'killed'], ['fatality', 'killed'],
  ['injury', 'injured'], ['arrest', 'arrested'], ['detention', 'arrested'], ['evacuation', 'evacuated'],
  ['infection', 'infected'], ['layoff', 'laid off'], ['casualty', 'killed or injured'], ['toll', 'killed'],
]);

/** Find an event among `words` (lower case), trying longer phrases first. */
function eventIn(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    for (const len of [3, 2, 1]) {
      if (i + len > words.length) continue;
      const event = EVENTS.get(words.slice(i, i + len).join(' '));
      if (event) return event;
      if (len === 1) {
        const byNoun = EVENT_NOUNS_OF_PEOPLE.get(singular(words[i]!));
        if (byNoun) return byNoun;
      }
    }
  }
  return null;
}

const WORD = /[A-Za-z][A-Za-z'’&-]*|[,;:.()\[\]—–!?]/g;

/** Words and clause punctuation of `s`, in order. */
function tokens(s: string): string[] {
  return s.replace(/[“”"‘’](?![a-z])/g, '').match(WORD) ?? [];
}

const CLAUSE_BREAK = /^[,;:.()\[\]—–!?]$/;

/** Measure-unit nouns: a figure counted in them has that unit rather than "count". */
export const MEASURE_UNITS = new Set([
  'pound', 'kilogram', 'kg', 'gram', 'ton', 'tonne', 'metric ton', 'ounce', 'mile', 'kilometer', 'kilometre',
  'km', 'meter', 'metre', 'foot', 'inch', 'yard', 'acre', 'hectare', 'square mile', 'square foot', 'liter',
  'litre', 'gallon', 'barrel', 'degree', 'megawatt', 'gigawatt', 'kilowatt',
]);

/** A plural noun ends a counted noun phrase: "companies", "people", not "news" or "CLPS". */
function isPluralNoun(token: string): boolean {
  if (/^[A-Z]{2,}$/.test(token)) return false;
  const lower = token.toLowerCase();
  if (PLURAL_WITHOUT_S.test(lower)) return true;
  return /[^s’']s$/.test(lower) && singular(lower) !== lower;
}

/**
 * The counted noun right after a number: up to four words before a stop word, a verb of an
 * auxiliary kind or clause punctuation. `after` is the text right after the number.
 */
export function nounAfter(after: string, vague: boolean, plural = true): { noun: string; length: number; event?: string } {
  const re = /[A-Za-z][A-Za-z'’&-]*|[“”"‘’]|[^\sA-Za-z]/g;
  const words: string[] = [];
  let lastTok = '';
  let length = 0;
  let skippedOf = false;
  for (let m = re.exec(after); m; m = re.exec(after)) {
    const tok = m[0];
    if (/^[“”"‘’]$/.test(tok)) continue;
    if (!/^[A-Za-z]/.test(tok)) break;
    const lower = tok.toLowerCase();
    if (lower === 'of' && words.length === 0 && !skippedOf && (vague || /^\s*of\s+(?!them\b|us\b|the\b|those\b|these\b|its\b|their\b)/i.test(after.slice(m.index)))) {
      // "dozens of submissions", "hundreds of Islamists": the noun follows "of".
      skippedOf = true;
      continue;
    }
    if (words.length === 0 && NOUN_FILLERS.has(lower)) continue;
    const eventNoun = EVENT_NOUNS_OF_PEOPLE.get(singular(lower));
    if (eventNoun) {
      // "seven hostages", "12 deaths": people counted by what happened to them.
      words.push('person');
      length = m.index + tok.length;
      return { noun: words.join(' '), length, event: eventNoun };
    }
    if (STOP_WORDS.has(lower) || (/ly$/.test(lower) && !LY_NOUNS.has(lower)) || EVENTS.has(lower)) break;
    // A past participle after a noun starts a clause ("companies selected by NASA").
    if (words.length > 0 && /ed$/.test(lower) && !/^[A-Z]/.test(tok)) break;
    // Acronyms keep their case-free form and are not singularised ("CLPS", "NGOs").
    words.push(/^[A-Z]{2,}s?$/.test(tok) ? lower : lower.replace(/[’']s$/, ''));
    lastTok = tok;
    length = m.index + tok.length;
    // A plural noun is the head of a counted phrase: what follows is a verb or a new clause
    // ("five companies join nine others").
    if (plural && isPluralNoun(tok)) break;
    if (words.length === 4) break;
  }
  if (words.length === 0) return { noun: '', length: 0 };
  if (!/^[A-Z]{2,}s?$/.test(lastTok)) words[words.length - 1] = singular(words[words.length - 1]!);
  return { noun: words.join(' '), length };
}

/** Event words after the noun (up to the clause end) or before the number (in its clause). */
export function eventNear(before: string, after: string): { event: string; endInAfter: number | null } {
  // Right before: "killing at least 14 people and injuring more than 200" — the verb that
  // takes the number as its object wins over a later one.
  const beforeWords = tokens(before).slice(-8);
  let cut = beforeWords.length;
  while (cut > 0 && !CLAUSE_BREAK.test(beforeWords[cut - 1]!)) cut--;
  const clause = beforeWords.slice(cut).map((w) => w.toLowerCase());
  const adjacent = eventIn([clause.slice(-2).join(' ')]) ?? eventIn(clause.slice(-1));
  if (adjacent) return { event: adjacent, endInAfter: null };
  // After: "were killed", "were reported missing", "taken hostage", "died".
  const afterRe = /[A-Za-z][A-Za-z'’-]*|[,;:.()\[\]—–!?]/g;
  const afterWords: string[] = [];
  const ends: number[] = [];
  for (let m = afterRe.exec(after); m && afterWords.length < 7; m = afterRe.exec(after)) {
    if (CLAUSE_BREAK.test(m[0])) break;
    afterWords.push(m[0].toLowerCase());
    ends.push(m.index + m[0].length);
  }
  for (let i = 0; i < afterWords.length; i++) {
    for (const len of [3, 2, 1]) {
      if (i + len > afterWords.length) continue;
      const event = eventIn([afterWords.slice(i, i + len).join(' ')]);
      if (event) return { event, endInAfter: ends[i + len - 1]! };
    }
  }
  // Before: "killing at least 19 people", "laid off more than 60", "the hostages include three".
  for (let i = clause.length - 1; i >= 0; i--) {
    for (const len of [1, 2, 3]) {
      if (i - len + 1 < 0) continue;
      const event = eventIn([clause.slice(i - len + 1, i + 1).join(' ')]);
      if (event) return { event, endInAfter: null };
    }
  }
  return { event: '', endInAfter: null };
}

/** Words that mark a value as a forecast or an earlier value rather than the actual one. */
const FORECAST = /\b(?:expect(?:s|ed|ing|ations?)?|forecasts?|forecasted|predict(?:s|ed|ions?)?|projects?|projected|projections?|estimates?|consensus|guidance|outlook|targets?|sees|anticipated?)(?=)\b/i;
const HABITUAL = /\b(?:routinely|usually|typically|normally|regularly|generally|often|ordinarily)\b/i;
const PREVIOUS = /\b(?:previous|prior|a year earlier|year-ago)\b/i;

/** Verbs whose object is an amount of money, with the measure they give. */
const MONEY_VERBS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:earned|earns|earn|profit)\s*$/i, 'earnings'],
  [/\b(?:cost|costs|costing)(?:\s+\w+){0,2}\s*$/i, 'cost'],
  [/\b(?:paid|pays|pay|paying)(?:\s+[\w’']+){0,4}\s*$/i, 'cost'],
  [/\b(?:spent|spends|spend|spending)(?:\s+\w+){0,2}\s*$/i, 'spending'],
  [/\b(?:raised|raises|raise|raising)\s*$/i, 'raised'],
  [/\b(?:bought|buy|buys|acquired|acquire)\b.*\bfor\s*$/i, 'purchase price'],
  [/\b(?:sold|sell|sells|selling)\b.*\bfor\s*$/i, 'sale price'],
  [/\b(?:bid|offered|offer)\s*$/i, 'bid'],
  [/\b(?:fined|fine of)\s*$/i, 'fine'],
];

const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'did', 'does', 'also', 'already', 'recently', 'reportedly', 'allegedly', 'still', 'just', 'to', 'be', 'been', 'was', 'were', 'is', 'are', 'which', 'that', 'who']);

/** The subject noun right before a verb, skipping auxiliaries and adverbs; "" when none. */
function subjectWordBefore(text: string): string {
  const words = text.trimEnd().split(/\s+/);
  let i = words.length - 1;
  while (i >= 0 && (AUXILIARIES.has(words[i]!.toLowerCase()) || /ly$/i.test(words[i]!))) i--;
  const w = (words[i] ?? '').replace(/[’']s$/, '');
  if (!/^[A-Za-z][A-Za-z-]*$/.test(w) || STOP_WORDS.has(w.toLowerCase())) return '';
  return singular(w);
}

const MEASURE_BEFORE = /\b([A-Za-z][\w.’'-]*(?:\s+[A-Za-z][\w.’'-]*){0,3})\s+(?:of|at|was|were|is|are|totaled|totalled|reached|hit|rose|fell|grew|increased|decreased|declined|dropped|jumped|climbed|slipped|gained|lost)(?=)\s+(?:up\s+|down\s+|to\s+|by\s+)?(?=)(?:about|approximately|around|roughly|nearly|almost|more than|less than|over|under|up to|as much as|at least|some|just short of|just under)?(?=)\s*$/i;

/** Words that cannot be part of a measure's name. */
const NOT_MEASURE = /^(?:\d.*|million|billion|trillion|thousand|hundred|percent|dollars?|shares?)$/;

function measureWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/\b([a-z])\.([a-z])\./g, '$1$2')
    .split(/[\s]+/)
    .map((w) => w.replace(/[’']s$|[’'.,]+$/g, ''));
}

const isMeasureWord = (w: string): boolean => w !== '' && !STOP_WORDS.has(w) && !NOUN_FILLERS.has(w) && !NOT_MEASURE.test(w);

/** The last run of content words of `phrase` ("a loss of $304.7 million on revenue" -> "revenue"). */
function lastRun(phrase: string): string {
  const words = measureWords(phrase);
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0 && isMeasureWord(words[i]!) && run.length < 3; i--) run.unshift(words[i]!);
  return run.join(' ');
}

/** The first run of content words of `phrase`, determiners skipped ("the total U.S. population as" -> "us population"). */
function firstRun(phrase: string): string {
  const words = measureWords(phrase);
  let i = 0;
  while (i < words.length && /^(?:the|a|an|its|their|his|her|our|this|that|these|those|total|all)$/.test(words[i]!)) i++;
  const run: string[] = [];
  for (; i < words.length && isMeasureWord(words[i]!) && run.length < 4; i++) run.push(words[i]!);
  return run.join(' ');
}

/**
 * The measure of an amount of money or a percentage: what it is the amount of.
 * `before`/`after` are the sentence text around the number phrase.
 */
export function measureOf(before: string, after: string, unitNoun: string): { noun: string; measure: string } {
  let noun = unitNoun;
  let measure = '';
  const rate = /^\s*(?:a|an|per|each|every)\s+(?!few\b|lot\b|total\b|year\b(?!-))(diluted\s+)?([a-z]+)\b/i.exec(after) ?? /^-a-(year|month|week|day)\b/i.exec(after);
  if (rate) noun = `${unitNoun} per ${singular(rate[rate.length - 1]!)}`;
  const inNoun = /^\s*(?:in|of)\s+((?:[\w-]+\s+){0,2}[\w-]+)/i.exec(after);
  const ofBefore = MEASURE_BEFORE.exec(before);
  if (unitNoun !== 'percent' && ofBefore && /\bof\s*(?:[a-z ]+)?$/i.test(ofBefore[0]) && lastRun(ofBefore[1]!) !== '') {
    // "revenue of $61.9bn beat forecasts": the noun before "of" names the amount.
    measure = lastRun(ofBefore[1]!);
  } else if (unitNoun !== 'percent' && !rate && /^\s+[a-z]/.test(after) && !/^\s+(?:in|of|to|from|and|or|on|for|at|by|with|than|a|an|the|this|last|since|after|before|compared|down|up|over|as|while|which|that|who|was|were|is|are|has|have|had|will|would|could|per|each|every|more|less|million|billion|trillion|thousand)(?=)\b/i.test(after)) {
    // "$1.9 trillion relief package", "$1,400 checks"
    measure = nounAfter(after, false).noun;
  } else if (unitNoun !== 'percent' && inNoun && !/^(?:the|a|an|its|their|his|her)\b/i.test(inNoun[1]!) && /^\s*in\b/i.test(after) && firstRun(inNoun[1]!) !== '') {
    measure = firstRun(inNoun[1]!);
  } else if (/^\s*of\s+/i.test(after) && unitNoun === 'percent') {
    // "40 percent of voters stayed home" -> "voter"; "of the total U.S. population" -> "us population".
    const of = after.replace(/^\s*of\s+(?:the|its|their|his|her|our|all)\s+(?:total\s+|entire\s+|overall\s+)?/i, ' ').replace(/^\s*of\s+/i, ' ').replace(/\b([A-Za-z])\.([A-Za-z])\./g, '$1$2');
    measure = nounAfter(of, false).noun;
  } else if (unitNoun === 'percent' && /^\s+[a-z]+/.test(after) && !/^\s+(?:of|in|to|from|and|or|on|for|at|by|with|than|a|the|year|this|last|since|after|before|compared|down|up|higher|lower|more|less|over|as|while|which|that|who|was|were|is|are)(?=)\b/i.test(after)) {
    // "25.2% stake"
    measure = firstRun(/^\s+([a-z-]+)/i.exec(after)![1]!);
  } else if (ofBefore && lastRun(ofBefore[1]!) !== '') {
    measure = lastRun(ofBefore[1]!);
  } else {
    for (const [re, m] of MONEY_VERBS) {
      const verb = re.exec(before);
      if (verb) {
        // "Tickets cost $50" and "The stadium cost $1.2 billion" are different costs: the
        // subject names the measure. Without a subject the key stays loose (no conflicts).
        const subject = subjectWordBefore(before.slice(0, verb.index));
        measure = subject === '' ? '' : `${subject} ${m}`;
        break;
      }
    }
  }
  if (measure !== '') {
    const clause = clauseAround(before, after);
    const plain = measure.split(' ').filter((w) => !FORECAST.test(w) && !PREVIOUS.test(w)).join(' ');
    measure = plain === '' ? '' : `${modalityOf(clause)}${plain}`;
  }
  return { noun, measure };
}

/**
 * A prefix that keeps forecasts, earlier values and usual values apart from the actual
 * one: "expected revenue" vs "revenue", "previous guidance", "usual price" vs a one-week deal.
 */
export function modalityOf(clause: string): string {
  if (FORECAST.test(clause)) return 'expected ';
  if (PREVIOUS.test(clause)) return 'previous ';
  if (HABITUAL.test(clause)) return 'usual ';
  return '';
}

/** The clause of a figure: the part of `before` after its last clause break, and of `after` before its first. */
export function clauseAround(before: string, after: string): string {
  // "revenue of $61.9bn beat forecasts of $60.8bn": what follows a comparison belongs to the
  // other value, not to this one.
  const rest = after.split(/[,;.:—]/)[0]!.split(COMPARISON)[0]!;
  return `${clauseOf(before)} ${rest}`;
}

const COMPARISON = /\b(?:beat|beats|beating|topped|tops|missed|misses|missing|exceeded|exceeds|surpassed|above|below|short of|ahead of|versus|vs\.?|compared|than)(?=)\b/i;

/** The part of `before` after its last clause break. */
function clauseOf(before: string): string {
  const i = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('—'));
  return i < 0 ? before : before.slice(i + 1);
}

const MONTH_OR_DAY = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/;

/** Nouns that name an event: two figures placed in different ones count different things. */
const EVENT_NOUNS = new Set([
  'attack', 'attacks', 'counterattack', 'counteroffensive', 'offensive', 'bombing', 'bombings', 'strike', 'strikes',
  'airstrike', 'airstrikes', 'raid', 'raids', 'shooting', 'shootings', 'explosion', 'blast', 'earthquake', 'quake',
  'flood', 'floods', 'flooding', 'fire', 'wildfire', 'wildfires', 'storm', 'hurricane', 'typhoon', 'cyclone',
  'tornado', 'crash', 'collision', 'derailment', 'war', 'election', 'protest', 'protests', 'riot', 'riots',
  'outbreak', 'pandemic', 'epidemic', 'siege', 'invasion', 'massacre', 'ambush', 'clashes', 'stampede',
  'collapse', 'landslide', 'eruption', 'famine', 'drought', 'heatwave', 'merger', 'acquisition', 'ipo',
  'bankruptcy', 'layoffs', 'quarter', 'campaign',
]);

/** Relative times, kept in a figure's context as phrases ("last year"). */
// `(?=)` in the regexes below is an empty lookahead: it always succeeds and consumes nothing,
// so it changes no match. After an alternation that more pattern follows, it stops V8's regex
// compiler from copying that rest into every branch (branch counts multiply, level after
// level): RELATIVE_TIME compiled to 43 KB of bytecode without it, 6 KB with it, and V8
// compiles each regex on a page's first scan (see scan.ts, CUT).
export const RELATIVE_TIME = /\b(?:(?:last|this|next|previous|past)(?=) (?:year|month|week|season|quarter|decade|century|spring|summer|fall|autumn|winter)|(?:a|an|one|two|three|four|five|six|several|a few|\d+)(?=) (?:days?|weeks?|months?|years?|decades?)(?=) (?:ago|earlier|before|later)|earlier this (?:year|month|week))(?=)\b/gi;

/**
 * Frames that set a figure apart from the main count of its page: another event ("in a
 * separate attack") or a part of an earlier count ("Of those, 3 were ..."). Kept in the context
 * as "(separate)" and "(part)".
 */
const SEPARATE_EVENT = /\b(?:separate|another|unrelated|earlier|previous|second|similar|different)(?=)\s+(?:\w+\s+)?(?=)(?:accident|attack|incident|crash|strike|bombing|shooting|explosion|blast|raid|fire|quake|earthquake|storm|flood|event|case|outbreak|collision|derailment)(?=)\b/i;
/** A count per period ("400 in a day", "daily") is not the total of the same thing. */
const PER_PERIOD = /\b(?:in (?:a|one|a single)(?=) (?:day|week|month|night)|per (?:day|week|month|year)|(?:a|each|every)(?=) (?:day|week|month)|daily|weekly|monthly)(?=)\b/i;
const PART_OF_EARLIER = /^(?:of (?:those|them|these|whom)|among (?:them|those|these|whom)|including)\b/i;

const CAPITALISED_STOP = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'in', 'on', 'at', 'of', 'for', 'to', 'by', 'i', 'he', 'she', 'it',
  'they', 'we', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'mr', 'mrs', 'ms', 'dr',
]);

/**
 * Distinctive words of a sentence that tell its event apart: proper nouns (capitalised words
 * not opening the sentence), event nouns ("attack", "counterattack") and years. Words of the
 * figure's own noun and of its source (attributedTo) are left out: the source says who
 * reports, not what happened, and the noun is already in the key.
 */
export function contextWords(sentence: string, noun: string, attributedTo: string | null): string[] {
  return filterContext(contextCandidates(sentence), noun, attributedTo);
}

/** Every context word of a sentence, before the figure's own noun and source are taken out. */
export function contextCandidates(sentence: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  if (SEPARATE_EVENT.test(sentence)) out.push('(separate)');
  if (PER_PERIOD.test(sentence)) out.push('(per period)');
  if (PART_OF_EARLIER.test(sentence)) out.push('(part)');
  // Relative times tell a past event from the current one ("last year, 40 were killed").
  for (const m of sentence.matchAll(RELATIVE_TIME)) {
    // "the ministry said last week that ..." dates the report, not the event.
    const around = sentence.slice(Math.max(0, m.index! - 14), m.index!) + '|' + sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 10);
    if (/\b(?:said|says|reported|announced|stated|told \w+)\s*\||\|\s*,?\s*(?:said|reported|announced)\b/i.test(around)) continue;
    const phrase = m[0].toLowerCase().replace(/\s+/g, ' ');
    if (!seen.has(phrase)) {
      seen.add(phrase);
      out.push(phrase);
    }
  }
  const re = /[A-Za-z][A-Za-z’'-]*|\d{4}\b/g;
  // Dotted initialisms are one word: "U.S." -> "US".
  const plain = sentence.replace(/\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?/g, '$1$2$3');
  for (let m = re.exec(plain); m; m = re.exec(plain)) {
    const tok = m[0];
    const c = tok.charCodeAt(0);
    // Most words are lower case and not event nouns: skip them before any string work.
    if (c >= 97 && !EVENT_NOUNS.has(tok)) continue;
    const lower = tok.toLowerCase().replace(/[’']s?$/, '');
    const isYear = tok.length === 4 && tok.charCodeAt(0) < 58;
    // "since February 2022", "since the war began in 2022" start a running total; they do not
    // date a separate event.
    if (isYear && /\bsince\s+(?:[\w’']+\s+){0,5}$/i.test(plain.slice(Math.max(0, m.index - 48), m.index))) continue;
    // A capitalised word opening the sentence may be a common word: not taken as a name.
    const proper = m.index > 0 && tok.charCodeAt(0) >= 65 && tok.charCodeAt(0) <= 90 && !CAPITALISED_STOP.has(lower);
    if (!(isYear || proper || EVENT_NOUNS.has(lower) || /^[A-Z]{2,}$/.test(tok))) continue;
    if (MONTH_OR_DAY.test(lower) || seen.has(lower)) continue;
    seen.add(lower);
    out.push(lower);
  }
  return out;
}

/** Context words without the figure's noun and the words of its source. */
export function filterContext(candidates: readonly string[], noun: string, attributedTo: string | null): string[] {
  const skip = new Set<string>(noun.split(' '));
  if (attributedTo) {
    const plain = attributedTo.replace(/\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?/g, '$1$2$3').toLowerCase();
    for (const w of plain.match(/[a-z][a-z-]*/g) ?? []) skip.add(w.replace(/[’']s$/, ''));
  }
  return candidates.filter((w) => !skip.has(w) && !skip.has(singular(w)));
}
