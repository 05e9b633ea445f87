import { describe, expect, it } from 'vitest';
import { badgeText, badgeTitle } from '../../src/extension/background/badge';
import { describeStorageFull, describeUsage, formatBytes } from '../../src/extension/options/usage';
import { flag, report } from './report-fixture';

describe('toolbar badge', () => {
  it('counts the flags of an article and says nothing otherwise', () => {
    const flags = [flag({ id: 'a', kind: 'hedge', cue: 'allegedly', start: 0 }), flag({ id: 'b', kind: 'omission', cue: 'declined to comment', start: 20 })];
    expect(badgeText({ status: 'article', url: 'u', report: report({ flags }) })).toBe('2');
    expect(badgeTitle({ status: 'article', url: 'u', report: report({ flags }) })).toBe('Caveat: 2 flags on this page');
    expect(badgeText({ status: 'article', url: 'u', report: report() })).toBe('');
    expect(badgeText({ status: 'not-article', url: 'u', report: null })).toBe('');
    expect(badgeText({ status: 'skipped', url: 'u', report: null })).toBe('');
    expect(badgeTitle({ status: 'skipped', url: 'u', report: null })).toMatch(/skipped/);
  });

  it('caps very long counts', () => {
    const flags = Array.from({ length: 1200 }, (_, i) => flag({ id: `f${i}`, kind: 'hedge', cue: 'allegedly', start: i * 20 }));
    expect(badgeText({ status: 'article', url: 'u', report: report({ flags }) })).toBe('999+');
  });
});

describe('store usage line', () => {
  it('reads like a person wrote it', () => {
    expect(describeUsage({ figures: 0, pages: 0, bytes: 0 })).toBe('No figures kept yet');
    expect(describeUsage({ figures: 1, pages: 1, bytes: 300 })).toBe('1 figure from 1 page · 300 B');
    expect(describeUsage({ figures: 1234, pages: 56, bytes: 317_440 })).toBe('1,234 figures from 56 pages · 310 KB');
    expect(describeUsage({ figures: 1, pages: 1, bytes: 300, damaged: 1 })).toBe('1 figure from 1 page · 300 B · 1 damaged record skipped');
    expect(describeUsage({ figures: 0, pages: 0, bytes: 0, damaged: 2 })).toBe('No figures kept yet · 2 damaged records skipped');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('storage-full notice', () => {
  it('says when storage was full and how many of the oldest figures went', () => {
    expect(describeStorageFull({ at: '2026-11-25T12:00:00.000Z', evicted: 2130, notKept: 0 })).toBe(
      'Storage was full on 25 Nov 2026: the 2,130 oldest figures were removed to make room.',
    );
    expect(describeStorageFull({ at: '2026-11-25T12:00:00.000Z', evicted: 1, notKept: 0 })).toBe(
      'Storage was full on 25 Nov 2026: the oldest figure was removed to make room.',
    );
  });

  it('says so when even then the page’s figures could not be kept', () => {
    const text = describeStorageFull({ at: '2026-11-25T12:00:00.000Z', evicted: 300, notKept: 12 });
    expect(text).toMatch(/^Storage was full on 25 Nov 2026: the 300 oldest figures were removed to make room, and still/);
    expect(text).toMatch(/12 figures of the last page read: they were not kept/);
  });
});
