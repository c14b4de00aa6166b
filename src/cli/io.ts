import { UsageError } from '../core/errors.js';
/** What a command may touch of the outside world; the entry point passes the real process, tests a fake. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY?: boolean;
  readonly stdinIsTTY: boolean;
  /** Wall clock, for the generatedAt field (tests pass a fixed one). */
  readonly now?: () => Date;
  readonly pid?: number;
  /** generatedAt of this run's JSON documents (set once by main), null for none. */
  readonly stamp?: string | null;
}

/** 9999-12-31T23:59:59Z in seconds. */
const MAX_EPOCH = 253402300799;

/** A value from outside, safe to echo in a one-line message: control characters as \xNN, at most 40 characters. */
export function printable(value: string): string {
  const escaped = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return escaped.length > 40 ? `${escaped.slice(0, 39)}…` : escaped;
}

/**
 * generatedAt for JSON documents: none with --no-timestamp; the fixed SOURCE_DATE_EPOCH (seconds)
 * when set (reproducible builds convention); otherwise the current time.
 */
export function generatedAt(io: Io, noTimestamp: boolean): string | null {
  if (noTimestamp) return null;
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // Dates run to 9999-12-31T23:59:59Z (ECMAScript's ISO strings stop at year 9999).
    if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
      throw new UsageError(`environment variable SOURCE_DATE_EPOCH '${printable(epoch)}' must be whole seconds since 1970, 0 to ${MAX_EPOCH}`);
    }
    return new Date(Number(epoch) * 1000).toISOString();
  }
  return (io.now ?? (() => new Date()))().toISOString();
}

/** A JSON document with generatedAt right after schemaVersion and kind (left out when null). */
export function jsonDocument(doc: object, stamp: string | null): string {
  const { schemaVersion, kind, ...rest } = doc as { schemaVersion: number; kind: string };
  const head = stamp === null ? { schemaVersion, kind } : { schemaVersion, kind, generatedAt: stamp };
  return `${JSON.stringify({ ...head, ...rest }, null, 2)}\n`;
}

/** Output formats every reporting command offers; one writer per format, chosen once. */
export type Format = 'text' | 'json' | 'csv';

export function formatOf(flags: Record<string, unknown>): Format {
  if (flags.json) return 'json';
  if (flags.csv) return 'csv';
  return 'text';
}

/** RFC 4180 CSV from rows of cells; numbers keep full precision. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = Array.isArray(v) ? v.join(' ') : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
