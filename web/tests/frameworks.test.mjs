// The frameworks screens and the scope: the catalog with its mapping sets and the coverage of
// ISO/IEC 27001:2022 by the 2013 edition; the 2022 requirement tree by keyboard, a requirement's
// mappings, a search with paging; the scope statement edited as admin into a new version, a field
// error shown inline, a stale edit refused with its message, a change that changes nothing, the
// versions and the export.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot,
} from './harness.mjs';

const kIso2022 = 'urn:isms:framework:iso27001-2022';
const kIso2013 = 'urn:isms:framework:iso27001-2013';

let server;
let browser;
let call;

before(async () => {
  ({ server, browser, call } = await openTestbed());
});

after(() => closeTestbed({ server, browser }));

const treeItem = (page, urn) => page.locator(`[role="treeitem"][data-urn="${urn}"]`);
const expanded = (page, urn, open) => page.locator(`[role="treeitem"][data-urn="${urn}"][aria-expanded="${open}"]`).waitFor();
const focusOn = (page, urn) => page.waitForFunction((u) => document.activeElement?.getAttribute('data-urn') === u, urn);
async function rowCount(tree, count) {
  await tree.getByRole('treeitem').nth(count - 1).waitFor();
  await tree.getByRole('treeitem').nth(count).waitFor({ state: 'detached' });
}

test('the catalog lists the frameworks with their counts, the mapping sets and a coverage', async () => {
  const frameworks = (await call('GET', '/api/v1/frameworks')).body.items;
  const iso = frameworks.find((f) => f.urn === kIso2022);
  const mapping = (await call('GET', '/api/v1/mappings')).body.items[0];
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/frameworks' });
  await page.getByRole('heading', { name: 'Frameworks', level: 1 }).waitFor();

  const table = page.getByRole('table', { name: 'Frameworks' });
  assert.equal(await table.locator('tbody tr').count(), frameworks.length);
  const row = table.locator('tbody tr').filter({ has: page.getByRole('link', { name: iso.name, exact: true }) });
  const cells = await row.locator('td').allInnerTexts();
  assert.deepEqual(cells.slice(1).map((c) => c.trim()), [
    iso.version, iso.library.provider, String(iso.counts.nodes), String(iso.counts.assessable), String(iso.counts.new), String(iso.counts.withdrawn),
  ]);
  const sets = page.getByRole('table', { name: 'Mapping sets' });
  await sets.getByRole('cell', { name: mapping.name, exact: true }).waitFor();
  await sets.getByRole('cell', { name: String(mapping.pairs), exact: true }).waitFor();

  // coverage of the 2022 edition by what is met in the 2013 one
  await page.getByLabel('Requirements met in').selectOption(kIso2013);
  await page.getByLabel('Framework to cover').selectOption(kIso2022);
  await page.getByRole('button', { name: 'Show coverage' }).click();
  const coverage = (await call('GET', `/api/v1/mappings/coverage?from=${kIso2013}&to=${kIso2022}`)).body;
  const { summary } = coverage;
  await page.getByRole('status').filter({ hasText: `Of ${summary.requirements} requirements of ${iso.name}, ${summary.full} covered fully` }).waitFor();
  assert.ok(summary.none > 0 && summary.full > 0);
  await page.locator('#coverage-status').filter({ hasText: `of ${summary.requirements}` }).waitFor();
  await checkAccessibility(page, 'the frameworks screen with a coverage');
  await screenshot(page, 'frameworks');

  await page.getByLabel('Show', { exact: true }).selectOption('none');
  await page.locator('#coverage-status').filter({ hasText: `Requirements 1–${Math.min(50, summary.none)} of ${summary.none}` }).waitFor();
  const notCovered = coverage.requirements.filter((r) => r.coverage === 'none').map((r) => r.ref_id);
  const shown = await page.locator('table:has(caption) tbody tr td:first-child strong').allInnerTexts();
  assert.deepEqual(shown, notCovered.slice(0, 50));
  for (const text of await page.locator('table:has(caption) tbody tr td:nth-child(2)').allInnerTexts()) {
    assert.equal(text, 'Not covered');
  }

  // a covered requirement names its path and links to the requirement in its framework
  await page.getByLabel('Show', { exact: true }).selectOption('full');
  const first = coverage.requirements.find((r) => r.coverage === 'full');
  const firstRow = page.locator('table:has(caption) tbody tr').first();
  assert.match(await firstRow.innerText(), new RegExp(`${first.path[0].from.ref_id.replaceAll('.', '\\.')} (equals|is equivalent to|contains) ${first.ref_id.replaceAll('.', '\\.')}`));
  await firstRow.getByRole('link', { name: first.ref_id, exact: true }).click();
  await page.getByRole('heading', { name: iso.name, level: 1 }).waitFor();
  await page.getByRole('heading', { name: `${first.ref_id} ${first.name}`, level: 2 }).waitFor();
  assert.equal(await treeItem(page, first.urn).getAttribute('aria-selected'), 'true');
  await done(page);
});

test('the requirement tree opens by keyboard, shows a requirement with its mappings, and search pages', async () => {
  const framework = (await call('GET', `/api/v1/frameworks/${encodeURIComponent(kIso2022)}`)).body;
  const clause4 = framework.tree.find((n) => n.ref_id === '4');
  const annexTheme = framework.tree.find((n) => n.ref_id === 'A.5');
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/frameworks/${encodeURIComponent(kIso2022)}` });
  await page.getByRole('heading', { name: framework.name, level: 1 }).waitFor();
  const tree = page.getByRole('tree', { name: `Requirements of ${framework.name}` });
  await tree.waitFor();
  await rowCount(tree, framework.tree.length); // the tree opens collapsed

  // Right opens a branch, Down moves into it, Enter selects, Left goes back up and closes it
  await treeItem(page, clause4.urn).focus();
  await expanded(page, clause4.urn, false);
  await page.keyboard.press('ArrowRight');
  await expanded(page, clause4.urn, true);
  await rowCount(tree, framework.tree.length + clause4.children.length);
  await page.keyboard.press('ArrowDown');
  await focusOn(page, clause4.children[0].urn);
  await page.keyboard.press('ArrowDown');
  await focusOn(page, clause4.children[1].urn);
  await page.keyboard.press('Enter');
  const picked = clause4.children[1];
  await page.getByRole('heading', { name: `${picked.ref_id} ${picked.name}`, level: 2 }).waitFor();
  assert.equal(await treeItem(page, picked.urn).getAttribute('aria-selected'), 'true');
  await page.getByText(picked.description).waitFor();
  await page.keyboard.press('ArrowLeft');
  await focusOn(page, clause4.urn);
  await page.keyboard.press('ArrowLeft');
  await expanded(page, clause4.urn, false);
  await rowCount(tree, framework.tree.length);
  await page.keyboard.press('End');
  await focusOn(page, framework.tree.at(-1).urn);
  await page.keyboard.press('Home');
  await focusOn(page, framework.tree[0].urn);

  // an Annex A control and what it maps to in the 2013 edition (the built-in correspondence)
  await treeItem(page, annexTheme.urn).focus();
  await page.keyboard.press('ArrowRight');
  await expanded(page, annexTheme.urn, true);
  const control = annexTheme.children[0];
  await treeItem(page, control.urn).click();
  await page.getByRole('heading', { name: `${control.ref_id} ${control.name}`, level: 2 }).waitFor();
  const mapped = (await call('GET', `/api/v1/mappings/coverage?from=${kIso2022}&to=${kIso2013}&satisfied=${control.urn}&max_hops=1`)).body
    .requirements.filter((r) => r.coverage !== 'none');
  assert.ok(mapped.length > 0);
  const mappings = page.locator('#requirement-mappings li');
  await mappings.first().waitFor();
  assert.equal(await mappings.count(), mapped.length);
  assert.match(await mappings.first().innerText(), new RegExp(`^${control.ref_id} \\w.* ${mapped[0].ref_id.replaceAll('.', '\\.')} ${mapped[0].name}`));

  // search: the server's answer, paged; a result is revealed and selected in the tree
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await rowCount(tree, framework.tree.length);
  await page.getByLabel('Search requirements').fill('cryptograph');
  const found = (await call('GET', `/api/v1/frameworks/${encodeURIComponent(kIso2022)}/requirements?q=cryptograph&limit=20`)).body;
  assert.ok(found.total > 0);
  await page.locator('#results-status').filter({ hasText: `Requirements 1–${found.items.length} of ${found.total}` }).waitFor();
  const hit = found.items.find((r) => r.ref_id === 'A.8.24') ?? found.items[0];
  await page.getByRole('button', { name: `${hit.ref_id} ${hit.name}` }).click();
  await page.getByRole('heading', { name: `${hit.ref_id} ${hit.name}`, level: 2 }).waitFor();
  assert.equal(await treeItem(page, hit.urn).getAttribute('aria-selected'), 'true');
  assert.equal(await treeItem(page, hit.parent).getAttribute('aria-expanded'), 'true');
  await checkAccessibility(page, 'the requirement tree with a search');
  await screenshot(page, 'framework-detail');

  await page.getByLabel('Search requirements').fill('information');
  const many = (await call('GET', `/api/v1/frameworks/${encodeURIComponent(kIso2022)}/requirements?q=information&limit=20&offset=20`)).body;
  assert.ok(many.total > 20);
  await page.locator('#results-status').filter({ hasText: `Requirements 1–20 of ${many.total}` }).waitFor();
  await page.getByRole('button', { name: 'Next page of results' }).click();
  await page.locator('#results-status').filter({ hasText: `Requirements 21–${20 + many.items.length} of ${many.total}` }).waitFor();
  assert.deepEqual(await page.locator('ol.results > li button strong').allInnerTexts(), many.items.map((r) => r.ref_id));
  await page.getByLabel('Part').selectOption('annex-a');
  const annex = (await call('GET', `/api/v1/frameworks/${encodeURIComponent(kIso2022)}/requirements?q=information&group=annex-a&limit=20`)).body;
  await page.locator('#results-status').filter({ hasText: `Requirements 1–${annex.items.length} of ${annex.total}` }).waitFor();
  await done(page);
});

test('the scope: a new version as admin, a field error inline, a stale edit refused, versions and export', async () => {
  const before = (await call('GET', '/api/v1/scope')).body;
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/guide' });
  // the guided start's scope step leads here
  await page.locator('li.guide-step').filter({ has: page.locator('#step-scope') }).getByRole('link').click();
  await page.getByRole('heading', { name: 'Scope of the ISMS', level: 1 }).waitFor();
  assert.match(page.url(), /#\/scope$/);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scope' }).getAttribute('aria-current'), 'page');
  await page.getByText(before.statement).waitFor();
  const versions = page.getByRole('table', { name: 'Versions' });
  assert.equal(await versions.locator('tbody tr').count(), before.version);

  // an exclusion without its reason is refused beside its input, and nothing is stored
  await page.getByRole('button', { name: 'Change the scope' }).click();
  const inScope = page.getByLabel('In scope', { exact: true });
  assert.equal(await inScope.inputValue(), before.in_scope.join('\n'));
  await inScope.fill([...before.in_scope, 'Customer support'].join('\n'));
  await page.getByRole('button', { name: 'Add an exclusion' }).click();
  const n = before.exclusions.length + 1;
  await page.getByLabel(`Excluded ${n}`, { exact: true }).fill('Research lab');
  await page.getByLabel('Why this version').fill('Customer support joins the ISMS');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  const reason = page.getByLabel(`Reason for exclusion ${n}`, { exact: true });
  await page.locator(`[id="exclusions.${n - 1}.reason-error"]`).filter({ hasText: 'must not be blank' }).waitFor();
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  await checkAccessibility(page, 'the scope form with an error');
  assert.equal((await call('GET', '/api/v1/scope')).body.version, before.version, 'a refused change stores nothing');

  await reason.fill('Closed since 2025; no information is processed there.');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByRole('status').filter({ hasText: `Version ${before.version + 1} saved.` }).waitFor();
  const made = (await call('GET', '/api/v1/scope')).body;
  assert.equal(made.version, before.version + 1);
  assert.deepEqual(made.in_scope, [...before.in_scope, 'Customer support']);
  assert.deepEqual(made.exclusions.at(-1), { what: 'Research lab', reason: 'Closed since 2025; no information is processed there.' });
  assert.equal(made.comment, 'Customer support joins the ISMS');
  assert.notEqual(before.approval, null, 'the demo scope is approved');
  assert.equal(made.approval, null, 'a new version starts unapproved');
  await versions.locator('tbody tr').nth(before.version).waitFor();
  assert.match(await versions.locator('tbody tr').first().innerText(), new RegExp(`^${made.version} \\(current\\).*Customer support joins the ISMS`, 's'));
  await page.getByText('Customer support', { exact: true }).waitFor();
  await checkAccessibility(page, 'the scope');
  await screenshot(page, 'scope');

  // someone else writes a version meanwhile: the edit based on the older one is refused
  await page.getByRole('button', { name: 'Change the scope' }).click();
  const theirs = await call('PUT', '/api/v1/scope', { ...made, statement: 'The whole company.', version: undefined, created_at: undefined, created_by: undefined, approval: undefined, comment: 'Board decision' }, { 'If-Match': `"${made.version}"` });
  assert.equal(theirs.status, 200, JSON.stringify(theirs.body));
  await page.getByLabel('Scope statement').fill('The online shop only.');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Someone changed the scope after you opened it' });
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`version ${made.version + 1}, not ${made.version}`));
  const now = (await call('GET', '/api/v1/scope')).body;
  assert.equal(now.version, made.version + 1);
  assert.equal(now.statement, 'The whole company.', 'the stale edit changed nothing');
  await screenshot(page, 'scope-stale');

  // reloaded, the form shows their version; saving it unchanged is refused as empty
  await page.getByRole('button', { name: 'Reload the scope' }).click();
  await page.waitForFunction(() => document.getElementById('scope-statement')?.value === 'The whole company.');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByRole('alert').filter({ hasText: `Nothing to save: the scope statement already says this (version ${now.version})` }).waitFor();
  assert.equal((await call('GET', '/api/v1/scope')).body.version, now.version);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // every version stays readable
  await versions.locator('tbody tr').nth(now.version - 1).waitFor();
  await page.getByRole('button', { name: 'Show version 1' }).click();
  const first = (await call('GET', '/api/v1/scope/versions/1')).body;
  const shown = page.getByRole('region', { name: 'Version 1' });
  await shown.getByText(first.statement).waitFor();
  assert.equal(await shown.locator('dd').first().locator('li').count(), first.in_scope.length);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /The whole company\./);
  assert.match(csv, /Research lab/);
  await done(page);
});
