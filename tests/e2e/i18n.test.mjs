// Every string of the web app is in both catalogues: the same keys, in the same order, none empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

function keys(file) {
  const text = readFileSync(new URL(`../../web/src/i18n/${file}`, import.meta.url), 'utf8');
  return [...text.matchAll(/^\s*'([a-z_.]+)':\s*'(.*)',\s*$/gm)].map((m) => [m[1], m[2]]);
}

test('zh and en catalogues have the same keys', () => {
  const zh = keys('zh.ts');
  const en = keys('en.ts');
  assert.ok(zh.length > 20);
  assert.deepEqual(en.map(([k]) => k), zh.map(([k]) => k));
  for (const [k, v] of [...zh, ...en]) assert.ok(v.length > 0, `${k} is empty`);
});
