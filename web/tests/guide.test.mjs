// The guided start and the dashboard: follow the guide to create an asset and a risk and watch
// their steps move; the dashboard shows readiness (all present for the demo organization),
// compliance, both heat maps, what is overdue and stale evidence, and changes when the data does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot,
} from './harness.mjs';

let server;
let browser;
let call;

before(async () => {
  ({ server, browser, call } = await openTestbed());
});

after(() => closeTestbed({ server, browser }));

const step = (page, id) => page.locator('li.guide-step').filter({ has: page.locator(`#step-${id}`) });
const progressOf = async (id) => (await call('GET', '/api/v1/guide')).body.steps.find((s) => s.id === id).progress;

test('the guided start shows ten steps, leads to the assets register to create an asset and follows a new risk', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/guide' });
  await page.getByRole('heading', { name: 'Guided start', level: 1 }).waitFor();
  await page.locator('li.guide-step').first().waitFor();
  assert.equal(await page.locator('li.guide-step').count(), 10);
  const assetsBefore = await progressOf('assets');
  await step(page, 'assets').getByText(`of ${assetsBefore.total} ${assetsBefore.counts}`).waitFor();
  await checkAccessibility(page, 'the guided start');
  await screenshot(page, 'guided-start');

  // the assets step links to the assets register; an unrated asset adds to its total only
  await step(page, 'assets').getByRole('link', { name: /list your assets/i }).click();
  await page.getByRole('heading', { name: 'Assets', exact: true }).waitFor();
  assert.match(page.url(), /#\/registers\/assets$/);
  await page.getByRole('link', { name: 'New record' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Guided laptop');
  await page.getByLabel('Kind', { exact: true }).selectOption('supporting');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: /AST-\d+ Guided laptop/ }).waitFor();

  await page.goto(`${server.url}/#/guide`);
  const assetsAfter = await progressOf('assets');
  assert.equal(assetsAfter.total, assetsBefore.total + 1);
  assert.equal(assetsAfter.done, assetsBefore.done);
  await step(page, 'assets').getByText(`${assetsAfter.done} of ${assetsAfter.total} ${assetsAfter.counts}`).waitFor();

  // the risk assessment step links to the risks register; a scored risk counts as assessed
  const risksBefore = await progressOf('risk_assessment');
  await step(page, 'risk_assessment').getByRole('link', { name: /assess the risks/i }).click();
  await page.getByRole('heading', { name: 'Risks', exact: true }).waitFor();
  assert.match(page.url(), /#\/registers\/risks$/);
  await page.getByRole('link', { name: 'New record' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Guided laptop stolen from a car');
  await page.getByLabel('Approach', { exact: true }).selectOption('event_based');
  await page.getByLabel('Inherent likelihood', { exact: true }).fill('3');
  await page.getByLabel('Inherent impact', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: /RSK-\d+ Guided laptop stolen from a car/ }).waitFor();
  const made = (await call('GET', '/api/v1/risks?q=Guided%20laptop%20stolen')).body.items;
  assert.equal(made.length, 1);
  assert.deepEqual([made[0].approach, made[0].inherent_likelihood, made[0].inherent_impact], ['event_based', 3, 3]);

  await page.goto(`${server.url}/#/guide`);
  const risksAfter = await progressOf('risk_assessment');
  assert.equal(risksAfter.total, risksBefore.total + 1);
  assert.equal(risksAfter.done, risksBefore.done + 1);
  await step(page, 'risk_assessment').getByText(`${risksAfter.done} of ${risksAfter.total} ${risksAfter.counts}`).waitFor();
  await done(page);
});

test('the dashboard shows readiness, compliance, both heat maps, what is overdue and stale evidence, and follows the data', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/dashboard' });
  await page.getByRole('heading', { name: 'Certification readiness' }).waitFor();
  const before = (await call('GET', '/api/v1/dashboard')).body;
  // the demo organization has every mandatory item of the readiness checklist present
  assert.deepEqual(before.readiness.summary, { items: 15, present: 15, stale: 0, missing: 0 });
  await page.getByText('15 of 15', { exact: true }).waitFor();
  const inherent = (d) => d.heat_map.stages.inherent.cells.reduce((n, c) => n + c.count, 0);
  await page.getByText(`Inherent (${inherent(before)} risks)`).waitFor();
  // the charts are drawn (as SVG, loaded on first use)
  await page.locator('.chart svg').first().waitFor();
  assert.equal(await page.locator('.chart svg').count() >= 2, true);
  for (const c of before.compliance) {
    await page.getByRole('link', { name: c.framework.name }).first().waitFor();
  }
  await checkAccessibility(page, 'the dashboard');
  await screenshot(page, 'dashboard-overview');

  // new data elsewhere: a critical risk, an overdue action and stale evidence
  const risk = await call('POST', '/api/v1/risks', {
    title: 'Dashboard ransomware', approach: 'event_based', inherent_likelihood: 5, inherent_impact: 5,
  });
  assert.equal(risk.status, 201, JSON.stringify(risk.body));
  const action = await call('POST', '/api/v1/treatment_actions', {
    title: 'Dashboard offline backups', risks: [risk.body.id], status: 'planned', due_date: '2020-01-31',
  });
  assert.equal(action.status, 201, JSON.stringify(action.body));
  const evidence = await call('POST', '/api/v1/evidence', {
    name: 'Dashboard restore test', kind: 'link', url: 'https://evidence.example/restore', valid_until: '2020-02-01',
  });
  assert.equal(evidence.status, 201, JSON.stringify(evidence.body));

  await page.reload();
  await page.getByRole('heading', { name: 'Certification readiness' }).waitFor();
  await page.getByText(`Inherent (${inherent(before) + 1} risks)`).waitFor();
  await page.getByText('14 of 15', { exact: true }).waitFor();  // 8.3: an action overdue
  await page.getByRole('link', { name: /Dashboard offline backups/ }).waitFor();
  await page.getByRole('link', { name: /Dashboard restore test/ }).waitFor();
  await done(page);
});

test('the heat map drills down from a cell to its risks, per stage', async () => {
  const made = await call('POST', '/api/v1/risks', {
    title: 'Heat map drill-down risk', approach: 'event_based', inherent_likelihood: 5, inherent_impact: 4,
    residual_likelihood: 1, residual_impact: 4,
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const inCell = (await call('GET', '/api/v1/risks?inherent_likelihood=5&inherent_impact=4&limit=200')).body.items;
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/risk/heatmap?stage=inherent' });
  await page.getByRole('heading', { name: 'Risk heat map', level: 1 }).waitFor();
  await page.locator('a[href="#/risk/heatmap?stage=inherent&likelihood=5&impact=4"]').click();
  await page.getByRole('heading', { name: 'Risks at likelihood 5, impact 4 (inherent)' }).waitFor();
  await page.getByRole('link', { name: /Heat map drill-down risk/ }).waitFor();
  assert.equal(await page.locator('.cell-risks li').count(), inCell.length);
  await checkAccessibility(page, 'the heat map');
  await screenshot(page, 'risk-heatmap');

  // the residual stage puts the same risk elsewhere
  await page.getByRole('link', { name: 'Residual (target)' }).click();
  await page.locator('a[href="#/risk/heatmap?stage=residual&likelihood=1&impact=4"]').click();
  await page.getByRole('heading', { name: 'Risks at likelihood 1, impact 4 (residual)' }).waitFor();
  await page.getByRole('link', { name: /Heat map drill-down risk/ }).waitFor();
  await done(page);
});

test('the SoA lists the 93 controls by theme and an exclusion is justified inline', async () => {
  const before = (await call('GET', '/api/v1/soa')).body;
  assert.equal(before.controls.length, 93);
  // a control no risk treatment selected, so it may be excluded with a justification
  const target = before.controls.find((c) => c.linked.risks === 0 && c.linked.applied_controls === 0 && c.applicable !== false);
  assert.ok(target, 'a control free to exclude');
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/soa' });
  await page.getByRole('heading', { name: 'Statement of Applicability', level: 1 }).waitFor();
  await page.getByRole('heading', { name: target.theme, level: 2, exact: true }).waitFor();
  await page.locator('tbody tr').nth(92).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 93);
  await checkAccessibility(page, 'the SoA');
  await screenshot(page, 'soa');

  await page.getByLabel('Search', { exact: true }).fill(target.ref_id);
  await page.getByRole('button', { name: `Decide ${target.ref_id}`, exact: true }).click();
  // an exclusion without a justification is refused, with the reason beside the field
  await page.getByLabel(`Why is ${target.ref_id} excluded?`).fill('');
  await page.getByRole('button', { name: 'Exclude' }).click();
  await page.locator('.field-error').waitFor();
  assert.equal((await call('GET', '/api/v1/soa')).body.controls.find((c) => c.ref_id === target.ref_id).applicable, target.applicable);

  await page.getByLabel(`Why is ${target.ref_id} excluded?`).fill('Not relevant: no such activity in scope');
  await page.getByRole('button', { name: 'Exclude' }).click();
  await page.getByRole('status').filter({ hasText: `${target.ref_id} saved.` }).waitFor();
  const after = (await call('GET', '/api/v1/soa')).body.controls.find((c) => c.ref_id === target.ref_id);
  assert.equal(after.applicable, false);
  assert.equal(after.justification, 'Not relevant: no such activity in scope');
  await page.locator('tbody tr').filter({ hasText: target.ref_id }).getByText('Excluded').waitFor();
  await done(page);
});

test('evidence is uploaded by drag and drop with a progress bar, then checked for integrity', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/evidence' });
  await page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Restore test, browser');
  await page.getByLabel('Valid until', { exact: true }).fill('2099-12-31');
  const content = 'restore of the payroll database completed in 14 minutes\n';
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'restore-test.txt', { type: 'text/plain' }));
    return dt;
  }, content);
  await page.dispatchEvent('.drop', 'drop', { dataTransfer: transfer });
  await page.getByRole('status').filter({ hasText: 'restore-test.txt stored.' }).waitFor();
  const progress = page.locator('#ev-progress');
  assert.equal(await progress.getAttribute('value'), await progress.getAttribute('max'));

  const stored = (await call('GET', '/api/v1/evidence?q=Restore%20test%2C%20browser')).body.items;
  assert.equal(stored.length, 1);
  const { createHash } = await import('node:crypto');
  assert.equal(stored[0].sha256, createHash('sha256').update(content).digest('hex'));
  assert.equal(stored[0].valid_until, '2099-12-31');
  const row = page.locator('tbody tr').filter({ hasText: 'Restore test, browser' });
  await row.getByText('valid until 2099-12-31', { exact: false }).waitFor();
  await row.getByRole('button', { name: /Check the integrity/ }).click();
  await row.getByText('intact').waitFor();
  await checkAccessibility(page, 'the evidence screen');
  await screenshot(page, 'evidence');
  await done(page);
});

test('the risk owner accepts a residual risk on the risk screen and its signature verifies', async () => {
  const owner = { email: 'owner.browser@acme.example', password: 'a long risk owner password' };
  const member = await call('POST', '/api/v1/members', { ...owner, role: 'risk_owner' });
  assert.equal(member.status, 201, JSON.stringify(member.body));
  const risk = await call('POST', '/api/v1/risks', {
    title: 'Browser acceptance risk', approach: 'event_based', owner: member.body.id,
    inherent_likelihood: 3, inherent_impact: 3, residual_likelihood: 1, residual_impact: 2, treatment: 'retain',
  });
  assert.equal(risk.status, 201, JSON.stringify(risk.body));
  const page = await newPage(browser);
  await logIn(page, server, { ...owner, path: `/risks/${risk.body.id}` });
  await page.getByRole('heading', { name: /Browser acceptance risk/, level: 1 }).waitFor();
  await page.getByText('Not accepted.').waitFor();

  // a past expiry is refused beside its field and accepts nothing
  await page.getByLabel('Comment', { exact: true }).fill('Low residual risk, retained for this year');
  await page.getByLabel('Accepted until', { exact: true }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Accept the residual risk' }).click();
  await page.locator('#accept-expires-error').waitFor();
  assert.equal((await call('GET', `/api/v1/risks/${risk.body.id}/acceptances`)).body.items.length, 0);

  const expiry = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Accepted until', { exact: true }).fill(expiry);
  await page.getByRole('button', { name: 'Accept the residual risk' }).click();
  await page.getByRole('status').filter({ hasText: 'The residual risk is accepted.' }).waitFor();
  const stored = (await call('GET', `/api/v1/risks/${risk.body.id}`)).body;
  assert.equal(stored.status, 'accepted');
  assert.equal(stored.accepted_until, expiry);
  await page.getByRole('button', { name: 'Verify the signature' }).click();
  await page.getByText('signature valid').waitFor();
  await checkAccessibility(page, 'the risk screen');
  await screenshot(page, 'risk-detail');
  await done(page);
});
