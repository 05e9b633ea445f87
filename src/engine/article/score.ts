// How well article finding did on a page, against what a person calls the article's text.
// Word-level (bag of words) precision and recall: precision falls when furniture (menus,
// related links, ads) gets in, recall falls when paragraphs of the article are lost. Order is
// ignored on purpose: where a caption lands does not change what gets analysed.

export interface ArticleTextScore {
  precision: number;
  recall: number;
}

/** Lower-case words and numbers; typographic quotes folded so "don’t" and "don't" match. */
export function scoreTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? []
  );
}

function counts(tokens: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of tokens) map.set(t, (map.get(t) ?? 0) + 1);
  return map;
}

export function articleTextScore(extracted: string, reference: string): ArticleTextScore {
  const got = scoreTokens(extracted);
  const want = scoreTokens(reference);
  const wantCounts = counts(want);
  let shared = 0;
  for (const [token, n] of counts(got)) shared += Math.min(n, wantCounts.get(token) ?? 0);
  return {
    // Nothing extracted from nothing is perfect; nothing extracted from something has no
    // precision to speak of but nothing wrong in it either.
    precision: got.length === 0 ? (want.length === 0 ? 1 : 0) : shared / got.length,
    recall: want.length === 0 ? 1 : shared / want.length,
  };
}

/**
 * The article text of a reference file (fixtures' article-text/NAME.txt): its first line is
 * the page's URL, not text.
 */
export function referenceText(fileContent: string): string {
  const firstBreak = fileContent.indexOf('\n');
  const firstLine = (firstBreak < 0 ? fileContent : fileContent.slice(0, firstBreak)).trim();
  return /^[a-z]+:\/\/\S+$/i.test(firstLine) ? fileContent.slice(firstBreak + 1) : fileContent;
}

function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** Sentences (e.g. the gold sentences of a page) that do not appear in `text`, white space aside. */
export function missingSentences(text: string, sentences: readonly string[]): string[] {
  const haystack = normalizeSpace(text);
  return sentences.filter((s) => !haystack.includes(normalizeSpace(s)));
}
