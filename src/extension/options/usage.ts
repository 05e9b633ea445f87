import type { StoreUsage } from '../shared/messages';

// "1,234 figures from 56 pages · 310 KB": the store's usage as the options page shows it.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function describeUsage(usage: StoreUsage): string {
  if (usage.figures === 0) return 'No figures kept yet';
  return `${plural(usage.figures, 'figure', 'figures')} from ${plural(usage.pages, 'page', 'pages')} · ${formatBytes(usage.bytes)}`;
}
