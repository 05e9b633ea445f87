// `npm run eval [-- --json]`: precision, recall and F1 of the engine against the gold files
// in ../shared/fixtures (CAVEAT_FIXTURES overrides), then what each page missed or got wrong.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixturesDir } from './fixtures';
import { runEval, type EvalResult } from './eval-run';
import { evalResultJson, formatEvalText } from './eval-format';

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

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`caveat eval: unknown argument ${unknown[0]} (usage: npm run eval [-- --json])\n`);
    return 2;
  }
  const started = performance.now();
  const dir = fixturesDir();
  if (!existsSync(dir)) {
    process.stderr.write(`caveat eval: ${dir}: fixtures directory not found (set CAVEAT_FIXTURES)\n`);
    return 2;
  }
  const result = await runEval(dir);
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
