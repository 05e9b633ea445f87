// Fetches a web page for the CLI: http(s) only, redirects followed by hand (so each hop is
// checked and counted), a time limit on the whole transfer, a size limit enforced while the
// body streams in (a lying or absent Content-Length cannot get past it), and HTML only.

import { InputError } from './errors';
import { decodeText, looksLikeHtml, requireNonEmpty, type PageContent } from './page-content';
import { describeBytes, type PageLimits } from './page-limits';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

function parseHttpUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new InputError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`unsupported URL scheme ${url.protocol} (only http and https)`);
  }
  return url;
}

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (no network?)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
};

/** Node's fetch says only "fetch failed"; the reason is in error.cause. */
function networkProblem(error: unknown, timedOut: boolean, timeoutMs: number): InputError {
  if (error instanceof InputError) return error;
  if (timedOut) return new InputError(`timed out after ${timeoutMs / 1000} s`);
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: string } | null)?.code;
  if (code && NETWORK_PROBLEMS[code]) return new InputError(NETWORK_PROBLEMS[code]);
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new InputError(`could not fetch (${message.split('\n')[0]})`);
}

function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new InputError(`page too large (${describeBytes(declared)}; the limit is ${describeBytes(maxBytes)})`);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InputError(`page too large (over ${describeBytes(maxBytes)})`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function fetchPage(input: string, limits: PageLimits): Promise<PageContent> {
  let url = parseHttpUrl(input);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    for (let hops = 0; ; hops++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Mozilla/5.0 (compatible; Caveat CLI)' },
      });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new InputError(`redirect (HTTP ${response.status}) without a Location`);
        if (hops + 1 > limits.maxRedirects) throw new InputError(`too many redirects (more than ${limits.maxRedirects})`);
        url = parseHttpUrl(location, url.href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new InputError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      if (mediaType && !HTML_TYPES.has(mediaType)) {
        await response.body?.cancel();
        throw new InputError(`not an HTML page (content type ${mediaType})`);
      }
      const text = decodeText(await readLimited(response, limits.maxBytes), charsetOf(contentType));
      requireNonEmpty(text);
      // A server that names no type gets the benefit of the doubt only if the body is HTML.
      if (!mediaType && !looksLikeHtml(text)) throw new InputError('not an HTML page (no content type, and not HTML)');
      return { source: url.href, content: text, format: 'html' };
    }
  } catch (error) {
    throw networkProblem(error, timedOut, limits.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
