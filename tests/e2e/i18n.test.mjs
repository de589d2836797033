// Every string of the web app is in both languages: each feature's messages.ts has the same keys in zh and en,
// in the same order, none empty; the English side has no Chinese (the English UI shows none), but for the
// language switch itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const src = new URL('../../web/src/', import.meta.url).pathname;
function catalogues(dir = src) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...catalogues(path));
    else if (name === 'messages.ts' || (name === 'errors.ts' && dir.endsWith('i18n'))) out.push(path);
  }
  return out;
}
function keys(text) {
  return [...text.matchAll(/^\s*'([a-z_.]+)':\s*(['"])(.*)\2,\s*$/gm)].map((m) => [m[1], m[3]]);
}

test('each catalogue has the same keys in zh and en, and the English has no Chinese', () => {
  const files = catalogues();
  assert.ok(files.length >= 8, files.join(', '));
  const all = new Set();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const cut = text.indexOf('export const en');
    assert.ok(cut > 0, `${file} declares en`);
    const zh = keys(text.slice(0, cut));
    const en = keys(text.slice(cut));
    assert.ok(zh.length > 0, file);
    assert.deepEqual(en.map(([k]) => k), zh.map(([k]) => k), file);
    for (const [k, v] of [...zh, ...en]) assert.ok(v.length > 0, `${k} is empty`);
    for (const [k, v] of en) {
      if (k === 'lang.switch') continue;  // the switch names the other language in its own script
      assert.ok(!/[\u4e00-\u9fff]/.test(v), `${k} has Chinese in English: ${v}`);
    }
    for (const [k] of zh) {
      assert.ok(!all.has(k), `${k} is declared twice`);
      all.add(k);
    }
  }
});
