import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { photoWithMetadata } from '../../test/photos.ts';
import { sniffImage, stripImageMetadata } from './images.ts';

const pixels = (type: 'image/jpeg' | 'image/png', b: Buffer) => (type === 'image/jpeg' ? Buffer.from(jpeg.decode(b, { useTArray: true }).data) : PNG.sync.read(b).data);

describe('photos people upload', () => {
  for (const type of ['image/jpeg', 'image/png'] as const) {
    it(`removes where, when and by whom a ${type} was taken, and keeps every pixel`, () => {
      const sent = photoWithMetadata(type);
      expect(sent.toString('latin1')).toContain('GPSLatitude');
      const clean = stripImageMetadata(sent)!;
      expect(sniffImage(clean)).toBe(type);
      for (const trace of ['GPSLatitude', 'Jane Roe', 'Phone-X', 'Exif']) expect(clean.toString('latin1')).not.toContain(trace);
      expect(pixels(type, clean).equals(pixels(type, sent))).toBe(true);
      // A photo without metadata passes through unchanged.
      expect(stripImageMetadata(clean)!.equals(clean)).toBe(true);
    });
  }

  it('refuses files that only start like a photo', () => {
    expect(sniffImage(Buffer.from('<html>'))).toBeNull();
    expect(stripImageMetadata(Buffer.from('<html>not a photo</html>'))).toBeNull();
    const jpegHead = photoWithMetadata('image/jpeg').subarray(0, 40);
    expect(stripImageMetadata(jpegHead)).toBeNull();
    const pngHead = Buffer.concat([photoWithMetadata('image/png').subarray(0, 8), Buffer.alloc(64, 1)]);
    expect(stripImageMetadata(pngHead)).toBeNull();
  });
});
