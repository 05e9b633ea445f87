import { describe, expect, it } from 'vitest';
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
