// Every endpoint of the HSDS API, on the demo data, validates against the HSDS 3.0 OpenAPI
// document with openapi-examples-validator -n (unknown properties are errors too).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { getJson, hsdsDir, root, startServer, tempDir } from './knooppunt.mjs';

const validator = path.join(root, 'node_modules', '.bin', 'openapi-examples-validator');
const openapi = path.join(hsdsDir, 'schema', 'openapi.local.json');
const schemaPath = (p) => `$.paths.${p}.get.responses.200.content.application/json.schema`;
const pageFields = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// Runs the validator on {schema path: [files]}; returns its exit status and output.
function validate(mapping) {
  const dir = tempDir();
  const mapFile = path.join(dir, 'map.json');
  writeFileSync(mapFile, JSON.stringify(mapping));
  const result = spawnSync(validator, ['-n', '-m', mapFile, openapi], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

async function collect() {
  const api = `${server.url}/api`;
  const first = async (list) => (await getJson(`${api}/${list}?per_page=1`)).body.contents[0].id;
  const ids = {
    services: await first('services'),
    organizations: await first('organizations'),
    service_at_locations: await first('service_at_locations'),
    taxonomies: await first('taxonomies'),
    taxonomy_terms: await first('taxonomy_terms'),
  };
  const targets = {
    '/': ['/'],
    '/services': ['/services', '/services?page=2&per_page=7', '/services?minimal=true',
      '/services?lang=ar&per_page=20', '/services?search=voedsel'],
    '/services/{id}': [`/services/${ids.services}`, `/services/${ids.services}?lang=en`],
    '/organizations': ['/organizations', '/organizations?search=kerk'],
    '/organizations/{id}': [`/organizations/${ids.organizations}`, `/organizations/${ids.organizations}?full_service=true`],
    '/service_at_locations': ['/service_at_locations'],
    '/taxonomies': ['/taxonomies'],
    '/taxonomies/{id}': [`/taxonomies/${ids.taxonomies}`],
    '/taxonomy_terms': ['/taxonomy_terms?per_page=1000', '/taxonomy_terms?top_only=true&lang=ti'],
    '/taxonomy_terms/{id}': [`/taxonomy_terms/${ids.taxonomy_terms}`],
  };
  const dir = tempDir();
  const mapping = {};
  let n = 0;
  for (const [p, urls] of Object.entries(targets)) {
    mapping[schemaPath(p)] = [];
    for (const url of urls) {
      const response = await getJson(`${api}${url}`);
      assert.equal(response.status, 200, url);
      if (p !== '/' && !p.endsWith('{id}')) {
        for (const field of pageFields) assert.ok(field in response.body, `${url} lacks ${field}`);
        assert.ok(response.body.contents.length > 0, `${url} is empty`);
      }
      const file = path.join(dir, `response-${n++}.json`);
      writeFileSync(file, response.text);
      mapping[schemaPath(p)].push(file);
    }
  }
  // With full=true a list holds fully nested objects, which the list schema (rightly, with -n)
  // does not describe: each item must then be what the item endpoint returns.
  for (const [list, item] of [['/services?full=true&per_page=5', '/services/{id}'],
    ['/organizations?full=true&per_page=3', '/organizations/{id}'],
    ['/organizations?full=true&full_service=true&per_page=2', '/organizations/{id}']]) {
    const page = await getJson(`${api}${list}`);
    assert.ok(page.body.size > 0, list);
    for (const each of page.body.contents) {
      const file = path.join(dir, `response-${n++}.json`);
      writeFileSync(file, JSON.stringify(each));
      mapping[schemaPath(item)].push(file);
    }
  }
  const sal = await getJson(`${api}/service_at_locations/${ids.service_at_locations}`);
  const fullSal = await getJson(`${api}/service_at_locations?full=true&per_page=5`);
  return { mapping, sals: [sal.body, ...fullSal.body.contents], salStatus: sal.status };
}

test('every HSDS endpoint validates against the HSDS 3.0 OpenAPI document', async () => {
  const { mapping, sals, salStatus } = await collect();
  const result = validate(mapping);
  assert.equal(result.status, 0, result.output);

  // The specification points /service_at_locations/{id} at the service schema by mistake
  // (shared/hsds-3.0/README.md): check it against the compiled service_at_location schema.
  assert.equal(salStatus, 200);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(path.join(hsdsDir, 'schema', 'compiled', 'service_at_location.json'), 'utf8'));
  for (const sal of sals) {
    assert.ok(ajv.validate(schema, sal), JSON.stringify(ajv.errors));
    assert.ok(sal.location && sal.service, 'a service_at_location carries its location and service');
  }
});

test('the validator really rejects a misspelt field (the check can fail)', async () => {
  const service = await getJson(`${server.url}/api/services?per_page=1`);
  const broken = { ...service.body.contents[0], nmae: 'typo' };
  const file = path.join(tempDir(), 'broken.json');
  writeFileSync(file, JSON.stringify({ ...service.body, contents: [broken] }));
  const result = validate({ [schemaPath('/services')]: [file] });
  assert.notEqual(result.status, 0);
});

test('the demo map is big enough and multilingual', async () => {
  const services = await getJson(`${server.url}/api/services?per_page=1`);
  const organizations = await getJson(`${server.url}/api/organizations?per_page=1`);
  assert.ok(services.body.total_items >= 400, `${services.body.total_items} services`);
  assert.ok(organizations.body.total_items >= 150, `${organizations.body.total_items} organisations`);
});
