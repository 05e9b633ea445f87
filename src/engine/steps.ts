import type { AnalyzeOptions, ScanReport } from './types';
import { extractArticle, type ExtractOptions, type ExtractedArticle } from './article/extract';
import { scanArticle } from './analyze';

// Long engine work as resumable steps, so that a browser can spread it over many short tasks
// and never hold the page's main thread for long, while Node and the tests still call the
// plain synchronous functions.
//
// A step function is a generator: it `yield`s at points where stopping is safe (between
// paragraphs, between sentences) and `return`s its result. It never decides *when* to stop —
// that is the driver's call: `runToEnd` below never stops (Node, CLI, eval), the content
// script's driver stops when its time slice is spent and resumes after the page had its turn.
// Yield points should be cheap and frequent (every few hundred microseconds of work at most);
// the driver checks a clock at each one and only rarely actually pauses.

/** Resumable work that produces a T. */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps without ever pausing: the synchronous result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** extractArticle as steps. */
// Placeholder until extraction yields inside: one step for the whole work.
export function* extractArticleSteps(doc: Document, options: ExtractOptions = {}): Steps<ExtractedArticle> {
  return extractArticle(doc, options);
}

/** scanArticle as steps. */
// Placeholder until the scan yields inside: one step for the whole work.
export function* scanArticleSteps(
  article: Parameters<typeof scanArticle>[0],
  source: string,
  options: AnalyzeOptions = {},
): Steps<ScanReport> {
  return scanArticle(article, source, options);
}
