/**
 * The printable badge: an ID-1-sized card (85.6 × 54 mm, here at 2.5× for legibility on A6) with the
 * photo, names, role, venues, zones, validity and the signed QR code.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Accreditation } from '../../../common/contracts/workforce.ts';
import { drawArabicText } from './arabic-text.ts';

const MM = 72 / 25.4;
const W = 105 * MM;
const H = 148 * MM;

/** Helvetica speaks WinAnsi only; anything else becomes `?` rather than failing the whole badge. */
const winAnsi = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');

export async function renderBadgePdf(input: { accreditation: Accreditation; nameLatin: string; nameArabic: string | null; photo: { bytes: Buffer; contentType: string } | null; code: string }): Promise<Buffer> {
  const { accreditation: a } = input;
  const doc = await PDFDocument.create();
  doc.setTitle(`Accreditation ${a.number}`);
  doc.setProducer('Tansiq');
  const page = doc.addPage([W, H]);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const teal = rgb(0.03, 0.45, 0.42);

  page.drawRectangle({ x: 0, y: H - 22 * MM, width: W, height: 22 * MM, color: teal });
  page.drawText('FIFA WORLD CUP QATAR 2022', { x: 8 * MM, y: H - 10 * MM, size: 11, font: bold, color: rgb(1, 1, 1) });
  page.drawText(`ACCREDITATION  No. ${a.number}`, { x: 8 * MM, y: H - 17 * MM, size: 9, font: regular, color: rgb(1, 1, 1) });

  const photoW = 32 * MM;
  const photoH = 40 * MM;
  const photoY = H - 26 * MM - photoH;
  if (input.photo) {
    const img = input.photo.contentType === 'image/png' ? await doc.embedPng(input.photo.bytes) : await doc.embedJpg(input.photo.bytes);
    const scale = Math.min(photoW / img.width, photoH / img.height);
    page.drawImage(img, { x: 8 * MM, y: photoY + (photoH - img.height * scale), width: img.width * scale, height: img.height * scale });
  } else {
    page.drawRectangle({ x: 8 * MM, y: photoY, width: photoW, height: photoH, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 1 });
  }

  const textX = 44 * MM;
  let y = H - 32 * MM;
  page.drawText(winAnsi(input.nameLatin.toUpperCase()), { x: textX, y, size: 12, font: bold, maxWidth: W - textX - 6 * MM });
  y -= 8 * MM;
  if (input.nameArabic) {
    await drawArabicText(doc, page, input.nameArabic, { right: W - 6 * MM, y, size: 13 });
    y -= 8 * MM;
  }
  page.drawText(winAnsi(a.roleCategory.toUpperCase()), { x: textX, y, size: 10, font: bold, color: teal });
  y -= 6 * MM;
  page.drawText(winAnsi(a.organisationName), { x: textX, y, size: 8, font: regular, maxWidth: W - textX - 6 * MM });

  let by = photoY - 8 * MM;
  page.drawText('VENUES', { x: 8 * MM, y: by, size: 7, font: bold, color: rgb(0.4, 0.4, 0.4) });
  for (const v of a.venues) {
    by -= 4.5 * MM;
    page.drawText(winAnsi(v.name), { x: 8 * MM, y: by, size: 9, font: regular });
  }
  by -= 7 * MM;
  page.drawText('ZONES', { x: 8 * MM, y: by, size: 7, font: bold, color: rgb(0.4, 0.4, 0.4) });
  by -= 9 * MM;
  let zx = 8 * MM;
  for (const z of a.zones) {
    page.drawRectangle({ x: zx, y: by - 1 * MM, width: 8 * MM, height: 8 * MM, color: teal });
    page.drawText(String(z), { x: zx + (z >= 10 ? 1.4 : 2.7) * MM, y: by + 1.3 * MM, size: 12, font: bold, color: rgb(1, 1, 1) });
    zx += 9.5 * MM;
  }
  by -= 8 * MM;
  page.drawText(`VALID ${a.validFrom}  to  ${a.validTo}`, { x: 8 * MM, y: by, size: 9, font: bold });

  const qr = await QRCode.toBuffer(input.code, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 6 });
  const qrImg = await doc.embedPng(qr);
  const qrSize = 40 * MM;
  page.drawImage(qrImg, { x: W - qrSize - 6 * MM, y: 6 * MM, width: qrSize, height: qrSize });
  if (a.status !== 'issued') page.drawText(a.status.toUpperCase(), { x: 8 * MM, y: 10 * MM, size: 20, font: bold, color: rgb(0.8, 0.1, 0.1) });
  return Buffer.from(await doc.save());
}
