// Roles and people in the browser: the RACI matrix against the API (every cell, members and
// people of the people register as holders, the gap the demo leaves, a holder who left, the
// exports), the
// competence gaps against the API (a person's panel, a training record pre-filled from a gap
// closing it), and a document version whose content is an uploaded file (stored as evidence,
// its SHA-256 shown equal to the file's, downloaded, approved and verified). The upload's
// progress bar is components/FileDrop.svelte's, checked on the evidence screen (guide.test.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  apiSession, checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot,
} from './harness.mjs';

let server;
let browser;
let call;

before(async () => {
  ({ server, browser, call } = await openTestbed());
});

after(() => closeTestbed({ server, browser }));

/**
 * The table the RACI screen should show, computed from the API's answer on its own: holders are
 * {member} or {person} objects, named by `members` and `people`.
 */
function expectedRaci(matrix) {
  const names = new Map();
  for (const m of matrix.members) names.set(`member:${m.id}`, m.email);
  for (const p of matrix.people) names.set(`person:${p.id}`, p.name);
  const keyOf = (h) => (h.person !== undefined ? `person:${h.person}` : `member:${h.member}`);
  const cells = matrix.activities.map((a) => {
    const letters = new Map();
    const add = (holders, letter) => {
      for (const h of holders) {
        const held = letters.get(keyOf(h)) ?? [];
        if (!held.includes(letter)) held.push(letter);
        letters.set(keyOf(h), held);
      }
    };
    add(a.responsible, 'R');
    add(a.accountable === null ? [] : [a.accountable], 'A');
    add(a.consulted, 'C');
    add(a.informed, 'I');
    return letters;
  });
  const used = [...names.keys()].filter((key) => cells.some((letters) => letters.has(key)));
  return {
    holders: used.map((key) => names.get(key)),
    rows: matrix.activities.map((a, i) => [
      a.clause ?? '—',
      a.activity,
      ...used.map((key) => (cells[i].get(key) ?? []).join(', ')),
      a.gaps.length > 0 ? a.gaps.join('; ') : '—',
    ]),
  };
}

/** The RACI table's column heads start with the holders' names, and its cells are the expected ones. */
async function assertRaciShown(table, expected) {
  const shown = await table.evaluate((t) => ({
    holders: [...t.querySelectorAll('thead th.holder')].map((th) => th.textContent.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent.trim())),
  }));
  assert.equal(shown.holders.length, expected.holders.length, `holders: ${shown.holders.join(' | ')}`);
  shown.holders.forEach((text, i) => assert.ok(text.startsWith(expected.holders[i]), `column ${i}: ${text}`));
  assert.deepEqual(shown.rows, expected.rows);
}

test('the RACI matrix shows every activity and holder as the API does, people too, its gap highlighted, and exports', async () => {
  const matrix = (await call('GET', '/api/v1/responsibilities/matrix')).body;
  assert.ok(matrix.activities.length >= 4, 'the demo records the ISMS activities');
  const withGap = matrix.activities.filter((a) => a.gaps.length > 0);
  assert.ok(withGap.length >= 1, 'the demo leaves a gap');
  assert.equal(matrix.gaps, withGap.length);
  const awareness = matrix.activities.find((a) => a.activity === 'Awareness and training');
  assert.deepEqual(awareness?.gaps, ['nobody is accountable'], 'the demo’s awareness and training has nobody accountable');
  const people = ['Sam Sysadmin', 'Hana HR'];
  assert.deepEqual(matrix.people.map((p) => p.name).filter((name) => people.includes(name)).sort(), [...people].sort(), 'the demo names people');
  const expected = expectedRaci(matrix);

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/registers/responsibilities' });
  await page.getByRole('link', { name: 'RACI matrix' }).click();
  await page.getByRole('heading', { name: 'Roles and responsibilities (RACI)', level: 1 }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles (RACI)' }).getAttribute('aria-current'), 'page');
  const summary = page.locator('#raci-summary');
  await summary.filter({ hasText: `${matrix.activities.length} activities, ${expected.holders.length} role holders` }).waitFor();
  await summary.filter({ hasText: withGap.length === 1 ? '1 activity has a gap' : `${withGap.length} activities have a gap` }).waitFor();

  const table = page.locator('table');
  await assertRaciShown(table, expected);
  assert.equal(await table.locator('tbody tr').count(), matrix.activities.length, 'one row per activity');

  // the gaps stand out, with their text
  for (const activity of withGap) {
    const row = table.locator('tbody tr.gap').filter({ has: page.getByRole('rowheader', { name: activity.activity, exact: true }) });
    await row.getByText(activity.gaps.join('; ')).waitFor();
  }
  assert.equal(await table.locator('tbody tr.gap').count(), withGap.length);
  // people of the people register are columns of their own, named and marked as people
  for (const name of people) {
    await table.getByRole('columnheader', { name: `${name} person`, exact: true }).waitFor();
  }
  await page.locator('p.help').filter({ hasText: 'R responsible · A accountable · C consulted · I informed' }).waitFor();

  // the exports answer with the matrix
  for (const [label, type] of [['Export CSV', 'text/csv'], ['Export XLSX', 'spreadsheetml'], ['Printable HTML', 'text/html']]) {
    const href = await page.getByRole('link', { name: label }).getAttribute('href');
    const answer = await call('GET', href);
    assert.equal(answer.status, 200, `${label}: ${href}`);
    assert.match(answer.headers.get('content-type'), new RegExp(type.replace('/', '\\/')), label);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  for (const a of matrix.activities) {
    assert.ok(csv.includes(a.activity), `the CSV lists ${a.activity}`);
  }
  for (const name of people) {
    assert.ok(csv.includes(name), `the CSV names ${name}`);
  }

  await checkAccessibility(page, 'the RACI matrix');
  await screenshot(page, 'raci');
  await done(page);
});

test('a holder who left counts as nobody: their column says so and the activity they ran shows the gap', async () => {
  const hana = (await call('GET', '/api/v1/people?q=Hana%20HR')).body.items[0];
  assert.ok(hana, 'the demo has Hana HR');
  const leaving = await call('PATCH', `/api/v1/people/${hana.id}`, { status: 'left' });
  assert.equal(leaving.status, 200, JSON.stringify(leaving.body));
  const matrix = (await call('GET', '/api/v1/responsibilities/matrix')).body;
  const awareness = matrix.activities.find((a) => a.activity === 'Awareness and training');
  assert.deepEqual(awareness.gaps, ['nobody is accountable', 'Hana HR (responsible) has left']);

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/context/raci' });
  const table = page.locator('table');
  await table.getByRole('columnheader', { name: 'Hana HR person, left', exact: true }).waitFor();
  await assertRaciShown(table, expectedRaci(matrix));
  const row = table.locator('tbody tr.gap').filter({ has: page.getByRole('rowheader', { name: 'Awareness and training', exact: true }) });
  await row.getByText('nobody is accountable; Hana HR (responsible) has left').waitFor();
  await done(page);
  assert.equal((await call('PATCH', `/api/v1/people/${hana.id}`, { status: 'active' })).status, 200);
});

test('the competence gaps match the API, show on the person, and a training record pre-filled from one closes it', async () => {
  // the demo's refresher training falls due soon; here it lapsed yesterday
  const refresher = (await call('GET', '/api/v1/training_records?q=Incident%20response%20refresher')).body.items[0];
  assert.ok(refresher, 'the demo has the incident response refresher');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const lapsed = await call('PATCH', `/api/v1/training_records/${refresher.id}`, { expires_on: yesterday });
  assert.equal(lapsed.status, 200, JSON.stringify(lapsed.body));
  const all = (await call('GET', '/api/v1/competence-gaps')).body;
  const gap = all.gaps.find((g) => g.reason === 'expired');
  assert.ok(gap, 'the lapsed training is a gap');
  assert.equal(gap.competence, refresher.competence);

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/people/competence' });
  await page.getByRole('heading', { name: 'Competence gaps', level: 1 }).waitFor();
  const summary = page.locator('#gaps-summary');
  await summary
    .filter({ hasText: `As of ${all.as_of}: ${all.people} people checked, ${all.met} of ${all.requirements} required competences met, ${all.gaps.length} gap` })
    .waitFor();
  const rows = page.getByRole('table', { name: 'Gaps' }).locator('tbody tr');
  assert.equal(await rows.count(), all.gaps.length);
  for (const [i, g] of all.gaps.entries()) {
    const cells = await rows.nth(i).locator('td').allTextContents();
    assert.deepEqual(cells.map((c) => c.trim()), [
      `${g.person.ref} ${g.person.name}`,
      g.job_role,
      g.competence,
      g.reason === 'expired' ? `training expired on ${g.expired_on}` : 'no training recorded',
      'Record training',
    ]);
  }
  await checkAccessibility(page, 'the competence gaps');
  await screenshot(page, 'competence-gaps');

  // one person: the choice goes into the hash, and the answer is the API's for that person
  await page.getByLabel('Person', { exact: true }).selectOption(String(gap.person.id));
  await page.waitForURL(new RegExp(`#/people/competence\\?person=${gap.person.id}$`));
  const one = (await call('GET', `/api/v1/competence-gaps?person=${gap.person.id}`)).body;
  await summary.filter({ hasText: `1 person checked, ${one.met} of ${one.requirements} required competences met, ${one.gaps.length} gap` }).waitFor();
  assert.equal(await rows.count(), one.gaps.length);
  await page.reload();
  await summary.filter({ hasText: '1 person checked' }).waitFor();

  // the person's record shows their gap too
  await page.getByRole('link', { name: `${gap.person.ref} ${gap.person.name}` }).first().click();
  const panel = page.getByRole('region', { name: 'Competence gaps' });
  await panel.getByText(`${one.met} of ${one.requirements} competences the role requires are current`).waitFor();
  await panel.getByRole('cell', { name: gap.competence, exact: true }).waitFor();
  await checkAccessibility(page, 'a person with a competence gap');

  // record the training from the gap: the form starts with the person and the competence
  await panel.getByRole('link', { name: `Record training in ${gap.competence} for ${gap.person.name}` }).click();
  await page.getByLabel('Course', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Person', { exact: true }).inputValue(), String(gap.person.id));
  assert.equal(await page.getByLabel('Competence gained', { exact: true }).inputValue(), gap.competence);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('Course', { exact: true }).fill('Incident response refresher');
  await page.getByLabel('Completed on', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: /^TRN-\d+/, level: 1 }).waitFor();

  const closed = (await call('GET', `/api/v1/competence-gaps?person=${gap.person.id}`)).body;
  assert.ok(!closed.gaps.some((g) => g.competence === gap.competence), 'the training closed the gap');
  await page.goto(`${server.url}/#/people/competence`);
  await summary.filter({ hasText: `${all.gaps.length - 1} gap` }).waitFor();
  assert.equal(await rows.count(), all.gaps.length - 1);
  await done(page);
});

test('a document version is an uploaded file: stored as evidence, its SHA-256 shown, downloaded, approved and verified', async () => {
  const approver = { email: 'fay.approver@example.org', password: 'approver pass phrase 43', name: 'Fay Approver' };
  const member = await call('POST', '/api/v1/members', { ...approver, role: 'isms_manager' });
  assert.equal(member.status, 201, JSON.stringify(member.body));
  const document = await call('POST', '/api/v1/documents', {
    title: 'Network diagram', kind: 'record', classification: 'internal', approver: member.body.id,
  });
  assert.equal(document.status, 201, JSON.stringify(document.body));
  const content = Buffer.from('%PDF-1.4\n% network diagram, site A — routers, firewalls, VLANs\n');
  const sha256 = createHash('sha256').update(content).digest('hex');

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/registers/documents/${document.body.id}` });
  await page.getByRole('heading', { name: 'Versions and approval' }).waitFor();
  await page.getByLabel('An attached file').check();
  await page.getByLabel('What changed').fill('Diagram after the VLAN split');

  // creating without a file says so and stores nothing
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await page.getByRole('alert').filter({ hasText: 'Choose the file to attach first.' }).waitFor();
  assert.equal((await call('GET', `/api/v1/document_versions?document=${document.body.id}`)).body.total, 0);

  await page.setInputFiles('#doc-file', { name: 'network-diagram.pdf', mimeType: 'application/pdf', buffer: content });
  await page.getByText(`To attach: network-diagram.pdf, ${content.length} bytes`).waitFor();
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await page.getByRole('status').filter({ hasText: 'New draft version created with network-diagram.pdf attached.' }).waitFor();

  const [version] = (await call('GET', `/api/v1/document_versions?document=${document.body.id}`)).body.items;
  assert.equal(version.status, 'draft');
  assert.equal(version.body, null);
  assert.equal(version.sha256, sha256, 'the version records the file’s SHA-256');
  const evidence = (await call('GET', `/api/v1/evidence/${version.file}`)).body;
  assert.equal(evidence.sha256, sha256);
  assert.equal(evidence.file_name, 'network-diagram.pdf');
  assert.match(evidence.name, /^DOC-\d+ Network diagram: network-diagram\.pdf$/);

  const row = page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: new RegExp(`^DVR-\\d+ · 1$`) }) });
  await row.getByText('draft', { exact: true }).waitFor();
  const hash = row.locator('code');
  assert.equal(await hash.getAttribute('title'), sha256, 'the SHA-256 shown is the file’s');
  assert.equal(await hash.textContent(), `${sha256.slice(0, 12)}…`);
  const link = row.getByRole('link', { name: 'Download network-diagram.pdf, version 1' });
  await row.getByText(`${content.length} bytes`).waitFor();
  const downloaded = await call('GET', await link.getAttribute('href'));
  assert.equal(downloaded.status, 200);
  assert.equal(downloaded.headers.get('x-content-sha256'), sha256);
  assert.equal(await row.getByRole('button', { name: /^Show/ }).count(), 0, 'a file has no text to show');
  await checkAccessibility(page, 'a document version with an attached file');

  // submitted, approved by the designated approver, verified
  await row.getByRole('button', { name: 'Submit' }).click();
  await row.getByText('in review', { exact: true }).waitFor();
  const fay = await apiSession(server, { email: approver.email, password: approver.password });
  assert.equal((await fay('POST', `/api/v1/document_versions/${version.id}/approve`, { comment: 'matches the racks' })).status, 200);
  await page.reload();
  await row.getByText('approved', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Verify version 1' }).click();
  await row.getByText('valid: content hash and approval signature').waitFor();
  const verified = (await call('GET', `/api/v1/document_versions/${version.id}/verify`)).body;
  assert.equal(verified.valid, true);
  assert.equal(verified.content_sha256, sha256);
  assert.equal(await row.locator('.ok').getAttribute('title'), `content SHA-256 ${sha256}`);
  await screenshot(page, 'document-file');
  await done(page);
});
