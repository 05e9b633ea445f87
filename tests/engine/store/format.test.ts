import { describe, expect, it } from 'vitest';
import { FigureMemory } from '../../../src/engine/store/figure-memory';
import { formatCrossPageConflict, formatKeptFigure } from '../../../src/engine/store/format';
import { MemoryPort } from '../../../src/engine/store/memory-port';
import { withCrossPageConflicts } from '../../../src/engine/store/cross-page';
import { ambassadorPage, israelPage } from './helpers';

describe('formatting a cross-page conflict for a person', () => {
  it('prints both figures with value, who said it, site and date', async () => {
    const israel = israelPage();
    const ambassador = ambassadorPage();
    const memory = new FigureMemory(new MemoryPort());
    const [, second] = await withCrossPageConflicts([israel.report, ambassador.report], memory, {
      textOf: (_r, i) => (i === 0 ? israel.text : ambassador.text),
    });
    expect(second!.conflicts).toHaveLength(1);
    expect(formatCrossPageConflict(second!.conflicts[0]!, second!)).toEqual([
      '20 Russian citizens were killed — Anatoly Viktorov (Meduza, 2023-10-20)',
      '23 Russian citizens were killed — Israel’s Foreign Affairs Ministry (Test Wire, 2023-10-19)',
    ]);
  });

  it('falls back to the host, the read date and "no source named"', () => {
    const line = formatKeptFigure({
      id: 'k1', text: 'seven\n missing', low: 7, high: 7, what: 'russian citizen|missing', attributedTo: null, sentence: '',
      source: 'https://www.meduza.io/en/news/1', title: 'T', publishedAt: null, seenAt: '2023-10-27T10:00:00.000Z',
    });
    expect(line).toBe('seven missing — no source named (meduza.io, read 2023-10-27)');
  });

  it('leaves in-page conflicts to the in-page format', () => {
    const israel = israelPage();
    expect(formatCrossPageConflict({ figures: [israel.f.id, israel.f.id], reason: '' }, israel.report)).toBeNull();
  });
});

describe('withCrossPageConflicts', () => {
  it('adds to each report the conflicts with the pages before it, keeping its own', async () => {
    const israel = israelPage();
    const ambassador = ambassadorPage();
    ambassador.report.conflicts = [{ figures: ['x', 'y'], reason: 'in-page' }];
    const out = await withCrossPageConflicts([israel.report, ambassador.report, israel.report], new FigureMemory(new MemoryPort()));
    expect(out[0]!.conflicts).toEqual([]);
    expect(out[1]!.conflicts.map((c) => c.reason)[0]).toBe('in-page');
    expect(out[1]!.conflicts).toHaveLength(2);
    expect(out[1]!.keptFigures).toHaveLength(1);
    // The first page read again conflicts with the second, not with its own earlier read.
    expect(out[2]!.conflicts).toHaveLength(1);
    expect(out[2]!.keptFigures![0]!.attributedTo).toBe('Anatoly Viktorov');
  });
});
