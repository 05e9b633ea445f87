import type { FlagKind } from '../types';
import { subjectBefore } from '../attribution';
import type { Word } from './words';
import { codePointAt, codePointBefore, codeUnits, isLetter, isLetterOrNumber, isLowerLetter, isSpace, isUpperLetter } from '../text/chars';

// Cues that a phrase list cannot decide alone: the same words are a flag in one sentence and
// plain prose in the next ("Hamas claims that..." vs "jobless claims rose"; a scare-quoted
// "bar" vs a quoted title). Each rule is a small named function over the sentence's words.

/** A cue found in one sentence; offsets are inside the sentence text. */
export interface CueHit {
  kind: FlagKind;
  start: number;
  end: number;
  rule: string;
  /** Set when the rule knows who makes the claim (the subject of "claims"). */
  attributedTo?: string | null;
}

export type CueRule = (sentence: string, words: readonly Word[]) => CueHit[];

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

// ------------------------------------------------------------------ claim verbs (hedge)

const CLAIM_WORDS = set('claim claims claimed claiming assert asserts asserted asserting');

/** What one claims without claiming a fact: "claimed responsibility", "claimed the lives of". */
const CLAIM_NON_SPEECH_OBJECTS = set(`
  responsibility credit victory lives life title titles ownership asylum benefits damages compensation
  refund refunds prize seat seats throne crown medal medals gold silver bronze spot place places win
  wins stake land territory sovereignty victims top first second third share shares jackpot reward
  control authority dominance itself himself herself themselves independence power influence
  pressure leadership dominion record records lead pole points wicket wickets scalp trophy championship
  championships cup award awards spoils honours honors`);
/** "lay claim to", "staked a claim": ownership, not an assertion. */
const CLAIM_OWNERSHIP_BEFORE = set('lay laid laying lays stake staked stakes staking');
/** "claims data", "claims process": the paperwork sense, as a modifier. */
const CLAIM_PAPERWORK_AFTER = set('data process processing processed adjuster adjusters handling court courts filings form forms payments management department system systems backlog deadline');
const DETERMINERS = set('the a an his her their its our my your this that these those');

/** "jobless claims", "insurance claims", "filed a claim": claims as paperwork, not assertions. */
const CLAIM_PAPERWORK_BEFORE = set(`
  insurance jobless unemployment legal patent disability tax damage benefit benefits initial continuing
  weekly compensation warranty land territorial medical pending filed file files filing process processed
  processing paid pay settle settled settling submit submitted approved reject rejected fraudulent
  expense expenses injury liability pension welfare`);

const BACK_REFERENCE = set('the this that these those such');
const CLAIM_CONTENT_AFTER = set('that of made by about from in');

/** "jobless claims", "filed a claim", "processed 4,000 claims": claims as paperwork, not assertions. */
function isPaperwork(words: readonly Word[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const key = words[j]!.key;
    if (CLAIM_PAPERWORK_BEFORE.has(key)) return true;
    if (j === i - 1 && /^\d/.test(key)) return true; // "4,000 claims" are counted paperwork
    if (!DETERMINERS.has(key) && !/^\d/.test(key) && !set('more than about some of').has(key)) return false;
  }
  return false;
}

const POSSESSIVE_TO_PRONOUN: Readonly<Record<string, string>> = { his: 'he', her: 'she', their: 'they' };

/**
 * Claim verbs used to keep distance: "Hamas claims that...", "he claimed", "Doctor asserts".
 * A writer who trusts a statement writes "said"; "claims" tells the reader it is contested.
 */
export const claimVerbDistance: CueRule = (sentence, words) => {
  const hits: CueHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!CLAIM_WORDS.has(word.key)) continue;
    const next = words[i + 1]?.key ?? '';
    const afterNext = words[i + 2]?.key ?? '';
    if (CLAIM_NON_SPEECH_OBJECTS.has(next) || CLAIM_PAPERWORK_AFTER.has(next)) continue;
    if (DETERMINERS.has(next) && CLAIM_NON_SPEECH_OBJECTS.has(afterNext)) continue;
    // "claimed a 2-1 win", "claimed their 3rd title": scores and rankings.
    if (DETERMINERS.has(next) && /^\d/.test(afterNext)) continue;
    const prev = i > 0 ? words[i - 1]!.key : '';
    const prevPrev = i > 1 ? words[i - 2]!.key : '';
    if (isPaperwork(words, i)) continue;
    if (CLAIM_OWNERSHIP_BEFORE.has(prev) || (DETERMINERS.has(prev) && CLAIM_OWNERSHIP_BEFORE.has(prevPrev))) continue;
    // "Reuters could not verify the claims": a claim named again to say something about it is
    // not a new distancing; "the claim that...", "claims made by..." report one.
    if (BACK_REFERENCE.has(prev) && !CLAIM_CONTENT_AFTER.has(next)) continue;
    hits.push({
      kind: 'hedge',
      start: word.start,
      end: word.end,
      rule: 'claim-verb',
      // "his claim that...": the claimant is whoever "his" is; the detector resolves pronouns.
      // "the aide's claims": the claimant is the aide.
      attributedTo: POSSESSIVE_TO_PRONOUN[prev] ?? (prevPrev && POSSESSIVE_TO_PRONOUN[prevPrev] && !/^[A-Z]/.test(words[i - 1]!.raw) ? POSSESSIVE_TO_PRONOUN[prevPrev] : subjectBefore(sentence, word.start)?.replace(/['’]s$/, '') ?? null),
    });
    break; // one flag per sentence and kind: the first claim is the one shown
  }
  return hits;
};

// ------------------------------------------------------------------ accusations (hedge)

const ACCUSE_WORDS = set('accuse accuses accused accusing');

/**
 * "Many Tunisians accuse the Islamists of...": an accusation is reported, not endorsed.
 * "the accused" (the defendant) is a noun and no cue.
 */
export const accusationVerb: CueRule = (sentence, words) => {
  const hits: CueHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!ACCUSE_WORDS.has(word.key)) continue;
    const prev = i > 0 ? words[i - 1]!.key : '';
    if (DETERMINERS.has(prev)) continue;
    hits.push({ kind: 'hedge', start: word.start, end: word.end, rule: 'accusation-verb', attributedTo: subjectBefore(sentence, word.start) });
    break;
  }
  return hits;
};

// ------------------------------------------------------------------ "no evidence" (unverified)

const EVIDENCE_WORDS = set('evidence proof');
const CLAIM_TOPIC = /\b(?:claim\w*|alleg\w*|assert\w*|accus\w*|rumou?r\w*|charges?)\b/i;

/**
 * "There is no evidence to support the allegations": "no evidence" flags the claim only when
 * the sentence is about a claim someone made. "No evidence of water ice was found" is a
 * finding about the world, not a verdict on a reported claim.
 */
export const noEvidenceForClaim: CueRule = (sentence, words) => {
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.key !== 'no') continue;
    // "no evidence", "no hard evidence", "no credible evidence".
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
      if (!EVIDENCE_WORDS.has(words[j]!.key)) continue;
      if (!CLAIM_TOPIC.test(sentence)) return [];
      return [{ kind: 'unverified', start: words[i]!.start, end: words[j]!.end, rule: 'no-evidence-for-claim' }];
    }
  }
  return [];
};

// ------------------------------------------------------------------ scare quotes (hedge)

/** Index of the first word starting at or after `offset` (binary search: words are in order). */
function firstWordFrom(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many words the tokenizer makes of a quoted fragment ("so-called" is one). */
function wordsInside(fragment: string): number {
  return fragment.split(/\s+/).length;
}

const OPENING_QUOTES = '“‘"';
const CLOSING_QUOTES = '”’"';
const MATCHING_QUOTE: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '"': '"' };
const HYPHEN = 0x2d;

/** A quoted run of one to three lower-case words. */
export interface ShortQuote {
  start: number;
  end: number;
  open: string;
  inside: string;
  close: string;
}

/** The end of a lower-case word ([\p{Ll}][\p{Ll}-]*) starting at `at`, or -1. */
function lowerWordEnd(text: string, at: number): number {
  let code = codePointAt(text, at);
  if (code < 0 || !isLowerLetter(code)) return -1;
  do {
    at += codeUnits(code);
    code = codePointAt(text, at);
  } while (code >= 0 && (code === HYPHEN || isLowerLetter(code)));
  return at;
}

/**
 * Quoted runs of one to three lower-case words, not inside a word: “synergies”, ‘bar’, "so to
 * speak". Found as the global /u regex
 * /(?<![\p{L}\p{N}])([“‘"])([\p{Ll}][\p{Ll}-]*(?:\s[\p{Ll}][\p{Ll}-]*){0,2})([”’"])(?![\p{L}\p{N}])/gu
 * finds them (a test holds the two equal), without compiling its property classes (chars.ts).
 * Every part of that regex is forced (a word runs to its last letter, since neither white space
 * nor a quote is one), so one pass from each opening quote decides.
 */
export function* shortQuotes(text: string): Generator<ShortQuote> {
  let from = 0;
  for (;;) {
    let start = -1;
    for (let i = from; i < text.length; i++) {
      if (OPENING_QUOTES.includes(text[i]!)) {
        start = i;
        break;
      }
    }
    if (start < 0) return;
    from = start + 1;
    const before = codePointBefore(text, start);
    if (before >= 0 && isLetterOrNumber(before)) continue;
    let end = lowerWordEnd(text, start + 1);
    for (let words = 1; end > 0 && words < 3; words++) {
      if (end >= text.length || !isSpace(text.charCodeAt(end))) break;
      const next = lowerWordEnd(text, end + 1);
      if (next < 0) break;
      end = next;
    }
    if (end < 0 || end >= text.length || !CLOSING_QUOTES.includes(text[end]!)) continue;
    const after = codePointAt(text, end + 1);
    if (after >= 0 && isLetterOrNumber(after)) continue;
    yield { start, end: end + 1, open: text[start]!, inside: text.slice(start + 1, end), close: text[end]! };
    from = end + 1;
  }
}

/** Whether the first character after `at` and any white space is there and is not a letter (/^\s*[^\s\p{L}]/u). */
function punctuationNext(text: string, at: number): boolean {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at < text.length && !isLetter(codePointAt(text, at));
}

/** Verbs that introduce a quotation or a name: then the quotes report words, not distance. */
const QUOTING_CONTEXT = /\b(?:said|says|say|told|tells|called|calls|call|dubbed|termed|described|named|known as|refers? to|referred to|wrote|writes|declared|declaring|vowed|promised|insisted|described as|labell?ed|branded|titled|term|word|phrase|slogan|tagline)\b/i;

/** Words that may close the noun phrase right after a scare-quoted noun. */
const NP_CLOSERS = set(`in on at from with is was are were has had have that which who and or but as by
  will would can could may might should than`);

/** Determiners that make the quoted word the name of a thing the writer points at: "this unique ‘bar’". */
const POINTING_DETERMINERS = set('the this that these those his her their its our such');
const AUXILIARIES = set('had has have was were is are been be');

/**
 * Scare quotes: a 1–3 word quoted fragment the writer uses as a term while keeping distance
 * from it ("this unique ‘bar’", "the “experts”", "he had recently “acquired”"). Quotes of
 * speech ("called it “immaterial”"), titles and names (capitalised), and technical terms in
 * front of their noun (a “ground glass” pattern) are not scare quotes.
 */
export const scareQuotes: CueRule = (sentence, words) => {
  // No quote, no scare quotes: the cheap test first (most sentences stop here).
  if (!sentence.includes('“') && !sentence.includes('‘') && !sentence.includes('"')) return [];
  if (QUOTING_CONTEXT.test(sentence)) return [];
  const hits: CueHit[] = [];
  for (const { start, end, open, inside, close } of shortQuotes(sentence)) {
    if (MATCHING_QUOTE[open] !== close) continue;
    const firstAfter = firstWordFrom(words, end);
    const after = words[firstAfter];
    const before = words.slice(Math.max(0, firstAfter - 2 - wordsInside(inside)), firstAfter - wordsInside(inside)).map((w) => w.key);
    // The fragment must end its phrase: followed by punctuation or a function word, not a noun.
    const closesPhrase = !after || punctuationNext(sentence, end) || NP_CLOSERS.has(after.key) || DETERMINERS.has(after.key) || after.key === 'both';
    if (!closesPhrase) continue;
    const [beforePrev = '', beforeLast = ''] = before.length === 2 ? before : ['', before[0] ?? ''];
    const namesAThing = POINTING_DETERMINERS.has(beforeLast) || (POINTING_DETERMINERS.has(beforePrev) && !NP_CLOSERS.has(beforeLast));
    const singleVerb = !inside.includes(' ') && /ed$/.test(inside) && (AUXILIARIES.has(beforeLast) || (AUXILIARIES.has(beforePrev) && /ly$/.test(beforeLast)));
    if (!namesAThing && !singleVerb) continue;
    hits.push({ kind: 'hedge', start, end, rule: 'scare-quotes' });
    break;
  }
  return hits;
};

// ------------------------------------------------------------------ unnamed groups (vague-source)

const PEOPLE_PLURAL = set(`experts analysts critics observers officials sources insiders residents people users aides
  diplomats politicians scientists economists researchers witnesses commentators lawmakers legislators activists
  investors traders skeptics sceptics supporters opponents advocates employees workers staffers locals citizens
  voters pundits academics historians doctors neighbors neighbours executives insiders commenters netizens
  specialists strategists bankers consultants campaigners scholars`);
const PEOPLE_SINGULAR = set(`expert analyst official source insider resident user aide diplomat observer witness
  commentator lawmaker legislator activist investor trader critic employee staffer executive person politician
  scientist economist researcher specialist strategist banker consultant`);

/** Quantifiers that leave the members of a group unnamed: "some experts", "one official". */
const QUANTIFIERS = set(`some many several most few numerous countless various other a an one another two three four
  five six seven eight nine ten dozens hundreds thousands unnamed anonymous unidentified multiple`);

/** Quantifiers that make a capitalised plural a group of people: "Many Tunisians", "some Republicans". */
const GROUP_QUANTIFIERS = set('many some most several few');

/** Words before the noun that make it a particular, already identified group. */
const DEFINITE = set('the this that these those his her their its our your my whose which each every both');

const GROUP_PREPOSITIONS = set('of in from across around');
const GAP_WORDS = set('have has had also often long privately openly widely now quickly increasingly reportedly still');

/** Verbs of saying or believing that make the group the source of a claim. */
const SOURCE_VERBS = set(`say says said believe believes believed argue argues argued accuse accused warn warns warned
  fear fears feared think thinks thought claim claims claimed suggest suggests suggested contend contended contends
  told tell quipped insist insisted acknowledge acknowledged acknowledges predict predicted predicts expect expected
  estimate estimated complain complained speculate speculated allege alleged note noted charge charged maintain
  maintained report reported doubt doubted caution cautioned stressed wrote write writes reckon explained concede
  conceded admit admitted worry worried suspect suspected joked tweeted posted`);

/**
 * Verbs that make a claim only in one construction: "saw it as a failure" (not "saw prices
 * fall"), "called it a disaster" (not "called for calm"), "pointed out" (not "pointed at").
 */
/** "saw as", "saw the move as": the verb reports a view only with "as" soon after it. */
const SEEN_AS = /^(?:\s+\S+){0,6}?\s+as\b/;

const CONDITIONAL_SOURCE_VERBS: Readonly<Record<string, RegExp>> = {
  see: SEEN_AS, sees: SEEN_AS, saw: SEEN_AS,
  view: SEEN_AS, views: SEEN_AS, viewed: SEEN_AS,
  call: /^\s+(?:it|this|that|them|him|her|the\s+\S+)\s+(?:a|an|the|not|[a-z]+ly|“|")/, calls: /^\s+(?:it|this|that|them|him|her|the\s+\S+)\s+(?:a|an|the|not|[a-z]+ly|“|")/,
  called: /^\s+(?:it|this|that|them|him|her|the\s+\S+)\s+(?:a|an|the|not|[a-z]+ly|“|")/,
  describe: /^\s+(?:it|this|that|them|him|her|the\s+\S+)\s+as\b/, described: /^\s+(?:it|this|that|them|him|her|the\s+\S+)\s+as\b/,
  point: /^\s+out\b/, pointed: /^\s+out\b/, points: /^\s+out\b/,
};

/** "Analysts had expected $1.9 billion": a market consensus figure, not a claim resting on someone. */
const FORECAST_VERBS = set('expect expected expects predict predicted predicts estimate estimated estimates');

function isSourceVerb(sentence: string, verb: Word): boolean {
  // "people ... said to be affected": a passive "said to", the group is its subject, not the speaker.
  if (/^\s+to\s+(?:be|have)\b/.test(sentence.slice(verb.end, verb.end + 12))) return false;
  if (FORECAST_VERBS.has(verb.key) && /^\s+(?:about\s+|around\s+|roughly\s+)?[$€£¥\d]/.test(sentence.slice(verb.end, verb.end + 20))) return false;
  if (SOURCE_VERBS.has(verb.key)) return true;
  const condition = CONDITIONAL_SOURCE_VERBS[verb.key];
  return condition !== undefined && condition.test(sentence.slice(verb.end, verb.end + 80));
}

/** Function words and verbs that end a walk back from the noun through its modifiers. */
const NOT_MODIFIER = set(`of to in on at for from with by as and or but than that which who whom whose what when where
  why how if is was are were be been being has have had do does did will would can could may might must should
  said says say told tell according also not no it he she they we i you there here then so because while although
  though after before since until about into over under between among against during without within through`);

const INVERTED_INTRO = /(?:\b(?:said|says|say|told|wrote|added|warned|noted|according to)|[,”"]\s*(?:said|says))\s*$/i;

/**
 * Unnamed groups or persons as the source of a claim: "some experts say", "Many Tunisians
 * accuse...", "Former royal PR aides called it...", "said one legal expert". A named person
 * ("analyst Jonathan Matuszewski") or a group the text has already identified ("the analysts")
 * is not vague.
 */
export const unnamedGroupSource: CueRule = (sentence, words) => {
  const hits: CueHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const noun = words[i]!;
    const plural = PEOPLE_PLURAL.has(noun.key);
    const singular = !plural && PEOPLE_SINGULAR.has(noun.key);
    const demonym = !plural && !singular && i > 0 && GROUP_QUANTIFIERS.has(words[i - 1]!.key) && /^[A-Z][a-z]+s$/.test(noun.raw);
    if (!plural && !singular && !demonym) continue;
    // A name right after the noun identifies the person: "analyst Jonathan Matuszewski".
    const next = words[i + 1];
    if (singular && next && isUpperLetter(codePointAt(next.raw, 0)) && sentence.slice(noun.end, next.start).trim() === '') continue;

    // Walk back over modifiers to the start of the noun phrase.
    let first = i;
    let quantified = demonym;
    let definite = false;
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const w = words[j]!;
      if (sentence.slice(w.end, words[j + 1]!.start).trim() !== '') break; // punctuation ends the phrase
      if (DEFINITE.has(w.key) || /['’]s$/.test(w.raw)) { definite = true; break; }
      if (QUANTIFIERS.has(w.key)) { quantified = true; first = j; continue; }
      if (NOT_MODIFIER.has(w.key) || SOURCE_VERBS.has(w.key) || /ing$/.test(w.key)) break;
      if (quantified) break; // modifiers come after the quantifier, not before it
      first = j;
    }
    if (definite) continue;
    if (singular && !quantified) continue;

    // The group must speak: a verb of saying or believing after it, or an inverted "said one expert".
    let k = i + 1;
    // "Critics of the plan say", "residents in the area said": a short phrase of place or
    // membership may sit between the group and its verb ("experts at Leeds University" name their
    // institution, and are left alone).
    if (plural && k < words.length && GROUP_PREPOSITIONS.has(words[k]!.key)) {
      let v = k + 1;
      while (v < words.length && v <= k + 4 && !isSourceVerb(sentence, words[v]!) && !NOT_MODIFIER.has(words[v]!.key)) v++;
      const phraseIsPlain = v < words.length && !/[,;:()—–]/.test(sentence.slice(words[k]!.start, words[v]!.start));
      if (phraseIsPlain && isSourceVerb(sentence, words[v]!)) k = v;
    }
    // "prompted some users to argue" speaks through "to"; "allowed residents to say goodbye" does not.
    while (k < words.length && k <= i + 3 && (GAP_WORDS.has(words[k]!.key) || (quantified && words[k]!.key === 'to'))) k++;
    const speaksAfter = k < words.length && isSourceVerb(sentence, words[k]!) && sentence.slice(noun.end, words[k]!.start).indexOf(',') < 0;
    const speaksBefore = quantified && INVERTED_INTRO.test(sentence.slice(Math.max(0, words[first]!.start - 40), words[first]!.start));
    if (!speaksAfter && !speaksBefore) continue;
    const start = words[first]!.start;
    hits.push({ kind: 'vague-source', start, end: noun.end, rule: 'unnamed-group', attributedTo: sentence.slice(start, noun.end) });
    break;
  }
  return hits;
};

/** All context rules; the detector keeps the earliest cue of each kind, whichever found it. */
export const CUE_RULES: readonly CueRule[] = [claimVerbDistance, accusationVerb, noEvidenceForClaim, scareQuotes, unnamedGroupSource];
