import type { StoreUsage } from '../../engine/store/port';
import { FLAG_KINDS, type Conflict, type FlagKind, type KeptFigureView, type ScanReport } from '../../engine/types';

// Every message between the parts of the extension, and the checks the receiving side runs.
// The background trusts nothing it receives: a message must come from this extension
// (sender.id === runtime.id) and have the exact shape below, or it is ignored. Changes to
// the figure store are accepted only from the extension's own pages (options), never from
// a content script, which runs inside pages we do not control.

/**
 * storage.local key the background bumps after the figure store is cleared or imported into:
 * open tabs then ask again which of their figures conflict.
 */
export const STORE_CHANGED_KEY = 'figureStoreChangedAt';

/**
 * storage.session key the background bumps after a page's figures were kept: an open options
 * page counts the kept figures again. In storage.session, which content scripts do not listen
 * to, so that reading a page never makes the other open tabs scan again.
 */
export const STORE_WRITTEN_KEY = 'figureStoreWrittenAt';

/** What the content script knows about its page; the popup and the badge show it. */
export type PageStatus = 'scanning' | 'article' | 'not-article' | 'skipped';

export interface PageState {
  status: PageStatus;
  url: string;
  /** The scan of the page, with conflicts and kept figures from the store; null unless status is 'article'. */
  report: ScanReport | null;
  /**
   * How many flags the page really has, when the report's list was cut to MAX_SENT_FLAGS
   * (see boundReport); the badge and the popup count these. Absent when nothing was cut.
   */
  flagCount?: number;
  /**
   * How many conflicts the page really has, when the report's conflicts were cut to
   * MAX_SENT_CONFLICTS (or dropped with cut figures); the popup says its list is partial.
   * Absent when nothing was cut.
   */
  conflictCount?: number;
  /**
   * How many flags of each kind the page really has, when the report's list was cut: the
   * popup's per-kind counts say these, not how many of each made it into the first 1,000.
   * Absent when nothing was cut.
   */
  flagCountsByKind?: Partial<Record<FlagKind, number>>;
}

/** Content script -> background. */
export type TabRequest =
  | { type: 'caveat/record-figures'; report: ScanReport; text: string }
  /** Which figures conflict with kept ones, without keeping this page's (already kept, or the store was just cleared). */
  | { type: 'caveat/check-figures'; report: ScanReport; text: string }
  | { type: 'caveat/page-state'; state: PageState };

/** Options page -> background. */
export type StoreRequest =
  | { type: 'caveat/store-usage' }
  | { type: 'caveat/store-export' }
  | { type: 'caveat/store-import'; json: string }
  | { type: 'caveat/store-clear' };

/** Popup (or background) -> content script. */
export type ContentRequest = { type: 'caveat/get-state' } | { type: 'caveat/reveal'; id: string };

export interface RecordFiguresResponse {
  conflicts: Conflict[];
  keptFigures: KeptFigureView[];
}

export type { StoreUsage } from '../../engine/store/port';

export type StoreResponse =
  | { ok: true; usage: StoreUsage; json?: string }
  | { ok: false; error: string };

/** The parts of runtime.MessageSender the checks need. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type AcceptedRequest =
  | { from: 'tab'; tabId: number; request: TabRequest }
  | { from: 'extension-page'; request: StoreRequest };

/** Longest list of any kind a message may carry; a longer one makes the whole message invalid. */
export const MAX_ITEMS = 5000;
/** Longest article text a record/check request may carry, in UTF-16 units. */
export const MAX_TEXT = 2_000_000;

/**
 * Longest export text the background accepts in one import request, in UTF-16 units; a
 * longer request is ignored (never answered), so the options page checks the file first.
 */
export const MAX_IMPORT_CHARS = 50_000_000;

/**
 * Largest file the options page imports, in bytes (45 MB). A UTF-8 file never has more
 * UTF-16 units than bytes, so a file within this limit always passes MAX_IMPORT_CHARS (and
 * the store's own importChars, 64 Mi). 45 MB holds well over the 100,000 figures the store keeps.
 */
export const MAX_IMPORT_FILE_BYTES = 45 * 1024 * 1024;

/**
 * What a content script sends of one page's scan. A page can hold any number of flags and
 * figures (a hostile one, tens of thousands), and a message over MAX_ITEMS is refused whole,
 * so the sender cuts its lists first: the popup lists at most this many flags (the badge shows
 * "999+" beyond 999 anyway, from the true count carried in PageState.flagCount), and the store
 * keeps at most DEFAULT_LIMITS.perPage (300) figures of one page, so more are never needed.
 */
export const MAX_SENT_FLAGS = 1000;
export const MAX_SENT_FIGURES = 1000;
export const MAX_SENT_CONFLICTS = 1000;
export const MAX_SENT_KEPT_FIGURES = 1000;

/**
 * The report cut to the sent caps, in document order (the first flags and figures are kept);
 * conflicts only between figures still in it. Returns the same object when nothing was cut.
 */
export function boundReport(report: ScanReport): ScanReport {
  const kept = report.keptFigures;
  if (
    report.flags.length <= MAX_SENT_FLAGS && report.figures.length <= MAX_SENT_FIGURES &&
    report.conflicts.length <= MAX_SENT_CONFLICTS && (kept === undefined || kept.length <= MAX_SENT_KEPT_FIGURES)
  ) {
    return report;
  }
  const figures = report.figures.slice(0, MAX_SENT_FIGURES);
  // A conflict may pair a page figure with a kept one (not in figures): drop only those that
  // name a page figure that was cut.
  const cut = new Set(report.figures.slice(MAX_SENT_FIGURES).map((f) => f.id));
  const bounded: ScanReport = {
    ...report,
    flags: report.flags.slice(0, MAX_SENT_FLAGS),
    figures,
    conflicts: report.conflicts.filter((c) => !cut.has(c.figures[0]) && !cut.has(c.figures[1])).slice(0, MAX_SENT_CONFLICTS),
  };
  if (kept !== undefined) bounded.keptFigures = kept.slice(0, MAX_SENT_KEPT_FIGURES);
  return bounded;
}

/** The page state with its report cut to the sent caps and the true flag count kept aside. */
export function boundPageState(state: PageState): PageState {
  if (!state.report) return state;
  const report = boundReport(state.report);
  if (report === state.report) return state;
  const bounded: PageState = { ...state, report, flagCount: state.flagCount ?? state.report.flags.length };
  if (report.flags.length < state.report.flags.length) bounded.flagCountsByKind = state.flagCountsByKind ?? countByKind(state.report);
  const conflictCount = state.conflictCount ?? state.report.conflicts.length;
  if (conflictCount > report.conflicts.length) bounded.conflictCount = conflictCount;
  return bounded;
}

function countByKind(report: ScanReport): Partial<Record<FlagKind, number>> {
  const counts: Partial<Record<FlagKind, number>> = {};
  for (const flag of report.flags) counts[flag.kind] = (counts[flag.kind] ?? 0) + 1;
  return counts;
}

/** The flags of one kind a page state stands for: its true count when the report was cut. */
export function kindCountOf(state: PageState, kind: FlagKind): number {
  return state.flagCountsByKind?.[kind] ?? state.report?.flags.filter((f) => f.kind === kind).length ?? 0;
}

/** What the popup shows of a page state's lists when they were cut: "first N of M". */
export interface ListCut {
  shown: number;
  total: number;
}

/** The flag list's cut, or null when the popup shows every flag. */
export function flagsCut(state: PageState): ListCut | null {
  const shown = state.report?.flags.length ?? 0;
  const total = flagCountOf(state);
  return total > shown ? { shown, total } : null;
}

/** The conflict list's cut, or null when every conflict is there. */
export function conflictsCut(state: PageState): ListCut | null {
  const shown = state.report?.conflicts.length ?? 0;
  const total = state.conflictCount ?? shown;
  return total > shown ? { shown, total } : null;
}

/** The flags a page state stands for: its true count when the report was cut. */
export function flagCountOf(state: PageState): number {
  return state.flagCount ?? state.report?.flags.length ?? 0;
}

/** The article text cut to MAX_TEXT, never leaving half a surrogate pair at the end. */
export function boundText(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  let cut = text.slice(0, MAX_TEXT);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string';
const isOffset = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNullableNumber = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

function isSpan(v: Record<string, unknown>): boolean {
  return isOffset(v.start) && isOffset(v.end) && (v.end as number) >= (v.start as number);
}

function isFlag(v: unknown): boolean {
  return (
    isRecord(v) && isSpan(v) && isString(v.id) && (FLAG_KINDS as readonly unknown[]).includes(v.kind) &&
    isString(v.cue) && isString(v.sentence) && isString(v.claim) && isNullableString(v.attributedTo)
  );
}

function isFigure(v: unknown): boolean {
  return (
    isRecord(v) && isSpan(v) && isString(v.id) && isString(v.text) && isString(v.what) && isString(v.unit) &&
    isNullableNumber(v.low) && isNullableNumber(v.high) && isNullableString(v.attributedTo) &&
    isString(v.sentence) && (v.context === undefined || (Array.isArray(v.context) && v.context.every(isString)))
  );
}

function isConflict(v: unknown): boolean {
  return isRecord(v) && Array.isArray(v.figures) && v.figures.length === 2 && v.figures.every(isString) && isString(v.reason);
}

function isKeptFigure(v: unknown): boolean {
  return (
    isRecord(v) && isString(v.id) && isString(v.text) && isString(v.what) && isNullableNumber(v.low) &&
    isNullableNumber(v.high) && isNullableString(v.attributedTo) && isString(v.source) && isString(v.title) &&
    isNullableString(v.publishedAt) && isString(v.seenAt)
  );
}

function isListOf(v: unknown, check: (item: unknown) => boolean): boolean {
  return Array.isArray(v) && v.length <= MAX_ITEMS && v.every(check);
}

/** A scan report of the shape the engine produces, or false. */
export function isScanReport(v: unknown): v is ScanReport {
  return (
    isRecord(v) && isString(v.source) && isString(v.title) && typeof v.isArticle === 'boolean' &&
    isNullableString(v.publishedAt) && isNullableString(v.siteName) && isNullableString(v.reason) &&
    isListOf(v.flags, isFlag) && isListOf(v.figures, isFigure) && isListOf(v.conflicts, isConflict) &&
    (v.keptFigures === undefined || isListOf(v.keptFigures, isKeptFigure))
  );
}

function isKindCounts(v: unknown): boolean {
  if (!isRecord(v)) return false;
  return Object.entries(v).every(
    ([kind, n]) => (FLAG_KINDS as readonly string[]).includes(kind) && isOffset(n) && (n as number) <= Number.MAX_SAFE_INTEGER,
  );
}

export function isPageState(v: unknown): v is PageState {
  if (!isRecord(v) || !isString(v.url)) return false;
  if (!['scanning', 'article', 'not-article', 'skipped'].includes(v.status as string)) return false;
  if (v.flagCount !== undefined && !(isOffset(v.flagCount) && (v.flagCount as number) <= Number.MAX_SAFE_INTEGER)) return false;
  if (v.conflictCount !== undefined && !(isOffset(v.conflictCount) && (v.conflictCount as number) <= Number.MAX_SAFE_INTEGER)) return false;
  if (v.flagCountsByKind !== undefined && !isKindCounts(v.flagCountsByKind)) return false;
  return v.report === null || isScanReport(v.report);
}

export function isRecordFiguresResponse(v: unknown): v is RecordFiguresResponse {
  return isRecord(v) && isListOf(v.conflicts, isConflict) && isListOf(v.keptFigures, isKeptFigure);
}

function parseTabRequest(m: Record<string, unknown>): TabRequest | null {
  if ((m.type === 'caveat/record-figures' || m.type === 'caveat/check-figures') && isScanReport(m.report) && isString(m.text) && m.text.length <= MAX_TEXT) {
    return { type: m.type, report: m.report, text: m.text };
  }
  if (m.type === 'caveat/page-state' && isPageState(m.state)) return { type: m.type, state: m.state };
  return null;
}

function parseStoreRequest(m: Record<string, unknown>): StoreRequest | null {
  switch (m.type) {
    case 'caveat/store-usage':
    case 'caveat/store-export':
    case 'caveat/store-clear':
      return { type: m.type };
    case 'caveat/store-import':
      return isString(m.json) && m.json.length <= MAX_IMPORT_CHARS ? { type: m.type, json: m.json } : null;
    default:
      return null;
  }
}

/**
 * The background's gate: a typed request, or null for anything it must ignore (another
 * extension, a wrong shape, a store change from a web page's content script).
 */
export function acceptRequest(message: unknown, sender: SenderInfo, runtimeId: string, extensionOrigin: string): AcceptedRequest | null {
  if (sender.id !== runtimeId || !isRecord(message)) return null;
  // Extension pages first: the options page opened in a tab has a sender.tab too.
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) {
    const request = parseStoreRequest(message);
    return request ? { from: 'extension-page', request } : null;
  }
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && tabId >= 0) {
    const request = parseTabRequest(message);
    return request ? { from: 'tab', tabId, request } : null;
  }
  return null;
}

/** The content script's gate for requests from the popup. */
export function acceptContentRequest(message: unknown, sender: SenderInfo, runtimeId: string): ContentRequest | null {
  if (sender.id !== runtimeId || !isRecord(message)) return null;
  if (message.type === 'caveat/get-state') return { type: 'caveat/get-state' };
  if (message.type === 'caveat/reveal' && isString(message.id) && message.id.length < 200) {
    return { type: 'caveat/reveal', id: message.id };
  }
  return null;
}
