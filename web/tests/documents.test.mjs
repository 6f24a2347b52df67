// The documented-information and management-review workflows on the record screen: a document
// from draft to published with the designated approver's signed approval (in a second browser as
// that member), verify, its text, acknowledgement and periodic review, a new version asking for
// acknowledgement again; a review's live inputs, compiling them once (409 the second time),
// a pre-filled new action and the minutes exports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession, checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot,
} from './harness.mjs';

let server;
let browser;
let call;
const approver = { email: 'ada.approver@example.org', password: 'approver pass phrase 42', name: 'Ada Approver' };
let approverId;
let personId;

before(async () => {
  ({ server, browser, call } = await openTestbed());
  const member = await call('POST', '/api/v1/members', { ...approver, role: 'isms_manager' });
  assert.equal(member.status, 201, JSON.stringify(member.body));
  approverId = member.body.id;
  const person = await call('POST', '/api/v1/people', { name: 'Ada Approver', email: approver.email, member: approverId });
  assert.equal(person.status, 201, JSON.stringify(person.body));
  personId = person.body.id;
});

after(() => closeTestbed({ server, browser }));

const alert = (page) => page.getByRole('alert');
const versionRow = (page, number) => page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: new RegExp(`^DVR-\\d+ · ${number}$`) }) });
const ackStatus = (page) => page.locator('#doc-ack-status');

test('a document goes from draft to published with its approver’s signed approval, and is acknowledged again after a new version', async () => {
  const admin = await newPage(browser);
  await logIn(admin, server, { ...server.admin, path: '/registers/documents/new' });

  // the document, through the generic form
  await admin.getByLabel('Title', { exact: true }).fill('Backup procedure');
  await admin.getByLabel('Kind', { exact: true }).selectOption('procedure');
  await admin.getByLabel('Classification', { exact: true }).selectOption('internal');
  await admin.getByLabel('Designated approver', { exact: true }).fill(String(approverId));
  await admin.getByLabel('Distribution', { exact: true }).fill(String(personId));
  await admin.getByLabel('Review every (months)', { exact: true }).fill('12');
  await admin.getByRole('button', { name: 'Create' }).click();
  await admin.getByRole('heading', { name: 'Versions and approval' }).waitFor();
  const documentId = Number(/registers\/documents\/(\d+)/.exec(admin.url())[1]);
  await admin.getByText('Designated approver: Ada Approver').waitFor();
  await admin.getByText('Nothing to acknowledge: no version is published.').waitFor();

  // a draft, in Markdown
  await admin.getByLabel('Text (Markdown)').fill('# Backups\n\nNightly, tested quarterly. Ask [the service desk](https://desk.example.org/).');
  await admin.getByLabel('What changed').fill('First issue');
  await admin.getByRole('button', { name: 'Create the draft' }).click();
  await admin.getByRole('status').filter({ hasText: 'New draft version created.' }).waitFor();
  await versionRow(admin, 1).getByText('draft', { exact: true }).waitFor();
  const [draft] = (await call('GET', `/api/v1/document_versions?document=${documentId}`)).body.items;
  assert.equal(draft.status, 'draft');
  await versionRow(admin, 1).getByText(`${draft.sha256.slice(0, 12)}…`).waitFor();
  assert.equal(await admin.getByRole('button', { name: 'Create the draft' }).count(), 0, 'one open version at a time');

  // a step the state no longer allows: submitted meanwhile by someone else → 409, shown
  assert.equal((await call('POST', `/api/v1/document_versions/${draft.id}/submit`)).status, 200);
  await versionRow(admin, 1).getByRole('button', { name: 'Submit' }).click();
  await alert(admin).filter({ hasText: /Not possible in this state \(409\): DVR-\d+ \(version 1\) is in_review/ }).waitFor();
  await versionRow(admin, 1).getByText('in review', { exact: true }).waitFor();
  // the admin is not the approver: no approve button, who is awaited instead
  await admin.getByText('Version 1 waits for approval by Ada Approver.').waitFor();
  assert.equal(await admin.getByRole('button', { name: /^Approve/ }).count(), 0);
  await checkAccessibility(admin, 'a document in review');

  // the designated approver, in a browser of their own
  const ada = await newPage(browser);
  await logIn(ada, server, { ...approver, path: `/registers/documents/${documentId}` });
  await ada.getByRole('heading', { name: 'Versions and approval' }).waitFor();
  await ada.getByRole('button', { name: 'Reject version 1' }).click();
  await alert(ada).filter({ hasText: /Check the input \(422\).*comment is required/ }).waitFor();
  assert.equal((await call('GET', `/api/v1/document_versions/${draft.id}`)).body.status, 'in_review', 'a refused rejection changes nothing');
  await ada.getByLabel(/Your comment on version 1/).fill('Fine for a first issue');
  await ada.getByRole('button', { name: 'Approve version 1' }).click();
  await ada.getByRole('status').filter({ hasText: 'Version 1 approved and signed.' }).waitFor();
  await versionRow(ada, 1).getByText('approved', { exact: true }).waitFor();
  await versionRow(ada, 1).getByText('Ada Approver').waitFor();
  await checkAccessibility(ada, 'the approver’s view');

  // publish, verify, read
  await admin.reload();
  await versionRow(admin, 1).getByRole('button', { name: 'Publish' }).click();
  await admin.getByRole('status').filter({ hasText: 'Version 1 published.' }).waitFor();
  await versionRow(admin, 1).getByText('published', { exact: true }).waitFor();
  await versionRow(admin, 1).getByText('Approver: “Fine for a first issue”').waitFor();
  await admin.getByRole('button', { name: 'Verify version 1' }).click();
  await versionRow(admin, 1).getByText('valid: content hash and approval signature').waitFor();
  assert.equal((await call('GET', `/api/v1/document_versions/${draft.id}/verify`)).body.valid, true);
  await admin.getByRole('button', { name: 'Show the text of version 1' }).click();
  const text = admin.locator('article.document-body');
  await text.getByRole('heading', { name: 'Backups', level: 4 }).waitFor();
  assert.equal(await text.getByRole('link', { name: 'the service desk' }).getAttribute('href'), 'https://desk.example.org/');
  await ackStatus(admin).filter({ hasText: /Version 1 \(DVR-\d+\): 0 of 1 acknowledged, 1 pending\./ }).waitFor();
  await checkAccessibility(admin, 'a published document with its text');
  await screenshot(admin, 'document-approval');

  // the person linked to the approver acknowledges it themselves
  await ada.reload();
  await ada.getByRole('button', { name: 'I have read version 1' }).click();
  await ackStatus(ada).filter({ hasText: /1 of 1 acknowledged\./ }).waitFor();
  assert.equal((await call('GET', `/api/v1/documents/${documentId}/pending-acknowledgements`)).body.pending.length, 0);

  // the periodic review
  await admin.reload();
  const next = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  await admin.getByLabel(/Next review on/).fill(next);
  await admin.getByRole('button', { name: 'Record a review' }).click();
  await admin.getByRole('status').filter({ hasText: 'Review recorded.' }).waitFor();
  const today = new Date().toISOString().slice(0, 10);
  await admin.getByText(`Last reviewed: ${today} · next review: ${next}`).waitFor();

  // version 2: a new draft while version 1 stays in force; once published, pending again
  await admin.getByLabel('Text (Markdown)').fill('# Backups\n\nNightly, tested monthly.');
  await admin.getByLabel('What changed').fill('Monthly restore tests');
  await admin.getByRole('button', { name: 'Create the draft' }).click();
  await versionRow(admin, 2).getByText('draft', { exact: true }).waitFor();
  await versionRow(admin, 1).getByText('published', { exact: true }).waitFor();
  await versionRow(admin, 2).getByRole('button', { name: 'Submit' }).click();
  await versionRow(admin, 2).getByText('in review', { exact: true }).waitFor();
  const ada2 = await apiSession(server, { email: approver.email, password: approver.password });
  const second = (await call('GET', `/api/v1/document_versions?document=${documentId}&number=2`)).body.items[0];
  assert.equal((await ada2('POST', `/api/v1/document_versions/${second.id}/approve`, { comment: 'ok' })).status, 200);
  await admin.reload();
  await versionRow(admin, 2).getByRole('button', { name: 'Publish' }).click();
  await versionRow(admin, 2).getByText('published', { exact: true }).waitFor();
  await versionRow(admin, 1).getByText('obsolete', { exact: true }).waitFor();
  await ackStatus(admin).filter({ hasText: /Version 2 \(DVR-\d+\): 0 of 1 acknowledged, 1 pending\./ }).waitFor();
  // an admin records it for the person (a signed paper form)
  await admin.getByRole('button', { name: 'Record acknowledgement for Ada Approver, version 2' }).click();
  await ackStatus(admin).filter({ hasText: /1 of 1 acknowledged\./ }).waitFor();

  await done(ada);
  await done(admin);
});

test('a management review previews its inputs, compiles them once, gets an action and exports its minutes', async () => {
  const reviews = (await call('GET', '/api/v1/management_reviews?limit=50')).body.items;
  const autumn = reviews.find((r) => r.title === 'Management review, autumn');
  assert.ok(autumn && !autumn.inputs_sha256, 'the demo has a planned review with inputs not compiled');

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/management_reviews/${autumn.id}` });
  const preview = page.getByRole('list', { name: 'Inputs, live preview' });
  await preview.waitFor();
  const live = (await call('GET', `/api/v1/management_reviews/${autumn.id}/inputs`)).body;
  assert.equal(live.frozen, false);
  const items = preview.locator(':scope > li');
  assert.equal(await items.count(), live.inputs.items.length);
  for (const [i, item] of live.inputs.items.entries()) {
    await items.nth(i).getByText(item.clause, { exact: true }).waitFor();
    await items.nth(i).getByText(item.summary, { exact: true }).waitFor();
  }
  assert.deepEqual(live.inputs.items.map((i) => i.clause.slice(0, 7)).filter((c, i, all) => all.indexOf(c) === i), ['9.3.2 a', '9.3.2 b', '9.3.2 c', '9.3.2 d', '9.3.2 e', '9.3.2 f', '9.3.2 g']);
  // the first input lists the earlier review's action
  await items.first().getByText('Sources of 9.3.2 a').click();
  await items.first().getByText(/RVA-\d+ Extend restore tests to the payroll system \(open\)/).waitFor();
  await checkAccessibility(page, 'a review with its live inputs');

  // compile: frozen, hashed, signature verified; the button is gone
  await page.getByRole('button', { name: 'Compile the inputs' }).click();
  await page.getByRole('status').filter({ hasText: 'The inputs are compiled: frozen, hashed and signed.' }).waitFor();
  await page.getByRole('list', { name: 'Frozen inputs' }).waitFor();
  const frozen = (await call('GET', `/api/v1/management_reviews/${autumn.id}/inputs`)).body;
  assert.equal(frozen.frozen, true);
  assert.equal(frozen.valid, true);
  const seal = page.locator('#mr-seal');
  await seal.getByText(frozen.sha256).waitFor();
  await seal.getByText('verified', { exact: true }).waitFor();
  await seal.getByText(`compiled at ${frozen.compiled_at.replace('T', ' ').replace('Z', ' UTC')}`, { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Compile the inputs' }).count(), 0);
  assert.equal((await call('GET', `/api/v1/management_reviews/${autumn.id}`)).body.inputs_sha256, frozen.sha256);
  assert.equal((await call('POST', `/api/v1/management_reviews/${autumn.id}/compile`)).status, 409, 'compiling twice is refused');

  // a page still showing the preview of a review compiled meanwhile: the 409 is shown, then the frozen inputs
  const made = await call('POST', '/api/v1/management_reviews', { title: 'Extra review', meeting_date: '2099-06-01' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const other = await newPage(browser);
  await logIn(other, server, { ...server.admin, path: `/registers/management_reviews/${made.body.id}` });
  await other.getByRole('list', { name: 'Inputs, live preview' }).waitFor();
  assert.equal((await call('POST', `/api/v1/management_reviews/${made.body.id}/compile`)).status, 201);
  await other.getByRole('button', { name: 'Compile the inputs' }).click();
  await alert(other).filter({ hasText: /Not possible in this state \(409\): the inputs of MRV-\d+ were compiled at .*; they stay frozen/ }).waitFor();
  await other.getByRole('list', { name: 'Frozen inputs' }).waitFor();
  assert.equal(await other.getByRole('button', { name: 'Compile the inputs' }).count(), 0);
  await done(other);

  // a new action, pre-filled with the review
  await page.getByRole('link', { name: 'New action' }).click();
  await page.getByLabel('Action', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Review', { exact: true }).inputValue(), String(autumn.id));
  await page.getByLabel('Action', { exact: true }).fill('Test the payroll restore');
  await page.getByLabel('Due', { exact: true }).fill('2099-03-31');
  await page.getByLabel('Owner (user id)', { exact: true }).fill(String(approverId));
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: /RVA-\d+ Test the payroll restore/ }).waitFor();
  await page.goto(`${server.url}/#/registers/management_reviews/${autumn.id}`);
  const action = page.locator('tbody tr').filter({ hasText: 'Test the payroll restore' });
  await action.getByRole('cell', { name: 'Ada Approver' }).waitFor();
  await action.getByRole('cell', { name: '2099-03-31' }).waitFor();
  await action.getByRole('cell', { name: 'open' }).waitFor();

  // the minutes: each export link answers 200
  for (const [label, type] of [['Minutes (HTML)', 'text/html'], ['Minutes (CSV)', 'text/csv'], ['Minutes (XLSX)', 'spreadsheetml']]) {
    const href = await page.getByRole('link', { name: label }).getAttribute('href');
    const answer = await call('GET', href);
    assert.equal(answer.status, 200, `${label}: ${href}`);
    assert.match(answer.headers.get('content-type'), new RegExp(type.replace('/', '\\/')), label);
  }
  await page.getByRole('list', { name: 'Frozen inputs' }).locator(':scope > li').first().getByText('Sources of 9.3.2 a').click();
  await checkAccessibility(page, 'a compiled review with its actions');
  await screenshot(page, 'management-review');
  await done(page);
});
