// Search over real HTTP: the engine answers HSDS `search` and the extension parameters, bad
// values are 400s naming the parameter, and an import by another process is findable without a
// restart. Runs on SQLite, and on PostgreSQL when the test command provides a server.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { getJson, run, startServer, tempDir } from './knooppunt.mjs';

const backends = ['sqlite', ...(process.env.KNOOPPUNT_TEST_POSTGRESQL ? ['postgresql'] : [])];

async function eventually(check, what) {
  for (let i = 0; i < 200; i++) {  // bounded wait for the server's follower, not a timing test
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what} did not happen within 10 s`);
}

for (const backend of backends) {
  test(`search finds demo services the way people type (${backend})`, async () => {
    const server = await startServer({ backend });
    try {
      const plain = await getJson(`${server.url}/api/services?search=voedselbank`);
      assert.equal(plain.status, 200);
      assert.ok(plain.body.total_items > 0);
      assert.ok(plain.body.contents.some((s) => /voedselbank/i.test(s.name)));

      const typo = await getJson(`${server.url}/api/services?search=voedselbnak`);
      assert.equal(typo.body.did_you_mean, 'voedselbank');
      assert.equal(typo.body.total_items, plain.body.total_items);

      const arabic = await getJson(`${server.url}/api/services?search=${encodeURIComponent('الطعام')}&lang=ar`);
      assert.ok(arabic.body.total_items > 0, 'Arabic label of the need "voedsel"');

      const near = await getJson(`${server.url}/api/services?near=53.2194,6.5665&radius_km=15&sort=distance&per_page=5`);
      assert.ok(near.body.total_items > 0, 'services around Groningen');

      const none = await getJson(`${server.url}/api/services?search=xylofoonreparatie`);
      assert.equal(none.status, 200);
      assert.equal(none.body.empty, true);
      assert.equal(none.body.total_items, 0);

      const suggest = await getJson(`${server.url}/api/search/suggest?q=voedsel`);
      assert.ok(suggest.body.suggestions.includes('voedselbank'), suggest.text);

      const facets = await getJson(`${server.url}/api/search/facets?search=taal`);
      assert.ok(facets.body.total_items > 0);
      assert.ok(facets.body.cities.length > 0);
    } finally {
      await server.stop();
    }
  });
}

test('impossible search values are 400s naming the parameter', async () => {
  const server = await startServer();
  try {
    for (const [query, parameter] of [
      ['near=abc', 'near'], ['near=95,5', 'near'], ['near=53,6&radius_km=-2', 'radius_km'],
      ['open_at=maandag', 'open_at'], ['sort=random', 'sort'], ['age=-4', 'age'],
      ['language=%00', 'language'], ['kind=castle', 'kind'], ['search=%FF%FE', 'search']]) {
      const answer = await getJson(`${server.url}/api/services?${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.body.error.parameter, parameter, `${query}: ${answer.text}`);
    }
    assert.equal((await getJson(`${server.url}/api/services?search=voedselbank`)).status, 200, 'still up');
  } finally {
    await server.stop();
  }
});

test('an import while the server runs is findable without a restart', async () => {
  const server = await startServer({ demo: false });
  try {
    const before = await getJson(`${server.url}/api/services?search=fietsenmakerij`);
    assert.equal(before.body.total_items, 0);
    const dir = tempDir();
    const file = path.join(dir, 'service.json');
    writeFileSync(file, JSON.stringify({
      id: 'a0c7f3e2-5d4b-4c8a-9e1f-2b3c4d5e6f70',
      name: 'Fietsenmakerij De Spaak',
      description: 'Samen je fiets repareren.',
      status: 'active',
      organization: {
        id: 'b1d8e4f3-6e5c-4d9b-8f20-3c4d5e6f7081',
        name: 'Stichting De Spaak',
        description: 'Fietsen voor nieuwkomers.',
      },
    }));
    const imported = run(['import', 'hsds', file, '--database', server.database.url, '--config', server.configFile]);
    assert.equal(imported.status, 0, imported.stderr);
    await eventually(async () => {
      const page = await getJson(`${server.url}/api/services?search=fietsenmakerij`);
      return page.body.total_items === 1;
    }, 'the imported service being found');
    const organizations = await getJson(`${server.url}/api/organizations?search=spaak`);
    assert.equal(organizations.body.total_items, 1);
  } finally {
    await server.stop();
  }
});
