import type { FlagKind } from '../types';

// The cue lexicon: phrases that by themselves mark a sentence with one of the four kinds of
// flag (definitions in ANNOTATION.md). It is data, meant to be read and reviewed by people who
// are not programmers; cues that need to look at their surroundings (claim verbs, scare quotes,
// unnamed groups of people) are named rules in rules.ts instead.
//
// Pattern notation (compiled once by compile.ts, matched case-insensitively on whole words):
//   word          a literal word; ' matches straight and curly apostrophes
//   a|b|c         one of several words in this slot; _ stands for a space ("did_not|didn't")
//   slot?         the slot may be absent ("independently?")
//   …             up to four arbitrary words ("respond to … request")
//   !a|b          the next word must NOT be one of these (a guard, not part of the cue)
// The first slot must be a literal (it is the key of the first-word index) and not optional.

export interface LexiconGroup {
  kind: FlagKind;
  /** Short name, used in Flag.rule as `<group>: <pattern>`. */
  group: string;
  /** Why these phrases mean what they mean; for the reviewer. */
  note: string;
  patterns: readonly string[];
}

/** Auxiliaries of a negated past or present ("did not", "didn't", "would not" ...). */
// Not "do not / don't": in quotes and general statements ("we don't name suspects") they state a
// habit, not a gap in this report.
const NEG = "did_not|didn't|does_not|doesn't|would_not|wouldn't|will_not|won't|has_not|hasn't|have_not|haven't|had_not|hadn't|could_not|couldn't";

/** Ways a newsroom asks for comment, object of "respond to ...". */
const REQUEST = 'request|requests|inquiry|inquiries|message|messages|email|emails|call|calls|questions|query|queries';

export const LEXICON: readonly LexiconGroup[] = [
  // ---------------------------------------------------------------- unverified
  {
    kind: 'unverified',
    group: 'not-verified',
    note: 'The text itself says a claim has not been, or cannot be, checked.',
    patterns: [
      "has_not|have_not|had_not|hasn't|haven't|hadn't yet? been independently? immediately? verified|confirmed|corroborated|substantiated",
      "is_not|was_not|were_not|are_not|isn't|wasn't|weren't|aren't independently? immediately? verified|confirmed|corroborated|substantiated",
      "could_not|couldn't|cannot|can't|can_not be independently? immediately? verified|confirmed|corroborated|substantiated",
      "could_not|couldn't|cannot|can't|can_not|unable_to|not_able_to independently? immediately? verify|confirm|corroborate|substantiate",
      'not independently verified|confirmed|corroborated',
      'not been able to independently? verify|confirm|corroborate|substantiate',
      // Research that no one has checked yet: "the results have not been peer-reviewed".
      'not yet? been peer-reviewed|peer_reviewed',
      'not yet? peer-reviewed|peer_reviewed',
      // "Officials have not confirmed the toll": the claim stands unconfirmed by those who could.
      "has_not|have_not|had_not|hasn't|haven't|hadn't yet? independently? verified|confirmed|corroborated",
      'no independent verification|confirmation|corroboration',
      'impossible|not_possible to independently? verify|confirm|corroborate',
      'neither … could|can be independently? verified|confirmed|corroborated',
    ],
  },
  {
    kind: 'unverified',
    group: 'unverified-adjective',
    note: 'Adjectives that label a claim as unchecked.',
    patterns: ['unverified', 'unconfirmed', 'uncorroborated', 'unsubstantiated'],
  },
  {
    kind: 'unverified',
    group: 'without-evidence',
    note: 'A claim made without evidence (a plain "there is no evidence that..." about the world is left to the no-evidence rule).',
    patterns: [
      'without evidence|proof',
      'without providing|offering|giving|citing|presenting|producing|showing any? evidence|proof',
      'provided|offered|gave|presented|cited|produced|showed|supplied|offering|providing|giving no evidence|proof',
      `${NEG} provide|offer|give|present|cite|produce|show|supply any? evidence|proof`,
    ],
  },

  // ---------------------------------------------------------------- hedge
  {
    kind: 'hedge',
    group: 'distancing-adverb',
    note: 'Adverbs by which the writer reports a claim without vouching for it.',
    // Not "apparently", "possibly", "may": those are the writer's own uncertainty, not distance from a source.
    patterns: ['allegedly', 'reportedly', 'purportedly', 'supposedly', 'ostensibly'],
  },
  {
    kind: 'hedge',
    group: 'distancing-adjective',
    note: 'Adjectives that mark the noun as somebody else\'s claim ("the alleged attacker", "so-called metadata").',
    patterns: ['alleged', 'purported', 'so-called', 'supposed !to', 'rumored|rumoured'],
  },
  {
    kind: 'hedge',
    group: 'passive-hearsay',
    note: 'Passive reporting verbs that hide who says so: "is said to", "was believed to", "is thought to".',
    patterns: [
      'is|was|are|were|be|being|been widely? said|believed|thought|rumored|rumoured|alleged|understood|claimed|purported|presumed|suspected to',
      // "was reported to police" is not hearsay; "was reported to have died" is.
      'is|was|are|were widely? reported to be|have',
    ],
  },
  {
    kind: 'hedge',
    group: 'claim-noun',
    note: 'Nouns that present what follows as contested: allegations, accusations.',
    patterns: ['allegation|allegations|accusation|accusations'],
  },

  // ---------------------------------------------------------------- vague-source
  {
    kind: 'vague-source',
    group: 'anonymous-source',
    note: 'Sources the reader cannot identify: unnamed, anonymous, "familiar with the matter".',
    patterns: [
      'sources|source|insiders|insider said|say|says|told|tell|close_to|familiar_with|with_knowledge|briefed_on',
      'according to a|an|one|two|three|several|multiple|unnamed|anonymous|senior? source|sources|insider|insiders',
      'people|person|officials|official|sources|source|someone|those familiar with',
      'people|person|officials|official|sources|source|someone|those|diplomats|diplomat|insiders briefed_on|with_knowledge_of|with_direct_knowledge_of|with_knowledge_about',
      'on condition of anonymity',
      'condition that they|he|she not be named|identified',
      'asked|requested not to be named|identified',
      'declined|refused to be named|identified',
      'speaking anonymously|privately',
      'spoke anonymously',
      'unnamed|anonymous official|officials|source|sources|person|people|insider|insiders|diplomat|diplomats|aide|aides',
    ],
  },
  {
    kind: 'vague-source',
    group: 'unnamed-reports',
    note: 'Reports without a named outlet: "media reports", "according to reports".',
    patterns: [
      'according to some|several|many|unconfirmed|various|other|initial|earlier? local|national|foreign|state|social? media|news|press? reports|accounts',
      "according to local|state? media !outlet|outlets|company|group|regulator|watchdog|analyst|analysts|giant|mogul|reports",
      'media|press|news reports said|say|says|suggest|suggested|claim|claimed|indicate|indicated',
      'local|foreign|social|some|several media|outlets reported|reports|said|say|says|cited|quoted|claimed|claim',
      'local|foreign|social|some|several media outlets reported|reports|said|say|says|cited|quoted|claimed|claim',
      'media outlets? reported|reports|said|say|says|cited|quoted|claimed|claim',
      'reports suggest|suggested|indicate|indicated|say|said|claim|claimed',
    ],
  },
  {
    kind: 'vague-source',
    group: 'unnamed-opinion',
    note: 'Opinions credited to nobody in particular: "many believe", "it is widely believed", "critics say".',
    patterns: [
      'it is|was|has_been|had_been widely? believed|thought|alleged|said|rumored|rumoured|understood|reported|claimed !to',
      // "have some say in" is a noun, not a source.
      'many|some|others believe|believed|say|said|argue|argued|think|thought|fear|feared|suspect|suspected|contend|contended|worry|worried|feel|felt !in|over|on',
      'critics|skeptics|sceptics|detractors|opponents say|said|argue|argued|contend|contended|charge|charged|claim|claimed|warn|warned|point|pointed|fear|feared|complain|complained',
    ],
  },

  // ---------------------------------------------------------------- omission
  {
    kind: 'omission',
    group: 'declined-to-comment',
    note: 'Someone would not answer: declined or refused to comment, say, specify ...',
    patterns: [
      // Not "refused to release" (hostages) or "refused to give up": those are acts, not silence.
      'declined|declines|decline|refused|refuses|refuse|declining|refusing later|immediately|repeatedly|again|also? to comment|say|discuss|elaborate|specify|disclose|confirm|identify|name|state|answer|reveal|detail|explain|speculate|respond',
      'declined|declines|decline|refused|refuses|refuse|declining|refusing later|immediately|repeatedly|again|also? to give|provide|offer any|a|an|details|further|specifics|information|figures|numbers|a_reason|reasons|an_explanation|a_breakdown',
      'declined|declines|refused|refuses comment',
      `${NEG} immediately? comment`,
      "has_not|hasn't|have_not|haven't publicly? commented",
      'no comment',
      'has|have|had yet to comment|respond|reply|say|explain|disclose|reveal|release|confirm|answer',
      "could_not|couldn't immediately? be reached",
      'attempts|efforts to reach … were|have_been|had_been unsuccessful',
      'not available|unavailable for comment',
    ],
  },
  {
    kind: 'omission',
    group: 'no-response',
    note: 'A request for comment went unanswered.',
    patterns: [
      `${NEG} immediately? respond|reply|return|answer to? … ${REQUEST}`,
      `${NEG} immediately respond|reply|return|answer`,
      `did_not|didn't|has_not|hasn't|have_not|haven't respond|reply to … ${REQUEST}`,
      `no response|reply to … ${REQUEST}`,
    ],
  },
  {
    kind: 'omission',
    group: 'did-not-say',
    note: 'Someone left something out: did not say, specify, disclose, name, explain, mention.',
    patterns: [
      `${NEG} immediately? say|specify|disclose|name|explain|mention|identify|detail|elaborate|reveal`,
      // "did not indicate cancer" is a finding; "did not indicate whether" is a gap.
      `${NEG} immediately? indicate|clarify whether|when|how|why|what|who|if|where`,
      `${NEG} immediately? give|provide|offer|release|share a|an|any|the? date|details|detail|figure|figures|number|numbers|timeline|timeframe|reason|reasons|explanation|estimate|breakdown|name|names|specifics|information|further`,
      'gave|provided|offered|released|giving|providing no details|detail|date|figures|numbers|timeline|reason|explanation|specifics|information|breakdown',
      `${NEG} immediately? yet? release|released|give|given|provide|provided|disclose|disclosed his|her|their|the|its name|names|identity|identities`,
      // Passive gaps: "The contractor has not been named", "The victim was not identified".
      // Not a bare "was not released": films and prisoners are released too.
      "has_not|have_not|hasn't|haven't yet? been named|identified|disclosed|made_public",
      "was_not|were_not|wasn't|weren't immediately? identified|disclosed|made_public",
      "was_not|were_not|wasn't|weren't|has_not_been|have_not_been immediately released",
      // Not "without saying" (it goes without saying), "without giving up", or evidence (that is unverified).
      'without giving|providing|offering|specifying|naming|explaining|elaborating|disclosing|detailing|identifying !evidence|proof|up|in|way|away',
      'no mention|word of',
      'made|makes|making no mention',
      'no further? details|information|reason|reasons|explanation|timeline|date|names|figure|figures|breakdown|motive were|was|have_been|has_been|are|is given|provided|released|available|disclosed|offered',
      "details|terms were_not|was_not|weren't|wasn't|have_not_been|haven't_been|were_never disclosed|released|given|provided|made_public",
      "terms|amount|price|value|size|cost of … were_not|was_not|weren't|wasn't|have_not_been|haven't_been disclosed|released|given",
      'undisclosed|unspecified',
    ],
  },
  {
    kind: 'omission',
    group: 'unclear',
    note: 'The text says something is not known: "it was not immediately clear", "it is unclear".',
    patterns: [
      'it is|was|remains|remained also|still|yet? not immediately? clear|known',
      'it is|was|remains|remained also|still? unclear|unknown',
      "it's also|still|yet? not immediately? clear|known",
      "it's also|still? unclear|unknown",
      'remains|remained unclear|unknown',
      'details were|are|remain|remained scarce|sketchy|sparse|thin',
      'is|was|are|were still? unclear|not_clear|not_known',
      'unclear|unknown whether|why|how|what|who|when|where|if',
      'not immediately clear|known',
    ],
  },
];
