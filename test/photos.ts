/** Test photos carrying the metadata a phone writes, for the image checks and the upload routes. */
import { crc32 } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A small photo with the metadata a phone writes: EXIF with a GPS position, XMP, a comment (JPEG) or text chunks (PNG). */
export function photoWithMetadata(type: 'image/jpeg' | 'image/png'): Buffer {
  const width = 24;
  const height = 16;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([i % 256, (i * 7) % 256, 90, 255], i * 4);
  if (type === 'image/jpeg') {
    const plain = Buffer.from(jpeg.encode({ data, width, height }, 90).data);
    const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), Buffer.from([(body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
    const exif = segment(0xe1, Buffer.from('Exif\0\0GPSLatitude 25.4206 N GPSLongitude 51.4903 E Model Phone-X', 'latin1'));
    const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Creator Jane Roe</x:xmpmeta>', 'latin1'));
    const comment = segment(0xfe, Buffer.from('taken by Jane Roe', 'latin1'));
    return Buffer.concat([plain.subarray(0, 2), exif, xmp, comment, plain.subarray(2)]);
  }
  const png = new PNG({ width, height });
  data.copy(png.data);
  const plain = PNG.sync.write(png);
  const chunk = (kind: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(kind, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const text = chunk('tEXt', Buffer.from('Author\0Jane Roe', 'latin1'));
  const exif = chunk('eXIf', Buffer.from('MM\0*GPSLatitude 25.4206 N', 'latin1'));
  // after IHDR (8-byte signature + 25-byte IHDR chunk)
  return Buffer.concat([plain.subarray(0, 33), text, exif, plain.subarray(33)]);
}
