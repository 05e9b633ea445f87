import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/tools/random';
import { CLAIM_NOUNS, CONTESTED_NOUNS, pointsBackAsObject, pointsBackAsSubject } from '../../../src/engine/cues/pointing-back';
import { flagOf, flagsOf } from './helpers';

describe('cues that point back to an earlier claim', () => {
  it('takes the previous sentence as the claim of "This information has not been verified"', () => {
    const text = 'The militia says 212 fighters surrendered.\n\nThis information has not been independently verified.';
    const flag = flagOf(text, 'unverified');
    expect(flag.sentence).toBe('This information has not been independently verified.');
    expect(flag.claim).toBe('The militia says 212 fighters surrendered.');
    expect(flag.attributedTo).toBe('The militia');
  });

  it.each([
    'The claim could not be confirmed.',
    'These figures could not be independently verified.',
    'It could not be independently confirmed.',
  ])('%s', (second) => {
    const text = `According to the coast guard, 31 migrants were rescued. ${second}`;
    const flag = flagOf(text, 'unverified');
    expect(flag.claim).toBe('According to the coast guard, 31 migrants were rescued.');
    expect(flag.attributedTo).toBe('the coast guard');
  });

  it('takes the earlier assertion as the claim of "declined to comment on the assertion", and the decliners as who omits', () => {
    const text = 'The columnist argues that the two chains are talking again. Both chains declined to comment on the assertion.';
    const flag = flagOf(text, 'omission');
    expect(flag.claim).toBe('The columnist argues that the two chains are talking again.');
    expect(flag.attributedTo).toBe('Both chains');
  });

  it('keeps the sentence itself as the claim when the cue qualifies its own statement', () => {
    const text = 'The trust published its accounts. The statement did not mention the missing funds.';
    expect(flagOf(text, 'omission').claim).toBe('The statement did not mention the missing funds.');
    const own = 'Rebels said they shot down a jet, a claim that could not be verified.';
    expect(flagOf(own, 'unverified').claim).toBe(own);
  });

  it('does not treat "the number" after an omission as a claim named before', () => {
    const text = 'The plant cut jobs last year. The company would not disclose the actual number.';
    expect(flagOf(text, 'omission').claim).toBe('The company would not disclose the actual number.');
  });

  it('has nothing to point back to in a first sentence', () => {
    const [flag] = flagsOf('This could not be independently verified.');
    expect(flag!.claim).toBe('This could not be independently verified.');
  });
});

describe('the pointing-back readers', () => {
  // The regexes they replaced: their answers must stay the same.
  const CLAIMS = 'information|claims?|reports?|figures?|numbers?|accounts?|assertions?|allegations?|accusations?|statements?|videos?|footage|photos?|photographs?|images?|toll|data|estimates?|tally|count|details';
  const CONTESTED = 'claims?|assertions?|allegations?|accusations?|reports?|remarks?|comments?|criticism|charges?|rumou?rs?|speculation';
  const SUBJECT = new RegExp(`^(?:(?:but|however|and|so)\\s*,?\\s+)?(?:(?:this|that|these|those|the|such)(?:\\s+[A-Za-z]+)?\\s+(?:${CLAIMS})|this|that|it|none of (?:this|it|these|those|the [A-Za-z]+))\\b`, 'i');
  const object = (nouns: string) => new RegExp(`^\\s+(?:on|to|about|of)?\\s*(?:the|this|that|these|those|such)\\s+(?:[A-Za-z]+\\s+)?(?:${nouns})\\b(?!\\s+(?:that|of|about|by|from)\\b)`, 'i');
  const OBJECT_CLAIMS = object(CLAIMS);
  const OBJECT_CONTESTED = object(CONTESTED);

  /** Texts made of the words the readers look for, their prefixes and near misses, in any case and spacing. */
  function texts(count: number): string[] {
    const next = seededRandom(11);
    const pieces = [
      ...'but however and so , this that these those the such it none of on to about by from'.split(' '),
      ...'information claim claims rumour rumors comments footage data toll details count'.split(' '),
      'none of ', 'the ', 'thesis', 'items', 'onerous', 'tothe', 'claim_', 'claim2', 'unverified', 'new', 'x',
      ' ', ' ', ' ', '  ', '\u00a0', '\t', '.', "'s", '-', 'THE', 'Claims', 'ThIs', 'ſo', 'K',
    ];
    const out: string[] = [];
    for (let n = 0; n < count; n++) {
      let text = next() < 0.5 ? ' ' : '';
      const length = 1 + Math.floor(next() * 8);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)] + (next() < 0.7 ? ' ' : '');
      out.push(text);
    }
    return out;
  }

  it('answer as the regexes did', () => {
    const all = [
      ...texts(60_000),
      ' on the assertion.', ' the claims that he lied', ' these new allegations, she said', ' to  the   reports from x', ' about such rumours',
      'This information has not been verified.', 'But, this claim', 'So these figures', 'None of the footage', 'none of it', 'It could not be',
      'However , the new data', 'and this', 'Sothe claim', 'none of the 5', 'none of the x_',
    ];
    const wrong: string[] = [];
    for (const text of all) {
      if (pointsBackAsSubject(text) !== SUBJECT.test(text)) wrong.push(`subject: ${JSON.stringify(text)}`);
      if (pointsBackAsObject(text, CLAIM_NOUNS) !== OBJECT_CLAIMS.test(text)) wrong.push(`object/claims: ${JSON.stringify(text)}`);
      if (pointsBackAsObject(text, CONTESTED_NOUNS) !== OBJECT_CONTESTED.test(text)) wrong.push(`object/contested: ${JSON.stringify(text)}`);
    }
    expect(wrong.slice(0, 8)).toEqual([]);
    // The generated texts reach both answers of every reader.
    expect(all.filter((t) => SUBJECT.test(t)).length).toBeGreaterThan(500);
    expect(all.filter((t) => OBJECT_CLAIMS.test(t)).length).toBeGreaterThan(200);
    expect(all.filter((t) => OBJECT_CONTESTED.test(t)).length).toBeGreaterThan(200);
  });
});
