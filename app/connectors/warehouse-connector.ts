// The contract lives with the use cases that depend on it (app/modules/transmission); connectors
// implement it. Re-exported here so every connector imports it from its own folder's parent.
export * from "~/modules/transmission/warehouse-connector";
