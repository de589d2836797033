// A/B lead sign-offs over real HTTP (issue 16, seed 004's 发掘潜在客户奖): the owner asks a field rep, only that rep
// signs (with the visit's day) or declines, and a signed lead pays its finder in the month the plan says — once: the
// month's close marks it paid, and a later month no longer counts it. Hostile paths: another agent, the wrong rep,
// grades that need no sign-off, pool customers, a second request, dates out of order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, applyPreset, demoCast, login, sql, companyToday, monthBefore, DEMO_PASSWORD } from './helpers.mjs';

const today = companyToday();
const lastMonth = monthBefore(today);
let dir, srv, t, reps, rep, otherRep, leadA, leadC, request;

before(async () => {
  dir = freshData({ demo: true });
  applyPreset(dir, 'seed-004');
  srv = await startServer(dir);
  t = await demoCast(srv.base);
  t.manager = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  reps = (await api(srv.base, 'GET', '/api/v1/lead-signoffs/field-reps', { token: t.agent01 })).json.items;
  assert.ok(reps.length >= 2, JSON.stringify(reps));
  [rep, otherRep] = reps;
  const username = Object.keys(t.ids).find((u) => t.ids[u] === rep.id);
  const otherName = Object.keys(t.ids).find((u) => t.ids[u] === otherRep.id);
  rep.token = await login(srv.base, username, DEMO_PASSWORD);
  otherRep.token = await login(srv.base, otherName, DEMO_PASSWORD);
  const make = async (n, grade) => {
    const r = await api(srv.base, 'POST', '/api/v1/customers', { token: t.agent01, body: { company: `签认测试${n}有限公司`, contact_name: '钱经理', grade, phones: [`1375544${String(n).padStart(4, '0')}`] } });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json;
  };
  leadA = await make(1, 'A');
  leadC = await make(2, 'C');
});
after(async () => {
  await srv?.stop();
  cleanup(dir);
});

const ask = (token, customer, field_rep_id) => api(srv.base, 'POST', `/api/v1/customers/${customer}/lead-signoff`, { token, body: { field_rep_id } });
const answer = (token, id, body) => api(srv.base, 'POST', `/api/v1/lead-signoffs/${id}/answer`, { token, body });

test('the owner asks a field rep; requests that cannot stand are refused with the reason', async () => {
  assert.equal((await ask(t.agent01, leadC.id, rep.id)).json.error.code, 'lead_signoff.grade');
  const notRep = await ask(t.agent01, leadA.id, t.ids.agent11);
  assert.equal(notRep.status, 400);
  assert.equal(notRep.json.error.details.field, 'field_rep_id');
  // Another agent cannot see the customer at all.
  assert.equal((await ask(t.agent11, leadA.id, rep.id)).status, 404);
  const r = await ask(t.agent01, leadA.id, rep.id);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  request = r.json;
  assert.equal(request.status, 'requested');
  assert.equal(request.grade, 'A');
  assert.equal(request.credited_to, t.ids.agent01);
  assert.equal(request.found_on, today);
  assert.equal((await ask(t.agent01, leadA.id, rep.id)).json.error.code, 'lead_signoff.exists');
  // A field rep's own lead needs another rep: the sign-off is a second person's check.
  const own = await api(srv.base, 'POST', '/api/v1/customers', { token: rep.token, body: { company: '签认测试4有限公司', contact_name: '周总', grade: 'A', phones: ['13755440004'] } });
  assert.equal(own.status, 201, JSON.stringify(own.json));
  assert.equal((await ask(rep.token, own.json.id, rep.id)).json.error.code, 'lead_signoff.self');
  assert.equal((await ask(rep.token, own.json.id, otherRep.id)).status, 201);
  const shown = await api(srv.base, 'GET', `/api/v1/customers/${leadA.id}/lead-signoff`, { token: t.agent01 });
  assert.equal(shown.json.signoff.id, request.id);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${leadA.id}/lead-signoff`, { token: t.agent11 })).status, 404);
});

test('only the rep named signs, with a visit day that can be true', async () => {
  assert.equal((await answer(t.agent01, request.id, { decision: 'signed', visited_on: today })).status, 403);
  assert.equal((await answer(t.agent11, request.id, { decision: 'signed', visited_on: today })).status, 404);
  assert.equal((await answer(otherRep.token, request.id, { decision: 'signed', visited_on: today })).status, 404);
  // The owner's supervisor follows the request but does not sign it; another group's supervisor never sees it.
  const otherSupervisor = await login(srv.base, 'wangfang', DEMO_PASSWORD);
  const followed = (await api(srv.base, 'GET', '/api/v1/lead-signoffs?status=requested', { token: t.supervisor1 })).json.items;
  assert.ok(followed.some((x) => x.id === request.id), JSON.stringify(followed));
  assert.equal((await answer(t.supervisor1, request.id, { decision: 'signed', visited_on: today })).status, 403);
  const hidden = (await api(srv.base, 'GET', '/api/v1/lead-signoffs', { token: otherSupervisor })).json.items;
  assert.ok(!hidden.some((x) => x.id === request.id), JSON.stringify(hidden));
  assert.equal((await answer(otherSupervisor, request.id, { decision: 'signed', visited_on: today })).status, 404);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${leadA.id}/lead-signoff`, { token: otherSupervisor })).status, 404);
  const mine = (await api(srv.base, 'GET', '/api/v1/lead-signoffs?status=requested', { token: rep.token })).json.items;
  // The rep's list: the requests naming them, and those they asked of another rep for their own leads.
  assert.deepEqual(mine.filter((x) => x.field_rep_id === rep.id).map((x) => x.id), [request.id]);
  assert.ok(mine.every((x) => x.field_rep_id === rep.id || x.credited_to === rep.id), JSON.stringify(mine));
  const others = (await api(srv.base, 'GET', '/api/v1/lead-signoffs?status=requested', { token: otherRep.token })).json.items;
  assert.ok(!others.some((x) => x.id === request.id), JSON.stringify(others));
  const future = await answer(rep.token, request.id, { decision: 'signed', visited_on: '2099-01-01' });
  assert.equal(future.json.error.details.field, 'visited_on');
  const early = await answer(rep.token, request.id, { decision: 'signed', visited_on: '2020-01-01' });
  assert.equal(early.json.error.details.field, 'visited_on');
  const bare = await answer(rep.token, request.id, { decision: 'declined' });
  assert.equal(bare.json.error.details.field, 'note');
  const signed = await answer(rep.token, request.id, { decision: 'signed', visited_on: today, note: '已上门，资料齐全' });
  assert.equal(signed.status, 200, JSON.stringify(signed.json));
  assert.equal(signed.json.status, 'signed');
  assert.equal(signed.json.signed_on, today);
  assert.equal((await answer(rep.token, request.id, { decision: 'declined', note: 'x' })).json.error.code, 'lead_signoff.answered');
});

test('a signed lead pays its finder in the month signed off, once', async () => {
  const mtd = await api(srv.base, 'GET', '/api/v1/payroll/month-to-date', { token: t.agent01 });
  assert.equal(mtd.status, 200, JSON.stringify(mtd.json));
  assert.ok(mtd.json.statement, JSON.stringify(mtd.json));
  const line = mtd.json.statement.lines.find((l) => l.code === 'lead_bonus');
  assert.ok(line, JSON.stringify(mtd.json.statement.lines));
  assert.equal(line.amount_fen, 10000);
  assert.match(line.rule, /\.lead_bonus\.a$/);

  // The same sign-off dated last month: last month's run pays it and names it; the close marks it paid.
  sql(dir, `UPDATE lead_signoffs SET signed_on = '${lastMonth}-20', visited_on = '${lastMonth}-19', found_on = '${lastMonth}-02' WHERE id = ${request.id}`);
  const run = await api(srv.base, 'POST', `/api/v1/payroll/${lastMonth}/run`, { token: t.manager });
  assert.equal(run.status, 200, JSON.stringify(run.json));
  const rows = (await api(srv.base, 'GET', `/api/v1/payroll/${lastMonth}/statements?limit=1000`, { token: t.manager })).json.items;
  const s = (await api(srv.base, 'GET', `/api/v1/payroll/statements/${rows.find((x) => x.user_id === t.ids.agent01).id}`, { token: t.agent01 })).json;
  const at = s.lines.findIndex((l) => l.code === 'lead_bonus');
  assert.ok(at >= 0, JSON.stringify(s.lines));
  assert.match(s.lines[at].explanation, /A 1 × 100\.00 = 100\.00/);
  const records = (await api(srv.base, 'GET', `/api/v1/payroll/statements/${s.id}/lines/${at + 1}/records`, { token: t.agent01 })).json;
  assert.equal(records.total, 1);
  assert.deepEqual(records.lead_signoffs.map((l) => [l.id, l.company, l.grade, l.field_rep]), [[request.id, leadA.company, 'A', rep.name]]);
  assert.equal((await api(srv.base, 'POST', `/api/v1/payroll/${lastMonth}/close`, { token: t.manager })).status, 200);
  const after = (await api(srv.base, 'GET', `/api/v1/customers/${leadA.id}/lead-signoff`, { token: t.agent01 })).json.signoff;
  assert.equal(after.paid_month, lastMonth);
  // This month no longer counts it.
  const again = await api(srv.base, 'GET', '/api/v1/payroll/month-to-date', { token: t.agent01 });
  assert.equal(again.json.statement.lines.filter((l) => l.code === 'lead_bonus').length, 0);
});

test('a declined request may be asked again, of another rep', async () => {
  const c = await api(srv.base, 'POST', '/api/v1/customers', { token: t.agent01, body: { company: '签认测试3有限公司', contact_name: '孙总', grade: 'B', phones: ['13755440003'] } });
  const first = (await ask(t.agent01, c.json.id, rep.id)).json;
  const no = await answer(rep.token, first.id, { decision: 'declined', note: '未能见到负责人' });
  assert.equal(no.json.status, 'declined');
  const second = await ask(t.agent01, c.json.id, otherRep.id);
  assert.equal(second.status, 201, JSON.stringify(second.json));
  assert.equal(second.json.grade, 'B');
});
