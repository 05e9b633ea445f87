// Reads a page from a local file, refusing what cannot be a page before reading it whole.

import { open, stat } from 'node:fs/promises';
import { InputError } from './errors';
import { decodeText, formatOf, requireNonEmpty, type PageContent } from './page-content';
import { describeBytes, type PageLimits } from './page-limits';

export async function readPageFile(path: string, limits: PageLimits): Promise<PageContent> {
  const info = await stat(path);
  if (info.isDirectory()) throw new InputError('is a directory, not a page');
  if (!info.isFile()) throw new InputError('not a regular file');
  if (info.size === 0) throw new InputError('empty file');
  // Checked before reading, so a 50 MB file costs nothing.
  if (info.size > limits.maxBytes) {
    throw new InputError(`file too large (${describeBytes(info.size)}; the limit is ${describeBytes(limits.maxBytes)})`);
  }
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const text = decodeText(bytes);
  requireNonEmpty(text);
  return { source: path, content: text, format: formatOf(path, text) };
}
