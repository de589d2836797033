// The supervisor's Friday review (issue 15, seed 004 过堂): each agent in scope with the week's figures from the
// metric layer, their place, and a comment per agent that the supervisor writes and rewrites; scope holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, t = {}, ids = {}, teams = {};
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'liqiang', 'wangfang', 'zhaomin']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) [ids[u.username], teams[u.username]] = [u.id, u.team_id];
});
after(async () => { await srv.stop(); cleanup(dir); });

const lastWeekDay = new Date(Date.now() + 8 * 3600000 - 7 * 86400000).toISOString().slice(0, 10);
const review = (who, q = '') => api(srv.base, 'GET', `/api/v1/discipline/weekly-review?date=${lastWeekDay}${q}`, { token: t[who] });

test('the week\'s figures are the metric layer\'s, every agent of the group listed, places shared by equal figures', async () => {
  const r = await review('liqiang');
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const group = Object.keys(ids).filter((u) => /^agent\d+$/.test(u) && teams[u] === teams.liqiang);
  assert.deepEqual(r.json.items.map((i) => i.user_id).sort((a, b) => a - b), group.map((u) => ids[u]).sort((a, b) => a - b));
  const layer = (await api(srv.base, 'GET', `/api/v1/metrics?by=agent&from=${r.json.from}&to=${r.json.to}&team_id=${teams.liqiang}`, { token: t.liqiang })).json.items;
  for (const i of r.json.items) {
    const m = layer.find((x) => x.agent_id === i.user_id);
    assert.equal(i.metrics.effective_calls, m ? m.metrics.effective_calls : 0);
    assert.equal(i.metrics.new_customers_a, m ? m.metrics.new_customers_a : 0);
    const key = (x) => x.metrics.effective_calls * 1000 + Math.min(x.metrics.new_customers_a + x.metrics.new_customers_b, 999);
    assert.equal(i.rank, 1 + r.json.items.filter((o) => key(o) > key(i)).length, i.name);
  }
  assert.equal((await review('agent01')).status, 403);
  assert.equal((await review('liqiang', `&team_id=${teams.wangfang}`)).status, 404);
});

test('a comment per agent: written, rewritten, in scope only, never one\'s own', async () => {
  const put = (who, body) => api(srv.base, 'PUT', '/api/v1/discipline/weekly-review', { token: t[who], body });
  assert.equal((await put('liqiang', { user_id: ids.agent01, date: lastWeekDay, comment: ' ' })).json.error.details.field, 'comment');
  const first = await put('liqiang', { user_id: ids.agent01, date: lastWeekDay, comment: '开发家数达标，A 类客户偏少' });
  assert.equal(first.status, 200, JSON.stringify(first.json));
  await put('liqiang', { user_id: ids.agent01, date: lastWeekDay, comment: '开发家数达标；下周重点跟进两家 A 类' });
  const row = (await review('liqiang')).json.items.find((i) => i.user_id === ids.agent01);
  assert.equal(row.review.comment, '开发家数达标；下周重点跟进两家 A 类');
  assert.ok(row.review.reviewed_by_name.length > 0);
  assert.equal((await put('wangfang', { user_id: ids.agent01, date: lastWeekDay, comment: 'x' })).status, 404, 'another group');
  assert.equal((await put('agent01', { user_id: ids.agent01, date: lastWeekDay, comment: 'x' })).status, 403);
  const future = new Date(Date.now() + 8 * 3600000 + 14 * 86400000).toISOString().slice(0, 10);
  assert.equal((await put('liqiang', { user_id: ids.agent01, date: future, comment: 'x' })).status, 400);
  // The manager sees the department, the comment included.
  const dept = (await review('zhaomin')).json.items;
  assert.equal(dept.find((i) => i.user_id === ids.agent01).review.comment, '开发家数达标；下周重点跟进两家 A 类');
});
