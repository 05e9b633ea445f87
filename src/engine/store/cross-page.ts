// For the CLI: run several reports through the figure memory in order, so that each page's
// report also lists its conflicts with the pages before it (and with the --store file).

import type { ScanReport } from '../types';
import type { FigureMemory } from './figure-memory';

export interface CrossPageOptions {
  /** The article text of a report, when the caller kept it: better story terms. */
  textOf?: (report: ScanReport, index: number) => string | undefined;
  /** When the pages were read; now when absent. */
  seenAt?: Date;
}

/**
 * Each report with its cross-page conflicts appended to `conflicts` and the kept figures
 * they refer to in `keptFigures`. Pages are kept in the memory in the order given.
 */
export async function withCrossPageConflicts(
  reports: readonly ScanReport[],
  memory: FigureMemory,
  options: CrossPageOptions = {},
): Promise<ScanReport[]> {
  const out: ScanReport[] = [];
  for (const [index, report] of reports.entries()) {
    const text = options.textOf?.(report, index);
    const { conflicts, keptFigures } = await memory.recordPage(report, {
      url: report.source,
      ...(text !== undefined ? { text } : {}),
      ...(options.seenAt ? { seenAt: options.seenAt } : {}),
    });
    out.push({
      ...report,
      conflicts: [...report.conflicts, ...conflicts],
      keptFigures: [...(report.keptFigures ?? []), ...keptFigures],
    });
  }
  return out;
}
