import type { AnalyzeOptions, ArticleText, Conflict, Figure, Flag, ScanReport } from './types';
import { splitSentences } from './text/sentences';
import { findFlags } from './cues/detect';
import { findFigures } from './figures/extract';
import { findConflicts } from './conflicts/conflicts';

export interface Analysis {
  flags: Flag[];
  figures: Figure[];
  conflicts: Conflict[];
}

/** Article text → flags, figures and the conflicts among them. Pure: no DOM, no I/O. */
export function analyze(article: ArticleText, options: AnalyzeOptions = {}): Analysis {
  if (!article.isArticle) return { flags: [], figures: [], conflicts: [] };
  const sentences = splitSentences(article.text, article.blocks);
  const flags = findFlags(article.text, sentences, options);
  const figures = findFigures(article.text, sentences);
  const conflicts = findConflicts(figures);
  return { flags, figures, conflicts };
}

/** The scan report of one page (without kept figures: the figure store adds those). */
export function scanArticle(article: ArticleText, source: string, options: AnalyzeOptions = {}): ScanReport {
  const { flags, figures, conflicts } = analyze(article, options);
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
