// Policies (issue 14): the rule book every employee reads, rendered from the policy in force; a manager uploads a
// draft, sees the loader's problems by line, fixes it; the director approves; it is published, announced to
// everyone and acknowledged; published versions never change; the calls module runs by the version in force.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { freshData, startServer, api, login, cleanup, cli, preset, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, manager, agent, director;
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  manager = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  agent = await login(srv.base, 'agent01', DEMO_PASSWORD);
  const teams = await api(srv.base, 'GET', '/api/v1/teams', { token: admin });
  const made = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'zongjingli', display_name: '王总', role: 'director', team_id: teams.json.items[0].id, password: 'director-pass' },
  });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  director = await login(srv.base, 'zongjingli', 'director-pass');
});
after(async () => { await srv.stop(); cleanup(dir); });

test('every employee reads the rules in force, rendered from the policy, and acknowledges them once', async () => {
  const current = await api(srv.base, 'GET', '/api/v1/policies/current', { token: agent });
  assert.equal(current.status, 200, JSON.stringify(current.json));
  assert.equal(current.json.version, 1, 'init publishes the built-in preset A');
  assert.equal(current.json.status, 'published');
  assert.equal(current.json.effective_from, '2026-01-01');
  const effective = current.json.rule_book.find((s) => s.key === 'effective_call');
  assert.deepEqual(effective.zh, ['有效通话：接通且通话不少于 30 秒']);
  assert.deepEqual(effective.en, ['An effective call is answered with at least 30 seconds of talk']);
  assert.equal(current.json.acknowledged, false);
  const notices = await api(srv.base, 'GET', '/api/v1/policies/unacknowledged', { token: agent });
  assert.deepEqual(notices.json.items.map((v) => v.id), [1]);
  for (let i = 0; i < 2; i++) {
    assert.equal((await api(srv.base, 'POST', '/api/v1/policies/1/acknowledge', { token: agent })).status, 200);
  }
  assert.deepEqual((await api(srv.base, 'GET', '/api/v1/policies/unacknowledged', { token: agent })).json.items, []);
  assert.equal((await api(srv.base, 'GET', '/api/v1/policies/current', { token: agent })).json.acknowledged, true);
  // An agent sees who must acknowledge nothing; the list is the managers'.
  assert.equal((await api(srv.base, 'GET', '/api/v1/policies/1/acknowledgements', { token: agent })).status, 403);
  const acks = await api(srv.base, 'GET', '/api/v1/policies/1/acknowledgements', { token: manager });
  assert.equal(acks.json.acknowledged, 1);
  assert.ok(acks.json.total > 30);
  assert.equal(acks.json.items.find((u) => u.username === 'agent01').acknowledged_at !== null, true);
  assert.equal((await api(srv.base, 'GET', '/api/v1/policies/current?date=2025-12-31', { token: agent })).json.error.code, 'policy.none');
});

test('a draft with problems is refused line by line; fixed, approved by the director, published and announced', async () => {
  const good = readFileSync(preset('seed-004'), 'utf8');
  const lines = good.split('\n');
  const at = lines.findIndex((l) => l.startsWith('form = "record"'));
  lines[at] = 'form = "recorded"';
  lines.splice(at + 1, 0, 'min_talk_second = 30');
  const broken = lines.join('\n');

  const checked = await api(srv.base, 'POST', '/api/v1/policies/check', { token: manager, body: { text: broken } });
  assert.equal(checked.status, 200);
  assert.equal(checked.json.ok, false);
  assert.deepEqual(checked.json.problems.map((p) => p.line), [at + 1, at + 2]);
  assert.match(checked.json.problems[0].reason, /'form' must be one of talk, record/);
  assert.match(checked.json.problems[1].reason, /unknown key 'min_talk_second'/);

  const refused = await api(srv.base, 'POST', '/api/v1/policies', { token: manager, body: { text: broken, note: '电话开发制度' } });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error.code, 'policy.invalid');
  assert.equal(refused.json.error.details.problems.length, 2);
  assert.equal((await api(srv.base, 'POST', '/api/v1/policies', { token: agent, body: { text: good } })).status, 403);

  const draft = await api(srv.base, 'POST', '/api/v1/policies', { token: manager, body: { text: broken.replace('form = "recorded"\nmin_talk_second = 30', 'form = "record"'), note: '按记录计有效电话' } });
  assert.equal(draft.status, 201, JSON.stringify(draft.json));
  const id = draft.json.id;
  assert.equal(draft.json.status, 'draft');
  assert.equal(draft.json.previous.id, 1);
  const change = draft.json.changes.rules.find((s) => s.key === 'effective_call');
  assert.equal(change.changed, true);
  assert.ok(change.zh.some((l) => l.op === '-' && l.text === '有效通话：接通且通话不少于 30 秒'));
  assert.ok(change.zh.some((l) => l.op === '+' && l.text.includes('信息化现状')));

  // Agents see neither the draft nor its existence; the manager cannot approve, nor publish before approval.
  assert.equal((await api(srv.base, 'GET', `/api/v1/policies/${id}`, { token: agent })).status, 404);
  assert.deepEqual((await api(srv.base, 'GET', '/api/v1/policies', { token: agent })).json.items.map((v) => v.id), [1]);
  assert.equal((await api(srv.base, 'POST', `/api/v1/policies/${id}/approve`, { token: manager })).status, 403);
  assert.equal((await api(srv.base, 'POST', `/api/v1/policies/${id}/publish`, { token: manager })).json.error.code, 'policy.not_approved');
  const edited = await api(srv.base, 'PUT', `/api/v1/policies/${id}`, { token: manager, body: { text: good, note: '电话开发：有效电话看记录' } });
  assert.equal(edited.status, 200, JSON.stringify(edited.json));

  const approved = await api(srv.base, 'POST', `/api/v1/policies/${id}/approve`, { token: director });
  assert.equal(approved.status, 200, JSON.stringify(approved.json));
  assert.equal(approved.json.approved_by.name, '王总');
  assert.equal((await api(srv.base, 'PUT', `/api/v1/policies/${id}`, { token: manager, body: { text: good } })).json.error.code, 'policy.not_draft');
  const published = await api(srv.base, 'POST', `/api/v1/policies/${id}/publish`, { token: manager });
  assert.equal(published.status, 200, JSON.stringify(published.json));
  assert.equal(published.json.status, 'published');

  // Announced: the agent is asked to acknowledge the new version, which is now the rule book.
  assert.deepEqual((await api(srv.base, 'GET', '/api/v1/policies/unacknowledged', { token: agent })).json.items.map((v) => v.id), [id]);
  const current = await api(srv.base, 'GET', '/api/v1/policies/current', { token: agent });
  assert.equal(current.json.id, id);
  assert.equal(current.json.note, '电话开发：有效电话看记录');
  const diff = await api(srv.base, 'GET', `/api/v1/policies/${id}/diff?against=1`, { token: agent });
  assert.ok(diff.json.text.some((l) => l.op === '+' && l.text === 'form = "record"'));

  // Published versions stay as they are.
  assert.equal((await api(srv.base, 'DELETE', `/api/v1/policies/${id}`, { token: manager })).json.error.code, 'policy.published');
  assert.equal((await api(srv.base, 'PUT', `/api/v1/policies/${id}`, { token: admin, body: { text: good } })).json.error.code, 'policy.not_draft');
  const audit = await api(srv.base, 'GET', `/api/v1/audit?entity=policy&entity_id=${id}`, { token: admin });
  assert.deepEqual(audit.json.items.map((e) => e.action).sort(), ['policy.approve', 'policy.draft', 'policy.publish', 'policy.update']);

  // The calls module runs by it: a short call to a customer whose record holds the six fields is effective.
  const made = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent, body: { company: '记录齐全科技', contact_name: '张', title: 'IT经理', phones: ['13677778888'], headcount: 80, it_status: '有ERP' },
  });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const call = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent, body: { customer_id: made.json.id, started_at: new Date(Date.now() - 60000).toISOString(), talk_seconds: 12, talk_seconds_reason: '补录', result: 'connected' },
  });
  assert.equal(call.status, 201, JSON.stringify(call.json));
  assert.equal(call.json.effective, true, 'seed 004: the record makes the call effective, not its 12 seconds');
});

test('a draft can be discarded before it is published; the command line checks, shows and compares', async () => {
  const good = readFileSync(preset('preset-b'), 'utf8');
  const draft = await api(srv.base, 'POST', '/api/v1/policies', { token: admin, body: { text: good } });
  assert.equal(draft.status, 201);
  assert.equal((await api(srv.base, 'DELETE', `/api/v1/policies/${draft.json.id}`, { token: admin })).status, 200);
  assert.equal((await api(srv.base, 'GET', `/api/v1/policies/${draft.json.id}`, { token: admin })).status, 404);

  const check = cli(dir, ['policy', 'check', preset('preset-a'), preset('preset-b'), preset('seed-001'), preset('seed-004')]);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /preset-b\.toml: ok — .*7 example\(s\) pass/);
  const shown = cli(dir, ['policy', 'show']);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /有效通话：接通且客户记录填有客户名称/);
  assert.match(cli(dir, ['policy', 'show', '--at', '2026-01-01']).stdout, /电话开发/);
  const diff = cli(dir, ['policy', 'diff', 'v1', preset('seed-004')]);
  assert.equal(diff.status, 0, diff.stderr);
  assert.match(diff.stdout, /- 有效通话：接通且通话不少于 30 秒/);
});
