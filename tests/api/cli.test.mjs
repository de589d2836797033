import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshData, cli, cleanup, gbk, BIN } from './helpers.mjs';
import { execFileSync } from 'node:child_process';

let dir;
before(() => { dir = freshData(); });
after(() => cleanup(dir));

test('--help lists the subcommands and each has its own help', () => {
  const help = execFileSync(BIN, ['--help'], { encoding: 'utf8' });
  for (const sub of ['init', 'serve', 'team', 'user', 'import', 'export']) assert.match(help, new RegExp(`\\b${sub}\\b`));
  const importHelp = execFileSync(BIN, ['import', 'customers', '--help'], { encoding: 'utf8' });
  for (const flag of ['--owner', '--pool', '--partial', '--dry-run', '--dedupe', '--map', '--json', '--rejects']) assert.match(importHelp, new RegExp(flag));
});

test('init refuses to run twice; commands refuse a database that was never initialised', () => {
  const again = cli(dir, ['init', '--admin-password', 'whatever1']);
  assert.notEqual(again.status, 0);
  assert.match(again.stderr, /already initialised/);
  const empty = freshDir();
  const r = cli(empty, ['team', 'list']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /waihu init/);
  cleanup(empty);
});

function freshDir() {
  const d = join(dir, 'never-' + Math.random().toString(36).slice(2));
  return d;
}

test('teams and users from the command line', () => {
  assert.equal(cli(dir, ['team', 'add', '销售部']).status, 0);
  assert.equal(cli(dir, ['team', 'add', '销售一组', '--parent', '销售部']).status, 0);
  const tree = cli(dir, ['team', 'list']).stdout;
  assert.match(tree, /销售部 \(#\d+\)\n {2}销售一组/);
  const add = cli(dir, ['user', 'add', 'wangwu', '--role', 'agent', '--team', '销售一组', '--extension', '8001', '--hired', '2026-10-08', '--level', '2', '--prior-months', '14']);
  assert.equal(add.status, 0, add.stderr);
  assert.match(add.stdout, /password \(shown once\): \S{16}/);
  const dupExt = cli(dir, ['user', 'add', 'zhaoliu', '--role', 'agent', '--team', '销售一组', '--extension', '8001', '--password', 'floor-pass-7']);
  assert.notEqual(dupExt.status, 0);
  assert.match(dupExt.stderr, /extension/);
  assert.notEqual(cli(dir, ['user', 'add', 'bad01', '--role', 'agent', '--team', '销售一组', '--level', '0', '--password', 'floor-pass-7']).status, 0);
  const badRole = cli(dir, ['user', 'add', 'zhaoliu', '--role', 'boss', '--team', '销售一组', '--password', 'floor-pass-7']);
  assert.notEqual(badRole.status, 0);
  assert.equal(cli(dir, ['user', 'passwd', 'wangwu', '--password', 'new-password-1']).status, 0);
  assert.equal(cli(dir, ['user', 'disable', 'wangwu']).status, 0);
  const list = cli(dir, ['user', 'list']).stdout;
  assert.match(list, /wangwu\s+agent\s+销售一组\s+8001\s+2026-10-08\s+disabled/);
});

test('import customers --json prints exactly one JSON object and fails on rejected rows', () => {
  cli(dir, ['user', 'add', 'agent07', '--role', 'agent', '--team', '销售一组', '--password', 'floor-pass-7']);
  const file = join(dir, 'list.csv');
  writeFileSync(file, gbk('公司名称,姓名,手机,微信号\n苏州金桥物流有限公司,顾强,13962001234,gq88\n无锡海纳电子有限公司,华敏,139620,hm\n常州锦程机械有限公司,"王\n伟",13961234567,x\n'));
  const r = cli(dir, ['import', 'customers', file, '--owner', 'agent07', '--partial', '--json', '--rejects', join(dir, 'rejects.csv')]);
  assert.equal(r.status, 3, 'non-zero exit when rows were rejected');
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const report = JSON.parse(lines[0]);
  for (const key of ['read', 'created', 'updated', 'duplicates', 'rejected', 'errors']) assert.ok(key in report, key);
  assert.deepEqual([report.read, report.created, report.rejected], [3, 2, 1]);
  assert.deepEqual(report.errors, [{ line: 3, column: '手机', reason: report.errors[0].reason }]);
  assert.deepEqual(report.unknown_headers, ['微信号']);
  assert.ok(existsSync(join(dir, 'rejects.csv')));
  assert.match(readFileSync(join(dir, 'rejects.csv'), 'utf8'), /无锡海纳电子有限公司/);
  // Re-import: nothing new, exit 0 once the bad row is fixed.
  writeFileSync(file, '公司名称,姓名,手机\n苏州金桥物流有限公司,顾强,13962001234\n无锡海纳电子有限公司,华敏,13962001111\n');
  const again = cli(dir, ['import', 'customers', file, '--owner', 'agent07', '--json']);
  assert.equal(again.status, 0, again.stdout + again.stderr);
  const second = JSON.parse(again.stdout);
  assert.deepEqual([second.created, second.duplicates, second.rejected], [1, 1, 0]);
});

test('import errors in --json mode are one JSON object too', () => {
  const file = join(dir, 'nophone.csv');
  writeFileSync(file, 'company,notes\nx,y\n');
  const r = cli(dir, ['import', 'customers', file, '--json']);
  assert.equal(r.status, 2);
  const out = JSON.parse(r.stdout);
  assert.equal(out.error.code, 'import.mapping');
  const mapped = cli(dir, ['import', 'customers', file, '--json', '--map', 'notes=phones']);
  assert.equal(JSON.parse(mapped.stdout).rejected, 1);
});

test('export customers to CSV and xlsx', () => {
  const out = join(dir, 'out.csv');
  const r = cli(dir, ['export', 'customers', '--owner', 'agent07', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /exported 3 customers/);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /苏州金桥物流有限公司/);
  const x = join(dir, 'out.xlsx');
  assert.equal(cli(dir, ['export', 'customers', '--out', x]).status, 0);
  assert.equal(readFileSync(x).subarray(0, 2).toString(), 'PK');
});

test('export calls for a date range', () => {
  const out = join(dir, 'calls.csv');
  const r = cli(dir, ['export', 'calls', '--from', '2026-11-01', '--to', '2026-11-30', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /exported 0 calls/);
  assert.match(readFileSync(out, 'utf8'), /^\ufeff编号,坐席/);
  const bad = cli(dir, ['export', 'calls', '--from', '2026-11-30', '--to', '2026-11-01']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /to/);
  const x = join(dir, 'calls.xlsx');
  assert.equal(cli(dir, ['export', 'calls', '--from', '2026-11-01', '--to', '2026-11-30', '--xlsx', x]).status, 0);
  assert.equal(readFileSync(x).subarray(0, 2).toString(), 'PK');
});
