// The test-only clock (issue 14): `serve --test-clock` is refused unless WAIHU_TEST_CLOCK=1; with it, an admin
// sets the server's time and every rule reads it — the desk's day and month turn at midnight in Shanghai, a call
// "in the future" is judged against it. A normal server has no such route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, cli, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv;
before(async () => {
  dir = freshData({ demo: true });
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
});
after(async () => { await srv.stop(); cleanup(dir); });

test('a normal server refuses the switch and has no clock route', async () => {
  const refused = cli(dir, ['serve', '--port', '0', '--test-clock'], { env: { ...process.env, WAIHU_TEST_CLOCK: '' }, timeout: 10000 });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /WAIHU_TEST_CLOCK=1/);
  const plainDir = freshData();
  const plain = await startServer(plainDir);
  try {
    const admin = await login(plain.base, 'admin', ADMIN_PASSWORD);
    const r = await api(plain.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now: '2026-10-31T23:59:30+08:00' } });
    assert.equal(r.status, 404);
  } finally {
    await plain.stop();
    cleanup(plainDir);
  }
});

test('the day and the month turn at midnight in Shanghai on the server\'s clock; the future is the clock\'s', async () => {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const agent = await login(srv.base, 'agent01', DEMO_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: agent, body: { now: '2026-10-31T23:59:30+08:00' } })).status, 403);
  const set = await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now: '2026-10-31T23:59:30+08:00' } });
  assert.equal(set.status, 200);
  assert.match(set.json.now, /^2026-10-31T15:59:/);
  assert.equal((await api(srv.base, 'GET', '/api/v1/desk', { token: agent })).json.date, '2026-10-31');
  assert.equal((await api(srv.base, 'GET', '/api/v1/overview', { token: admin })).json.month, '2026-10');
  await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now: '2026-11-01T00:00:10+08:00' } });
  const desk = (await api(srv.base, 'GET', '/api/v1/desk', { token: agent })).json;
  assert.equal(desk.date, '2026-11-01');
  assert.equal(desk.yesterday, '2026-10-31');
  const overview = (await api(srv.base, 'GET', '/api/v1/overview', { token: admin })).json;
  assert.equal(overview.month, '2026-11');
  assert.equal(overview.days.length, 1, 'the first day of the month');
  // A call starting on 2026-11-20 is in the future on this clock, whatever the machine's date.
  const me = (await api(srv.base, 'GET', '/api/v1/auth/me', { token: agent })).json;
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${me.id}&limit=1&sort=id`, { token: agent })).json.items[0];
  const future = await api(srv.base, 'POST', '/api/v1/calls', { token: agent, body: { customer_id: c.id, started_at: '2026-11-20T10:00:00+08:00', result: 'no_answer' } });
  assert.equal(future.status, 400);
  assert.equal(future.json.error.details.field, 'started_at');
  const bad = await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now: 'tomorrow' } });
  assert.equal(bad.json.error.details.field, 'now');
});
