/** The US school year a date falls in: July starts a new one ("2026-2027"). */
export function schoolYearOf(date: Date = new Date()): string {
  const y = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 6 ? y : y - 1;
  return `${start}-${start + 1}`;
}
