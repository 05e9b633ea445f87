import { describe, expect, it } from 'vitest';
import { acceptContentRequest, acceptRequest, isPageState } from '../../src/extension/shared/messages';
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

describe('content script message gate', () => {
  it('answers our popup and nobody else', () => {
    expect(acceptContentRequest({ type: 'caveat/get-state' }, { id: ID }, ID)).toEqual({ type: 'caveat/get-state' });
    expect(acceptContentRequest({ type: 'caveat/reveal', id: 'f1' }, { id: ID }, ID)).toEqual({ type: 'caveat/reveal', id: 'f1' });
    expect(acceptContentRequest({ type: 'caveat/get-state' }, { id: 'other' }, ID)).toBeNull();
    expect(acceptContentRequest({ type: 'caveat/reveal', id: 42 }, { id: ID }, ID)).toBeNull();
  });
});
