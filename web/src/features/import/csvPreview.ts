// The first rows of a CSV file, decoded in the browser as the server will read it (UTF-8, else GB18030), for the
// import preview. The server's own check stays the judge of every row.
export function decodeFile(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(view);
  }
}

/** Up to `max` records, quoted fields with commas and line breaks understood; comma, tab or semicolon. */
export function previewRows(text: string, max = 11): string[][] {
  const firstLine = text.slice(0, text.search(/\r|\n/) >>> 0);
  const sep = [',', '\t', ';'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < max; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if ((field !== '' || row.length) && rows.length < max) rows.push([...row, field]);
  return rows;
}
