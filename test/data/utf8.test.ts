// Where bytes stop being UTF-8 (src/data/utf8.ts), against Node's own isUtf8 (simdutf) as the reference.
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, LineCounter, utf8Problem } from '../../src/data/utf8.js';

describe('firstInvalidUtf8', () => {
  it('finds no bad byte exactly when isUtf8 says the bytes are UTF-8, and the bytes before it are UTF-8', () => {
    // Random bytes, and valid text with a few bytes changed, so both answers occur often.
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 2 })).map(([s, edits]) => {
        const b = Buffer.from(s, 'utf8');
        for (const [at, v] of edits) if (b.length > 0) b[at % b.length] = v;
        return new Uint8Array(b);
      }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === -1).toBe(isUtf8(b));
        if (at >= 0) expect(isUtf8(b.subarray(0, at))).toBe(true);
      }),
      { numRuns: 2000, seed: 16 },
    );
  });

  it('refuses overlong forms, surrogates and code points above U+10FFFF (RFC 3629 §3-4)', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0x80]))).toBe(0); // overlong 3-byte
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // U+D800, a surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // U+110000
    expect(firstInvalidUtf8(Buffer.from('Hải Phòng 𝄞'))).toBe(-1);
  });
});

describe('utf8Problem', () => {
  it('names the line of the first bad byte (LF, CRLF and a lone CR each end one line)', () => {
    const bytes = Buffer.concat([Buffer.from('a\r\nb\rc\nH'), Buffer.from([0xe0]), Buffer.from('i\n')]);
    expect(utf8Problem(bytes)).toEqual({ line: 4, message: 'is not valid UTF-8 text (byte 0xE0; save it as UTF-8 CSV)' });
  });

  it('says when the bytes end inside a character', () => {
    expect(utf8Problem(Buffer.from('a\n\xe1\xba', 'latin1')).message).toMatch(/^ends in the middle of a UTF-8 character/);
  });

  it('counts a CRLF split across two chunks once', () => {
    const lines = new LineCounter();
    lines.feed(Buffer.from('a\r'));
    lines.feed(Buffer.from('\nb\n'));
    expect(lines.line).toBe(3);
  });
});
