// Object data on disk, content-addressed: a body is stored once, in a file named by its SHA-256,
// written to a temporary file, fsync'ed, renamed into place and the folder fsync'ed, all before the
// object's metadata is committed to the journal. A crash leaves at worst an unreferenced file,
// never metadata that names a missing body. The same body written twice is stored once.
import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename, stat } from "node:fs/promises";
import { join } from "node:path";

export class BlobStore {
  readonly dir: string;
  #temp = 0;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async open(dir: string): Promise<BlobStore> {
    await mkdir(join(dir, "tmp"), { recursive: true });
    return new BlobStore(dir);
  }

  /** Stores `data` durably; resolves with its name (the hex SHA-256). */
  async put(data: Uint8Array): Promise<string> {
    const name = createHash("sha256").update(data).digest("hex");
    const path = this.#path(name);
    if (await exists(path)) return name;
    await mkdir(join(this.dir, name.slice(0, 2)), { recursive: true });
    const temp = join(this.dir, "tmp", `${process.pid}-${this.#temp++}`);
    const file = await open(temp, "w");
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
    await syncDir(join(this.dir, name.slice(0, 2)));
    return name;
  }

  get(name: string): Promise<Buffer> {
    return readFile(this.#path(name));
  }

  #path(name: string): string {
    return join(this.dir, name.slice(0, 2), name);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
