/**
 * `--out FILE`: output goes to a temporary file beside FILE and is renamed onto FILE only when the
 * command succeeds, so FILE is never half-written (rename is atomic on one file system). If the
 * command fails or the process is interrupted, the temporary file is removed and FILE is untouched.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../core/errors.js';

const pending = new Set<string>();

/** Removes every temporary output file still open (called on SIGINT/SIGTERM by the entry point). */
export function removePendingOutputs(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

export interface AtomicOutput {
  readonly write: (text: string) => void;
  /** Flushes, closes and renames onto the target. */
  readonly commit: () => void;
  /** Closes and removes the temporary file; the target is untouched. */
  readonly abort: () => void;
}

/** @throws DataError when the target's directory cannot be written */
export function openAtomicOutput(target: string, pid: number): AtomicOutput {
  const tmp = join(dirname(target), `.${basename(target)}.${pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' ? 'permission denied' : (e as Error).message, { file: target });
  }
  pending.add(tmp);
  let open = true;
  return {
    write: (text) => {
      writeSync(fd, text);
    },
    commit: () => {
      fsyncSync(fd);
      closeSync(fd);
      open = false;
      renameSync(tmp, target);
      pending.delete(tmp);
    },
    abort: () => {
      if (open) closeSync(fd);
      open = false;
      rmSync(tmp, { force: true });
      pending.delete(tmp);
    },
  };
}
