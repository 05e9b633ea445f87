import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/tools/random';
import { shortQuotes } from '../../../src/engine/cues/rules';
import { flagOf, kindsOf } from './helpers';

describe('scare quotes', () => {
  it.each([
    ['The “experts” were wrong again.', '“experts”'],
    ['Customers queued for hours at this trendy ‘clinic’.', '‘clinic’'],
    ['The landlord had quietly “renovated” both flats.', '“renovated”'],
  ])('a quoted word the writer keeps distance from: %s', (text, cue) => {
    expect(flagOf(text, 'hedge').cue).toBe(cue);
  });

  it('includes the quotes in the cue of a quoted hedge word', () => {
    expect(flagOf('The ship “reportedly” carried grain.', 'hedge').cue).toBe('“reportedly”');
  });

  it.each([
    'She called the plan “reckless” and “cruel.”',
    'The mayor said the budget was “balanced” and “fair”.',
    '“We will rebuild,” the mayor said.',
    'The band closed with “Yesterday” as an encore.',
    'The scan showed a “ground glass” pattern in both lungs.',
    'The group calls itself the “Army of God.”',
    'The minister described the talks as “useful”.',
  ])('quoted speech, titles, names and terms are not scare quotes: %s', (text) => {
    expect(kindsOf(text)).not.toContain('hedge');
  });
});

describe('shortQuotes', () => {
  /** What shortQuotes replaced: its matches must stay the same. */
  const REFERENCE = /(?<![\p{L}\p{N}])([“‘"])([\p{Ll}][\p{Ll}-]*(?:\s[\p{Ll}][\p{Ll}-]*){0,2})([”’"])(?![\p{L}\p{N}])/gu;
  const viaRegex = (text: string) => [...text.matchAll(REFERENCE)].map((m) => ({ start: m.index, end: m.index + m[0].length, open: m[1], inside: m[2], close: m[3] }));

  it('finds what the regex found on sentences built from quotes, words, spaces and edge characters', () => {
    const next = seededRandom(7);
    const pieces = ['“', '”', '‘', '’', '"', 'a', 'bc', 'so-called', '-', ' ', '\t', '\u00a0', 'X', '1', '²', 'é', 'ß', 'Ω', 'ω', '𝐚', '𝐀', '😀', '\udc00', '.', 'to', 'the'];
    const texts: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      texts.push(text);
    }
    const wrong = texts.filter((t) => JSON.stringify([...shortQuotes(t)]) !== JSON.stringify(viaRegex(t)));
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('finds what the regex found with every code unit before, inside and after a quote', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`${c}“x”`, `“${c}x”`, `“x${c}”`, `“x”${c}`, `“x ${c}y”`, `‘a${c}b c’ d`]) {
        if (JSON.stringify([...shortQuotes(text)]) !== JSON.stringify(viaRegex(text))) wrong.push(text);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
