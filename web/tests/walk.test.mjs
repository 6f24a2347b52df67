// The demo organization walked screen by screen, as a person does after `make run`: every entry
// of the navigation clicked in turn, then every route of `web/src/routes.ts` opened for every
// register `/api/v1/schema` lists (its table, its new-record form, its first record and that
// record's edit form) and for the first risk and framework. Nothing here is a fixed list: a new
// route, register or navigation entry is walked without changing this file. Each screen must
// show a heading, no error banner (`role="alert"`), no failed API request other than the few a
// screen expects, no console error, CSP violation or page error, and no serious axe-core
// finding, and the page must not scroll sideways; each navigation screen is saved as
// `walk-<role>-<name>.png`. An auditor, who may change little, then walks the same navigation
// and must meet no error either, and so does the admin on a 400 px window, through the menu.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  accessibilityViolations, apiSession, done, launchBrowser, logIn, newPage, screenshot, startServer,
} from './harness.mjs';

const kRoutePatterns = [...readFileSync(new URL('../src/routes.ts', import.meta.url), 'utf8')
  .matchAll(/\{ pattern: '([^']+)'/g)].map((m) => m[1]);

// API answers a screen asks for knowing they may be "not found": a risk without a loss model.
const kExpectedFailures = [/^404 GET \/api\/v1\/risks\/[^/]+\/loss-model$/];

const kAuditor = { email: 'walking.auditor@example.com', password: 'a long password for the walk', role: 'auditor' };

let server;
let browser;
let call;
const visited = new Set();

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  call = await apiSession(server, server.admin);
  const member = await call('POST', '/api/v1/members', kAuditor);
  assert.equal(member.status, 201, JSON.stringify(member.body));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page that also records console errors and every API answer of 400 or more. */
async function walkingPage(viewport) {
  const page = await newPage(browser, viewport);
  page.walk = { consoleErrors: [], failedRequests: [], inFlight: 0 };
  page.on('console', (message) => {
    // A failed request is logged by the browser too; the request itself is judged below.
    if (message.type() === 'error' && !/^Failed to load resource/.test(message.text())) {
      page.walk.consoleErrors.push(message.text());
    }
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) page.walk.inFlight += 1;
  });
  const finished = (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) page.walk.inFlight -= 1;
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) {
      page.walk.failedRequests.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
    }
  });
  return page;
}

/** Waits until the screen has its heading, shows no loading marker and has no API call pending. */
async function settle(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  let quiet = 0;
  while (quiet < 3) {
    await page.waitForTimeout(100);
    quiet = page.walk.inFlight === 0 ? quiet + 1 : 0;
  }
}

/**
 * What is wrong with the screen now shown at `hash`, each problem named with the address and
 * heading (an empty list when nothing is); saves it as walk-<shot>.png when `shot` is given.
 */
async function problemsOf(page, hash, { shot } = {}) {
  await settle(page);
  visited.add(hash.split('?')[0]);
  const heading = (await page.locator('main h1').first().textContent()).trim();
  const where = `${hash} ("${heading}")`;
  const problems = [];
  if (heading === '' || heading === 'Page not found') problems.push(`${where}: no screen answers this address`);
  for (const alert of await page.getByRole('alert').allTextContents()) problems.push(`${where}: error banner "${alert.trim()}"`);
  for (const request of page.walk.failedRequests) {
    if (!kExpectedFailures.some((e) => e.test(request))) problems.push(`${where}: API answered ${request}`);
  }
  for (const error of [...page.walk.consoleErrors, ...page.problems]) problems.push(`${where}: ${error}`);
  for (const violation of await accessibilityViolations(page)) problems.push(`${where}: ${violation}`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (sideways > 0) problems.push(`${where}: the page scrolls sideways by ${sideways} px`);
  if (shot !== undefined) await screenshot(page, `walk-${shot}`);
  page.walk.failedRequests = [];
  page.walk.consoleErrors = [];
  page.problems.length = 0;
  return problems;
}

/** The navigation's links a person can see at this window size, in their order. */
async function visibleNavigation(page) {
  const links = [];
  for (const link of await page.locator('header a, nav#nav a').all()) {
    if (await link.isVisible()) {
      links.push({ name: (await link.textContent()).trim(), href: await link.getAttribute('href') });
    }
  }
  return links.filter((l, i) => links.findIndex((o) => o.href === l.href) === i);
}

/**
 * Clicks every navigation entry a person can see in turn (on a narrow window, opening the menu
 * first each time); returns the entries and what was wrong where they lead.
 */
async function walkNavigation(page, role, { narrow = false } = {}) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (narrow) await menu.click();
  await page.locator('nav#nav a[href^="#/registers/"]').first().waitFor();
  const links = await visibleNavigation(page);
  assert.ok(links.length > 10, `only ${links.length} navigation entries`);
  const problems = [];
  for (const { name, href } of links) {
    if (name === '') problems.push(`${href}: a link without a name`);
    const link = () => page.locator(`nav#nav a[href="${href}"], header a[href="${href}"]`).filter({ visible: true }).first();
    if (narrow && (await link().count()) === 0) await menu.click();
    await link().click();
    await page.waitForFunction((h) => location.hash.split('?')[0] === h, href);
    problems.push(...await problemsOf(page, href.slice(1), { shot: `${role}-${href.slice(2).replaceAll('/', '-')}` }));
  }
  return { links, problems };
}

test('every entry of the navigation, clicked as the demo admin', async () => {
  const page = await walkingPage();
  await logIn(page, server, { ...server.admin, path: '/dashboard' });
  const { links, problems } = await walkNavigation(page, 'admin');
  assert.deepEqual(problems, [], 'screens with problems');
  await assertEveryRegisterListed(links);
  await done(page);
});

/** Fails unless the navigation has an entry for every register of the schema. */
async function assertEveryRegisterListed(links) {
  const { registers } = (await call('GET', '/api/v1/schema')).body;
  const missing = registers.filter((r) => !links.some((l) => l.href === `#/registers/${r.name}`));
  assert.deepEqual(missing.map((r) => r.name), [], 'registers without a navigation entry');
}

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
  const page = await walkingPage();
  await logIn(page, server, { ...server.admin, path: '/dashboard' });
  const problems = await problemsOf(page, '/dashboard');
  for (const pattern of kRoutePatterns.filter((p) => p !== '/login')) {
    const addresses = await addressesOf(pattern, registers);
    assert.ok(addresses.length > 0, `${pattern}: the demo has nothing to show there`);
    for (const address of addresses) {
      await page.goto(`${server.url}/#${address}`);
      await page.waitForFunction((h) => location.hash === h, `#${address}`);
      problems.push(...await problemsOf(page, address));
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

test('every entry of the navigation, clicked as an auditor', async () => {
  const page = await walkingPage();
  await logIn(page, server, { ...kAuditor, path: '/dashboard' });
  const { links, problems } = await walkNavigation(page, 'auditor');
  assert.deepEqual(problems, [], 'screens with problems');
  await assertEveryRegisterListed(links);
  await done(page);
});

test('every entry of the navigation on a narrow window, through the menu', async () => {
  const page = await walkingPage({ width: 400, height: 800 });
  await logIn(page, server, { ...server.admin, path: '/dashboard' });
  const { links, problems } = await walkNavigation(page, 'narrow', { narrow: true });
  assert.deepEqual(problems, [], 'screens with problems');
  await assertEveryRegisterListed(links);
  await done(page);
});
