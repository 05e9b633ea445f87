import { describe, expect, it } from 'vitest';
import { figuresIn } from './helpers';

const numbersIn = (text: string): string[] => figuresIn(text).map((f) => f.number);

describe('numbers that are not figures', () => {
  it.each([
    ['dates', 'On March 3, 2021, the council voted, and on Nov. 14 it met again; the 10th of May was quiet.'],
    ['years', 'In 2019 the company moved, and by 2024 it had left.'],
    ['times of day', 'The council met at 5 p.m. and again at 9:30 the next day.'],
    ['ages', 'A 45-year-old teacher and a man aged 30 were questioned.'],
    ['ordinals', 'It was the third time this century, and the 21st overall.'],
    ['durations', 'She waited for three years and 10 days, then two more months.'],
    ['names', 'Apollo 11 flew before the Boeing 737, COVID-19, Section 230 and the Fortune 500 list.'],
    ['product names', 'The iPhone 11 launched alongside the S&P 500 rally.'],
    ['labels', 'The case is in Chapter 7 and Room 12, item No. 1.'],
    ['gallery counters', 'Photo 1 of 5'],
    ['phone numbers', 'Call 555-123-4567 for details.'],
    ['addresses', 'The shop at 42 Elm Street closed.'],
    ['scores', 'The vote was 52-48 and the match ended 3-1.'],
    ['tokens with letters', 'The G20 summit discussed flight MH17 and 5G masts.'],
    ['the indefinite "one"', 'One of the officers said no one was hurt.'],
    ['"the two" meaning both', 'The two leaders met in private.'],
    ['"a day or two"', 'Repairs should take a day or two.'],
    ['a market ticker line', 'ACME CORP. 225.86 -12.99 -5.44%'],
  ])('%s', (_kind, text) => {
    expect(numbersIn(text)).toEqual([]);
  });

  it('keeps a count that sits next to a date in the same sentence', () => {
    expect(numbersIn('On October 20, officials said 20 climbers were rescued.')).toEqual(['20']);
  });

  it('keeps counts that open a sentence after a determiner', () => {
    expect(numbersIn('These 11 firms applied. All 14 companies can bid.')).toEqual(['11', '14']);
  });
});

describe('more non-figures', () => {
  it('drops ratios ("one in five adults") and ages given as a pair', () => {
    expect(numbersIn('One in five adults and two in three voters agreed.')).toEqual([]);
    expect(numbersIn('The children were 8 and 10 years old.')).toEqual([]);
    expect(numbersIn('“It is hard,” said Smith, 42, who lives nearby.')).toEqual([]);
  });
});

describe('headlines in title case', () => {
  it('keeps a count after a capitalised verb ("Apple Sells 10 Million Phones")', () => {
    expect(numbersIn('Apple Sells 10 Million Phones In First Weekend')).toEqual(['10 Million']);
  });
});
