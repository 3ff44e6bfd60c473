/**
 * Just enough of a message's header to accept or refuse it before it is stored: the full parse (mailparser)
 * happens later in the job. Returns undefined when there is no header section at all.
 */
export function readHeaders(raw: Buffer): Map<string, string> | undefined {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const section = end === -1 ? head : head.slice(0, end);
  if (!/^[!-9;-~]+:/.test(section)) return undefined;
  const headers = new Map<string, string>();
  for (const line of section.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** The first `<…@…>` id in a header value. */
export function firstMessageId(value: string | undefined): string | undefined {
  return value ? /<[^<>\s]+@[^<>\s]+>/.exec(value)?.[0] : undefined;
}

/** The bare address of a From header such as `"Siti" <siti@example.com>`. */
export function addressOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(value) ?? /([^\s<>"',;]+@[^\s<>"',;]+)/.exec(value);
  return match?.[1]?.toLowerCase();
}
