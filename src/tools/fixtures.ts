// Where the shared fixtures live and which pages have gold labels. The fixtures are other
// people's text: they are read in place, never copied into the project.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldPage } from './score';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared/fixtures beside the project; CAVEAT_FIXTURES overrides (tests, other checkouts). */
export function fixturesDir(): string {
  return resolve(process.env.CAVEAT_FIXTURES ?? join(projectRoot, '../shared/fixtures'));
}

export interface EvalCase {
  /** Fixture name, e.g. "latimes-gannett-merger"; "seed-article.txt" for the plain-text twin. */
  name: string;
  gold: GoldPage;
  /** Path of the page that is scanned. */
  pagePath: string;
  format: 'html' | 'text';
  /** article-text/NAME.txt when present: the reference for the article-text score. */
  referencePath: string | null;
  /** False for a case shown on its own but left out of the totals (so no page counts twice). */
  inTotals: boolean;
}

const CROSS_PAGES_GOLD = 'cross-pages.gold.json';

/**
 * Every NAME.gold.json with a page to scan. The HTML page is preferred, as it goes through
 * the real extraction path; a gold file written against a .txt (the seed article) also
 * gets a plain-text case, shown apart from the totals.
 */
export function listEvalCases(dir = fixturesDir()): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.gold.json') || file === CROSS_PAGES_GOLD) continue;
    const name = file.slice(0, -'.gold.json'.length);
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldPage;
    gold.flags ??= [];
    gold.figures ??= [];
    gold.conflicts ??= [];
    const reference = join(dir, 'article-text', `${name}.txt`);
    const referencePath = existsSync(reference) ? reference : null;
    const html = join(dir, `${name}.html`);
    const txt = join(dir, `${name}.txt`);
    if (existsSync(html)) cases.push({ name, gold, pagePath: html, format: 'html', referencePath, inTotals: true });
    if (existsSync(txt) && gold.page?.endsWith('.txt')) {
      const alone = !existsSync(html);
      cases.push({ name: alone ? name : `${name}.txt`, gold, pagePath: txt, format: 'text', referencePath, inTotals: alone });
    }
  }
  return cases;
}

/** The reference article text: the file's first line is the page URL, not article text. */
export function readReferenceText(path: string): string {
  const raw = readFileSync(path, 'utf8');
  const firstBreak = raw.indexOf('\n');
  const firstLine = firstBreak < 0 ? raw : raw.slice(0, firstBreak);
  return /^https?:\/\/\S+$/.test(firstLine.trim()) ? raw.slice(firstBreak + 1) : raw;
}
