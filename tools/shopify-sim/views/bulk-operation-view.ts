import type { BulkOperationRecord } from "../state/types";

export function bulkOperationView(record: BulkOperationRecord): Record<string, unknown> {
  return {
    __typename: "BulkOperation",
    id: record.id,
    type: "QUERY",
    status: record.status,
    query: record.query,
    createdAt: record.createdAt,
    completedAt: record.completedAt,
    errorCode: record.errorCode,
    objectCount: String(record.objectCount),
    rootObjectCount: String(record.rootObjectCount),
    fileSize: record.fileSize === null ? null : String(record.fileSize),
    url: record.url,
    partialDataUrl: null,
  };
}
