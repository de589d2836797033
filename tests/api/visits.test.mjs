// Customer visits lower the day's quota (issue 15, preset A: "如外出拜访客户可根据时间适当减少电话量"): an agent asks for
// a visit of so many minutes on a day, the supervisor approves it, and the targets the desk, the team's day and the
// day's close use are lowered pro rata to the time out of the 9-hour workday, rounded up. A visit not approved
// lowers nothing. Bad input is refused by field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 2 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const monday = nextMonday();
const tuesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
const at = (day, hm) => `${day}T${hm}:00+08:00`;

let dir, srv, t = {}, ids = {};
before(async () => {
  dir = freshData({ demo: true });  // the demo runs the built-in preset A
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await signIn(at(monday, '09:05'));
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

async function signIn(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } })).status, 200);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent02', 'agent03', 'liqiang', 'zhaomin']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
}
const ask = (who, body) => api(srv.base, 'POST', '/api/v1/requests', { token: t[who], body });
const targets = (results) => Object.fromEntries(results.map((r) => [r.metric, r.target]));

test('a visit is asked for one day with its minutes; anything else is refused by field', async () => {
  for (const [body, field] of [[{ kind: 'visit', from: monday, reason: '拜访客户' }, 'minutes'], [{ kind: 'visit', from: monday, to: tuesday, minutes: 60, reason: '拜访' }, 'to'],
    [{ kind: 'visit', from: monday, minutes: 721, reason: '拜访' }, 'minutes'], [{ kind: 'visit', from: monday, minutes: 60, reason: ' ' }, 'reason'],
    [{ kind: 'resignation', from: tuesday, minutes: 30, reason: '回老家' }, 'minutes']]) {
    const r = await ask('agent01', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.details.field, field, JSON.stringify(body));
  }
});

test('approved, a visit lowers the targets on the desk and the team\'s day; one not approved lowers nothing', async () => {
  const three = await ask('agent01', { kind: 'visit', from: monday, minutes: 180, reason: '下午拜访成都高新云图科技，洽谈续约' });
  assert.equal(three.status, 201, JSON.stringify(three.json));
  const two = await ask('agent02', { kind: 'visit', from: monday, minutes: 120, reason: '上午拜访客户' });
  await ask('agent03', { kind: 'visit', from: monday, minutes: 240, reason: '拜访（未批准）' });
  const decide = (id) => api(srv.base, 'POST', `/api/v1/requests/${id}/decision`, { token: t.liqiang, body: { decision: 'approved' } });
  assert.equal((await decide(three.json.id)).status, 200);
  assert.equal((await decide(two.json.id)).status, 200);

  const desk = (await api(srv.base, 'GET', '/api/v1/desk', { token: t.agent01 })).json;
  assert.deepEqual(targets(desk.targets), { effective_calls: 80, follow_up_worthy: 17 }, '120 × 6/9 and 25 × 6/9 rounded up');
  const day = (await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: t.liqiang })).json;
  const of = (name) => targets(day.people.find((p) => p.username === name).quotas);
  assert.deepEqual(of('agent01'), { effective_calls: 80, follow_up_worthy: 17 });
  assert.deepEqual(of('agent02'), { effective_calls: 94, follow_up_worthy: 20 }, '120 × 7/9 = 93.3 → 94');
  assert.deepEqual(of('agent03'), { effective_calls: 120, follow_up_worthy: 25 }, 'not approved: the full targets');
});

test('the day\'s close judges the lowered targets and says why in the evidence', async () => {
  await signIn(at(tuesday, '09:00'));
  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close', { token: t.zhaomin, body: { date: monday } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  const day = (await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: t.liqiang })).json;
  const a1 = day.people.find((p) => p.username === 'agent01');
  assert.deepEqual(targets(a1.quotas), { effective_calls: 80, follow_up_worthy: 17 });
  const short = a1.entries.find((e) => e.rule === 'quotas.daily.effective_calls');
  assert.ok(short, 'an idle Monday is short');
  assert.equal(short.fine_fen, 500 * a1.quotas.find((q) => q.metric === 'effective_calls').short);
  assert.match(short.evidence, /外出拜访 180 分钟，原指标 120/);
});
