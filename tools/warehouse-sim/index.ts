/** Mintsoft warehouse simulator: public API for tests, the demo and chaos runs. See README.md. */
export { startWarehouseSim, WarehouseSim, type WarehouseSimOptions } from "./sim";
export type { DispatchOptions } from "./dispatch";
export type { FaultSettings } from "./faults";
export type { SimCounters } from "./counters";
export type { Credentials } from "./api-keys";
export type { WireOrder, WireOrderItem, WireNameValue } from "./wire-types";
export type { WireStockLevel } from "./stock-store";
/** The same warehouse over SFTP with CSV files (sftp/); README.md, "CSV over SFTP". */
export {
  startSftpWarehouseSim, SftpWarehouseSim, type SftpWarehouseSimOptions, type SftpConnectionSettings, type EdiConnectionSettings, type AutoDispatch,
} from "./sftp/sftp-sim";
export type { SftpDispatchOptions, SftpFolders, SftpSimCounters, WarehouseOrder as SftpWarehouseOrder } from "./sftp/sftp-warehouse";
export type { SftpFaultSettings, SftpOp } from "./sftp/sftp-faults";
