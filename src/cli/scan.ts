// `npm run scan -- <file|URL>... [--json] [--store FILE]`: scans pages from the command
// line. Every input is read and analysed on its own; a bad one is reported in one line on
// stderr (`caveat: <input>: <problem>`) and the others are still scanned; any failure makes
// the exit status non-zero. Never a stack trace (CAVEAT_DEBUG=1 shows them, for developers).

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanArticle } from '../engine/analyze';
import type { ScanReport } from '../engine/types';
import { parseScanArgs, USAGE, type ScanArgs } from './args';
import { loadArticleReaders } from './article-readers';
import { addCrossPageConflicts } from './cross-page';
import { problemOf } from './errors';
import { fetchPage, isUrl } from './fetch-page';
import { formatReport } from './format-report';
import type { PageContent } from './page-content';
import { pageLimits, type PageLimits } from './page-limits';
import { readPageFile } from './read-file';
import { safeText, styleFor } from './terminal-style';

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

interface Output {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

function reportError(out: Output, input: string, error: unknown): void {
  let problem = safeText(problemOf(error));
  // Some messages already start with the path ("x.json is not a usable store"): say it once.
  if (problem.startsWith(`${input} `)) problem = problem.slice(input.length + 1);
  out.stderr(`caveat: ${safeText(input)}: ${problem}\n`);
  if (process.env.CAVEAT_DEBUG && error instanceof Error && error.stack) out.stderr(`${error.stack}\n`);
}

async function readPage(input: string, limits: PageLimits): Promise<PageContent> {
  return isUrl(input) ? fetchPage(input, limits) : readPageFile(input, limits);
}

async function scanOne(input: string, limits: PageLimits): Promise<{ report: ScanReport; text: string }> {
  const page = await readPage(input, limits);
  const readers = await loadArticleReaders();
  const article = page.format === 'html' ? readers.fromHtml(page.content, page.source) : readers.fromText(page.content);
  return { report: scanArticle(article, page.source), text: article.text };
}

export async function runScan(argv: readonly string[], out: Output, stdoutIsTTY = false): Promise<number> {
  let args: ScanArgs;
  try {
    args = parseScanArgs(argv);
  } catch (error) {
    out.stderr(`caveat: ${problemOf(error)}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    out.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const limits = pageLimits();
  let failed = false;
  const scanned: ScanReport[] = [];
  const texts: string[] = [];
  // One after another, in the order given: earlier pages are "earlier" for cross-page conflicts.
  for (const input of args.inputs) {
    try {
      const { report, text } = await scanOne(input, limits);
      scanned.push(report);
      texts.push(text);
    } catch (error) {
      failed = true;
      reportError(out, input, error);
    }
  }
  let reports = scanned;
  try {
    reports = await addCrossPageConflicts(scanned, { storeFile: args.storeFile, texts });
  } catch (error) {
    // A store file that cannot be read or written: the pages' own results are still shown.
    failed = true;
    reportError(out, args.storeFile ?? 'figure memory', error);
  }
  if (args.json) {
    if (args.inputs.length === 1) {
      if (reports[0]) out.stdout(`${JSON.stringify(reports[0], null, 2)}\n`);
    } else out.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    const style = styleFor({ isTTY: stdoutIsTTY });
    out.stdout(reports.map((r) => `${formatReport(r, style)}\n`).join('\n'));
  }
  return failed ? EXIT_INPUT_FAILED : EXIT_OK;
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const out: Output = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
  // Last line of defence: whatever escapes is still one line, never a stack trace.
  const die = (error: unknown) => {
    reportError(out, 'scan', error);
    process.exit(EXIT_INPUT_FAILED);
  };
  // `scan ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    die(error);
  });
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
  runScan(process.argv.slice(2), out, process.stdout.isTTY === true).then((code) => {
    process.exitCode = code;
  }, die);
}

