// Where the figure memory joins the CLI. Pages are checked in the order they were given,
// each against the figures kept from the pages before it (in this run, and from the --store
// file when one is given), and then its own figures are kept: so the second page of one run
// already shows its conflicts with the first.

import type { ScanReport } from '../engine/types';
import { withCrossPageConflicts } from '../engine/store/cross-page';
import { openCliFigureMemory } from './json-file-store';

export interface CrossPageOptions {
  /** --store FILE: figures kept across runs; null keeps them in memory for this run only. */
  storeFile: string | null;
  /** The article text of each report (same order): it tells stories apart better than titles. */
  texts?: readonly (string | undefined)[];
}

/** Reports, in input order, with conflicts against earlier pages and the keptFigures they cite. */
export async function addCrossPageConflicts(reports: readonly ScanReport[], options: CrossPageOptions): Promise<ScanReport[]> {
  const { memory, close } = await openCliFigureMemory(options.storeFile);
  const withConflicts = await withCrossPageConflicts(reports, memory, { textOf: (_r, i) => options.texts?.[i] });
  await close(); // the --store file is written once, atomically, after every page is kept
  return withConflicts;
}
