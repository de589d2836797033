// An Excel workbook (.xlsx) read in the browser into the CSV the importers take: the first sheet's cells as
// Excel shows them — text as text, phone numbers as their digits, dates as YYYY-MM-DD. The server checks every
// row as it does a CSV; nothing new is trusted here. The zip container is read with the browser's own
// DecompressionStream ('deflate-raw').

interface Entry {
  method: number;
  offset: number;
  size: number;
}

function entries(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not an .xlsx file');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = new Map<string, Entry>();
  const utf8 = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, { method, offset: start, size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function text(bytes: Uint8Array, e: Entry | undefined): Promise<string | null> {
  if (!e) return null;
  const data = bytes.subarray(e.offset, e.offset + e.size);
  if (e.method === 0) return new TextDecoder().decode(data);
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

function runs(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
}

/** Which cell formats (styles.xml cellXfs, by index) are dates. */
function dateStyles(styles: string | null): Set<number> {
  const out = new Set<number>();
  if (!styles) return out;
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\s+numFmtId="(\d+)"\s+formatCode="([^"]*)"/g)) custom.set(Number(m[1]), unescapeXml(m[2]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  [...xfs.matchAll(/<xf\s[^>]*?numFmtId="(\d+)"/g)].forEach((m, i) => {
    const id = Number(m[1]);
    const code = custom.get(id) ?? '';
    const builtinDate = (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
    if (builtinDate || /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) out.add(i);
  });
  return out;
}

/** Excel's serial day (1900 system) as YYYY-MM-DD, with the time when it has one. */
function serialDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  const iso = new Date(ms).toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** A number as Excel shows it in a General cell: 13812345678 stays 13812345678, never 1.38E+10. */
function plainNumber(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  if (Number.isInteger(n)) return BigInt(Math.round(n)).toString();
  return String(Number(n.toPrecision(15)));
}

/** The first sheet's rows. Throws when the file is not a workbook. */
export async function readXlsx(buffer: ArrayBuffer): Promise<string[][]> {
  const bytes = new Uint8Array(buffer);
  const files = entries(bytes);
  const workbook = await text(bytes, files.get('xl/workbook.xml'));
  const rels = await text(bytes, files.get('xl/_rels/workbook.xml.rels'));
  // The first sheet in the workbook's order, wherever its part is.
  const firstId = workbook ? /<sheet\s[^>]*r:id="([^"]+)"/.exec(workbook)?.[1] : undefined;
  const target = firstId && rels ? new RegExp(`<Relationship[^>]*Id="${firstId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
    ?? new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${firstId}"`).exec(rels)?.[1] : undefined;
  const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : 'xl/' + target) : 'xl/worksheets/sheet1.xml';
  const sheet = await text(bytes, files.get(sheetPath));
  if (!sheet) throw new Error('the workbook has no sheet');
  const shared: string[] = [];
  const sst = await text(bytes, files.get('xl/sharedStrings.xml'));
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(runs(m[1]));
  const dates = dateStyles(await text(bytes, files.get('xl/styles.xml')));

  const rows: string[][] = [];
  for (const r of sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const row: string[] = [];
    for (const c of r[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const ref = /r="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const col = ref ? [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : row.length;
      const type = /t="(\w+)"/.exec(attrs)?.[1];
      const style = Number(/s="(\d+)"/.exec(attrs)?.[1] ?? -1);
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = runs(body);
      else if (type === 'str' || type === 'e') value = unescapeXml(v ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) value = dates.has(style) ? serialDate(Number(v)) : plainNumber(v);
      while (row.length < col) row.push('');
      row[col] = value;
    }
    if (row.some((x) => x.trim() !== '')) rows.push(row);
  }
  return rows;
}

/** Rows as CSV text (RFC 4180), UTF-8 with a BOM, as the importers read it. */
export function toCsv(rows: string[][]): string {
  const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return '\uFEFF' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function isXlsx(name: string): boolean {
  return /\.xlsx$/i.test(name);
}
