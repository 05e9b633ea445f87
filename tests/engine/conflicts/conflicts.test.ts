import { describe, expect, it } from 'vitest';
import { comparableInterval, figuresConflict, findConflicts, formatNumber, roundingOf } from '../../../src/engine/conflicts/conflicts';
import { figure, figuresIn } from '../figures/helpers';

/** Conflicts of a page, as pairs of figure texts. */
function conflictsIn(text: string): [string, string][] {
  const figures = figuresIn(text);
  const textOf = (id: string): string => figures.find((f) => f.id === id)!.text;
  return findConflicts(figures).map((c) => [textOf(c.figures[0]), textOf(c.figures[1])]);
}

describe('conflicts inside a page', () => {
  it('finds two sources giving different counts of the same thing', () => {
    const page = 'The coast guard said 12 climbers died on the mountain.\n\nA local guide said 15 climbers died on the mountain.';
    expect(conflictsIn(page)).toEqual([['12 climbers died', '15 climbers died']]);
  });

  it('gives a short human reason', () => {
    const figures = figuresIn('Police said nine protesters were arrested.\n\nOrganisers said 14 protesters were arrested.');
    expect(findConflicts(figures)[0]?.reason).toMatch(/9 vs 14/);
  });

  it('finds a conflict on a count whose noun comes from the earlier figure', () => {
    const page =
      'The ministry said 31 miners were killed, and another six were reported missing.\n\n' +
      'The union said 31 miners were killed, and nine missing.';
    expect(conflictsIn(page)).toEqual([['six were reported missing', 'nine missing']]);
  });

  it('does not take rounding for a conflict', () => {
    expect(conflictsIn('Officials said 300 homes were destroyed.\n\nResidents said 290 homes were destroyed.')).toEqual([]);
  });

  it('does not take a lower bound and a value inside it for a conflict', () => {
    expect(conflictsIn('At least 2,000 people were displaced.\n\nAid groups said 2,600 people were displaced.')).toEqual([]);
  });

  it('keeps different events apart (different years, attack vs counterattack)', () => {
    expect(conflictsIn('In the 2015 floods, 40 people were killed.\n\nIn the 2019 floods, 12 people were killed.')).toEqual([]);
    expect(
      conflictsIn('The rebels said 60 soldiers were killed in the attack.\n\nThe army said 25 soldiers were killed in the counterattack.'),
    ).toEqual([]);
  });

  it('keeps a past period apart from the current one ("last year", a year on one side only)', () => {
    expect(conflictsIn('Last year, 40 people were killed on the roads.\n\nPolice said 55 people were killed on the roads.')).toEqual([]);
    expect(conflictsIn('In 2015, 9,000 people were killed in a quake.\n\nOfficials said 14 people were killed in the quake.')).toEqual([]);
  });

  it('keeps a separate event and a part of an earlier count apart', () => {
    expect(conflictsIn('At least 40 people were killed when a train derailed.\n\nFive people were killed in a separate accident.')).toEqual([]);
    expect(conflictsIn('Police said 12 people were arrested.\n\nOf those, 3 people were arrested for looting.')).toEqual([]);
  });

  it('keeps a poll of a month ago apart from the current one', () => {
    expect(conflictsIn('The poll shows 48% of voters back the plan.\n\nA month ago, 52% of voters backed it.')).toEqual([]);
  });

  it('does not take the date of a report for the time of the event', () => {
    const page = 'The ministry said last week that 23 sailors were killed.\n\nThe navy said 20 sailors were killed.';
    expect(conflictsIn(page)).toEqual([['23 sailors were killed', '20 sailors were killed']]);
  });

  it('keeps a count per period apart from a total', () => {
    expect(conflictsIn('Officials said 31,000 soldiers had been killed.\n\nThe army said it killed 400 soldiers in a day.')).toEqual([]);
  });

  it('does not take "since 2022" for another event', () => {
    const page = 'Officials said 12,000 civilians have been killed since the war began in 2022.\n\nMonitors said 9,000 civilians have been killed.';
    expect(conflictsIn(page)).toEqual([['12,000 civilians have been killed', '9,000 civilians have been killed']]);
  });

  it('keeps costs of different things apart ("Tickets cost" vs "The stadium cost")', () => {
    expect(conflictsIn('The stadium cost $1.2 billion.\n\nTickets cost $50.')).toEqual([]);
  });

  it('never sets two values of one sentence against each other', () => {
    expect(conflictsIn('Rebels beheaded 21 soldiers, 20 of them conscripts.')).toEqual([]);
  });

  it('needs a full key: "14 offices" and "9 offices" may count different things', () => {
    expect(conflictsIn('The firm has 14 offices in Europe.\n\nIt opened 9 offices in Asia.')).toEqual([]);
  });

  it('keeps forecasts apart from actual values', () => {
    expect(conflictsIn('Analysts had expected revenue of $5.1 billion.\n\nThe company reported revenue of $4.9 billion.')).toEqual([]);
  });
});

describe('comparable intervals (rounding as ANNOTATION.md specifies)', () => {
  it('spans half a unit of the last non-zero place of a number ending in two or more zeros', () => {
    expect([300, 4000, 12000, 1400, 20, 23, 449000].map(roundingOf)).toEqual([50, 500, 500, 50, 0, 0, 500]);
  });

  it.each([
    ['The deal was worth $9.5 billion.', '$9.5 billion', { low: 9.45e9, high: 9.55e9 }],
    ['Half a million visitors came.', 'Half a million', { low: 450000, high: 550000 }],
    ['The town spent nearly half a million dollars on it.', 'nearly half a million', { low: 405000, high: 550000 }],
    ['A ticket costs Rs 300 at the gate.', 'Rs 300', { low: 250, high: 350 }],
    ['Officials said 23 people were hurt.', '23', { low: 23, high: 23 }],
    ['Up to $8 billion is at stake.', 'Up to $8 billion', { low: null, high: 8.5e9 }],
  ] as const)('%s', (text, number, expected) => {
    const got = comparableInterval(figure(text, number));
    if (expected.low === null) expect(got.low).toBeNull();
    else expect(got.low).toBeCloseTo(expected.low);
    if (expected.high === null) expect(got.high).toBeNull();
    else expect(got.high).toBeCloseTo(expected.high);
  });

  it('reads a kept figure that has only its text and bounds', () => {
    expect(comparableInterval({ text: '4,000 jobs', low: 4000, high: 4000 })).toEqual({ low: 3500, high: 4500 });
  });
});

describe('figuresConflict (shared with the cross-page store)', () => {
  const a = (text: string, number: string) => figure(text, number);

  it('is null for rounding: "Rs 300" vs "Rs 299"', () => {
    expect(figuresConflict(a('Each session costs Rs 300 at the bar.', 'Rs 300'), a('The bar charges Rs 299 per session.', 'Rs 299'))).toBeNull();
  });

  it('finds "25 million" vs "more than 50 million" of the same thing', () => {
    const x = a('Officials said 25 million people were affected.', '25 million');
    const y = a('Aid groups said more than 50 million people were affected.', 'more than 50 million');
    expect(figuresConflict(x, y)).toMatch(/person affected/);
  });

  it('finds "$9.5 billion" vs "up to $8 billion" for the same measure', () => {
    const x = a('The utility reported revenue of $9.5 billion.', '$9.5 billion');
    const y = a('A rival filing put revenue of up to $8 billion.', 'up to $8 billion');
    expect(x.what).toBe(y.what);
    expect(figuresConflict(x, y)).not.toBeNull();
  });

  it('is null for "nearly half a million dollars" vs "$449,000" of the same cost', () => {
    const x = a('The state paid the agency nearly half a million dollars.', 'nearly half a million');
    const y = a('The state paid the agency $449,000.', '$449,000');
    expect(x.what).toBe(y.what);
    expect(figuresConflict(x, y)).toBeNull();
  });

  it('is null for different things: "4,000 jobs" vs "more than 4,000 people"', () => {
    const x = a('The plant will cut 4,000 jobs.', '4,000');
    const y = a('More than 4,000 people were laid off.', 'More than 4,000');
    expect(figuresConflict(x, y)).toBeNull();
  });
});

describe('formatNumber (the reasons\' numbers, without Intl)', () => {
  it('writes exactly what Intl.NumberFormat en-US with at most 2 decimals writes', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    const samples = [0, -0, 1, -1, 0.5, 0.125, 1.005, 2.675, -0.001, 0.004, 0.005, 999.995, 1000, 1234.5, 12345.678, 100, 100.1, 1e6, 7_000, 1.5e9, 123456789.999, 1e20, 9.99e20, 1e21, 1e300, -1234567.891, Infinity, -Infinity, NaN, 0.1 + 0.2, 1 / 3, 2 / 3];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 16 - 3);
      const value = (random() - 0.3) * magnitude;
      samples.push(value, Math.round(value * 1000) / 1000, Math.round(value));
    }
    for (const n of samples) expect(formatNumber(n), String(n)).toBe(intl.format(n));
  });
});
