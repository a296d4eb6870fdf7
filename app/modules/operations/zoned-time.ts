// Wall-clock dates and times in a shop's IANA time zone, with nothing but Intl. Operations rules count
// days and working hours where the warehouse is, so "Monday 08:00" must become the right instant on
// both sides of a daylight-saving change; Date alone only knows UTC and the server's own zone.

/** A calendar day in some time zone. `weekday` is ISO: 1 = Monday … 7 = Sunday. */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function wallClock(instant: Date | number, timeZone: string): LocalDay & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour!, minute: +parts.minute!, second: +parts.second! };
}

/** Milliseconds the zone is ahead of UTC at `instant` (+3 600 000 for London in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the clocks in `timeZone` show `day` at `minutes` past midnight. A time the clocks skip
 * (01:30 on the spring change in London) comes out an hour later; a time they show twice takes the
 * first. `minutes` may pass 24 h (an overnight shift's end), counted as wall-clock time on the next days.
 */
export function instantAt(day: LocalDay, minutes: number, timeZone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day, 0, minutes);
  // The offsets a day either side are the two the zone can have around this time.
  const candidates = [...new Set([wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)])];
  const shown = candidates.filter((t) => wallMs(t, timeZone) === wall);
  return shown.length > 0 ? Math.min(...shown) : Math.max(...candidates);
}

const DAY_MS = 24 * 3600 * 1000;

function wallMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The calendar day `instant` falls on in `timeZone`. */
export function localDayOf(instant: Date | number, timeZone: string): LocalDay {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** The day `count` days after (or before, when negative) `day`. Calendar arithmetic: no zone involved. */
export function addDays(day: LocalDay, count: number): LocalDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + count));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: LocalDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() || 7;
}

/** `2026-03-29`: sortable, and the key charts group by. */
export function dayKey(day: LocalDay): string {
  return `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}

/** Minutes past midnight of an `HH:MM` setting. */
export function clockMinutes(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}
