// Dates on admin pages, formatted the same way on the server and in the browser (an implicit locale
// or time zone makes React's hydration fail for merchants outside the server's): always the shop's
// time zone, always one locale.
export function formatDateTime(value: string | Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "2-digit",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(value));
}
