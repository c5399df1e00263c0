/**
 * Checks and cleans the documents applicants upload. Types are decided by the bytes (magic numbers), not
 * by the name or the Content-Type. Photos are decoded and re-encoded as JPEG, which drops every metadata
 * block (EXIF with its GPS position, comments, embedded thumbnails). There is no face detector offline: the
 * photo check is on type, size, dimensions and a portrait aspect ratio, and an officer looks at the photo.
 */
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../../platform/errors.ts';
import { sniffImage } from '../../platform/images.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_SCAN_BYTES = 8 * 1024 * 1024;
const MIN_SIDE = 200;
const MAX_SIDE = 6000;

export interface CleanFile {
  contentType: string;
  bytes: Buffer;
  width: number | null;
  height: number | null;
  sha256: string;
}

const isJpeg = (b: Buffer) => sniffImage(b) === 'image/jpeg';
const isPng = (b: Buffer) => sniffImage(b) === 'image/png';
const isPdf = (b: Buffer) => b.length > 5 && b.subarray(0, 5).toString('latin1') === '%PDF-';

const invalid = (field: string, message: string) => new AppError('application.invalid_file', message, { errors: [{ path: field, message }] });

/** A passport-style photo: JPEG or PNG, ≤ 5 MB, 200–6000 px a side, portrait-ish (0.6–1.0 wide per tall). */
export function cleanPhoto(bytes: Buffer): CleanFile {
  if (bytes.length > MAX_PHOTO_BYTES) throw invalid('photo', 'The photo is larger than 5 MB');
  let rgba: { width: number; height: number; data: Buffer | Uint8Array };
  try {
    if (isJpeg(bytes)) rgba = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: 40, maxMemoryUsageInMB: 256, formatAsRGBA: true });
    else if (isPng(bytes)) rgba = PNG.sync.read(bytes);
    else throw invalid('photo', 'The photo must be a JPEG or PNG image');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid('photo', 'The photo could not be read as an image');
  }
  const { width, height } = rgba;
  if (width < MIN_SIDE || height < MIN_SIDE) throw invalid('photo', `The photo must be at least ${MIN_SIDE} pixels on each side`);
  if (width > MAX_SIDE || height > MAX_SIDE) throw invalid('photo', `The photo must be at most ${MAX_SIDE} pixels on each side`);
  const ratio = width / height;
  if (ratio < 0.6 || ratio > 1.0) throw invalid('photo', 'The photo must be a portrait of the face (taller than wide, like a passport photo)');
  const data = Buffer.from(rgba.data.buffer, rgba.data.byteOffset, rgba.data.byteLength);
  const out = jpeg.encode({ data, width, height }, 88).data;
  const clean = Buffer.from(out);
  return { contentType: 'image/jpeg', bytes: clean, width, height, sha256: createHash('sha256').update(clean).digest('hex') };
}

/** A passport scan: PDF or JPEG, ≤ 8 MB. JPEG scans are re-encoded like photos; PDFs are kept as sent. */
export function cleanPassportScan(bytes: Buffer): CleanFile {
  if (bytes.length > MAX_SCAN_BYTES) throw invalid('passportScan', 'The scan is larger than 8 MB');
  if (isPdf(bytes)) return { contentType: 'application/pdf', bytes, width: null, height: null, sha256: createHash('sha256').update(bytes).digest('hex') };
  if (!isJpeg(bytes)) throw invalid('passportScan', 'The passport scan must be a PDF or a JPEG image');
  let img: { width: number; height: number; data: Uint8Array };
  try {
    img = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: 60, maxMemoryUsageInMB: 384, formatAsRGBA: true });
  } catch {
    throw invalid('passportScan', 'The scan could not be read as an image');
  }
  if (img.width < 400 || img.height < 250) throw invalid('passportScan', 'The scan is too small to read');
  const clean = Buffer.from(jpeg.encode({ data: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: img.width, height: img.height }, 85).data);
  return { contentType: 'image/jpeg', bytes: clean, width: img.width, height: img.height, sha256: createHash('sha256').update(clean).digest('hex') };
}
