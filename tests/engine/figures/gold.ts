// Scoring the figure reader against the gold fixtures in ../shared/fixtures (read in place,
// never copied). Used by gold.test.ts and, for a detailed listing while developing, by
// `npx tsx tests/engine/figures/gold.ts [page]`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { blocksOf, splitSentences } from '../../../src/engine/text/sentences';
import { findFigures } from '../../../src/engine/figures/extract';
import { findConflicts } from '../../../src/engine/conflicts/conflicts';
import type { Conflict, Figure } from '../../../src/engine/types';

export const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');

export interface GoldFigure { text: string; sentence: string; low: number | null; high: number | null; what: string }
export interface GoldPair { a: string; b: string }
export interface Gold { figures?: GoldFigure[]; conflicts?: GoldPair[]; not_conflicts?: GoldPair[] }

export interface PageResult {
  page: string;
  figures: Figure[];
  conflicts: Conflict[];
  gold: Gold;
  found: GoldFigure[];
  missed: GoldFigure[];
  exact: number;
  falsePositives: Figure[];
  /** The engine figure that matched each found gold figure. */
  matches: Map<GoldFigure, Figure>;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function sameSentence(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return x === y || (x.length > 20 && y.includes(x)) || (y.length > 20 && x.includes(y));
}

const overlaps = (a: { low: number | null; high: number | null }, b: { low: number | null; high: number | null }): boolean =>
  (a.low ?? -Infinity) <= (b.high ?? Infinity) && (b.low ?? -Infinity) <= (a.high ?? Infinity);

/** The engine figure matched to the gold figure whose text is `text` on a scored page. */
export function engineFigure(result: PageResult, text: string): Figure | undefined {
  for (const [g, f] of result.matches) if (g.text === text) return f;
  return undefined;
}

/** The article text as the engine sees it: the headline (from the gold file), then the body. */
export function pageText(page: string): string {
  const gold = JSON.parse(readFileSync(join(FIXTURES, `${page}.gold.json`), 'utf8')) as { title?: string };
  return (gold.title ? `${gold.title}\n\n` : '') + bodyText(page);
}

function bodyText(page: string): string {
  const path = page === 'seed-article' ? join(FIXTURES, 'seed-article.txt') : join(FIXTURES, 'article-text', `${page}.txt`);
  const raw = readFileSync(path, 'utf8');
  // The corpus files start with the page URL: not article text.
  return /^https?:\/\//.test(raw) ? raw.slice(raw.indexOf('\n') + 1).replace(/^\s+/, '') : raw;
}

export function goldPages(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.gold.json') && f !== 'cross-pages.gold.json')
    .map((f) => f.replace(/\.gold\.json$/, ''))
    .filter((p) => p === 'seed-article' || existsSync(join(FIXTURES, 'article-text', `${p}.txt`)));
}

export function scorePage(page: string): PageResult {
  const text = pageText(page);
  const sentences = splitSentences(text, blocksOf(text));
  const figures = findFigures(text, sentences);
  const conflicts = findConflicts(figures);
  const gold = JSON.parse(readFileSync(join(FIXTURES, `${page}.gold.json`), 'utf8')) as Gold;
  const used = new Set<Figure>();
  const found: GoldFigure[] = [];
  const missed: GoldFigure[] = [];
  const matches = new Map<GoldFigure, Figure>();
  let exact = 0;
  for (const g of gold.figures ?? []) {
    const candidates = figures.filter((f) => !used.has(f) && sameSentence(f.sentence, g.sentence) && overlaps(f, g));
    const match = candidates.find((f) => f.low === g.low && f.high === g.high) ?? candidates[0];
    if (!match) { missed.push(g); continue; }
    used.add(match);
    matches.set(g, match);
    found.push(g);
    if (match.low === g.low && match.high === g.high) exact++;
  }
  return { page, figures, conflicts, gold, found, missed, exact, matches, falsePositives: figures.filter((f) => !used.has(f)) };
}

export function scoreAll(): { results: PageResult[]; precision: number; recall: number; f1: number; exactRate: number } {
  const results = goldPages().map(scorePage);
  const tp = results.reduce((n, r) => n + r.found.length, 0);
  const fp = results.reduce((n, r) => n + r.falsePositives.length, 0);
  const fn = results.reduce((n, r) => n + r.missed.length, 0);
  const exact = results.reduce((n, r) => n + r.exact, 0);
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { results, precision, recall, f1: (2 * precision * recall) / (precision + recall), exactRate: exact / tp };
}

if (process.argv[1]?.endsWith('gold.ts')) {
  const only = process.argv[2];
  const all = scoreAll();
  for (const r of all.results) {
    if (only && r.page !== only) continue;
    console.log(`=== ${r.page}: found ${r.found.length}, missed ${r.missed.length}, fp ${r.falsePositives.length}, exact ${r.exact}`);
    for (const f of r.figures) {
      const fp = r.falsePositives.includes(f) ? 'FP ' : '   ';
      console.log(`  ${fp}${JSON.stringify(f.text)} [${f.low}, ${f.high}] ${f.unit} ${f.what} | ${f.attributedTo} | ${f.context.join(',')}`);
    }
    for (const g of r.missed) console.log(`  MISS ${JSON.stringify(g.text)} [${g.low}, ${g.high}]`);
    for (const c of r.conflicts) {
      const t = (id: string): string => r.figures.find((f) => f.id === id)?.text ?? id;
      console.log(`  CONFLICT ${t(c.figures[0])} <> ${t(c.figures[1])}: ${c.reason}`);
    }
  }
  console.log(`P ${all.precision.toFixed(3)} R ${all.recall.toFixed(3)} F1 ${all.f1.toFixed(3)} exact ${all.exactRate.toFixed(3)}`);
}
