import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS, MAX_IMPORT_FILE_BYTES, MAX_ITEMS, MAX_SENT_FIGURES, MAX_SENT_FLAGS, MAX_TEXT, acceptContentRequest, acceptRequest, boundPageState, boundReport, boundText, conflictsCut, flagsCut, isPageState, kindCountOf } from '../../src/extension/shared/messages';
import { badgeText, badgeTitle } from '../../src/extension/background/badge';
import { figure, flag, report } from './report-fixture';

const ID = 'caveat-id';
const ORIGIN = 'chrome-extension://caveat-id/';
const tabSender = { id: ID, url: 'https://news.example/story', tab: { id: 7 } };
const optionsSender = { id: ID, url: `${ORIGIN}options.html`, tab: { id: 9 } };

const goodReport = report({
  flags: [flag({ id: 'f1', kind: 'hedge', cue: 'allegedly', start: 3 })],
  figures: [figure({ id: 'g1', text: '23 killed', start: 40 })],
});

describe('background message gate', () => {
  it('accepts a tab reporting its page and figures', () => {
    const state = { status: 'article', url: 'https://news.example/story', report: goodReport };
    expect(acceptRequest({ type: 'caveat/page-state', state }, tabSender, ID, ORIGIN)).toEqual({
      from: 'tab',
      tabId: 7,
      request: { type: 'caveat/page-state', state },
    });
    expect(acceptRequest({ type: 'caveat/record-figures', report: goodReport, text: 'abc' }, tabSender, ID, ORIGIN)?.from).toBe('tab');
    expect(acceptRequest({ type: 'caveat/check-figures', report: goodReport, text: 'abc' }, tabSender, ID, ORIGIN)?.from).toBe('tab');
  });

  it('ignores messages from other extensions', () => {
    expect(acceptRequest({ type: 'caveat/store-clear' }, { ...optionsSender, id: 'someone-else' }, ID, ORIGIN)).toBeNull();
  });

  it('lets only extension pages touch the figure store, even when opened as a tab', () => {
    expect(acceptRequest({ type: 'caveat/store-clear' }, optionsSender, ID, ORIGIN)).toEqual({
      from: 'extension-page',
      request: { type: 'caveat/store-clear' },
    });
    // A content script (running inside a web page) cannot clear or import.
    expect(acceptRequest({ type: 'caveat/store-clear' }, tabSender, ID, ORIGIN)).toBeNull();
    expect(acceptRequest({ type: 'caveat/store-import', json: '{}' }, tabSender, ID, ORIGIN)).toBeNull();
  });

  it('rejects wrong shapes', () => {
    const bad = [
      null,
      'caveat/page-state',
      { type: 'caveat/page-state', state: { status: 'article', url: 'x', report: { ...goodReport, flags: [{ id: 1 }] } } },
      { type: 'caveat/page-state', state: { status: 'exploded', url: 'x', report: null } },
      { type: 'caveat/record-figures', report: { ...goodReport, figures: 'many' }, text: '' },
      { type: 'caveat/record-figures', report: goodReport },
      { type: 'caveat/record-figures', report: { ...goodReport, flags: [{ ...goodReport.flags[0], kind: 'rumour' }] }, text: '' },
      { type: 'caveat/unknown' },
    ];
    for (const message of bad) expect(acceptRequest(message, tabSender, ID, ORIGIN)).toBeNull();
    expect(acceptRequest({ type: 'caveat/store-import', json: 5 }, optionsSender, ID, ORIGIN)).toBeNull();
  });

  it('checks page states the popup reads back from storage', () => {
    expect(isPageState({ status: 'not-article', url: 'https://a.example/', report: null })).toBe(true);
    expect(isPageState({ status: 'article', url: 'https://a.example/' })).toBe(false);
  });
});

describe('bounded reports from pages with very many flags', () => {
  const many = report({
    flags: Array.from({ length: 10_000 }, (_, i) => flag({ id: `f${i}`, kind: 'hedge', cue: 'allegedly', start: i * 20 })),
    figures: Array.from({ length: 10_000 }, (_, i) => figure({ id: `g${i}`, text: `${i + 2} killed`, start: 300_000 + i * 20 })),
    conflicts: [
      { figures: ['g1', 'g2'], reason: 'same page' },
      { figures: ['g1', 'kept-1'], reason: 'another page' },
      { figures: ['g9999', 'kept-2'], reason: 'a figure that is cut' },
    ],
  });

  it('refuses an unbounded report whole, accepts the bounded one with the true count', () => {
    const state = { status: 'article' as const, url: 'https://news.example/story', report: many };
    expect(acceptRequest({ type: 'caveat/page-state', state }, tabSender, ID, ORIGIN)).toBeNull();
    const bounded = boundPageState(state);
    expect(bounded.report!.flags).toHaveLength(MAX_SENT_FLAGS);
    expect(bounded.report!.figures).toHaveLength(MAX_SENT_FIGURES);
    expect(bounded.report!.conflicts.map((c) => c.reason)).toEqual(['same page', 'another page']);
    expect(bounded.flagCount).toBe(10_000);
    expect(MAX_SENT_FLAGS).toBeLessThanOrEqual(MAX_ITEMS);
    const accepted = acceptRequest({ type: 'caveat/page-state', state: bounded }, tabSender, ID, ORIGIN);
    expect(accepted?.from).toBe('tab');
    expect(badgeText(bounded)).toBe('999+');
    expect(badgeTitle(bounded)).toBe('Caveat: 10000 flags on this page');
    expect(acceptRequest({ type: 'caveat/record-figures', report: boundReport(many), text: 'abc' }, tabSender, ID, ORIGIN)?.from).toBe('tab');
  });

  it('tells the popup which of its lists were cut, and by how much', () => {
    const state = { status: 'article' as const, url: 'https://news.example/story', report: many };
    const bounded = boundPageState(state);
    expect(flagsCut(bounded)).toEqual({ shown: MAX_SENT_FLAGS, total: 10_000 });
    // The conflict of a cut figure is gone from the list: the true count travels beside it.
    expect(bounded.conflictCount).toBe(3);
    expect(conflictsCut(bounded)).toEqual({ shown: 2, total: 3 });
    // Bounding again (the content script re-sends its state) keeps the true counts.
    expect(boundPageState(bounded)).toBe(bounded);
    const small = { status: 'article' as const, url: 'u', report: goodReport };
    expect(flagsCut(small)).toBeNull();
    expect(conflictsCut(small)).toBeNull();
    expect(isPageState({ ...bounded, conflictCount: -3 })).toBe(false);
    expect(isPageState({ ...bounded, conflictCount: 3 })).toBe(true);
  });

  it('keeps the true count of each kind when the flag list is cut, so the popup counts every flag', () => {
    // 9,000 hedges first, then 1,000 omissions the cut list does not reach at all.
    const mixed = report({
      flags: Array.from({ length: 10_000 }, (_, i) =>
        flag({ id: `f${i}`, kind: i < 9_000 ? 'hedge' : 'omission', cue: i < 9_000 ? 'allegedly' : 'declined to comment', start: i * 30 }),
      ),
    });
    const bounded = boundPageState({ status: 'article' as const, url: 'u', report: mixed });
    expect(bounded.report!.flags.every((f) => f.kind === 'hedge')).toBe(true);
    expect(kindCountOf(bounded, 'hedge')).toBe(9_000);
    expect(kindCountOf(bounded, 'omission')).toBe(1_000);
    expect(kindCountOf(bounded, 'unverified')).toBe(0);
    expect(isPageState(bounded)).toBe(true);
    // A page's message cannot smuggle odd keys or counts in.
    expect(isPageState({ ...bounded, flagCountsByKind: { hedge: -1 } })).toBe(false);
    expect(isPageState({ ...bounded, flagCountsByKind: { rumour: 3 } })).toBe(false);
    expect(isPageState({ ...bounded, flagCountsByKind: JSON.parse('{"__proto__": 3}') })).toBe(false);
    expect(isPageState({ ...bounded, flagCountsByKind: [1, 2] })).toBe(false);
    // Without a cut the counts come from the list itself.
    const small = { status: 'article' as const, url: 'u', report: goodReport };
    expect(kindCountOf(small, goodReport.flags[0]!.kind)).toBe(goodReport.flags.filter((f) => f.kind === goodReport.flags[0]!.kind).length);
  });

  it('leaves a small report as it is and still rejects a malformed flag count', () => {
    expect(boundReport(goodReport)).toBe(goodReport);
    const state = { status: 'article' as const, url: 'u', report: goodReport };
    expect(boundPageState(state)).toBe(state);
    expect(isPageState({ ...state, flagCount: -1 })).toBe(false);
    expect(isPageState({ ...state, flagCount: 1.5 })).toBe(false);
    expect(isPageState({ ...state, flagCount: '10' })).toBe(false);
    expect(isPageState({ ...state, flagCount: 12 })).toBe(true);
  });

  it('cuts an over-long article text to what a request may carry', () => {
    expect(boundText('abc')).toBe('abc');
    const long = 'a'.repeat(MAX_TEXT - 1) + '\u{1F600}' + 'b';
    const cut = boundText(long);
    expect(cut.length).toBe(MAX_TEXT - 1);
    expect(acceptRequest({ type: 'caveat/record-figures', report: goodReport, text: cut }, tabSender, ID, ORIGIN)?.from).toBe('tab');
  });
});

describe('import size limits', () => {
  it('lets every file the options page accepts through the background gate', () => {
    // A UTF-8 file has at most as many UTF-16 units as bytes.
    expect(MAX_IMPORT_FILE_BYTES).toBeLessThanOrEqual(MAX_IMPORT_CHARS);
    expect(acceptRequest({ type: 'caveat/store-import', json: ' '.repeat(1000) }, optionsSender, ID, ORIGIN)?.from).toBe('extension-page');
    expect(acceptRequest({ type: 'caveat/store-import', json: ' '.repeat(MAX_IMPORT_CHARS + 1) }, optionsSender, ID, ORIGIN)).toBeNull();
  });
});

describe('content script message gate', () => {
  it('answers our popup and nobody else', () => {
    expect(acceptContentRequest({ type: 'caveat/get-state' }, { id: ID }, ID)).toEqual({ type: 'caveat/get-state' });
    expect(acceptContentRequest({ type: 'caveat/reveal', id: 'f1' }, { id: ID }, ID)).toEqual({ type: 'caveat/reveal', id: 'f1' });
    expect(acceptContentRequest({ type: 'caveat/get-state' }, { id: 'other' }, ID)).toBeNull();
    expect(acceptContentRequest({ type: 'caveat/reveal', id: 42 }, { id: ID }, ID)).toBeNull();
  });
});
