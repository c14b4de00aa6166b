// Issue 15: the brief in a real browser. Headless Chromium (Debian package `chromium`, which
// .ci/run installs where it is absent) opens the page at 1280 and 390 px wide, over the DevTools
// protocol (cdp-probe.mjs): every chart must have drawn (an SVG with a size and marks inside),
// nothing may be logged as an error, nothing fetched, and nothing may overflow the phone's width.
// Screenshots go to the test's temporary folder (their paths are printed). Without Chromium the
// tests are reported as skipped, with the reason.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./cdp-probe.mjs', import.meta.url));

/** Chromium: $CHROMIUM, else the Debian package's binary, else another usual name on PATH. */
function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((x): x is string => Boolean(x));
  return candidates.find((c) => existsSync(c)) ?? null;
}

const chromium = findChromium();
// Node 22 has a global WebSocket; Node 20 (the minimum) needs the flag.
const nodeFlags = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function' ? [] : ['--experimental-websocket'];
const SKIPPED = 'skipped: no Chromium found (install the Debian package `chromium`, as .ci/run does, or set CHROMIUM=/path/to/chrome)';
if (!chromium) console.warn(`test/browser/report-browser.test.ts: ${SKIPPED}`);

interface Probe {
  readonly viewport: number;
  readonly scrollWidth: number;
  readonly charts: readonly { readonly id: string; readonly width: number; readonly height: number; readonly marks: number; readonly title: string }[];
  readonly consoleErrors: readonly string[];
  readonly requests: readonly string[];
  readonly error?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'targetcast-browser-'));
const page = join(dir, 'brief.html');

async function open(width: number): Promise<{ probe: Probe; screenshot: string }> {
  const screenshot = join(dir, `report-${width}.png`);
  // A busy 2-core machine can take a while to start a browser: a generous bound, not a wait.
  const { stdout } = await run(process.execPath, [...nodeFlags, PROBE, chromium!, page, String(width), screenshot, '2400'], { timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
  return { probe: JSON.parse(stdout.trim().split('\n').pop()!) as Probe, screenshot };
}

describe.skipIf(!chromium)(`the brief in headless Chromium${chromium ? '' : ` (${SKIPPED})`}`, () => {
  let charts: string[] = [];
  beforeAll(async () => {
    const r = await runCli(['report', '--seed', '7', '--paths', '2000', '--no-timestamp', '--out', page]);
    expect(r.code, r.stderr).toBe(0);
    charts = [...readFileSync(page, 'utf8').matchAll(/<figure id="chart-[\w-]+" data-chart="([\w-]+)"/g)].map((m) => m[1]!);
    expect(charts.length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it.each([1280, 390])(
    'draws every chart at %i px, with no console error, no request and no sideways scrolling',
    async (width) => {
      const { probe, screenshot } = await open(width);
      expect(probe.error).toBeUndefined();
      expect(probe.viewport).toBe(width);
      expect(probe.charts.map((c) => c.id)).toEqual(charts);
      for (const c of probe.charts) {
        expect(c.width, c.id).toBeGreaterThan(100);
        expect(c.height, c.id).toBeGreaterThan(50);
        // Axes, bands, lines and markers: a drawn chart has dozens of marks; an empty frame a handful.
        expect(c.marks, c.id).toBeGreaterThanOrEqual(10);
        expect(c.title, c.id).not.toBe('');
      }
      expect(probe.consoleErrors).toEqual([]);
      expect(probe.requests).toEqual([]);
      expect(probe.scrollWidth).toBeLessThanOrEqual(width);
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
      console.info(`screenshot at ${width} px: ${screenshot}`);
    },
    180_000,
  );
});
