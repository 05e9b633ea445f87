// The kept-figure record and its versioned schema.
//
// Version history (bump STORE_SCHEMA_VERSION and add a step to MIGRATIONS for every change;
// stored data and export files of every older version must keep loading):
//
//   v1  id, pageKey, site, what, low, high, text, sentence, attributedTo, context,
//       storyTerms, fingerprint, source, title, siteName, publishedAt, seenAt.
//   v2  adds `unit` ("count", "usd", "percent"...) and `number` (the bare number phrase,
//       e.g. "more than 1,400"). The interval comparison needs both: rounding is read from
//       the number as written ("4,000" spans 3,500-4,500) and figures in different units
//       never compare. v1 data gets `unit` from the head of its `what` key and `number`
//       from the first number in its `text`.
//
// A record is flat JSON (strings, finite numbers, null, string arrays) so that the same
// object goes into IndexedDB, a JSON file and an export file unchanged.

export const STORE_SCHEMA_VERSION = 2;
export const OLDEST_READABLE_VERSION = 1;
/** The `format` field of an export file, so a random JSON file is never taken for one. */
export const EXPORT_FORMAT = 'caveat-figure-memory';

export interface KeptFigureRecordV1 {
  /** Unique across pages: hash of pageKey and the figure's id on its page. */
  id: string;
  /** Canonical address of the page (canonical-url.ts): one article, one key. */
  pageKey: string;
  /** Host of the page without www./amp. (or the site name for a file): the per-site cap. */
  site: string;
  what: string;
  low: number | null;
  high: number | null;
  text: string;
  sentence: string;
  attributedTo: string | null;
  /** Distinguishing terms of the figure's sentence (lower case): part of the same-story test. */
  context: string[];
  /** Distinguishing terms of the whole article (lower case): part of the same-story test. */
  storyTerms: string[];
  /** Hash of the article's text: the same article under an unrecognised address. */
  fingerprint: string;
  /** The address (or path) as it was read, shown to the person. */
  source: string;
  title: string;
  siteName: string | null;
  publishedAt: string | null;
  /** ISO 8601 time the page was read; eviction order. */
  seenAt: string;
}

export interface KeptFigureRecordV2 extends KeptFigureRecordV1 {
  unit: string;
  number: string;
}

/** The current record. */
export type KeptFigureRecord = KeptFigureRecordV2;

export const RECORD_FIELDS_V1: readonly (keyof KeptFigureRecordV1)[] = [
  'id', 'pageKey', 'site', 'what', 'low', 'high', 'text', 'sentence', 'attributedTo', 'context',
  'storyTerms', 'fingerprint', 'source', 'title', 'siteName', 'publishedAt', 'seenAt',
];
export const RECORD_FIELDS_V2: readonly (keyof KeptFigureRecordV2)[] = [...RECORD_FIELDS_V1, 'unit', 'number'];

/** Units named by the head of a `what` key ("dollar|campaign cost"); the rest are counts. */
const UNIT_OF_HEAD = new Map<string, string>([
  ['dollar', 'usd'], ['usd', 'usd'], ['euro', 'eur'], ['pound', 'gbp'], ['percent', 'percent'],
  ['percentage point', 'percentage point'], ['rupee', 'inr'], ['yen', 'jpy'],
]);

export function unitFromWhat(what: string): string {
  const head = what.split('|')[0]?.trim().toLowerCase() ?? '';
  return UNIT_OF_HEAD.get(head) ?? 'count';
}

const NUMBER_IN_TEXT = /(?:[$€£¥₹]\s?)?\d[\d,.]*(?:\s?(?:thousand|million|billion|trillion))?/i;

export function migrateRecordV1ToV2(record: KeptFigureRecordV1): KeptFigureRecordV2 {
  return {
    ...record,
    unit: unitFromWhat(record.what),
    number: NUMBER_IN_TEXT.exec(record.text)?.[0] ?? '',
  };
}

/**
 * One step per version: MIGRATIONS[n] turns records of version n into version n + 1.
 * Records pass through every step from their version to the current one.
 */
const MIGRATIONS = new Map<number, (record: never) => unknown>([
  [1, migrateRecordV1ToV2 as (record: never) => unknown],
]);

/**
 * Brings records validated against `fromVersion` up to the current version. Throws on a
 * version this code does not know (newer than itself, or older than it can read).
 */
export function migrateRecords(records: readonly unknown[], fromVersion: number): KeptFigureRecord[] {
  if (!Number.isInteger(fromVersion) || fromVersion < OLDEST_READABLE_VERSION || fromVersion > STORE_SCHEMA_VERSION) {
    throw new Error(
      `figure memory schema version ${String(fromVersion)} is not supported (this Caveat reads versions ${OLDEST_READABLE_VERSION} to ${STORE_SCHEMA_VERSION})`,
    );
  }
  let current: unknown[] = [...records];
  for (let version = fromVersion; version < STORE_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.get(version);
    if (!step) throw new Error(`no migration from figure memory schema version ${version}`);
    current = current.map((record) => step(record as never));
  }
  return current as KeptFigureRecord[];
}
