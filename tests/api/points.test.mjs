// The points ledger (issue 15, seed 004): supervisors enter catalogue items with a reason for people in their scope;
// items marked for dismissal raise a case instead; the person an entry is about objects once, within the window, and
// a manager decides — a withdrawn entry is undone by a correction that names it; the month closes once, its points
// judged against 80 and 120, and stays as it was: later corrections land in the next month.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

// A month at least a month ahead, so every day of it is still to come when the test begins.
const ahead = new Date(Date.now() + 40 * 86400000);
const month = ahead.toISOString().slice(0, 7);
const [y, m] = month.split('-').map(Number);
const nextMonth = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
const day = (d) => `${month}-${String(d).padStart(2, '0')}`;
const at = (date, hm) => `${date}T${hm}:00+08:00`;

let dir, srv, t = {}, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await signIn(at(day(10), '10:00'));
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

// Sessions live by the server's clock: everyone signs in again after it jumps.
async function signIn(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const set = await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } });
  assert.equal(set.status, 200, JSON.stringify(set.json));
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent02', 'agent11', 'liqiang', 'zhaomin']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
}
const enter = (token, body) => api(srv.base, 'POST', '/api/v1/discipline/entries', { token, body });
const ledger = (token, user) => api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${month}${user ? `&user_id=${ids[user]}` : ''}`, { token });

test('the catalogue in force: seed 004\'s items, thresholds and objection window', async () => {
  const c = (await api(srv.base, 'GET', `/api/v1/discipline/catalogue?date=${day(10)}`, { token: t.liqiang })).json;
  assert.equal(c.points.base, 100);
  assert.deepEqual([c.points.bonus.above, c.points.penalty.below, c.points.thresholds], [120, 80, 'exclusive']);
  const items = Object.fromEntries(c.points.items.map((i) => [i.key, i]));
  assert.deepEqual([items.personal_call.points, items.personal_call.fine_fen], [-10, 10000]);
  assert.equal(items.leaking_data.dismissal, 'always');
  assert.equal(items.harming_morale.dismissal, 'if_serious');
  for (const key of ['missed_meeting', 'no_weekly_summary', 'cleaning_skipped', 'untidy_seat', 'off_task', 'abusing_customer', 'diverting_payment'])
    assert.ok(items[key], key);
  // The weekly summary item is written when Friday closes ([reports]); it is never entered by hand.
  assert.deepEqual([items.no_weekly_summary.automatic, items.personal_call.automatic], [true, false]);
  const byHand = await enter(t.liqiang, { user_id: ids.agent01, date: day(5), item: 'no_weekly_summary', reason: '没交' });
  assert.equal(byHand.status, 400);
  assert.equal(byHand.json.error.details.field, 'item');
});

test('a supervisor enters items with a reason for the group; the rest is refused by name', async () => {
  const first = await enter(t.liqiang, { user_id: ids.agent01, date: day(5), item: 'personal_call', reason: '用座机打私人电话 20 分钟', evidence: '监控 09:40' });
  assert.equal(first.status, 201, JSON.stringify(first.json));
  const e = first.json.entry;
  assert.deepEqual([e.item, e.points, e.fine_fen, e.source, e.rule, e.entered_by, e.date], ['personal_call', -10, 10000, 'manual', 'points.item.personal_call', ids.liqiang, day(5)]);
  assert.equal(e.reason, '用座机打私人电话 20 分钟');
  assert.ok(e.policy_version > 0);
  assert.equal(first.json.case, null);
  assert.equal((await enter(t.liqiang, { user_id: ids.agent01, date: day(6), item: 'personal_call', reason: '又一次' })).status, 201);
  for (const item of ['personal_call', 'personal_call', 'missed_meeting'])
    assert.equal((await enter(t.liqiang, { user_id: ids.agent02, date: day(7), item, reason: '记录' })).status, 201);

  const refused = [
    [t.agent02, { user_id: ids.agent01, date: day(5), item: 'off_task', reason: 'x' }, 403, null],
    [t.liqiang, { user_id: ids.agent11, date: day(5), item: 'off_task', reason: 'x' }, 404, null],
    [t.liqiang, { user_id: ids.liqiang, date: day(5), item: 'off_task', reason: 'x' }, 422, null],
    [t.liqiang, { user_id: ids.agent01, date: day(5), item: 'late', reason: 'x' }, 400, 'item'],
    [t.liqiang, { user_id: ids.agent01, date: day(5), item: 'nap', reason: 'x' }, 400, 'item'],
    [t.liqiang, { user_id: ids.agent01, date: day(11), item: 'off_task', reason: 'x' }, 400, 'date'],
    [t.liqiang, { user_id: ids.agent01, date: '2026-02-30', item: 'off_task', reason: 'x' }, 400, 'date'],
    [t.liqiang, { user_id: ids.agent01, date: day(5), item: 'off_task', reason: '  ' }, 400, 'reason'],
    [t.liqiang, { user_id: ids.agent01, date: day(5), item: 'off_task', reason: 'x', serious: true }, 400, 'serious'],
    [t.liqiang, { user_id: ids.agent01, date: day(5), item: 'off_task', reason: 'x', points: 50 }, 400, 'points'],
  ];
  for (const [token, body, status, field] of refused) {
    const r = await enter(token, body);
    assert.equal(r.status, status, `${JSON.stringify(body)} → ${JSON.stringify(r.json)}`);
    if (field) assert.equal(r.json.error.details.field, field);
  }
  const own = (await ledger(t.agent01)).json;
  assert.equal(own.points, -20);
  assert.equal(own.fines_fen, 20000);
  assert.deepEqual(own.points_month, { start: 100, end: 80, bonus_fen: 0, penalty_fen: 0 }, 'exactly 80 brings nothing (so far)');
});

test('dismissal items raise a case for a manager instead of points; the manager decides with a note', async () => {
  const leak = await enter(t.liqiang, { user_id: ids.agent02, date: day(8), item: 'leaking_data', reason: '把客户名单发给外人', evidence: '微信截图' });
  assert.equal(leak.status, 201);
  assert.equal(leak.json.entry, null);
  assert.equal(leak.json.case.item, 'leaking_data');
  const serious = await enter(t.liqiang, { user_id: ids.agent01, date: day(8), item: 'harming_morale', reason: '当众辱骂同事', serious: true });
  assert.equal(serious.json.entry, null, 'a serious case: no points, a case');
  assert.ok(serious.json.case.id);
  const mild = await enter(t.liqiang, { user_id: ids.agent01, date: day(8), item: 'harming_morale', reason: '背后议论' });
  assert.equal(mild.json.entry.points, -10);

  assert.equal((await api(srv.base, 'GET', '/api/v1/discipline/cases', { token: t.liqiang })).status, 403);
  const open = (await api(srv.base, 'GET', '/api/v1/discipline/cases?state=open&limit=1', { token: t.zhaomin })).json;
  assert.equal(open.items.length, 1);
  assert.ok(open.next_cursor, 'paged');
  const second = (await api(srv.base, 'GET', `/api/v1/discipline/cases?state=open&cursor=${encodeURIComponent(open.next_cursor)}`, { token: t.zhaomin })).json;
  assert.deepEqual([...open.items, ...second.items].map((c) => c.item).sort(), ['harming_morale', 'leaking_data']);
  assert.match(open.items[0].user_name, /\(agent0[12]\)/);
  assert.match(open.items[0].entered_by_name, /liqiang/);

  const path = `/api/v1/discipline/cases/${leak.json.case.id}/decision`;
  assert.equal((await api(srv.base, 'POST', path, { token: t.zhaomin, body: { decision: 'fired' } })).json.error.details.field, 'decision');
  assert.equal((await api(srv.base, 'POST', path, { token: t.zhaomin, body: { decision: 'dismissed' } })).json.error.details.field, 'note');
  const done = await api(srv.base, 'POST', path, { token: t.zhaomin, body: { decision: 'dismissed', note: '核实属实，解除劳动合同' } });
  assert.equal(done.status, 200);
  assert.equal(done.json.decision, 'dismissed');
  assert.equal((await api(srv.base, 'POST', path, { token: t.zhaomin, body: { decision: 'not_dismissed', note: '改判' } })).status, 409);
  const decided = (await api(srv.base, 'GET', '/api/v1/discipline/cases?state=decided', { token: t.zhaomin })).json;
  assert.equal(decided.items[0].decided_by_name.includes('zhaomin'), true);
});

test('an objection once, by the subject only; a manager withdraws the entry and a correction names it', async () => {
  const own = (await ledger(t.agent01)).json;
  const calls = own.items.filter((e) => e.item === 'personal_call');
  assert.equal(calls.length, 2);
  assert.ok(calls.every((e) => e.may_object));
  const target = calls.find((e) => e.date === day(6));
  const path = `/api/v1/discipline/entries/${target.id}/objection`;
  assert.equal((await api(srv.base, 'POST', path, { token: t.agent02, body: { reason: '不是我' } })).status, 404, 'not the subject');
  assert.equal((await api(srv.base, 'POST', path, { token: t.liqiang, body: { reason: '替他申诉' } })).status, 404);
  assert.equal((await api(srv.base, 'POST', path, { token: t.agent01, body: { reason: '' } })).json.error.details.field, 'reason');
  const objected = await api(srv.base, 'POST', path, { token: t.agent01, body: { reason: '那天我在外拜访客户，电话记录可查' } });
  assert.equal(objected.status, 201, JSON.stringify(objected.json));
  assert.equal(objected.json.objection.decision, null);
  assert.equal((await api(srv.base, 'POST', path, { token: t.agent01, body: { reason: '再申诉' } })).status, 409, 'once');

  assert.equal((await api(srv.base, 'GET', '/api/v1/discipline/objections', { token: t.liqiang })).status, 403);
  const open = (await api(srv.base, 'GET', '/api/v1/discipline/objections?state=open', { token: t.zhaomin })).json;
  assert.deepEqual(open.items.map((o) => o.id), [target.id]);
  assert.match(open.items[0].objection.reason, /拜访客户/);
  const decide = `/api/v1/discipline/objections/${target.id}/decision`;
  assert.equal((await api(srv.base, 'POST', decide, { token: t.zhaomin, body: { decision: 'withdrawn' } })).json.error.details.field, 'note', 'a withdrawal says why');
  const withdrawn = await api(srv.base, 'POST', decide, { token: t.zhaomin, body: { decision: 'withdrawn', note: '通话记录证明在外拜访' } });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.json));
  assert.equal(withdrawn.json.objection.decision, 'withdrawn');
  assert.equal((await api(srv.base, 'POST', decide, { token: t.zhaomin, body: { decision: 'upheld' } })).status, 409);

  const after = (await ledger(t.agent01)).json;
  const correction = after.items.find((e) => e.corrects === target.id);
  assert.ok(correction, 'a correction entry names the entry it undoes');
  assert.deepEqual([correction.item, correction.points, correction.fine_fen, correction.date, correction.source], ['correction', 10, -10000, day(6), 'objection']);
  assert.equal(after.items.find((e) => e.id === target.id).points, -10, 'the entry itself is never changed');
  assert.equal(after.points, -20, '−10 −10 −10 (mild harm) +10 (correction)');
  assert.equal(after.fines_fen, 10000);
  assert.equal(after.items.find((e) => e.id === correction.id).may_object, false);
});

test('the month closes once: each ledger ends at the base plus its entries, below 80 a penalty written once; the month stays as it was and corrections go to the next', async () => {
  // agent02 objects to one of the day-7 calls before the month ends; the manager decides after it is closed.
  const a2 = (await ledger(t.agent02)).json;
  const objectedId = a2.items.find((e) => e.item === 'personal_call').id;
  assert.equal((await api(srv.base, 'POST', `/api/v1/discipline/entries/${objectedId}/objection`, { token: t.agent02, body: { reason: '记错人了' } })).status, 201);

  const early = await api(srv.base, 'POST', '/api/v1/discipline/close-month', { token: t.admin, body: { month } });
  assert.equal(early.status, 400, 'the month is not over');
  assert.equal(early.json.error.details.field, 'month');
  await signIn(at(`${nextMonth}-02`, '09:00'));
  assert.equal((await api(srv.base, 'POST', '/api/v1/discipline/close-month', { token: t.liqiang, body: { month } })).status, 403);
  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close-month', { token: t.zhaomin, body: { month } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  assert.equal(closed.json.closed_now, true);
  assert.ok(closed.json.people >= 30);

  // Every day of the month was closed first (attendance judged, no clock all month), then the points.
  for (const name of ['agent01', 'agent02']) {
    const l = (await ledger(t.zhaomin, name)).json;
    assert.equal(l.closed, true);
    const pm = l.points_month;
    assert.equal(pm.start, 100);
    assert.equal(pm.end, 100 + l.points, `${name}: the month ends at the base plus every entry`);
    const penalty = l.items.filter((e) => e.item === 'month_penalty');
    assert.equal(pm.penalty_fen, pm.end < 80 ? 20000 : 0);
    assert.deepEqual(penalty.map((e) => e.fine_fen), pm.end < 80 ? [20000] : []);
  }
  const again = await api(srv.base, 'POST', '/api/v1/discipline/close-month', { token: t.admin, body: { month } });
  assert.equal(again.json.closed_now, false);
  const a2closed = (await ledger(t.zhaomin, 'agent02')).json;
  assert.equal(a2closed.items.filter((e) => e.item === 'month_penalty').length, 1, 'written once');

  const late = await enter(t.liqiang, { user_id: ids.agent01, date: day(20), item: 'off_task', reason: '补记' });
  assert.equal(late.status, 422);
  assert.equal(late.json.error.code, 'points.month_closed');
  const tooLate = (await ledger(t.agent01)).json.items.find((e) => e.item === 'personal_call' && !e.objection);
  const refused = await api(srv.base, 'POST', `/api/v1/discipline/entries/${tooLate.id}/objection`, { token: t.agent01, body: { reason: '迟来的申诉' } });
  assert.equal(refused.status, 422);
  assert.equal(refused.json.error.code, 'objection.too_late');

  const withdrawn = await api(srv.base, 'POST', `/api/v1/discipline/objections/${objectedId}/decision`, { token: t.zhaomin, body: { decision: 'withdrawn', note: '核实记错人' } });
  assert.equal(withdrawn.status, 200);
  const closedNow = (await ledger(t.zhaomin, 'agent02')).json;
  assert.deepEqual(closedNow.points_month, a2closed.points_month, 'a closed month never changes');
  assert.equal(closedNow.points, a2closed.points);
  const next = (await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${nextMonth}&user_id=${ids.agent02}`, { token: t.zhaomin })).json;
  const correction = next.items.find((e) => e.corrects === objectedId);
  assert.ok(correction, 'the correction is in the next month');
  assert.equal(correction.date, `${nextMonth}-02`);
  assert.equal(correction.points, 10);
});

test('waihu close month: a closed month says so; a month to come is refused with the field named', () => {
  const again = cli(dir, ['close', 'month', month]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /closed before; nothing changed/);
  const future = cli(dir, ['close', 'month', '2099-01']);
  assert.notEqual(future.status, 0);
  assert.match(future.stderr, /month/);
  const bad = cli(dir, ['close', 'month', '2026-13']);
  assert.notEqual(bad.status, 0);
});
