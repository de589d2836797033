// Leave, overtime and resignation requests (issue 15, seed 004): asked by the person, approved or rejected by the
// supervisor above; leave excuses its days only when asked a day ahead, approved before it begins and — for sick
// leave — with a certificate; the day's close judges it. A resignation's notice decides whether the final pay goes.
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
const friday = plus(monday, -3);
const at = (day, hm) => `${day}T${hm}:00+08:00`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let dir, srv, t = {}, ids = {}, names = {};
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await signIn(at(friday, '10:00'));
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) [ids[u.username], names[u.username]] = [u.id, u.display_name];
});
after(async () => { await srv.stop(); cleanup(dir); });

async function signIn(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } })).status, 200);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'agent06', 'agent11', 'liqiang', 'zhaomin'])
    t[name] = await login(srv.base, name, DEMO_PASSWORD);
}
const ask = (who, body) => api(srv.base, 'POST', '/api/v1/requests', { token: t[who], body });
const decide = (who, id, body) => api(srv.base, 'POST', `/api/v1/requests/${id}/decision`, { token: t[who], body });
const mine = {};

test('asking: leave, sick leave, overtime and resignation; wrong input is refused by field', async () => {
  const leave = await ask('agent01', { kind: 'personal', from: monday, reason: '家里有事' });
  assert.equal(leave.status, 201, JSON.stringify(leave.json));
  assert.deepEqual([leave.json.state, leave.json.from, leave.json.to, leave.json.verdict], ['pending', monday, monday, 'excused']);
  mine.a1 = leave.json.id;
  const sick = await ask('agent02', { kind: 'sick', from: monday, to: plus(monday, 1), reason: '发烧' });
  assert.equal(sick.json.verdict, 'no_certificate', 'sick leave needs its certificate');
  mine.a2 = sick.json.id;
  mine.a3 = (await ask('agent03', { kind: 'personal', from: monday, reason: '搬家' })).json.id;
  mine.a4 = (await ask('agent04', { kind: 'personal', from: monday, reason: '办证' })).json.id;
  const resign = await ask('agent05', { kind: 'resignation', from: plus(monday, 10), reason: '回老家' });
  assert.equal(resign.json.verdict, 'short_notice', 'thirteen days\' notice is less than fifteen');
  mine.a5 = resign.json.id;
  const overtime = await ask('agent06', { kind: 'overtime', from: monday, minutes: 60, reason: '赶月底指标' });
  assert.equal(overtime.json.minutes, 60);
  mine.a6 = overtime.json.id;
  mine.a11 = (await ask('agent11', { kind: 'personal', from: monday, reason: '私事' })).json.id;
  mine.sup = (await ask('liqiang', { kind: 'personal', from: monday, reason: '私事' })).json.id;

  const refused = [
    [{ kind: 'vacation', from: monday, reason: 'x' }, 'kind'],
    [{ kind: 'personal', from: '2020-01-06', reason: 'x' }, 'from'],
    [{ kind: 'personal', from: monday, to: friday, reason: 'x' }, 'to'],
    [{ kind: 'personal', from: monday, reason: '   ' }, 'reason'],
    [{ kind: 'personal', from: '2026-02-30', reason: 'x' }, 'from'],
    [{ kind: 'overtime', from: monday, reason: 'x' }, 'minutes'],
    [{ kind: 'overtime', from: monday, to: plus(monday, 1), minutes: 30, reason: 'x' }, 'to'],
    [{ kind: 'personal', from: monday, minutes: 30, reason: 'x' }, 'minutes'],
    [{ kind: 'personal', from: monday, reason: 'x', approved: true }, 'approved'],
  ];
  for (const [body, field] of refused) {
    const r = await ask('agent01', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.details.field, field, JSON.stringify(r.json));
  }
});

test('a certificate: only real images or PDFs, only by the requester; approvers in scope may read it', async () => {
  const path = `/api/v1/requests/${mine.a2}/certificate`;
  const upload = (who, bytes, type = 'image/png') => api(srv.base, 'POST', `${path}?filename=${encodeURIComponent('诊断证明.png')}`, { token: t[who], raw: bytes, headers: { 'content-type': type } });
  assert.equal((await upload('agent02', Buffer.from('not an image'), 'text/plain')).json.error.details.field, 'file');
  assert.equal((await upload('agent02', Buffer.alloc(0))).status, 400);
  assert.equal((await upload('agent03', PNG)).status, 404, 'not the requester');
  const ok = await upload('agent02', PNG);
  assert.equal(ok.status, 200, JSON.stringify(ok.json));
  assert.deepEqual(ok.json.certificate, { name: '诊断证明.png', type: 'image/png', bytes: PNG.length });
  assert.equal(ok.json.verdict, 'excused');
  const read = await api(srv.base, 'GET', path, { token: t.liqiang });
  assert.equal(read.status, 200);
  assert.ok(read.buf.equals(PNG));
  assert.equal(read.headers.get('x-content-type-options'), 'nosniff');
  assert.equal((await api(srv.base, 'GET', path, { token: t.agent11 })).status, 404);
  const personal = await api(srv.base, 'POST', `/api/v1/requests/${mine.a1}/certificate`, { token: t.agent01, raw: PNG, headers: { 'content-type': 'image/png' } });
  assert.equal(personal.status, 422, 'certificates are for sick leave');
});

test('approving: the supervisor\'s group only, never one\'s own; a rejection says why; decided once', async () => {
  assert.equal((await api(srv.base, 'GET', '/api/v1/requests?view=approve', { token: t.agent01 })).status, 403);
  const list = (await api(srv.base, 'GET', '/api/v1/requests?view=approve&state=pending', { token: t.liqiang })).json;
  const listed = list.items.map((r) => r.id);
  for (const id of [mine.a1, mine.a2, mine.a3, mine.a4, mine.a5, mine.a6]) assert.ok(listed.includes(id), `request ${id}`);
  assert.ok(!listed.includes(mine.a11), 'another group');
  assert.ok(!listed.includes(mine.sup), 'not one\'s own');
  assert.equal(list.items.find((r) => r.id === mine.a1).user_name, names.agent01);

  assert.equal((await decide('liqiang', mine.a11, { decision: 'approved' })).status, 404);
  assert.equal((await decide('liqiang', mine.sup, { decision: 'approved' })).status, 422);
  assert.equal((await decide('agent01', mine.a3, { decision: 'approved' })).status, 403);
  for (const id of [mine.a1, mine.a2]) assert.equal((await decide('liqiang', id, { decision: 'approved' })).json.state, 'approved');
  assert.equal((await decide('liqiang', mine.a3, { decision: 'rejected' })).json.error.details.field, 'note');
  assert.equal((await decide('liqiang', mine.a3, { decision: 'rejected', note: '月底人手不够' })).json.state, 'rejected');
  assert.equal((await decide('liqiang', mine.a3, { decision: 'approved' })).status, 409);
  const resign = await decide('liqiang', mine.a5, { decision: 'approved', note: '同意' });
  assert.equal(resign.json.outcome, 'short_notice', 'recorded for pay: no final pay');
  const cancelled = await api(srv.base, 'POST', `/api/v1/requests/${mine.a6}/cancel`, { token: t.agent06 });
  assert.equal(cancelled.json.state, 'cancelled');
  assert.equal((await api(srv.base, 'POST', `/api/v1/requests/${mine.a6}/cancel`, { token: t.agent06 })).status, 409);
  assert.equal((await api(srv.base, 'POST', `/api/v1/requests/${mine.a1}/cancel`, { token: t.agent02 })).status, 404);
  const own = (await api(srv.base, 'GET', '/api/v1/requests', { token: t.agent03 })).json;
  assert.deepEqual(own.items.map((r) => [r.state, r.note]), [['rejected', '月底人手不够']]);
});

test('the day judges the leave: approved in time excuses it; approved after it began, or refused, is a day absent', async () => {
  await signIn(at(monday, '09:30'));
  assert.equal((await decide('liqiang', mine.a4, { decision: 'approved' })).json.verdict, 'approved_late');
  const live = (await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: t.liqiang })).json;
  const preview = Object.fromEntries(live.people.map((p) => [p.username, p.attendance_preview]));
  assert.equal(preview.agent01, 'leave');
  assert.equal(preview.agent02, 'leave');
  await signIn(at(plus(monday, 1), '10:00'));
  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close', { token: t.zhaomin, body: { date: monday } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  const day = (await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: t.liqiang })).json;
  const outcome = Object.fromEntries(day.people.map((p) => [p.username, [p.attendance?.outcome, p.entries.length]]));
  assert.deepEqual(outcome.agent01, ['leave', 0]);
  assert.deepEqual(outcome.agent02, ['leave', 0]);
  assert.deepEqual(outcome.agent03, ['absent_day', 1], 'refused');
  assert.deepEqual(outcome.agent04, ['absent_day', 1], 'approved after the day began');
});
