// The engine's first run on a page, as a content script meets it on every page it opens: in a
// fresh process nothing is compiled yet (functions are parsed and compiled when first called,
// each regex when first executed) and nothing is optimised. Run by `npm run bench` (part
// "cold") in fresh Node processes, one per sample; prints one JSON line.
//
//   node --import tsx src/tools/cold-start.ts <article text file>
//
// The same scan, warm, takes a small fraction of the first run: what the first run costs is
// how much distinct code and how many regexes it touches, not how much text it reads.
import { readFileSync } from 'node:fs';
import { articleFromPlainText } from '../engine/article/plain-text';
import { scanFiguresSteps, scanFlagsSteps } from '../engine/analyze';
import { runToEnd } from '../engine/run-steps';
import { summarize } from './timing';

export interface ColdStartSample {
  /** The first scan's flag half (what a content script needs for its first highlights), ms. */
  firstFlags: number;
  /** The first scan's figure half, ms. */
  firstFigures: number;
  /** The same two halves, warm (median of 20 runs after 20 warm-up runs), ms. */
  warmFlags: number;
  warmFigures: number;
  flags: number;
}

function timeHalves(text: string): { flags: number; figures: number; flagCount: number } {
  const article = articleFromPlainText(text);
  const t0 = performance.now();
  const flagged = runToEnd(scanFlagsSteps(article, 'bench'));
  const t1 = performance.now();
  runToEnd(scanFiguresSteps(flagged, article));
  const t2 = performance.now();
  return { flags: t1 - t0, figures: t2 - t1, flagCount: flagged.report.flags.length };
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cold-start.ts <article text file>');
  const text = readFileSync(file, 'utf8');
  const first = timeHalves(text);
  for (let i = 0; i < 20; i++) timeHalves(text);
  const warm = Array.from({ length: 20 }, () => timeHalves(text));
  const sample: ColdStartSample = {
    firstFlags: first.flags,
    firstFigures: first.figures,
    warmFlags: summarize(warm.map((w) => w.flags)).median,
    warmFigures: summarize(warm.map((w) => w.figures)).median,
    flags: first.flagCount,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main();
