// Leaderboards and the month-end elimination list (issue 15, seed 001 "末位淘汰"): the staff ranked by any metric
// over a day, week or month within the reader's scope (an agent sees only their own place); closing last month under
// seed 001 lists the bottom three of the company (warning), two months in a row under 8,000 yuan and a month at zero
// (elimination) — checked here against the metric layer's own per-agent figures — and a manager confirms or overrides
// each with a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
const monthBefore = (m) => { const [y, mo] = m.split('-').map(Number); return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`; };
const lastDay = (m) => { const [y, mo] = m.split('-').map(Number); return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10); };
const lastMonth = monthBefore(today.slice(0, 7));

let dir, srv, t = {}, users = [];
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-001')]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'liqiang', 'zhaomin', 'wangfang']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
  users = (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items;
});
after(async () => { await srv.stop(); cleanup(dir); });

const rankings = (who, q) => api(srv.base, 'GET', `/api/v1/rankings?${q}`, { token: t[who] });
const figuresOf = async (month) => {
  const m = (await api(srv.base, 'GET', `/api/v1/metrics?by=agent&span=month&date=${month}-01`, { token: t.admin })).json.items;
  return Object.fromEntries(m.map((r) => [r.agent_id, r.metrics.revenue_fen]));
};
const staff = () => users.filter((u) => ['agent', 'field_rep'].includes(u.role) && !u.disabled && u.employment_status !== 'left');

test('the leaderboard ranks everyone in scope, idle people at zero, equal figures sharing a rank', async () => {
  const r = await rankings('admin', `metric=revenue_fen&span=month&date=${lastMonth}-01`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.people, staff().length);
  assert.equal(r.json.items.length, staff().length);
  const figures = await figuresOf(lastMonth);
  for (const s of r.json.items) {
    assert.equal(s.value, figures[s.user_id] ?? 0, s.name);
    assert.equal(s.rank, 1 + r.json.items.filter((o) => o.value > s.value).length, `${s.name}: 1 + how many have more`);
  }
  for (let i = 1; i < r.json.items.length; i++) assert.ok(r.json.items[i - 1].value >= r.json.items[i].value);
  // A supervisor ranks their group; an agent gets only their own place among the company.
  const group = await rankings('liqiang', 'metric=effective_calls&span=week');
  const liqiang = users.find((u) => u.username === 'liqiang');
  assert.ok(group.json.items.length > 0 && group.json.items.every((s) => s.team_id === liqiang.team_id));
  const mine = await rankings('agent01', `metric=revenue_fen&span=month&date=${lastMonth}-01`);
  assert.deepEqual(mine.json.items, []);
  assert.equal(mine.json.people, staff().length);
  const agent01 = users.find((u) => u.username === 'agent01');
  assert.equal(mine.json.mine.user_id, agent01.id);
  assert.equal(mine.json.mine.rank, r.json.items.find((s) => s.user_id === agent01.id).rank);
  // Bad input and another group's team.
  assert.equal((await rankings('admin', 'metric=nope')).json.error.details.field, 'metric');
  assert.equal((await rankings('admin', 'span=day')).status, 400);
  assert.equal((await rankings('admin', 'metric=dials&span=year')).status, 400);
  const other = users.find((u) => u.username === 'wangfang').team_id;
  assert.equal((await rankings('liqiang', `metric=dials&team_id=${other}`)).status, 404);
});

test('closing last month lists exactly whom seed 001\'s rules catch, by the metric layer\'s own figures', async () => {
  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close-month', { token: t.zhaomin, body: { month: lastMonth } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  const now = await figuresOf(lastMonth);
  const before = await figuresOf(monthBefore(lastMonth));
  const people = staff().filter((u) => !u.hired_on || u.hired_on <= lastDay(lastMonth));
  const value = (u) => now[u.id] ?? 0;
  const expected = {};
  for (const u of people) {
    const fromBottom = 1 + people.filter((o) => value(o) < value(u)).length;
    const twoUnder = value(u) < 800000 && (!u.hired_on || u.hired_on <= lastDay(monthBefore(lastMonth))) && (before[u.id] ?? 0) < 800000;
    if (value(u) === 0 || twoUnder) expected[u.id] = 'elimination';
    else if (fromBottom <= 3) expected[u.id] = 'warning';
  }
  assert.equal(closed.json.elimination_listed, Object.keys(expected).length);
  const listed = (await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&limit=1000`, { token: t.admin })).json.items;
  assert.deepEqual(Object.fromEntries(listed.map((w) => [w.user_id, w.proposes])), expected);
  for (const w of listed) {
    assert.equal(w.value, value({ id: w.user_id }));
    assert.ok(w.reasons.length > 0 && w.reasons.every((r) => ['bottom', 'below_months', 'zero'].includes(r.rule)));
  }
  // Closing again lists nobody twice.
  await api(srv.base, 'POST', '/api/v1/discipline/close-month', { token: t.zhaomin, body: { month: lastMonth } });
  assert.equal((await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&limit=1000`, { token: t.admin })).json.items.length, listed.length);
});

test('a manager confirms or overrides with a reason; each once; scope holds; a person sees what was decided about them', async () => {
  const open = (await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&limit=1000`, { token: t.zhaomin })).json.items;
  assert.ok(open.length >= 2, 'the demo month catches people');
  const [first, second] = open;
  const decide = (who, id, body) => api(srv.base, 'POST', `/api/v1/discipline/warnings/${id}/decision`, { token: t[who], body });
  assert.equal((await decide('liqiang', first.id, { decision: first.proposes })).status, 403, 'supervisors do not decide');
  const other = first.proposes === 'warning' ? 'elimination' : 'warning';
  const noReason = await decide('zhaomin', first.id, { decision: other });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.details.field, 'note');
  assert.equal((await decide('zhaomin', first.id, { decision: 'fired' })).status, 400);
  const confirmed = await decide('zhaomin', first.id, { decision: first.proposes });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
  assert.equal(confirmed.json.decision, first.proposes);
  assert.equal((await decide('zhaomin', first.id, { decision: first.proposes })).status, 409);
  const overridden = await decide('zhaomin', second.id, { decision: 'overridden', note: '本月请病假两周，业绩不计' });
  assert.deepEqual([overridden.json.decision, overridden.json.note], ['overridden', '本月请病假两周，业绩不计']);
  // The supervisor sees only the group's open entries; agents see no open list, only their own decided entry.
  const liqiang = users.find((u) => u.username === 'liqiang');
  const group = (await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&limit=1000`, { token: t.liqiang })).json.items;
  for (const w of group) assert.equal(users.find((u) => u.id === w.user_id).team_id, liqiang.team_id);
  assert.equal((await api(srv.base, 'GET', '/api/v1/discipline/warnings', { token: t.agent01 })).status, 403);
  const person = users.find((u) => u.id === first.user_id);
  const token = await login(srv.base, person.username, DEMO_PASSWORD);
  const own = (await api(srv.base, 'GET', '/api/v1/discipline/warnings?state=decided', { token })).json.items;
  assert.deepEqual(own.map((w) => w.id), [first.id]);
  assert.equal((await api(srv.base, 'GET', '/api/v1/discipline/warnings?month=2026-13', { token: t.admin })).status, 400);
});
