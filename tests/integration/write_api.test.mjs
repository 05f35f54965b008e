// The JSON write API over real HTTP, end to end: an organisation admin made with the command line
// signs in, makes an API key on the organisation's page, and with that key creates a location
// with an address, its opening hours and a service offered there; the records read back through
// GET as HSDS 3.0 describes them, and the service is found by the location's city at once.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { getJson, hsdsDir, run, startServer } from './knooppunt.mjs';

const kPassword = 'Fietsbel-Zonnebloem-42';
// A city no demo address is in, so that finding the service there proves the new link.
const kCity = 'Schiermonnikoog';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// A browser's cookie jar over fetch, without following redirects.
class Browser {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  async request(method, target, { headers = {}, body } = {}) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(target, this.base), {
      method, body, redirect: 'manual', headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /;\s*Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  // Posts a form with the csrf field of the jar.
  post(target, fields) {
    const form = new URLSearchParams({ csrf: this.cookies.get('csrf') ?? '', ...fields });
    return this.request('POST', target, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString(),
    });
  }
}

// An API key of `organization`, made as its admins make one: on the organisation's page.
async function apiKeyOf(organization, name) {
  const email = `${name}.${process.pid}@voorbeeld.nl`;
  const added = run(['user', 'add', '--email', email, '--role', 'organization-admin', '--org', organization,
    '--password-stdin', '--database', server.database.url], { input: `${kPassword}\n` });
  assert.equal(added.status, 0, added.stderr);
  const browser = new Browser(server.url);
  assert.equal((await browser.request('GET', '/inloggen')).status, 200);
  const signedIn = await browser.post('/inloggen', { email, password: kPassword });
  assert.equal(signedIn.status, 303, signedIn.text);
  assert.equal((await browser.request('GET', `/organisatie/${organization}/sleutels`)).status, 200);
  const made = await browser.post(`/organisatie/${organization}/sleutels`, { naam: 'koppeling' });
  assert.equal(made.status, 200, made.text);
  const key = made.text.match(/<code dir="ltr" translate="no">([^<]+)<\/code>/)?.[1];
  assert.ok(key, 'the page shows the new key once');
  return key;
}

// Sends JSON with the key; returns { status, headers, body }.
async function send(method, target, key, body) {
  const response = await fetch(`${server.url}${target}`, {
    method,
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

// HSDS 3.0's schemas (schema/*.json, relative $refs) in ajv, with unknown properties refused as
// openapi-examples-validator -n refuses them.
function hsdsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const closed = (schema) => {
    if (Array.isArray(schema)) return schema.map(closed);
    if (schema === null || typeof schema !== 'object') return schema;
    const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, closed(v)]));
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  };
  const dir = path.join(hsdsDir, 'schema');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('openapi'))) {
    const schema = closed(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    delete schema.$id;
    ajv.addSchema(schema, file);
  }
  return (file, value) => {
    const ok = ajv.validate(file, value);
    return ok ? '' : JSON.stringify(ajv.errors);
  };
}

test('an organisation API key creates a location, its hours and a service there; search finds it by city', async () => {
  const api = '/api';
  // An organisation of the demo with a service, and another organisation.
  const services = await getJson(`${server.url}${api}/services?per_page=1`);
  const service = services.body.contents[0];
  const organization = service.organization_id;
  const organizations = await getJson(`${server.url}${api}/organizations?per_page=2`);
  const other = organizations.body.contents.map((o) => o.id).find((id) => id !== organization);
  assert.ok(organization && other);
  const key = await apiKeyOf(organization, 'sleutelbeheer');

  const location = await send('POST', `${api}/locations`, key, {
    organization_id: organization, location_type: 'physical', name: 'Inloophuis Het Wad',
    latitude: 53.4806, longitude: 6.1553,
  });
  assert.equal(location.status, 201, JSON.stringify(location.body));
  const locationId = location.body.id;
  assert.equal(location.headers.get('location'), `/api/locations/${locationId}`);

  const address = await send('POST', `${api}/addresses`, key, {
    location_id: locationId, address_1: 'Badweg 1', city: kCity, state_province: 'Friesland',
    postal_code: '9166 LH', country: 'NL', address_type: 'physical',
  });
  assert.equal(address.status, 201, JSON.stringify(address.body));
  const schedule = await send('POST', `${api}/schedules`, key, {
    location_id: locationId, freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '12:00',
  });
  assert.equal(schedule.status, 201, JSON.stringify(schedule.body));
  assert.equal(schedule.headers.get('location'), `/api/schedules/${schedule.body.id}`);
  const link = await send('POST', `${api}/service_at_locations`, key, { service_id: service.id, location_id: locationId });
  assert.equal(link.status, 201, JSON.stringify(link.body));

  // Read back, as HSDS 3.0 describes each record.
  const valid = hsdsValidator();
  const read = await getJson(`${server.url}${api}/locations/${locationId}`);
  assert.equal(read.status, 200);
  assert.equal(valid('location.json', read.body), '');
  assert.equal(read.body.name, 'Inloophuis Het Wad');
  assert.equal(read.body.addresses[0].city, kCity);
  assert.equal(read.body.schedules[0].byday, 'MO,WE');
  assert.ok(read.body.metadata.some((row) => row.field_name === 'name' && row.last_action_type === 'create'),
    'the change is in the HSDS metadata');
  const hours = await getJson(`${server.url}${api}/schedules/${schedule.body.id}`);
  assert.equal(hours.status, 200);
  assert.equal(valid('schedule.json', hours.body), '');
  assert.equal(hours.body.opens_at, '09:00');
  const sal = await getJson(`${server.url}${api}/service_at_locations/${link.body.id}`);
  assert.equal(sal.status, 200);
  assert.equal(sal.body.location.id, locationId);
  assert.equal(sal.body.service.id, service.id);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const salSchema = JSON.parse(readFileSync(path.join(hsdsDir, 'schema', 'compiled', 'service_at_location.json'), 'utf8'));
  assert.ok(ajv.validate(salSchema, sal.body), JSON.stringify(ajv.errors));
  const list = await getJson(`${server.url}${api}/locations?organization_id=${organization}&per_page=1000`);
  assert.equal(list.status, 200);
  assert.ok(list.body.contents.some((item) => item.id === locationId));
  for (const item of list.body.contents) assert.equal(valid('location.json', item), '');

  // Search knows the new place at once.
  const found = await getJson(`${server.url}${api}/services?city=${encodeURIComponent(kCity)}`);
  assert.equal(found.status, 200);
  assert.deepEqual(found.body.contents.map((s) => s.id), [service.id]);

  // Moving the location changes where the service is found, also at once.
  const moved = await send('PATCH', `${api}/addresses/${address.body.id}`, key, { city: 'Vlieland' });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal((await getJson(`${server.url}${api}/services?city=Vlieland`)).body.total_items, 1);
  assert.equal((await getJson(`${server.url}${api}/services?city=${kCity}`)).body.total_items, 0);

  // The key writes its own organisation only, and nobody writes without one.
  const foreign = await send('POST', `${api}/locations`, key, { organization_id: other, location_type: 'physical' });
  assert.equal(foreign.status, 403);
  const moveAway = await send('PATCH', `${api}/locations/${locationId}`, key, { organization_id: other });
  assert.equal(moveAway.status, 403);
  const anonymous = await send('PATCH', `${api}/locations/${locationId}`, null, { name: 'X' });
  assert.equal(anonymous.status, 401);
  const unknownField = await send('PATCH', `${api}/schedules/${schedule.body.id}`, key, { opens: '10:00' });
  assert.equal(unknownField.status, 400);
  assert.equal(unknownField.body.error.parameter, 'opens');

  // Unlinking and deleting.
  assert.equal((await send('DELETE', `${api}/service_at_locations/${link.body.id}`, key)).status, 204);
  assert.equal((await getJson(`${server.url}${api}/services?city=Vlieland`)).body.total_items, 0);
  assert.equal((await send('DELETE', `${api}/locations/${locationId}`, key)).status, 204);
  assert.equal((await getJson(`${server.url}${api}/locations/${locationId}`)).status, 404);
  assert.equal((await getJson(`${server.url}${api}/schedules/${schedule.body.id}`)).status, 404, 'its hours went with it');
});
