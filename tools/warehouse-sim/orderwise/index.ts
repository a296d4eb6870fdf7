/** OrderWise simulator: polls Loadbay's pull endpoint, acknowledges, pushes despatch and free-stock XML. README.md. */
export { OrderWiseSim, OrderWiseCallRefused, type OrderWiseSimOptions, type OrderWiseFaults, type OrderWiseCounters, type StoredSalesOrder } from "./orderwise-sim";
export type { Delivery, PulledOrder } from "./orderwise-xml";
