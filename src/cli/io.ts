/** What a command may touch of the outside world; the entry point passes the real process, tests a fake. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY?: boolean;
  readonly stdinIsTTY: boolean;
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
