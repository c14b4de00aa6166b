import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';
import { wrap } from './table.js';

/** One flag of a command, with the one-line explanation `--help` prints. */
export interface FlagSpec {
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly value?: string;
  readonly help: string;
  /** Allowed values, checked here so that every command reports them the same way. */
  readonly choices?: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  /** One line for the command list. */
  readonly short: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  readonly examples: readonly string[];
}

export type ParsedFlags = Record<string, string | boolean | string[] | undefined>;

export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'help', type: 'boolean', help: 'show this help' },
];

/**
 * Parses argv for one command. Unknown flags and bad values become a UsageError that names
 * the flag and lists the allowed ones.
 * @throws UsageError
 */
export function parseFlags(spec: CommandSpec, argv: readonly string[]): { flags: ParsedFlags; positionals: string[] } {
  const flags = [...spec.flags, ...COMMON_FLAGS];
  const options = Object.fromEntries(
    flags.map((f) => [f.name, { type: f.type, multiple: f.multiple ?? false }]),
  );
  // A value that looks like an option (`--horizon -3`) is still the flag's value, so that the
  // range check below can say what is allowed instead of "needs a value".
  const args: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const name = /^--([\w-]+)$/.exec(argv[i]!)?.[1];
    const next = argv[i + 1];
    if (name && next !== undefined && /^-\d/.test(next) && flags.some((f) => f.name === name && f.type === 'string')) {
      args.push(`--${name}=${next}`);
      i += 1;
    } else args.push(argv[i]!);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const allowed = flags.map((f) => `--${f.name}`).join(', ');
    const flag = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`${spec.name}: unknown option '${flag.split(' ')[0]}' (allowed: ${allowed})`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([\w-]+)/.exec(err.message)?.[1];
      const f = flags.find((x) => x.name === name);
      throw new UsageError(
        f && f.type === 'string'
          ? `${spec.name}: option '--${f.name}' needs a value (${f.value ?? 'VALUE'})`
          : `${spec.name}: option '--${name}' takes no value`,
      );
    }
    throw new UsageError(`${spec.name}: ${err.message.split('\n')[0]}`);
  }
  for (const f of flags) {
    const v = parsed.values[f.name];
    if (f.choices && v !== undefined) {
      for (const one of Array.isArray(v) ? v : [v]) {
        if (!f.choices.includes(String(one))) {
          throw new UsageError(`${spec.name}: --${f.name} '${String(one)}' is not allowed (allowed: ${f.choices.join(', ')})`);
        }
      }
    }
  }
  return { flags: parsed.values as ParsedFlags, positionals: parsed.positionals };
}

/** Reads an integer flag within bounds. @throws UsageError naming the flag */
export function intFlag(command: string, flags: ParsedFlags, name: string, min: number, max: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const s = String(raw);
  if (!/^[+-]?\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    throw new UsageError(`${command}: --${name} '${s}' must be a whole number from ${min} to ${max}`);
  }
  return Number(s);
}

/** The `--help` text of a command: usage, summary, flags with one line each, examples. */
/**
 * A shell command over `width` columns, broken at spaces outside quotes with a trailing ` \\`, so
 * that it can still be pasted as it is shown.
 * @example wrapCommand('  targetcast report --lang vi --out b.html', 32) // '  targetcast report --lang vi \\\n      --out b.html'
 */
export function wrapCommand(command: string, width: number): string {
  const lines: string[] = [];
  let rest = command;
  while (rest.length > width) {
    let cut = -1;
    let quote = '';
    for (let i = 0; i < rest.length && i <= width - 2; i += 1) {
      const c = rest[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ' ' && rest.slice(0, i).trim() !== '') cut = i;
    }
    if (cut < 0) break;
    lines.push(`${rest.slice(0, cut)} \\`);
    rest = `      ${rest.slice(cut + 1).trimStart()}`;
  }
  lines.push(rest);
  return lines.join('\n');
}

/** Columns the help is laid out in. */
const HELP_WIDTH = 80;

export function renderHelp(spec: CommandSpec): string {
  const flags = [...spec.flags, ...COMMON_FLAGS];
  const left = flags.map((f) => `--${f.name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`);
  const width = Math.max(...left.map((l) => l.length));
  // Fits 80 columns (an SSH session's terminal): each flag's help wraps under its own column.
  const hang = ' '.repeat(width + 4);
  const lines = flags.map((f, i) => {
    const room = Math.max(HELP_WIDTH - hang.length, 30);
    const alternatives = f.choices ? `(${f.choices.join('|')})` : '';
    // A long list of choices cannot stay one word: it is listed so that it wraps.
    const choices = !f.choices ? '' : alternatives.length <= room ? ` ${alternatives}` : ` (one of: ${f.choices.join(', ')})`;
    const help = wrap(`${f.help}${choices}`, room).split('\n');
    return [`  ${left[i]!.padEnd(width)}  ${help[0]}`, ...help.slice(1).map((l) => hang + l)].join('\n');
  });
  const usage = wrap(`Usage: ${spec.usage}`, HELP_WIDTH - 2).split('\n');
  return [
    [usage[0], ...usage.slice(1).map((l) => `  ${l}`)].join('\n'),
    '',
    wrap(spec.summary, HELP_WIDTH),
    '',
    'Options:',
    ...lines,
    '',
    'Examples:',
    ...spec.examples.map((e) => wrapCommand(`  ${e}`, HELP_WIDTH)),
    '',
  ].join('\n');
}
