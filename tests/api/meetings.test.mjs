// Meetings (issue 15, seed 004 "公司会议一概按时参与，未经许可迟到、早退或无故缺席者扣除绩效分2分"; SPEC §11 choice 15):
// a supervisor holds a company meeting for the group, takes the attendance and closes it; whoever was late, left
// early or absent without leave gets −2 on the ledger, once; someone on approved leave that day is excused whatever
// was marked; the daily team meeting is recorded at no cost. Invitees see their own row; scope holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 7 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const plus = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const monday = nextMonday();
const at = (day, hm) => `${day}T${hm}:00+08:00`;

let dir, srv, t = {}, ids = {}, team = {};
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await clock(at(plus(monday, -3), '10:00'));  // the Friday before: leave is asked a day ahead
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) [ids[u.username], team[u.username]] = [u.id, u.team_id];
  const leave = await api(srv.base, 'POST', '/api/v1/requests', { token: t.agent03, body: { kind: 'personal', from: monday, reason: '搬家' } });
  assert.equal(leave.status, 201, JSON.stringify(leave.json));
  const ok = await api(srv.base, 'POST', `/api/v1/requests/${leave.json.id}/decision`, { token: t.liqiang, body: { decision: 'approved' } });
  assert.equal(ok.status, 200, JSON.stringify(ok.json));
  await clock(at(monday, '10:00'));
});
after(async () => { await srv.stop(); cleanup(dir); });

async function clock(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } })).status, 200);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent02', 'agent03', 'agent11', 'liqiang', 'wangfang']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
}
const hold = (who, body) => api(srv.base, 'POST', '/api/v1/meetings', { token: t[who], body });
const take = (who, id, body) => api(srv.base, 'POST', `/api/v1/meetings/${id}/attendance`, { token: t[who], body });
const ledger = async (who) => (await api(srv.base, 'GET', `/api/v1/discipline/ledger?user_id=${ids[who]}&month=${monday.slice(0, 7)}&limit=200`, { token: t.liqiang })).json.items;

let company;
test('a supervisor holds a company meeting for the group: everyone on its staff is invited', async () => {
  assert.equal((await hold('liqiang', { kind: 'party', title: '年会', team_id: team.agent01, starts_at: at(monday, '15:00') })).json.error.details.field, 'kind');
  assert.equal((await hold('liqiang', { kind: 'company', title: '季度会', team_id: team.agent11, starts_at: at(monday, '15:00') })).status, 404, 'another group');
  assert.equal((await hold('agent01', { kind: 'company', title: '季度会', team_id: team.agent01, starts_at: at(monday, '15:00') })).status, 403);
  const r = await hold('liqiang', { kind: 'company', title: '月度经营会', team_id: team.agent01, starts_at: at(monday, '15:00') });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  company = r.json;
  assert.deepEqual([company.kind_zh, company.minutes, company.missed_item], ['公司会议', 60, 'missed_meeting']);
  const invited = company.attendees.map((a) => a.user_id);
  for (const who of ['agent01', 'agent02', 'agent03']) assert.ok(invited.includes(ids[who]), who);
  assert.ok(!invited.includes(ids.liqiang), 'the holder is not an invitee');
  assert.ok(!invited.includes(ids.agent11));
  // An invitee sees the meeting and only their own row; another group's agent does not see it.
  const mine = await api(srv.base, 'GET', `/api/v1/meetings/${company.id}`, { token: t.agent01 });
  assert.deepEqual(mine.json.attendees.map((a) => a.user_id), [ids.agent01]);
  assert.equal(mine.json.may_mark, false);
  assert.equal((await api(srv.base, 'GET', `/api/v1/meetings/${company.id}`, { token: t.agent11 })).status, 404);
  const listed = (await api(srv.base, 'GET', '/api/v1/meetings', { token: t.agent01 })).json.items;
  assert.ok(listed.some((m) => m.id === company.id));
});

test('closing the attendance: late, early and absent cost −2 once, leave excuses, unmarked people stop it', async () => {
  assert.equal((await take('liqiang', company.id, { close: true })).json.error.code, 'meeting.not_started');
  await clock(at(monday, '16:10'));
  const everyone = company.attendees.map((a) => a.user_id);
  const status = (id) => (id === ids.agent01 ? 'absent' : id === ids.agent02 ? 'late' : id === ids.agent03 ? 'absent' : 'present');
  const partial = await take('liqiang', company.id, { marks: [{ user_id: ids.agent01, status: 'absent' }], close: true });
  assert.equal(partial.status, 400, 'someone is not marked yet');
  assert.equal((await take('liqiang', company.id, { marks: [{ user_id: ids.agent11, status: 'absent' }] })).status, 400, 'not invited');
  assert.equal((await take('liqiang', company.id, { marks: [{ user_id: ids.agent01, status: 'asleep' }] })).status, 400);
  const closed = await take('liqiang', company.id, { marks: everyone.map((id) => ({ user_id: id, status: status(id), note: id === ids.agent02 ? '迟到 10 分钟' : '' })), close: true });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  const row = (who) => closed.json.attendees.find((a) => a.user_id === ids[who]);
  assert.equal(row('agent03').status, 'excused', 'on approved leave that day');
  assert.ok(row('agent01').entry_id && row('agent02').entry_id);
  assert.equal(row('agent03').entry_id, null);
  const e1 = (await ledger('agent01')).find((e) => e.id === row('agent01').entry_id);
  assert.deepEqual([e1.item, e1.points, e1.rule, e1.date], ['missed_meeting', -2, 'meetings.company', monday]);
  assert.match(e1.evidence, new RegExp(`meeting #${company.id}`));
  assert.equal((await ledger('agent02')).find((e) => e.id === row('agent02').entry_id).reason, '迟到 10 分钟');
  assert.equal((await take('liqiang', company.id, { marks: [{ user_id: ids.agent01, status: 'present' }] })).status, 409);
  assert.equal((await ledger('agent01')).filter((e) => e.item === 'missed_meeting').length, 1);
});

test('the daily team meeting records attendance at no cost', async () => {
  const daily = await hold('liqiang', { kind: 'team_daily', title: '每日例会：录音讲评', team_id: team.agent01, starts_at: at(monday, '17:00') });
  assert.equal(daily.json.minutes, 60);
  await clock(at(monday, '17:30'));
  const marks = daily.json.attendees.map((a) => ({ user_id: a.user_id, status: a.user_id === ids.agent01 ? 'absent' : 'present' }));
  const closed = await take('liqiang', daily.json.id, { marks, close: true });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  assert.equal(closed.json.attendees.find((a) => a.user_id === ids.agent01).entry_id, null);
  assert.equal((await ledger('agent01')).filter((e) => e.item === 'missed_meeting').length, 1);
});
