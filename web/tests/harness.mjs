// Shared helpers of the browser tests: a real `isms serve --demo` on a free port with its own
// data directory, headless Debian Chromium through playwright-core, log-on, API calls from the
// test, TOTP codes, screenshots, axe-core checks and CSP-violation capture. Each *.test.mjs file
// uses these; add a screen's tests in a file of its own.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The isms binary (ISMS_BIN, set by CTest) and where screenshots go (ISMS_WEB_ARTIFACTS). */
export const isms = process.env.ISMS_BIN ?? resolve(here, '../../build/dev/src/cli/isms');
export const artifacts = process.env.ISMS_WEB_ARTIFACTS ?? resolve(here, '../test-results');

const dist = resolve(here, '../dist');
if (!existsSync(join(dist, 'index.html'))) {
  throw new Error('web/dist/index.html is missing: build the UI first (make web)');
}

/**
 * Starts `isms serve --demo` listening on 127.0.0.1 on a port the system picks, with a fresh
 * data directory; resolves once it serves, with the URL and the demo admin's credentials.
 * With `organization` ({ name, email, password }) it serves a new, empty organization instead,
 * made by `isms init`, whose admin is that e-mail and password.
 */
export async function startServer({ organization } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'isms-web-'));
  const data = join(dataDir, 'data');
  if (organization !== undefined) {
    const init = spawnSync(
      isms,
      ['init', '--data', data, '--org', organization.name, '--admin-email', organization.email, '--admin-password-file', '-'],
      { input: organization.password, encoding: 'utf8' },
    );
    assert.equal(init.status, 0, `isms init: ${init.stdout}${init.stderr}`);
  }
  const args = ['serve', ...(organization === undefined ? ['--demo'] : []), '--data', data, '--listen', '127.0.0.1:0', '--web-root', dist];
  const child = spawn(isms, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ISMS_LOG_LEVEL: 'warning' },
  });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const ready = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`isms serve did not start within 180 s:\n${output}\n${errors}`)), 180_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const serving = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (serving) {
        clearTimeout(timer);
        resolvePromise(serving[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`isms serve exited ${code}:\n${output}\n${errors}`));
    });
  });
  const email = organization?.email ?? /admin e-mail:\s+(\S+)/.exec(output)?.[1];
  const password = organization?.password ?? /one-time password:\s+(\S+)/.exec(output)?.[1];
  assert.ok(email && password, `no demo credentials in:\n${output}`);
  return {
    url: ready,
    admin: { email, password },
    log: () => errors,
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What most test files start with in their `before`: a server (`startServer(options)`), a
 * headless browser and the admin's API session (`call`, see apiSession).
 */
export async function openTestbed(options) {
  const server = await startServer(options);
  const browser = await launchBrowser();
  return { server, browser, call: await apiSession(server, server.admin) };
}

/** Stops what openTestbed started, in the file's `after` (either is missing when `before` failed). */
export async function closeTestbed({ server, browser }) {
  await browser?.close();
  await server?.stop();
}

/** Headless Debian Chromium (a fresh profile directory per launch). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.ISMS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a new browser context (its own cookies) at 1280×800 or the given size, recording
 * every Content-Security-Policy violation and uncaught page error; `done(page)` asserts none.
 */
export async function newPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|CSP violation/.test(text)) {
      page.problems.push(text);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  return page;
}

/** Fails on any CSP violation or page error the page recorded, then closes its context. */
export async function done(page) {
  const problems = page.problems;
  await page.context().close();
  assert.deepEqual(problems, [], 'CSP violations or page errors');
}

/** Logs on through the log-on screen and waits for the app shell. */
export async function logIn(page, server, { email, password, code, path = '/dashboard' }) {
  await page.goto(`${server.url}/#/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  if (code !== undefined) {
    await page.getByLabel(/Authenticator code/).fill(code);
  }
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/** Saves a full-page screenshot as <artifacts>/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The serious or critical axe-core violations of the page (axe evaluated, so the page's CSP stays untouched). */
export async function accessibilityViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Runs axe-core in the page; fails on serious or critical violations. */
export async function checkAccessibility(page, what) {
  assert.deepEqual(await accessibilityViolations(page), [], `accessibility of ${what}`);
}

/** A cookie session of the API for the test itself (setup and changes made "by someone else"). */
export async function apiSession(server, body) {
  const answer = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(answer.status, 200, `API log-on: ${await answer.clone().text()}`);
  const cookie = answer.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await answer.json();
  return async function call(method, path, payload, headers = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrf,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
}

/** The RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) of a base32 secret, `offset` steps from now. */
export function totp(secret, offset = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + offset));
  const mac = createHmac('sha1', key).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}
