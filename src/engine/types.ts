// The engine's shared vocabulary. Every part (article text, cues, figures, conflicts, the
// figure store, the CLI and the extension) speaks these types; the JSON the CLI prints
// follows ../shared/contracts/scan-report.schema.json, of which ScanReport is a superset.

/** The four kinds of flag defined in ANNOTATION.md. */
export type FlagKind = 'unverified' | 'hedge' | 'vague-source' | 'omission';

export const FLAG_KINDS: readonly FlagKind[] = ['unverified', 'hedge', 'vague-source', 'omission'];

/** A half-open range [start, end) of UTF-16 offsets into ArticleText.text. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence of the article text, with its offsets. */
export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (block) the sentence belongs to. */
  paragraph: number;
}

/**
 * The article as plain text, found on an HTML page or read from a .txt file.
 * `text` is the headline, then each block (paragraph, caption, pull quote) separated by
 * "\n\n"; every offset elsewhere in the engine points into it.
 */
export interface ArticleText {
  /** False for pages that are not articles (a home page, a search page): the report is empty. */
  isArticle: boolean;
  /** Why the page was not taken as an article; null when it was. */
  reason: string | null;
  title: string;
  text: string;
  /** Offsets of each block (headline first) in `text`. */
  blocks: Span[];
  publishedAt: string | null;
  siteName: string | null;
  byline: string | null;
  /** Language of the page when it says (`<html lang>`), else null. */
  lang: string | null;
}

export interface Flag extends Span {
  id: string;
  kind: FlagKind;
  /** The exact cue phrase as it appears in the text (start/end are its offsets). */
  cue: string;
  sentence: string;
  sentenceStart: number;
  /** The claim the cue qualifies: the sentence itself, or the earlier one a pointing-back cue refers to. */
  claim: string;
  attributedTo: string | null;
  /** Which rule or lexicon entry raised the flag, for review and eval output. */
  rule: string;
}

export interface Figure extends Span {
  id: string;
  /** The phrase that states the figure, e.g. "more than 1,400 people were killed". */
  text: string;
  /** The bare number phrase inside `text`, e.g. "more than 1,400". */
  number: string;
  low: number | null;
  high: number | null;
  /** Normalized key: counted noun (singular, lower case) | event or measure. */
  what: string;
  /** Unit of the value: "count", "usd", "percent", ... */
  unit: string;
  attributedTo: string | null;
  sentence: string;
  sentenceStart: number;
  /**
   * Words of the figure's sentence that tell its event apart from others with the same key
   * (places, named entities, distinctive terms); used by conflict rules in a page and across pages.
   */
  context: string[];
}

export interface Conflict {
  /** Two figure ids: the first is always a figure of this page; the second of this page or a kept figure. */
  figures: [string, string];
  reason: string;
}

/** A figure kept from an earlier page, as shown in a report beside the conflict it causes. */
export interface KeptFigureView {
  id: string;
  text: string;
  low: number | null;
  high: number | null;
  what: string;
  attributedTo: string | null;
  sentence: string;
  source: string;
  title: string;
  publishedAt: string | null;
  seenAt: string;
}

/** What a scan of one page produces (the contract's scan report, plus fields the UI uses). */
export interface ScanReport {
  source: string;
  title: string;
  publishedAt: string | null;
  siteName: string | null;
  isArticle: boolean;
  reason: string | null;
  flags: Flag[];
  figures: Figure[];
  conflicts: Conflict[];
  keptFigures?: KeptFigureView[];
}

/** A cue phrase added by the user on the options page (plugs into the lexicon without code changes). */
export interface ExtraCue {
  phrase: string;
  kind: FlagKind;
}

export interface AnalyzeOptions {
  /** Kinds to report; all when absent. */
  kinds?: readonly FlagKind[];
  extraCues?: readonly ExtraCue[];
}
