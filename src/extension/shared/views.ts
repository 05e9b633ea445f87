import { FLAG_KINDS, type Figure, type Flag, type FlagKind, type ScanReport } from '../../engine/types';
import { CONFLICT_INFO, KIND_INFO } from './kinds';

// View models: what the card and the popup show, computed from a scan report. Pure, so the
// wording and the pairing of conflicting figures are tested in Node; the DOM code only
// renders these.

/** One figure that disagrees with a figure of this page. */
export interface ConflictView {
  text: string;
  attributedTo: string | null;
  /** Page the figure was read on; "this page" for a conflict inside the page. */
  title: string;
  /** Link to that page: only http(s), anything else is dropped. */
  url: string | null;
  /** Date of that page (published, else when it was read), "24 Nov 2026"; null when unknown. */
  date: string | null;
  samePage: boolean;
  reason: string;
}

export interface CardModel {
  id: string;
  kind: FlagKind | 'conflict';
  label: string;
  explanation: string;
  /** The cue phrase, or the phrase stating the figure. */
  cue: string;
  claim: string | null;
  attributedTo: string | null;
  conflicts: ConflictView[];
}

export interface FlagGroup {
  kind: FlagKind;
  label: string;
  explanation: string;
  flags: Flag[];
}

export interface FigureConflictsView {
  figure: Figure;
  others: ConflictView[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-24T10:00:00Z" -> "24 Nov 2026"; null for a missing or unreadable date. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const month = MONTHS[Number(match[2]) - 1];
  if (!month) return null;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** A cue in curly quotes, unless it already carries its own (a scare-quoted word). */
export function quoteCue(cue: string): string {
  return /^["“‘'«]/.test(cue) ? cue : `“${cue}”`;
}

/** The URL when it is a web page address, else null (a report is page-derived input). */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The figures that disagree with figure `figureId` of this page, from this page and from pages read before. */
export function conflictsOf(report: ScanReport, figureId: string): ConflictView[] {
  const views: ConflictView[] = [];
  const seen = new Set<string>();
  for (const conflict of report.conflicts) {
    const [first, second] = conflict.figures;
    const otherId = first === figureId ? second : second === figureId ? first : null;
    if (otherId === null || seen.has(otherId)) continue;
    const onPage = report.figures.find((f) => f.id === otherId);
    if (onPage) {
      seen.add(otherId);
      views.push({
        text: onPage.text,
        attributedTo: onPage.attributedTo,
        title: 'this page',
        url: null,
        date: formatDate(report.publishedAt),
        samePage: true,
        reason: conflict.reason,
      });
      continue;
    }
    const kept = report.keptFigures?.find((f) => f.id === otherId);
    if (kept) {
      seen.add(otherId);
      views.push({
        text: kept.text,
        attributedTo: kept.attributedTo,
        title: kept.title || kept.source,
        url: safeLink(kept.source),
        date: formatDate(kept.publishedAt) ?? formatDate(kept.seenAt),
        samePage: false,
        reason: conflict.reason,
      });
    }
  }
  return views;
}

/** Ids of this page's figures that take part in a conflict: these get the conflict highlight. */
export function conflictingFigureIds(report: ScanReport): Set<string> {
  const ids = new Set<string>();
  const pageIds = new Set(report.figures.map((f) => f.id));
  for (const { figures } of report.conflicts) {
    for (const id of figures) if (pageIds.has(id)) ids.add(id);
  }
  return ids;
}

/** The card for a flag or a conflicting figure of the report, by id; null when the id is unknown. */
export function cardModel(report: ScanReport, id: string): CardModel | null {
  const flag = report.flags.find((f) => f.id === id);
  if (flag) {
    const info = KIND_INFO[flag.kind];
    return {
      id,
      kind: flag.kind,
      label: info.label,
      explanation: info.explanation,
      cue: flag.cue,
      claim: flag.claim || flag.sentence || null,
      attributedTo: flag.attributedTo,
      conflicts: [],
    };
  }
  const figure = report.figures.find((f) => f.id === id);
  if (figure) {
    return {
      id,
      kind: 'conflict',
      label: CONFLICT_INFO.label,
      explanation: CONFLICT_INFO.explanation,
      cue: figure.text,
      claim: figure.sentence || null,
      attributedTo: figure.attributedTo,
      conflicts: conflictsOf(report, id),
    };
  }
  return null;
}

/** Flags grouped by kind in the canonical kind order, document order inside a group; empty groups left out. */
export function groupFlags(report: ScanReport): FlagGroup[] {
  return FLAG_KINDS.map((kind) => ({
    kind,
    ...KIND_INFO[kind],
    flags: report.flags.filter((f) => f.kind === kind).sort((a, b) => a.start - b.start),
  })).filter((group) => group.flags.length > 0);
}

/** This page's figures that conflict with another, each with what it conflicts with, in document order. */
export function figureConflicts(report: ScanReport): FigureConflictsView[] {
  const ids = conflictingFigureIds(report);
  return report.figures
    .filter((f) => ids.has(f.id))
    .sort((a, b) => a.start - b.start)
    .map((figure) => ({ figure, others: conflictsOf(report, figure.id) }))
    .filter((view) => view.others.length > 0);
}
