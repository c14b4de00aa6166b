// Opens a page in headless Chromium over the DevTools protocol at an exact viewport width (the
// --window-size flag cannot go below 500 px), waits for its load event, measures what the test
// asks about (every chart's drawn marks, horizontal overflow), records console errors, uncaught
// exceptions and every request that is not the file itself, takes a full-page screenshot and
// prints one JSON line. Needs a global WebSocket: Node 22+, or Node 20 with --experimental-websocket.
//
// node [--experimental-websocket] cdp-probe.mjs CHROMIUM FILE.html WIDTH SCREENSHOT.png [MAX_HEIGHT]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [chromium, file, widthArg, screenshot, maxHeightArg] = process.argv.slice(2);
const width = Number(widthArg);
// The screenshot's height: the page's top (what a reader sees first), at most this many pixels.
const maxHeight = Number(maxHeightArg ?? 16000);
const profile = mkdtempSync(join(tmpdir(), 'targetcast-chromium-'));
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
  stdio: ['ignore', 'ignore', 'pipe'],
});

function fail(message) {
  process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  browser.kill('SIGKILL');
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}

// The browser says where its DevTools endpoint is on stderr; wait for that line.
const endpoint = await new Promise((resolve, reject) => {
  let text = '';
  browser.stderr.on('data', (chunk) => {
    text += chunk;
    const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  browser.on('exit', (code) => reject(new Error(`chromium exited (${code}) before listening: ${text.slice(-400)}`)));
  browser.on('error', reject);
}).catch((e) => fail(e.message));

const socket = new WebSocket(endpoint);
await new Promise((resolve, reject) => {
  socket.onopen = resolve;
  socket.onerror = () => reject(new Error('cannot connect to chromium'));
}).catch((e) => fail(e.message));

let nextId = 1;
const pending = new Map();
const waiters = [];
const consoleErrors = [];
const requests = [];
const target = pathToFileURL(file).href;
socket.onmessage = (event) => {
  const msg = JSON.parse(String(event.data));
  if (msg.id !== undefined && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) reject(new Error(`${msg.error.message}`));
    else resolve(msg.result);
    return;
  }
  if (msg.method === 'Runtime.consoleAPICalled' && (msg.params.type === 'error' || msg.params.type === 'assert')) {
    consoleErrors.push(msg.params.args.map((a) => a.value ?? a.description ?? '').join(' '));
  }
  if (msg.method === 'Runtime.exceptionThrown') consoleErrors.push(msg.params.exceptionDetails.exception?.description ?? msg.params.exceptionDetails.text);
  if (msg.method === 'Log.entryAdded' && msg.params.entry.level === 'error') consoleErrors.push(msg.params.entry.text);
  if (msg.method === 'Network.requestWillBeSent' && msg.params.request.url !== target) requests.push(msg.params.request.url);
  for (const w of [...waiters]) {
    if (w.method === msg.method) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(msg.params);
    }
  }
};
const send = (method, params = {}, sessionId) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
  });
const event = (method) => new Promise((resolve) => waiters.push({ method, resolve }));

try {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const s = (method, params) => send(method, params, sessionId);
  await Promise.all([s('Page.enable'), s('Runtime.enable'), s('Log.enable'), s('Network.enable')]);
  await s('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 });
  const loaded = event('Page.loadEventFired');
  await s('Page.navigate', { url: target });
  await loaded;
  const probe = await s('Runtime.evaluate', {
    returnByValue: true,
    expression: `(() => {
      const charts = [...document.querySelectorAll('figure[data-chart]')].map((f) => {
        const svg = f.querySelector('svg');
        if (!svg) return { id: f.dataset.chart, width: 0, height: 0, marks: 0 };
        const box = svg.getBoundingClientRect();
        // Marks vega drew: paths, lines and rectangles inside its mark groups with a visible size.
        const marks = [...svg.querySelectorAll('g[class^="mark-"] path, g[class^="mark-"] line, g[class^="mark-"] rect')]
          .filter((el) => { const b = el.getBBox(); return b.width > 0 || b.height > 0; }).length;
        return { id: f.dataset.chart, width: box.width, height: box.height, marks, title: svg.querySelector('title')?.textContent ?? '' };
      });
      return { viewport: innerWidth, scrollWidth: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight, charts };
    })()`,
  });
  const result = probe.result.value;
  const shot = await s('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height: Math.min(result.height, maxHeight), scale: 1 } });
  writeFileSync(screenshot, Buffer.from(shot.data, 'base64'));
  process.stdout.write(`${JSON.stringify({ ...result, consoleErrors, requests })}\n`);
  await send('Browser.close').catch(() => {});
} catch (e) {
  fail(e.message);
}
socket.close();
await new Promise((resolve) => (browser.exitCode !== null ? resolve() : browser.on('exit', resolve)));
rmSync(profile, { recursive: true, force: true });
