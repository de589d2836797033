// The Friday review in a real browser (issue 15, seed 004 过堂): the supervisor opens last week, sees each agent's
// figures and place, and writes a comment that stays on the row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot, openFromMenu } from './browser.mjs';

let dir, srv, browser, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) ids[u.username] = u.id;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

test('the supervisor reviews the week and comments on an agent', async () => {
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: '/desk' });
  await openFromMenu(page, '考核', '周五过堂');
  const table = page.getByTestId('review-table');
  await table.getByTestId(`review-write-${ids.agent01}`).click();
  await page.getByTestId('review-comment').fill('本周开发家数达标；A 类客户偏少，下周多约访');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await table.getByTestId(`review-comment-${ids.agent01}`).getByText('本周开发家数达标').waitFor();
  assert.ok(await table.getByText('A 类客户').first().isVisible(), 'the A/B columns');
  await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
  await screenshot(page, 'weekly-review');
  await context.close();
});
