// Long engine work as resumable steps, so that a browser can spread it over many short tasks
// and never hold the page's main thread for long, while Node and the tests still call the
// plain synchronous functions.
//
// A step function is a generator: it `yield`s at points where stopping is safe (between
// paragraphs, between sentences) and `return`s its result. It never decides *when* to stop —
// that is the driver's call: `runToEnd` (run-steps.ts) never stops (Node, CLI, eval), the content
// script's driver stops when its time slice is spent and resumes after the page had its turn.
// Yield points should be cheap and frequent (every few hundred microseconds of work at most);
// the driver checks a clock at each one and only rarely actually pauses.

export { runToEnd, type Steps } from './run-steps';
export { extractArticleSteps, type ExtractMethod } from './article/extract';
export { precheckSteps } from './article/precheck';
export { scanArticleSteps, scanFiguresSteps, scanFlagsSteps, type FlagScan } from './analyze';

// How fine the yields are (all counted in work, never in time):
// - precheckSteps: Readability's isProbablyReaderable (our sliced copy, article/readerable.ts)
//   with a yield every 1,500 elements or text nodes, then the depth walk with a yield every
//   2,000 elements. Pass its result to extractArticleSteps as ExtractOptions.precheck so it is
//   not run twice.
// - extractArticleSteps: one yield after precheck (skipped when ExtractOptions.precheck is
//   given), then the sliced container search (a yield every 250 elements walked; 'auto', the
//   default) — or, with method 'readability' (for comparison, readability-path.ts), Readability's
//   parse as ONE step whose cost grows with the page. Then the text writer yields every 200 nodes
//   (a long text node counts one unit per 50 characters, and yields inside).
// - scanArticleSteps: sentences every 8,192 characters read, flags and figures every 1,000
//   characters of sentences (a sentence is at most MAX_SENTENCE_CHARS = 1,000), conflicts
//   every 500 figure pairs. A page's first steps run cold (interpreted, every regex compiled on
//   first use): 4,000 characters of them took up to ~40 ms in Chromium; 1,000 hold a step to a
//   quarter of that, and a warm step costs no more than before.
