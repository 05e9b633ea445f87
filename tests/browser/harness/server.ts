// A tiny static server on 127.0.0.1 for the browser tests. It serves the shared fixtures under
// /fixtures/ and our own pages under /pages/, and records every request it receives, so a test
// can assert that the extension itself made no request (the extension must never touch the
// network; pages are the only thing that should ever be fetched).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { FIXTURES_DIR, PAGES_DIR } from './paths';

export interface RecordedRequest {
  /**
   * True for a request the browser sent to us as its proxy: any request for a host other than
   * 127.0.0.1 (the browsers are launched with this server as their proxy, so nothing reaches
   * the network and every attempt is seen here).
   */
  proxied: boolean;
  method: string;
  /** Path and query as received, e.g. "/fixtures/seed-article.html". */
  url: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface FixtureServer {
  /** e.g. "http://127.0.0.1:43125" */
  readonly origin: string;
  /** "127.0.0.1:43125": give it to the browser as its HTTP and HTTPS proxy. */
  readonly proxy: string;
  /** Every request received so far, in order. */
  readonly requests: readonly RecordedRequest[];
  /** URL of a shared fixture page, e.g. fixtureUrl('seed-article.html'). */
  fixtureUrl(name: string): string;
  /** URL of one of our own test pages in tests/browser/pages. */
  pageUrl(name: string): string;
  /** Forget the requests recorded so far (to look at one step's requests). */
  clearRequests(): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const ROOTS: Record<string, string> = { fixtures: FIXTURES_DIR, pages: PAGES_DIR };

/** Maps "/fixtures/a.html" to a file inside that root; null for anything that escapes it. */
function fileFor(urlPath: string): string | null {
  const [, rootName, ...rest] = decodeURIComponent(urlPath).split('/');
  const root = rootName === undefined ? undefined : ROOTS[rootName];
  if (root === undefined || rest.length === 0) return null;
  const file = resolve(root, rest.join('/'));
  return file.startsWith(root + sep) ? file : null;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    // A proxy request carries the absolute URL; requests for our own pages carry a path.
    const proxied = !url.startsWith('/');
    requests.push({ proxied, method: req.method ?? 'GET', url, headers: req.headers, at: Date.now() });
    if (proxied) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('no network in tests');
      return;
    }
    const path = url.split('?')[0] ?? '/';
    const file = fileFor(path);
    const respond = async (): Promise<void> => {
      if (file === null || !(await stat(file).catch(() => null))?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res
        .writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          // Every navigation must reach us, so the request log is complete.
          'cache-control': 'no-store',
        })
        .end(body);
    };
    respond().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  // HTTPS through a proxy starts with CONNECT host:443: record it and refuse the tunnel.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    requests.push({ proxied: true, method: 'CONNECT', url: req.url ?? '', headers: req.headers, at: Date.now() });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  // Keep-alive sockets of a browser that is still open must not hold the test process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    proxy: `127.0.0.1:${port}`,
    requests,
    fixtureUrl: (name) => `${origin}/fixtures/${name}`,
    pageUrl: (name) => `${origin}/pages/${name}`,
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
