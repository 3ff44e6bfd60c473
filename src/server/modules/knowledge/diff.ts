/**
 * Text differences between two revisions, computed in TypeScript (the same on both engines): first by line, then
 * each replaced run of lines by word, so a changed word in a long article shows as that word. Myers' O(ND)
 * algorithm on tokens.
 */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Shortest edit script between two token lists, as parts (adjacent parts of the same kind merged). */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  for (const part of myers(a.slice(start, endA), b.slice(start, endB))) push(parts, part.op, part.text);
  push(parts, 'equal', a.slice(endA).join(''));
  return parts;
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

function myers(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk the trace back from the end to recover the edit script.
  const parts: DiffPart[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      parts.push({ op: 'equal', text: a[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) parts.push({ op: 'insert', text: b[y - 1]! });
      else parts.push({ op: 'delete', text: a[x - 1]! });
    }
    x = prevX;
    y = prevY;
  }
  const merged: DiffPart[] = [];
  for (const part of parts.reverse()) push(merged, part.op, part.text);
  return merged;
}

/** Words and the spaces between them, so joining the tokens gives the text back. */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function lineTokens(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Line diff, with each deleted-then-inserted block refined to a word diff. */
export function diffText(before: string, after: string): DiffPart[] {
  const lines = diffTokens(lineTokens(before), lineTokens(after));
  const parts: DiffPart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i]!;
    const next = lines[i + 1];
    if (part.op === 'delete' && next?.op === 'insert') {
      for (const word of diffTokens(wordTokens(part.text), wordTokens(next.text)))
        push(parts, word.op, word.text);
      i++;
    } else {
      push(parts, part.op, part.text);
    }
  }
  return parts;
}
