#!/usr/bin/env node
// How fast the web UI's register table is on 10,000 assets: time to the first rows, to a sort
// by a column, to a filter and to the next page, as p50/p99 of N runs, in headless Debian
// Chromium (playwright-core from web/node_modules) against a real `isms serve`. A measurement,
// not a test: nothing here fails on a slow figure. See bench/README.md.
//
//   node bench/web-list.mjs [--bin PATH] [--assets 10000] [--runs 30] [--data DIR]
//
// --bin: the isms binary (default: ISMS_BIN, else build/release's, else build/dev's, whichever
// exists; a release build gives the figures worth recording); --data: where the store goes, kept afterwards; a store an earlier run left
// there is used again without generating.
// Build the UI first (make web). Prints a Markdown table for bench/RESULTS.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const { chromium } = createRequire(join(root, 'web/package.json'))('playwright-core');

const { values: options } = parseArgs({
  options: {
    bin: { type: 'string' },
    assets: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '30' },
    data: { type: 'string' },
  },
});
const bin =
  options.bin ??
  [process.env.ISMS_BIN, join(root, 'build/release/src/cli/isms'), join(root, 'build/dev/src/cli/isms')].find(
    (p) => p !== undefined && existsSync(p),
  );
if (bin === undefined) {
  throw new Error('no isms binary: give --bin');
}
const dist = join(root, 'web/dist');
if (!existsSync(join(dist, 'index.html'))) {
  throw new Error('web/dist/index.html is missing: build the UI first (make web)');
}
const runs = Number(options.runs);
const work = mkdtempSync(join(tmpdir(), 'isms-web-bench-'));
const data = options.data ?? join(work, 'data');
const user = { email: 'web.bench@bench-1.bench', password: 'a long web bench password' };

/** Generates the store: one organization with only assets (every other register empty). */
function generate() {
  const zero = ['risks', 'controls', 'evidence', 'assessments', 'results', 'requirements', 'context', 'people',
    'measurements', 'incidents', 'suppliers', 'audits', 'nonconformities'].flatMap((o) => [`--${o}`, '0']);
  const t0 = performance.now();
  const out = execFileSync(bin, ['bench', 'gen', '--data', data, '--tenants', '1', '--assets', options.assets,
    ...zero, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  console.error(`generated ${options.assets} assets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return JSON.parse(out).tokens[0].token;
}

function serve() {
  const child = spawn(bin, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--web-root', dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ISMS_LOG_LEVEL: 'warning' },
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const serving = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (serving) {
        resolvePromise({ child, url: serving[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`isms serve exited ${code}: ${output}`)));
  });
}

/** The measured user: an admin with a password (the generator's admin has only a token). */
async function addUser(url, token) {
  const answer = await fetch(`${url}/api/v1/members`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...user, role: 'admin' }),
  });
  if (answer.status !== 201) {
    throw new Error(`adding the bench user: ${answer.status} ${await answer.text()}`);
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Timed in the page, not from Node: a MutationObserver sees the table's `aria-busy` go back to
// false (the answer's rows are in the DOM), and the frame after that ends the time. Polling from
// Playwright would add its own 20–100 ms retry steps to every figure.
function installSettleProbe() {
  window.__isms_rows = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const table = document.querySelector('table[aria-busy="false"]');
      if (table !== null && table.querySelector('tbody tr') !== null) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
}

/** In the page: does one step (sort, filter, next page) and resolves with ms until its rows show. */
function stepInPage(step) {
  const table = document.querySelector('table');
  const settled = new Promise((resolve) => {
    let busy = false;
    const observer = new MutationObserver(() => {
      const value = table.getAttribute('aria-busy');
      busy ||= value === 'true';
      if (busy && value === 'false') {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      }
    });
    observer.observe(table, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  const button = (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
  const t0 = performance.now();
  if (step === 'sort') {
    button('Name').click();
  } else if (step === 'filter') {
    const select = document.getElementById('filter-kind');
    select.value = 'primary';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    button('Next page').click();
  }
  return settled.then((t1) => t1 - t0);
}

/** Runs `act` (resolving with the step's ms) and adds the time the browser spent on the list request it caused. */
async function timed(page, matching, act) {
  const [response, total] = await Promise.all([page.waitForResponse((r) => matching(new URL(r.url())) && r.ok()), act()]);
  await response.finished();
  const timing = response.request().timing();
  return { total, request: timing.responseEnd - timing.requestStart };
}

const isList = (url) => url.pathname === '/api/v1/assets';

async function measure(url) {
  const browser = await chromium.launch({
    executablePath: process.env.ISMS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.addInitScript(installSettleProbe);
  await page.goto(`${url}/#/login?next=%2Fregisters%2Fassets`);
  await page.getByLabel('E-mail', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Assets', exact: true }).waitFor();

  const times = { 'first rows (reload of #/registers/assets)': [], 'sort by Name': [], 'filter Kind = primary': [], 'next page': [] };
  const lists = Object.values(times);
  for (let run = 0; run < runs + 1; run += 1) {
    // back to the plain list without a navigation (no hashchange, so no request of its own)
    await page.evaluate(() => history.replaceState(null, '', '#/registers/assets'));
    const t = [
      // a reload: the page, its scripts, the session and schema checks, then the first 50 rows,
      // from the navigation's start (performance.now() of the new document)
      await timed(page, (u) => isList(u) && u.search === '?limit=50', async () => {
        await page.reload({ waitUntil: 'commit' });
        return page.evaluate(() => window.__isms_rows);
      }),
      await timed(page, (u) => isList(u) && u.searchParams.get('sort') === 'name', () => page.evaluate(stepInPage, 'sort')),
      await timed(page, (u) => isList(u) && u.searchParams.get('kind') === 'primary', () => page.evaluate(stepInPage, 'filter')),
      await timed(page, (u) => isList(u) && u.searchParams.get('offset') === '50', () => page.evaluate(stepInPage, 'next')),
    ];
    await page.getByText(/^Records 51–100 of \d/).waitFor();
    if (run > 0) { // the first run warms the caches of server and browser
      lists.forEach((list, i) => list.push(t[i]));
    }
  }
  const total = await page.getByRole('status').innerText();
  await browser.close();
  return { times, total };
}

let server;
try {
  // a data directory of an earlier run already holds the assets and the bench user
  const reused = existsSync(join(data, 'isms.db'));
  const token = reused ? null : generate();
  server = await serve();
  if (!reused) {
    await addUser(server.url, token);
  }
  const { times, total } = await measure(server.url);
  console.log(`machine: ${cpus().length} cores, ${cpus()[0].model}`);
  console.log(`binary: ${bin}`);
  console.log(`store: ${options.assets} assets (last page status: "${total}"), ${runs} runs after one warm-up`);
  console.log('');
  console.log('| step | p50 ms | p99 ms | min ms | max ms | its list request, p50 / p99 ms |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const f = (v) => v.toFixed(1);
  for (const [name, list] of Object.entries(times)) {
    const total = list.map((t) => t.total).sort((a, b) => a - b);
    const request = list.map((t) => t.request).sort((a, b) => a - b);
    console.log(`| ${name} | ${f(percentile(total, 50))} | ${f(percentile(total, 99))} | ${f(total[0])} | ` +
      `${f(total.at(-1))} | ${f(percentile(request, 50))} / ${f(percentile(request, 99))} |`);
  }
} finally {
  if (server) {
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
  }
  if (!options.data) {
    rmSync(work, { recursive: true, force: true });
  }
}
