// Reading an .xlsx as Excel would: the first sheet's cells with their types. A small reader of the zip container
// (central directory → entry → inflate) and of the sheet's XML, enough for the files Waihu writes.
import { inflateRawSync } from 'node:zlib';

function entry(buf, name) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const entryName = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    if (entryName === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Rows of the first sheet; each cell {type: 'text'|'number', value, style} (style: the cell's format index). */
export function xlsxRows(buf) {
  const shared = [];
  const sst = entry(buf, 'xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const sheet = entry(buf, 'xl/worksheets/sheet1.xml');
  const rows = [];
  for (const r of sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    for (const c of r[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...c[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const attrs = c[2];
      const type = /t="(\w+)"/.exec(attrs)?.[1];
      const style = Number(/s="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const body = c[3] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let cell;
      if (type === 's') cell = { type: 'text', value: shared[Number(v)], style };
      else if (type === 'inlineStr' || type === 'str') cell = { type: 'text', value: unescape(/<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? v ?? ''), style };
      else cell = { type: 'number', value: Number(v), style };
      cells[col] = cell;
    }
    rows.push(cells);
  }
  return rows;
}

/** Excel's serial day number (1900 date system) → "YYYY-MM-DD HH:MM:SS". */
export function excelDateTime(serial) {
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
