// The same program on PostgreSQL: migrate, demo and serve give the same social map as SQLite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getJson, startServer } from './knooppunt.mjs';

test('the demo served from PostgreSQL equals the demo served from SQLite',
  { skip: !process.env.KNOOPPUNT_TEST_POSTGRESQL && 'KNOOPPUNT_TEST_POSTGRESQL is not set' }, async () => {
    const [pg, lite] = [await startServer({ backend: 'postgresql' }), await startServer()];
    for (const target of ['/api/services?per_page=1000', '/api/organizations?per_page=1000',
      '/api/service_at_locations?per_page=1000&search=taal', '/api/taxonomy_terms?top_only=true']) {
      const [a, b] = [await getJson(pg.url + target), await getJson(lite.url + target)];
      assert.equal(a.status, 200, target);
      assert.deepEqual(a.body, b.body, target);
    }
    const id = (await getJson(`${lite.url}/api/services?per_page=1`)).body.contents[0].id;
    assert.deepEqual((await getJson(`${pg.url}/api/services/${id}`)).body, (await getJson(`${lite.url}/api/services/${id}`)).body);
    assert.equal((await fetch(`${pg.url}/readyz`)).status, 200);
    await pg.stop();
    await lite.stop();
  });
