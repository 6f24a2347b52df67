// The walk of the demo's screens shared by walk-navigation.test.mjs and walk-routes.test.mjs: a
// page that records what goes wrong, what is wrong with the screen it shows (a missing heading,
// an error banner, a failed API request other than the few a screen expects, a console error,
// CSP violation or page error, a serious axe-core finding, a sideways scroll of the page), and
// a click through every navigation entry a person can see.
import assert from 'node:assert/strict';
import { accessibilityViolations, newPage, screenshot } from './harness.mjs';

// API answers a screen asks for knowing they may be "not found": a risk without a loss model.
const kExpectedFailures = [/^404 GET \/api\/v1\/risks\/[^/]+\/loss-model$/];

/** A page that also records console errors and every API answer of 400 or more. */
export async function walkingPage(browser, viewport) {
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
export async function problemsOf(page, hash, { shot } = {}) {
  await settle(page);
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
export async function walkNavigation(page, role, { narrow = false } = {}) {
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

/** Fails unless the navigation has an entry for every register of the schema. */
export async function assertEveryRegisterListed(call, links) {
  const { registers } = (await call('GET', '/api/v1/schema')).body;
  const missing = registers.filter((r) => !links.some((l) => l.href === `#/registers/${r.name}`));
  assert.deepEqual(missing.map((r) => r.name), [], 'registers without a navigation entry');
}
