// 撞单 cases (issue 15, seed 000 "发生撞单现象要避开客户自行解决，如上报销售经理解决扣除每人底薪30%，仍未解决的上报公司领导扣除
// 底薪50%；对恶意抢单，相互拆台的销售人员，一经发现立即开除"): both agents see the case; either gives the customer up, or
// escalates it to the manager and on to the company, each step costing each agent the preset's share of base pay
// (preset A: cumulative, 30% then 80% in all); the decision sets the owner and may raise dismissal cases. Scope and
// masking hold: the claimant never sees more of the holder's customer than their own scope shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

const MASKED = /\*{4}/;
let dir, srv, t = {}, ids = {}, names = {};
before(async () => {
  dir = freshData({ demo: true });  // the built-in preset A
  srv = await startServer(dir);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent02', 'agent11', 'liqiang', 'wangfang', 'chenjie', 'zhaomin', 'sunli']) {
    t[name] = await login(srv.base, name, DEMO_PASSWORD);
  }
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items) { ids[u.username] = u.id; names[u.username] = u.display_name; }
});
after(async () => { await srv.stop(); cleanup(dir); });

const owned = async (who, n) => (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids[who]}&limit=${n + 1}`, { token: t.admin })).json.items[n];
// `claimant` enters a customer with a phone `holder` already holds: the server opens a case instead of a twin.
async function openCase(claimant, holder, n, company) {
  const theirs = await owned(holder, n);
  const full = (await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: t.admin })).json;
  const r = await api(srv.base, 'POST', '/api/v1/customers', { token: t[claimant], body: { company, phones: [full.phones[0].replace('+86', '')] } });
  assert.equal(r.status, 409, JSON.stringify(r.json));
  assert.equal(r.json.error.code, 'customer.duplicate_claim');
  return { id: r.json.error.details.claim_id, customer: full };
}
const get = (who, id) => api(srv.base, 'GET', `/api/v1/duplicate-claims/${id}`, { token: t[who] });
const act = (who, id, action, body) => api(srv.base, 'POST', `/api/v1/duplicate-claims/${id}/${action}`, { token: t[who], body });

let first;
test('both agents see the case; the claimant sees the number masked and not the holder\'s record; others in no scope get 404', async () => {
  first = await openCase('agent01', 'agent11', 3, '撞单流程测试甲');
  const mine = await get('agent01', first.id);
  assert.equal(mine.status, 200, JSON.stringify(mine.json));
  assert.deepEqual([mine.json.status, mine.json.stage, mine.json.holder_id, mine.json.claimant_id], ['open', 'agents', ids.agent11, ids.agent01]);
  assert.equal(mine.json.holder_name, names.agent11, 'the two must know each other to settle it');
  assert.match(mine.json.matched, MASKED);
  assert.equal(mine.json.customer_company, '', 'the claimant does not see the held customer');
  assert.equal(mine.json.candidate_company, '撞单流程测试甲');
  assert.deepEqual(mine.json.can, { yield: true, escalate: true, decide: false });
  const theirs = await get('agent11', first.id);
  assert.equal(theirs.json.customer_company, first.customer.company);
  assert.match(theirs.json.matched, /^\+86\d+$/);
  // An agent's list is their own cases only.
  const list01 = (await api(srv.base, 'GET', '/api/v1/duplicate-claims?limit=1000', { token: t.agent01 })).json.items;
  assert.ok(list01.some((c) => c.id === first.id));
  assert.ok(list01.every((c) => c.holder_id === ids.agent01 || c.claimant_id === ids.agent01));
  const list02 = (await api(srv.base, 'GET', '/api/v1/duplicate-claims?limit=1000', { token: t.agent02 })).json.items;
  assert.ok(!list02.some((c) => c.id === first.id));
  assert.equal((await get('agent02', first.id)).status, 404);
  assert.equal((await get('chenjie', first.id)).status, 404, 'a third group\'s supervisor');
  assert.equal((await act('agent02', first.id, 'yield', {})).status, 404);
  assert.equal((await get('liqiang', first.id)).status, 200);
  assert.equal((await api(srv.base, 'GET', '/api/v1/duplicate-claims?status=bogus', { token: t.agent01 })).status, 400);
});

test('escalating to the manager costs each agent 30% of base pay; on to the company 50% more (preset A: cumulative)', async () => {
  assert.equal((await act('agent01', first.id, 'decide', { keeper_id: ids.agent01, note: '我的' })).status, 422, 'a party never decides');
  assert.equal((await act('liqiang', first.id, 'escalate', { note: '我来' })).status, 422, 'a supervisor of one side does not escalate');
  const noNote = await act('agent01', first.id, 'escalate', {});
  assert.equal(noNote.status, 400);
  assert.equal(noNote.json.error.details.field, 'note');
  const up = await act('agent01', first.id, 'escalate', { note: '协商不成：对方说客户上月已联系过' });
  assert.equal(up.status, 200, JSON.stringify(up.json));
  assert.equal(up.json.stage, 'manager');
  const month = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 7);
  const byUser = (j) => Object.fromEntries(j.penalties.map((p) => [`${p.user_id}:${p.stage}`, [p.percent, p.total_percent, p.month]]));
  assert.deepEqual(byUser(up.json), { [`${ids.agent01}:manager`]: [30, 30, month], [`${ids.agent11}:manager`]: [30, 30, month] });
  assert.ok(up.json.penalties.every((p) => p.policy_version >= 1));
  assert.equal(up.json.steps.at(-1).note, '协商不成：对方说客户上月已联系过');
  // A supervisor does not decide; the department's manager (both groups in scope) does, or sends it on.
  assert.equal((await act('liqiang', first.id, 'decide', { keeper_id: ids.agent01, note: 'x' })).status, 422);
  const mgr = await get('zhaomin', first.id);
  assert.deepEqual(mgr.json.can, { yield: false, escalate: true, decide: true });
  assert.equal(mgr.json.customer_company, first.customer.company);
  const company = await act('zhaomin', first.id, 'escalate', { note: '双方各执一词，报公司' });
  assert.equal(company.json.stage, 'company');
  assert.deepEqual(byUser(company.json)[`${ids.agent01}:company`], [50, 80, month]);
  assert.deepEqual(byUser(company.json)[`${ids.agent11}:company`], [50, 80, month]);
  assert.equal((await act('zhaomin', first.id, 'decide', { keeper_id: ids.agent01, note: 'x' })).status, 422, 'the company decides now');
  assert.equal((await act('agent11', first.id, 'escalate', { note: '再上报' })).status, 422, 'nothing above the company');
});

test('the company decides the keeper, the customer moves, deliberate poaching raises a dismissal case; a decided case stays decided', async () => {
  assert.equal((await act('admin', first.id, 'decide', { keeper_id: ids.agent02, note: 'x' })).status, 400, 'keeper must be a party');
  assert.equal((await act('admin', first.id, 'decide', { keeper_id: ids.agent01, note: ' ' })).status, 400, 'a decision says why');
  assert.equal((await act('admin', first.id, 'decide', { keeper_id: ids.agent01, note: 'x', malicious: [ids.agent02] })).status, 400);
  const d = await act('admin', first.id, 'decide', { keeper_id: ids.agent01, note: '客户先由罗辉开发，对方恶意抢单', malicious: [ids.agent11] });
  assert.equal(d.status, 200, JSON.stringify(d.json));
  assert.deepEqual([d.json.status, d.json.keeper_id, d.json.dismissal_case_ids.length], ['decided', ids.agent01, 1]);
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${first.customer.id}`, { token: t.admin })).json;
  assert.equal(customer.owner_id, ids.agent01, 'the decision sets the owner');
  const cases = (await api(srv.base, 'GET', '/api/v1/discipline/cases?state=open&limit=1000', { token: t.admin })).json.items;
  const raised = cases.find((c) => c.id === d.json.dismissal_case_ids[0]);
  assert.deepEqual([raised.user_id, raised.item], [ids.agent11, 'malicious_claim']);
  assert.match(raised.evidence, new RegExp(`撞单 #${first.id}`));
  const again = await act('admin', first.id, 'decide', { keeper_id: ids.agent11, note: '改判' });
  assert.equal(again.status, 409);
  assert.equal((await act('agent11', first.id, 'yield', {})).status, 409);
  // The escalations and the decision are in the audit trail.
  const audit = (await api(srv.base, 'GET', `/api/v1/audit?entity=duplicate_claim&entity_id=${first.id}&limit=50`, { token: t.admin })).json.items;
  assert.deepEqual(audit.map((e) => e.action).sort(), ['duplicate_claim.decide', 'duplicate_claim.escalate', 'duplicate_claim.escalate', 'duplicate_claim.open']);
  const closed = (await api(srv.base, 'GET', '/api/v1/duplicate-claims?status=closed&limit=1000', { token: t.agent01 })).json.items;
  assert.ok(closed.some((c) => c.id === first.id && c.keeper_name === '罗辉'));
});

test('the holder gives the customer up: settled at no cost, the customer moves to the claimant', async () => {
  const c = await openCase('agent02', 'agent11', 4, '撞单流程测试乙');
  assert.equal((await act('agent02', c.id, 'decide', { keeper_id: ids.agent02, note: 'x' })).status, 422);
  const y = await act('agent11', c.id, 'yield', { note: '徐伟先谈的，让给他' });
  assert.equal(y.status, 200, JSON.stringify(y.json));
  assert.deepEqual([y.json.status, y.json.keeper_id, y.json.penalties.length], ['settled', ids.agent02, 0]);
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${c.customer.id}`, { token: t.agent02 }));
  assert.equal(customer.status, 200, 'the new owner sees it');
  assert.equal(customer.json.owner_id, ids.agent02);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${c.customer.id}`, { token: t.agent11 })).status, 404, 'the old owner no longer does');
});

test('paging walks every case once; QA sees the number masked', async () => {
  const seen = new Set();
  let cursor = '';
  for (let i = 0; i < 50; i++) {
    const page = (await api(srv.base, 'GET', `/api/v1/duplicate-claims?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: t.admin })).json;
    for (const c of page.items) { assert.ok(!seen.has(c.id)); seen.add(c.id); }
    if (!page.next_cursor) break;
    cursor = encodeURIComponent(page.next_cursor);
  }
  const all = (await api(srv.base, 'GET', '/api/v1/duplicate-claims?limit=1000', { token: t.admin })).json.items;
  assert.equal(seen.size, all.length);
  const qa = (await api(srv.base, 'GET', '/api/v1/duplicate-claims?limit=1000', { token: t.sunli })).json.items;
  for (const c of qa.filter((x) => x.reason === 'phone')) assert.match(c.matched, MASKED);
});
