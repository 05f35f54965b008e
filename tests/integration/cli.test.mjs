// The command line: help, one-line errors with exit code 2, import and export round trips.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { freshDatabase, getJson, hsdsDir, run, startServer, tempDir } from './knooppunt.mjs';

test('every command has --help', () => {
  assert.equal(run(['--help']).status, 0);
  for (const command of ['serve', 'migrate', 'demo', 'import', 'export']) {
    const result = run([command, '--help']);
    assert.equal(result.status, 0, command);
    assert.match(result.stdout, new RegExp(`knooppunt ${command}`));
  }
});

test('unknown commands, flags and bad values give one line and exit code 2', () => {
  for (const args of [['frobnicate'], ['serve', '--colour', 'blue'], ['serve', '--listen', 'nowhere'],
    ['migrate', '--database', 'mysql://x'], ['export', 'hsds', '--format', 'xml', '--out', '/tmp/x'], ['import'],
    ['serve', '--listen']]) {
    const result = run(args);
    assert.equal(result.status, 2, args.join(' '));
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  }
});

test('serve refuses an unmigrated database with advice', () => {
  const database = freshDatabase();
  const result = run(['serve', '--database', database.url, '--listen', '127.0.0.1:0']);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /knooppunt migrate/);
  database.drop();
});

test("the specification's own examples import, twice without duplicates", () => {
  const database = freshDatabase();
  assert.equal(run(['migrate', '--database', database.url]).status, 0);
  for (let i = 0; i < 2; i++) {
    const csv = run(['import', 'hsds', path.join(hsdsDir, 'examples', 'csv'), '--database', database.url]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /service: 1/);
    const json = run(['import', 'hsds', path.join(hsdsDir, 'examples', 'service_full.json'), '--database', database.url]);
    assert.equal(json.status, 0, json.stderr);
  }
  database.drop();
});

async function everything(url) {
  const out = {};
  for (const list of ['services', 'organizations', 'service_at_locations', 'taxonomy_terms']) {
    const page = await getJson(`${url}/api/${list}?per_page=1000`);
    out[list] = [];
    for (const item of page.body.contents) {
      out[list].push((await getJson(`${url}/api/${list}/${item.id}${list === 'organizations' ? '?full_service=true' : ''}`)).body);
    }
  }
  return out;
}

for (const format of ['json', 'csv']) {
  test(`export as ${format} and import into an empty database gives identical API output`, async () => {
    const source = await startServer();
    const out = tempDir();
    const exported = run(['export', 'hsds', '--format', format, '--out', out, '--database', source.database.url]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.ok(readdirSync(out).length > 0);
    const copy = await startServer({ demo: false });
    const imported = run(['import', 'hsds', out, '--database', copy.database.url]);
    assert.equal(imported.status, 0, imported.stderr);
    const [a, b] = [await everything(source.url), await everything(copy.url)];
    assert.ok(a.services.length >= 400);
    assert.deepEqual(b, a);
    await source.stop();
    await copy.stop();
  });
}
