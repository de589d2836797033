// The golden cases (tests/golden/<case>.toml + <case>.expected.json): each scenario run through the server's own
// services by `waihu scenario run --json` must print exactly what its expected file holds. Adding a case is adding
// the two files; one test per case. Then the runner's refusals: every bad scenario is named by file and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './helpers.mjs';

const GOLDEN = new URL('../golden/', import.meta.url).pathname;

function scenario(file) {
  const r = spawnSync(BIN, ['scenario', 'run', file, '--json'], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cases = readdirSync(GOLDEN).filter((f) => f.endsWith('.toml')).sort();
test('there are golden cases for both effective-call forms, faxes, a team roll-up, a policy change, quotas, attendance and pay', () => {
  for (const name of ['talk_form', 'record_form', 'faxes', 'team_rollup', 'policy_change', 'quota_boundaries', 'attendance_boundaries', 'points_boundaries', 'leave_boundaries', 'report_boundaries', 'visit_boundaries', 'claim_boundaries', 'shortfall_boundaries', 'meeting_boundaries', 'pay_boundaries', 'pay_months', 'pay_versions', 'pay_leavers']) {
    assert.ok(cases.includes(`${name}.toml`), name);
  }
});

for (const c of cases) {
  test(`golden case ${c}`, () => {
    const r = scenario(join(GOLDEN, c));
    assert.equal(r.status, 0, r.stderr);
    const expected = JSON.parse(readFileSync(join(GOLDEN, c.replace(/\.toml$/, '.expected.json')), 'utf8'));
    assert.deepEqual(JSON.parse(r.stdout), expected);
  });
}

test('a bad scenario is refused with the file and line of each problem; nothing is run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waihu-scenario-'));
  try {
    const head = 'policy = "preset-a"\nperiod = { from = "2026-10-12", to = "2026-10-12" }\n[[team]]\nname = "一组"\n' +
      '[[person]]\nusername = "wangfang"\nrole = "agent"\nteam = "一组"\n';
    const customer = '[[customer]]\nkey = "c1"\ncompany = "某某科技有限公司"\nphones = ["13812345678"]\nowner = "wangfang"\n';
    const cases = [
      // A meeting of an unknown team, marking an unknown person and one person twice.
      [head + '[[meeting]]\nkind = "company"\nteam = "二组"\nby = "wangfang"\nat = "2026-10-12T15:00:00+08:00"\n' +
        'late = ["nobody", "wangfang"]\nabsent = ["wangfang"]\n',
        [/bad\.toml:\d+:\d+: no team named '二组'/, /no person 'nobody'/, /'wangfang' is marked twice/]],
      // An unknown person and an unknown key, both named at once.
      [head + customer + '[[call]]\nuser = "nobody"\ncustomer = "c1"\nstarted_at = "2026-10-12T10:00:00+08:00"\nresult = "busy"\ncolour = "red"\n',
        [/bad\.toml:15:8: no person 'nobody'/, /bad\.toml:19:1: unknown key 'colour'/]],
      // A call outside the period: found when replayed, named by its line.
      [head + customer + '[[call]]\nuser = "wangfang"\ncustomer = "c1"\nstarted_at = "2026-10-14T10:00:00+08:00"\nresult = "busy"\n',
        [/bad\.toml:14:1: falls on 2026-10-14, outside the period 2026-10-12 … 2026-10-12/]],
      // An invalid phone: the customer service refuses it, at the customer's line.
      [head + customer.replace('13812345678', '12345') + '\n', [/bad\.toml:9:1: phones/]],
      // A preset that does not exist, a time without its offset.
      [head.replace('preset-a', 'preset-z') + customer + '[[call]]\nuser = "wangfang"\ncustomer = "c1"\nstarted_at = "2026-10-12 10:00"\nresult = "busy"\n',
        [/bad\.toml:1:\d+: no preset named 'preset-z'/, /bad\.toml:17:\d+: must be an ISO 8601 time/]],
      // A target for an unknown team and a month the period does not touch; an exception for nobody.
      [head + '[[target]]\nteam = "二组"\nmonth = "2026-10"\namount_fen = 100\n' +
        '[[target]]\nteam = "一组"\nmonth = "2026-12"\namount_fen = 100\n[[exception]]\nuser = "nobody"\nmonth = "2026-10"\n',
        [/bad\.toml:10:\d+: no team named '二组'/, /bad\.toml:15:\d+: must be a month the period touches/, /bad\.toml:18:\d+: no person 'nobody'/]],
      // A target for a month whose payroll never runs (the policy has no [pay]): named, not ignored.
      [head + '[[target]]\nteam = "一组"\nmonth = "2026-10"\namount_fen = 100\n',
        [/bad\.toml:9:1: no payroll runs for 2026-10/]],
    ];
    for (const [text, expected] of cases) {
      const file = join(dir, 'bad.toml');
      writeFileSync(file, text);
      const r = scenario(file);
      assert.equal(r.status, 1, text);
      assert.equal(r.stdout, '');
      for (const e of expected) assert.match(r.stderr, e);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
