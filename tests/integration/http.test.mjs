// The real server over real HTTP: operational endpoints, errors, limits, hostile input,
// static files and a graceful stop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getJson, rawRequest, startServer } from './knooppunt.mjs';

let server;
before(async () => { server = await startServer({ config: ['read_timeout_seconds = 2', 'body_limit_bytes = 65536'] }); });
after(async () => { await server.stop(); });

test('health, readiness and metrics answer', async () => {
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  await (await fetch(`${server.url}/api/services?per_page=1`)).text();
  // A response is counted once it has been written, which may be just after the client has it.
  let metrics = '';
  for (let i = 0; i < 50; i++) {
    metrics = await (await fetch(`${server.url}/metrics`)).text();
    if (metrics.includes('route="/api/services"')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(metrics, /knooppunt_http_requests_total\{[^}]*route="\/api\/services"/);
  assert.match(metrics, /knooppunt_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"/);
});

test('an unknown id is a JSON 404 and a malformed parameter a JSON 400 naming it', async () => {
  const missing = await getJson(`${server.url}/api/services/00000000-0000-4000-8000-000000000000`);
  assert.equal(missing.status, 404);
  assert.ok(missing.body.error.message);
  for (const [query, parameter] of [['page=abc', 'page'], ['page=0', 'page'], ['per_page=-1', 'per_page'],
    ['organization_id=xyz', 'organization_id'], ['modified_after=2026-13-45T00:00:00Z', 'modified_after']]) {
    const bad = await getJson(`${server.url}/api/services?${query}`);
    assert.equal(bad.status, 400, query);
    assert.equal(bad.body.error.parameter, parameter, query);
  }
});

test('per_page is capped at 1000', async () => {
  const page = await getJson(`${server.url}/api/taxonomy_terms?per_page=100000`);
  assert.equal(page.status, 200);
  assert.ok(page.body.size <= 1000);
});

test('ndjson streams every service without paging', async () => {
  const all = await getJson(`${server.url}/api/services?per_page=1`);
  const response = await fetch(`${server.url}/api/services?format=ndjson`);
  assert.equal(response.status, 200);
  const lines = (await response.text()).trim().split('\n');
  assert.equal(lines.length, all.body.total_items);
  for (const line of lines.slice(0, 5)) assert.ok(JSON.parse(line).id);
});

test('keep-alive serves several requests on one connection', async () => {
  const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
  const { data } = await rawRequest(server.port, request + request + 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal((data.match(/HTTP\/1\.1 200/g) || []).length, 3);
});

test('an oversized header is refused with 431 and an oversized body with 413', async () => {
  const big = 'x'.repeat(20000);
  const header = await rawRequest(server.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`);
  assert.match(header.data, /^HTTP\/1\.1 431/);
  const body = 'a'.repeat(100000);
  const post = await rawRequest(server.port,
    `POST /api/services HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  assert.match(post.data, /^HTTP\/1\.1 413/);
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the server stays up');
});

test('a slow client is cut off after the read timeout', async () => {
  const slow = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n', { timeoutMs: 15000 });
  assert.ok(slow.closed, 'the server closed the connection');
  assert.ok(slow.ms < 14000);
});

test('malformed requests, invalid UTF-8 and header injection are 400s', async () => {
  const garbage = await rawRequest(server.port, 'THIS IS NOT HTTP\r\n\r\n');
  assert.match(garbage.data, /^HTTP\/1\.1 400/);
  const utf8 = await rawRequest(server.port, 'GET /api/services?search=%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.match(utf8.data, /^HTTP\/1\.1 400/);
  const injected = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: b\rSet-Cookie: evil=1\r\n\r\n');
  assert.doesNotMatch(injected.data, /Set-Cookie: evil/i);
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

test('static files have types, ETags and gzip, and never escape their folder', async () => {
  const file = await fetch(`${server.url}/static/robots.txt`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-type'), /^text\/plain/);
  const etag = file.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(`${server.url}/static/robots.txt`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  for (const target of ['/static/../CMakeLists.txt', '/static/%2e%2e/CMakeLists.txt', '/static/..%2fCMakeLists.txt',
    '/static//etc/passwd', '/static/%2Fetc%2Fpasswd']) {
    const { data } = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.match(data, /^HTTP\/1\.1 (400|404)/, target);
    assert.doesNotMatch(data, /cmake_minimum_required|root:x:0/, target);
  }
});

test('responses carry security headers', async () => {
  const response = await fetch(`${server.url}/api/`);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(response.headers.get('referrer-policy'));
});

test('the access log holds neither query strings nor searched words', async () => {
  await (await fetch(`${server.url}/api/services?search=GeheimeZoekterm&per_page=3`)).text();
  for (let i = 0; i < 50 && !/GET \/api\/services 200/.test(server.output()); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.doesNotMatch(server.output(), /GeheimeZoekterm/);
  assert.match(server.output(), /\/api\/services/);
});

test('SIGTERM lets a request in flight finish, then the server exits cleanly', async () => {
  const other = await startServer();
  const response = fetch(`${other.url}/api/services?format=ndjson`).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 20));
  other.process.kill('SIGTERM');
  const text = await response;
  assert.ok(text.trim().split('\n').length >= 400, 'the stream arrived whole');
  // Wait for the exit the first SIGTERM causes; stop() would send another while it shuts down.
  const { code, signal } = await other.exited;
  await other.stop();
  assert.equal(code, 0, `exited by ${signal}`);
});
