import type { AnalyzeOptions, ArticleText, Conflict, Figure, Flag, ScanReport, Sentence } from './types';
import { splitSentencesSteps } from './text/sentences';
import { findFlagsSteps } from './cues/detect';
import { findFiguresSteps } from './figures/extract';
import { findConflictsSteps } from './conflicts/conflicts';
import { runToEnd, type Steps } from './run-steps';

export interface Analysis {
  flags: Flag[];
  figures: Figure[];
  conflicts: Conflict[];
}

/** Article text → flags, figures and the conflicts among them. Pure: no DOM, no I/O. */
export function analyze(article: ArticleText, options: AnalyzeOptions = {}): Analysis {
  return runToEnd(analyzeSteps(article, options));
}

/** analyze as resumable steps (see steps.ts): every step reads a bounded stretch of text. */
export function* analyzeSteps(article: ArticleText, options: AnalyzeOptions = {}): Steps<Analysis> {
  const { sentences, flags } = yield* flagSteps(article, options);
  const { figures, conflicts } = yield* figureSteps(article, sentences);
  return { flags, figures, conflicts };
}

/** The first half of an analysis: the sentences and the flags in them. */
function* flagSteps(article: ArticleText, options: AnalyzeOptions): Steps<{ sentences: Sentence[]; flags: Flag[] }> {
  if (!article.isArticle) return { sentences: [], flags: [] };
  const sentences = yield* splitSentencesSteps(article.text, article.blocks);
  yield;
  const flags = yield* findFlagsSteps(article.text, sentences, options);
  return { sentences, flags };
}

/** The second half: the figures in the sentences, and the conflicts among them. */
function* figureSteps(article: ArticleText, sentences: readonly Sentence[]): Steps<{ figures: Figure[]; conflicts: Conflict[] }> {
  if (!article.isArticle) return { figures: [], conflicts: [] };
  yield;
  const figures = yield* findFiguresSteps(article.text, sentences);
  yield;
  const conflicts = yield* findConflictsSteps(figures);
  return { figures, conflicts };
}

/** The scan report of one page (without kept figures: the figure store adds those). */
export function scanArticle(article: ArticleText, source: string, options: AnalyzeOptions = {}): ScanReport {
  return runToEnd(scanArticleSteps(article, source, options));
}

/** scanArticle as resumable steps. */
export function* scanArticleSteps(article: ArticleText, source: string, options: AnalyzeOptions = {}): Steps<ScanReport> {
  const flagged = yield* scanFlagsSteps(article, source, options);
  return yield* scanFiguresSteps(flagged, article);
}

/**
 * A scan half done: the report with its flags and no figures yet, and the sentences the
 * figures will be read from. A page's own marks are its flags (a figure is marked only when it
 * conflicts), so a browser can show them before it reads the figures.
 */
export interface FlagScan {
  report: ScanReport;
  sentences: readonly Sentence[];
}

/** The first half of scanArticleSteps: the report with its flags. */
export function* scanFlagsSteps(article: ArticleText, source: string, options: AnalyzeOptions = {}): Steps<FlagScan> {
  const { sentences, flags } = yield* flagSteps(article, options);
  const report: ScanReport = {
    source,
    title: article.title,
    publishedAt: article.publishedAt,
    siteName: article.siteName,
    isArticle: article.isArticle,
    reason: article.reason,
    flags,
    figures: [],
    conflicts: [],
  };
  return { report, sentences };
}

/** The second half of scanArticleSteps: the figures and their conflicts added to a FlagScan's report. */
export function* scanFiguresSteps(scan: FlagScan, article: ArticleText): Steps<ScanReport> {
  const { figures, conflicts } = yield* figureSteps(article, scan.sentences);
  return { ...scan.report, figures, conflicts };
}
