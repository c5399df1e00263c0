/**
 * Photos people upload: their type told by the bytes (magic numbers), never by the name or Content-Type,
 * and their metadata removed. A phone photo's EXIF block holds where and when it was taken and the device;
 * XMP, IPTC and comments can hold names. Stripping works on the file's structure — JPEG segments before the
 * image data, PNG ancillary chunks — so it is lossless and costs microseconds, even for a 12-megapixel photo
 * (decoding and re-encoding one in JavaScript would hold the server for about a second).
 */
export type ImageType = 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** JPEG starts FF D8 FF; PNG with its 8-byte signature; anything else is null. */
export function sniffImage(bytes: Buffer): ImageType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/**
 * The same image without its metadata, or null when it is not a JPEG or PNG or its structure is broken (the
 * caller refuses it with its own error, so a file that only looks like a photo is not stored).
 */
export function stripImageMetadata(bytes: Buffer): Buffer | null {
  const type = sniffImage(bytes);
  try {
    if (type === 'image/jpeg') return stripJpeg(bytes);
    if (type === 'image/png') return stripPng(bytes);
  } catch (err) {
    if (err instanceof Unreadable) return null;
    throw err;
  }
  return null;
}

class Unreadable extends Error {}
const unreadable = () => new Unreadable();

// JPEG application segments kept: APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe colour transform):
// without them some photos show wrong colours. Every other APPn (EXIF and XMP are APP1, IPTC is APP13) and
// comments (COM) go.
const KEEP_APP = new Set([0xe0, 0xe2, 0xee]);

function stripJpeg(b: Buffer): Buffer {
  const parts: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  for (;;) {
    if (i + 4 > b.length || b[i] !== 0xff) throw unreadable();
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte before a marker
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > b.length) throw unreadable();
    const segment = b.subarray(i, i + 2 + length);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (!(isApp && !KEEP_APP.has(marker)) && marker !== 0xfe) parts.push(segment);
    i += 2 + length;
    // Start of scan: the entropy-coded image data (and any later scans and tables) follow; kept as sent.
    if (marker === 0xda) {
      parts.push(b.subarray(i));
      return Buffer.concat(parts);
    }
  }
}

// PNG chunks kept: the critical ones and those that change how the image is drawn. Text chunks (tEXt, zTXt,
// iTXt), EXIF (eXIf), the modification time (tIME) and unknown private chunks go.
const KEEP_PNG = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs']);

function stripPng(b: Buffer): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  for (;;) {
    if (i + 12 > b.length) throw unreadable();
    const length = b.readUInt32BE(i);
    const end = i + 12 + length;
    if (end > b.length) throw unreadable();
    const type = b.toString('latin1', i + 4, i + 8);
    if (KEEP_PNG.has(type)) parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
}
