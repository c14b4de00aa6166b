/**
 * Where a file stops being UTF-8, for a message a user can act on. Node's `isUtf8` and a fatal
 * TextDecoder say only whether bytes are UTF-8; once they have said no, this finds the first byte
 * that is not, and the line it is on.
 */

/**
 * Index of the first byte of the first ill-formed sequence (RFC 3629 §4: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1 when every byte is well-formed. A sequence cut off
 * by the end of `bytes` counts as ill-formed.
 * @example firstInvalidUtf8(Buffer.from('Hi\xe0,1', 'latin1')) // 2 (à in Latin-1)
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // The second byte's range depends on the lead (RFC 3629 §4, UTF8-2 to UTF8-4).
    let size: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) size = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      size = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      size = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + size > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < size; k += 1) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += size;
  }
  return -1;
}

/**
 * Counts lines across chunks as a text editor shows them: LF, CRLF or a lone CR ends a line.
 * `line` is the 1-based line the next byte fed is on.
 */
export class LineCounter {
  line = 1;
  private afterCr = false;

  /** The line of `bytes[end]`, were `bytes` fed next (the counter itself does not move). */
  lineAt(bytes: Uint8Array, end: number): number {
    return this.count(bytes, end, false);
  }

  feed(bytes: Uint8Array): void {
    this.count(bytes, bytes.length, true);
  }

  private count(bytes: Uint8Array, end: number, keep: boolean): number {
    let line = this.line;
    let afterCr = this.afterCr;
    for (let i = 0; i < end; i += 1) {
      const b = bytes[i]!;
      if (b === 0x0a) {
        // The LF of a CRLF ends the line the CR already ended.
        if (!afterCr) line += 1;
        afterCr = false;
      } else if (b === 0x0d) {
        line += 1;
        afterCr = true;
      } else afterCr = false;
    }
    if (keep) {
      this.line = line;
      this.afterCr = afterCr;
    }
    return line;
  }
}

/**
 * The problem with bytes that are not UTF-8, as a message and the line of the first bad byte.
 * @example utf8Problem(Buffer.from('a\nH\xe0i', 'latin1')) // { line: 2, message: 'is not valid UTF-8 text (byte 0xE0 …' }
 */
export function utf8Problem(bytes: Uint8Array, lines = new LineCounter()): { line: number; message: string } {
  const at = firstInvalidUtf8(bytes);
  const index = at < 0 ? bytes.length : at;
  const line = lines.lineAt(bytes, index);
  return { line, message: utf8Message(bytes, index) };
}

/** The message for the bad sequence at `index` of `bytes`. */
export function utf8Message(bytes: Uint8Array, index: number): string {
  const lead = bytes[index];
  if (lead === undefined || index + utf8Size(lead) > bytes.length) {
    return 'ends in the middle of a UTF-8 character (was the file cut short?)';
  }
  return `is not valid UTF-8 text (byte 0x${lead.toString(16).toUpperCase().padStart(2, '0')}; save it as UTF-8 CSV)`;
}

/** Bytes a sequence led by `lead` claims (1 for a byte that leads none). */
function utf8Size(lead: number): number {
  return lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
}
