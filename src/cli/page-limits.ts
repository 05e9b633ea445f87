// Limits on what the CLI reads, so a huge, endless or slow input fails in words instead of
// exhausting memory or hanging. Environment variables override them (tests use small values).

export interface PageLimits {
  /** Largest page, file or download, in bytes. News pages are well under 2 MB. */
  maxBytes: number;
  /** Whole fetch, headers and body, in milliseconds. */
  timeoutMs: number;
  maxRedirects: number;
}

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function pageLimits(): PageLimits {
  return {
    maxBytes: positiveFromEnv('CAVEAT_MAX_PAGE_BYTES', 10 * 1024 * 1024),
    timeoutMs: positiveFromEnv('CAVEAT_FETCH_TIMEOUT_MS', 15_000),
    maxRedirects: positiveFromEnv('CAVEAT_MAX_REDIRECTS', 5),
  };
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} bytes`;
}
