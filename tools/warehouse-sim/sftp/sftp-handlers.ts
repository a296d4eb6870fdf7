// The SFTP subsystem over the in-memory file system: the requests ssh2-sftp-client sends (OPEN, READ,
// WRITE, CLOSE, STAT/LSTAT/FSTAT, OPENDIR/READDIR, RENAME, REMOVE, MKDIR, REALPATH, SETSTAT). Each request
// passes the fault switches first: refused, or done and then the connection dropped before the answer.
import type { Attributes, FileEntry, SFTPWrapper } from "ssh2";
import ssh2 from "ssh2";
import { MemoryFs, type FsEntry, type FsStatus, type MemoryFile } from "./memory-fs";
import type { SftpFaults, SftpOp } from "./sftp-faults";

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;

type Reply =
  | { status: number; message?: string }
  | { handle: Buffer }
  | { data: Buffer }
  | { names: FileEntry[] }
  | { attrs: Attributes };

type Open = { kind: "file"; path: string; file: MemoryFile } | { kind: "folder"; path: string; listed: boolean };

export interface SftpHooks {
  fs: MemoryFs;
  faults: SftpFaults;
  /** Every request that changes something, with its path, in order. */
  log(op: SftpOp, path: string): void;
  /** Drops this client's connection without an answer. */
  drop(): void;
  sleep(ms: number): Promise<void>;
}

const STATUS: Record<FsStatus, number> = {
  ok: STATUS_CODE.OK, "no-such-file": STATUS_CODE.NO_SUCH_FILE, "permission-denied": STATUS_CODE.PERMISSION_DENIED, failure: STATUS_CODE.FAILURE,
};
const statusReply = (status: FsStatus, message?: string): Reply => ({ status: STATUS[status], message: status === "ok" ? undefined : message });

function attrsOf(entry: FsEntry): Attributes {
  const seconds = Math.floor(entry.mtime.getTime() / 1000);
  return { mode: entry.kind === "folder" ? 0o40755 : 0o100644, uid: 1000, gid: 1000, size: entry.size, atime: seconds, mtime: seconds };
}

function nameOf(entry: FsEntry): FileEntry {
  const date = entry.mtime.toUTCString().slice(5, 22);
  const longname = `${entry.kind === "folder" ? "drwxr-xr-x" : "-rw-r--r--"} 1 wms wms ${entry.size} ${date} ${entry.name}`;
  return { filename: entry.name, longname, attrs: attrsOf(entry) };
}

function send(sftp: SFTPWrapper, reqId: number, reply: Reply): void {
  try {
    if ("handle" in reply) sftp.handle(reqId, reply.handle);
    else if ("data" in reply) sftp.data(reqId, reply.data);
    else if ("names" in reply) sftp.name(reqId, reply.names);
    else if ("attrs" in reply) sftp.attrs(reqId, reply.attrs);
    else sftp.status(reqId, reply.status, reply.message);
  } catch {
    // The client gave up (a timeout) while a delayed answer was waiting: nobody to answer.
  }
}

export function serveSftp(sftp: SFTPWrapper, hooks: SftpHooks): void {
  const { fs } = hooks;
  const open = new Map<number, Open>();
  let nextHandle = 1;
  const handleFor = (entry: Open): Reply => {
    const id = nextHandle++;
    open.set(id, entry);
    const handle = Buffer.alloc(4);
    handle.writeUInt32BE(id);
    return { handle };
  };
  const opened = (handle: Buffer) => (handle.length === 4 ? open.get(handle.readUInt32BE(0)) : undefined);
  const noHandle: Reply = { status: STATUS_CODE.FAILURE, message: "Invalid handle" };

  const run = async (reqId: number, op: SftpOp, path: string, work: () => Reply) => {
    const { latencyMs } = hooks.faults.settings;
    if (latencyMs > 0) await hooks.sleep(latencyMs);
    const decision = hooks.faults.decide(op);
    if (decision === "fail-before") return send(sftp, reqId, { status: STATUS_CODE.FAILURE, message: "Simulated server failure" });
    if (op === "open-write" || op === "rename" || op === "remove" || op === "mkdir") hooks.log(op, path);
    const reply = work();
    if (decision === "fail-after") return hooks.drop();
    send(sftp, reqId, reply);
  };

  const openFile = (path: string, flags: number): Reply => {
    if (!(flags & OPEN_MODE.WRITE)) {
      const file = fs.file(path);
      return file ? handleFor({ kind: "file", path, file }) : statusReply("no-such-file");
    }
    const file = fs.openForWrite(path, { truncate: !!(flags & OPEN_MODE.TRUNC), exclusive: !!(flags & OPEN_MODE.EXCL) });
    return typeof file === "string" ? statusReply(file) : handleFor({ kind: "file", path, file });
  };

  const stat = (path: string): Reply => {
    const entry = fs.stat(path);
    return entry ? { attrs: attrsOf(entry) } : statusReply("no-such-file");
  };

  sftp.on("OPEN", (reqId, path, flags) => void run(reqId, flags & OPEN_MODE.WRITE ? "open-write" : "open-read", path, () => openFile(path, flags)));
  sftp.on("WRITE", (reqId, handle, offset, data) => {
    const entry = opened(handle);
    void run(reqId, "write", entry?.path ?? "?", () => {
      if (entry?.kind !== "file") return noHandle;
      fs.writeAt(entry.file, offset, data);
      return statusReply("ok");
    });
  });
  sftp.on("READ", (reqId, handle, offset, length) => {
    const entry = opened(handle);
    void run(reqId, "read", entry?.path ?? "?", () => {
      if (entry?.kind !== "file") return noHandle;
      if (offset >= entry.file.data.length) return { status: STATUS_CODE.EOF };
      return { data: entry.file.data.subarray(offset, offset + length) };
    });
  });
  sftp.on("CLOSE", (reqId, handle) => {
    const entry = opened(handle);
    void run(reqId, "close", entry?.path ?? "?", () => (entry && open.delete(handle.readUInt32BE(0)) ? statusReply("ok") : noHandle));
  });
  sftp.on("FSTAT", (reqId, handle) => {
    const entry = opened(handle);
    void run(reqId, "stat", entry?.path ?? "?", () => (entry ? stat(entry.path) : noHandle));
  });
  sftp.on("STAT", (reqId, path) => void run(reqId, "stat", path, () => stat(path)));
  sftp.on("LSTAT", (reqId, path) => void run(reqId, "stat", path, () => stat(path)));
  sftp.on("OPENDIR", (reqId, path) => {
    void run(reqId, "readdir", path, () => (fs.stat(path)?.kind === "folder" ? handleFor({ kind: "folder", path, listed: false }) : statusReply("no-such-file")));
  });
  sftp.on("READDIR", (reqId, handle) => {
    const entry = opened(handle);
    void run(reqId, "readdir", entry?.path ?? "?", () => {
      if (entry?.kind !== "folder") return noHandle;
      if (entry.listed) return { status: STATUS_CODE.EOF };
      entry.listed = true;
      return { names: (fs.list(entry.path) ?? []).map(nameOf) };
    });
  });
  sftp.on("RENAME", (reqId, from, to) => void run(reqId, "rename", `${from} -> ${to}`, () => statusReply(fs.rename(from, to), "File exists or cannot be renamed")));
  sftp.on("REMOVE", (reqId, path) => void run(reqId, "remove", path, () => statusReply(fs.remove(path))));
  sftp.on("MKDIR", (reqId, path) => void run(reqId, "mkdir", path, () => statusReply(fs.mkdir(path))));
  sftp.on("REALPATH", (reqId, path) => {
    const normal = MemoryFs.normalize(path);
    const entry = fs.stat(normal) ?? { name: normal, kind: "folder", size: 0, mtime: new Date(0) };
    sftp.name(reqId, [{ ...nameOf(entry), filename: normal }]);
  });
  sftp.on("SETSTAT", (reqId) => sftp.status(reqId, STATUS_CODE.OK));
  sftp.on("FSETSTAT", (reqId) => sftp.status(reqId, STATUS_CODE.OK));
}
