/**
 * Colour and symbols, decided once per run (PITFALLS: chalk ignores NO_COLOR and asciichart
 * writes raw codes, so targetcast decides itself). Semantic tokens, never literal colours, in
 * the components.
 */
export type Token = 'history' | 'forecast' | 'band' | 'target' | 'good' | 'warn' | 'bad' | 'muted' | 'accent' | 'plain';

export type ChartSymbols = readonly [string, string, string, string, string, string, string, string, string, string];

/**
 * The one ASCII mapping: every symbol targetcast prints has its ASCII stand-in here, so that
 * --ascii and TERM=dumb give bytes 0x20-0x7E only (PITFALLS: asciichart#2). Vietnamese letters
 * lose their diacritics (đ → d); anything else outside ASCII becomes '?'.
 */
const ASCII: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '≈': '~',
  '±': '+-',
  '…': '...',
  '·': '.',
  '×': 'x',
  '→': '->',
  '←': '<-',
  '↑': '^',
  '↓': 'v',
  '−': '-',
  '–': '-',
  '—': '--',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  'α': 'alpha',
  'δ': 'delta',
  'Δ': 'd',
  '√': 'sqrt',
  '┤': '|',
  '├': '|',
  '│': '|',
  '┆': ':',
  '╎': ':',
  '║': '|',
  '─': '-',
  '━': '=',
  '═': '=',
  '┄': '~',
  '┈': '~',
  '╌': '-',
  '└': '+',
  '┼': '+',
  '╭': '.',
  '╮': '.',
  '╰': "'",
  '╯': "'",
  '╔': '.',
  '╗': '.',
  '╚': "'",
  '╝': "'",
  '╶': '-',
  '╴': '-',
  '◆': '#',
  '●': '*',
  '◐': '~',
  '○': 'o',
  '✔': '+',
  '✘': 'x',
  '▶': '>',
  'đ': 'd',
  'Đ': 'D',
  '\u00a0': ' ',
};

/**
 * Text with every non-ASCII character replaced by its ASCII stand-in (see ASCII above).
 * @example toAscii('P ≥ 2/3 · Mục tiêu…') // 'P >= 2/3 . Muc tieu...'
 */
export function toAscii(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x7f) out += ch;
    else if (ASCII[ch] !== undefined) out += ASCII[ch];
    else {
      // Vietnamese and other Latin letters: drop the combining marks (ệ → e).
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  /** Wraps text in the token's colour (or returns it unchanged without colour). */
  readonly paint: (token: Token, text: string) => string;
  /** The token's colour name for Ink's <Text color>, or undefined without colour. */
  readonly inkColor: (token: Token) => string | undefined;
  /** Text as it may be printed: unchanged, or through toAscii in ASCII mode. */
  readonly text: (text: string) => string;
  /**
   * text(), cut to `width` columns with the theme's ellipsis: components cut their own lines,
   * since Ink's wrap="truncate" would add a '…' even in ASCII mode.
   */
  readonly fit: (text: string, width: number) => string;
  readonly symbols: {
    readonly verdict: Readonly<Record<string, string>>;
    /** asciichart's ten line symbols for the actual line: axis-zero, axis, two ends, flat, four corners, vertical. */
    readonly chart: ChartSymbols;
    /** The forecast line's symbols: different characters, so that it reads without colour. */
    readonly forecastChart: ChartSymbols;
    /** Every cell of the 80% band's edges. */
    readonly band: string;
    readonly point: string;
    /** A one-year target. */
    readonly target: string;
    /** A target over a period (drawn from its first to its last year). */
    readonly periodTarget: string;
    /** Between the last actual year and the first forecast year. */
    readonly split: string;
    readonly axis: string;
    readonly axisCorner: string;
    readonly axisLine: string;
    /** Separates the unit from the legend entries. */
    readonly bar: string;
    readonly selected: string;
    readonly ellipsis: string;
  };
}

const ANSI: Readonly<Record<Token, string | null>> = {
  history: '37',
  forecast: '36',
  band: '2;36',
  target: '33',
  good: '32',
  warn: '33',
  bad: '31',
  muted: '2',
  accent: '1;36',
  plain: null,
};
const INK: Readonly<Record<Token, string | undefined>> = {
  history: 'white',
  forecast: 'cyan',
  band: 'blue',
  target: 'yellow',
  good: 'green',
  warn: 'yellow',
  bad: 'red',
  muted: 'gray',
  accent: 'cyan',
  plain: undefined,
};

export interface ColourChoice {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** --color=always|never|auto */
  readonly flag?: string;
  readonly isTTY: boolean;
  readonly asciiFlag?: boolean;
}

/** NO_COLOR (any value) and TERM=dumb turn colour off unless --color=always; TERM=dumb or --ascii give ASCII symbols. */
export function resolveTheme(choice: ColourChoice): Theme {
  const dumb = choice.env.TERM === 'dumb';
  const noColor = choice.env.NO_COLOR !== undefined && choice.env.NO_COLOR !== '';
  const color = choice.flag === 'always' ? true : choice.flag === 'never' ? false : choice.isTTY && !noColor && !dumb && choice.env.FORCE_COLOR !== '0';
  const ascii = choice.asciiFlag === true || dumb;
  return createTheme(color, ascii);
}

export function createTheme(color: boolean, ascii: boolean): Theme {
  const text = ascii ? toAscii : (s: string): string => s;
  const ellipsis = ascii ? '...' : '…';
  return {
    color,
    ascii,
    paint: (token, text) => (color && ANSI[token] && text !== '' ? `\u001b[${ANSI[token]}m${text}\u001b[0m` : text),
    inkColor: (token) => (color ? INK[token] : undefined),
    text,
    fit: (s, width) => {
      const chars = [...text(s)];
      return chars.length <= width ? chars.join('') : `${chars.slice(0, Math.max(0, width - ellipsis.length)).join('')}${ellipsis}`;
    },
    symbols: ascii
      ? {
          verdict: { met: '+', missed: 'x', 'on track': '*', 'at risk': '~', 'off track': '!', 'not judged': '-' },
          chart: ['+', '|', '-', '-', '-', "'", '.', '.', "'", '|'],
          forecastChart: ['+', '|', '=', '=', '=', '+', '+', '+', '+', '!'],
          band: '.',
          point: 'o',
          target: '#',
          periodTarget: '~',
          split: ':',
          axis: '|',
          axisCorner: '+',
          axisLine: '-',
          bar: '|',
          selected: '>',
          ellipsis: '...',
        }
      : {
          verdict: { met: '✔', missed: '✘', 'on track': '●', 'at risk': '◐', 'off track': '○', 'not judged': '·' },
          chart: ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
          forecastChart: ['┼', '┤', '═', '═', '═', '╚', '╔', '╗', '╝', '║'],
          band: '·',
          point: '●',
          target: '◆',
          periodTarget: '┄',
          split: '┆',
          axis: '┤',
          axisCorner: '└',
          axisLine: '─',
          bar: '│',
          selected: '▶',
          ellipsis: '…',
        },
  };
}

/** The verdict's token. */
export function verdictToken(verdict: string): Token {
  if (verdict === 'met' || verdict === 'on track') return 'good';
  if (verdict === 'at risk') return 'warn';
  if (verdict === 'missed' || verdict === 'off track') return 'bad';
  return 'muted';
}
