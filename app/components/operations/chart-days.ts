// Day keys (`YYYY-MM-DD`, already in the shop's time zone) as chart labels. Plain string work, no Intl:
// the server and every browser must print the same label, whatever their own zone.
export interface ChartDay {
  day: string;
  value: number | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-11-23` → `23 Nov`. */
export function dayLabel(key: string): string {
  const [, month, day] = key.split("-").map(Number);
  return month && day ? `${day} ${MONTHS[month - 1]}` : key;
}
