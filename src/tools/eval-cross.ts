// Cross-page eval: every fixture page goes into ONE in-memory figure memory, in a fixed
// (alphabetical) order, and the conflicts the memory reports between pages are scored
// against ../shared/fixtures/cross-pages.gold.json:
//   - recall: gold cross-page conflicts found (in either direction: the later page reports it);
//   - false conflicts: found conflicts the gold does not list, and among them those between
//     pages of different stories (stories.json), which must be zero;
//   - not_conflicts respected: gold pairs that must not be reported, and were not.
// It runs twice: on the scanner's own figures (the whole engine) and on the gold figures
// (the figure memory alone: its same-story test and rescans, whatever the scanner reads).
//
// `npm run eval` calls evaluateCrossPages() with the pages it scanned; `tsx
// src/tools/eval-cross.ts` runs it alone (scanning with parseHtml + extractArticle + scanArticle).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHtml } from '../cli/html';
import { extractArticle } from '../engine/article/extract';
import { scanArticle } from '../engine/analyze';
import { valuesConflict } from '../engine/store/compare';
import { FigureMemory } from '../engine/store/figure-memory';
import { DEFAULT_LIMITS } from '../engine/store/limits';
import { MemoryPort } from '../engine/store/memory-port';
import { pageIdentity } from '../engine/store/records';
import { sameStory } from '../engine/store/story';
import { unitFromWhat } from '../engine/store/schema';
import type { ArticleText, Figure, ScanReport } from '../engine/types';
import { fixturesDir as defaultFixturesDir, readReferenceText } from './fixtures';
import { phraseSimilarity } from './text-match';
import type { GoldFigure } from './score';

interface GoldSide {
  page: string;
  text: string;
}
interface GoldCrossPair {
  a: GoldSide;
  b: GoldSide;
  why?: string;
}

/** A page as eval.ts hands it over. */
export interface ScannedPage {
  name: string;
  source: string;
  article: ArticleText;
  report: ScanReport;
}

export interface CrossPageContext {
  fixturesDir?: string;
  pages?: readonly ScannedPage[];
}

/** One conflict the memory reported, by page name and figure phrase. */
export interface FoundCrossConflict {
  page: string;
  text: string;
  value: string;
  keptPage: string;
  keptText: string;
  keptValue: string;
  sameStory: boolean;
}

export type FiguresFrom = 'scanner' | 'gold' | 'gold-reversed' | 'gold-one-key';

export interface CrossPageRun {
  figuresFrom: FiguresFrom;
  pages: number;
  figuresKept: number;
  goldConflicts: number;
  goldFound: number;
  recall: number;
  missed: GoldCrossPair[];
  found: number;
  falseConflicts: FoundCrossConflict[];
  falseBetweenStories: number;
  notConflicts: number;
  notConflictsRespected: number;
  notConflictsViolated: GoldCrossPair[];
  /**
   * Pairs of figures of different pages with the same key whose values conflict: what a
   * memory without the same-story test would report. Those between different stories are
   * the ones the story test must (and did, unless falseBetweenStories > 0) hold back.
   */
  keyAndValueOnly: { pairs: number; betweenStories: number };
}

export interface StoryPairStats {
  sameStoryPairs: number;
  sameStoryTied: number;
  differentStoryPairs: number;
  differentStoryKeptApart: number;
  /** Different-story pairs the test ties, by name. */
  wronglyTied: string[];
}

export interface CrossPageEval {
  order: string[];
  /** The page-level same-story test on every pair of fixture pages (names only, no dates). */
  storyPairs: StoryPairStats;
  runs: CrossPageRun[];
}

/** Phrases match when one holds the other or most of their words are shared. */
const SAME_PHRASE = 0.6;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function storyIndex(dir: string): Map<string, string> {
  const stories = readJson<Record<string, string[]>>(join(dir, 'stories.json'));
  const storyOf = new Map<string, string>();
  for (const [story, pages] of Object.entries(stories)) for (const page of pages) storyOf.set(page, story);
  return storyOf;
}

function sameStoryInGold(storyOf: Map<string, string>, a: string, b: string): boolean {
  const sa = storyOf.get(a) ?? `alone:${a}`;
  const sb = storyOf.get(b) ?? `alone:${b}`;
  return sa === sb;
}

/** Fixture pages with an HTML file, alphabetical: the fixed order of the run. */
function fixturePages(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort();
}

function scanFixture(dir: string, name: string): ScannedPage {
  const path = join(dir, `${name}.html`);
  const article = extractArticle(parseHtml(readFileSync(path, 'utf8')));
  return { name, source: path, article, report: scanArticle(article, path) };
}

function valueOf(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return low === high ? String(low) : `${low}-${high}`;
  if (low !== null) return `>=${low}`;
  return `<=${high}`;
}

/** The page's report with its figures replaced by the gold figures (ids g0, g1...). */
function withGoldFigures(page: ScannedPage, dir: string): ScanReport {
  const goldPath = join(dir, `${page.name}.gold.json`);
  const gold = existsSync(goldPath) ? readJson<{ figures?: GoldFigure[] }>(goldPath) : {};
  const figures: Figure[] = (gold.figures ?? []).map((g, index) => ({
    id: `g${index}`,
    start: 0,
    end: 0,
    text: g.text,
    number: /[$€£]?\d[\d,.]*/.exec(g.text)?.[0] ?? '',
    low: g.low,
    high: g.high,
    what: g.what,
    unit: unitFromWhat(g.what),
    attributedTo: g.attributedTo ?? null,
    sentence: g.sentence,
    sentenceStart: 0,
    context: [],
  }));
  return { ...page.report, figures, conflicts: [] };
}

/** The text the memory gets for story terms: the page's article text, else the corpus's. */
function textOf(page: ScannedPage, dir: string): string | undefined {
  if (page.article.isArticle && page.article.text.trim()) return page.article.text;
  const reference = join(dir, 'article-text', `${page.name}.txt`);
  return existsSync(reference) ? readReferenceText(reference) : undefined;
}

/** The digits of a phrase: "20 Russian citizens" and "23 Russian citizens" share every word but one. */
function numbersIn(text: string): string {
  return (text.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.]$/, '').replace(/,/g, '')).join(' ');
}

function sidesMatch(found: FoundCrossConflict, pair: GoldCrossPair): boolean {
  const matches = (pageA: string, textA: string, side: GoldSide): boolean =>
    pageA === side.page && phraseSimilarity(textA, side.text) >= SAME_PHRASE && numbersIn(textA) === numbersIn(side.text);
  return (
    (matches(found.page, found.text, pair.a) && matches(found.keptPage, found.keptText, pair.b)) ||
    (matches(found.page, found.text, pair.b) && matches(found.keptPage, found.keptText, pair.a))
  );
}

function keyAndValueOnly(reports: { name: string; report: ScanReport }[], storyOf: Map<string, string>): { pairs: number; betweenStories: number } {
  let pairs = 0;
  let betweenStories = 0;
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      for (const a of reports[i]!.report.figures) {
        for (const b of reports[j]!.report.figures) {
          if (a.what !== b.what || !valuesConflict(a, b)) continue;
          pairs++;
          if (!sameStoryInGold(storyOf, reports[i]!.name, reports[j]!.name)) betweenStories++;
        }
      }
    }
  }
  return { pairs, betweenStories };
}

async function runOnce(
  figuresFrom: FiguresFrom,
  pages: readonly ScannedPage[],
  dir: string,
  gold: { conflicts: GoldCrossPair[]; not_conflicts: GoldCrossPair[] },
  storyOf: Map<string, string>,
): Promise<CrossPageRun> {
  const memory = new FigureMemory(new MemoryPort());
  const reports: { name: string; report: ScanReport }[] = [];
  const pageOfSource = new Map<string, string>();
  const found: FoundCrossConflict[] = [];
  // Every page is read at one fixed time, so the run does not depend on the clock.
  const seenAt = new Date('2024-01-01T00:00:00Z');
  for (const page of pages) {
    let report = figuresFrom === 'scanner' ? page.report : withGoldFigures(page, dir);
    // The stress test of the same-story test: every figure counts "the same thing", so only
    // the story test stands between unrelated pages and a flood of conflicts.
    if (figuresFrom === 'gold-one-key') report = { ...report, figures: report.figures.map((f) => ({ ...f, what: 'thing|counted', unit: 'count' })) };
    pageOfSource.set(report.source, page.name);
    reports.push({ name: page.name, report });
    const text = textOf(page, dir);
    const result = await memory.recordPage(report, { url: report.source, seenAt, ...(text !== undefined ? { text } : {}) });
    for (const conflict of result.conflicts) {
      const own = report.figures.find((f) => f.id === conflict.figures[0]);
      const kept = result.keptFigures.find((k) => k.id === conflict.figures[1]);
      if (!own || !kept) continue;
      const keptPage = pageOfSource.get(kept.source) ?? kept.source;
      found.push({
        page: page.name,
        text: own.text,
        value: valueOf(own.low, own.high),
        keptPage,
        keptText: kept.text,
        keptValue: valueOf(kept.low, kept.high),
        sameStory: sameStoryInGold(storyOf, page.name, keptPage),
      });
    }
  }
  const missed = gold.conflicts.filter((pair) => !found.some((f) => sidesMatch(f, pair)));
  const falseConflicts = found.filter((f) => !gold.conflicts.some((pair) => sidesMatch(f, pair)));
  const violated = gold.not_conflicts.filter((pair) => found.some((f) => sidesMatch(f, pair)));
  const goldFound = gold.conflicts.length - missed.length;
  return {
    figuresFrom,
    pages: pages.length,
    figuresKept: (await memory.usage()).figures,
    goldConflicts: gold.conflicts.length,
    goldFound,
    recall: gold.conflicts.length === 0 ? 1 : goldFound / gold.conflicts.length,
    missed,
    found: found.length,
    falseConflicts,
    falseBetweenStories: falseConflicts.filter((f) => !f.sameStory).length,
    notConflicts: gold.not_conflicts.length,
    notConflictsRespected: gold.not_conflicts.length - violated.length,
    notConflictsViolated: violated,
    keyAndValueOnly: keyAndValueOnly(reports, storyOf),
  };
}

/**
 * Scores the figure memory's cross-page conflicts on the fixture pages. Given eval.ts's
 * scanned pages it reuses them; otherwise it scans every fixture page itself.
 */
export async function evaluateCrossPages(context: CrossPageContext = {}): Promise<CrossPageEval> {
  const dir = resolve(context.fixturesDir ?? defaultFixturesDir());
  const gold = readJson<{ conflicts: GoldCrossPair[]; not_conflicts?: GoldCrossPair[] }>(join(dir, 'cross-pages.gold.json'));
  const goldPairs = { conflicts: gold.conflicts, not_conflicts: gold.not_conflicts ?? [] };
  const storyOf = storyIndex(dir);
  const names = fixturePages(dir);
  const given = new Map((context.pages ?? []).map((page) => [page.name, page]));
  const pages = names.map((name) => given.get(name) ?? scanFixture(dir, name));
  return {
    order: names,
    storyPairs: storyPairStats(pages, dir, storyOf),
    runs: [
      await runOnce('scanner', pages, dir, goldPairs, storyOf),
      await runOnce('gold', pages, dir, goldPairs, storyOf),
      // Which page is read first must not matter.
      await runOnce('gold-reversed', [...pages].reverse(), dir, goldPairs, storyOf),
      await runOnce('gold-one-key', pages, dir, { conflicts: [], not_conflicts: [] }, storyOf),
    ],
  };
}

function storyPairStats(pages: readonly ScannedPage[], dir: string, storyOf: Map<string, string>): StoryPairStats {
  const sides = pages.map((page) => {
    const text = textOf(page, dir);
    const identity = pageIdentity(page.report, { url: page.report.source, ...(text !== undefined ? { text } : {}) });
    return { name: page.name, side: { storyTerms: identity.storyTerms, context: [], date: null } };
  });
  const stats: StoryPairStats = { sameStoryPairs: 0, sameStoryTied: 0, differentStoryPairs: 0, differentStoryKeptApart: 0, wronglyTied: [] };
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const a = sides[i]!;
      const b = sides[j]!;
      const tied = sameStory(a.side, b.side, DEFAULT_LIMITS.storyWindowDays).same;
      if (sameStoryInGold(storyOf, a.name, b.name)) {
        stats.sameStoryPairs++;
        if (tied) stats.sameStoryTied++;
      } else {
        stats.differentStoryPairs++;
        if (tied) stats.wronglyTied.push(`${a.name} ~ ${b.name}`);
        else stats.differentStoryKeptApart++;
      }
    }
  }
  return stats;
}

const percent = (x: number): string => `${(100 * x).toFixed(0)}%`;

/** The eval as text for a person. */
export function formatCrossPageEval(result: CrossPageEval): string {
  const lines: string[] = [];
  lines.push(`${result.order.length} pages into one figure memory, in alphabetical order.`);
  const story = result.storyPairs;
  lines.push(
    `Same-story test on all page pairs: ${story.sameStoryTied}/${story.sameStoryPairs} pairs of one story tied, ` +
      `${story.differentStoryKeptApart}/${story.differentStoryPairs} pairs of different stories kept apart` +
      (story.wronglyTied.length ? ` (tied: ${story.wronglyTied.join('; ')})` : ''),
  );
  for (const run of result.runs) {
    lines.push('');
    if (run.figuresFrom === 'gold-one-key') {
      lines.push(`Stress: gold figures all given ONE key, so only the story test keeps pages apart: ${run.figuresKept} kept`);
      const between = run.falseConflicts.filter((f) => !f.sameStory);
      lines.push(`  conflicts reported between different stories: ${between.length} (of ${run.keyAndValueOnly.betweenStories} value-conflicting pairs across stories)`);
      for (const f of between.slice(0, 10)) lines.push(`    ${f.page} "${f.text}" vs ${f.keptPage} "${f.keptText}"`);
      continue;
    }
    const from =
      run.figuresFrom === 'scanner'
        ? 'scanner (whole engine)'
        : run.figuresFrom === 'gold'
          ? 'gold files (figure memory alone)'
          : 'gold files, pages read in reverse order';
    lines.push(`Figures from the ${from}: ${run.figuresKept} kept`);
    lines.push(`  cross-page conflicts found: ${run.goldFound}/${run.goldConflicts} (recall ${percent(run.recall)})`);
    lines.push(`  false cross-page conflicts: ${run.falseConflicts.length} of ${run.found} reported; between different stories: ${run.falseBetweenStories}`);
    lines.push(`  not_conflicts respected: ${run.notConflictsRespected}/${run.notConflicts}`);
    lines.push(
      `  same key and conflicting values alone: ${run.keyAndValueOnly.pairs} pairs, ${run.keyAndValueOnly.betweenStories} between different stories (what the same-story test must hold back)`,
    );
    for (const pair of run.missed) lines.push(`    missed: ${pair.a.page} "${pair.a.text}" vs ${pair.b.page} "${pair.b.text}"`);
    for (const f of run.falseConflicts) {
      lines.push(`    false${f.sameStory ? '' : ' (DIFFERENT STORIES)'}: ${f.page} "${f.text}" (${f.value}) vs ${f.keptPage} "${f.keptText}" (${f.keptValue})`);
    }
    for (const pair of run.notConflictsViolated) lines.push(`    not_conflict reported: ${pair.a.page} "${pair.a.text}" vs ${pair.b.page} "${pair.b.text}"`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  evaluateCrossPages().then(
    (result) => process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(result, null, 2) : formatCrossPageEval(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`eval-cross: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
