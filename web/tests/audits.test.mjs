// The internal-audit and nonconformity workflows (9.2, 10.2) on the demo organization: the
// programme's coverage, an audit's checklist (generation, a 409 explained, a nonconforming
// result), a finding raised as a nonconformity, and the nonconformity's five whys, corrective
// action, refused and then accepted closure; the own-area refusal of the audit form.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot,
} from './harness.mjs';

let server;
let browser;
let call;
let me;
let raisedNc; // the nonconformity the second test raises, treated by the third

const first = async (path) => {
  const answer = await call('GET', path);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.ok(answer.body.items.length > 0, `nothing at ${path}`);
  return answer.body.items[0];
};

before(async () => {
  ({ server, browser, call } = await openTestbed());
  me = (await call('GET', '/api/v1/auth/me')).body;
});

after(() => closeTestbed({ server, browser }));

test("the demo programme's coverage shows what is covered and highlights the gaps", async () => {
  const programme = await first('/api/v1/audit_programmes?limit=1');
  const coverage = (await call('GET', `/api/v1/audit_programmes/${programme.id}/coverage`)).body;
  assert.equal(coverage.complete, false, 'the demo programme has gaps');
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/audit_programmes/${programme.id}` });
  await page.getByRole('heading', { name: 'Coverage of the programme' }).waitFor();
  await page.getByText(`Clauses 4–10: ${coverage.clauses.covered} of ${coverage.clauses.required} requirements covered`).waitFor();
  await page.getByText(`Applicable Annex A controls: ${coverage.controls.covered} of ${coverage.controls.required} covered`).waitFor();
  const gaps = coverage.clauses.gaps.length + coverage.controls.gaps.length;
  assert.match(await page.locator('#coverage-summary').innerText(), new RegExp(`leave ${gaps} requirement`));
  // every gap is listed in a highlighted row; clause 4 and 5 (audited in the closed demo audit) are covered
  const table = page.getByRole('table', { name: 'Coverage by clause and Annex A theme' });
  for (const gap of [...coverage.clauses.gaps, ...coverage.controls.gaps]) {
    await table.locator('tr.gap li').filter({ hasText: `${gap.ref_id} ${gap.name}` }).first().waitFor();
  }
  assert.equal(await table.getByRole('row', { name: /^Clause 4 covered$/ }).count(), 1);
  // the programme's audits, as links
  const audits = (await call('GET', `/api/v1/audits?programme=${programme.id}`)).body;
  const list = page.getByRole('table', { name: 'Audits of the programme' });
  assert.equal(await list.locator('tbody tr').count(), audits.total);
  await list.getByRole('link', { name: /Operation, evaluation and improvement/ }).waitFor();
  await checkAccessibility(page, 'the audit programme coverage');
  await screenshot(page, 'audit-coverage');
  await done(page);
});

test('an audit: checklist, a nonconforming result, a finding raised as a nonconformity', async () => {
  const closedAudit = await first('/api/v1/audits?status=closed');
  const audit = await first('/api/v1/audits?status=in_progress');
  const items = (await call('GET', `/api/v1/audit_checklist_items?audit=${audit.id}&limit=500`)).body.items;
  const item = items.find((i) => i.requirement_ref.startsWith('8.') && i.result === 'not_audited');
  assert.ok(item, 'a clause 8 item not audited yet');
  const evidence = await first('/api/v1/evidence?sort=id&limit=1');
  const page = await newPage(browser);

  // a closed audit's checklist does not grow: the 409 is shown and explained
  await logIn(page, server, { ...server.admin, path: `/registers/audits/${closedAudit.id}` });
  await page.getByRole('button', { name: 'Generate the checklist from the scope' }).click();
  const refusal = page.locator('#checklist-refusal');
  await refusal.getByText(`is closed; its checklist can no longer grow`).waitFor();
  await refusal.getByRole('link', { name: 'Edit the audit' }).waitFor();

  // the demo audit has its checklist: generating again adds nothing
  await page.goto(`${server.url}/#/registers/audits/${audit.id}`);
  await page.getByRole('button', { name: 'Generate the checklist from the scope' }).click();
  await page.getByRole('status').filter({ hasText: `0 item(s) added, ${items.length} already there` }).waitFor();
  for (const section of ['Clause 8', 'Clause 9', 'Clause 10', 'Annex A.8']) {
    await page.getByRole('heading', { name: section, exact: true }).waitFor();
  }
  const sectionTable = page.getByRole('table', { name: 'Clause 8', exact: true });
  assert.equal(await sectionTable.locator('tbody tr').count(), items.filter((i) => i.requirement_ref.startsWith('8.')).length);

  // record a nonconforming result with notes and evidence, inline
  await page.getByRole('button', { name: `Record the result of ${item.requirement_ref}`, exact: true }).click();
  const form = page.getByRole('form', { name: `Result of ${item.requirement_ref}` });
  await form.getByLabel('Result').selectOption('nonconforming');
  await form.getByLabel('Audit notes').fill('Changes to operations are not planned in writing.');
  await form.getByLabel('Add evidence').selectOption(String(evidence.id));
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await form.getByRole('link', { name: `${evidence.ref} ${evidence.name}` }).waitFor();
  await form.getByRole('button', { name: 'Save the result' }).click();
  await form.waitFor({ state: 'detached' });
  const row = page.locator('tr.result-nonconforming').filter({ has: page.getByRole('link', { name: item.requirement_ref, exact: true }) });
  await row.getByText('Changes to operations are not planned in writing.').waitFor();
  await row.getByRole('link', { name: `${evidence.ref} ${evidence.name}` }).waitFor();
  const savedItem = (await call('GET', `/api/v1/audit_checklist_items/${item.id}`)).body;
  assert.equal(savedItem.result, 'nonconforming');
  assert.deepEqual(savedItem.evidence, [evidence.id]);

  // a new finding from that item comes pre-filled with the item and its requirement
  await row.getByRole('button', { name: `New finding from ${item.requirement_ref}` }).click();
  const finding = page.getByRole('form', { name: 'New finding' });
  assert.equal(await finding.getByLabel('Kind').inputValue(), 'minor_nonconformity');
  assert.equal(await finding.getByLabel('Checklist item').inputValue(), String(item.id));
  assert.equal(await finding.getByLabel('Requirement (URN)').inputValue(), item.requirement);
  await finding.getByRole('button', { name: 'Record the finding' }).click();
  await finding.locator('#finding-title-error').waitFor(); // the title is required: the API says so beside it
  await finding.getByLabel('Title').fill('Operational changes are made without a plan');
  await finding.getByRole('button', { name: 'Record the finding' }).click();
  const recorded = page.getByRole('status').filter({ hasText: /Finding FND-\d+ recorded/ });
  await recorded.waitFor();
  const findingRef = /FND-\d+/.exec(await recorded.innerText())[0];
  const made = await first(`/api/v1/audit_findings?ref=${findingRef}`);
  assert.equal(made.audit, audit.id);
  assert.equal(made.checklist_item, item.id);
  assert.equal(made.kind, 'minor_nonconformity');
  await checkAccessibility(page, 'the audit checklist and findings');
  await screenshot(page, 'audit-checklist');

  // an observation is not a nonconformity: the 409 is explained
  const observation = await first(`/api/v1/audit_findings?audit=${audit.id}&kind=observation`);
  await page.getByRole('button', { name: `Raise as nonconformity: ${observation.ref}` }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'not a nonconformity' });
  await refused.getByRole('link', { name: 'record it in the improvement log' }).waitFor();
  assert.equal((await call('GET', `/api/v1/audit_findings/${observation.id}`)).body.nonconformity, null);

  // the minor nonconformity is raised in one click
  await page.getByRole('button', { name: `Raise as nonconformity: ${findingRef}` }).click();
  const raised = page.getByRole('status').filter({ hasText: `${findingRef} raised as nonconformity` });
  const ncLink = raised.getByRole('link', { name: /^NC-\d+$/ });
  await ncLink.waitFor();
  raisedNc = (await call('GET', `/api/v1/audit_findings/${made.id}`)).body.nonconformity;
  assert.ok(raisedNc !== null);
  assert.equal((await call('GET', `/api/v1/nonconformities/${raisedNc}`)).body.finding, made.id);
  await page.getByRole('row').filter({ hasText: findingRef }).getByRole('link', { name: /^raised as NC-\d+$/ }).waitFor();

  // the report links
  for (const format of ['html', 'csv', 'xlsx']) {
    const href = await page.getByRole('link', { name: `Report (${format.toUpperCase()})` }).getAttribute('href');
    assert.equal(href, `/api/v1/audits/${audit.id}/report?format=${format}`);
    assert.equal((await call('GET', href)).status, 200);
  }
  await done(page);
});

test('a nonconformity: five whys, a corrective action, closing refused until verified', async () => {
  assert.ok(raisedNc, 'the previous test raised a nonconformity');
  const ncId = raisedNc;
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/nonconformities/${ncId}` });
  await page.getByRole('heading', { name: 'Root cause', exact: true }).waitFor();

  // root cause and two whys, in order
  await page.getByLabel('Root cause category').selectOption('process');
  await page.locator('#root-cause-summary').fill('Changes are planned by habit, not by a procedure.');
  await page.getByRole('button', { name: 'Save the root cause' }).click();
  await page.getByRole('status').filter({ hasText: 'Root cause saved.' }).waitFor();
  await page.getByRole('button', { name: 'Add a why' }).click();
  const why1 = page.getByRole('form', { name: 'New why' });
  assert.equal(await why1.getByLabel('Position').inputValue(), '1');
  await why1.getByLabel('Because').fill('Nobody wrote a plan for the change.');
  await why1.getByRole('button', { name: 'Add the why' }).click();
  await page.getByText('Because Nobody wrote a plan for the change.').waitFor();
  await page.getByRole('button', { name: 'Add a why' }).click();
  const why2 = page.getByRole('form', { name: 'New why' });
  assert.equal(await why2.getByLabel('Position').inputValue(), '2');
  await why2.getByLabel('Position').fill('1');
  await why2.getByLabel('Why?').fill('Why did nobody write a plan?');
  await why2.getByLabel('Because').fill('The change procedure does not ask for one.');
  await why2.getByRole('button', { name: 'Add the why' }).click();
  await why2.locator('#why-position-new-error').waitFor(); // two steps cannot share a position
  await why2.getByLabel('Position').fill('2');
  await why2.getByRole('button', { name: 'Add the why' }).click();
  await page.getByText('Because The change procedure does not ask for one.').waitFor();
  // edit the first why inline
  await page.getByRole('button', { name: 'Edit why 1' }).click();
  const edit = page.getByRole('form', { name: 'Why 1' });
  await edit.getByLabel('Because').fill('Nobody wrote a plan for the firewall change.');
  await edit.getByRole('button', { name: 'Save the why' }).click();
  await page.getByText('Because Nobody wrote a plan for the firewall change.').waitFor();
  const whys = (await call('GET', `/api/v1/nonconformity_whys?nonconformity=${ncId}&sort=position`)).body.items;
  assert.deepEqual(whys.map((w) => [w.position, w.answer]), [
    [1, 'Nobody wrote a plan for the firewall change.'],
    [2, 'The change procedure does not ask for one.'],
  ]);

  // a corrective action with owner and due date, then done
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('button', { name: 'Add a corrective action' }).click();
  const action = page.getByRole('form', { name: 'New corrective action' });
  await action.getByLabel('Action').fill('Add a change plan to the change procedure');
  await action.getByLabel('Owner').selectOption(String(me.user.id));
  await action.getByLabel('Due date').fill(due);
  await action.getByRole('button', { name: 'Add the action' }).click();
  const actions = page.getByRole('table', { name: 'Corrective actions' });
  const actionRow = actions.getByRole('row').filter({ hasText: 'Add a change plan to the change procedure' });
  await actionRow.getByText(due).waitFor();
  await actionRow.getByText(me.user.email).waitFor();
  const ca = await first(`/api/v1/corrective_actions?nonconformity=${ncId}`);
  await actionRow.getByRole('button', { name: `Change ${ca.ref}` }).click();
  await page.getByRole('form', { name: `Change ${ca.ref}` }).getByLabel('Status').selectOption('done');
  await page.getByRole('form', { name: `Change ${ca.ref}` }).getByRole('button', { name: 'Save the action' }).click();
  await actionRow.getByText(/^done, completed \d{4}-\d{2}-\d{2}$/).waitFor();

  // closing is refused until effectiveness is verified: the API's reason is shown
  await page.getByRole('button', { name: 'Close the nonconformity' }).click();
  await page.locator('#close-refusal').getByText('effectiveness of the corrective actions is not verified').waitFor();
  assert.notEqual((await call('GET', `/api/v1/nonconformities/${ncId}`)).body.status, 'closed');
  // the recurrence check shows what the API finds similar, each as a link
  const similar = (await call('GET', `/api/v1/nonconformities/${ncId}/similar`)).body.items;
  const region = page.getByRole('region', { name: 'Similar nonconformities' });
  if (similar.length === 0) {
    await region.getByText('None: nothing suggests this has happened before.').waitFor();
  }
  for (const s of similar) {
    await region.getByRole('link', { name: `${s.ref} ${s.title}` }).waitFor();
  }
  await checkAccessibility(page, 'the nonconformity treatment');
  await screenshot(page, 'nonconformity');

  // verify, then close
  await page.getByLabel('Result', { exact: true }).selectOption('effective');
  assert.equal(await page.getByLabel('Verified by').inputValue(), String(me.user.id));
  await page.getByLabel('Verification notes').fill('Three changes since then, each with a plan.');
  await page.getByRole('button', { name: 'Save the verification' }).click();
  await page.getByRole('status').filter({ hasText: 'The verification is recorded.' }).waitFor();
  await page.getByRole('button', { name: 'Close the nonconformity' }).click();
  await page.locator('#closed-state').waitFor();
  const closed = (await call('GET', `/api/v1/nonconformities/${ncId}`)).body;
  assert.equal(closed.status, 'closed');
  assert.equal(closed.effectiveness, 'effective');
  assert.equal(closed.verified_by, me.user.id);
  assert.match(closed.closed_on, /^\d{4}-\d{2}-\d{2}$/);
  // frozen: no more inline changes offered
  assert.equal(await page.getByRole('button', { name: 'Add a why' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Add a corrective action' }).count(), 0);
  await done(page);
});

test('the audit form shows the own-area refusal beside the lead auditor', async () => {
  const audit = await first('/api/v1/audits?status=in_progress');
  // the demo admin owns the applied control of the nightly backups, which implements A.8.13
  const controls = (await call('GET', `/api/v1/applied_controls?owner=${me.user.id}&limit=500`)).body.items;
  const owned = controls.filter((c) => (c.requirements ?? []).includes('urn:isms:framework:iso27001-2022:a.8.13'));
  assert.equal(owned.length, 1, 'one applied control of the admin implements A.8.13');
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/audits/${audit.id}/edit` });
  await page.getByLabel('Lead auditor', { exact: true }).fill(String(me.user.id));
  await page.getByRole('button', { name: 'Save changes' }).click();
  const message = page.locator('#field-lead_auditor-error');
  await message.getByText(`user ${me.user.id} may not audit their own area: owns applied control ${owned[0].ref} (${owned[0].name})`).waitFor();
  assert.notEqual((await call('GET', `/api/v1/audits/${audit.id}`)).body.lead_auditor, me.user.id);
  await checkAccessibility(page, 'the own-area refusal');
  await done(page);
});
