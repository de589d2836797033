// Meetings in a real browser (issue 15, seed 004): the supervisor holds the daily team meeting (the rules fill in
// its 17:00 start and hour), takes the roll call and closes it; the agent sees how they were marked, at phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot, openFromMenu } from './browser.mjs';

function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 2 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const monday = nextMonday();
const at = (day, hm) => `${day}T${hm}:00+08:00`;

let dir, srv, browser, ids = {}, names = {};
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  let admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now: at(monday, '17:40') } })).status, 200);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);  // sessions from before the jump have expired
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) [ids[u.username], names[u.username]] = [u.id, u.display_name];
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

test('the supervisor holds the daily meeting, marks one agent absent and the rest present, and closes the roll call', async () => {
  const sup = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: '/desk', now: at(monday, '17:40') });
  await openFromMenu(sup.page, '考核', '会议');
  await sup.page.getByTestId('meeting-hold').click();
  await sup.page.getByTestId('meeting-kind').click();
  await sup.page.locator('.ant-select-dropdown').getByText('电话销售员例会').click();
  assert.equal(await sup.page.getByTestId('meeting-title').inputValue(), '电话销售员例会');
  await sup.page.getByTestId('meeting-team').click();
  await sup.page.locator('.ant-select-dropdown').last().getByText('电销一组').click();
  await sup.page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  const drawer = sup.page.getByTestId('meeting-drawer');
  await drawer.getByText(`${monday} 17:00`).waitFor();
  // The dialog hands the keyboard over to the drawer it opened, instead of back to the button that opened it.
  await sup.page.waitForFunction(() => !!document.activeElement?.closest('.ant-drawer'));
  await sup.page.getByTestId('meeting-all-present').click();
  await sup.page.getByTestId(`meeting-status-${ids.agent01}`).click();
  await sup.page.locator('.ant-select-dropdown:visible').getByText('缺席').click();
  await sup.page.getByTestId('meeting-close').click();
  await sup.page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await sup.page.getByTestId('meeting-state').getByText('已结束').waitFor();
  await screenshot(sup.page, 'meeting-closed');
  await sup.context.close();

  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/meetings', now: at(monday, '17:45'), viewport: { width: 390, height: 844 } });
  await agent.page.getByTestId('meetings-table').getByText('缺席').waitFor();
  await screenshot(agent.page, 'meetings-agent-phone');
  await agent.context.close();
});
