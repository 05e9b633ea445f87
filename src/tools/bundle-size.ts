// Size of the extension's content script as a browser downloads and parses it on every page:
// the files the built manifest lists for content_scripts, plus the chunks they import.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
}

// Static and dynamic imports of relative chunks in built JS ("./chunk.js", "../shared.js").
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+\.m?js)["']/g;

/** The content script's files with raw and gzip sizes; null when dist/ has no such build. */
export function contentScriptFiles(distDir: string): BundleFile[] | null {
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const queue = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]).map((p) => normalize(p));
  const seen = new Set<string>();
  const files: BundleFile[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const full = join(distDir, path);
    if (!existsSync(full)) continue;
    const content = readFileSync(full);
    files.push({ path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
    if (path.endsWith('.js')) {
      for (const m of content.toString('utf8').matchAll(RELATIVE_IMPORT)) {
        const target = relative(distDir, join(dirname(full), m[1]!));
        if (!target.startsWith('..')) queue.push(target);
      }
    }
  }
  return files;
}
