// The generic register screens: table (search, filter, sort, paging), create with a validation
// error first, edit against a stale version, the history tab, CSV export, a narrow window.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot,
} from './harness.mjs';

let server;
let browser;
let call;

before(async () => {
  ({ server, browser, call } = await openTestbed());
  // Enough assets for three pages, half of them primary, a few findable by name.
  for (let i = 1; i <= 120; i += 1) {
    const made = await call('POST', '/api/v1/assets', {
      name: `${i % 10 === 0 ? 'Laptop' : 'Server'} ${String(i).padStart(3, '0')}`,
      kind: i % 2 === 0 ? 'primary' : 'supporting',
      confidentiality: (i % 5) + 1,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
  }
});

after(() => closeTestbed({ server, browser }));

const rows = (page) => page.locator('tbody tr');
const status = (page) => page.locator('#list-status');

test('a register table filters, searches, sorts and pages on the server', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/registers/assets' });
  await page.getByRole('heading', { name: 'Assets' }).waitFor();
  const all = (await call('GET', '/api/v1/assets?limit=1')).body.total;
  await assert.doesNotReject(status(page).filter({ hasText: `Records 1–50 of ${all}` }).waitFor());
  assert.equal(await rows(page).count(), 50);
  await checkAccessibility(page, 'the assets table');
  await screenshot(page, 'register-table');

  // filter: kind = primary
  await page.getByLabel('Kind', { exact: true }).selectOption('primary');
  const primary = (await call('GET', '/api/v1/assets?kind=primary&limit=1')).body.total;
  await status(page).filter({ hasText: `of ${primary}` }).waitFor();
  for (const cell of await page.locator('tbody tr td:nth-child(3)').allInnerTexts()) {
    assert.equal(cell, 'primary');
  }

  // search within the filter
  await page.getByLabel('Search', { exact: true }).fill('laptop');
  const laptops = (await call('GET', '/api/v1/assets?kind=primary&q=laptop&limit=1')).body.total;
  assert.ok(laptops > 0 && laptops < primary);
  await status(page).filter({ hasText: `of ${laptops}` }).waitFor();
  await page.getByLabel('Search', { exact: true }).fill('');
  await status(page).filter({ hasText: `of ${primary}` }).waitFor();

  // sort by name, both ways
  const expectedFirst = async (sort) => (await call('GET', `/api/v1/assets?kind=primary&sort=${sort}&limit=1`)).body.items[0].ref;
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await rows(page).first().getByRole('link', { name: await expectedFirst('name'), exact: true }).waitFor();
  const nameHeader = page.locator('th', { has: page.getByRole('button', { name: 'Name', exact: true }) });
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await rows(page).first().getByRole('link', { name: await expectedFirst('-name'), exact: true }).waitFor();
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');

  // paging
  await page.getByRole('button', { name: 'Next page' }).click();
  await status(page).filter({ hasText: `Records 51–${Math.min(100, primary)} of ${primary}` }).waitFor();
  const second = (await call('GET', '/api/v1/assets?kind=primary&sort=-name&limit=1&offset=50')).body.items[0].ref;
  await rows(page).first().getByRole('link', { name: second, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await status(page).filter({ hasText: `Records 1–50 of ${primary}` }).waitFor();

  // the state is in the address: a reload keeps it
  await page.reload();
  await status(page).filter({ hasText: `Records 1–50 of ${primary}` }).waitFor();
  assert.equal(await page.getByLabel('Kind', { exact: true }).inputValue(), 'primary');
  await done(page);
});

test('create an asset: the API’s validation errors show inline, then it is created', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/registers/assets/new' });
  await page.getByRole('heading', { name: /New record/ }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Payroll database');
  await page.getByLabel('Confidentiality requirement', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Create' }).click();

  const kind = page.getByLabel('Kind', { exact: true });
  await page.locator('#field-kind-error').filter({ hasText: 'is required' }).waitFor();
  assert.equal(await kind.getAttribute('aria-invalid'), 'true');
  await page.locator('#field-confidentiality-error').filter({ hasText: 'must be at least 1 and at most 5' }).waitFor();
  await checkAccessibility(page, 'the form with errors');
  await screenshot(page, 'record-form-errors');
  const before = (await call('GET', '/api/v1/assets?q=Payroll%20database&limit=1')).body.total;
  assert.equal(before, 0, 'a refused create stores nothing');

  await kind.selectOption('primary');
  await page.getByLabel('Confidentiality requirement', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: /AST-\d+ Payroll database/ }).waitFor();
  const made = (await call('GET', '/api/v1/assets?q=Payroll%20database')).body.items;
  assert.equal(made.length, 1);
  assert.equal(made[0].confidentiality, 5);
  assert.equal(made[0].kind, 'primary');
  await done(page);
});

test('an edit based on a stale version is refused with a clear message, then redone', async () => {
  const asset = (await call('POST', '/api/v1/assets', { name: 'Mail gateway', kind: 'supporting' })).body;
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/assets/${asset.id}/edit` });
  await page.getByRole('heading', { name: `Edit ${asset.ref}` }).waitFor();
  await page.getByLabel('Location', { exact: true }).fill('DC1');

  // someone else changes it meanwhile
  const theirs = await call('PATCH', `/api/v1/assets/${asset.id}`, { location: 'DC2' }, { 'If-Match': '"1"' });
  assert.equal(theirs.status, 200);

  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').filter({ hasText: 'Someone changed this record after you opened it' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /version 2, not 1/);
  await screenshot(page, 'record-form-stale');
  assert.equal((await call('GET', `/api/v1/assets/${asset.id}`)).body.location, 'DC2', 'the stale edit changed nothing');

  await page.getByRole('button', { name: 'Reload the record' }).click();
  await page.getByRole('alert').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.getElementById('field-location')?.value === 'DC2');
  assert.equal(await page.getByLabel('Location', { exact: true }).inputValue(), 'DC2');
  await page.getByLabel('Location', { exact: true }).fill('DC3');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { name: new RegExp(`${asset.ref} Mail gateway`) }).waitFor();
  const now = (await call('GET', `/api/v1/assets/${asset.id}`)).body;
  assert.equal(now.location, 'DC3');
  assert.equal(now.version, 3);
  await done(page);
});

test('the history tab reads the record’s ledger events', async () => {
  const asset = (await call('POST', '/api/v1/assets', { name: 'Backup NAS', kind: 'supporting', location: 'Basement' })).body;
  assert.equal((await call('PATCH', `/api/v1/assets/${asset.id}`, { location: 'Second floor' })).status, 200);
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/assets/${asset.id}` });
  await page.getByRole('heading', { name: `${asset.ref} Backup NAS` }).waitFor();
  await page.getByRole('tab', { name: 'Details' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected'), 'true');
  const panel = page.getByRole('tabpanel', { name: 'History' });
  await panel.locator('ol.history > li').nth(1).waitFor();
  const events = (await call('GET', `/api/v1/assets/${asset.id}/history`)).body.items;
  assert.equal(await panel.locator('ol.history > li').count(), events.length);
  const newest = await panel.locator('ol.history > li').first().innerText();
  assert.match(newest, /updated by .*Location: Basement → Second floor/s);
  assert.match(newest, new RegExp(events[events.length - 1].hash.slice(0, 16)));
  await checkAccessibility(page, 'the history tab');
  await screenshot(page, 'record-history');
  await done(page);
});

test('the export button downloads the filtered register as CSV', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/registers/assets?kind=primary&q=laptop' });
  await status(page).filter({ hasText: 'Records 1–' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'assets.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.match(lines[0], /^ref,id,name,/);
  const expected = (await call('GET', '/api/v1/assets?kind=primary&q=laptop')).body.total;
  assert.equal(lines.length - 1, expected);
  assert.ok(lines.slice(1).every((l) => /Laptop/.test(l) && /,primary,/.test(l)));

  await page.goto(`${server.url}/#/registers/risks`);
  await page.getByRole('heading', { name: 'Risks' }).waitFor();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export XLSX' }).click()]);
  const bytes = readFileSync(await xlsx.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an XLSX file is a zip');
  await done(page);
});

test('a narrow window: the menu opens, the table scrolls inside its frame, no layout shift', async () => {
  const page = await newPage(browser, { width: 400, height: 800 });
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
          window.layoutShift += entry.value;
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await logIn(page, server, { ...server.admin, path: '/registers/assets' });
  await status(page).filter({ hasText: 'Records 1–50' }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 400, `the page is ${width} px wide`);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  await screenshot(page, 'narrow-register-table');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risks' }).click();
  await page.getByRole('heading', { name: 'Risks' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false, 'the menu closes on navigation');
  const shift = await page.evaluate(() => window.layoutShift);
  assert.ok(shift < 0.1, `cumulative layout shift ${shift}`);
  await checkAccessibility(page, 'the narrow layout');
  await done(page);
});
