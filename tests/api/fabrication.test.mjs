// Fabricated records (虚报, issue 15, presets A and B: "虚报一经查实一次扣除50元罚款"): a supervisor marks a call or a
// follow-up of someone in scope as made up, with a reason; the record stays but counts in no figure from then on;
// the policy's 50-yuan fine is a ledger row on the day it was found. Once per record; never one's own; scope holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 2 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const monday = nextMonday();
const at = (day, hm) => `${day}T${hm}:00+08:00`;

let dir, srv, t = {}, ids = {};
before(async () => {
  dir = freshData({ demo: true });  // the built-in preset A
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now: at(monday, '11:00') } })).status, 200);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent11', 'liqiang', 'zhaomin']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

const own = async (who) => (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids[who]}&limit=1`, { token: t.admin })).json.items[0];
const logCall = async (who, hm, owner = who) => {
  const c = await own(owner);
  const r = await api(srv.base, 'POST', '/api/v1/calls', { token: t[who], body: { customer_id: c.id, started_at: at(monday, hm), ring_seconds: 5, talk_seconds: 90, talk_seconds_reason: '补录', result: 'connected', notes: '介绍产品' } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json;
};
const today = async (who) => (await api(srv.base, 'GET', '/api/v1/desk', { token: t[who] })).json.metrics;
const mark = (who, kind, id, body) => api(srv.base, 'POST', `/api/v1/${kind}/${id}/fabricated`, { token: t[who], body });

let call, other, supervisorCall;
test('a call marked fabricated leaves the figures and costs 50 yuan on the ledger, the reason and the record named', async () => {
  call = await logCall('agent01', '09:30');
  await logCall('agent01', '09:40');
  const before = await today('agent01');
  assert.equal(before.effective_calls, 2);
  const marked = await mark('liqiang', 'calls', call.id, { reason: '录音核查：该时段没有通话' });
  assert.equal(marked.status, 201, JSON.stringify(marked.json));
  const e = marked.json.entry;
  assert.deepEqual([e.item, e.fine_fen, e.points, e.rule, e.user_id, e.date, e.entered_by], ['fabricated', 5000, 0, 'fabrication', ids.agent01, monday, ids.liqiang]);
  assert.equal(e.reason, '录音核查：该时段没有通话');
  assert.match(e.evidence, new RegExp(`通话 #${call.id}`));
  const after = await today('agent01');
  assert.deepEqual([after.dials, after.effective_calls, after.talk_seconds], [before.dials - 1, 1, before.talk_seconds - 90]);
  const shown = (await api(srv.base, 'GET', `/api/v1/calls/${call.id}`, { token: t.agent01 })).json;
  assert.equal(shown.fabricated.reason, '录音核查：该时段没有通话', 'the record stays, marked');
  assert.equal(shown.fabricated.by, ids.liqiang);
});

test('once per record, by supervisors and above, within scope, never one\'s own, with a reason', async () => {
  assert.equal((await mark('liqiang', 'calls', call.id, { reason: '再标一次' })).status, 409);
  other = await logCall('agent11', '10:00');
  assert.equal((await mark('liqiang', 'calls', other.id, { reason: '越权' })).status, 404, 'another group');
  assert.equal((await mark('agent01', 'calls', other.id, { reason: '举报' })).status, 403);
  assert.equal((await mark('zhaomin', 'calls', other.id, { reason: '' })).json.error.details.field, 'reason');
  assert.equal((await mark('zhaomin', 'calls', 99999999, { reason: '不存在' })).status, 404);
  supervisorCall = await logCall('liqiang', '10:10', 'agent01');
  assert.equal((await mark('liqiang', 'calls', supervisorCall.id, { reason: '自查' })).status, 422);
  assert.equal((await mark('zhaomin', 'calls', supervisorCall.id, { reason: '经理抽查' })).status, 201, 'the manager marks the supervisor\'s');
});

test('the calls export keeps a fabricated call, marked with its reason', async () => {
  const csv = await api(srv.base, 'GET', `/api/v1/calls/export?day=${monday}&agent_id=${ids.agent01}`, { token: t.liqiang });
  assert.equal(csv.status, 200);
  const lines = csv.buf.toString('utf8').trimEnd().split('\r\n');
  assert.match(lines[0], /,来源,虚报$/);
  const row = lines.find((l) => l.startsWith(`${call.id},`));
  assert.ok(row?.endsWith(',是：录音核查：该时段没有通话'), row);
  assert.ok(lines.slice(1).filter((l) => !l.startsWith(`${call.id},`)).every((l) => l.endsWith(',')), 'the others unmarked');
});

test('a follow-up marked fabricated leaves the follow-up count', async () => {
  const c = await own('agent01');
  const f = await api(srv.base, 'POST', '/api/v1/follow-ups', { token: t.agent01, body: { customer_id: c.id, content: '电话沟通了续约事宜' } });
  assert.equal(f.status, 201, JSON.stringify(f.json));
  const before = (await today('agent01')).follow_ups;
  const marked = await mark('liqiang', 'follow-ups', f.json.id, { reason: '客户表示未接到电话' });
  assert.equal(marked.status, 201, JSON.stringify(marked.json));
  assert.match(marked.json.entry.evidence, new RegExp(`跟进记录 #${f.json.id}`));
  assert.equal((await today('agent01')).follow_ups, before - 1);
  const ledger = (await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${monday.slice(0, 7)}&user_id=${ids.agent01}`, { token: t.liqiang })).json;
  assert.equal(ledger.items.filter((x) => x.item === 'fabricated').length, 2);
  assert.ok(ledger.fines_fen >= 10000);
});
