// How a conflict across pages reads to a person: both figures, each with its value, who said
// it, and the page it came from with its date:
//   23 Russian citizens were killed — Israel's Foreign Affairs Ministry (Test Wire, 2023-10-19)
//   20 Russian citizens were killed — Anatoly Viktorov (Meduza, 2023-10-26)
// Plain text only: callers put it in a terminal or in a DOM text node, never in innerHTML.

import type { Conflict, Figure, KeptFigureView, ScanReport } from '../types';
import { siteOf } from './canonical-url';
import type { KeptFigureRecord } from './schema';

const NO_SOURCE = 'no source named';

/** The day of an ISO date ("2023-10-19"), or the string as it is when it is not one. */
function dayOf(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date;
}

/** Where a page came from, for a person: its site name, else its host, else its title. */
function pageLabel(source: string, siteName: string | null | undefined, title: string): string {
  if (siteName && siteName.trim()) return siteName.trim();
  try {
    const url = new URL(source);
    if (url.protocol === 'http:' || url.protocol === 'https:') return siteOf(url.hostname);
  } catch {
    // a file path: the title says more than the path
  }
  return title.trim() || source;
}

function dateLabel(publishedAt: string | null, seenAt?: string): string {
  if (publishedAt) return dayOf(publishedAt);
  return seenAt ? `read ${dayOf(seenAt)}` : 'undated';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "20 Russian citizens were killed — Anatoly Viktorov (Meduza, 2023-10-26)" for a kept figure. */
export function formatKeptFigure(kept: KeptFigureView & { siteName?: string | null }): string {
  const where = pageLabel(kept.source, kept.siteName, kept.title);
  return `${oneLine(kept.text)} — ${oneLine(kept.attributedTo ?? NO_SOURCE)} (${where}, ${dateLabel(kept.publishedAt, kept.seenAt)})`;
}

/** The same line for a figure of the page being shown. */
export function formatPageFigure(figure: Figure, report: ScanReport): string {
  const where = pageLabel(report.source, report.siteName, report.title);
  return `${oneLine(figure.text)} — ${oneLine(figure.attributedTo ?? NO_SOURCE)} (${where}, ${dateLabel(report.publishedAt)})`;
}

/**
 * Both sides of a cross-page conflict of `report`, this page's figure first; null when the
 * conflict is between two figures of the page itself (the in-page format applies).
 */
export function formatCrossPageConflict(conflict: Conflict, report: ScanReport): [string, string] | null {
  const [ownId, otherId] = conflict.figures;
  const own = report.figures.find((figure) => figure.id === ownId);
  const kept = report.keptFigures?.find((figure) => figure.id === otherId);
  if (!own || !kept) return null;
  return [formatPageFigure(own, report), formatKeptFigure(kept)];
}

/** Short description of a kept record for a conflict's `reason`. */
export function describeKept(record: KeptFigureRecord): string {
  return formatKeptFigure({ ...record });
}
