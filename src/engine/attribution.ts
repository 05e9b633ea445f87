import type { Sentence } from './types';

// Who a sentence's claim comes from. News prose names its sources in a handful of fixed
// shapes: "According to X, ...", "..., according to X.", "X said (that) ...", "..., X said.",
// "..., said X.", "..., reports X." We read those shapes with a few anchored regexes on the
// sentence (linear, no backtracking across the sentence) and return the noun phrase. A
// pronoun subject ("He said") is resolved to the nearest named source a few sentences back,
// because readers see "he" but the figure store needs a name.

/**
 * Verbs of saying that name a source. Neutral ones ("said") and distancing ones ("claims")
 * alike: attribution is about who speaks, not about how much the writer trusts them.
 */
const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'announced', 'announces',
  'reported', 'reports', 'added', 'adds', 'noted', 'notes', 'explained', 'explains',
  'claimed', 'claims', 'claim', 'asserted', 'asserts', 'argued', 'argues', 'warned', 'warns',
  'wrote', 'writes', 'insisted', 'insists', 'alleged', 'alleges', 'confirmed', 'confirms',
  'denied', 'denies', 'acknowledged', 'acknowledges', 'estimated', 'estimates', 'predicted',
  'predicts', 'stressed', 'stresses', 'maintained', 'maintains', 'contended', 'contends',
  'admitted', 'admits', 'revealed', 'reveals', 'disclosed', 'discloses', 'quipped', 'tweeted',
  'posted', 'countered', 'replied', 'responded', 'recalled', 'observed', 'suggested', 'suggests',
  'estimate', 'predict', 'warn', 'argue', 'insist', 'report', 'allege', 'assert', 'contend', 'maintain',
  // Figures "shown" by a named body: "Data from the health ministry showed 300 new cases."
  'showed', 'shows', 'show',
];
// `(?=)` in the regexes of this file is an empty lookahead: it always succeeds and consumes
// nothing, so it changes no match. After an alternation that more pattern follows, it stops
// V8's regex compiler from copying that rest into every branch (the subject-first regex was
// 39 KB of bytecode without it), which made the first scan of a page slow: V8 compiles each
// regex on its first use. See CUT in figures/scan.ts.
const SPEECH_VERB = `(?:${SPEECH_VERBS.join('|')})(?=)`;

/** Words that may sit between a subject and its verb without being part of the name. */
const ADVERBS = /\s+(?:also|previously|later|earlier|then|repeatedly|recently|once|further|again|has|have|had|had also|has also|have also|now|initially|first|publicly|separately|still)(?=)$/i;

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'who', 'which']);

/** Openers that are not part of a subject: conjunctions and sentence adverbs. */
const LEADING_FILLER = /^(?:(?:but|and|so|yet|or|still|meanwhile|indeed|however|moreover|instead|also|now|then|separately|earlier|later|previously|in addition|in a statement|in an interview|in a tweet|on \w+(?: \d{1,2})?(?:, \d{4})?|in \w+)(?=)\s*,?\s+)+/i;

/** Two to four capitalised words: a person's or an organisation's name. */
const PROPER_NAME = /^[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}$/;

/** How far before a verb a subject can start, in characters (appositives included). */
const SUBJECT_WINDOW = 240;
/** Inverted attributions ("..., officials said.") sit at the very end of a sentence. */
const TAIL_WINDOW = 200;
/** Verbs tried per sentence for a forward subject: a real sentence has a handful. */
const MAX_FORWARD_VERBS = 12;

/** Longest subject we accept: longer spans are clauses, not names. */
const MAX_SUBJECT_WORDS = 10;

const QUOTE_CHARS = /[“”"‘’'«»]/g;

function cleanPhrase(raw: string): string | null {
  let phrase = raw.replace(QUOTE_CHARS, (q) => (q === '’' || q === "'" ? q : '')).trim();
  phrase = phrase.replace(/^[,;:—–-]+\s*/, '').replace(/[,;:—–-]+$/, '').trim();
  // A trailing apostrophe is left over from a closing single quote, not a possessive.
  phrase = phrase.replace(/^[’']+|(?<![sS])[’']+$/g, '').trim();
  if (phrase === '') return null;
  // Adverbs between subject and verb are not part of the name: "the royal blankly denied".
  phrase = phrase.replace(/(?:\s+[a-z]+ly)+$/, '').trim();
  const words = phrase.split(/\s+/);
  if (words.length > MAX_SUBJECT_WORDS) return null;
  return phrase;
}

/** Words a noun phrase naming a source never contains: auxiliaries, relatives, conjunctions of clauses. */
const NOT_IN_NOUN_PHRASE = /\b(?:is|was|were|are|be|been|being|would|will|could|can|should|may|might|must|did|does|do|has|have|had|that|which|who|whom|if|when|because|while)(?=)\b/i;

/** Words that show the next word is a noun, not a verb: "his repeated claims", "the latest claim". */
const NOUN_MARKERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'such',
  'repeated', 'own', 'latest', 'new', 'earlier', 'previous', 'recent', 'initial', 'many', 'several', 'similar', 'false',
]);

/** True when `phrase` can be the name of a source: short and without a verb of its own. */
function looksLikeNounPhrase(phrase: string): boolean {
  return phrase.split(/\s+/).length <= MAX_SUBJECT_WORDS && !NOT_IN_NOUN_PHRASE.test(phrase);
}

/**
 * The subject noun phrase that ends right before `pos` in `sentence` (where a verb of saying
 * or of omission starts), or null when what precedes is not a plain subject.
 * "On October 20, Anatoly Viktorov" -> "Anatoly Viktorov";
 * "Gwynne Shotwell, president of SpaceX," -> "Gwynne Shotwell".
 */
export function subjectBefore(sentence: string, pos: number): string | null {
  // A subject sits right before its verb: looking further back only costs time on hostile,
  // endless "sentences" (page text is untrusted), never finds a better subject.
  let before = sentence.slice(Math.max(0, pos - SUBJECT_WINDOW), pos).replace(/\s+$/, '');
  // "declined to say": a verb after "to" is an infinitive, not the start of a predicate.
  if (/\bto$/i.test(before)) return null;
  // "his repeated claims": after a determiner or such an adjective the word is a noun, not a verb.
  const lastWord = /([A-Za-z]+)$/.exec(before)?.[1]?.toLowerCase();
  if (lastWord && NOUN_MARKERS.has(lastWord)) return null;
  // A parenthesis opens a clause of its own: "(the company would not disclose ...".
  const paren = before.lastIndexOf('(');
  if (paren >= 0 && before.indexOf(')', paren) < 0) before = before.slice(paren + 1);
  before = before.replace(ADVERBS, '').replace(ADVERBS, '');
  // Commas inside numbers ("4,000") do not separate phrases.
  const segments = before.split(/,(?=\s|$)/).map((s) => s.trim());
  let subject: string;
  if (segments.length >= 3 && segments[segments.length - 1] === '' && /^[A-Z]/.test(segments[segments.length - 3]!)) {
    // Closing comma of an appositive: "Gwynne Shotwell, president of SpaceX," -> "Gwynne Shotwell";
    // but "The team's owner, Harold Vance," -> the name inside the commas.
    const inside = segments[segments.length - 2]!;
    subject = PROPER_NAME.test(inside) ? inside : segments[segments.length - 3]!;
  } else {
    subject = segments[segments.length - 1]!;
  }
  subject = lastClause(subject).replace(LEADING_FILLER, '');
  if (!/^[A-Za-z“"‘]/.test(subject)) return null;
  const cleaned = cleanPhrase(subject);
  if (cleaned === null) return null;
  // A subject starts with a capital (a name, "The ministry"), a determiner or quantifier, or is a
  // short bare plural ("... and analysts said").
  const bareplural = /^[a-z]+(?:\s+[a-z]+){0,2}s$/.test(cleaned) && !/['’]/.test(cleaned);
  if (!bareplural && !/^(?:[A-Z]|(?:a|an|the|one|two|three|some|many|several|most|other|both|all|few|his|her|their|its|our)(?=)\b)/.test(cleaned)) return null;
  // A subject holds no verb of its own: "He declined to" or "the report was" is a clause.
  if (!looksLikeNounPhrase(cleaned)) return null;
  return cleaned;
}

/** Conjunctions that start a new clause inside a comma segment. */
const CLAUSE_JOINTS = /(?:^|\s)(?=)(?:that|but|while|because|although|though|as|when|after|before|if|since|where|and|—|–|;|:)(?=)\s+/gi;

const PAST_OR_AUX = /\b(?:\w+ed|rose|fell|grew|said|told|was|were|is|are|had|has|have|did|would|will|could)(?=)\b/i;

function joinsNounPhrases(before: string, after: string): boolean {
  const words = before.trim().split(/\s+/);
  if (words.length > 4 || PAST_OR_AUX.test(before)) return false;
  const startsLikeNounPhrase = (t: string) => /^(?:[A-Z]|(?:the|a|an|its|his|her|their|two|both)\b)/.test(t.trim());
  return startsLikeNounPhrase(before) && startsLikeNounPhrase(after);
}

/** The part of `segment` after its last clause joint ("... and officials" -> "officials"). */
function lastClause(segment: string): string {
  let cut = 0;
  CLAUSE_JOINTS.lastIndex = 0;
  for (let m = CLAUSE_JOINTS.exec(segment); m; m = CLAUSE_JOINTS.exec(segment)) {
    const word = m[0].trim().toLowerCase();
    const after = segment.slice(m.index + m[0].length);
    // "McClatchy and Tribune", "the regulator and the exchange": "and" between two short noun
    // phrases joins the subject; after a clause with a verb ("prices rose and analysts") it does not.
    if (word === 'and' && joinsNounPhrases(segment.slice(cut, m.index), after)) continue;
    cut = m.index + m[0].length;
  }
  return segment.slice(cut);
}

const ACCORDING_TO = /\baccording to\s+([^,;:.()—–]+(?:\.[A-Z][^,;:.()—–]*)*)/i;
// "..., said X." / "..., reports X." at the end of a sentence (inverted attribution).
const INVERTED_VERB_FIRST = new RegExp(`[,”"’]\\s+${SPEECH_VERB}\\s+([^,;:]+?)(?:,[^,]*)?[.!?]?[”"’]?$`, 'i');
// "..., X said." / "“...,” the expert warned." at the end of a sentence.
// After the verb, optionally who was told ("told reporters", "told AFP") and a place, time or
// medium ("in a statement", "on Tuesday", "to reporters"), never "to" + a verb.
const TOLD_WHOM = '(?:\\s+(?:reporters|journalists|[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*)?))?(?=)';
const WHERE_WHEN = '(?:\\s+(?:in|on|at|during|via|after|before|late|early|last|this|earlier|later)(?=)\\s+[^,;:]+|\\s+to\\s+(?:the|a|an|reporters|journalists|[A-Z])(?=)[^,;:]*)?(?=)';
const INVERTED_SUBJECT_FIRST = new RegExp(`[,”"’]\\s+([^,;:“”"]+?)\\s+(?:has |have |had )?(?=)${SPEECH_VERB}${TOLD_WHOM}${WHERE_WHEN}[.!?]?[”"’]?$`);
const NEXT_IS_SPEECH_VERB = /^\s+(?:said|say|says|suggest|suggested|suggests|claim|claimed|indicate|indicated)(?=)\b/i;
const FORWARD_VERB = new RegExp(`\\b${SPEECH_VERB}\\b`, 'gi');

/** The source named inside one sentence, without looking at its neighbours. */
export function attributionInSentence(sentence: string): string | null {
  const according = ACCORDING_TO.exec(sentence);
  if (according) {
    const phrase = cleanPhrase(according[1]!.replace(/\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$/, ''));
    if (phrase) return phrase;
  }
  const tail = sentence.length > TAIL_WINDOW ? sentence.slice(-TAIL_WINDOW) : sentence;
  const verbFirst = INVERTED_VERB_FIRST.exec(tail);
  if (verbFirst) {
    const phrase = cleanPhrase(verbFirst[1]!);
    if (phrase && looksLikeNounPhrase(phrase) && !PRONOUNS.has(phrase.toLowerCase()) && !/^(?:that|it|to|in|on|at|by)\b/i.test(phrase)) return phrase;
  }
  const subjectFirst = INVERTED_SUBJECT_FIRST.exec(tail);
  if (subjectFirst) {
    const phrase = cleanPhrase(subjectFirst[1]!);
    if (phrase && phrase.split(/\s+/).length <= 6 && looksLikeNounPhrase(phrase)) return phrase;
  }
  FORWARD_VERB.lastIndex = 0;
  let tried = 0;
  for (let m = FORWARD_VERB.exec(sentence); m && tried < MAX_FORWARD_VERBS; m = FORWARD_VERB.exec(sentence), tried++) {
    // "Media reports said": a speech word followed by a verb of saying is a noun ("reports").
    if (NEXT_IS_SPEECH_VERB.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    const subject = subjectBefore(sentence, m.index);
    if (subject) return subject;
  }
  return null;
}

/** True for "he", "she", "they"...: a subject that needs an earlier sentence to be named. */
export function isPronoun(phrase: string): boolean {
  return PRONOUNS.has(phrase.toLowerCase());
}

/** How many sentences back a pronoun may reach for its name. */
const PRONOUN_LOOKBACK = 4;

/**
 * Who the claim of `sentences[index]` is attributed to, or null when the sentence names no
 * source (the writer's own voice). Pronoun subjects resolve to the closest earlier named source,
 * or to null when there is none.
 */
export function attributionOf(sentences: readonly Sentence[], index: number): string | null {
  const sentence = sentences[index];
  if (!sentence) return null;
  const found = attributionInSentence(sentence.text);
  if (found === null || !isPronoun(found)) return found;
  // An unresolved "he" names nobody a reader or the figure store could use.
  return resolvePronoun(sentences, index);
}

/** The closest named (capitalised, not a pronoun) source in the few sentences before `index`. */
export function resolvePronoun(sentences: readonly Sentence[], index: number): string | null {
  for (let i = index - 1; i >= 0 && i >= index - PRONOUN_LOOKBACK; i--) {
    const earlier = attributionInSentence(sentences[i]!.text);
    if (earlier && !isPronoun(earlier) && /^[A-Z]/.test(earlier) && !/^(?:The|A|An)\s+[a-z]/.test(earlier)) return earlier;
  }
  return null;
}
