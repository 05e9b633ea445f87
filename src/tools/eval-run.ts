// Runs the engine on every gold page and scores it (the numbers behind `npm run eval`).

import { readFileSync } from 'node:fs';
import { scanArticle } from '../engine/analyze';
import { FLAG_KINDS, type ArticleText, type FlagKind, type ScanReport } from '../engine/types';
import { loadArticleReaders } from '../cli/article-readers';
import type { ExtractMethod } from '../engine/article/extract';
import { listEvalCases, readReferenceText, type EvalCase } from './fixtures';
import {
  addTally, emptyTally, scoreConflicts, scoreFigures, scoreFlags,
  type ConflictScore, type FigureScore, type FlagScore, type Tally,
} from './score';

export interface ArticleTextScoreView {
  /** The headline number (F1 or whatever single score articleTextScore gives). */
  score: number | null;
  /** Every numeric field articleTextScore returned (precision, recall, ...). */
  details: Record<string, number>;
}

export interface PageResult {
  name: string;
  source: string;
  inTotals: boolean;
  error: string | null;
  isArticle: boolean;
  flags: FlagScore | null;
  figures: FigureScore | null;
  conflicts: ConflictScore | null;
  articleText: ArticleTextScoreView | null;
  /** Kept for the cross-page hook. */
  article: ArticleText | null;
  report: ScanReport | null;
}

export interface Totals {
  anyFlag: Tally;
  byKind: Record<FlagKind, Tally>;
  figures: Tally;
  intervalExact: number;
  conflicts: Tally;
  notConflictHits: number;
}

export interface EvalResult {
  fixturesDir: string;
  pages: PageResult[];
  totals: Totals;
  /** Which article-text scorer ran: the article engineer's, or a stand-in until it lands. */
  articleTextScorer: 'articleTextScore' | 'none';
  /** Milliseconds spent reading pages (parse + extraction) and analysing them, over all pages. */
  timing: { extractMs: number; analyzeMs: number };
}

type ArticleTextScore = (extracted: string, reference: string) => unknown;

async function loadArticleTextScore(): Promise<ArticleTextScore | null> {
  try {
    const mod = (await import(new URL('../engine/article/score.ts', import.meta.url).href)) as Record<string, unknown>;
    return typeof mod.articleTextScore === 'function' ? (mod.articleTextScore as ArticleTextScore) : null;
  } catch {
    return null;
  }
}

/** A bare number, or an object of numbers: F1 of its precision and recall is the headline. */
function viewOfScore(value: unknown): ArticleTextScoreView {
  if (typeof value === 'number') return { score: value, details: {} };
  const details: Record<string, number> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'number') details[k] = v;
  }
  const { precision, recall } = details;
  const f1 = precision !== undefined && recall !== undefined ? (precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0) : undefined;
  const score = details.f1 ?? f1 ?? details.score ?? Object.values(details)[0] ?? null;
  return { score, details };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

export interface EvalOptions {
  /** How HTML pages are read (ExtractOptions.method); unset: the default, as the CLI reads them. */
  extract?: ExtractMethod;
}

export async function runEval(fixturesDir: string, options: EvalOptions = {}): Promise<EvalResult> {
  const readers = await withExtractMethod(await loadArticleReaders(), options.extract);
  const articleTextScore = await loadArticleTextScore();
  const cases = listEvalCases(fixturesDir);
  const timing = { extractMs: 0, analyzeMs: 0 };
  const pages = cases.map((c) => evalPage(c, readers, articleTextScore, timing));
  const totals: Totals = {
    anyFlag: emptyTally(),
    byKind: Object.fromEntries(FLAG_KINDS.map((k) => [k, emptyTally()])) as Record<FlagKind, Tally>,
    figures: emptyTally(),
    intervalExact: 0,
    conflicts: emptyTally(),
    notConflictHits: 0,
  };
  for (const p of pages) {
    if (!p.inTotals || !p.flags || !p.figures || !p.conflicts) continue;
    addTally(totals.anyFlag, p.flags.anyFlag);
    for (const k of FLAG_KINDS) addTally(totals.byKind[k], p.flags.byKind[k]);
    addTally(totals.figures, p.figures.tally);
    totals.intervalExact += p.figures.intervalExact;
    addTally(totals.conflicts, p.conflicts.tally);
    totals.notConflictHits += p.conflicts.notConflictHits;
  }
  return {
    fixturesDir,
    pages,
    totals,
    articleTextScorer: articleTextScore ? 'articleTextScore' : 'none',
    timing,
  };
}

/** The CLI's readers, with HTML read by the given extraction method. */
async function withExtractMethod(
  readers: Awaited<ReturnType<typeof loadArticleReaders>>,
  method: ExtractMethod | undefined,
): Promise<Awaited<ReturnType<typeof loadArticleReaders>>> {
  if (!method) return readers;
  const [{ extractArticle }, { parseHtml }, { readabilityFound }] = await Promise.all([
    import('../engine/article/extract'),
    import('../cli/html'),
    import('../engine/article/readability-path'),
  ]);
  return {
    ...readers,
    fromHtml: (html, url) => {
      const { segments: _segments, ...article } = extractArticle(parseHtml(html, url), { url, method, readability: readabilityFound });
      return article;
    },
  };
}

function evalPage(
  c: EvalCase,
  readers: Awaited<ReturnType<typeof loadArticleReaders>>,
  articleTextScore: ArticleTextScore | null,
  timing: EvalResult['timing'],
): PageResult {
  const result: PageResult = {
    name: c.name, source: c.pagePath, inTotals: c.inTotals, error: null, isArticle: false,
    flags: null, figures: null, conflicts: null, articleText: null, article: null, report: null,
  };
  try {
    const content = readFileSync(c.pagePath, 'utf8');
    const t0 = performance.now();
    const article = c.format === 'html' ? readers.fromHtml(content, c.pagePath) : readers.fromText(content);
    const t1 = performance.now();
    const report = scanArticle(article, c.pagePath);
    timing.extractMs += t1 - t0;
    timing.analyzeMs += performance.now() - t1;
    result.article = article;
    result.report = report;
    result.isArticle = article.isArticle;
    result.flags = scoreFlags(c.gold.flags, report.flags);
    result.figures = scoreFigures(c.gold.figures, report.figures);
    result.conflicts = scoreConflicts(c.gold, report.figures, report.conflicts, result.figures);
    if (articleTextScore && c.referencePath && c.format === 'html') {
      result.articleText = viewOfScore(articleTextScore(article.text, readReferenceText(c.referencePath)));
    }
  } catch (error) {
    result.error = errorText(error);
  }
  return result;
}
