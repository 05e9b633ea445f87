import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorLines, hasStackTrace, runScanCli, schemaPath, councilBudgetPage } from './run-cli';

vi.setConfig({ testTimeout: 180_000 });

const articleHtml = readFileSync(councilBudgetPage);
const validateReport = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

let server: Server;
let base: string;
// A small size limit so the size case is quick (the default is 10 MB). The time limit is short
// only where a timeout is the point (default 15 s): elsewhere a busy machine must not fail a test.
const limits = { CAVEAT_MAX_PAGE_BYTES: '100000', CAVEAT_FETCH_TIMEOUT_MS: '30000' };
const shortTimeout = { ...limits, CAVEAT_FETCH_TIMEOUT_MS: '1500' };

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/news/council-budget':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml);
        return;
      case '/old-address':
        res.writeHead(301, { location: '/news/council-budget' }).end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/notes.txt':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('Just some notes.');
        return;
      case '/report.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
        return;
      case '/gone':
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
        return;
      case '/endless': {
        // No Content-Length: only counting while streaming can stop this one.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = `<p>${'padding '.repeat(1000)}</p>`;
        for (let i = 0; i < 100; i++) res.write(chunk);
        res.end();
        return;
      }
      case '/stalls':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>The first part of the page arrives, the rest never does.');
        return; // never ends
      case '/silent':
        return; // never answers
      default:
        res.writeHead(500).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('scan of a URL', () => {
  it('fetches an HTML page and reports it under its address', async () => {
    const r = await runScanCli(['--json', `${base}/news/council-budget`], limits);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { source: string; title: string };
    expect(validateReport(report)).toBe(true);
    expect(report.source).toBe(`${base}/news/council-budget`);
    expect(report.title).toBe('Council approves budget amid questions over tunnel costs');
  });

  it('follows a redirect and reports the final address', async () => {
    const r = await runScanCli(['--json', `${base}/old-address`], limits);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { source: string }).source).toBe(`${base}/news/council-budget`);
  });
});

describe('scan of a URL that fails: one line, non-zero exit', () => {
  const cases: [string, string, RegExp][] = [
    ['a page that is not HTML', '/notes.txt', /not an HTML page \(content type text\/plain\)/],
    ['a PDF', '/report.pdf', /not an HTML page \(content type application\/pdf\)/],
    ['a 404', '/gone', /HTTP 404/],
    ['a redirect loop', '/loop', /too many redirects/],
    ['a page over the size limit', '/endless', /too large/],
    ['a server that never answers', '/silent', /timed out after 1\.5 s/],
    ['a body that stops half way', '/stalls', /timed out after 1\.5 s/],
  ];
  for (const [what, path, problem] of cases) {
    it(`reports ${what}`, async () => {
      const url = `${base}${path}`;
      const r = await runScanCli([url], /timed out/.test(problem.source) ? shortTimeout : limits);
      expect(r.code).not.toBe(0);
      const lines = errorLines(r.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`caveat: ${url}: `)).toBe(true);
      expect(lines[0]).toMatch(problem);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stdout).toBe('');
    });
  }

  it('reports a server that refuses the connection', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const r = await runScanCli([`http://127.0.0.1:${port}/`], limits);
    expect(r.code).not.toBe(0);
    expect(errorLines(r.stderr)).toEqual([`caveat: http://127.0.0.1:${port}/: connection refused`]);
  });

  it('refuses schemes other than http and https', async () => {
    const r = await runScanCli(['ftp://127.0.0.1/page.html'], limits);
    expect(r.code).not.toBe(0);
    expect(errorLines(r.stderr)[0]).toMatch(/unsupported URL scheme ftp:/);
  });

  it('still scans the good URL when another fails', async () => {
    const r = await runScanCli(['--json', `${base}/gone`, `${base}/news/council-budget`], limits);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toEqual([`caveat: ${base}/gone: HTTP 404 Not Found`]);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(1);
  });
});
