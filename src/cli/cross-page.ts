// The place where the figure memory joins the CLI. Pages are checked in the order they were
// given, each against the figures kept from the pages before it (in this run, and from the
// --store file when one is given), and then its own figures are kept: so the second page of
// one run already shows its conflicts with the first.
//
// FOR THE INTEGRATOR: the store engineer's memory (src/engine/store/, and
// src/cli/json-file-store.ts for --store) plugs in here; until it does, reports pass through
// unchanged and only conflicts inside each page are shown.

import type { ScanReport } from '../engine/types';

export interface CrossPageOptions {
  /** --store FILE: figures kept across runs; null keeps them in memory for this run only. */
  storeFile: string | null;
}

/** Reports, in input order, with conflicts against earlier pages and the keptFigures they cite. */
export async function addCrossPageConflicts(reports: readonly ScanReport[], _options: CrossPageOptions): Promise<ScanReport[]> {
  return [...reports];
}

/** True once the figure memory is wired in (scan warns that --store does nothing until then). */
export const crossPageMemoryAvailable = false;
