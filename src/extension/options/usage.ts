import type { StoreUsage } from '../shared/messages';
import type { StorageFullNote } from '../../engine/store/port';

// "1,234 figures from 56 pages · 310 KB": the store's usage as the options page shows it.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function describeUsage(usage: StoreUsage): string {
  const kept =
    usage.figures === 0
      ? 'No figures kept yet'
      : `${plural(usage.figures, 'figure', 'figures')} from ${plural(usage.pages, 'page', 'pages')} · ${formatBytes(usage.bytes)}`;
  // Damaged records are skipped by every read and left out of exports: say so.
  const damaged = usage.damaged ?? 0;
  return damaged > 0 ? `${kept} · ${plural(damaged, 'damaged record', 'damaged records')} skipped` : kept;
}

/** "25 Nov 2026" in the person's own time zone; the ISO text itself if unreadable. */
function dayOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * What the options page says when the browser's storage was found full: when, how many of the
 * oldest figures were removed to make room, and whether the last page's figures still could
 * not be kept.
 */
export function describeStorageFull(note: StorageFullNote): string {
  const removed =
    note.evicted > 0
      ? `the ${note.evicted === 1 ? 'oldest figure was' : `${note.evicted.toLocaleString('en-US')} oldest figures were`} removed to make room`
      : 'no figures could be removed to make room';
  const head = `Storage was full on ${dayOf(note.at)}: ${removed}`;
  if (note.notKept === 0) return `${head}.`;
  return (
    `${head}, and still the browser gave no room for the ${plural(note.notKept, 'figure', 'figures')} of the last page read: ` +
    'they were not kept (its marks were shown as usual). Free some disk space, or export and clear the kept figures.'
  );
}
