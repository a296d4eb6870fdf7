// X12 dates (CCYYMMDD) and times (HHMM, HHMMSS) carry no zone: they are the partner's wall clock, so
// they become instants in the connection's time zone. Pure (Intl only).
import { instantAt, wallClock } from "~/modules/operations/zoned-time";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `date` CCYYMMDD and optional `time` HHMM[SS[D…]] in `timeZone`; null when either is not a real date or time. */
export function x12Instant(date: string, time: string, timeZone: string): Date | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  const t = time === "" ? ["", "00", "00", "00"] : /^(\d{2})(\d{2})(\d{2})?\d*$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(instantAt({ year, month, day }, hour * 60 + minute, timeZone) + second * 1000);
}

/** The partner's wall clock at `instant`: CCYYMMDD and HHMM. */
export function x12Clock(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(instant, timeZone);
  return { date: `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`, time: `${pad(w.hour)}${pad(w.minute)}` };
}

/** An ISO date (2026-11-30, or the date part of a timestamp) as CCYYMMDD; null when it is not one. */
export function isoDateToX12(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}
