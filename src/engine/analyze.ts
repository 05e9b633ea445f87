import type { AnalyzeOptions, ArticleText, Conflict, Figure, Flag, ScanReport } from './types';
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
  if (!article.isArticle) return { flags: [], figures: [], conflicts: [] };
  const sentences = yield* splitSentencesSteps(article.text, article.blocks);
  yield;
  const flags = yield* findFlagsSteps(article.text, sentences, options);
  yield;
  const figures = yield* findFiguresSteps(article.text, sentences);
  yield;
  const conflicts = yield* findConflictsSteps(figures);
  return { flags, figures, conflicts };
}

/** The scan report of one page (without kept figures: the figure store adds those). */
export function scanArticle(article: ArticleText, source: string, options: AnalyzeOptions = {}): ScanReport {
  return runToEnd(scanArticleSteps(article, source, options));
}

/** scanArticle as resumable steps. */
export function* scanArticleSteps(article: ArticleText, source: string, options: AnalyzeOptions = {}): Steps<ScanReport> {
  const { flags, figures, conflicts } = yield* analyzeSteps(article, options);
  return {
    source,
    title: article.title,
    publishedAt: article.publishedAt,
    siteName: article.siteName,
    isArticle: article.isArticle,
    reason: article.reason,
    flags,
    figures,
    conflicts,
  };
}
