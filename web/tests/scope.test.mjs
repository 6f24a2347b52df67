// The scope and the risk method of a new organization (`isms init`, no demo data): before the
// first scope statement (GET /api/v1/scope answers 404) the scope screen says so and offers its
// admin to write the first one and, as top management, to approve it (a refusal, 409, shown as
// its text); an auditor, who may not edit, reads the risk method and the scope without a control
// to change or approve them, before and after the first statement.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed } from './harness.mjs';

const kOrganization = { name: 'Fresh Start Ltd', email: 'admin@fresh.example', password: 'a long admin password for a new organization' };
const kAuditor = { email: 'auditor@fresh.example', password: 'a long auditor password', role: 'auditor' };

let server;
let browser;
let call;

before(async () => {
  ({ server, browser, call } = await openTestbed({ organization: kOrganization }));
  const member = await call('POST', '/api/v1/members', kAuditor);
  assert.equal(member.status, 201, JSON.stringify(member.body));
});

after(() => closeTestbed({ server, browser }));

/** Asserts the page offers nothing to change: no input, no save or edit button. */
async function assertReadOnly(page, what) {
  assert.equal(await page.locator('main input, main select, main textarea').count(), 0, `inputs on ${what}`);
  const buttons = await page.locator('main button:not([disabled])').allTextContents();
  assert.deepEqual(buttons.filter((b) => /save|edit|change|write|add|remove/i.test(b)), [], `controls on ${what}`);
}

test('before the first scope statement: the admin is told and writes it; the auditor is told who writes it', async () => {
  assert.equal((await call('GET', '/api/v1/scope')).status, 404, 'a new organization has no scope statement');

  const auditor = await newPage(browser);
  await logIn(auditor, server, { ...kAuditor, path: '/scope' });
  await auditor.getByRole('heading', { name: 'Scope of the ISMS', level: 1 }).waitFor();
  await auditor.getByText('No scope statement has been written yet').waitFor();
  await auditor.getByText('An admin or an ISMS manager writes it.').waitFor();
  await auditor.getByText('No version yet.').waitFor();
  assert.equal(await auditor.getByRole('alert').count(), 0, 'the 404 is no error');
  await assertReadOnly(auditor, 'the empty scope');
  await checkAccessibility(auditor, 'the scope before the first statement, read-only');

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/scope' });
  await page.getByText('No scope statement has been written yet').waitFor();
  await page.getByText('Write the first one below.').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the 404 is no error');
  assert.equal(await page.getByRole('link', { name: 'Export CSV' }).count(), 0, 'nothing to export yet');
  await checkAccessibility(page, 'the scope before the first statement');
  await page.getByRole('button', { name: 'Write the first scope statement' }).click();
  await page.getByRole('heading', { name: 'Write the first scope statement', level: 2 }).waitFor();
  await page.getByLabel('Scope statement', { exact: true }).fill('The online shop of Fresh Start Ltd and the people who run it.');
  await page.getByLabel('In scope', { exact: true }).fill('Online shop\nCustomer support');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByRole('status').filter({ hasText: 'Version 1 saved.' }).waitFor();
  const made = (await call('GET', '/api/v1/scope')).body;
  assert.equal(made.version, 1);
  assert.deepEqual(made.in_scope, ['Online shop', 'Customer support']);
  await page.getByRole('button', { name: 'Change the scope' }).waitFor();
  assert.equal(await page.getByText('No scope statement has been written yet').count(), 0);

  // top management approves the version
  await page.getByText('Version 1 is not approved by top management yet.').waitFor();
  await page.getByLabel('Approval comment (optional)').fill('Approved by the board');
  await page.getByRole('button', { name: 'Approve version 1' }).click();
  await page.getByRole('status').filter({ hasText: 'Version 1 approved.' }).waitFor();
  await page.getByText(/Approved by top management: .* — Approved by the board/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Approve version 1' }).count(), 0, 'approved once');
  const approved = (await call('GET', '/api/v1/scope')).body;
  assert.equal(approved.approval.comment, 'Approved by the board');
  assert.equal((await call('POST', '/api/v1/scope/versions/1/approve', {})).status, 409, 'approved already');
  await done(page);

  // the auditor reads the statement, still with nothing to change
  await auditor.reload();
  await auditor.getByText(made.statement).waitFor();
  await auditor.getByText('Customer support', { exact: true }).waitFor();
  await auditor.getByRole('table', { name: 'Versions' }).locator('tbody tr').first().waitFor();
  await auditor.getByRole('link', { name: 'Export CSV' }).waitFor();
  await auditor.getByText(/Approved by top management: /).waitFor();
  assert.equal(await auditor.getByRole('button', { name: /Approve/ }).count(), 0, 'only admins approve');
  await assertReadOnly(auditor, 'the scope');
  await checkAccessibility(auditor, 'the scope, read-only');
  await done(auditor);
});

test('a new version is unapproved; approving it after someone else did shows the refusal', async () => {
  const put = await call('PUT', '/api/v1/scope', { statement: 'The online shop, support and payroll of Fresh Start Ltd.' }, { 'If-Match': '"1"' });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.approval, null);
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/scope' });
  await page.getByText('Version 2 is not approved by top management yet.').waitFor();
  assert.equal((await call('POST', '/api/v1/scope/versions/2/approve', {})).status, 200);
  await page.getByRole('button', { name: 'Approve version 2' }).click();
  await page.getByRole('alert').filter({ hasText: 'scope statement version 2 is approved already' }).waitFor();
  await page.reload();
  await page.getByText(/Approved by top management: /).waitFor();
  await checkAccessibility(page, 'the approved scope');
  await done(page);
});

test('an auditor reads the risk method of a new organization, with nothing to edit', async () => {
  const method = (await call('GET', '/api/v1/risk-method')).body;
  const page = await newPage(browser);
  await logIn(page, server, { ...kAuditor, path: '/risk/method' });
  await page.getByRole('heading', { name: 'Risk method', level: 1 }).waitFor();
  await page.getByText(`Version ${method.version} is in force. Only an admin or an ISMS manager may change it.`).waitFor();
  const impact = page.getByRole('table', { name: 'Impact scale' });
  const [dimension, text] = Object.entries(method.impact.levels[0].criteria)[0];
  await impact.getByText(text, { exact: true }).waitFor();
  await impact.getByText(dimension.replaceAll('_', ' '), { exact: true }).first().waitFor();
  const matrix = page.getByRole('table', { name: 'Matrix' });
  assert.equal(await matrix.locator('tbody tr').count(), method.likelihood.levels.length);
  assert.equal(await matrix.locator('tbody tr').first().locator('td.cell').count(), method.impact.levels.length);
  await page.getByRole('link', { name: `Version ${method.version}`, exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Edit the method' }).count(), 0);
  await assertReadOnly(page, 'the risk method');
  await checkAccessibility(page, 'the risk method of a new organization, read-only');
  await done(page);
});
