// Working-hours arithmetic for a warehouse's week, in the shop's time zone: how many working hours lie
// between two instants, and when the clock starts for an order that arrived after the cut-off. Each
// day's window is computed from the wall clock, so a daylight-saving change shortens or lengthens the
// night, never the working day; a window whose end is not after its start runs past midnight (a night
// shift belongs to the day it starts on).
import { addDays, clockMinutes, dayKey, instantAt, isoWeekday, localDayOf, type LocalDay } from "./zoned-time";

export interface WorkingWeek {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** `HH:MM` wall-clock times. */
  workdayStart: string;
  workdayEnd: string;
}

export interface WorkingCalendar {
  /** Working milliseconds in [from, to); 0 when `to` is not after `from`. */
  workingMs(from: number, to: number): number;
  /**
   * When the warehouse's clock starts for something it received at `receivedAt`: then, unless that was
   * after the day's `cutOff` or on a day off, in which case the start of the next working day.
   */
  clockStartsAt(receivedAt: number, cutOff: string): number;
}

/** More than ten years of days is a corrupt date, not a slow warehouse: stop counting there. */
const MAX_DAYS = 3_700;

export function workingCalendar(week: WorkingWeek, timeZone: string): WorkingCalendar {
  const start = clockMinutes(week.workdayStart);
  const endRaw = clockMinutes(week.workdayEnd);
  const end = endRaw > start ? endRaw : endRaw + 24 * 60;
  const days = new Set(week.workingDays);
  // Every order on the dashboard shares the shop's zone and week: each day's window is worked out once.
  const windows = new Map<string, [number, number] | null>();
  const windowOf = (day: LocalDay): [number, number] | null => {
    const key = dayKey(day);
    if (!windows.has(key)) windows.set(key, days.has(isoWeekday(day)) ? [instantAt(day, start, timeZone), instantAt(day, end, timeZone)] : null);
    return windows.get(key)!;
  };

  return {
    workingMs(from, to) {
      if (!(to > from)) return 0;
      const last = dayKey(localDayOf(to, timeZone));
      let total = 0;
      // From the day before: yesterday's night shift may still be running at `from`.
      let day = addDays(localDayOf(from, timeZone), -1);
      for (let i = 0; i < MAX_DAYS && dayKey(day) <= last; i++, day = addDays(day, 1)) {
        const w = windowOf(day);
        if (w) total += Math.max(0, Math.min(w[1], to) - Math.max(w[0], from));
      }
      return total;
    },
    clockStartsAt(receivedAt, cutOff) {
      const day = localDayOf(receivedAt, timeZone);
      if (windowOf(day) && receivedAt <= instantAt(day, clockMinutes(cutOff), timeZone)) return receivedAt;
      for (let next = addDays(day, 1), i = 0; i < 8; i++, next = addDays(next, 1)) {
        const w = windowOf(next);
        if (w) return w[0];
      }
      return receivedAt; // unreachable: the settings schema asks for at least one working day
    },
  };
}
