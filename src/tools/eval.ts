// `npm run eval [-- --json]`: precision, recall and F1 of the engine against the gold files
// in ../shared/fixtures (CAVEAT_FIXTURES overrides), then what each page missed or got wrong.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixturesDir } from './fixtures';
import { runEval, type EvalResult } from './eval-run';
import { evalResultJson, formatEvalText } from './eval-format';
import type { ExtractMethod } from '../engine/article/extract';

/**
 * The cross-page part is the store engineer's (src/tools/eval-cross.ts, evaluateCrossPages).
 * It is loaded by a computed path so eval runs before it lands; it gets every scanned page.
 */
async function crossPages(result: EvalResult): Promise<{ result: unknown; text: string } | null> {
  const url = new URL('./eval-cross.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  const mod = (await import(url.href)) as {
    evaluateCrossPages?: (context: unknown) => unknown;
    formatCrossPageEval?: (result: never) => string;
  };
  if (typeof mod.evaluateCrossPages !== 'function') return null;
  const cross = await mod.evaluateCrossPages({
    fixturesDir: result.fixturesDir,
    pages: result.pages
      .filter((p) => p.inTotals && p.article && p.report)
      .map((p) => ({ name: p.name, source: p.source, article: p.article!, report: p.report! })),
  });
  const text = typeof mod.formatCrossPageEval === 'function' ? mod.formatCrossPageEval(cross as never) : JSON.stringify(cross, null, 2);
  return { result: cross, text };
}

const USAGE = 'usage: npm run eval [-- --json] [--extract readability|sliced|auto] [--compare-extract]';
const METHODS: readonly ExtractMethod[] = ['readability', 'sliced', 'auto'];

/** Mean article-text score over the pages that have one. */
function meanArticleText(result: EvalResult): number {
  const scores = result.pages.map((p) => p.articleText?.score).filter((s): s is number => typeof s === 'number');
  return scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** Both extraction paths side by side: article text per page, and the flag and figure F1. */
async function compareExtraction(dir: string): Promise<string> {
  const a = await runEval(dir, { extract: 'readability' });
  const b = await runEval(dir, { extract: 'sliced' });
  const f1 = (t: EvalResult['totals']['anyFlag']) => {
    const precision = t.predicted === 0 ? 0 : t.correct / t.predicted;
    const recall = t.gold === 0 ? 0 : t.found / t.gold;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  };
  const out = ['Extraction paths side by side (article-text F1 per page; readability | sliced):'];
  for (const pa of a.pages) {
    const pb = b.pages.find((p) => p.name === pa.name);
    if (!pa.articleText && !pb?.articleText) continue;
    const sa = pa.articleText?.score ?? 0;
    const sb = pb?.articleText?.score ?? 0;
    out.push(`  ${pa.name.padEnd(40)} ${sa.toFixed(2)} | ${sb.toFixed(2)}${Math.abs(sa - sb) >= 0.02 ? (sb > sa ? '  +' : '  -') : ''}`);
  }
  out.push(`  ${'mean article-text F1'.padEnd(40)} ${meanArticleText(a).toFixed(3)} | ${meanArticleText(b).toFixed(3)}`);
  out.push(`  ${'any-flag F1'.padEnd(40)} ${f1(a.totals.anyFlag).toFixed(2)} | ${f1(b.totals.anyFlag).toFixed(2)}`);
  out.push(`  ${'figures F1'.padEnd(40)} ${f1(a.totals.figures).toFixed(2)} | ${f1(b.totals.figures).toFixed(2)}`);
  out.push(`  ${'interval exact'.padEnd(40)} ${a.totals.intervalExact} | ${b.totals.intervalExact}`);
  out.push(`  ${'in-page conflicts found'.padEnd(40)} ${a.totals.conflicts.found}/${a.totals.conflicts.gold} | ${b.totals.conflicts.found}/${b.totals.conflicts.gold}`);
  out.push(`  ${'extraction time (jsdom, all pages)'.padEnd(40)} ${(a.timing.extractMs / 1000).toFixed(1)} s | ${(b.timing.extractMs / 1000).toFixed(1)} s`);
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let extract: ExtractMethod | undefined;
  let compare = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') continue;
    if (arg === '--compare-extract') {
      compare = true;
      continue;
    }
    if (arg === '--extract' && METHODS.includes(argv[i + 1] as ExtractMethod)) {
      extract = argv[++i] as ExtractMethod;
      continue;
    }
    process.stderr.write(`caveat eval: unknown argument ${arg} (${USAGE})\n`);
    return 2;
  }
  const started = performance.now();
  const dir = fixturesDir();
  if (!existsSync(dir)) {
    process.stderr.write(`caveat eval: ${dir}: fixtures directory not found (set CAVEAT_FIXTURES)\n`);
    return 2;
  }
  const result = await runEval(dir, { extract });
  let cross: Awaited<ReturnType<typeof crossPages>> = null;
  let crossError: string | null = null;
  try {
    cross = await crossPages(result);
  } catch (error) {
    crossError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(evalResultJson(result, crossError ? { error: crossError } : (cross?.result ?? null)), null, 2)}\n`);
  } else {
    process.stdout.write(`${formatEvalText(result)}\n`);
    process.stdout.write(`  ${'mean'.padEnd(40)} ${meanArticleText(result).toFixed(3)}   (extraction: ${extract ?? 'default'})\n`);
    if (compare) process.stdout.write(`\n${await compareExtraction(dir)}\n`);
    if (crossError) process.stdout.write(`\nCross-page eval failed: ${crossError}\n`);
    else if (cross) process.stdout.write(`\nCross pages (src/tools/eval-cross.ts):\n${cross.text}\n`);
    else process.stdout.write('\nCross pages: src/tools/eval-cross.ts (evaluateCrossPages) not landed yet.\n');
    const { extractMs, analyzeMs } = result.timing;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    process.stdout.write(`\nEval took ${seconds(performance.now() - started)} s (page parsing and extraction ${seconds(extractMs)} s, analysis ${seconds(analyzeMs)} s).\n`);
  }
  // A page that could not be scanned is a failure of the run, not a low score.
  return result.pages.some((p) => p.error) || crossError ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`caveat eval: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = 1;
  },
);
