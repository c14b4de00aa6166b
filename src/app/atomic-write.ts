/**
 * `--out FILE`: output goes to a temporary file beside FILE and is renamed onto FILE only when the
 * command succeeds, so FILE is never half-written (rename is atomic on one file system). If the
 * command fails or the process is interrupted, the temporary file is removed and FILE is untouched.
 */
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';

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

/** What is at a path, in words, when it is not a regular file. */
function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * `--out` writes only to a regular file or a new path: the rename would replace whatever else is
 * there (a device such as /dev/null, a pipe, a link, which would lose the link and leave its
 * target untouched). A symbolic link is refused rather than followed: name the file itself.
 * @throws UsageError for an empty name, a name ending in /, or a path that is not a regular file
 */
export function checkOutputTarget(target: string): void {
  if (target === '') throw new UsageError('--out: give a file name');
  if (/[\\/]$/.test(target)) throw new UsageError(`--out ${target}: names a directory; give a file name`);
  let st: Stats;
  try {
    st = lstatSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // a new file: its directory is checked when the temporary file opens
    if (code === 'ENOTDIR') throw new UsageError(`--out ${target}: a part of the path is not a directory`);
    throw new UsageError(`--out ${target}: cannot be checked (${code ?? (e as Error).message})`);
  }
  const kind = kindOf(st);
  if (kind) throw new UsageError(`--out ${target}: is ${kind}; targetcast writes only to a regular file or a new path`);
}

/** @throws UsageError when the target is not a regular file or new path; DataError when its directory cannot be written */
export function openAtomicOutput(target: string, pid: number): AtomicOutput {
  checkOutputTarget(target);
  const tmp = join(dirname(target), `.${basename(target)}.${pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(
      code === 'ENOENT' ? 'its directory does not exist' : code === 'ENOTDIR' ? 'a part of the path is not a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message,
      { file: target },
    );
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

/**
 * Writes a whole file atomically (temporary file beside it, fsync, rename): the one way the tool
 * writes a file of its own (a saved scenario) besides --out.
 * @throws NodeJS.ErrnoException as the file system reports it (the caller says what it means)
 */
export function writeFileAtomically(target: string, text: string, pid: number): void {
  const tmp = join(dirname(target), `.${basename(target)}.${pid}.tmp`);
  const fd = openSync(tmp, 'w');
  pending.add(tmp);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}
