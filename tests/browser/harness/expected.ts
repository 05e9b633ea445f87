// What the extension should show on a page, computed in Node by the same pure engine on the
// same HTML (jsdom). The browser tests compare what the user sees (marks, card, badge, popup)
// with this, so they test the extension's glue without hard-coding one engine version's output.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { scanArticle } from '../../../src/engine/analyze';
import { extractArticle } from '../../../src/engine/article/extract';
import type { AnalyzeOptions, ScanReport } from '../../../src/engine/types';
import { FIXTURES_DIR, PAGES_DIR } from './paths';

/** The engine's scan of a fixture (or own page) as served at `url`. */
export async function expectedScan(
  file: { fixture: string } | { page: string },
  url: string,
  options: AnalyzeOptions = {},
): Promise<ScanReport> {
  const path = 'fixture' in file ? join(FIXTURES_DIR, file.fixture) : join(PAGES_DIR, file.page);
  const html = await readFile(path, 'utf8');
  const dom = new JSDOM(html, { url });
  try {
    const article = extractArticle(dom.window.document, { url });
    return scanArticle(article, url, options);
  } finally {
    dom.window.close();
  }
}
