import { describe, expect, it } from 'vitest';
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
