import { describe, expect, it } from 'vitest';
import { cardModel, conflictingFigureIds, figureConflicts, formatDate, groupFlags, quoteCue, safeLink } from '../../src/extension/shared/views';
import { figure, flag, kept, report } from './report-fixture';

describe('card view model', () => {
  it('shows a flag with its kind, explanation, cue, claim and source', () => {
    const r = report({
      flags: [flag({ id: 'f1', kind: 'vague-source', cue: 'sources said', start: 10, claim: 'The deal is off.', attributedTo: 'unnamed sources' })],
    });
    const card = cardModel(r, 'f1');
    expect(card).toMatchObject({
      kind: 'vague-source',
      label: 'Vague source',
      cue: 'sources said',
      claim: 'The deal is off.',
      attributedTo: 'unnamed sources',
      conflicts: [],
    });
    expect(card?.explanation).toMatch(/cannot identify or check/);
  });

  it('shows a figure with the kept figure it conflicts with: value, who, linked page title, date', () => {
    const r = report({
      figures: [figure({ id: 'g1', text: '23 citizens were killed', start: 5, attributedTo: 'the ministry' })],
      conflicts: [{ figures: ['g1', 'k1'], reason: '23 vs 20' }],
      keptFigures: [kept({ id: 'k1', text: '20 citizens were killed', title: 'Ambassador gives his count' })],
    });
    const card = cardModel(r, 'g1');
    expect(card?.kind).toBe('conflict');
    expect(card?.conflicts).toEqual([
      {
        text: '20 citizens were killed',
        attributedTo: 'the ambassador',
        title: 'Ambassador gives his count',
        url: 'https://news.example/other',
        date: '20 Oct 2023',
        samePage: false,
        reason: '23 vs 20',
      },
    ]);
  });

  it('pairs two figures of the same page both ways', () => {
    const r = report({
      figures: [figure({ id: 'a', text: '23 killed', start: 0 }), figure({ id: 'b', text: '20 killed', start: 50 })],
      conflicts: [{ figures: ['a', 'b'], reason: 'differ' }],
    });
    expect(cardModel(r, 'a')?.conflicts.map((c) => [c.text, c.samePage])).toEqual([['20 killed', true]]);
    expect(cardModel(r, 'b')?.conflicts.map((c) => c.text)).toEqual(['23 killed']);
    expect([...conflictingFigureIds(r)].sort()).toEqual(['a', 'b']);
  });

  it('never links to a non-web address taken from a kept page', () => {
    const r = report({
      figures: [figure({ id: 'g1', text: '23 killed', start: 0 })],
      conflicts: [{ figures: ['g1', 'k1'], reason: 'x' }],
      keptFigures: [kept({ id: 'k1', text: '20 killed', source: 'javascript:alert(1)' })],
    });
    expect(cardModel(r, 'g1')?.conflicts[0]?.url).toBeNull();
    expect(safeLink('data:text/html,hi')).toBeNull();
    expect(safeLink('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
  });

  it('has no card for an unknown id', () => {
    expect(cardModel(report(), 'nope')).toBeNull();
  });
});

describe('popup grouping', () => {
  it('groups flags by kind in the canonical order, document order inside, empty kinds left out', () => {
    const r = report({
      flags: [
        flag({ id: 'o1', kind: 'omission', cue: 'declined to comment', start: 90 }),
        flag({ id: 'h2', kind: 'hedge', cue: 'reportedly', start: 70 }),
        flag({ id: 'h1', kind: 'hedge', cue: 'allegedly', start: 20 }),
      ],
    });
    const groups = groupFlags(r);
    expect(groups.map((g) => g.kind)).toEqual(['hedge', 'omission']);
    expect(groups[0]?.flags.map((f) => f.id)).toEqual(['h1', 'h2']);
  });

  it('lists only figures that have something to disagree with', () => {
    const r = report({
      figures: [figure({ id: 'a', text: '23 killed', start: 0 }), figure({ id: 'c', text: '4 injured', start: 30 })],
      conflicts: [{ figures: ['a', 'gone'], reason: 'kept figure no longer in the report' }],
    });
    expect(figureConflicts(r)).toEqual([]);
  });
});

describe('formatting', () => {
  it('reads ISO dates and refuses garbage', () => {
    expect(formatDate('2026-11-24T10:00:00Z')).toBe('24 Nov 2026');
    expect(formatDate('2023-13-01')).toBeNull();
    expect(formatDate('yesterday')).toBeNull();
    expect(formatDate(null)).toBeNull();
  });

  it('quotes a cue once', () => {
    expect(quoteCue('reportedly')).toBe('“reportedly”');
    expect(quoteCue('“terrorists”')).toBe('“terrorists”');
  });
});
