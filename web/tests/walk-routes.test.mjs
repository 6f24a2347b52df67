// Every route of `web/src/routes.ts` opened in the demo organization as its admin: for every
// register `/api/v1/schema` lists its table, its new-record form, its first record and that
// record's edit form, and the first risk and framework. Nothing is listed by hand: a new route
// or register is walked without changing this file, and a route the walk cannot fill in (a
// parameter it does not know) or never reaches fails it. Each screen must pass the checks of
// walk.mjs; every problem of the walk is reported together.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { closeTestbed, done, logIn, openTestbed } from './harness.mjs';
import { problemsOf, walkingPage } from './walk.mjs';

const kRoutePatterns = [...readFileSync(new URL('../src/routes.ts', import.meta.url), 'utf8')
  .matchAll(/\{ pattern: '([^']+)'/g)].map((m) => m[1]);

let server;
let browser;
let call;

before(async () => {
  ({ server, browser, call } = await openTestbed());
});

after(() => closeTestbed({ server, browser }));

/** The first record of a collection of the API, or undefined when it has none. */
async function firstRecord(collection) {
  const answer = await call('GET', `/api/v1/${collection}`);
  assert.equal(answer.status, 200, `GET /api/v1/${collection}: ${JSON.stringify(answer.body)}`);
  return answer.body.items[0];
}

/**
 * Every address a route pattern stands for in the demo: `:register` is each register of the
 * schema, `:id` the first record of the collection named just before it (its id or URN).
 */
async function addressesOf(pattern, registers) {
  let addresses = [''];
  for (const part of pattern.split('/').filter((p) => p !== '')) {
    const next = [];
    for (const address of addresses) {
      if (part === ':register') {
        next.push(...registers.map((r) => `${address}/${r.name}`));
      } else if (part === ':id') {
        const record = await firstRecord(address.split('/').at(-1));
        // A register's record is known by its id, a catalog's framework by its URN.
        if (record !== undefined) next.push(`${address}/${encodeURIComponent(record.id ?? record.urn)}`);
      } else {
        assert.ok(!part.startsWith(':'), `${pattern}: the walk does not know what :${part} stands for`);
        next.push(`${address}/${part}`);
      }
    }
    addresses = next;
  }
  return addresses;
}

test('every route, for every register and the first record of each', async () => {
  const { registers } = (await call('GET', '/api/v1/schema')).body;
  assert.ok(registers.length > 20, `only ${registers.length} registers`);
  const page = await walkingPage(browser);
  await logIn(page, server, { ...server.admin, path: '/dashboard' });
  const visited = new Set(['/dashboard']);
  const problems = await problemsOf(page, '/dashboard');
  for (const pattern of kRoutePatterns.filter((p) => p !== '/login')) {
    const addresses = await addressesOf(pattern, registers);
    assert.ok(addresses.length > 0, `${pattern}: the demo has nothing to show there`);
    for (const address of addresses) {
      await page.goto(`${server.url}/#${address}`);
      await page.waitForFunction((h) => location.hash === h, `#${address}`);
      problems.push(...await problemsOf(page, address));
      visited.add(address);
    }
  }
  await done(page);
  assert.deepEqual(problems, [], 'screens with problems');

  const unvisited = kRoutePatterns.filter((p) => p !== '/login').filter((p) => {
    const match = new RegExp(`^${p.replace(/:[a-z]+/g, '[^/]+')}$`);
    return ![...visited].some((v) => match.test(v));
  });
  assert.deepEqual(unvisited, [], 'routes the walk never reached');
});
