// The floor's discipline (issue 15): clocking in and out, the team's day live and after closing, a closed day final
// (quota results and attendance judged once; every fine and points change a ledger row naming its rule, policy
// version and evidence), the ledger in scope, and `waihu close`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, demoCast, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, agent01, agent11, supervisor1, ids, manager;
// A Monday at least two days after the demo's activity (which ends today): nobody has called on it.
function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 2 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const monday = nextMonday();
const tuesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
const at = (day, hm) => `${day}T${hm}:00+08:00`;

before(async () => {
  dir = freshData({ demo: true });
  // Seed 004's attendance: 09:00–18:00, ≤ 30 minutes 10 yuan and −2, more half a day absent −5, a day −10.
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await signIn(at(monday, '08:00'));
});

// Sessions live by the server's clock: everyone signs in again after the clock jumps ahead.
async function signIn(now) {
  const first = await login(srv.base, 'admin', ADMIN_PASSWORD);
  await api(srv.base, 'POST', '/api/v1/test/clock', { token: first, body: { now } });
  ({ admin, agent01, agent11, supervisor1, ids } = await demoCast(srv.base));
  manager = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
}
after(async () => { await srv.stop(); cleanup(dir); });

const setClock = (now) => api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } });

test('clock in and out: the first clock-in stays, the last clock-out counts, the team\'s day previews the judgement', async () => {
  await setClock(at(monday, '09:31'));
  const first = await api(srv.base, 'POST', '/api/v1/attendance/clock-in', { token: agent01 });
  assert.equal(first.status, 200, JSON.stringify(first.json));
  await setClock(at(monday, '09:45'));
  const again = await api(srv.base, 'POST', '/api/v1/attendance/clock-in', { token: agent01 });
  assert.equal(again.json.clock_in_at, first.json.clock_in_at, 'a second clock-in does not move the first');
  await setClock(at(monday, '17:50'));
  await api(srv.base, 'POST', '/api/v1/attendance/clock-out', { token: agent01 });
  await setClock(at(monday, '18:05'));
  const out = await api(srv.base, 'POST', '/api/v1/attendance/clock-out', { token: agent01 });
  assert.equal(Date.parse(out.json.clock_out_at), Date.parse(at(monday, '18:05')), 'the last clock-out counts');
  const extra = await api(srv.base, 'POST', '/api/v1/attendance/clock-out', { token: agent01, body: { at: 'noon' } });
  assert.equal(extra.status, 400, 'no fields are taken from the client: the time is the server\'s');

  const mine = (await api(srv.base, 'GET', '/api/v1/discipline/my-day', { token: agent01 })).json;
  assert.equal(mine.attendance.outcome, null, 'not judged before the day is closed');
  assert.equal(mine.attendance_preview, 'absent_half_day', '31 minutes late is half a day absent under seed 004');

  const team = await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: supervisor1 });
  assert.equal(team.status, 200);
  assert.equal(team.json.closed, false);
  assert.equal(team.json.has_attendance, true);
  assert.deepEqual(team.json.workday, { start: 540, end: 1080 });
  const people = new Map(team.json.people.map((p) => [p.username, p]));
  assert.ok(people.has('agent01') && people.has('agent02'), 'the supervisor\'s group');
  assert.ok(!people.has('agent11'), 'another group is outside the supervisor\'s scope');
  assert.equal(people.get('agent02').attendance_preview, 'absent_day', 'no clock and no call');
  assert.equal((await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: agent01 })).status, 403);
});

test('closing a day judges once: ledger rows with rule, version and evidence; closing again changes nothing', async () => {
  const early = await api(srv.base, 'POST', '/api/v1/discipline/close', { token: admin, body: { date: monday } });
  assert.equal(early.status, 400, 'the day is not over');
  assert.equal(early.json.error.details.field, 'date');
  await signIn(at(tuesday, '10:00'));
  assert.equal((await api(srv.base, 'POST', '/api/v1/discipline/close', { token: agent01, body: { date: monday } })).status, 403);
  assert.equal((await api(srv.base, 'POST', '/api/v1/discipline/close', { token: supervisor1, body: { date: monday } })).status, 403);
  const bad = await api(srv.base, 'POST', '/api/v1/discipline/close', { token: admin, body: { date: '2026-02-30' } });
  assert.equal(bad.json.error.details.field, 'date');

  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close', { token: manager, body: { date: monday } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  assert.equal(closed.json.closed_now, true);
  assert.ok(closed.json.people >= 30, `${closed.json.people} people judged`);

  const team = (await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: supervisor1 })).json;
  assert.equal(team.closed, true);
  const a1 = team.people.find((p) => p.username === 'agent01');
  assert.equal(a1.attendance.outcome, 'absent_half_day');
  assert.equal(a1.attendance.late_minutes, 31);
  assert.ok(a1.attendance.policy_version > 0);
  assert.equal(a1.entries.length, 1);
  const e = a1.entries[0];
  assert.deepEqual([e.item, e.points, e.fine_fen, e.base_days_milli, e.rule, e.source],
    ['absent_half_day', -5, 0, 1500, 'attendance.half_day', 'close']);
  assert.equal(e.policy_version, a1.attendance.policy_version);
  assert.match(e.evidence, /09:31/);
  const a2 = team.people.find((p) => p.username === 'agent02');
  assert.deepEqual(a2.entries.map((x) => [x.item, x.points, x.base_days_milli]), [['absent_day', -10, 3000]]);
  const sup = team.people.find((p) => p.username === 'liqiang');
  assert.ok(sup, 'supervisors clock in under seed 004 too');

  const again = await api(srv.base, 'POST', '/api/v1/discipline/close', { token: admin, body: { date: monday } });
  assert.equal(again.json.closed_now, false);
  const after = (await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token: supervisor1 })).json;
  assert.deepEqual(after.people.find((p) => p.username === 'agent01').entries, a1.entries, 'nothing written twice');
  const late = await api(srv.base, 'POST', '/api/v1/attendance/clock-in', { token: agent01 });
  assert.equal(late.status, 200, 'today is a new day');

  const cliAgain = cli(dir, ['close', 'day', monday]);
  assert.equal(cliAgain.status, 0, cliAgain.stderr);
  assert.match(cliAgain.stdout, /closed before; nothing changed/);
  // The command line runs on the machine's clock: the last Sunday before today is over.
  const sunday = (() => {
    const d = new Date(Date.now() + 8 * 3600000 - 86400000);
    while (d.getUTCDay() !== 0) d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  })();
  const rest = cli(dir, ['close', 'day', sunday]);
  assert.match(rest.stdout, /not a working day/);
  const future = cli(dir, ['close', 'day', '2099-01-01']);
  assert.notEqual(future.status, 0);
  assert.match(future.stderr, /date/);
});

test('the ledger: own entries with the month\'s totals; another agent\'s is not found; the supervisor reads the group\'s', async () => {
  const month = monday.slice(0, 7);
  const own = await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${month}`, { token: agent01 });
  assert.equal(own.status, 200);
  assert.ok(own.json.items.some((x) => x.date === monday && x.item === 'absent_half_day'));
  assert.equal(own.json.points, own.json.items.reduce((s, x) => s + x.points, 0));
  const other = await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${month}&user_id=${ids.agent02}`, { token: agent01 });
  assert.equal(other.status, 404, 'an agent cannot read a colleague\'s ledger');
  const far = await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${month}&user_id=${ids.agent02}`, { token: agent11 });
  assert.equal(far.status, 404);
  const bySup = await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${month}&user_id=${ids.agent02}&limit=1`, { token: supervisor1 });
  assert.equal(bySup.status, 200);
  assert.equal(bySup.json.items[0].item, 'absent_day');
  assert.equal(bySup.json.points, -10);
  assert.equal((await api(srv.base, 'GET', '/api/v1/discipline/ledger?month=2026-13', { token: agent01 })).json.error.details.field, 'month');
});
