import { describe, expect, it } from 'vitest';
import type { ExtraCue } from '../../../src/engine/types';
import { flagOf, flagsOf, kindsOf } from './helpers';

const text = 'Sources said the mayor reportedly resigned. The council declined to comment.';

describe('options.kinds', () => {
  it('reports only the kinds asked for', () => {
    expect(kindsOf(text)).toEqual(['hedge', 'omission', 'vague-source']);
    expect(kindsOf(text, { kinds: ['omission'] })).toEqual(['omission']);
    expect(kindsOf(text, { kinds: ['hedge', 'vague-source'] })).toEqual(['hedge', 'vague-source']);
  });

  it('reports nothing for an empty list', () => {
    expect(flagsOf(text, { kinds: [] })).toEqual([]);
  });
});

describe('options.extraCues', () => {
  const extra: ExtraCue[] = [
    { phrase: 'Kremlin-friendly outlets', kind: 'vague-source' },
    { phrase: 'is understood by', kind: 'hedge' },
  ];

  it('adds a user phrase as a cue of its kind, case-insensitive and across spaces', () => {
    const flag = flagOf('kremlin-friendly   outlets said the pipeline was damaged.', 'vague-source', { extraCues: extra });
    expect(flag.cue).toBe('kremlin-friendly   outlets');
    expect(flag.rule).toBe('user: Kremlin-friendly outlets');
  });

  it('matches whole words only', () => {
    expect(kindsOf('The deal is understood byzantine.', { extraCues: extra })).not.toContain('hedge');
    expect(kindsOf('The deal is understood by insiders to be dead.', { extraCues: extra })).toContain('hedge');
  });

  it('leaves the built-in lexicon in place and does not leak into scans without the cue', () => {
    expect(kindsOf(text, { extraCues: extra })).toEqual(['hedge', 'omission', 'vague-source']);
    expect(kindsOf('Kremlin-friendly outlets said the pipeline was damaged.')).toEqual([]);
  });

  it('follows a list edited in place between scans', () => {
    const list: ExtraCue[] = [{ phrase: 'word on the street', kind: 'vague-source' }];
    const sentence = 'Word on the street is that the mill will close. Rumour has it the owner left.';
    expect(flagsOf(sentence, { extraCues: list }).map((f) => f.cue)).toEqual(['Word on the street']);
    list.push({ phrase: 'rumour has it', kind: 'vague-source' });
    expect(flagsOf(sentence, { extraCues: list }).map((f) => f.cue)).toEqual(['Word on the street', 'Rumour has it']);
  });

  it('ignores stored entries of an unknown kind', () => {
    const broken = [{ phrase: 'word on the street', kind: 'gossip' }] as unknown as ExtraCue[];
    expect(flagsOf('Word on the street is that the mill will close.', { extraCues: broken })).toEqual([]);
  });

  it('treats regex characters in a phrase as plain text', () => {
    const odd: ExtraCue[] = [{ phrase: 'sources (unnamed)', kind: 'vague-source' }, { phrase: '.*', kind: 'hedge' }];
    expect(kindsOf('Several sources (unnamed) confirmed it.', { extraCues: odd })).toEqual(['vague-source']);
    expect(kindsOf('Nothing to see here.', { extraCues: odd })).toEqual([]);
  });
});
