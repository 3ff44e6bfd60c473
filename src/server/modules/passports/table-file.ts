/**
 * Reading an uploaded table: CSV (UTF-8 with or without BOM, `,` or `;` detected from the header line, RFC 4180
 * quoting with doubled quotes and line breaks inside quotes) or XLSX (the first worksheet, read with exceljs).
 * The result is the header and the data rows as strings, with each row's line in the file for the report.
 */
export interface TableRow {
  /** 1-based row number in the file as a spreadsheet shows it (the header is row 1). */
  line: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export class TableFileError extends Error {
  constructor(readonly code: 'empty_file' | 'unreadable_xlsx' | 'unterminated_quote' | 'not_utf8') {
    super(code);
    this.name = 'TableFileError';
  }
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readTable(content: Buffer): Promise<Table> {
  if (content.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(content);
  return parseCsv(decodeUtf8(content));
}

function decodeUtf8(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new TableFileError('not_utf8');
  }
}

/** Parses CSV text. The delimiter is whichever of `;` and `,` occurs more often in the header line. */
export function parseCsv(text: string): Table {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const records: TableRow[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === '"' && field === '') {
      // A quoted field: read to the closing quote; "" is a quote.
      i++;
      let closed = false;
      let start = i;
      while (i < n) {
        const q = source.indexOf('"', i);
        if (q === -1) break;
        if (source[q + 1] === '"') {
          field += source.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += source.slice(start, q);
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) throw new TableFileError('unterminated_quote');
      for (const c of field) if (c === '\n') line++;
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      cells.push(field);
      field = '';
      if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
      cells = [];
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      const next = nextSpecial(source, i, delimiter);
      field += source.slice(i, next);
      i = next;
    }
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    records.push({ line: recordLine, cells });
  }
  const [header, ...rows] = records;
  if (!header) throw new TableFileError('empty_file');
  return { header: header.cells.map((h) => h.trim()), rows };
}

function nextSpecial(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === delimiter || c === '\n' || c === '\r') return i;
  }
  return text.length;
}

function count(text: string, ch: string): number {
  let total = 0;
  for (const c of text) if (c === ch) total++;
  return total;
}

/** The first worksheet; dates become `YYYY-MM-DD` (or ISO time when they carry one), numbers plain text. */
async function readXlsx(content: Buffer): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new TableFileError('unreadable_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFileError('empty_file');
  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    for (let k = 0; k < cells.length; k++) cells[k] ??= '';
    records.push({ line: rowNumber, cells });
  });
  const [header, ...rows] = records;
  if (!header) throw new TableFileError('empty_file');
  return { header: header.cells.map((h) => h.trim()), rows };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Excel stores wall-clock values; a date without time arrives as midnight UTC.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value);
}
