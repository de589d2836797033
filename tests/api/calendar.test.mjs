// The work calendar (issue 14): an admin marks public holidays and 调休 make-up days, by API or from a file on the
// command line (all or nothing, each bad line named); everyone reads a year with each month's working days and
// first working day; every change is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshData, startServer, api, login, cleanup, cli, preset, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, agent;
before(async () => {
  dir = freshData({ demo: true });
  // The week pattern is the policy's: seed 004 works Monday to Friday (the built-in preset A, Monday to Saturday).
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  agent = await login(srv.base, 'agent01', DEMO_PASSWORD);
});
after(async () => { await srv.stop(); cleanup(dir); });

test('a National Day week marked by file: working days and the first working day follow, a bad file marks nothing', async () => {
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-32,holiday,x\n2026-10-08,makeup,工作日不能调休\n');
  const refused = cli(dir, ['calendar', 'import', bad]);
  assert.equal(refused.status, 3);
  assert.match(refused.stderr, /bad\.csv:3: /);
  assert.match(refused.stderr, /bad\.csv:4: .*rest day/);
  assert.deepEqual((await api(srv.base, 'GET', '/api/v1/calendar?year=2026', { token: agent })).json.days, [], 'nothing marked');

  const good = join(dir, 'national-day.csv');
  const lines = ['日期,类型,名称', '2026-09-27,调休,国庆调休上班'];
  for (let d = 1; d <= 7; d++) lines.push(`2026-10-0${d},节假日,国庆节`);
  lines.push('2026-10-10,makeup,国庆调休上班');
  writeFileSync(good, '\ufeff' + lines.join('\r\n') + '\r\n');
  const ok = cli(dir, ['calendar', 'import', good]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /marked 9 days/);

  const year = (await api(srv.base, 'GET', '/api/v1/calendar?year=2026', { token: agent })).json;
  assert.deepEqual(year.week_pattern, [true, true, true, true, true, false, false]);
  assert.equal(year.days.length, 9);
  const october = year.months.find((m) => m.month === '2026-10');
  assert.equal(october.first_working_day, '2026-10-08');
  assert.equal(october.working_days, 22 - 5 + 1, 'five weekday holidays off, one Saturday on');
  assert.equal(year.months.find((m) => m.month === '2026-09').working_days, 22 + 1);
  const shown = cli(dir, ['calendar', 'show', '2026']);
  assert.match(shown.stdout, /2026-10  working days 18, first 2026-10-08/);
});

test('an admin marks and unmarks a day through the API, audited; others may only read; bad input is named', async () => {
  const put = await api(srv.base, 'PUT', '/api/v1/calendar/days/2026-12-31', { token: admin, body: { kind: 'holiday', name: '公司年会' } });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  assert.deepEqual(put.json, { date: '2026-12-31', kind: 'holiday', name: '公司年会' });
  const december = (await api(srv.base, 'GET', '/api/v1/calendar?year=2026', { token: agent })).json.months.find((m) => m.month === '2026-12');
  assert.equal(december.working_days, 23 - 1);
  assert.equal((await api(srv.base, 'PUT', '/api/v1/calendar/days/2026-12-30', { token: agent, body: { kind: 'holiday' } })).status, 403);
  for (const [path, body, field] of [
    ['/api/v1/calendar/days/2026-02-30', { kind: 'holiday' }, 'date'],
    ['/api/v1/calendar/days/2026-12-30', { kind: 'vacation' }, 'kind'],
    ['/api/v1/calendar/days/2026-12-30', { kind: 'makeup' }, 'kind'],  // a Wednesday is a working day already
    ['/api/v1/calendar/days/2026-12-26', { kind: 'makeup', name: '长'.repeat(51) }, 'name'],
  ]) {
    const r = await api(srv.base, 'PUT', path, { token: admin, body });
    assert.equal(r.status, 400, path);
    assert.equal(r.json.error.details.field, field, path);
  }
  assert.equal((await api(srv.base, 'GET', '/api/v1/calendar', { token: agent })).json.error.details.field, 'year');
  const del = await api(srv.base, 'DELETE', '/api/v1/calendar/days/2026-12-31', { token: admin });
  assert.equal(del.status, 200);
  assert.equal((await api(srv.base, 'DELETE', '/api/v1/calendar/days/2026-12-31', { token: admin })).status, 404);
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?entity=calendar_day', { token: admin })).json.items;
  assert.deepEqual(audit.slice(0, 2).map((e) => e.action), ['calendar.unmark', 'calendar.mark']);
  assert.equal(audit[1].after.name, '公司年会');
  assert.ok(audit.some((e) => e.action === 'calendar.import' && e.detail.marked === 9));
});
