// Log-on, log-off, lock-out wording, session expiry and MFA log-on through the UI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession, checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot, totp,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await openTestbed());
});

after(() => closeTestbed({ server, browser }));

test('log in with the demo admin, see the shell, log out', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Log in to isms' }).waitFor();
  await checkAccessibility(page, 'the log-on screen');
  await screenshot(page, 'login');

  await page.getByLabel('E-mail', { exact: true }).fill(server.admin.email);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'e-mail, password or code is wrong' }).waitFor());

  await logIn(page, server, server.admin);
  assert.match(await page.locator('header').innerText(), new RegExp(server.admin.email));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).waitFor();
  await checkAccessibility(page, 'the dashboard');
  await screenshot(page, 'dashboard');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You have logged out.').waitFor();
  // the session is gone on the server too: the API refuses the old cookie
  const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status));
  assert.equal(me, 401);
  await done(page);
});

test('lock-out is shown in the API’s words', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/#/login`);
  let status = 0;
  for (let attempt = 0; attempt < 8 && status !== 429; attempt += 1) {
    await page.getByLabel('E-mail', { exact: true }).fill('nobody@example.test');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
      page.getByRole('button', { name: 'Log in' }).click(),
    ]);
    status = answer.status();
  }
  assert.equal(status, 429, 'the account is locked after repeated failures');
  const text = await page.getByRole('alert').filter({ hasText: 'too many' }).innerText();
  const api = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
  });
  assert.equal(api.status, 429);
  const { detail } = await api.json();
  assert.ok(text.startsWith(detail.slice(0, 20)), `UI said "${text}", API says "${detail}"`);
  assert.match(text, /too many failed log-ons; try again in \d+ s/);
  await done(page);
});

test('an ended session returns to log-on with a message, then to where the user was', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/registers/assets' });
  await page.getByRole('heading', { name: 'Assets' }).waitFor();

  // End the browser's session from another session of the same user.
  const call = await apiSession(server, server.admin);
  const sessions = await call('GET', '/api/v1/auth/sessions');
  const others = sessions.body.items.filter((s) => !s.current);
  assert.ok(others.length >= 1);
  for (const s of others) {
    assert.equal((await call('DELETE', `/api/v1/auth/sessions/${s.id}`)).status, 200);
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risks' }).click();
  await page.getByText('Your session has ended.').waitFor();
  assert.match(page.url(), /#\/login\?next=%2Fregisters%2Frisks/);
  await page.getByLabel('E-mail', { exact: true }).fill(server.admin.email);
  await page.getByLabel('Password', { exact: true }).fill(server.admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Risks' }).waitFor();
  assert.match(page.url(), /#\/registers\/risks/);
  await done(page);
});

test('a user with MFA logs in with a TOTP code', async () => {
  const admin = await apiSession(server, server.admin);
  const user = { email: 'mfa.user@demo.test', password: 'a long password for mfa' };
  const added = await admin('POST', '/api/v1/members', { ...user, role: 'risk_owner' });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const call = await apiSession(server, user);
  const enrolment = await call('POST', '/api/v1/auth/mfa/enrolment', {});
  assert.equal(enrolment.status, 201);
  const confirmed = await call('POST', '/api/v1/auth/mfa/confirm', { code: totp(enrolment.body.secret) });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));

  const page = await newPage(browser);
  // without the code: refused like a wrong password
  await page.goto(`${server.url}/#/login`);
  await page.getByLabel('E-mail', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').filter({ hasText: 'e-mail, password or code is wrong' }).waitFor();
  // with the next step's code (the current one was spent on the confirmation)
  await logIn(page, server, { ...user, code: totp(enrolment.body.secret, 1) });
  assert.match(await page.locator('header').innerText(), /mfa\.user@demo\.test/);
  assert.match(await page.locator('header').innerText(), /risk owner/);
  await done(page);
});
