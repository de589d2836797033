// Staying late and Sunday overtime (issue 15, seed 003 方案1, SPEC §11 choice 10): the day's figures compiled at
// 17:50; whoever is short stays 30 minutes; work finished in the extension clears the day, and whoever is still short
// when it ends owes Sunday overtime, once a week. The lists are worked out from the records — the same whenever read —
// and a supervisor marks each stay and Sunday done. A small quota (3 call-minutes) keeps the records few.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshData, startServer, api, cleanup, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

const plus = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 7 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const monday = nextMonday();
const sunday = plus(monday, 6);
const at = (day, hm) => `${day}T${hm}:00+08:00`;

// Preset B's header, metrics and shortfall rule with a quota of 3 call-minutes (no faxes): its examples left out.
function smallPresetB() {
  const b = readFileSync(preset('preset-b'), 'utf8');
  const head = b.slice(0, b.indexOf('[quotas]'));
  const shortfall = b.slice(b.indexOf('[quotas.shortfall]'), b.indexOf('[[quotas.daily]]'));
  return `${head}[quotas]\n${shortfall}[[quotas.daily]]\nmetric = "talk_minutes"\ntarget = 3\nfine_per_unit_fen = 0\n`;
}

let dir, srv, t = {}, ids = {}, teamOf = {};
before(async () => {
  dir = freshData({ demo: true });
  const file = join(mkdtempSync(join(tmpdir(), 'waihu-policy-')), 'small-b.toml');
  writeFileSync(file, smallPresetB());
  const applied = cli(dir, ['policy', 'apply', file]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await clock(at(monday, '09:30'));
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) [ids[u.username], teamOf[u.username]] = [u.id, u.team_id];
});
after(async () => { await srv.stop(); cleanup(dir); });

async function clock(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } })).status, 200);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent02', 'agent03', 'liqiang', 'wangfang', 'zhaomin']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
}
const own = async (who) => (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids[who]}&limit=1`, { token: t.admin })).json.items[0];
// A call logged just after it ended: the clock moves there first (nobody logs a call ahead of time).
async function call(who, hm) {
  const [h, m] = hm.split(':').map(Number);
  await clock(at(monday, `${String(h + Math.floor((m + 2) / 60)).padStart(2, '0')}:${String((m + 2) % 60).padStart(2, '0')}`));
  const c = await own(who);
  const r = await api(srv.base, 'POST', '/api/v1/calls', { token: t[who], body: { customer_id: c.id, started_at: at(monday, hm), ring_seconds: 5, talk_seconds: 50, talk_seconds_reason: '补录', result: 'connected' } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
}
const stayLate = (who, q = '') => api(srv.base, 'GET', `/api/v1/discipline/stay-late?date=${monday}${q}`, { token: t[who] });
const row = (list, who) => list.json.items.find((r) => r.user_id === ids[who]);

test('before the check time nobody is listed; at it, whoever is short stays 30 minutes', async () => {
  await call('agent01', '10:00');
  await call('agent02', '10:30');  // 1 of 3
  await call('agent01', '11:00');
  await call('agent01', '15:00');  // 3 minutes: made
  await clock(at(monday, '17:40'));
  const early = await stayLate('liqiang');
  assert.equal(early.status, 200, JSON.stringify(early.json));
  assert.deepEqual([early.json.checked, early.json.items.length], [false, 0]);
  assert.equal(early.json.rule.check_time, '17:50');
  assert.equal(early.json.check_at, `${monday}T09:50:00Z`);
  assert.equal(early.json.extension_end, `${monday}T10:30:00Z`, '18:00 + 30 minutes');
  assert.equal(early.json.rule.approval, 'manager');
  const tooSoon = await api(srv.base, 'POST', '/api/v1/discipline/count-approvals', { token: t.zhaomin, body: { team_id: teamOf.agent01, date: monday } });
  assert.equal(tooSoon.json.error?.code, 'count.not_yet', JSON.stringify(tooSoon.json));
  await call('agent02', '17:45');  // 2 of 3 by the check (the clock now 17:47)
  await clock(at(monday, '17:55'));
  const list = await stayLate('liqiang');
  assert.equal(list.json.checked, true);
  assert.equal(row(list, 'agent01'), undefined, 'the quota was made');
  assert.deepEqual(row(list, 'agent02').at_check.map((r) => [r.metric, r.actual, r.short]), [['talk_minutes', 2, 1]]);
  assert.deepEqual(row(list, 'agent03').at_check.map((r) => [r.actual, r.short]), [[0, 3]]);
  assert.equal(row(list, 'agent03').sunday_overtime, false, 'the extension is not over');
  // Another group's supervisor sees none of them; agents see no list.
  assert.equal(row(await stayLate('wangfang'), 'agent02'), undefined);
  assert.equal((await stayLate('agent01')).status, 403);
});

test('the department manager signs off each team\'s count once, after the check time (seed 003 "交部門經理審核")', async () => {
  const approve = (who, body) => api(srv.base, 'POST', '/api/v1/discipline/count-approvals', { token: t[who], body });
  const list = await stayLate('zhaomin');
  const teamOne = row(list, 'agent02').team_id;
  const count = list.json.counts.find((c) => c.team_id === teamOne);
  const shortInTeam = list.json.items.filter((r) => r.team_id === teamOne).length;
  assert.ok(shortInTeam >= 2);
  assert.deepEqual([count.short_count, count.approval], [shortInTeam, null], JSON.stringify(list.json.counts));
  assert.ok(list.json.counts.length >= 3, 'every team judged that day is listed, short or not');
  assert.equal((await approve('liqiang', { team_id: teamOne, date: monday })).status, 403, 'a supervisor does not sign off');
  assert.equal((await approve('zhaomin', { team_id: 999999, date: monday })).status, 404);
  assert.equal((await approve('zhaomin', { date: monday })).json.error.details.field, 'team_id');
  const signed = await approve('zhaomin', { team_id: teamOne, date: monday, note: '已核对' });
  assert.equal(signed.status, 201, JSON.stringify(signed.json));
  assert.deepEqual([signed.json.approval.short_count, signed.json.approval.note], [shortInTeam, '已核对']);
  assert.equal((await approve('zhaomin', { team_id: teamOne, date: monday })).status, 409);
  const seen = (await stayLate('liqiang')).json.counts;
  assert.deepEqual(seen.map((c) => c.team_id), [teamOne], 'the supervisor sees their own team\'s count');
  assert.ok(seen[0].approval.approved_by_name.length > 0);
});

test('work finished in the extension clears the day; still short at its end owes Sunday overtime, once a week', async () => {
  await call('agent02', '18:05');  // 3 of 3 within the extension
  await call('agent03', '18:40');  // after the extension: too late for the day's shortfall
  await clock(at(monday, '18:45'));
  const list = await stayLate('liqiang');
  assert.equal(list.json.extension_over, true);
  assert.deepEqual([row(list, 'agent02').still_short, row(list, 'agent02').sunday_overtime], [false, false]);
  assert.deepEqual(row(list, 'agent02').at_check.map((r) => r.actual), [2], 'the check time\'s figures stay as they stood');
  assert.deepEqual([row(list, 'agent03').still_short, row(list, 'agent03').sunday_overtime], [true, true]);
  const week = await api(srv.base, 'GET', `/api/v1/discipline/sunday-overtime?date=${monday}`, { token: t.liqiang });
  assert.equal(week.status, 200, JSON.stringify(week.json));
  assert.equal(week.json.sunday, sunday);
  const a3 = week.json.items.find((r) => r.user_id === ids.agent03);
  assert.deepEqual([a3.days, a3.sessions, a3.done], [[monday], 1, null]);
  assert.equal(week.json.items.find((r) => r.user_id === ids.agent02), undefined);
});

test('the supervisor marks a stay and a Sunday done, once, and only what is owed', async () => {
  const mark = (who, body) => api(srv.base, 'POST', '/api/v1/discipline/shortfall-marks', { token: t[who], body });
  const stay = await mark('liqiang', { user_id: ids.agent02, kind: 'stay_late', date: monday, note: '18:05 完成' });
  assert.equal(stay.status, 201, JSON.stringify(stay.json));
  assert.equal((await mark('liqiang', { user_id: ids.agent02, kind: 'stay_late', date: monday })).status, 409);
  assert.equal((await mark('liqiang', { user_id: ids.agent01, kind: 'stay_late', date: monday })).status, 422, 'nothing owed');
  assert.equal((await mark('liqiang', { user_id: ids.agent03, kind: 'sunday_overtime', date: monday })).status, 400, 'not a Sunday');
  assert.equal((await mark('liqiang', { user_id: ids.agent03, kind: 'overtime', date: sunday })).status, 400);
  assert.equal((await mark('wangfang', { user_id: ids.agent03, kind: 'sunday_overtime', date: sunday })).status, 404, 'another group');
  assert.equal((await mark('agent01', { user_id: ids.agent03, kind: 'sunday_overtime', date: sunday })).status, 403);
  assert.equal((await mark('liqiang', { user_id: ids.agent03, kind: 'sunday_overtime', date: sunday })).json.error.code, 'shortfall.not_yet');
  await clock(at(sunday, '16:00'));
  const done = await mark('liqiang', { user_id: ids.agent03, kind: 'sunday_overtime', date: sunday, note: '值班经理监督完成' });
  assert.equal(done.status, 201, JSON.stringify(done.json));
  const week = await api(srv.base, 'GET', `/api/v1/discipline/sunday-overtime?date=${monday}`, { token: t.liqiang });
  assert.equal(week.json.items.find((r) => r.user_id === ids.agent03).done.note, '值班经理监督完成');
  const list = await stayLate('liqiang');
  assert.equal(row(list, 'agent02').done.note, '18:05 完成');
});
