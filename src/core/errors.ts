/**
 * Typed errors. Every error that can reach a user carries enough to print one line:
 * where it came from (file, line, column) and what is wrong. The CLI prints
 * `formatError(e)` and exits 2 for input/usage errors, 1 for runtime failures.
 */

/** Where an input problem was found. `line` is 1-based, counting the header as line 1. */
export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
}

export class TargetcastError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
  readonly type: string = 'error';
}

/** Bad input data: a file, a row, a field. Exit code 2. */
export class DataError extends TargetcastError {
  override readonly exitCode = 2;
  override readonly type = 'data';
  constructor(
    message: string,
    readonly location: Location = {},
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** A wrong flag, command or value given on the command line. Exit code 2. */
export class UsageError extends TargetcastError {
  override readonly exitCode = 2;
  override readonly type = 'usage';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A model that cannot be fitted or forecast on the data it was given. Exit code 1. */
export class ModelError extends TargetcastError {
  override readonly type = 'model';
  constructor(
    message: string,
    readonly model?: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** `FILE:LINE: column 'c': message`, leaving out the parts that are unknown. */
export function formatLocation(location: Location): string {
  const parts: string[] = [];
  if (location.file !== undefined) {
    parts.push(location.line !== undefined ? `${location.file}:${location.line}` : location.file);
  }
  if (location.column !== undefined) parts.push(`column '${location.column}'`);
  return parts.join(': ');
}

/**
 * Control characters (newlines, escape sequences, bells) written as \n, \xNN: text from a user's
 * file can neither break a message over lines nor drive the terminal.
 */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** One line for the user: location first, then the message; never a stack trace or a raw control character. */
export function formatError(error: unknown): string {
  if (error instanceof DataError) {
    const where = formatLocation(error.location);
    return escapeControl(where ? `${where}: ${error.message}` : error.message);
  }
  if (error instanceof Error) return escapeControl(error.message.split('\n')[0] ?? String(error));
  return escapeControl(String(error));
}
