// The account screen: the header names the organization and links to it; a member enrols in
// MFA from the QR code's secret, sees the recovery codes once, logs on again with a code, ends
// another of their sessions, and creates and revokes an API token.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession, checkAccessibility, closeTestbed, done, logIn, newPage, openTestbed, screenshot, totp,
} from './harness.mjs';

let server;
let browser;
let admin;

before(async () => {
  ({ server, browser, call: admin } = await openTestbed());
});

after(() => closeTestbed({ server, browser }));

/** A code of `secret` that is none of the codes the server would accept now. */
function wrongCode(secret) {
  const near = new Set([totp(secret, -1), totp(secret), totp(secret, 1)]);
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) {
      return code;
    }
  }
}

test('the header names the organization and links the user’s name to the account screen', async () => {
  const me = (await admin('GET', '/api/v1/auth/me')).body;
  assert.equal(me.organization_name, 'Demo Organization');
  const page = await newPage(browser);
  await logIn(page, server, server.admin);
  const header = page.locator('header');
  assert.match(await header.innerText(), /Demo Organization/);
  await header.getByRole('link', { name: server.admin.email }).click();
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  assert.match(page.url(), /#\/account$/);
  assert.equal(await header.getByRole('link', { name: server.admin.email }).getAttribute('aria-current'), 'page');
  await page.locator('dd').filter({ hasText: 'Demo Organization' }).waitFor();
  await done(page);
});

test('a member enrols in MFA, logs on with a code, ends another session and manages a token', async () => {
  const user = { email: 'account.user@demo.test', password: 'a long account password' };
  const added = await admin('POST', '/api/v1/members', { ...user, role: 'isms_manager' });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const elsewhere = await apiSession(server, user); // the session "left open on another computer"

  const page = await newPage(browser);
  await logIn(page, server, { ...user, path: '/account' });
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  const mfa = page.getByRole('region', { name: 'Multi-factor authentication' });
  await mfa.getByText('Off.').waitFor();

  // enrolment: the QR code is an image (no inline SVG, nothing the CSP blocks), and the secret
  await mfa.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const qr = mfa.getByRole('img', { name: 'QR code of your new authenticator secret' });
  await qr.waitFor();
  assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn');
  const secret = (await page.locator('#mfa-secret').innerText()).replaceAll(' ', '');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await checkAccessibility(page, 'the account screen during enrolment');
  await screenshot(page, 'account');

  // a wrong code is refused beside the field and turns nothing on
  await page.getByLabel('Code the app shows').fill(wrongCode(secret));
  await page.getByRole('button', { name: 'Turn MFA on' }).click();
  await page.locator('#code-error').filter({ hasText: 'is wrong' }).waitFor();
  assert.equal((await elsewhere('GET', '/api/v1/auth/mfa')).body.enabled, false);

  await page.getByLabel('Code the app shows').fill(totp(secret));
  await page.getByRole('button', { name: 'Turn MFA on' }).click();
  const codes = page.getByRole('region', { name: 'Your recovery codes' });
  await codes.waitFor();
  const shown = await codes.locator('li').allInnerTexts();
  assert.equal(shown.length, 10);
  for (const code of shown) {
    assert.match(code, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  }
  const status = (await elsewhere('GET', '/api/v1/auth/mfa')).body;
  assert.equal(status.enabled, true);
  assert.equal(status.recovery_codes_left, 10);
  await mfa.getByText('10 recovery codes left.').waitFor();
  await checkAccessibility(page, 'the account screen with the recovery codes');
  await codes.getByRole('button', { name: 'I have stored them' }).click();
  await codes.waitFor({ state: 'detached' });

  // log out, then back on: the password alone is refused, with the next step's code it works
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You have logged out.').waitFor();
  await page.getByLabel('E-mail', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').filter({ hasText: 'e-mail, password or code is wrong' }).waitFor();
  await logIn(page, server, { ...user, code: totp(secret, 1), path: '/account' });
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();

  // the other session is listed and ended; this one stays
  const sessions = page.getByRole('table', { name: 'Log-on sessions' });
  await sessions.getByText('this session').waitFor();
  const listed = (await elsewhere('GET', '/api/v1/auth/sessions')).body.items;
  assert.equal(listed.length, 2, JSON.stringify(listed));
  assert.equal(await sessions.locator('tbody tr').count(), 2);
  await sessions.getByRole('button', { name: /^End the session from / }).click();
  await page.getByRole('status').filter({ hasText: 'is ended.' }).waitFor();
  assert.equal(await sessions.locator('tbody tr').count(), 1);
  assert.equal((await elsewhere('GET', '/api/v1/auth/me')).status, 401);
  assert.equal(await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status)), 200);

  // a token without a name is refused beside the field and nothing is issued
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByText('You have no API tokens.').waitFor();
  await page.getByRole('button', { name: 'Create the token' }).click();
  await page.locator('#token-name-error').waitFor();
  // (read with the browser's own session: the next codes of the app are spent)
  const myTokens = () => page.evaluate(() => fetch('/api/v1/tokens').then((r) => r.json()).then((b) => b.items));
  assert.equal((await myTokens()).length, 0);

  // a read-only token, shown once, works until it is revoked
  await page.getByLabel('Name', { exact: true }).fill('Nightly export');
  await page.getByLabel('Scope', { exact: true }).selectOption('read');
  await page.getByRole('button', { name: 'Create the token' }).click();
  const token = await page.locator('#issued-token').innerText();
  assert.match(token, /^isms_[A-Za-z0-9_-]{43}$/);
  const withToken = () => fetch(`${server.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal((await withToken()).status, 200);
  const row = tokens.locator('tbody tr').filter({ hasText: 'Nightly export' });
  await row.getByText('read', { exact: true }).waitFor();
  await row.getByText('active').waitFor();
  await row.getByRole('button', { name: 'Revoke the token “Nightly export”' }).click();
  await page.getByRole('status').filter({ hasText: 'The token “Nightly export” is revoked.' }).waitFor();
  await row.getByText(/^revoked /).waitFor();
  assert.equal(await page.locator('#issued-token').count(), 0);
  assert.equal((await withToken()).status, 401);
  const stored = await myTokens();
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0].revoked_at, null);
  await checkAccessibility(page, 'the account screen with a revoked token');
  await done(page);
});

test('new recovery codes replace the old ones, and MFA is turned off with the password', async () => {
  const user = { email: 'account.codes@demo.test', password: 'another long account password' };
  const added = await admin('POST', '/api/v1/members', { ...user, role: 'reader' });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const call = await apiSession(server, user);
  const enrolment = (await call('POST', '/api/v1/auth/mfa/enrolment', {})).body;
  const first = await call('POST', '/api/v1/auth/mfa/confirm', { code: totp(enrolment.secret) });
  assert.equal(first.status, 200, JSON.stringify(first.body));

  const page = await newPage(browser);
  await logIn(page, server, { ...user, code: first.body.recovery_codes[0], path: '/account' });
  const mfa = page.getByRole('region', { name: 'Multi-factor authentication' });
  await mfa.getByText('9 recovery codes left.').waitFor();

  // a wrong password is refused beside its field and changes nothing
  await page.getByLabel('or password').fill('not the password at all');
  await page.getByRole('button', { name: 'New recovery codes' }).click();
  await page.locator('#password-error').filter({ hasText: 'is wrong' }).waitFor();
  assert.equal((await call('GET', '/api/v1/auth/mfa')).body.recovery_codes_left, 9);

  await page.getByLabel('or password').fill(user.password);
  await page.getByRole('button', { name: 'New recovery codes' }).click();
  const codes = page.getByRole('region', { name: 'Your recovery codes' });
  await codes.waitFor();
  const shown = await codes.locator('li').allInnerTexts();
  assert.equal(shown.length, 10);
  assert.ok(shown.every((c) => !first.body.recovery_codes.includes(c)), 'all codes are new');
  await mfa.getByText('10 recovery codes left.').waitFor();

  await page.getByLabel('or password').fill(user.password);
  await page.getByRole('button', { name: 'Turn MFA off' }).click();
  await mfa.getByRole('status').filter({ hasText: 'Multi-factor authentication is off.' }).waitFor();
  await mfa.getByRole('button', { name: 'Set up an authenticator app' }).waitFor();
  assert.equal((await call('GET', '/api/v1/auth/mfa')).body.enabled, false);
  await done(page);
});

test('a member the organization requires MFA of stays on the account screen until enrolled', async () => {
  // the policy is switched with an admin token: tokens are not held back by it, sessions are
  const issued = await admin('POST', '/api/v1/tokens', { name: 'Policy switch', scope: 'admin' });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  const policy = (requiredFor) =>
    fetch(`${server.url}/api/v1/organization/mfa-policy`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${issued.body.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ required_for: requiredFor }),
    });
  const user = { email: 'account.required@demo.test', password: 'a long required mfa password' };
  const added = await admin('POST', '/api/v1/members', { ...user, role: 'reader' });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal((await policy('everyone')).status, 200);
  try {
    const page = await newPage(browser);
    await logIn(page, server, { ...user, path: '/registers/assets' });
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    assert.match(page.url(), /#\/account$/);
    await page.getByText('Your organization requires multi-factor authentication.').waitFor();
    assert.equal(await page.getByRole('region', { name: 'API tokens' }).count(), 0);
    // another screen leads back here
    await page.evaluate(() => (location.hash = '#/registers/assets'));
    await page.waitForURL(/#\/account$/);

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.locator('#mfa-secret').innerText()).replaceAll(' ', '');
    await page.getByLabel('Code the app shows').fill(totp(secret));
    await page.getByRole('button', { name: 'Turn MFA on' }).click();
    await page.getByRole('region', { name: 'Your recovery codes' }).waitFor();
    // the same session is free now: its other panels, the registers and their screens
    await page.getByRole('region', { name: 'API tokens' }).waitFor();
    assert.equal(await page.getByText('Your organization requires multi-factor authentication.').count(), 0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click();
    await page.getByRole('heading', { name: 'Assets', exact: true }).waitFor();
    await done(page);
  } finally {
    assert.equal((await policy('nobody')).status, 200);
  }
});
