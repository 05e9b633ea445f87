import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorLines, fixtures, hasStackTrace, pages, runScanCli, schemaPath, councilBudgetPage } from './run-cli';

// Each case starts a child process (tsx + jsdom): seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 180_000 });

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateReport = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
const validateReports = (reports: unknown[]) => reports.every((r) => validateReport(r));

const article = councilBudgetPage;
const notes = join(pages, 'council-budget-notes.txt');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'caveat-scan-'));
  writeFileSync(join(tmp, 'empty.html'), '');
  writeFileSync(join(tmp, 'blank.txt'), '  \n\n \t\n');
  writeFileSync(join(tmp, 'photo.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  // 50 MB of text, made here rather than committed: too large to be a news page.
  writeFileSync(join(tmp, 'huge.html'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  mkdirSync(join(tmp, 'folder.html'));
  writeFileSync(join(tmp, 'page-without-extension'), readFileSync(article));
  writeFileSync(
    join(tmp, 'hostile.html'),
    '<html><head><title>Evil \u001b[2J\u001b]0;pwned\u0007 title</title></head><body><article><h1>Evil \u001b[31mred\u001b[0m headline</h1>' +
      '<p>The council said the plan would reportedly cost more than $5 million, officials said on Monday.</p>' +
      '<p>The mayor did not say when the work would start, and a spokesperson declined to comment.</p></article></body></html>',
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scan of a file, for a person', () => {
  it('prints the headline, the source and the date, without colour when stdout is not a terminal', async () => {
    const r = await runScanCli([article]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Council approves budget amid questions over tunnel costs');
    expect(r.stdout).toContain(article);
    expect(r.stdout).toMatch(/2025-03-04/);
    expect(r.stdout).toMatch(/Flags \(\d+\)/);
    expect(r.stdout).toMatch(/Figures \(\d+\)/);
    expect(r.stdout).not.toContain('\u001b');
    expect(errorLines(r.stderr)).toEqual([]);
  });

  it('reads a .txt file as plain text, its first line as the headline', async () => {
    const r = await runScanCli([notes, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { title: string; source: string };
    expect(report.title).toBe('Council approves budget amid questions over tunnel costs');
    expect(report.source).toBe(notes);
  });

  it('recognises HTML by its content when the file name has no extension', async () => {
    const r = await runScanCli([join(tmp, 'page-without-extension'), '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { title: string }).title).toBe('Council approves budget amid questions over tunnel costs');
  });

  it('never lets control characters from the page reach the terminal', async () => {
    const r = await runScanCli([join(tmp, 'hostile.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Evil');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
  });
});

describe('scan --json', () => {
  it('prints one report object that follows the contract for one page', async () => {
    const r = await runScanCli(['--json', article]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Array.isArray(report)).toBe(false);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.source).toBe(article);
    expect(report.publishedAt).toBe('2025-03-04T09:30:00Z');
  });

  it('prints an array of valid reports, in input order, for several pages', async () => {
    const r = await runScanCli(['--json', article, notes]);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as { source: string }[];
    expect(reports.map((x) => x.source)).toEqual([article, notes]);
    expect(validateReports(reports), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('gives valid reports for every fixture page', async () => {
    const htmlPages = readdirSync(fixtures).filter((f) => f.endsWith('.html')).sort().map((f) => join(fixtures, f));
    const r = await runScanCli(['--json', ...htmlPages, join(fixtures, 'seed-article.txt')]);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as { source: string; title: string }[];
    expect(reports).toHaveLength(htmlPages.length + 1);
    expect(validateReports(reports), JSON.stringify(validateReport.errors)).toBe(true);
    const seed = reports.find((x) => x.source.endsWith('seed-article.html'))!;
    expect(seed.title).toContain('Hamas delegation discusses');
  }, 300_000); // 22 real pages through jsdom: seconds alone, minutes on a machine busy with other suites
});

describe('scan errors: one line naming the input and the problem, non-zero exit', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => join(tmp, 'no-such-page.html'), /no such file/],
    ['a directory', () => join(tmp, 'folder.html'), /directory/],
    ['a binary file', () => join(tmp, 'photo.html'), /binary/],
    ['an empty file', () => join(tmp, 'empty.html'), /empty/],
    ['a file of only white space', () => join(tmp, 'blank.txt'), /empty/],
    ['a 50 MB file', () => join(tmp, 'huge.html'), /too large \(50\.0 MB/],
  ];
  for (const [what, path, problem] of cases) {
    it(`reports ${what}`, async () => {
      const input = path();
      const r = await runScanCli([input]);
      expect(r.code).not.toBe(0);
      expect(errorLines(r.stderr)).toHaveLength(1);
      expect(errorLines(r.stderr)[0]).toMatch(new RegExp(`^caveat: ${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(errorLines(r.stderr)[0]).toMatch(problem);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stdout).toBe('');
    });
  }

  it('rejects an unknown option before reading anything', async () => {
    const r = await runScanCli([article, '--colour']);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual(['caveat: --colour: unknown option']);
    expect(r.stdout).toBe('');
  });

  it('says what to do when given nothing to scan', async () => {
    const r = await runScanCli([]);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)[0]).toMatch(/no file or URL to scan/);
  });

  it('scans the good inputs, reports the bad ones, and exits non-zero', async () => {
    const missing = join(tmp, 'gone.html');
    const r = await runScanCli(['--json', article, missing, join(tmp, 'empty.html'), notes]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toEqual([
      `caveat: ${missing}: no such file`,
      `caveat: ${join(tmp, 'empty.html')}: empty file`,
    ]);
    const reports = JSON.parse(r.stdout) as { source: string }[];
    expect(reports.map((x) => x.source)).toEqual([article, notes]);
  });
});
