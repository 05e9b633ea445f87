import { describe, expect, it } from 'vitest';
import { figure, figuresIn, interval } from './helpers';

describe('qualifiers give the interval the wording allows', () => {
  it.each([
    ['Police said more than 2,300 people were evacuated.', 'more than 2,300', [2301, null]],
    ['Over 70 flights were cancelled.', 'Over 70', [71, null]],
    ['At least 12 miners were trapped.', 'At least 12', [12, null]],
    ['Officials counted 120 or more boats in the harbour.', '120 or more', [120, null]],
    ['As many as 600 students walked out.', 'As many as 600', [null, 600]],
    ['Fewer than 50 tickets were sold.', 'Fewer than 50', [null, 49]],
    // ±10% for about/approximately/around/roughly/some, whole numbers for counts.
    ['About 150 protesters gathered outside.', 'About 150', [135, 165]],
    ['Approximately 80 workers lost power.', 'Approximately 80', [72, 88]],
    ['Some 3,000 troops were deployed.', 'Some 3,000', [2700, 3300]],
    ['Around 15 boats sank.', 'Around 15', [14, 16]],
    // 90%..100% for nearly/almost.
    ['Nearly 300 homes were destroyed.', 'Nearly 300', [270, 300]],
    ['Almost 40 percent of voters stayed home.', 'Almost 40 percent', [36, 40]],
  ] as const)('%s', (text, number, expected) => {
    expect(interval(figure(text, number))).toEqual(expected);
  });

  it('steps money by one cent and percentages by a tenth above "more than"', () => {
    expect(interval(figure('The charity raised more than $3 million last spring.', 'more than $3 million'))).toEqual([3000000.01, null]);
    expect(interval(figure('Prices rose more than 12.5% in a year.', 'more than 12.5%'))).toEqual([12.6, null]);
  });

  it('reads ranges: "to", hyphens, "between ... and", "or"', () => {
    expect(interval(figure('Between 40 and 60 people were hurt.', 'Between 40 and 60'))).toEqual([40, 60]);
    expect(interval(figure('Gas costs $3 to $4 a gallon here.', '$3 to $4'))).toEqual([3, 4]);
    expect(interval(figure('Seven or eight boats capsized.', 'Seven or eight'))).toEqual([7, 8]);
    expect(interval(figure('The lake is 60%–70% full.', '60%–70%'))).toEqual([60, 70]);
  });

  it('keeps "from X to Y" as two values of a change, not one range', () => {
    const numbers = figuresIn('Unemployment fell from 7% to 5% over the period.').map((f) => f.number);
    expect(numbers).toEqual(['7%', '5%']);
  });
});

describe('number words', () => {
  it.each([
    ['Twenty-three sailors were rescued.', 'Twenty-three', [23, 23]],
    ['Two dozen volunteers came.', 'Two dozen', [24, 24]],
    ['A dozen nurses came.', 'A dozen', [12, 12]],
    ['Rebels still hold seven hostages.', 'seven', [7, 7]],
    ['Dozens of shops were looted.', 'Dozens', [24, null]],
    ['Scores of villagers were detained.', 'Scores', [40, null]],
    ['Hundreds of residents fled.', 'Hundreds', [200, null]],
    ['Several hundred fans waited.', 'Several hundred', [200, null]],
    ['Tens of thousands of marchers filled the square.', 'Tens of thousands', [20000, null]],
    ['Half a million visitors came.', 'Half a million', [500000, 500000]],
    ['Three million tourists left.', 'Three million', [3000000, 3000000]],
  ] as const)('%s', (text, number, expected) => {
    expect(interval(figure(text, number))).toEqual(expected);
  });

  it('reads multipliers stated in words', () => {
    expect(interval(figure('The plant emits about twice the amount allowed.', 'about twice'))).toEqual([1.8, 2.2]);
    expect(figure('Rents are half the price they were.', 'half').unit).toBe('multiple');
  });
});

describe('money and percentages', () => {
  it.each([
    ['The city paid $1.2 billion for the bridge.', '$1.2 billion', 1.2e9, 'usd'],
    ['The grant is worth €300 million.', '€300 million', 3e8, 'eur'],
    ['A ticket costs Rs 450 at the gate.', 'Rs 450', 450, 'inr'],
    ['Entry is £15 for adults.', '£15', 15, 'gbp'],
    ['The startup raised $5m in seed money.', '$5m', 5e6, 'usd'],
    ['Turnout was 25.2% in the north.', '25.2%', 25.2, 'percent'],
    ['Turnout was 61 percent in the south.', '61 percent', 61, 'percent'],
    ['Sales fell 3 per cent last month.', '3 per cent', 3, 'percent'],
  ] as const)('%s', (text, number, value, unit) => {
    const f = figure(text, number);
    expect([f.low, f.high, f.unit]).toEqual([value, value, unit]);
  });

  it('reads money written as words after the number', () => {
    const f = figure('The town spent nearly half a million dollars on signs.', 'nearly half a million');
    expect([f.low, f.high, f.unit]).toEqual([450000, 500000, 'usd']);
  });
});

describe('scale words and abbreviations', () => {
  it('reads "a million" and "more than a million"', () => {
    expect(interval(figure('More than a million people marched.', 'More than a million'))).toEqual([1000001, null]);
  });

  it('reads "m" and "k" as millions and thousands only in money', () => {
    expect(interval(figure('The firm raised $5m and £20k.', '$5m'))).toEqual([5e6, 5e6]);
    expect(figuresIn('She ran a 5k race and climbed a 5m wall.')).toEqual([]);
  });
});

describe('qualifiers beyond the number', () => {
  it('reads "and often more" past a rate as an open upper end', () => {
    expect(interval(figure('Fillets sell for $24 to $28 a pound, and often more.', '$24 to $28'))).toEqual([24, null]);
  });

  it('reads a possibility of growth as a maximum ("can grow to")', () => {
    expect(interval(figure('The fish can grow to 500 pounds.', 'can grow to 500'))).toEqual([null, 500]);
    expect(interval(figure('The river will rise to 12 feet.', '12'))).toEqual([12, 12]);
  });
});

describe('number words are read whole', () => {
  it.each([
    ['Twenty-three miners were trapped.', 'Twenty-three', [23, 23]],
    ['Ninety nine boats sank.', 'Ninety nine', [99, 99]],
    ['Forty houses burned down.', 'Forty', [40, 40]],
    ['Seventeen schools closed.', 'Seventeen', [17, 17]],
    ['Seven schools closed.', 'Seven', [7, 7]],
    ['The fund raised thirty-one million dollars.', 'thirty-one million', [31000000, 31000000]],
    ['Rescuers found two dozen survivors.', 'two dozen', [24, 24]],
    ['Volunteers planted twenty dozen trees.', 'twenty dozen', [240, 240]],
    ['Sixty-five thousand fans attended.', 'Sixty-five thousand', [65000, 65000]],
  ] as const)('%s', (text, number, expected) => {
    expect(interval(figure(text, number))).toEqual(expected);
  });
});
