// Honest call records (issue 13): one request logs a call with its follow-up, all or nothing; Idempotency-Key
// retries record once; times checked against the clock and the customer; the pool is claimed before it is worked;
// the rights the web app reads from /auth/me.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, demoCast, sql, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, agent01, agent11, supervisor1, qa, ids;
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  ({ admin, agent01, agent11, supervisor1, qa, ids } = await demoCast(srv.base));
});
after(async () => { await srv.stop(); cleanup(dir); });

const minutesAgo = (m) => new Date(Date.now() - m * 60000).toISOString();
const chinaToday = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
let picked = 0;
async function ownCustomer(username = 'agent01') {
  const r = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids[username]}&sort=id&limit=100`, { token: admin });
  return r.json.items.filter((c) => c.phones[0]?.startsWith('+861'))[picked++];
}
const callsOf = (customerId) => Number(sql(dir, `SELECT COUNT(*) FROM calls WHERE customer_id = ${customerId}`).trim());
const followUpsOf = (customerId) => Number(sql(dir, `SELECT COUNT(*) FROM follow_ups WHERE customer_id = ${customerId}`).trim());

test('a call and its follow-up are one request: a refused follow-up leaves nothing, an accepted one is saved with it', async () => {
  const c = await ownCustomer();
  const [calls, followUps] = [callsOf(c.id), followUpsOf(c.id)];
  const refused = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01,
    body: { customer_id: c.id, started_at: minutesAgo(3), result: 'interested', talk_seconds: 95, talk_seconds_reason: '补录',
      follow_up: { content: '客户要报价', next_follow_up_on: '2020-01-01' } },
  });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error.details.field, 'follow_up.next_follow_up_on');
  const unknown = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: c.id, started_at: minutesAgo(3), result: 'busy', follow_up: { mood: 'good' } },
  });
  assert.equal(unknown.json.error.details.field, 'follow_up.mood');
  assert.deepEqual([callsOf(c.id), followUpsOf(c.id)], [calls, followUps], 'nothing was written');
  const next = new Date(Date.now() + 8 * 3600000 + 3 * 86400000).toISOString().slice(0, 10);
  const ok = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01,
    body: { customer_id: c.id, started_at: minutesAgo(3), result: 'interested', talk_seconds: 95, talk_seconds_reason: '补录',
      follow_up: { channel: 'phone', content: '客户要报价', next_follow_up_on: next } },
  });
  assert.equal(ok.status, 201, JSON.stringify(ok.json));
  assert.equal(ok.json.result, 'interested');
  assert.equal(ok.json.follow_up.content, '客户要报价');
  assert.deepEqual([callsOf(c.id), followUpsOf(c.id)], [calls + 1, followUps + 1]);
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: agent01 })).json;
  assert.equal(customer.next_follow_up_on, next);
  assert.equal(customer.status, 'interested');
  const timeline = await api(srv.base, 'GET', `/api/v1/customers/${c.id}/timeline?limit=5`, { token: agent01 });
  // The call, its follow-up and the status move it made are one entry, the moment they are saved.
  const first = timeline.json.items[0];
  assert.equal(first.kind, 'call', JSON.stringify(timeline.json.items.map((e) => e.kind)));
  assert.equal(first.follow_up.content, '客户要报价');
  if (c.status !== 'interested') assert.deepEqual(first.status, { from: c.status, to: 'interested' });
  assert.ok(!timeline.json.items.some((e) => e.kind !== 'call' && e.follow_up?.content === '客户要报价'), 'not twice');
});

test('Idempotency-Key: the same key twice logs one call; the same key with another body is 409', async () => {
  const c = await ownCustomer();
  const before = callsOf(c.id);
  const body = { customer_id: c.id, started_at: minutesAgo(2), result: 'no_answer', notes: '双击' };
  const headers = { 'idempotency-key': `call-${c.id}-1` };
  const [a, b] = await Promise.all([
    api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body, headers }),
    api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body, headers }),
  ]);
  const statuses = [a.status, b.status].sort();
  assert.ok(statuses[0] === 201, JSON.stringify([a.json, b.json]));
  const retry = await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body, headers });
  assert.equal(retry.status, 201);
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  assert.equal(retry.json.id, (a.status === 201 ? a : b).json.id, 'the first answer again');
  assert.equal(callsOf(c.id), before + 1, 'one call, however often it was sent');
  const other = await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body: { ...body, notes: '另一个' }, headers });
  assert.equal(other.status, 409);
  assert.equal(other.json.error.code, 'idempotency.key_reused');
  // Keys are the user's own: another user's identical key is another request.
  const mate = await api(srv.base, 'POST', '/api/v1/follow-ups', {
    token: supervisor1, body: { customer_id: c.id, content: '主管补记' }, headers,
  });
  assert.equal(mate.status, 201, JSON.stringify(mate.json));
  // A refused request keeps its answer too: the retry is refused the same way, and writes nothing.
  const bad = { customer_id: c.id, started_at: '2099-01-01T00:00:00Z', result: 'busy' };
  const badHeaders = { 'idempotency-key': `call-${c.id}-bad` };
  assert.equal((await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body: bad, headers: badHeaders })).status, 400);
  assert.equal((await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body: bad, headers: badHeaders })).status, 400);
  const malformed = await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body, headers: { 'idempotency-key': 'x'.repeat(201) } });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.json.error.details.field, 'Idempotency-Key');
});

test('Idempotency-Key on payments: a retried payment is recorded once', async () => {
  const c = await ownCustomer();
  const deal = await api(srv.base, 'POST', '/api/v1/deals', {
    token: agent01, body: { customer_id: c.id, product: '坐席年费', amount_fen: 500000 }, headers: { 'idempotency-key': `deal-${c.id}` },
  });
  assert.equal(deal.status, 201);
  const again = await api(srv.base, 'POST', '/api/v1/deals', {
    token: agent01, body: { customer_id: c.id, product: '坐席年费', amount_fen: 500000 }, headers: { 'idempotency-key': `deal-${c.id}` },
  });
  assert.equal(again.json.id, deal.json.id);
  const pay = () => api(srv.base, 'POST', `/api/v1/deals/${deal.json.id}/payments`, {
    token: agent01, body: { amount_fen: 200000 }, headers: { 'idempotency-key': `pay-${deal.json.id}-1` },
  });
  await pay();
  await pay();
  const detail = await api(srv.base, 'GET', `/api/v1/deals/${deal.json.id}`, { token: agent01 });
  assert.equal(detail.json.payments.length, 1);
});

test('call times: not before the customer was recorded', async () => {
  const made = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: '新建档公司', contact_name: '韩一', phones: ['13588889900'] },
  });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const early = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: made.json.id, started_at: minutesAgo(60 * 24), result: 'busy' },
  });
  assert.equal(early.status, 400);
  assert.equal(early.json.error.details.field, 'started_at');
  const timed = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01,
    body: { customer_id: made.json.id, started_at: new Date(Date.now() - 90000).toISOString(),
      answered_at: new Date(Date.now() - 80000).toISOString(), ended_at: new Date(Date.now() - 5000).toISOString(), result: 'connected' },
  });
  assert.equal(timed.status, 201, JSON.stringify(timed.json));
  assert.equal(timed.json.talk_seconds, 75);
  assert.equal(timed.json.ring_seconds, 10);
});

test('the pool: claim unmasks and is ownership history; release needs a reason; claims are first come', async () => {
  const pool = (await api(srv.base, 'GET', '/api/v1/customers?pool=true&sort=id&limit=30', { token: admin })).json.items
    .filter((c) => c.phones[0]?.startsWith('+861'))[5];
  const seen = (await api(srv.base, 'GET', `/api/v1/customers/${pool.id}`, { token: agent01 })).json;
  assert.match(seen.phones[0], /\*{4}/);
  const [a, b] = await Promise.all([
    api(srv.base, 'POST', `/api/v1/customers/${pool.id}/claim`, { token: agent01 }),
    api(srv.base, 'POST', `/api/v1/customers/${pool.id}/claim`, { token: agent11 }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
  const winner = a.status === 200 ? agent01 : agent11;
  const loser = a.status === 200 ? agent11 : agent01;
  const won = a.status === 200 ? a : b;
  assert.equal(won.json.phones[0], pool.phones[0], 'the claim unmasks the phone');
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${pool.id}`, { token: loser })).status, 404);
  assert.equal((await api(srv.base, 'POST', `/api/v1/customers/${pool.id}/claim`, { token: supervisor1 })).status, 403, 'supervisors assign');
  const noReason = await api(srv.base, 'POST', `/api/v1/customers/${pool.id}/release`, { token: winner, body: { reason: '  ' } });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.details.field, 'reason');
  const released = await api(srv.base, 'POST', `/api/v1/customers/${pool.id}/release`, { token: winner, body: { reason: '多次未接通' } });
  assert.equal(released.status, 200);
  assert.equal(released.json.owner_id, null);
  const history = await api(srv.base, 'GET', `/api/v1/customers/${pool.id}/timeline?limit=10`, { token: admin });
  const moves = history.json.items.filter((e) => e.kind === 'ownership');
  assert.ok(moves.length >= 2, JSON.stringify(history.json.items.map((e) => e.kind)));
  const audit = await api(srv.base, 'GET', `/api/v1/audit?entity=customer&entity_id=${pool.id}`, { token: admin });
  const vias = audit.json.items.filter((e) => e.action === 'customer.assign').map((e) => e.detail.via);
  assert.deepEqual(vias.sort(), ['claim', 'release']);
});

test('supervisors reassign in bulk: all of a leaving agent\'s customers, or listed ones; all or none', async () => {
  const owned = Number(sql(dir, `SELECT COUNT(*) FROM customers WHERE owner_id = ${ids.agent03}`).trim());
  assert.ok(owned > 0);
  const agentTry = await api(srv.base, 'POST', '/api/v1/customers/reassign', {
    token: agent01, body: { from_owner_id: ids.agent03, to_owner_id: ids.agent01, reason: '离职' },
  });
  assert.equal(agentTry.status, 403);
  const moved = await api(srv.base, 'POST', '/api/v1/customers/reassign', {
    token: supervisor1, body: { from_owner_id: ids.agent03, to_owner_id: ids.agent04, reason: '离职交接' },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.json));
  assert.equal(moved.json.moved, owned);
  assert.equal(Number(sql(dir, `SELECT COUNT(*) FROM customers WHERE owner_id = ${ids.agent03}`).trim()), 0);
  // Listed customers, one of them another group's: nothing moves.
  const mine = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent04}&limit=2`, { token: admin })).json.items;
  const theirs = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent11}&limit=1`, { token: admin })).json.items[0];
  const mixed = await api(srv.base, 'POST', '/api/v1/customers/reassign', {
    token: supervisor1, body: { customer_ids: [mine[0].id, theirs.id], to_owner_id: null, reason: '清理' },
  });
  assert.equal(mixed.status, 404);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${mine[0].id}`, { token: admin })).json.owner_id, ids.agent04);
  const toPool = await api(srv.base, 'POST', '/api/v1/customers/reassign', {
    token: supervisor1, body: { customer_ids: mine.map((c) => c.id), to_owner_id: null, reason: '长期无进展' },
  });
  assert.equal(toPool.json.moved, 2);
});

test('/auth/me lists every right the server checks; QA and assistants may not log calls', async () => {
  const me = async (token) => (await api(srv.base, 'GET', '/api/v1/auth/me', { token })).json.rights;
  const agent = await me(agent01);
  for (const r of ['see_phone', 'manage_org', 'import_customers', 'export_customers', 'read_audit', 'write_customers', 'assign_owner', 'log_calls', 'claim_pool', 'own_desk', 'view_overview']) {
    assert.equal(typeof agent[r], 'boolean', r);
  }
  assert.deepEqual([agent.log_calls, agent.claim_pool, agent.own_desk, agent.assign_owner], [true, true, true, false]);
  const assistant = await login(srv.base, 'zhouyan', DEMO_PASSWORD);
  assert.equal((await me(assistant)).log_calls, false);
  assert.equal((await me(qa)).log_calls, false);
  assert.equal((await me(supervisor1)).assign_owner, true);
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent05}&limit=1`, { token: admin })).json.items[0];
  for (const token of [assistant, qa]) {
    const r = await api(srv.base, 'POST', '/api/v1/calls', { token, body: { customer_id: c.id, started_at: minutesAgo(1), result: 'busy' } });
    assert.equal(r.status, 403);
    const f = await api(srv.base, 'POST', '/api/v1/follow-ups', { token, body: { customer_id: c.id, content: 'x' } });
    assert.equal(f.status, 403);
  }
  assert.ok(chinaToday().length === 10);
});
