// Words of a sentence with their offsets, found once per sentence and shared by the lexicon
// matcher and the rules. A word is a run of letters and digits with inner apostrophes or
// hyphens ("didn't", "so-called", "it’s").

export interface Word {
  /** As written. */
  raw: string;
  /** Lower case, straight apostrophe, without a trailing quote or dash: the lookup key. */
  key: string;
  /** Offsets inside the sentence text. */
  start: number;
  end: number;
}

// Latin letters only (with accents): the lexicon is English, and a non-Unicode regex is several
// times faster here, where every word of the page passes.
const WORD = /[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:['’-][A-Za-z0-9À-ÖØ-öø-ÿ]+)*/g;

export function wordsOf(sentence: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    const raw = m[0];
    let key = raw.toLowerCase();
    if (key.includes('’')) key = key.replace(/’/g, "'");
    words.push({ raw, key, start: m.index, end: m.index + raw.length });
  }
  return words;
}
