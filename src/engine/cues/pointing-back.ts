import type { FlagKind, Sentence } from '../types';

// Cues that point back: "This information has not been independently verified." qualifies
// the sentence before it, not itself; so does "Both companies declined to comment on the
// assertion." The flag stays on the cue's sentence (that is where the reader sees it) but its
// claim is the earlier sentence, so the popup can show what exactly is unverified.

/** Nouns that stand for a claim made just before: "this information", "the figures". */
const CLAIM_NOUNS =
  'information|claims?|reports?|figures?|numbers?|accounts?|assertions?|allegations?|accusations?|' +
  'statements?|videos?|footage|photos?|photographs?|images?|toll|data|estimates?|tally|count|details';

/** Subject that points back: "This information ...", "The claim ...", "These figures ...", "It ...". */
const POINTING_SUBJECT = new RegExp(
  `^(?:(?:but|however|and|so)\\s*,?\\s+)?(?:(?:this|that|these|those|the|such)(?:\\s+[A-Za-z]+)?\\s+(?:${CLAIM_NOUNS})|this|that|it|none of (?:this|it|these|those|the [A-Za-z]+))\\b`,
  'i',
);

/** What one declines to comment on when it was said just before: "the assertion", "these allegations". */
const CONTESTED_NOUNS = 'claims?|assertions?|allegations?|accusations?|reports?|remarks?|comments?|criticism|charges?|rumou?rs?|speculation';

/** Object that points back, right after the cue: "comment on the assertion", "verify the claims". */
function pointingObject(nouns: string): RegExp {
  return new RegExp(
    `^\\s+(?:on|to|about|of)?\\s*(?:the|this|that|these|those|such)\\s+(?:[A-Za-z]+\\s+)?(?:${nouns})\\b(?!\\s+(?:that|of|about|by|from)\\b)`,
    'i',
  );
}
const POINTING_OBJECT_UNVERIFIED = pointingObject(CLAIM_NOUNS);
const POINTING_OBJECT_OMISSION = pointingObject(CONTESTED_NOUNS);

/**
 * Index of the sentence whose claim a cue qualifies: the previous sentence for a pointing-back
 * unverified or omission cue, else the cue's own sentence. Omission cues point back only through
 * their object ("declined to comment on the assertion"): "The statement did not mention X" is
 * itself the claim.
 */
export function referredClaimIndex(
  sentences: readonly Sentence[],
  index: number,
  kind: FlagKind,
  cueStart: number,
  cueEnd: number,
): number {
  if (index === 0 || (kind !== 'unverified' && kind !== 'omission')) return index;
  const text = sentences[index]!.text;
  const afterCue = text.slice(cueEnd);
  if ((kind === 'unverified' ? POINTING_OBJECT_UNVERIFIED : POINTING_OBJECT_OMISSION).test(afterCue)) return index - 1;
  if (kind === 'unverified' && POINTING_SUBJECT.test(text) && cueStart < text.length / 2 + 40) {
    // The subject is the cue's own clause only when nothing but the subject precedes the cue.
    const beforeCue = text.slice(0, cueStart);
    if (!/[,;:]/.test(beforeCue)) return index - 1;
  }
  return index;
}
