// Monitoring, incidents and reminders on the demo organization: a metric's trend chart and its
// table against the API, a measurement recorded by hand from the metric, "Compute now" adding a
// measurement and its 409 shown once the metric is measured by hand; an incident raised as a
// nonconformity (and the 409 of one raised meanwhile, linked), lessons learned raised as a risk;
// the reminders screen and the header's count against the API, another horizon, mark read and
// dismiss, and in the menu of a narrow window.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot,
} from './harness.mjs';

let server;
let browser;
let call;

const ok = async (method, path, body) => {
  const answer = await call(method, path, body);
  assert.ok(answer.status >= 200 && answer.status < 300, `${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};

const metricNamed = async (predicate) => {
  const metric = (await ok('GET', '/api/v1/metrics?limit=100')).items.find(predicate);
  assert.ok(metric, 'the demo metric');
  return metric;
};

/** The text of every cell of a table's body, row by row. */
const cells = (table) =>
  table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.innerText.trim())));

before(async () => {
  ({ server, browser, call } = await openTestbed());
});

after(() => closeTestbed({ server, browser }));

test("a metric's trend: the chart with its target and breaches, the table as the API, a measurement recorded by hand", async () => {
  const metric = await metricNamed((m) => m.name === 'Phishing simulation click rate');
  const trend = await ok('GET', `/api/v1/metrics/${metric.id}/trend`);
  assert.ok(trend.series.length >= 12 && trend.breaches.length > 0, 'the demo series has breaches');
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/metrics/${metric.id}` });
  await page.getByRole('heading', { name: 'Trend and breaches' }).waitFor();

  // the table: one row per measurement, oldest first, with the API's figures
  const table = page.getByRole('table', { name: `Measurements of ${metric.ref}` });
  await table.waitFor();
  const rows = await cells(table);
  assert.equal(rows.length, trend.series.length);
  trend.series.forEach((m, i) => {
    const [ref, on, value, target, breach, source] = rows[i];
    assert.equal(ref, m.ref);
    assert.equal(on, m.measured_on);
    assert.ok(Math.abs(parseFloat(value) - m.value) < 0.005, `${m.ref}: ${value} ≠ ${m.value}`);
    assert.equal(parseFloat(target), m.target);
    assert.equal(breach, m.breach ? 'breached' : '—');
    assert.equal(source, m.source);
  });
  assert.equal(await table.locator('tr.breach').count(), trend.breaches.length);
  const summary = await page.locator('#trend-summary').innerText();
  assert.match(summary, new RegExp(`Latest ${trend.trend.latest} %`));
  assert.match(summary, trend.status === 'on_target' ? /on target \(at most 8 %\)/ : /target breached/);
  assert.match(summary, new RegExp(`Trend: ${trend.trend.direction}`));
  assert.match(summary, new RegExp(`${trend.breaches.length} of ${trend.series.length} measurement`));

  // the chart (a lazily loaded chunk): the values' line, the dashed target with its label, a
  // diamond per breach
  const chart = page.getByRole('img', { name: new RegExp(`^Trend of ${metric.ref}: ${trend.series.length} measurements, target at most 8 %, ${trend.breaches.length} breach`) });
  await chart.locator('svg').waitFor();
  await chart.locator('svg text', { hasText: 'Target at most 8 %' }).waitFor();
  assert.ok((await chart.locator('svg path').count()) > trend.breaches.length, 'the chart drew its lines and symbols');
  await checkAccessibility(page, "a metric's trend");
  await screenshot(page, 'metric-trend');

  // a manual metric offers the measurement form, pre-filled with the metric and today
  assert.equal(await page.getByRole('button', { name: 'Compute now' }).count(), 0);
  await page.getByRole('link', { name: 'Record a measurement' }).click();
  await page.getByRole('heading', { name: /New record/ }).waitFor();
  assert.equal(await page.getByLabel('Metric', { exact: true }).inputValue(), String(metric.id));
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(await page.getByLabel('Measured on', { exact: true }).inputValue(), today);
  await page.getByLabel('Value', { exact: true }).fill('9.5');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: /^MSR-\d+/ }).waitFor();
  const after = await ok('GET', `/api/v1/metrics/${metric.id}/trend`);
  assert.equal(after.series.length, trend.series.length + 1);
  const added = after.series.at(-1);
  assert.deepEqual([added.measured_on, added.value, added.breach, added.source], [today, 9.5, true, 'manual']);
  await page.goto(`${server.url}/#/registers/metrics/${metric.id}`);
  await table.locator('tbody tr').nth(trend.series.length).waitFor();
  assert.match(await page.locator('#trend-summary').innerText(), /target breached/);
  await done(page);
});

test('"Compute now" adds a measurement of an automatic metric; a metric measured by hand meanwhile is refused with the reason', async () => {
  const metric = await metricNamed((m) => m.automatic === 'overdue_treatment_actions');
  const before = await ok('GET', `/api/v1/metrics/${metric.id}/trend`);
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/metrics/${metric.id}` });
  const table = page.getByRole('table', { name: `Measurements of ${metric.ref}` });
  await table.locator('tbody tr').nth(before.series.length - 1).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Record a measurement' }).count(), 0);
  await page.getByRole('button', { name: 'Compute now' }).click();
  const notice = page.getByRole('status').filter({ hasText: /^Computed / });
  await notice.waitFor();
  await table.locator('tbody tr').nth(before.series.length).waitFor();
  const after = await ok('GET', `/api/v1/metrics/${metric.id}/trend`);
  assert.equal(after.series.length, before.series.length + 1);
  const computed = after.series.at(-1);
  assert.equal(computed.source, 'automatic');
  assert.equal(await notice.getByRole('link', { name: computed.ref }).getAttribute('href'), `#/registers/measurements/${computed.id}`);
  assert.deepEqual((await cells(table)).at(-1).slice(0, 3), [computed.ref, computed.measured_on, `${computed.value} count`]);

  // someone makes another automatic metric a manual one while its page is open: the 409 is shown
  const other = await metricNamed((m) => m.automatic === 'training_completion');
  const otherBefore = await ok('GET', `/api/v1/metrics/${other.id}/trend`);
  await page.goto(`${server.url}/#/registers/metrics/${other.id}`);
  await page.getByRole('button', { name: 'Compute now' }).waitFor();
  await ok('PATCH', `/api/v1/metrics/${other.id}`, { automatic: null });
  await page.getByRole('button', { name: 'Compute now' }).click();
  await page.locator('#compute-refusal').getByText(`Not possible in this state (409): ${other.ref} is measured by hand`).waitFor();
  assert.equal((await ok('GET', `/api/v1/metrics/${other.id}/trend`)).series.length, otherBefore.series.length);
  await done(page);
});

test('an incident raised as a nonconformity, one raised meanwhile linked after the 409, lessons learned raised as a risk', async () => {
  const incidents = (await ok('GET', '/api/v1/incidents?limit=100')).items;
  const laptop = incidents.find((i) => i.title === 'Laptop left on a train');
  assert.ok(laptop, 'the demo incident');
  assert.equal((await ok('GET', `/api/v1/nonconformities?incident=${laptop.id}`)).total, 0);
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/incidents/${laptop.id}` });
  await page.getByRole('heading', { name: 'Nonconformity (10.2)' }).waitFor();
  // no lessons learned yet: the risk cannot be raised, the edit form is offered
  await page.getByText('No lessons learned recorded yet: record them to raise them as a risk.').waitFor();
  await page.getByLabel('Classification', { exact: true }).selectOption('minor');
  await page.getByRole('button', { name: 'Raise as nonconformity' }).click();
  const link = page.locator('#incident-nc').getByRole('link');
  await link.waitFor();
  const raised = (await ok('GET', `/api/v1/nonconformities?incident=${laptop.id}`)).items;
  assert.equal(raised.length, 1);
  assert.deepEqual([raised[0].source, raised[0].classification, raised[0].status], ['incident', 'minor', 'open']);
  assert.equal(raised[0].title, `Incident ${laptop.ref}: Laptop left on a train`);
  assert.equal(await link.getAttribute('href'), `#/registers/nonconformities/${raised[0].id}`);
  assert.match(await link.innerText(), new RegExp(`^${raised[0].ref} `));
  await checkAccessibility(page, "an incident's follow-up");
  await screenshot(page, 'incident');

  // an incident raised by someone else while the page is open: the 409 names it, the page links it
  const fresh = await ok('POST', '/api/v1/incidents', {
    title: 'Visitor badge not returned',
    severity: 'low',
    status: 'reported',
    detected_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    lessons_learned: 'Collect badges at the reception desk before visitors leave.',
  });
  await page.goto(`${server.url}/#/registers/incidents/${fresh.id}`);
  await page.getByRole('button', { name: 'Raise as nonconformity' }).waitFor();
  const elsewhere = (await ok('POST', `/api/v1/incidents/${fresh.id}/nonconformity`)).nonconformity;
  await page.getByRole('button', { name: 'Raise as nonconformity' }).click();
  await page.locator('#nc-refusal').getByText(`Not possible in this state (409): incident: ${fresh.ref} was already raised as ${elsewhere.ref}`).waitFor();
  assert.equal(await page.locator('#incident-nc').getByRole('link').getAttribute('href'), `#/registers/nonconformities/${elsewhere.id}`);
  assert.equal((await ok('GET', `/api/v1/nonconformities?incident=${fresh.id}`)).total, 1);

  // its lessons learned become a linked risk
  await page.getByRole('button', { name: 'Raise the lessons learned as a risk' }).click();
  const riskLink = page.getByRole('status').filter({ hasText: 'The lessons learned are now risk' }).getByRole('link');
  await riskLink.waitFor();
  const incident = await ok('GET', `/api/v1/incidents/${fresh.id}`);
  assert.equal(incident.risks.length, 1);
  const risk = await ok('GET', `/api/v1/risks/${incident.risks[0]}`);
  assert.equal(risk.title, `Lessons from ${fresh.ref}: Visitor badge not returned`);
  assert.equal(await riskLink.getAttribute('href'), `#/risks/${risk.id}`);
  await done(page);
});

test('the reminders: the header count and the list as the API, another horizon, mark read, dismiss', async () => {
  const list = await ok('GET', '/api/v1/notifications');
  assert.ok(list.items.length >= 2, 'the demo admin has reminders');
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/dashboard' });
  // the dashboard's overdue panel leads to the reminders; the header shows the unread count
  await page.getByRole('link', { name: 'Your reminders' }).click();
  await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
  await page.getByRole('link', { name: `Reminders (${list.unread})`, exact: true }).waitFor();
  const table = page.getByRole('table', { name: 'Your reminders' });
  await table.waitFor();
  const shown = async () => (await cells(table)).map(([due, what, record]) => [due, what, record]);
  assert.deepEqual(await shown(), list.items.map((r) => [r.due, r.what, `${r.ref} ${r.title}`]));
  assert.equal(await page.getByLabel('Due within').inputValue(), String(list.days));
  assert.match(await page.locator('#reminders-summary').innerText(), new RegExp(`${list.overdue} overdue, ${list.items.length - list.overdue} due within ${list.days} days, ${list.unread} unread`));
  const first = list.items[0];
  const href = first.register === 'risks' ? `#/risks/${first.record}` : `#/registers/${first.register}/${first.record}`;
  assert.equal(await table.getByRole('link', { name: `${first.ref} ${first.title}` }).first().getAttribute('href'), href);

  // a longer horizon lists what the API lists for it, and stays in the address
  await page.getByLabel('Due within').selectOption('90');
  const longer = await ok('GET', '/api/v1/notifications?days=90');
  assert.ok(longer.items.length > list.items.length, 'more falls due within 90 days');
  await table.locator('tbody tr').nth(longer.items.length - 1).waitFor();
  assert.deepEqual(await shown(), longer.items.map((r) => [r.due, r.what, `${r.ref} ${r.title}`]));
  assert.match(page.url(), /#\/notifications\?days=90$/);
  await checkAccessibility(page, 'the reminders');
  await screenshot(page, 'reminders');

  // mark one read: the API has it read, the header count drops
  const [read, dismissed] = longer.items.filter((r) => !r.read);
  await page.getByRole('button', { name: `Mark read: ${read.ref} ${read.what}` }).click();
  await page.getByRole('status').getByText(`${read.ref} ${read.what}: marked read.`).waitFor();
  await page.getByRole('link', { name: `Reminders (${list.unread - (list.items.some((r) => r.id === read.id) ? 1 : 0)})`, exact: true }).waitFor();
  assert.equal((await ok('GET', '/api/v1/notifications?days=90')).items.find((r) => r.id === read.id).read, true);
  assert.equal(await page.getByRole('button', { name: `Mark read: ${read.ref} ${read.what}` }).count(), 0);

  // dismiss another: it leaves the list here and in the API, and is shown again on request
  await page.getByRole('button', { name: `Dismiss: ${dismissed.ref} ${dismissed.what}` }).click();
  await page.getByRole('status').getByText(`${dismissed.ref} ${dismissed.what}: dismissed.`).waitFor();
  await table.locator('tbody tr').nth(longer.items.length - 2).waitFor();
  assert.equal(await table.locator('tbody tr').count(), longer.items.length - 1);
  const remaining = await ok('GET', '/api/v1/notifications?days=90');
  assert.equal(remaining.items.some((r) => r.id === dismissed.id), false);
  assert.deepEqual(await shown(), remaining.items.map((r) => [r.due, r.what, `${r.ref} ${r.title}`]));
  await page.getByLabel('Show dismissed').check();
  await table.getByRole('row', { name: new RegExp(`${dismissed.ref} .*dismissed`) }).first().waitFor();
  assert.match(page.url(), /#\/notifications\?days=90&dismissed=true$/);
  await done(page);

  // a narrow window keeps the header to one line: the reminders move into the menu
  const narrow = await newPage(browser, { width: 400, height: 800 });
  await logIn(narrow, server, { ...server.admin, path: '/dashboard' });
  const unread = (await ok('GET', '/api/v1/notifications')).unread;
  assert.equal(await narrow.getByRole('banner').getByRole('link', { name: /^Reminders/ }).count(), 0);
  await narrow.getByRole('button', { name: 'Menu' }).click();
  await narrow.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: `Reminders (${unread})`, exact: true }).click();
  await narrow.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
  assert.ok((await narrow.evaluate(() => document.documentElement.scrollWidth)) <= 400);
  await done(narrow);
});
