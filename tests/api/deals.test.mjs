import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, agent01, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  agent01 = await login(srv.base, 'agent01', DEMO_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

async function following() {
  return (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent01}&status=following&limit=1`, { token: agent01 })).json.items[0];
}

test('a deal moves the customer to won; payments and refunds are rows in fen with totals', async () => {
  const c = await following();
  const deal = await api(srv.base, 'POST', '/api/v1/deals', {
    token: agent01, body: { customer_id: c.id, product: '企业400电话 年套餐', amount_fen: 1280000, closed_on: '2026-11-20' },
  });
  assert.equal(deal.status, 201, JSON.stringify(deal.json));
  assert.equal(deal.json.agent_id, ids.agent01);
  assert.equal(deal.json.amount, '12800.00');
  assert.equal(deal.json.sourcing, 'self');
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: agent01 })).json.status, 'won');
  const id = deal.json.id;
  let r = await api(srv.base, 'POST', `/api/v1/deals/${id}/payments`, { token: agent01, body: { amount_fen: 1000000, paid_on: '2026-11-21' } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  r = await api(srv.base, 'POST', `/api/v1/deals/${id}/refunds`, { token: agent01, body: { amount_fen: 300000, refunded_on: '2026-11-22', reason: '质检不合格' } });
  assert.equal(r.status, 201);
  assert.deepEqual([r.json.paid_fen, r.json.refunded_fen, r.json.net_paid_fen], [1000000, 300000, 700000]);
  const tooMuch = await api(srv.base, 'POST', `/api/v1/deals/${id}/refunds`, { token: agent01, body: { amount_fen: 700001, reason: '客户投诉' } });
  assert.equal(tooMuch.status, 422);
  assert.equal(tooMuch.json.error.details.refundable_fen, 700000);
  const detail = await api(srv.base, 'GET', `/api/v1/deals/${id}`, { token: agent01 });
  assert.deepEqual(detail.json.payments.map((p) => [p.kind, p.amount_fen]), [['payment', 1000000], ['refund', 300000]]);
  const audit = await api(srv.base, 'GET', `/api/v1/audit?entity=deal&entity_id=${id}`, { token: admin });
  assert.deepEqual(audit.json.items.map((e) => e.action), ['deal.refund', 'deal.payment', 'deal.create']);
});

test('bad money and dates are refused with the field named; nothing written', async () => {
  const c = await following();
  for (const [body, field] of [
    [{ customer_id: c.id, product: 'x', amount_fen: 0 }, 'amount_fen'],
    [{ customer_id: c.id, product: 'x', amount_fen: -100 }, 'amount_fen'],
    [{ customer_id: c.id, product: 'x', amount_fen: 12.5 }, 'amount_fen'],
    [{ customer_id: c.id, product: 'x', amount_fen: '100' }, 'amount_fen'],
    [{ customer_id: c.id, product: '', amount_fen: 100 }, 'product'],
    [{ customer_id: c.id, product: 'x', amount_fen: 100, closed_on: '2099-01-01' }, 'closed_on'],
    [{ customer_id: c.id, product: 'x', amount_fen: 100, closed_on: '2026-02-30' }, 'closed_on'],
    [{ customer_id: c.id, product: 'x', amount_fen: 100, sourcing: 'proxy' }, 'field_rep_id'],
    [{ customer_id: c.id, product: 'x', amount_fen: 100, sourcing: 'proxy', field_rep_id: ids.agent02 }, 'field_rep_id'],
  ]) {
    const r = await api(srv.base, 'POST', '/api/v1/deals', { token: agent01, body });
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.details.field, field, JSON.stringify(r.json));
  }
  assert.equal((await api(srv.base, 'GET', `/api/v1/deals?customer_id=${c.id}`, { token: agent01 })).json.items.length, 0);
  const proxy = await api(srv.base, 'POST', '/api/v1/deals', {
    token: agent01, body: { customer_id: c.id, product: '网站建设', amount_fen: 500000, sourcing: 'proxy', field_rep_id: ids.hegang },
  });
  assert.equal(proxy.status, 201);
  const noReason = await api(srv.base, 'POST', `/api/v1/deals/${proxy.json.id}/refunds`, { token: agent01, body: { amount_fen: 1 } });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.details.field, 'reason');
  // The field rep sees the deal they visited for; another agent does not.
  const rep = await login(srv.base, 'hegang', DEMO_PASSWORD);
  assert.equal((await api(srv.base, 'GET', `/api/v1/deals/${proxy.json.id}`, { token: rep })).status, 200);
  const other = await login(srv.base, 'agent02', DEMO_PASSWORD);
  assert.equal((await api(srv.base, 'GET', `/api/v1/deals/${proxy.json.id}`, { token: other })).status, 404);
  assert.equal((await api(srv.base, 'POST', `/api/v1/deals/${proxy.json.id}/payments`, { token: other, body: { amount_fen: 5 } })).status, 404);
});
