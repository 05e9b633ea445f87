// Characters a reader never sees that a page can put inside a word: zero-width space,
// non-joiner and joiner, word joiner, byte-order mark, soft hyphen, and the bidirectional
// formatting controls (embeddings, overrides, isolates and their terminators). "alle\u200Bgedly"
// or "famil\u2066iar\u2069" reads as the plain word, so a cue must still be found in it: the
// article text drops these characters before cues are matched (and keeps the map to the DOM).
//
// Where to use it: src/engine/article/textmap.ts builds the article text token by token and
// already skips U+200B-U+200D, U+2060, U+FEFF and U+00AD; its INVISIBLE and TOKEN patterns
// should take their class from INVISIBLE_CLASS below so the bidi controls are skipped too.

/** Character-class body (no brackets) of every invisible formatting character. */
export const INVISIBLE_CLASS = '\\u00AD\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF';

const INVISIBLE_RUN = new RegExp(`[${INVISIBLE_CLASS}]+`, 'g');
const INVISIBLE_ONE = new RegExp(`[${INVISIBLE_CLASS}]`);

/** True when `char` (one UTF-16 unit) is an invisible formatting character. */
export function isInvisible(char: string): boolean {
  return char.length === 1 && INVISIBLE_ONE.test(char);
}

export interface StrippedText {
  /** The text without invisible formatting characters. */
  text: string;
  /** For each index of `text` (and one past its end), the index in the original text. */
  toOriginal: number[];
}

/** Removes invisible formatting characters, keeping a map from the result back to the input. */
export function stripInvisible(input: string): StrippedText {
  const toOriginal: number[] = [];
  let text = '';
  let last = 0;
  for (const match of input.matchAll(INVISIBLE_RUN)) {
    const at = match.index;
    text += input.slice(last, at);
    for (let i = last; i < at; i++) toOriginal.push(i);
    last = at + match[0].length;
  }
  text += input.slice(last);
  for (let i = last; i < input.length; i++) toOriginal.push(i);
  toOriginal.push(input.length);
  return { text, toOriginal };
}
