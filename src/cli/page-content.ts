// Decides whether bytes read from a file or a URL are a page the CLI can scan, and which:
// HTML (goes through article extraction) or plain text.

import { InputError } from './errors';

export type PageFormat = 'html' | 'text';

export interface PageContent {
  /** The page's final address: a file path, or the URL after redirects. */
  source: string;
  content: string;
  format: PageFormat;
}

// A text file has no NUL bytes; a few bytes of another encoding are tolerated, a mass of
// undecodable bytes means it is not text.
const MAX_UNDECODABLE_SHARE = 0.01;

/** Bytes -> text, refusing binary content. */
export function decodeText(bytes: Uint8Array, charset = 'utf-8'): string {
  if (bytes.includes(0)) throw new InputError('binary file, not a web page or text');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8'); // unknown charset label: the usual encoding of the web
  }
  const text = decoder.decode(bytes);
  let undecodable = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) undecodable++;
  if (undecodable > 0 && undecodable / text.length > MAX_UNDECODABLE_SHARE) {
    throw new InputError(`binary or not ${decoder.encoding} text`);
  }
  return text.replace(/^\uFEFF/, '');
}

/** True when the text starts like an HTML document or fragment. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return /^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--)/.test(head) || /<(html|body|article|p)[\s>]/.test(head);
}

/** .html/.htm are HTML, .txt is plain text; anything else is judged by its content. */
export function formatOf(name: string, text: string): PageFormat {
  const lower = name.toLowerCase().split(/[?#]/)[0]!;
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  if (lower.endsWith('.txt')) return 'text';
  return looksLikeHtml(text) ? 'html' : 'text';
}

export function requireNonEmpty(text: string): void {
  if (text.trim().length === 0) throw new InputError('empty: nothing to scan');
}
