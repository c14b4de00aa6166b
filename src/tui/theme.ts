/**
 * Colour and symbols, decided once per run (PITFALLS: chalk ignores NO_COLOR and asciichart
 * writes raw codes, so targetcast decides itself). Semantic tokens, never literal colours, in
 * the components.
 */
export type Token = 'history' | 'forecast' | 'band' | 'target' | 'good' | 'warn' | 'bad' | 'muted' | 'accent' | 'plain';

export type ChartSymbols = readonly [string, string, string, string, string, string, string, string, string, string];

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  /** Wraps text in the token's colour (or returns it unchanged without colour). */
  readonly paint: (token: Token, text: string) => string;
  /** The token's colour name for Ink's <Text color>, or undefined without colour. */
  readonly inkColor: (token: Token) => string | undefined;
  readonly symbols: {
    readonly verdict: Readonly<Record<string, string>>;
    /** asciichart's ten line symbols: axis-zero, axis, two ends, flat, four corners, vertical. */
    readonly chart: ChartSymbols;
    readonly point: string;
    readonly target: string;
    readonly split: string;
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
  return {
    color,
    ascii,
    paint: (token, text) => (color && ANSI[token] && text !== '' ? `\u001b[${ANSI[token]}m${text}\u001b[0m` : text),
    inkColor: (token) => (color ? INK[token] : undefined),
    symbols: ascii
      ? {
          verdict: { met: '+', missed: 'x', 'on track': '*', 'at risk': '~', 'off track': '!', 'not judged': '-' },
          chart: ['+', '|', '-', '-', '-', "'", '.', '.', "'", '|'],
          point: 'o',
          target: '#',
          split: ':',
          selected: '>',
          ellipsis: '...',
        }
      : {
          verdict: { met: '✔', missed: '✘', 'on track': '●', 'at risk': '◐', 'off track': '○', 'not judged': '·' },
          chart: ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
          point: '●',
          target: '◆',
          split: '┆',
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
