/** Calendar days in an office's time zone: the unit every aggregate is kept in. */
/** `2026-Q3` for a day. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The first and last day of the quarter `count - 1` quarters before the one holding `day`, up to that quarter. */
export function quartersEndingAt(
  day: string,
  count: number,
): { quarter: string; from: string; to: string }[] {
  const year = Number(day.slice(0, 4));
  const q = Math.ceil(Number(day.slice(5, 7)) / 3);
  const result: { quarter: string; from: string; to: string }[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 4 + (q - 1) - i;
    const y = Math.floor(index / 4);
    const quarter = (index % 4) + 1;
    const firstMonth = (quarter - 1) * 3 + 1;
    const lastDay = new Date(Date.UTC(y, firstMonth + 2, 0)).getUTCDate();
    result.push({
      quarter: `${y}-Q${quarter}`,
      from: `${y}-${String(firstMonth).padStart(2, '0')}-01`,
      to: `${y}-${String(firstMonth + 2).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`,
    });
  }
  return result;
}
