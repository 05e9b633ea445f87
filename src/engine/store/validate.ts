// A strict validator for stored and imported figure memory. An export file may have been
// edited by hand or built by someone hostile: every field is checked for its type, its
// length and (for numbers) finiteness, unknown fields are refused, and the first problem is
// reported with its place ("figures[12].low: ...") so the person can see what is wrong.
// Hand-written rather than a JSON Schema library so that the extension ships no validator.

import {
  EXPORT_FORMAT,
  RECORD_FIELDS_V1,
  RECORD_FIELDS_V2,
  STORE_SCHEMA_VERSION,
  OLDEST_READABLE_VERSION,
  migrateRecords,
  type KeptFigureRecord,
} from './schema';
import { FIELD_CHARS, MAX_CONTEXT_TERMS, MAX_STORY_TERMS } from './limits';

export class FigureMemoryFormatError extends Error {
  override name = 'FigureMemoryFormatError';
}

type Check = (value: unknown) => string | null;

const str = (max: number): Check => (v) =>
  typeof v !== 'string' ? 'expected a string' : v.length > max ? `longer than ${max} characters` : null;
const nonEmpty = (max: number): Check => (v) => str(max)(v) ?? ((v as string).length === 0 ? 'must not be empty' : null);
const strOrNull = (max: number): Check => (v) => (v === null ? null : str(max)(v));
const finiteOrNull: Check = (v) =>
  v === null || (typeof v === 'number' && Number.isFinite(v)) ? null : 'expected a finite number or null';
const isoDate: Check = (v) =>
  str(FIELD_CHARS.date)(v) ?? (Number.isNaN(Date.parse(v as string)) ? 'expected an ISO 8601 date' : null);
const isoDateOrNull: Check = (v) => (v === null ? null : isoDate(v));
const terms = (maxItems: number): Check => (v) => {
  if (!Array.isArray(v)) return 'expected an array of strings';
  if (v.length > maxItems) return `more than ${maxItems} terms`;
  for (const item of v) {
    const problem = str(FIELD_CHARS.term)(item);
    if (problem) return `term ${JSON.stringify(String(item)).slice(0, 40)}: ${problem}`;
  }
  return null;
};

const CHECKS_V1: Record<string, Check> = {
  id: nonEmpty(FIELD_CHARS.figureId),
  pageKey: nonEmpty(FIELD_CHARS.pageKey),
  site: nonEmpty(FIELD_CHARS.site),
  what: nonEmpty(FIELD_CHARS.what),
  low: finiteOrNull,
  high: finiteOrNull,
  text: str(FIELD_CHARS.text),
  sentence: str(FIELD_CHARS.sentence),
  attributedTo: strOrNull(FIELD_CHARS.attributedTo),
  context: terms(MAX_CONTEXT_TERMS),
  storyTerms: terms(MAX_STORY_TERMS),
  fingerprint: str(FIELD_CHARS.figureId),
  source: str(FIELD_CHARS.source),
  title: str(FIELD_CHARS.title),
  siteName: strOrNull(FIELD_CHARS.siteName),
  publishedAt: isoDateOrNull,
  seenAt: isoDate,
};
const CHECKS_V2: Record<string, Check> = {
  ...CHECKS_V1,
  unit: nonEmpty(FIELD_CHARS.unit),
  number: str(FIELD_CHARS.number),
};

function checksFor(version: number): { checks: Record<string, Check>; fields: readonly string[] } {
  return version === 1 ? { checks: CHECKS_V1, fields: RECORD_FIELDS_V1 } : { checks: CHECKS_V2, fields: RECORD_FIELDS_V2 };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** The first problem of one record of `version`, or null when it is valid. */
export function recordProblem(value: unknown, version: number): string | null {
  if (!isPlainObject(value)) return 'expected an object';
  const { checks, fields } = checksFor(version);
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(checks, key)) return `unknown field ${JSON.stringify(key.slice(0, 40))}`;
  }
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(value, field)) return `missing field "${field}"`;
    const problem = checks[field]!(value[field]);
    if (problem) return `${field}: ${problem}`;
  }
  const low = value.low as number | null;
  const high = value.high as number | null;
  if (low === null && high === null) return 'low and high are both null';
  if (low !== null && high !== null && low > high) return 'low is greater than high';
  return null;
}

/**
 * Validates and migrates a list of records of `version`; throws FigureMemoryFormatError on the
 * first invalid one, so a caller either gets every record or none.
 */
export function validateRecords(values: readonly unknown[], version: number, where = 'figures'): KeptFigureRecord[] {
  if (!Number.isInteger(version) || version < OLDEST_READABLE_VERSION || version > STORE_SCHEMA_VERSION) {
    throw new FigureMemoryFormatError(
      `schema version ${JSON.stringify(version)} is not supported (this Caveat reads versions ${OLDEST_READABLE_VERSION} to ${STORE_SCHEMA_VERSION})`,
    );
  }
  values.forEach((value, index) => {
    const problem = recordProblem(value, version);
    if (problem) throw new FigureMemoryFormatError(`${where}[${index}]: ${problem}`);
  });
  return migrateRecords(values, version);
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  figures: KeptFigureRecord[];
}

/**
 * Parses an export file (or the CLI's store file, which has the same shape): its format
 * marker, its schema version, the number of figures and every record. Returns the records
 * migrated to the current version.
 */
export function parseExportDocument(json: string, limits: { importChars: number; total: number }): KeptFigureRecord[] {
  if (json.length > limits.importChars) {
    throw new FigureMemoryFormatError(
      `the file is too large (${json.length} characters; at most ${limits.importChars} are read)`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw new FigureMemoryFormatError(`the file is not JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(doc)) throw new FigureMemoryFormatError('the file is not a Caveat figure memory export (not a JSON object)');
  if (doc.format !== EXPORT_FORMAT) {
    throw new FigureMemoryFormatError(`the file is not a Caveat figure memory export (format is not "${EXPORT_FORMAT}")`);
  }
  for (const key of Object.keys(doc)) {
    if (!['format', 'schemaVersion', 'exportedAt', 'figures'].includes(key)) {
      throw new FigureMemoryFormatError(`unknown field ${JSON.stringify(key.slice(0, 40))} in the file`);
    }
  }
  if (typeof doc.schemaVersion !== 'number') throw new FigureMemoryFormatError('the file has no schemaVersion');
  if (!Array.isArray(doc.figures)) throw new FigureMemoryFormatError('the file has no "figures" list');
  if (doc.figures.length > limits.total) {
    throw new FigureMemoryFormatError(
      `the file holds ${doc.figures.length} figures; the memory keeps at most ${limits.total}`,
    );
  }
  return validateRecords(doc.figures, doc.schemaVersion);
}

export function buildExportDocument(records: KeptFigureRecord[], now: Date): ExportDocument {
  return { format: EXPORT_FORMAT, schemaVersion: STORE_SCHEMA_VERSION, exportedAt: now.toISOString(), figures: records };
}
