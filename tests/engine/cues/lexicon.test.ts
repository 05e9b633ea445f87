import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/engine/cues/compile';
import { LEXICON } from '../../../src/engine/cues/lexicon';
import { FLAG_KINDS } from '../../../src/engine/types';
import { flagsOf } from './helpers';

describe('the cue lexicon', () => {
  it('covers every kind, and every group says why it is there', () => {
    expect(new Set(LEXICON.map((g) => g.kind))).toEqual(new Set(FLAG_KINDS));
    for (const group of LEXICON) {
      expect(group.note.length, group.group).toBeGreaterThan(10);
      expect(group.patterns.length, group.group).toBeGreaterThan(0);
    }
  });

  it('compiles every pattern, keyed by its first words', () => {
    for (const group of LEXICON) {
      for (const pattern of group.patterns) {
        const { keys } = compilePattern(pattern);
        expect(keys.length, pattern).toBeGreaterThan(0);
        for (const key of keys) expect(key, pattern).toMatch(/^[a-z][a-z'-]*$/);
      }
    }
  });

  it('refuses a pattern that does not start with a literal word', () => {
    expect(() => compilePattern('… said')).toThrow();
    expect(() => compilePattern('reportedly? said')).toThrow();
  });

  it('matches slots as written: optional words, gaps and guards', () => {
    const re = (p: string) => new RegExp(`^${compilePattern(p).source}`, 'i');
    expect(re('has_not been independently? verified').test('has not been verified')).toBe(true);
    expect(re('has_not been independently? verified').test('has not  been independently verified')).toBe(true);
    expect(re('did_not respond to … request').test('did not respond to a reporter’s request')).toBe(true);
    expect(re('did_not respond to … request').test('did not respond to treatment')).toBe(false);
    expect(re('supposed !to').test('supposed cure')).toBe(true);
    expect(re('supposed !to').test('supposed to go')).toBe(false);
    expect(re("didn't say").test('didn’t say')).toBe(true);
    expect(re('alleged').test('allegedly')).toBe(false);
  });

  it('finds nothing in plain reporting built from the lexicon’s most common first words', () => {
    const plain = [
      'Some of the money was spent on roads, and many of the roads were repaired.',
      'It is a long way from the coast, and it was cold.',
      'The council did not meet on Monday; it has met twice since.',
      'Sources of funding include fees and local taxes.',
      'No one was hurt, and there was no damage.',
    ].join(' ');
    expect(flagsOf(plain)).toEqual([]);
  });
});
