// The rule book in a real browser (issue 14): an agent reads the rules in force and acknowledges them (the header's
// notice goes); a manager uploads a draft with a mistake, sees the problem by line, fixes it; the director approves and
// publishes; the agent is notified, reads what changed and acknowledges; the manager sees who has. Desktop and
// phone widths, Chinese and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { freshData, startServer, cleanup, api, login, preset, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

let dir, srv, browser;
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  browser = await launch();
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const teams = await api(srv.base, 'GET', '/api/v1/teams', { token: admin });
  const made = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'zongjingli', display_name: '王总', role: 'director', team_id: teams.json.items[0].id, password: 'director-pass' },
  });
  assert.equal(made.status, 201, JSON.stringify(made.json));
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

test('an agent reads the rules in force and acknowledges them; the notice goes', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent02', DEMO_PASSWORD, { path: '/customers' });
  await page.getByTestId('policy-notice').waitFor();
  assert.match(await page.getByTestId('policy-notice').getAttribute('title'), /预设A.*第 1 版/);
  await page.getByTestId('policy-notice').click();
  await page.waitForURL(/\/rules$/);
  await page.getByTestId('rules-effective_call').waitFor();
  assert.match(await page.getByTestId('rules-effective_call').innerText(), /有效通话：接通且通话不少于 30 秒/);
  assert.match(await page.getByTestId('rules-effective').innerText(), /自 2026-01-01 起执行/);
  await screenshot(page, 'rules-agent');
  await page.getByTestId('rules-acknowledge').click();
  await page.getByTestId('rules-acknowledged').waitFor();
  await page.goto(srv.base + '/customers');
  await page.getByTestId('nav').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('policy-notice').count(), 0, 'acknowledged: no notice');
  await context.close();
});

test('a manager uploads a draft with a mistake, fixes it by its line; the director approves and publishes; agents are told', async () => {
  const good = readFileSync(preset('seed-004'), 'utf8');
  const lines = good.split('\n');
  const at = lines.findIndex((l) => l.startsWith('form = "record"'));
  lines[at] = 'form = "records"';
  const manager = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/rules' });
  let page = manager.page;
  await page.getByTestId('rules-upload').click();
  await page.getByTestId('draft-text').fill(lines.join('\n'));
  await page.getByTestId('draft-note').fill('有效电话改为看记录');
  // The check button enables once the text is in; the page shows the server's answer to the check.
  await page.waitForFunction(() => !document.querySelector('[data-testid=draft-check]')?.disabled);
  const checked = page.waitForResponse((r) => r.url().endsWith('/api/v1/policies/check'));
  await page.getByTestId('draft-check').click();
  assert.equal((await checked).status(), 200);
  await page.getByTestId('draft-problems').waitFor();
  const problems = await page.getByTestId('draft-problems').innerText();
  assert.match(problems, new RegExp(`第 ${at + 1} 行`));
  assert.match(problems, /'form' must be one of/);
  await screenshot(page, 'rules-draft-problems');
  await page.getByTestId('draft-text').fill(good);
  await page.getByTestId('draft-check').click();
  await page.getByTestId('draft-ok').waitFor();
  await page.getByTestId('draft-save').click();
  await page.waitForURL(/\/rules\/\d+$/);
  const id = Number(page.url().split('/').pop());
  await page.getByTestId('policy-version').getByText('等待总经理批准').waitFor();
  assert.equal(await page.getByTestId('policy-approve').count(), 0, 'a manager does not approve');
  await manager.context.close();

  const director = await signIn(browser, srv.base, 'zongjingli', 'director-pass', { path: `/rules/${id}`, language: 'en' });
  page = director.page;
  await page.getByTestId('policy-approve').click();
  await page.getByTestId('policy-publish').click();
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByTestId('policy-version').getByText('Published', { exact: true }).waitFor();
  await page.getByRole('tab', { name: /What changed from version 1/ }).click();
  await page.getByTestId('rule-changes').waitFor();
  assert.match(await page.getByTestId('rule-changes').innerText(), /\+ An effective call is answered, and the customer's record holds company/);
  await screenshot(page, 'rules-director-en');
  await director.context.close();

  // The agent on a phone: told, reads what changed, acknowledges.
  const agent = await signIn(browser, srv.base, 'agent02', DEMO_PASSWORD, { path: '/customers', viewport: { width: 390, height: 844 } });
  page = agent.page;
  await page.getByTestId('policy-notice').waitFor();
  assert.match(await page.getByTestId('policy-notice').getAttribute('title'), new RegExp(`第 ${id} 版`));
  await page.getByTestId('policy-notice').click();
  await page.getByTestId('rule-changes').waitFor();
  assert.match(await page.getByTestId('rule-changes').innerText(), /- 有效通话：接通且通话不少于 30 秒/);
  await screenshot(page, 'rules-agent-phone');
  await page.getByTestId('rules-acknowledge').click();
  await page.getByTestId('rules-acknowledged').waitFor();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 390, `no sideways scrolling on a phone (${scrollWidth}px)`);
  await agent.context.close();

  // The manager sees who has acknowledged.
  const back = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: `/rules/${id}` });
  page = back.page;
  await page.getByRole('tab', { name: /人已确认/ }).click();
  await page.getByTestId('policy-acks').waitFor();
  const acks = await page.getByTestId('policy-acks').innerText();
  assert.match(acks, /agent02/);
  await back.context.close();
});
