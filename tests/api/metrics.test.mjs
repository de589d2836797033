// The one metric layer (issue 14): per-agent-day figures kept in the same transaction as every call, follow-up,
// customer, deal and payment — by API and by import — so that recomputing them from the records finds no
// difference; read by agent and by team within scope; the desk shows the same figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshData, startServer, api, login, cleanup, cli, sql, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, agent01, supervisor, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  agent01 = await login(srv.base, 'agent01', DEMO_PASSWORD);
  supervisor = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

const chinaDate = (ms) => new Date(ms + 8 * 3600000).toISOString().slice(0, 10);
const secondsAgo = (s) => new Date(Date.now() - s * 1000).toISOString();
const verify = (from) => cli(dir, ['metrics', 'verify', '--from', from, '--to', chinaDate(Date.now())]);

test('a mixed day of calls, follow-ups, faxes, customers, deals, money and imports leaves no difference from the records', async () => {
  const from = chinaDate(Date.now() - 70 * 86400000);
  const clean = verify(from);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  const before = (await api(srv.base, 'GET', `/api/v1/metrics?agent_id=${ids.agent01}`, { token: agent01 })).json.total;

  // A customer with everything a fax needs, called, then faxed: the fax counts. A second fax to a customer never
  // called does not.
  const full = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: '传真齐全科技', contact_name: '王', title: '行政经理', phones: ['13611112222'], fax: '010-62345678', grade: 'A' },
  });
  assert.equal(full.status, 201, JSON.stringify(full.json));
  const call = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: full.json.id, started_at: secondsAgo(300), answered_at: secondsAgo(290), ended_at: secondsAgo(240), result: 'interested' },
  });
  assert.equal(call.status, 201, JSON.stringify(call.json));
  // The same customer again, worth following again (a callback request): still one customer worth following.
  const again = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: full.json.id, started_at: secondsAgo(230), answered_at: secondsAgo(225), ended_at: secondsAgo(164), result: 'callback_requested' },
  });
  assert.equal(again.status, 201, JSON.stringify(again.json));
  const fax = await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent01, body: { customer_id: full.json.id, channel: 'fax', content: '已传真报价单' } });
  assert.equal(fax.status, 201, JSON.stringify(fax.json));
  const cold = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: '未致电公司', contact_name: '李', title: '经理', phones: ['13611113333'], fax: '010-62345679' },
  });
  await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent01, body: { customer_id: cold.json.id, channel: 'fax', content: '传真资料' } });

  // A deal, a payment and a refund.
  const deal = await api(srv.base, 'POST', '/api/v1/deals', { token: agent01, body: { customer_id: full.json.id, product: '云呼叫中心', amount_fen: 1280000 } });
  assert.equal(deal.status, 201, JSON.stringify(deal.json));
  assert.equal((await api(srv.base, 'POST', `/api/v1/deals/${deal.json.id}/payments`, { token: agent01, body: { amount_fen: 1000000 } })).status, 201);
  assert.equal((await api(srv.base, 'POST', `/api/v1/deals/${deal.json.id}/refunds`, { token: agent01, body: { amount_fen: 200000, reason: '部分退订' } })).status, 201);

  const after = (await api(srv.base, 'GET', `/api/v1/metrics?agent_id=${ids.agent01}`, { token: agent01 })).json.total;
  const today = chinaDate(Date.parse(call.json.started_at)) === chinaDate(Date.now());
  if (today) {
    assert.equal(after.dials, before.dials + 2);
    assert.equal(after.connects, before.connects + 2);
    assert.equal(after.effective_calls, before.effective_calls + 2, '50 and 61 seconds of talk');
    assert.equal(after.talk_seconds, before.talk_seconds + 111);
    assert.equal(after.follow_up_worthy, before.follow_up_worthy + 1, 'one customer worth following, called twice');
    assert.equal(after.interested_customers, before.interested_customers + 1, 'interested once; a callback request is not');
  }
  assert.equal(after.faxes, before.faxes + 1, 'only the fax after a call, with the full record');
  assert.equal(after.new_customers, before.new_customers + 2);
  assert.equal(after.new_customers_a, before.new_customers_a + 1);
  assert.equal(after.deals, before.deals + 1);
  assert.equal(after.revenue_fen, before.revenue_fen + 1280000);
  assert.equal(after.payments_fen, before.payments_fen + 1000000);
  assert.equal(after.refunds_fen, before.refunds_fen + 200000);

  // Imports: call records from the phone system, deals from a sheet, customers from a list.
  const yesterday = new Date(Date.now() - 86400000 + 8 * 3600000).toISOString().slice(0, 10);
  const cdr = join(dir, 'cdr.csv');
  writeFileSync(cdr, 'agent,number,start,talk_seconds,result,id\n' +
    `8001,13900001234,${yesterday} 10:00:00,60,connected,m1\n` +
    `8002,13900005678,${yesterday} 11:00:00,0,no_answer,m2\n`);
  const imported = cli(dir, ['import', 'calls', cdr, '--format', 'csv', '--json']);
  assert.equal(imported.status, 0, imported.stdout + imported.stderr);
  const won = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent06}&limit=1`, { token: admin })).json.items[0];
  const deals = join(dir, 'deals.csv');
  writeFileSync(deals, `customer_id,agent,product,amount,closed_on,paid_amount,paid_on\n${won.id},agent06,短信群发,3000,${yesterday},1500,${chinaDate(Date.now())}\n`);
  const dealImport = cli(dir, ['import', 'deals', deals, '--json']);
  assert.equal(dealImport.status, 0, dealImport.stdout + dealImport.stderr);
  const list = await api(srv.base, 'POST', '/api/v1/customers/import', {
    token: supervisor, raw: Buffer.from('公司,联系人,电话,等级\n导入一号公司,赵,13722223333,B\n导入二号公司,钱,13722224444,\n'), headers: { 'content-type': 'text/csv' },
  });
  assert.equal(list.status, 200, JSON.stringify(list.json));
  const lead = (await api(srv.base, 'GET', `/api/v1/metrics?agent_id=${ids.liqiang}`, { token: supervisor })).json.total;
  assert.ok(lead.new_customers >= 2 && lead.new_customers_b >= 1, JSON.stringify(lead));

  const checked = verify(from);
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  assert.match(checked.stdout, /every figure agrees with the records/);
});

test('a figure changed behind the store is found by verify and repaired by rebuild', async () => {
  const from = chinaDate(Date.now() - 70 * 86400000);
  sql(dir, `UPDATE agent_days SET dials = dials + 5 WHERE user_id = ${ids.agent03} AND day = (SELECT MAX(day) FROM agent_days WHERE user_id = ${ids.agent03})`);
  const found = verify(from);
  assert.equal(found.status, 1);
  assert.match(found.stdout, new RegExp(`user ${ids.agent03} dials: kept \\d+, records say \\d+`));
  assert.match(found.stdout, /1 difference/);
  const rebuilt = cli(dir, ['metrics', 'rebuild', '--from', from]);
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.equal(verify(from).status, 0);
});

test('figures by agent and by team, within scope; the desk reads the same figures', async () => {
  const mine = await api(srv.base, 'GET', '/api/v1/metrics?span=month', { token: agent01 });
  assert.equal(mine.status, 200, JSON.stringify(mine.json));
  assert.deepEqual(mine.json.items.map((i) => i.agent_id), [ids.agent01], 'an agent sees only their own figures');
  assert.equal(mine.json.from.slice(8), '01');
  const desk = (await api(srv.base, 'GET', '/api/v1/desk', { token: agent01 })).json;
  const day = (await api(srv.base, 'GET', '/api/v1/metrics', { token: agent01 })).json;
  assert.equal(day.from, desk.date);
  assert.equal(desk.today.dials, day.total.dials);
  assert.equal(desk.today.effective, day.total.effective_calls);
  assert.equal(desk.metrics.talk_minutes, day.total.talk_minutes);

  // The supervisor: the group's agents; by team, the group is the sum of its agents.
  const agents = (await api(srv.base, 'GET', '/api/v1/metrics?span=month&by=agent', { token: supervisor })).json;
  assert.ok(agents.items.length >= 10);
  assert.ok(!agents.items.some((i) => i.username === 'agent11'), 'another group stays out');
  const teams = (await api(srv.base, 'GET', '/api/v1/metrics?span=month&by=team', { token: supervisor })).json;
  const group = teams.items.find((t) => t.name === '电销一组');
  assert.ok(group, JSON.stringify(teams.items.map((t) => t.name)));
  assert.equal(group.metrics.dials, agents.items.filter((i) => i.team_id === group.team_id).reduce((s, i) => s + i.metrics.dials, 0));
  // The manager's department: its total is every group's.
  const manager = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  const dept = (await api(srv.base, 'GET', '/api/v1/metrics?span=week&by=team', { token: manager })).json;
  const top = dept.items.find((t) => t.name === '电销部');
  const groups = dept.items.filter((t) => t.parent_id === top.team_id);
  assert.equal(groups.length, 3);
  assert.equal(top.metrics.revenue_fen, groups.reduce((s, g) => s + g.metrics.revenue_fen, 0) + 0 * top.metrics.revenue_fen);
  assert.equal(dept.policy_version, 1);

  for (const [query, field] of [['by=everyone', 'by'], ['span=year', 'span'], ['from=2026-12-02&to=2026-11-01', 'to'], ['date=2026-13-01', 'date'], ['span=day&from=2026-11-01', 'from']]) {
    const r = await api(srv.base, 'GET', `/api/v1/metrics?${query}`, { token: supervisor });
    assert.equal(r.status, 400, query);
    assert.equal(r.json.error.details.field, field, query);
  }
  assert.equal((await api(srv.base, 'GET', `/api/v1/metrics?team_id=999999`, { token: supervisor })).status, 404);
});
