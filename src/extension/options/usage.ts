import type { StoreUsage } from '../shared/messages';

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
