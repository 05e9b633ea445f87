// Limits that keep one site, one page or one imported file from flooding or poisoning the
// figure memory. The store lives in a person's browser for months: it must stay small, and
// everything in it came from hostile page text.

export interface StoreLimits {
  /** Most figures kept from one site; its oldest are evicted first. */
  perSite: number;
  /** Most figures kept in all; the oldest are evicted first. */
  total: number;
  /** Most figures kept from one page (a page listing 10,000 numbers is not an article). */
  perPage: number;
  /** Two pages can report the same event only if their dates are this close. */
  storyWindowDays: number;
  /** Largest export file importJson accepts, in characters. */
  importChars: number;
}

/** Documented defaults: 5,000 figures per site, 100,000 in all, 300 per page, 30 days. */
export const DEFAULT_LIMITS: Readonly<StoreLimits> = Object.freeze({
  perSite: 5_000,
  total: 100_000,
  perPage: 300,
  storyWindowDays: 30,
  importChars: 64 * 1024 * 1024,
});

/**
 * When the browser's storage is full: each round evicts this share of the kept figures (the
 * oldest; at least as many as the write holds) and tries the write again, at most
 * STORAGE_FULL_ROUNDS times. 15% is room for many pages, and never the whole memory at once.
 */
export const STORAGE_FULL_EVICT_SHARE = 0.15;
export const STORAGE_FULL_ROUNDS = 3;

/** Longest kept string of each field, in UTF-16 units; longer page text is cut, never refused. */
export const FIELD_CHARS = Object.freeze({
  text: 200,
  number: 60,
  sentence: 500,
  what: 120,
  unit: 30,
  attributedTo: 200,
  source: 2_048,
  pageKey: 2_048,
  site: 253,
  title: 300,
  siteName: 100,
  date: 40,
  term: 60,
  figureId: 100,
});

/** Most distinguishing terms kept per figure (its sentence) and per page (the article). */
export const MAX_CONTEXT_TERMS = 20;
export const MAX_STORY_TERMS = 40;

/** Cuts a string to `max` UTF-16 units without leaving half a surrogate pair at the end. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/** A finite number or null; anything else (NaN, Infinity, a string) is not a value. */
export function finiteOrNull(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return undefined;
}
