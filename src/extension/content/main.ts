// First: schedule.ts notes when this script's evaluation began (caveat:script, for the bench).
import { SUPERSEDED, Slicer, debounce, yieldToPage } from './schedule';
import { getFromStorage, onMessage, onStorageChanged, runtimeId, sendMessage } from './ext';
import { rangesFor } from '../../engine/article/textmap';
import { baseCueIndex } from '../../engine/cues/compile';
import { extractArticleSteps, precheckSteps, scanFiguresSteps, scanFlagsSteps, type Steps } from '../../engine/steps';
import type { Conflict, KeptFigureView, ScanReport } from '../../engine/types';
import { STORE_CHANGED_KEY, acceptContentRequest, boundPageState, boundReport, boundText, isRecordFiguresResponse, type PageState, type TabRequest } from '../shared/messages';
import { SETTINGS_KEY, enabledKinds, normalizeSettings, type Settings } from '../shared/settings';
import { isSiteSkipped } from '../shared/site-skip';
import { cardModel, conflictingFigureIds } from '../shared/views';
import { ContextCard } from './card';
import { HighlightPainter, highlightsSupported, type Mark, type MarkSpec } from './highlights';
import { markAtPoint } from './hit-test';
import { watchContent, watchUrl } from './watch';

// Caveat's content script, on every http(s) page. It decides cheaply whether the page is an
// article, then finds the article, scans it, marks cues in place, asks the background which
// figures conflict with figures kept from other pages, and marks those too. The work runs in
// short slices of main-thread time (schedule.ts): a small page is marked at once, a big one
// never holds the page for long. It keeps no state the page can see except the highlights
// themselves (and performance marks that tell no more than they do).
//
// Keyboard: Alt+Shift+N moves to the next flag, Alt+Shift+P to the previous one, Enter opens
// its card, Escape closes the card.

/**
 * The first slice of the page's first scan: a page that has just loaded is not yet being used,
 * and a short article's cold work then needs fewer turns (each may wait for a frame). Twice the
 * usual slice: a cold step that crosses it (up to ~30 ms) still ends the task below 50 ms.
 */
const FIRST_SCAN_SLICE_MS = 16;
const RESCAN_WAIT_MS = 800;
const RESCAN_MAX_WAIT_MS = 8000;
const URL_SETTLE_MS = 600;
const REREGISTER_MS = 2000;

const painter = new HighlightPainter();
const card = new ContextCard(document);

let settings: Settings | null = null;
let state: PageState = { status: 'scanning', url: location.href, report: null };
/** Bumped by every scan; an older scan that sees a newer number stops. */
let generation = 0;
/** The last article text scanned, so a rescan that finds the same text only re-anchors the marks. */
let lastScan: { url: string; text: string; settingsKey: string; report: ScanReport } | null = null;
/** Cross-page results for the last recorded text (the store is asked once per text). */
let crossPage: { text: string; conflicts: Conflict[]; keptFigures: KeptFigureView[] } | null = null;
let focusedId: string | null = null;
/** The article text whose figures this tab last asked the background to keep. */
let recordedText: string | null = null;

/** The settings read in flight, so that a scan started meanwhile waits for it instead of asking again. */
let settingsRead: Promise<Settings> | null = null;

function loadSettings(): Promise<Settings> {
  if (settings) return Promise.resolve(settings);
  settingsRead ??= getFromStorage(SETTINGS_KEY).then(
    (stored) => (settings = normalizeSettings(stored[SETTINGS_KEY])),
    (error: unknown) => {
      settingsRead = null; // the next scan asks again
      throw error;
    },
  );
  return settingsRead;
}

async function send(request: TabRequest): Promise<unknown> {
  try {
    return await sendMessage(request);
  } catch {
    // The extension was reloaded or updated under this page: nothing to tell anyone.
    return undefined;
  }
}

function setState(next: PageState): void {
  // Cut to what a message may carry (a page can hold tens of thousands of flags); the true
  // flag count travels alongside for the badge.
  state = boundPageState(next);
  void send({ type: 'caveat/page-state', state });
}

function unmark(): void {
  card.close();
  painter.clear();
  focusedId = null;
}

type RangesOf = (start: number, end: number) => Range[];

// Phase timings of the latest scan, left as performance measures named caveat:<phase> (the
// bench prints them). The page can read them, but could time the same work with a timer of its
// own; they carry no text and no count.
const PHASES = ['settings', 'precheck', 'extract', 'cues', 'wait', 'scan', 'visible', 'paint', 'figures', 'store', 'conflicts'] as const;
type Phase = (typeof PHASES)[number];

function clearPhases(): void {
  for (const phase of PHASES) performance.clearMeasures(`caveat:${phase}`);
  performance.clearMeasures('caveat:paused');
}

/** Records `phase` as lasting from `start` to now; returns now. */
function measure(phase: Phase, start: number): number {
  const end = performance.now();
  try {
    performance.measure(`caveat:${phase}`, { start, end });
  } catch {
    // An old browser without measure options: the breakdown is only for the bench.
  }
  return end;
}

/** Scans the page (again). Each call supersedes any scan still running. */
async function scan(): Promise<void> {
  const mine = ++generation;
  const current = () => mine === generation;
  const url = location.href;
  clearPhases();
  const began = performance.now();
  // Settings come from storage: ask now, and do the page's own work while the answer is on
  // its way. They are first needed for the scan; the site-skip check comes before any mark.
  // On a site the user asked to skip, the work stops at the first pause after they arrive.
  let skipHere = false;
  const settingsReady = loadSettings().then((loaded) => {
    measure('settings', began);
    skipHere = isSiteSkipped(url, loaded.skipSites);
    return loaded;
  });
  // Every phase below shares one budget of main-thread time: a small page is done within the
  // first slice, a big one gives the page its turn every few milliseconds.
  const slicer = new Slicer({ isCurrent: () => current() && !skipHere, firstSliceMs: mine === 1 ? FIRST_SCAN_SLICE_MS : undefined });
  const stopped = () => (current() && skipHere ? skipped(url) : undefined);

  const pre = await slicer.run(precheckSteps(document));
  if (pre === SUPERSEDED) return stopped();
  let at = measure('precheck', began);
  if (!pre.candidate) {
    const options = await settingsReady;
    if (!current()) return;
    if (isSiteSkipped(url, options.skipSites)) return skipped(url);
    unmark();
    lastScan = null;
    if (state.status !== 'not-article' || state.url !== url) setState({ status: 'not-article', url, report: null });
    return;
  }

  const article = await slicer.run(extractArticleSteps(document, { url, precheck: pre }));
  if (article === SUPERSEDED) return stopped();
  at = measure('extract', at);
  // The lexicon is filed by first words on first use (each key compiles when a sentence asks
  // for it): do the filing while the settings may still be on their way.
  if (article.isArticle) baseCueIndex();
  at = measure('cues', at);
  const options = await settingsReady;
  if (!current()) return;
  at = measure('wait', at);
  if (isSiteSkipped(url, options.skipSites)) return skipped(url);
  if (!article.isArticle) {
    unmark();
    lastScan = null;
    setState({ status: 'not-article', url, report: null });
    return;
  }

  const settingsKey = JSON.stringify(options);
  const rangesOf: RangesOf = (start, end) => rangesFor(article.segments, start, end, document);
  if (lastScan && lastScan.url === url && lastScan.text === article.text && lastScan.settingsKey === settingsKey) {
    // Same text as before: the page re-rendered or changed elsewhere. Keep the report; only
    // re-anchor the marks if the nodes under them were replaced.
    if (!painter.ensureRegistered().live) {
      if (!(await paint(lastScan.report, rangesOf, slicer))) return;
      signalScanned();
    }
    return;
  }

  // The flags first: they are the page's own marks (a figure is marked only when it conflicts),
  // so they are shown before the figures are read.
  const flagged = await slicer.run(scanFlagsSteps(article, url, { kinds: enabledKinds(options), extraCues: options.extraCues }));
  if (flagged === SUPERSEDED) return;
  at = measure('scan', at);
  // On a page nested past MAX_DOM_DEPTH (read through collapsed wrappers) the browser does not
  // lay the deep text out, so checkVisibility would call it all hidden, or hang the tab
  // computing the layout: there every flag and figure is kept.
  const keepHidden = pre.collapseWrappers;
  const flagsShown = keepHidden ? flagged.report : await slicer.run(withoutHiddenFlagsSteps(flagged.report, rangesOf));
  if (flagsShown === SUPERSEDED) return;
  at = measure('visible', at);
  lastScan = { url, text: article.text, settingsKey, report: flagsShown };
  if (!(await paint(flagsShown, rangesOf, slicer))) return;
  markHighlighted();
  at = measure('paint', at);
  // Of the time so far, how much was the page's (its turns between slices): not a phase of
  // its own, the phases above include it.
  try {
    performance.measure('caveat:paused', { start: began, duration: slicer.pausedMs });
  } catch {
    // As in measure().
  }

  // Then the figures: what the figure memory keeps, and what conflicts (marked as found).
  const figured = await slicer.run(scanFiguresSteps({ report: flagsShown, sentences: flagged.sentences }, article));
  if (figured === SUPERSEDED) return;
  const shown = keepHidden ? figured : await slicer.run(withoutHiddenFiguresSteps(figured, rangesOf));
  if (shown === SUPERSEDED) return;
  // Conflicts with figures kept from other pages: known already when only the settings changed.
  const known = crossPage && crossPage.text === article.text ? crossPage : null;
  let report = known ? withCrossPage(shown, known) : shown;
  lastScan = { url, text: article.text, settingsKey, report };
  if (!(await markNewConflicts(flagsShown, report, rangesOf, slicer))) return;
  at = measure('figures', at);

  if (report.figures.length > 0 && !known) {
    // Each text is kept once; after the store was cleared or imported into, only asked about.
    const type = recordedText === article.text ? 'caveat/check-figures' : 'caveat/record-figures';
    recordedText = article.text;
    // The figure memory reads figures, not flags: a page's flags need not be copied across.
    const answer = await send({ type, report: boundReport({ ...report, flags: [] }), text: boundText(article.text) });
    if (!current()) return;
    at = measure('store', at);
    crossPage = isRecordFiguresResponse(answer)
      ? { text: article.text, conflicts: answer.conflicts, keptFigures: answer.keptFigures }
      : { text: article.text, conflicts: [], keptFigures: [] };
    const before = report;
    report = withCrossPage(report, crossPage);
    lastScan = { url, text: article.text, settingsKey, report };
    // A new task began with the background's answer: a fresh slice.
    if (!(await markNewConflicts(before, report, rangesOf, new Slicer({ isCurrent: current })))) return;
    measure('conflicts', at);
  }

  setState({ status: 'article', url, report });
  signalScanned();
}

function skipped(url: string): void {
  unmark();
  lastScan = null;
  setState({ status: 'skipped', url, report: null });
}

/** The report with the conflicts between its figures and figures kept from other pages. */
function withCrossPage(report: ScanReport, known: { conflicts: Conflict[]; keptFigures: KeptFigureView[] }): ScanReport {
  if (report.figures.length === 0) return report;
  const pageFigureIds = new Set(report.figures.map((f) => f.id));
  return {
    ...report,
    conflicts: [...report.conflicts, ...known.conflicts.filter((c) => pageFigureIds.has(c.figures[0]))],
    keptFigures: known.keptFigures,
  };
}

/**
 * Marks the figures that conflict in `after` and did not in `before` (the marks already there
 * stay); false when superseded midway.
 */
async function markNewConflicts(before: ScanReport, after: ScanReport, rangesOf: RangesOf, slicer: Slicer): Promise<boolean> {
  const had = conflictingFigureIds(before);
  const has = conflictingFigureIds(after);
  const added = after.figures
    .filter((f) => !had.has(f.id) && has.has(f.id))
    .map((f) => ({ id: f.id, kind: 'conflict' as const, start: f.start, end: f.end }));
  if (added.length === 0) return true;
  if ((await slicer.run(painter.addSteps(added, rangesOf))) === SUPERSEDED) return false;
  listenToReader();
  return true;
}

/**
 * The bench's clock (src/tools/bench-browser.ts): the first time marks are painted. The page
 * can read it, but it tells the page nothing the highlights themselves do not.
 */
function markHighlighted(): void {
  if (performance.getEntriesByName('caveat:highlighted').length === 0) performance.mark('caveat:highlighted');
}

/**
 * The end of a complete scan, its marks all painted (conflicts with kept figures included):
 * one `caveat:scanned` mark, moved to now after every scan, for tests and the bench to wait
 * on. Like caveat:highlighted, it tells the page nothing the highlights do not.
 */
function signalScanned(): void {
  performance.clearMarks('caveat:scanned');
  performance.mark('caveat:scanned');
}

/** True when some of the page text behind [start, end) is rendered (or it has no place on the page, like a headline from metadata). */
function isShown(start: number, end: number, rangesOf: RangesOf): boolean {
  const ranges = rangesOf(start, end);
  if (ranges.length === 0) return true;
  return ranges.some((range) => {
    const element = range.startContainer.parentElement;
    if (!element) return false;
    if (typeof element.checkVisibility !== 'function') return true;
    return element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions);
  });
}

// Text the reader cannot see (display: none, visibility: hidden) is not something the article
// tells its reader, and a mark there would be invisible anyway: its flags and figures are
// dropped, and its figures are not kept in the figure memory either. Checked as steps (one per
// flag or figure): checkVisibility may lay out the page, and a page may hold 10,000 flags.

function* shownSteps<T extends { start: number; end: number }>(items: readonly T[], rangesOf: RangesOf): Steps<T[]> {
  const kept: T[] = [];
  for (const item of items) {
    if (isShown(item.start, item.end, rangesOf)) kept.push(item);
    yield;
  }
  return kept;
}

/** The report without the flags the reader cannot see. */
function* withoutHiddenFlagsSteps(report: ScanReport, rangesOf: RangesOf): Steps<ScanReport> {
  const flags = yield* shownSteps(report.flags, rangesOf);
  return flags.length === report.flags.length ? report : { ...report, flags };
}

/** The report without the figures the reader cannot see, nor their conflicts. */
function* withoutHiddenFiguresSteps(report: ScanReport, rangesOf: RangesOf): Steps<ScanReport> {
  const figures = yield* shownSteps(report.figures, rangesOf);
  if (figures.length === report.figures.length) return report;
  const kept = new Set(figures.map((f) => f.id));
  const conflicts = report.conflicts.filter((c) => c.figures.every((id) => kept.has(id)));
  return { ...report, figures, conflicts };
}

/** Replaces the marks with the report's, in the scan's slices; false when superseded midway. */
async function paint(report: ScanReport, rangesOf: RangesOf, slicer: Slicer): Promise<boolean> {
  const openId = card.openId;
  card.close();
  const conflicting = conflictingFigureIds(report);
  const specs: MarkSpec[] = [
    ...report.flags.map((f) => ({ id: f.id, kind: f.kind, start: f.start, end: f.end })),
    ...report.figures.filter((f) => conflicting.has(f.id)).map((f) => ({ id: f.id, kind: 'conflict' as const, start: f.start, end: f.end })),
  ];
  if ((await slicer.run(painter.paintSteps(specs, rangesOf))) === SUPERSEDED) return false;
  if (specs.length > 0) listenToReader();
  if (focusedId) {
    const mark = painter.byId(focusedId);
    painter.setFocus(mark ?? null);
    if (mark && openId === mark.id) openCard(mark, false);
  }
  return true;
}

let listeningToReader = false;

/**
 * The reader's clicks and keys, listened to from the first mark on: a page with nothing marked
 * (most pages a person opens are not articles) gets no listeners of ours at all, and the first
 * highlights do not wait for them.
 */
function listenToReader(): void {
  if (listeningToReader) return;
  listeningToReader = true;
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('click', onClick, true);
}

function openCard(mark: Mark, focus: boolean): void {
  const report = lastScan?.report;
  const model = report ? cardModel(report, mark.id) : null;
  const anchor = mark.ranges[0];
  if (!model || !anchor) return;
  card.open(model, anchor, focus);
}

function bringIntoView(mark: Mark): void {
  const range = mark.ranges[0];
  if (!range) return;
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect();
  const offCentre = rect.top - window.innerHeight / 3;
  if (rect.top < 0 || rect.bottom > window.innerHeight * 0.8) window.scrollBy({ top: offCentre, behavior: 'instant' });
}

function focusMark(mark: Mark, openIt: boolean): void {
  focusedId = mark.id;
  painter.setFocus(mark);
  bringIntoView(mark);
  if (openIt) openCard(mark, true);
  else if (card.openId !== null) openCard(mark, false);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function onKeyDown(event: KeyboardEvent): void {
  const navigate = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyN' || event.code === 'KeyP');
  // In a text field the keys type characters (Alt+Shift+N is a letter on some layouts).
  if (navigate && !isEditable(event.target)) {
    const mark = painter.step(focusedId, event.code === 'KeyN' ? 1 : -1);
    if (!mark) return;
    event.preventDefault();
    event.stopPropagation();
    // Reading moves to the flag: a link or button that kept focus would otherwise take the Enter.
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) document.activeElement.blur();
    focusMark(mark, false);
    return;
  }
  if (event.key === 'Escape' && card.openId !== null) {
    card.close();
    event.preventDefault();
    return;
  }
  if (event.key === 'Escape' && focusedId !== null) {
    // Second Escape: leave flag navigation altogether.
    focusedId = null;
    painter.setFocus(null);
    return;
  }
  // Enter opens the focused flag's card only when nothing else has the keyboard: a focused
  // link, button or field keeps its own Enter.
  const nothingFocused = event.target === document.body || event.target === document.documentElement;
  if (event.key === 'Enter' && focusedId !== null && card.openId !== focusedId && nothingFocused) {
    const mark = painter.byId(focusedId);
    if (!mark) return;
    event.preventDefault();
    openCard(mark, true);
  }
}

function onPointerDown(event: PointerEvent): void {
  if (card.openId !== null && !card.containsEvent(event)) card.close();
}

function onClick(event: MouseEvent): void {
  if (event.button !== 0 || card.containsEvent(event)) return;
  const selection = document.getSelection();
  if (selection && !selection.isCollapsed) return; // the reader is selecting text, not asking
  const mark = markAtPoint(painter, document, event.clientX, event.clientY);
  if (!mark) return;
  focusedId = mark.id;
  painter.setFocus(mark);
  openCard(mark, false);
}

function reveal(id: string): boolean {
  const mark = painter.byId(id);
  if (!mark) return false;
  focusMark(mark, true);
  return true;
}

function start(): void {
  if (!highlightsSupported()) return; // nothing we could show
  performance.mark('caveat:start'); // the bench's clock, with caveat:highlighted
  const rescan = debounce(() => void scan(), RESCAN_WAIT_MS, RESCAN_MAX_WAIT_MS);

  watchContent(document, (node) => card.owns(node), rescan);
  // CSS.highlights belongs to the page too: a page script may delete or overwrite our entries.
  setInterval(() => painter.reRegister(), REREGISTER_MS);
  const withoutHash = (url: string) => url.replace(/#.*$/, '');
  let lastUrl = withoutHash(location.href);
  const settle = debounce(() => void scan(), URL_SETTLE_MS);
  watchUrl(window, (url) => {
    // A jump to an anchor inside the article is not a new page.
    if (withoutHash(url) === lastUrl) return;
    lastUrl = withoutHash(url);
    generation++;
    unmark();
    lastScan = null;
    setState({ status: 'scanning', url, report: null });
    settle();
  });

  // Loading this script (parsing it, setting up the engine's tables) is a task's worth of work
  // already. The extension API is first touched in a task of its own: in Firefox that is when
  // the browser builds the API for the page (ext.ts), 15-30 ms, which with the scan's first
  // slice in the same task made one stretch of over 50 ms on a big page. The settings read
  // starts there too, and the scan begins at the page's next turn.
  void yieldToPage()
    .then(() => {
      const touched = performance.now();
      loadSettings().catch(() => undefined); // scan() waits for it, and says what failed
      listenToExtension();
      try {
        performance.measure('caveat:api', { start: touched }); // the bench's, as measure() below
      } catch {
        // As in measure().
      }
      return yieldToPage();
    })
    .then(scan);
}

/** Requests from the popup and the background, and changes to the settings or the kept figures. */
function listenToExtension(): void {
  onMessage((message, sender) => {
    const request = acceptContentRequest(message, sender, runtimeId());
    if (!request) return undefined;
    if (request.type === 'caveat/get-state') return Promise.resolve(state);
    return Promise.resolve(reveal(request.id));
  });

  onStorageChanged((changes, area) => {
    if (area !== 'local') return;
    if (STORE_CHANGED_KEY in changes) {
      // Kept figures were cleared or imported: the cross-page conflicts must be asked again.
      crossPage = null;
      lastScan = null;
    } else if (SETTINGS_KEY in changes) {
      settings = normalizeSettings(changes[SETTINGS_KEY]?.newValue);
    } else {
      return;
    }
    void scan();
  });
}

start();
