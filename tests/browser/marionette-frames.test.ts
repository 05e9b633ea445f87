// The Marionette wire format the Firefox harness speaks: `<byte length>:<JSON>`. Lengths count
// UTF-8 bytes, and TCP may split or join frames anywhere — page text is full of curly quotes.
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader } from './harness/marionette';

describe('Marionette frames', () => {
  it('round-trips a command whose text has multi-byte characters', () => {
    const command = [0, 7, 'WebDriver:ExecuteScript', { script: 'return "“allegedly” — ok"' }];
    const frame = encodeFrame(command);
    const [length] = frame.toString('latin1').split(':');
    expect(Number(length)).toBe(Buffer.byteLength(JSON.stringify(command), 'utf8'));
    expect(new FrameReader().push(frame)).toEqual([command]);
  });

  it('reassembles frames split mid-character and frames that arrive together', () => {
    const first = [1, 1, null, { value: 'Russia’s ambassador' }];
    const second = [1, 2, null, { value: 23 }];
    const bytes = Buffer.concat([encodeFrame(first), encodeFrame(second)]);
    const splitAt = bytes.indexOf(Buffer.from('’')) + 1; // inside the three bytes of ’
    const reader = new FrameReader();
    expect(reader.push(bytes.subarray(0, splitAt))).toEqual([]);
    expect(reader.push(bytes.subarray(splitAt))).toEqual([first, second]);
  });
});
