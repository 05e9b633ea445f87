// ANSI styling for a person at a terminal, and only then: not when output goes to a file or
// a pipe, and not when NO_COLOR is set (https://no-color.org). Page text is hostile input:
// control characters in it (escape sequences that could rewrite the terminal, move the
// cursor or fake our own output) are removed before anything is printed.

export interface Style {
  /** The cue inside its sentence: bold and coloured by kind, or *between asterisks* in plain text. */
  cue(kind: string, s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  kind(kind: string, s: string): string;
  warn(s: string): string;
}

const plain: Style = { cue: (_k, s) => `*${s}*`, bold: (s) => s, dim: (s) => s, kind: (_k, s) => s, warn: (s) => s };

const KIND_COLORS: Record<string, string> = { unverified: '31', hedge: '33', 'vague-source': '35', omission: '36' };

const ansi: Style = {
  cue: (kind, s) => `\x1b[1m\x1b[${KIND_COLORS[kind] ?? '39'}m${s}\x1b[39m\x1b[22m`,
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  kind: (kind, s) => `\x1b[${KIND_COLORS[kind] ?? '39'}m${s}\x1b[39m`,
  warn: (s) => `\x1b[31m${s}\x1b[39m`,
};

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return stream.isTTY === true && env.NO_COLOR === undefined ? ansi : plain;
}

/** Page text made safe to print: no control characters, no bidi overrides, one line. */
export function safeText(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
