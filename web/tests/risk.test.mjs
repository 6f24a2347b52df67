// The risk screens: the method editor (an admin previews which risks a change re-scores, a bad
// colour is refused beside its field, the save adds a version, a stale save is refused; the impact
// criteria edited and an impact level added to the matrix and removed again, a blank label and a
// one-level scale refused beside their fields, a removal under rated risks refused), the method
// read-only for a reader, a treatment action planned from a risk, and the loss exceedance curves
// of a risk with a loss model and of the whole register.
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

const kStages = ['inherent', 'current', 'residual'];
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

async function allRisks() {
  const answer = await call('GET', '/api/v1/risks?limit=200&sort=id');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.items;
}

test('an admin edits the method: a bad colour is refused beside its field, the preview lists the re-scored risks, the save adds a version', async () => {
  const method = (await call('GET', '/api/v1/risk-method')).body;
  const version = method.version;
  const medium = method.levels.findIndex((l) => l.id === 'medium');
  assert.ok(medium >= 0, 'the method has a medium level');
  // likelihood 2 × impact 3 becomes a level it is not yet; every risk rated there at some stage moves
  const target = method.levels.find((l) => l.id !== method.grid[1][2]).id;
  const risksBefore = await allRisks();
  const moving = risksBefore.flatMap((r) =>
    kStages.filter((s) => r[`${s}_likelihood`] === 2 && r[`${s}_impact`] === 3).map((s) => `${r.ref} ${s}`));
  assert.ok(moving.length > 0, 'the demo has risks in the cell that changes');

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/risk/method' });
  await page.getByRole('heading', { name: 'Risk method', level: 1 }).waitFor();
  await page.getByText(`Version ${version} is in force.`).waitFor();
  await page.getByRole('button', { name: 'Edit the method' }).click();
  await page.getByText(`Editing a copy of version ${version}.`).waitFor();

  await page.getByLabel('Label of likelihood 3', { exact: true }).fill('Possible (once in 1 to 3 years)');
  await page.getByLabel(/^Level of likelihood 2 \(.*\), impact 3 \(/).selectOption(target);

  // a colour that is not #rrggbb: the API's 422 sits beside the colour, nothing is stored
  const colour = page.getByLabel('Colour of level medium (#rrggbb)', { exact: true });
  await colour.fill('orange');
  await page.getByRole('button', { name: 'Preview the re-scoring' }).click();
  const colourError = page.locator(`#method-levels-${medium}-colour-error`);
  await colourError.waitFor();
  assert.match(await colourError.textContent(), /#rrggbb/);
  assert.equal(await colour.getAttribute('aria-invalid'), 'true');
  await page.getByRole('alert').filter({ hasText: 'The method was refused: 1 problem(s), marked beside their fields below.' }).waitFor();
  await page.getByRole('button', { name: `Save as version ${version + 1}` }).click();
  await colourError.waitFor();
  assert.equal((await call('GET', '/api/v1/risk-method')).body.version, version);

  // the preview lists every level that would move, and still changes nothing
  await colour.fill(method.levels[medium].colour);
  await page.getByRole('button', { name: 'Preview the re-scoring' }).click();
  await page.getByRole('heading', { name: 'Preview: what saving would re-score' }).waitFor();
  assert.equal(await colourError.count(), 0);
  const rows = page.locator('table.rescored tbody tr');
  assert.equal(await rows.count(), moving.length);
  const listed = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim()).join(' ')));
  for (const m of moving) {
    const [ref, stage] = m.split(' ');
    assert.ok(listed.some((t) => t.startsWith(`${ref} ${stage[0].toUpperCase()}${stage.slice(1)}`)), `${m} in ${listed}`);
  }
  assert.equal((await call('GET', '/api/v1/risk-method')).body.version, version);
  assert.deepEqual((await allRisks()).map((r) => r.residual_level), risksBefore.map((r) => r.residual_level));
  await checkAccessibility(page, 'the risk method editor with a preview');
  await screenshot(page, 'risk-method');

  // saving stores the next version, re-scores the risks and lists the new version
  await page.getByRole('button', { name: `Save as version ${version + 1}` }).click();
  await page.getByRole('status').filter({ hasText: `Version ${version + 1} saved; ${moving.length} level(s)` }).waitFor();
  await page.getByRole('heading', { name: `Re-scored by version ${version + 1}` }).waitFor();
  await page.getByRole('link', { name: `Version ${version + 1}`, exact: true }).waitFor();
  const saved = (await call('GET', '/api/v1/risk-method')).body;
  assert.equal(saved.version, version + 1);
  assert.equal(saved.grid[1][2], target);
  assert.equal(saved.likelihood.levels[2].label, 'Possible (once in 1 to 3 years)');
  const risksAfter = await allRisks();
  const rescored = risksAfter.find((r) => r.residual_likelihood === 2 && r.residual_impact === 3);
  if (rescored) {
    assert.equal(rescored.residual_level, target);
  }
  await page.getByRole('rowheader', { name: '3 Possible (once in 1 to 3 years)' }).waitFor();

  // the earlier version stays readable
  await page.getByRole('link', { name: `Version ${version}`, exact: true }).click();
  await page.getByText(`Version ${version} is shown; the current one is version ${version + 1}.`).waitFor();
  await page.getByRole('row', { name: /^3 Possible / }).first().waitFor();
  assert.equal(await page.getByText('Possible (once in 1 to 3 years)').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Edit the method' }).count(), 0);
  await checkAccessibility(page, 'an earlier version of the risk method');
  await done(page);
});

test('a save based on a version someone else replaced is refused and the method reloads', async () => {
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/risk/method' });
  await page.getByRole('button', { name: 'Edit the method' }).click();
  const method = (await call('GET', '/api/v1/risk-method')).body;
  await page.getByLabel('Label of impact 1', { exact: true }).fill('Hardly noticed');

  const meanwhile = await call('PUT', '/api/v1/risk-method', method, { 'If-Match': `"${method.version}"` });
  assert.equal(meanwhile.status, 200, JSON.stringify(meanwhile.body));
  await page.getByRole('button', { name: `Save as version ${method.version + 1}` }).click();
  await page.getByRole('alert').filter({ hasText: 'someone saved the method after you opened it' }).waitFor();
  assert.equal((await call('GET', '/api/v1/risk-method')).body.impact.levels[0].label, method.impact.levels[0].label);

  await page.getByRole('button', { name: 'Reload the method' }).click();
  await page.getByText(`Version ${method.version + 1} is in force.`).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await done(page);
});

test('an admin edits the impact criteria and adds an impact level, the matrix growing; a blank label, a one-level scale and a removal under rated risks are refused; the level goes again', async () => {
  const method = (await call('GET', '/api/v1/risk-method')).body;
  const version = method.version;
  const n = method.impact.levels.length;
  const [dimension] = Object.keys(method.impact.levels[1].criteria);
  const dimensionWords = dimension.replaceAll('_', ' ');
  const risks = (await allRisks()).length;

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: '/risk/method' });
  await page.getByRole('button', { name: 'Edit the method' }).click();
  const criterion = page.getByLabel(`Criterion for ${dimensionWords} at impact 2`, { exact: true });
  assert.equal(await criterion.inputValue(), method.impact.levels[1].criteria[dimension]);
  await criterion.fill('Internal data seen by a few outsiders');
  // a dimension the criteria stop describing goes from every level
  const dropped = Object.keys(method.impact.levels[0].criteria).at(-1);
  assert.notEqual(dropped, dimension);
  const droppedWords = dropped.replaceAll('_', ' ');
  await page.getByRole('group', { name: 'Dimensions the impact criteria describe' }).getByLabel(droppedWords, { exact: true }).uncheck();
  assert.equal(await page.getByLabel(`Criterion for ${droppedWords} at impact 1`, { exact: true }).count(), 0);

  // a new impact level: the cursor in its label, its matrix cells those of the level below
  await page.getByRole('button', { name: `Add impact level ${n + 1}` }).click();
  const label = page.getByLabel(`Label of impact ${n + 1}`, { exact: true });
  await page.waitForFunction((id) => document.activeElement?.id === id, `method-impact-levels-${n}-label`);
  for (const likelihood of method.likelihood.levels) {
    const cell = page.getByLabel(new RegExp(`^Level of likelihood ${likelihood.value} \\(.*\\), impact ${n + 1} \\(`));
    assert.equal(await cell.inputValue(), method.grid[likelihood.value - 1][n - 1], `likelihood ${likelihood.value}`);
  }

  // unnamed, the level is refused beside its label and nothing is stored
  await page.getByRole('button', { name: 'Preview the re-scoring' }).click();
  const labelError = page.locator(`#method-impact-levels-${n}-label-error`);
  await labelError.waitFor();
  assert.match(await labelError.textContent(), /must not be empty/);
  assert.equal(await label.getAttribute('aria-invalid'), 'true');
  await page.getByRole('alert').filter({ hasText: 'The method was refused: 1 problem(s), marked beside their fields below.' }).waitFor();

  await label.fill('Existential');
  await page.getByLabel(`Criterion for ${dimensionWords} at impact ${n + 1}`, { exact: true }).fill('The organization does not survive it');
  await page.getByRole('button', { name: 'Preview the re-scoring' }).click();
  await page.getByText(`No risk changes level (${risks} risk(s) scored again).`).waitFor();
  assert.equal(await labelError.count(), 0);
  assert.equal((await call('GET', '/api/v1/risk-method')).body.version, version, 'a preview stores nothing');
  await checkAccessibility(page, 'the risk method editor with a new impact level');
  await screenshot(page, 'risk-method-levels');

  await page.getByRole('button', { name: `Save as version ${version + 1}` }).click();
  await page.getByRole('status').filter({ hasText: `Version ${version + 1} saved; 0 level(s) of ${risks} risk(s) re-scored.` }).waitFor();
  const saved = (await call('GET', '/api/v1/risk-method')).body;
  assert.equal(saved.version, version + 1);
  assert.equal(saved.impact.levels.length, n + 1);
  assert.equal(saved.impact.levels[n].label, 'Existential');
  assert.equal(saved.impact.levels[n].criteria[dimension], 'The organization does not survive it');
  assert.equal(saved.impact.levels[1].criteria[dimension], 'Internal data seen by a few outsiders');
  assert.deepEqual(saved.impact.levels.filter((l) => dropped in (l.criteria ?? {})), []);
  assert.deepEqual(saved.grid.map((row) => row.length), method.grid.map(() => n + 1));
  assert.deepEqual(saved.grid.map((row) => row[n]), method.grid.map((row) => row[n - 1]));

  // read again, the screen shows the saved method
  await page.reload();
  await page.getByText(`Version ${version + 1} is in force.`).waitFor();
  await page.getByRole('table', { name: 'Matrix' }).getByRole('columnheader', { name: `${n + 1} Existential` }).waitFor();
  await page.getByRole('table', { name: 'Impact scale' }).getByText('Internal data seen by a few outsiders', { exact: true }).waitFor();

  // a likelihood scale of one level is refused beside the scale's level buttons
  await page.getByRole('button', { name: 'Edit the method' }).click();
  for (let k = method.likelihood.levels.length; k > 1; k -= 1) {
    await page.getByRole('button', { name: `Remove likelihood level ${k}`, exact: true }).click();
  }
  assert.equal(await page.getByRole('table', { name: 'Matrix' }).locator('tbody tr').count(), 1);
  await page.getByRole('button', { name: 'Preview the re-scoring' }).click();
  const scaleError = page.locator('#method-likelihood-levels-error');
  await scaleError.waitFor();
  assert.match(await scaleError.textContent(), /must have from 2 to \d+ levels, has 1/);
  assert.equal(await page.getByRole('group', { name: 'Levels of the likelihood scale' }).getAttribute('aria-describedby'), 'method-likelihood-levels-error');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // removing a level that risks are rated at is refused, naming each such risk
  const rated = (await allRisks()).flatMap((r) => kStages.map((s) => ({ ref: r.ref, likelihood: r[`${s}_likelihood`] })));
  const highest = Math.max(...rated.map((r) => r.likelihood ?? 0));
  assert.ok(highest > 1, 'the demo has risks rated above the lowest likelihood');
  await page.getByRole('button', { name: 'Edit the method' }).click();
  for (let k = method.likelihood.levels.length; k >= highest; k -= 1) {
    await page.getByRole('button', { name: `Remove likelihood level ${k}`, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Preview the re-scoring' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The method was refused' });
  await refusal.waitFor();
  for (const r of rated.filter((at) => at.likelihood === highest)) {
    await refusal.locator('li').filter({ hasText: `${r.ref}: ` }).first().waitFor();
  }
  await page.getByRole('button', { name: 'Cancel' }).click();

  // the added level goes again: the matrix shrinks back
  await page.getByRole('button', { name: 'Edit the method' }).click();
  await page.getByRole('button', { name: `Remove impact level ${n + 1}`, exact: true }).click();
  assert.equal(await page.getByRole('table', { name: 'Matrix' }).locator('tbody tr').first().locator('td.cell').count(), n);
  await page.getByRole('button', { name: `Save as version ${version + 2}` }).click();
  await page.getByRole('status').filter({ hasText: `Version ${version + 2} saved` }).waitFor();
  const shrunk = (await call('GET', '/api/v1/risk-method')).body;
  assert.equal(shrunk.impact.levels.length, n);
  assert.deepEqual(shrunk.grid, method.grid);
  await page.reload();
  await page.getByText(`Version ${version + 2} is in force.`).waitFor();
  assert.equal(await page.getByRole('table', { name: 'Matrix' }).getByRole('columnheader', { name: `${n + 1} Existential` }).count(), 0);
  await done(page);
});

test('a reader sees the method, its matrix and versions, and nothing to edit', async () => {
  const reader = { email: 'reader.risk@acme.example', password: 'a long reader password' };
  const member = await call('POST', '/api/v1/members', { ...reader, role: 'reader' });
  assert.equal(member.status, 201, JSON.stringify(member.body));
  const method = (await call('GET', '/api/v1/risk-method')).body;

  const page = await newPage(browser);
  await logIn(page, server, { ...reader, path: '/risk/method' });
  await page.getByRole('heading', { name: 'Risk method', level: 1 }).waitFor();
  await page.getByText(`Version ${method.version} is in force. Only an admin or an ISMS manager may change it.`).waitFor();
  await page.getByRole('table', { name: 'Matrix' }).waitFor();
  const top = method.likelihood.levels.at(-1);
  const right = method.impact.levels.at(-1);
  const corner = method.levels.find((l) => l.id === method.grid[top.value - 1][right.value - 1]);
  const firstRow = page.getByRole('table', { name: 'Matrix' }).locator('tbody tr').first();
  assert.equal((await firstRow.locator('td.cell').last().textContent()).trim(), corner.label);
  await page.getByRole('table', { name: 'Acceptance criteria' }).waitFor();
  await page.getByRole('link', { name: `Version ${method.version}`, exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Edit the method' }).count(), 0);
  assert.equal(await page.locator('main input, main select, main textarea').count(), 0);
  await checkAccessibility(page, 'the risk method, read-only');
  await done(page);
});

test('a treatment action planned from a risk starts with that risk and is listed on it', async () => {
  const risk = (await allRisks()).find((r) => r.status !== 'closed');
  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/risks/${risk.id}` });
  await page.getByRole('heading', { name: new RegExp(`^${risk.ref} `), level: 1 }).waitFor();
  await page.getByRole('link', { name: `Plan a treatment action for ${risk.ref}` }).click();
  await page.getByRole('heading', { name: /New record/ }).waitFor();
  assert.equal(await page.getByLabel('Risks treated', { exact: true }).inputValue(), String(risk.id));
  await page.getByLabel('Title', { exact: true }).fill('Planned from the risk screen');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: /RTA-\d+ Planned from the risk screen/ }).waitFor();
  const made = (await call('GET', `/api/v1/treatment_actions?risks=${risk.id}&limit=200`)).body.items;
  assert.ok(made.some((a) => a.title === 'Planned from the risk screen' && a.risks.includes(risk.id)));

  await page.goto(`${server.url}/#/risks/${risk.id}`);
  await page.getByRole('link', { name: /Planned from the risk screen/ }).waitFor();
  await done(page);
});

test('a risk with a loss model shows its loss exceedance curve and percentiles, the heat map the register\'s', async () => {
  const risks = await allRisks();
  let modelled = null;
  let plain = null;
  for (const r of risks) {
    const model = await call('GET', `/api/v1/risks/${r.id}/loss-model`);
    if (model.status === 200 && model.body.after !== null && modelled === null) {
      modelled = r;
    } else if (model.status === 404 && plain === null) {
      plain = r;
    }
  }
  assert.ok(modelled, 'the demo has a risk with a loss model before and after treatment');
  assert.ok(plain, 'the demo has a risk without a loss model');
  const simulation = (await call('GET', `/api/v1/risks/${modelled.id}/simulation`)).body;

  const page = await newPage(browser);
  await logIn(page, server, { ...server.admin, path: `/risks/${modelled.id}` });
  const figure = page.getByRole('figure', { name: `Loss exceedance of ${modelled.ref}` });
  await figure.waitFor();
  await figure.locator('.lec-chart svg path[stroke="#c62828"]').first().waitFor({ state: 'attached' });
  await figure.locator('.lec-chart svg path[stroke="#1565c0"]').first().waitFor({ state: 'attached' });
  const figures = figure.getByRole('table');
  const row = (name) => figures.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
  assert.equal(await row('Expected annual loss (ALE)').locator('td').first().textContent(), whole.format(simulation.before.ale));
  assert.equal(await row('1 year in 10 (p90)').locator('td').first().textContent(), whole.format(simulation.before.percentiles.p90));
  assert.equal(await row('1 year in 100 (p99)').locator('td').nth(1).textContent(), whole.format(simulation.after.percentiles.p99));
  await page.getByText(`${whole.format(Math.round(simulation.ale_reduction))} a year (expected annual loss avoided)`).waitFor();
  assert.match(await figure.locator('.lec-chart').getAttribute('aria-label'), /10 % chance of losing/);
  await checkAccessibility(page, 'a risk with its loss exceedance curve');
  await screenshot(page, 'loss-exceedance');

  await page.goto(`${server.url}/#/risks/${plain.id}`);
  await page.getByText('No loss model: this risk is assessed by the method\'s levels only.').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);

  const register = (await call('GET', '/api/v1/risks/simulation')).body;
  await page.goto(`${server.url}/#/risk/heatmap`);
  const registerFigure = page.getByRole('figure', { name: 'Loss exceedance of the risk register' });
  await registerFigure.waitFor();
  await registerFigure.locator('.lec-chart svg path[stroke="#c62828"]').first().waitFor({ state: 'attached' });
  assert.equal(
    await registerFigure.getByRole('row', { name: /^Expected annual loss/ }).locator('td').first().textContent(),
    whole.format(register.before.ale),
  );
  const top = page.getByRole('table', { name: 'The risks with the highest expected annual loss' });
  assert.equal(await top.locator('tbody tr').count(), register.top.length);
  await top.getByRole('link', { name: new RegExp(`^${register.top[0].ref} `) }).waitFor();
  await checkAccessibility(page, 'the heat map with the register\'s loss exceedance curve');
  await done(page);
});
