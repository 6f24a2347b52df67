// The demo organization walked from its navigation, as a person does after `make run`: every
// entry a person can see clicked in turn — as the demo admin, as an auditor (who may change
// little) and as the admin on a 400 px window through the menu. Nothing is listed by hand: a new
// entry or register is walked without changing this file. Each screen must pass the checks of
// walk.mjs and is saved as `walk-<role>-<screen>.png`; the navigation must list every register.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeTestbed, done, logIn, openTestbed } from './harness.mjs';
import { assertEveryRegisterListed, walkingPage, walkNavigation } from './walk.mjs';

const kAuditor = { email: 'walking.auditor@example.com', password: 'a long password for the walk', role: 'auditor' };

let server;
let browser;
let call;

before(async () => {
  ({ server, browser, call } = await openTestbed());
  const member = await call('POST', '/api/v1/members', kAuditor);
  assert.equal(member.status, 201, JSON.stringify(member.body));
});

after(() => closeTestbed({ server, browser }));

/** Logs `who` on at the dashboard, walks the navigation and fails on any problem met. */
async function walkAs(who, role, { viewport, narrow } = {}) {
  const page = await walkingPage(browser, viewport);
  await logIn(page, server, { ...who, path: '/dashboard' });
  const { links, problems } = await walkNavigation(page, role, { narrow });
  assert.deepEqual(problems, [], 'screens with problems');
  await assertEveryRegisterListed(call, links);
  await done(page);
}

test('every entry of the navigation, clicked as the demo admin', () => walkAs(server.admin, 'admin'));

test('every entry of the navigation, clicked as an auditor', () => walkAs(kAuditor, 'auditor'));

test('every entry of the navigation on a narrow window, through the menu', () =>
  walkAs(server.admin, 'narrow', { viewport: { width: 400, height: 800 }, narrow: true }));
