// Durations as a merchant reads them: the two largest units that matter, "3 days 4 hours", "45 minutes".

const UNITS: [number, string, string][] = [
  [24 * 60, "day", "days"],
  [60, "hour", "hours"],
  [1, "minute", "minutes"],
];

export function durationInWords(ms: number): string {
  let minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes === 0) return "less than a minute";
  const parts: string[] = [];
  for (const [size, one, many] of UNITS) {
    const n = Math.floor(minutes / size);
    minutes -= n * size;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
    else if (parts.length > 0) break; // "2 days 5 minutes" reads as a typo; stop at the first gap
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

/** Whole hours, or one decimal below ten: "16", "2.5". */
export function hoursInWords(ms: number): string {
  const hours = ms / 3_600_000;
  const shown = hours >= 10 ? Math.floor(hours) : Math.floor(hours * 10) / 10;
  return `${shown} working hour${shown === 1 ? "" : "s"}`;
}
