/**
 * Common Alerting Protocol 1.2 (OASIS Standard, 1 July 2010) messages and the Atom feed that lists them.
 * One `<alert>` per public alert, with one `<info>` block per language (Arabic, French, English), as CAP
 * allows several info blocks that differ by `language`. Elements follow the order of the CAP 1.2 XML
 * schema. Pure: the caller supplies identifiers and times.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const CAP_MEDIA_TYPE = 'application/cap+xml';

export interface CapText {
  headline: string;
  description: string;
  instruction?: string;
}

export interface CapArea {
  areaDesc: string;
  /** Circles as CAP writes them: "lat,lon radius-km". */
  circles: string[];
}

export interface CapMessage {
  identifier: string;
  sender: string;
  sent: Date;
  status: 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
  msgType: 'Alert' | 'Update' | 'Cancel';
  scope: 'Public';
  /** Earlier messages this one updates or cancels. */
  references: { sender: string; identifier: string; sent: Date }[];
  category: string;
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  expires: Date | null;
  senderName: string;
  web: string | null;
  text: { ar: CapText; fr: CapText; en: CapText };
  area: CapArea;
  /** Minutes east of UTC for the times written (CAP forbids "Z"; UTC is written -00:00). */
  utcOffsetMinutes: number;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

const pad = (n: number) => String(n).padStart(2, '0');

/** CAP dateTime: `2022-12-18T18:00:00+03:00`, seconds precision, a numeric offset, never "Z". */
export function capDateTime(d: Date, utcOffsetMinutes: number): string {
  const local = new Date(Math.floor(d.getTime() / 1000) * 1000 + utcOffsetMinutes * 60_000);
  const sign = utcOffsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(utcOffsetMinutes);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** CAP forbids spaces, commas and the XML-reserved `<` and `&` in identifiers and senders. */
export function isCapToken(s: string): boolean {
  return s.length > 0 && !/[\s,<&]/.test(s);
}

const LANGUAGES = [
  ['ar', 'ar'],
  ['fr', 'fr'],
  ['en', 'en-US'],
] as const;

/** The CAP 1.2 XML of one message. */
export function buildCapXml(m: CapMessage): string {
  if (!isCapToken(m.identifier) || !isCapToken(m.sender)) throw new Error('CAP identifier and sender may not contain spaces, commas, < or &');
  const t = (d: Date) => capDateTime(d, m.utcOffsetMinutes);
  const el = (name: string, value: string | null | undefined, indent: string) => (value == null ? '' : `${indent}<${name}>${escapeXml(value)}</${name}>\n`);
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${CAP_NAMESPACE}">\n`;
  xml += el('identifier', m.identifier, '  ');
  xml += el('sender', m.sender, '  ');
  xml += el('sent', t(m.sent), '  ');
  xml += el('status', m.status, '  ');
  xml += el('msgType', m.msgType, '  ');
  xml += el('scope', m.scope, '  ');
  if (m.references.length) xml += el('references', m.references.map((r) => `${r.sender},${r.identifier},${t(r.sent)}`).join(' '), '  ');
  for (const [key, language] of LANGUAGES) {
    const text = m.text[key];
    xml += '  <info>\n';
    xml += el('language', language, '    ');
    xml += el('category', m.category, '    ');
    xml += el('event', m.event, '    ');
    xml += el('urgency', m.urgency, '    ');
    xml += el('severity', m.severity, '    ');
    xml += el('certainty', m.certainty, '    ');
    if (m.expires) xml += el('expires', t(m.expires), '    ');
    xml += el('senderName', m.senderName, '    ');
    xml += el('headline', text.headline, '    ');
    xml += el('description', text.description, '    ');
    xml += el('instruction', text.instruction, '    ');
    xml += el('web', m.web, '    ');
    xml += '    <area>\n';
    xml += el('areaDesc', m.area.areaDesc, '      ');
    for (const c of m.area.circles) xml += el('circle', c, '      ');
    xml += '    </area>\n';
    xml += '  </info>\n';
  }
  return `${xml}</alert>\n`;
}

/** A CAP circle around a point: "lat,lon radius" (WGS 84, radius in kilometres). */
export const capCircle = (lat: number, lon: number, radiusKm: number): string => `${lat.toFixed(5)},${lon.toFixed(5)} ${radiusKm}`;

export interface AtomEntry {
  id: string;
  title: string;
  summary: string;
  updated: Date;
  capUrl: string;
}

/** An Atom 1.0 (RFC 4287) feed whose entries link to the CAP messages. */
export function buildAtomFeed(feed: { id: string; title: string; selfUrl: string; updated: Date; entries: AtomEntry[] }): string {
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="${ATOM_NAMESPACE}">\n`;
  xml += `  <id>${escapeXml(feed.id)}</id>\n  <title>${escapeXml(feed.title)}</title>\n  <updated>${feed.updated.toISOString()}</updated>\n`;
  xml += `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>\n  <author><name>Tansiq</name></author>\n`;
  for (const e of feed.entries) {
    xml += '  <entry>\n';
    xml += `    <id>${escapeXml(e.id)}</id>\n    <title>${escapeXml(e.title)}</title>\n    <updated>${e.updated.toISOString()}</updated>\n`;
    xml += `    <summary>${escapeXml(e.summary)}</summary>\n`;
    xml += `    <link rel="alternate" type="${CAP_MEDIA_TYPE}" href="${escapeXml(e.capUrl)}"/>\n`;
    xml += '  </entry>\n';
  }
  return `${xml}</feed>\n`;
}
