// The SFTP simulator's file system: folders and files in memory, with POSIX-like semantics where they
// matter to a file-based warehouse integration: an open file is visible (and half-written) while it is
// being written, and a rename refuses to replace an existing file (SFTP v3 RENAME, unlike posix-rename).
import { posix } from "node:path";

export interface MemoryFile {
  data: Buffer;
  mtime: Date;
}

export type FsStatus = "ok" | "no-such-file" | "permission-denied" | "failure";

export interface FsEntry {
  name: string;
  kind: "file" | "folder";
  size: number;
  mtime: Date;
}

export class MemoryFs {
  private readonly folders = new Map<string, Date>([["/", new Date(0)]]);
  private readonly files = new Map<string, MemoryFile>();
  /** Folders in which the SFTP user may not create, change, rename or remove anything. */
  readonly readOnly = new Set<string>();

  constructor(private readonly now: () => Date) {}

  static normalize(path: string): string {
    const normal = posix.normalize(posix.join("/", path));
    return normal.length > 1 ? normal.replace(/\/+$/, "") : normal;
  }

  mkdirp(path: string): void {
    const normal = MemoryFs.normalize(path);
    if (normal !== "/") this.mkdirp(posix.dirname(normal));
    if (!this.folders.has(normal)) this.folders.set(normal, this.now());
  }

  /** One level (SFTP MKDIR): the parent must exist. */
  mkdir(path: string): FsStatus {
    const normal = MemoryFs.normalize(path);
    if (!this.folders.has(posix.dirname(normal))) return "no-such-file";
    if (this.folders.has(normal) || this.files.has(normal)) return "failure";
    if (this.isReadOnly(normal)) return "permission-denied";
    this.folders.set(normal, this.now());
    return "ok";
  }

  stat(path: string): FsEntry | null {
    const normal = MemoryFs.normalize(path);
    const name = posix.basename(normal) || "/";
    const file = this.files.get(normal);
    if (file) return { name, kind: "file", size: file.data.length, mtime: file.mtime };
    const created = this.folders.get(normal);
    return created ? { name, kind: "folder", size: 0, mtime: created } : null;
  }

  list(folder: string): FsEntry[] | null {
    const normal = MemoryFs.normalize(folder);
    if (!this.folders.has(normal)) return null;
    const children = [...this.folders.keys(), ...this.files.keys()].filter((p) => p !== normal && posix.dirname(p) === normal);
    return children.sort().flatMap((p) => this.stat(p) ?? []);
  }

  file(path: string): MemoryFile | undefined {
    return this.files.get(MemoryFs.normalize(path));
  }

  /** Opens for writing (SFTP OPEN with WRITE): creates or truncates as asked; returns the live file. */
  openForWrite(path: string, options: { truncate: boolean; exclusive: boolean }): MemoryFile | FsStatus {
    const normal = MemoryFs.normalize(path);
    if (!this.folders.has(posix.dirname(normal)) || this.folders.has(normal)) return "no-such-file";
    if (this.isReadOnly(normal)) return "permission-denied";
    const existing = this.files.get(normal);
    if (existing && options.exclusive) return "failure";
    if (existing && !options.truncate) return existing;
    const file = existing ?? { data: Buffer.alloc(0), mtime: this.now() };
    Object.assign(file, { data: Buffer.alloc(0), mtime: this.now() });
    this.files.set(normal, file);
    return file;
  }

  writeAt(file: MemoryFile, offset: number, data: Buffer): void {
    const size = Math.max(file.data.length, offset + data.length);
    const next = Buffer.alloc(size);
    file.data.copy(next);
    data.copy(next, offset);
    Object.assign(file, { data: next, mtime: this.now() });
  }

  /** Writes a whole file at once (the warehouse's own side, and tests). */
  put(path: string, content: Buffer | string): void {
    const normal = MemoryFs.normalize(path);
    this.mkdirp(posix.dirname(normal));
    this.files.set(normal, { data: Buffer.from(content), mtime: this.now() });
  }

  /** The warehouse's own housekeeping: moves a file, replacing what is at the target. */
  move(from: string, to: string): void {
    const file = this.files.get(MemoryFs.normalize(from));
    if (!file) return;
    this.files.delete(MemoryFs.normalize(from));
    this.mkdirp(posix.dirname(MemoryFs.normalize(to)));
    this.files.set(MemoryFs.normalize(to), file);
  }

  /** The warehouse's own housekeeping: deletes a file whatever the SFTP user may do. */
  delete(path: string): void {
    this.files.delete(MemoryFs.normalize(path));
  }

  /** SFTP v3 RENAME: fails when the target exists, so two writers can never replace each other's file. */
  rename(from: string, to: string): FsStatus {
    const source = MemoryFs.normalize(from);
    const target = MemoryFs.normalize(to);
    const file = this.files.get(source);
    if (!file || !this.folders.has(posix.dirname(target))) return "no-such-file";
    if (this.isReadOnly(source) || this.isReadOnly(target)) return "permission-denied";
    if (this.files.has(target) || this.folders.has(target)) return "failure";
    this.files.delete(source);
    this.files.set(target, file);
    return "ok";
  }

  remove(path: string): FsStatus {
    const normal = MemoryFs.normalize(path);
    if (!this.files.has(normal)) return "no-such-file";
    if (this.isReadOnly(normal)) return "permission-denied";
    this.files.delete(normal);
    return "ok";
  }

  private isReadOnly(path: string): boolean {
    return this.readOnly.has(posix.dirname(path));
  }
}
