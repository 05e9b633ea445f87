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

/**
 * The encoding the bytes declare: a byte-order mark, else an HTML <meta charset> near the
 * start (what browsers honour when the server says nothing); null when they declare none.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** Bytes -> text, refusing binary content. The charset a server names wins over the page's own. */
export function decodeText(bytes: Uint8Array, serverCharset?: string): string {
  const charset = serverCharset ?? declaredCharset(bytes) ?? 'utf-8';
  // UTF-16 text is full of NUL bytes; anything else with one is not text.
  if (!charset.startsWith('utf-16') && bytes.includes(0)) throw new InputError('binary file, not a web page or text');
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
