// Reading the value of a number phrase: digits ("1,400", "25.2", "$9.5 billion") and English
// number words ("twenty-three", "two dozen", "half a million", "hundreds"). A small table of
// our own rather than a parsing library: the libraries drop qualifiers, misread "two dozen" or
// money, and cost ~100 KB in the content script (see shared/recipes/platform-facts.md).

/** Cardinal words. "one" is here for compounds ("twenty-one", "one million"); a bare "one" is
 *  nearly always a pronoun or an indefinite article in news ("one of the", "one user") and is
 *  dropped by the exclusion rules. */
export const UNITS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

export const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

export const SCALES: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, tr: 1e12,
};

/**
 * Vague plurals give a lower bound only: the smallest amount the plural can honestly mean.
 * "dozens" is at least two dozen (24), "scores" at least two score (40), "hundreds" at least
 * 200, and so on; "several"/"a few" + scale likewise start at two of the scale.
 */
export const VAGUE_PLURALS: Readonly<Record<string, number>> = {
  dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9, trillions: 2e12,
};

export const DOZEN = 12;

/** Value of a cardinal written in words: "twenty-three", "seven", "ninety nine". */
export function wordCardinal(phrase: string): number | null {
  const parts = phrase.toLowerCase().split(/[\s-]+/).filter((p) => p !== '' && p !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  for (const part of parts) {
    const unit = UNITS[part];
    const ten = TENS[part];
    if (unit !== undefined) total += unit;
    else if (ten !== undefined) total += ten;
    else return null;
  }
  return total;
}

/** Value of a numeral: "1,400" -> 1400, "25.2" -> 25.2, "4.0" -> 4. */
export function digitValue(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

/** Decimal places written in a numeral ("4.0" -> 1, "16.50" -> 2, "1,400" -> 0). */
export function decimalsOf(digits: string): number {
  const dot = digits.indexOf('.');
  return dot < 0 ? 0 : digits.length - dot - 1;
}

/**
 * Float noise away: 0.4 * 0.9 is 0.36000000000000004 in binary floating point; figures are
 * shown to people and compared for equality in tests, so keep 12 significant digits.
 */
export function tidy(x: number): number {
  if (Number.isInteger(x)) return x;
  return Number(x.toPrecision(12));
}
