// How eval decides that two pieces of page text are "the same sentence" or "the same figure
// phrase". Gold sentences come from the corpus's own extraction while the engine's come from
// our extraction and splitter, so quotes, dashes, white space and sentence boundaries differ
// in small ways that must not count as misses.

/** Lower case, straight quotes and plain dashes, one space between words. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Words and numbers of a text, normalized (punctuation dropped). */
export function tokensOf(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Share of the shorter token list found in the longer (multiset overlap / shorter length). */
function overlapOfShorter(a: readonly string[], b: readonly string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of long) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of short) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return shared / short.length;
}

// A sentence the splitter cut in two still holds the cue, so one text inside the other
// counts; but a tiny fragment ("He said.") must not match every long sentence around it.
const MIN_CONTAINED_TOKENS = 6;
const MIN_CONTAINED_SHARE = 0.5;
// Sentences that differ only by a few words (a dropped dateline, a caption credit).
const STRONG_OVERLAP = 0.85;

/**
 * True when two sentences are the same sentence of the page: one contains the other
 * (and is not a tiny fragment of it), or their words overlap strongly.
 */
export function sameSentence(a: string, b: string): boolean {
  const na = normalizeText(a);
  const nb = normalizeText(b);
  if (na === nb) return na.length > 0;
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  const shorter = Math.min(ta.length, tb.length);
  const longer = Math.max(ta.length, tb.length);
  if (shorter === 0) return false;
  const contained = na.includes(nb) || nb.includes(na);
  if (contained && (shorter >= MIN_CONTAINED_TOKENS || shorter / longer >= MIN_CONTAINED_SHARE)) return true;
  // Strong overlap must hold both ways round, or a short sentence would match a long one.
  return overlapOfShorter(ta, tb) >= STRONG_OVERLAP && shorter / longer >= STRONG_OVERLAP;
}

/**
 * How alike two figure phrases are, 0..1 (share of the shorter phrase's words found in the
 * longer); 1 when one contains the other. Used to pick between figures of one sentence.
 */
export function phraseSimilarity(a: string, b: string): number {
  const na = normalizeText(a);
  const nb = normalizeText(b);
  if (na.length > 0 && nb.length > 0 && (na.includes(nb) || nb.includes(na))) return 1;
  return overlapOfShorter(tokensOf(a), tokensOf(b));
}
