import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScanReport } from '../../src/engine/types';
import { errorLines, fixtures, hasStackTrace, runScanCli, schemaPath } from './run-cli';

vi.setConfig({ testTimeout: 180_000 });

const validateReport = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
// Two pages of one story that give different counts of the same dead (the ministry's 23, the ambassador's 20).
const ministry = join(fixtures, 'constructed-israel-ministry.html');
const ambassador = join(fixtures, 'constructed-russian-ambassador.html');

/** The kept figures a report's cross-page conflicts point at, as [this page's figure, kept figure]. */
function crossPairs(report: ScanReport): [string, string, string][] {
  const own = new Map(report.figures.map((f) => [f.id, f]));
  const kept = new Map((report.keptFigures ?? []).map((k) => [k.id, k]));
  return report.conflicts
    .filter((c) => kept.has(c.figures[1]) && !own.has(c.figures[1]))
    .map((c) => [own.get(c.figures[0])!.text, kept.get(c.figures[1])!.text, kept.get(c.figures[1])!.source]);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'caveat-store-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cross-page conflicts in the CLI', () => {
  it('in one run, a page conflicts with the figures of the pages given before it', async () => {
    const r = await runScanCli(['--json', ministry, ambassador]);
    expect(r.code).toBe(0);
    const [first, second] = JSON.parse(r.stdout) as ScanReport[];
    expect(validateReport(first) && validateReport(second)).toBe(true);
    expect(crossPairs(first!)).toEqual([]);
    const pairs = crossPairs(second!);
    expect(pairs.some(([here, kept, source]) => /\b20\b/.test(here) && /\b23\b/.test(kept) && source.endsWith('constructed-israel-ministry.html'))).toBe(true);
  });

  it('with --store, figures kept in one run are there in the next', async () => {
    const store = join(tmp, 'figures.json');
    const first = await runScanCli(['--json', '--store', store, ministry]);
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(store, 'utf8'))).toBeTruthy();

    const withStore = await runScanCli(['--json', '--store', store, ambassador]);
    expect(withStore.code).toBe(0);
    expect(crossPairs(JSON.parse(withStore.stdout) as ScanReport).length).toBeGreaterThan(0);

    const without = await runScanCli(['--json', ambassador]);
    expect(crossPairs(JSON.parse(without.stdout) as ScanReport)).toEqual([]);
  });

  it('shows the kept figure and its page in the text output', async () => {
    const r = await runScanCli([ministry, ambassador]);
    expect(r.code).toBe(0);
    const second = r.stdout.slice(r.stdout.indexOf('Russian ambassador gives'));
    expect(second).toMatch(/Conflicts \(\d+\)/);
    expect(second).toMatch(/vs 23 Russian citizens were killed/);
    expect(second).toContain('constructed-israel-ministry.html');
  });

  it('refuses a store file that is not a figure store, in one line, and leaves it untouched', async () => {
    const store = join(tmp, 'not-a-store.json');
    writeFileSync(store, '{"hello": "world"');
    const r = await runScanCli(['--json', '--store', store, ministry]);
    expect(r.code).not.toBe(0);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(errorLines(r.stderr)[0]!.startsWith(`caveat: ${store}: `)).toBe(true);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(store, 'utf8')).toBe('{"hello": "world"');
    // The page's own results are still printed.
    expect((JSON.parse(r.stdout) as ScanReport).title).toContain('Israel');
  });
});
