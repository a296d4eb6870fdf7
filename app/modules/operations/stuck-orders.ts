// Which orders are stuck between Loadbay and the warehouse, and for how long (docs/decisions/0018).
//  - Not sent: released (outside dry run) but a warehouse order is still `mapped`/`transmitting` more
//    than `releasedNotSentMinutes` after the release. Wall-clock minutes: sending is Loadbay's job and
//    Loadbay works around the clock.
//  - Not dispatched: the warehouse has it (`transmitted`/`accepted`, no dispatch advice) for more than
//    `notDispatchedWorkingHours` of the warehouse's working hours. Something it received after its
//    cut-off is picked the next working day, so its clock starts then.
import type { StuckSettings } from "~/modules/fulfilments/operations-settings.schema";
import { durationInWords, hoursInWords } from "./duration-words";
import { workingCalendar } from "./working-hours";

export interface NotSentCandidate {
  orderId: string;
  orderName: string;
  companyName: string | null;
  releasedAt: Date;
  /** The warehouse orders still waiting to go, e.g. `LEEDS`. */
  facilities: string[];
}

export interface NotDispatchedCandidate {
  orderId: string;
  orderName: string;
  companyName: string | null;
  warehouseOrderId: string;
  connectionId: string;
  connectionName: string;
  facilityCode: string;
  transmittedAt: Date;
}

export interface StuckOrder {
  kind: "not-sent" | "not-dispatched";
  orderId: string;
  orderName: string;
  companyName: string | null;
  /** Where it waits: facility codes, or the connection and facility. */
  where: string;
  /** When the wait began (the release, or the transmission). */
  since: Date;
  /** How long it has waited, in words: "3 days 4 hours". */
  waitingFor: string;
  /** What is wrong, in a sentence. */
  reason: string;
}

export interface StuckContext {
  now: Date;
  timeZone: string;
  dryRun: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The stuck orders among the candidates, longest wait first. */
export function findStuckOrders(candidates: { notSent: NotSentCandidate[]; notDispatched: NotDispatchedCandidate[] }, settings: StuckSettings, context: StuckContext): StuckOrder[] {
  const now = context.now.getTime();
  const notSent = context.dryRun ? [] : candidates.notSent.flatMap((c) => notSentStuck(c, settings, now));
  const calendar = workingCalendar(settings, context.timeZone);
  const notDispatched = candidates.notDispatched.flatMap((c) => {
    const cutOff = settings.cutOffTimes[c.connectionId] ?? settings.defaultCutOff;
    const worked = calendar.workingMs(calendar.clockStartsAt(c.transmittedAt.getTime(), cutOff), now);
    if (worked <= settings.notDispatchedWorkingHours * HOUR) return [];
    const stuck: StuckOrder = {
      kind: "not-dispatched",
      orderId: c.orderId,
      orderName: c.orderName,
      companyName: c.companyName,
      where: `${c.connectionName} (${c.facilityCode})`,
      since: c.transmittedAt,
      waitingFor: durationInWords(now - c.transmittedAt.getTime()),
      reason: `${c.connectionName} has had it for ${hoursInWords(worked)} without a dispatch; you expect one within ${settings.notDispatchedWorkingHours}.`,
    };
    return [stuck];
  });
  return [...notSent, ...notDispatched].sort((a, b) => a.since.getTime() - b.since.getTime());
}

function notSentStuck(c: NotSentCandidate, settings: StuckSettings, now: number): StuckOrder[] {
  const waited = now - c.releasedAt.getTime();
  if (waited <= settings.releasedNotSentMinutes * MINUTE) return [];
  const where = c.facilities.join(", ");
  return [
    {
      kind: "not-sent",
      orderId: c.orderId,
      orderName: c.orderName,
      companyName: c.companyName,
      where,
      since: c.releasedAt,
      waitingFor: durationInWords(waited),
      reason: `Released but not yet sent to ${where}; sending should take less than ${durationInWords(settings.releasedNotSentMinutes * MINUTE)}.`,
    },
  ];
}
