/**
 * Arabic names on the PDF badge without a shaping library: letters are turned into their contextual
 * presentation forms (Unicode Arabic Presentation Forms-B, with the lam-alef ligatures), put in visual
 * (right-to-left) order, and drawn with a TrueType font embedded as a CID font (Identity-H), glyphs looked
 * up in the font's own cmap. The font is a system font that covers Arabic presentation forms (DejaVu Sans
 * or Noto Naskh Arabic); without one the Arabic line is left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type PDFDocument, PDFHexString, type PDFPage, type PDFRef, beginText, endText, moveText, setFontAndSize, showText } from 'pdf-lib';

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
];

// [letter, first presentation form, number of forms (1: isolated; 2: + final; 4: + initial, medial)]
const LETTERS: [number, number, 1 | 2 | 4][] = [
  [0x0621, 0xfe80, 1], [0x0622, 0xfe81, 2], [0x0623, 0xfe83, 2], [0x0624, 0xfe85, 2], [0x0625, 0xfe87, 2], [0x0626, 0xfe89, 4],
  [0x0627, 0xfe8d, 2], [0x0628, 0xfe8f, 4], [0x0629, 0xfe93, 2], [0x062a, 0xfe95, 4], [0x062b, 0xfe99, 4], [0x062c, 0xfe9d, 4],
  [0x062d, 0xfea1, 4], [0x062e, 0xfea5, 4], [0x062f, 0xfea9, 2], [0x0630, 0xfeab, 2], [0x0631, 0xfead, 2], [0x0632, 0xfeaf, 2],
  [0x0633, 0xfeb1, 4], [0x0634, 0xfeb5, 4], [0x0635, 0xfeb9, 4], [0x0636, 0xfebd, 4], [0x0637, 0xfec1, 4], [0x0638, 0xfec5, 4],
  [0x0639, 0xfec9, 4], [0x063a, 0xfecd, 4], [0x0641, 0xfed1, 4], [0x0642, 0xfed5, 4], [0x0643, 0xfed9, 4], [0x0644, 0xfedd, 4],
  [0x0645, 0xfee1, 4], [0x0646, 0xfee5, 4], [0x0647, 0xfee9, 4], [0x0648, 0xfeed, 2], [0x0649, 0xfeef, 2], [0x064a, 0xfef1, 4],
];
const FORMS = new Map(LETTERS.map(([c, base, n]) => [c, { base, n }]));
const LAM = 0x0644;
// Lam followed by these alefs becomes one ligature (isolated, final).
const LAM_ALEF: Record<number, number> = { 0x0622: 0xfef5, 0x0623: 0xfef7, 0x0625: 0xfef9, 0x0627: 0xfefb };
const TATWEEL = 0x0640;
const isMark = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670;

const joinsForward = (c: number | undefined) => c !== undefined && (c === TATWEEL || FORMS.get(c)?.n === 4);
const joinsBackward = (c: number | undefined) => c !== undefined && (c === TATWEEL || (FORMS.get(c)?.n ?? 1) >= 2);

/** Logical Arabic text → presentation-form code points in visual order (left to right on the page). */
export function shapeArabic(text: string): number[] {
  const chars = [...text.normalize('NFC')].map((c) => c.codePointAt(0)!).filter((c) => !isMark(c));
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = chars[i - 1];
    const joinPrev = joinsForward(prev);
    if (c === LAM && chars[i + 1] !== undefined && LAM_ALEF[chars[i + 1]!]) {
      out.push(LAM_ALEF[chars[i + 1]!]! + (joinPrev ? 1 : 0));
      i++;
      continue;
    }
    const f = FORMS.get(c);
    if (!f) {
      out.push(c);
      continue;
    }
    const joinNext = f.n === 4 && joinsBackward(chars[i + 1]);
    if (f.n === 1) out.push(f.base);
    else if (f.n === 2) out.push(f.base + (joinPrev ? 1 : 0));
    else out.push(f.base + (joinPrev && joinNext ? 3 : joinNext ? 2 : joinPrev ? 1 : 0));
  }
  return out.reverse();
}

interface TrueType {
  bytes: Buffer;
  unitsPerEm: number;
  glyphOf(cp: number): number;
  advance(gid: number): number;
}

function parseTrueType(bytes: Buffer): TrueType | null {
  const numTables = bytes.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) tables.set(bytes.toString('latin1', 12 + i * 16, 16 + i * 16), bytes.readUInt32BE(12 + i * 16 + 8));
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) return null;
  const unitsPerEm = bytes.readUInt16BE(head + 18);
  const numberOfHMetrics = bytes.readUInt16BE(hhea + 34);
  let sub = -1;
  for (let i = 0; i < bytes.readUInt16BE(cmap + 2); i++) {
    const platform = bytes.readUInt16BE(cmap + 4 + i * 8);
    const encoding = bytes.readUInt16BE(cmap + 6 + i * 8);
    const offset = cmap + bytes.readUInt32BE(cmap + 8 + i * 8);
    if (bytes.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) sub = offset;
  }
  if (sub < 0) return null;
  const segX2 = bytes.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyphOf = (cp: number): number => {
    for (let s = 0; s < segX2; s += 2) {
      if (cp > bytes.readUInt16BE(ends + s)) continue;
      const start = bytes.readUInt16BE(starts + s);
      if (cp < start) return 0;
      const delta = bytes.readInt16BE(deltas + s);
      const ro = bytes.readUInt16BE(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = bytes.readUInt16BE(rangeOffsets + s + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const advance = (gid: number) => bytes.readUInt16BE(hmtx + Math.min(gid, numberOfHMetrics - 1) * 4);
  return { bytes, unitsPerEm, glyphOf, advance };
}

let cachedFont: TrueType | null | undefined;
function loadFont(): TrueType | null {
  if (cachedFont !== undefined) return cachedFont;
  const path = FONT_CANDIDATES.find((p) => existsSync(p));
  cachedFont = path ? parseTrueType(readFileSync(path)) : null;
  return cachedFont;
}

const embedded = new WeakMap<PDFDocument, PDFRef>();

function embedFont(doc: PDFDocument, font: TrueType, widths: Map<number, number>): PDFRef {
  const existing = embedded.get(doc);
  if (existing) return existing;
  const ctx = doc.context;
  const file = ctx.register(ctx.flateStream(font.bytes, { Length1: font.bytes.length }));
  const scale = 1000 / font.unitsPerEm;
  const descriptor = ctx.register(
    ctx.obj({ Type: 'FontDescriptor', FontName: 'TansiqArabic', Flags: 4, FontBBox: [-1000, -400, 2000, 1200], ItalicAngle: 0, Ascent: 900, Descent: -300, CapHeight: 700, StemV: 80, FontFile2: file }),
  );
  const w: (number | number[])[] = [];
  for (const [gid, adv] of [...widths.entries()].sort((a, b) => a[0] - b[0])) w.push(gid, [Math.round(adv * scale)]);
  const cid = ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'TansiqArabic', CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('Identity'), Supplement: 0 }, FontDescriptor: descriptor, W: w, CIDToGIDMap: 'Identity', DW: 600 }),
  );
  const ref = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'TansiqArabic', Encoding: 'Identity-H', DescendantFonts: [cid] }));
  embedded.set(doc, ref);
  return ref;
}

/** Draws Arabic text ending at `right` (right-aligned, as Arabic reads); false when no Arabic font is available. */
export async function drawArabicText(doc: PDFDocument, page: PDFPage, text: string, at: { right: number; y: number; size: number }): Promise<boolean> {
  const font = loadFont();
  if (!font) return false;
  const glyphs = shapeArabic(text).map((cp) => font.glyphOf(cp));
  if (glyphs.some((g) => g === 0)) return false;
  const widths = new Map(glyphs.map((g) => [g, font.advance(g)]));
  const ref = embedFont(doc, font, widths);
  const key = page.node.newFontDictionary('TansiqArabic', ref);
  const width = glyphs.reduce((sum, g) => sum + font.advance(g), 0) * (at.size / font.unitsPerEm);
  const hex = glyphs.map((g) => g.toString(16).padStart(4, '0')).join('');
  page.pushOperators(beginText(), setFontAndSize(key, at.size), moveText(at.right - width, at.y), showText(PDFHexString.of(hex)), endText());
  return true;
}
