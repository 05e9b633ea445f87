import { describe, expect, it } from 'vitest';
import { blocksOf, splitSentences } from '../../../src/engine/text/sentences';

const sentencesOf = (text: string) => splitSentences(text, blocksOf(text)).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps honorifics, initials, decimals and months inside a sentence', () => {
    expect(sentencesOf('Gov. Ann Lee said rates rose 2.5 percent in Jan. and fell in Feb. Sen. J.D. Ross agreed.')).toEqual([
      'Gov. Ann Lee said rates rose 2.5 percent in Jan. and fell in Feb.',
      'Sen. J.D. Ross agreed.',
    ]);
  });

  it('keeps "U.S." inside a name but ends the sentence before a clear opener', () => {
    expect(sentencesOf('The U.S. Navy said two ships collided. Trade fell in the U.S. The index rose.')).toEqual([
      'The U.S. Navy said two ships collided.',
      'Trade fell in the U.S.',
      'The index rose.',
    ]);
  });

  it('ends a sentence after "p.m." unless a time zone follows', () => {
    expect(sentencesOf('The polls closed at 8 p.m. Counting began at once. Results came at 11 p.m. Eastern time.')).toEqual([
      'The polls closed at 8 p.m.',
      'Counting began at once.',
      'Results came at 11 p.m. Eastern time.',
    ]);
  });

  it('keeps a company abbreviation before a lower-case verb', () => {
    expect(sentencesOf('Shares of Brightline Inc. fell 4% on Monday.')).toEqual(['Shares of Brightline Inc. fell 4% on Monday.']);
  });

  it('takes closing quotes with the sentence they end', () => {
    expect(sentencesOf('“Is it over?” she asked. “Not yet.” The crowd waited.')).toEqual([
      '“Is it over?” she asked.',
      '“Not yet.”',
      'The crowd waited.',
    ]);
  });

  it('gives offsets into the text, blocks as paragraphs', () => {
    const text = 'Headline here\n\nFirst point. Second point.';
    const sentences = splitSentences(text, blocksOf(text));
    expect(sentences.map((s) => [s.paragraph, text.slice(s.start, s.end)])).toEqual([
      [0, 'Headline here'],
      [1, 'First point.'],
      [1, 'Second point.'],
    ]);
  });
});
