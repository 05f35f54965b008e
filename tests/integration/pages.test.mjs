// The pages over real HTTP: what a results page costs to transfer (the 80 KB budget of
// DESIGN.md, HTML + CSS + JS gzip-compressed, map tiles aside) and the security headers.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { startServer } from './knooppunt.mjs';

// The bytes on the wire (compressed) and the decompressed text.
function fetchRaw(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': 'gzip', Cookie: 'taal=nl' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('a results page transfers at most 80 KB with its CSS and JavaScript', async () => {
  const server = await startServer();
  try {
    const page = await fetchRaw(`${server.url}/zoeken?q=voedselbank`);
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-encoding'], 'gzip');
    const html = (await import('node:zlib')).gunzipSync(page.body).toString('utf8');
    const assets = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]);
    assert.ok(assets.some((a) => a.endsWith('knooppunt.css')), 'the page links its stylesheet');
    assert.ok(assets.some((a) => a.endsWith('leaflet.js')), 'the results page has its map');
    let total = page.body.length;
    const sizes = { html: page.body.length };
    for (const asset of assets) {
      const response = await fetchRaw(`${server.url}${asset}`);
      assert.equal(response.status, 200, asset);
      sizes[asset] = response.body.length;
      total += response.body.length;
    }
    console.log('results page transfer (bytes, gzip):', JSON.stringify(sizes), 'total', total);
    assert.ok(total <= 80 * 1024, `${total} bytes transferred`);
  } finally {
    await server.stop();
  }
});

test('pages send a strict policy and the other security headers', async () => {
  const server = await startServer();
  try {
    for (const path of ['/', '/ar/zoeken?q=taal', '/over', '/bestaat-niet']) {
      const page = await fetchRaw(`${server.url}${path}`);
      const policy = page.headers['content-security-policy'] ?? '';
      assert.match(policy, /script-src 'self'/, path);
      assert.match(policy, /frame-ancestors 'none'/, path);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, path);
      assert.equal(page.headers['x-content-type-options'], 'nosniff', path);
      assert.ok(page.headers['referrer-policy'], path);
    }
  } finally {
    await server.stop();
  }
});
