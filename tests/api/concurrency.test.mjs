// Writers that race: on PostgreSQL these transactions really run side by side (SQLite takes them one at a time),
// and the store's constraints, row locks and retries must give the same answers either way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, sql, ADMIN_PASSWORD } from './helpers.mjs';

let dir, srv, admin;
before(async () => {
  dir = freshData();
  srv = await startServer(dir, ['--workers', '16']);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
});
after(async () => { await srv.stop(); cleanup(dir); });

test('50 clients creating customers with overlapping phones end with one customer per phone, the rest duplicates', async () => {
  const phones = Array.from({ length: 20 }, (_, i) => `1391234${String(i).padStart(4, '0')}`);
  // Each client sends four customers whose phones overlap other clients' (and each customer has a phone of its
  // own beside the shared one, so a half-written customer would show up as an orphan phone).
  const clients = Array.from({ length: 50 }, (_, c) => (async () => {
    const answers = [];
    for (let k = 0; k < 4; k++) {
      const shared = phones[(c * 7 + k * 3) % phones.length];
      const own = `1370000${String(c * 4 + k).padStart(4, '0')}`;
      const r = await api(srv.base, 'POST', '/api/v1/customers', {
        token: admin,
        body: { company: `并发测试公司${c}-${k}`, contact_name: '测试', phones: [shared, own] },
      });
      answers.push({ shared, own, status: r.status, code: r.json?.error?.code });
    }
    return answers;
  })());
  const answers = (await Promise.all(clients)).flat();
  const created = answers.filter((a) => a.status === 201);
  const duplicates = answers.filter((a) => a.status === 409);
  assert.deepEqual(answers.filter((a) => a.status !== 201 && a.status !== 409), [], 'every answer is 201 or 409');
  assert.ok(duplicates.every((a) => a.code === 'customer.duplicate_phone'), JSON.stringify(duplicates.slice(0, 3)));
  assert.equal(created.length, phones.length, 'exactly one creation per shared phone');
  assert.deepEqual([...new Set(created.map((a) => a.shared))].sort(), phones, 'and every shared phone has its one');
  assert.equal(duplicates.length, 200 - phones.length);

  // The store agrees: one customer per shared phone, and no phones, tags or audit rows of the refused ones.
  const count = (q) => Number(sql(dir, q).trim());
  assert.equal(count("SELECT COUNT(*) FROM customers WHERE company LIKE '并发测试公司%'"), phones.length);
  assert.equal(count("SELECT COUNT(*) FROM customer_phones WHERE e164 LIKE '+86139123%'"), phones.length);
  assert.equal(count("SELECT COUNT(*) FROM customer_phones WHERE e164 LIKE '+86137000%'"), phones.length);
  assert.equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.create'"), phones.length);
});

test('concurrent refunds of one deal cannot together exceed what was paid', async () => {
  const customer = await api(srv.base, 'POST', '/api/v1/customers', {
    token: admin, body: { company: '退款并发公司', contact_name: '王五', phones: ['13655550000'] },
  });
  assert.equal(customer.status, 201);
  const team = await api(srv.base, 'POST', '/api/v1/teams', { token: admin, body: { name: '并发组' } });
  const agent = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'racer', display_name: '赛跑', role: 'agent', team_id: team.json.id, password: 'racer-pass-1' },
  });
  assert.equal(agent.status, 201, JSON.stringify(agent.json));
  const deal = await api(srv.base, 'POST', '/api/v1/deals', {
    token: admin,
    body: { customer_id: customer.json.id, agent_id: agent.json.id, product: '年费', amount_fen: 100000, closed_on: '2026-11-01' },
  });
  assert.equal(deal.status, 201, JSON.stringify(deal.json));
  const paid = await api(srv.base, 'POST', `/api/v1/deals/${deal.json.id}/payments`, {
    token: admin, body: { amount_fen: 100000, paid_on: '2026-11-02' },
  });
  assert.equal(paid.status, 201, JSON.stringify(paid.json));
  // Twenty refunds of 100 yuan against 1,000 yuan paid: exactly ten may pass.
  const refunds = await Promise.all(Array.from({ length: 20 }, () => api(srv.base, 'POST', `/api/v1/deals/${deal.json.id}/refunds`, {
    token: admin, body: { amount_fen: 10000, refunded_on: '2026-11-03', reason: '客户退订' },
  })));
  assert.equal(refunds.filter((r) => r.status === 201).length, 10);
  assert.ok(refunds.filter((r) => r.status !== 201).every((r) => r.status === 422 && r.json.error.code === 'deal.refund_exceeds_paid'));
  assert.equal(Number(sql(dir, `SELECT COUNT(*) FROM deal_payments WHERE deal_id = ${deal.json.id} AND kind = 'refund'`).trim()), 10);
});
