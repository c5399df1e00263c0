import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed, buildCapXml, type CapMessage, capCircle, capDateTime, escapeXml } from './cap.ts';
import { validateCap } from './cap-validator.test-support.ts';

const base: CapMessage = {
  identifier: 'tansiq-alert-1',
  sender: 'fifa-world-cup-qatar-2022@tansiq.org',
  sent: new Date('2022-12-18T14:30:05.678Z'),
  status: 'Actual',
  msgType: 'Alert',
  scope: 'Public',
  references: [],
  category: 'Safety',
  event: 'Crowd congestion',
  urgency: 'Immediate',
  severity: 'Moderate',
  certainty: 'Observed',
  expires: new Date('2022-12-18T18:00:00Z'),
  senderName: 'FIFA World Cup Qatar 2022',
  web: null,
  text: {
    ar: { headline: 'ازدحام عند البوابات الشمالية', description: 'استخدموا البوابات الجنوبية' },
    fr: { headline: 'Affluence aux portes nord', description: 'Utilisez les portes sud & suivez les consignes' },
    en: { headline: 'Congestion at the north gates', description: 'Use the south gates <now>', instruction: 'Follow the stewards' },
  },
  area: { areaDesc: 'Lusail Stadium', circles: [capCircle(25.42, 51.49, 1)] },
  utcOffsetMinutes: 180,
};

describe('CAP 1.2 messages', () => {
  it('writes times with a numeric offset, whole seconds, never Z', () => {
    expect(capDateTime(new Date('2022-12-18T14:30:05.678Z'), 180)).toBe('2022-12-18T17:30:05+03:00');
    expect(capDateTime(new Date('2022-12-18T23:30:00Z'), 180)).toBe('2022-12-19T02:30:00+03:00');
    expect(capDateTime(new Date('2022-12-18T14:30:00Z'), 0)).toBe('2022-12-18T14:30:00-00:00');
    expect(capDateTime(new Date('2022-12-18T14:30:00Z'), -330)).toBe('2022-12-18T09:00:00-05:30');
  });

  it('builds an alert that passes the CAP 1.2 rules, with one info block per language', () => {
    const xml = buildCapXml(base);
    expect(validateCap(xml)).toEqual([]);
    const doc = new XMLParser({ parseTagValue: false }).parse(xml);
    expect(doc.alert.info.map((i: { language: string }) => i.language)).toEqual(['ar', 'fr', 'en-US']);
    expect(doc.alert.sent).toBe('2022-12-18T17:30:05+03:00');
    expect(doc.alert.info[2].description).toBe('Use the south gates <now>');
    expect(doc.alert.info[0].area.circle).toBe('25.42000,51.49000 1');
  });

  it('references earlier messages as space-separated sender,identifier,sent triples', () => {
    const xml = buildCapXml({
      ...base,
      identifier: 'tansiq-alert-3',
      msgType: 'Cancel',
      references: [
        { sender: base.sender, identifier: 'tansiq-alert-1', sent: new Date('2022-12-18T14:00:00Z') },
        { sender: base.sender, identifier: 'tansiq-alert-2', sent: new Date('2022-12-18T14:10:00Z') },
      ],
    });
    expect(validateCap(xml)).toEqual([]);
    expect(new XMLParser({ parseTagValue: false }).parse(xml).alert.references).toBe(
      'fifa-world-cup-qatar-2022@tansiq.org,tansiq-alert-1,2022-12-18T17:00:00+03:00 fifa-world-cup-qatar-2022@tansiq.org,tansiq-alert-2,2022-12-18T17:10:00+03:00',
    );
  });

  it('refuses identifiers CAP forbids', () => {
    expect(() => buildCapXml({ ...base, identifier: 'has space' })).toThrow();
    expect(() => buildCapXml({ ...base, sender: 'a,b' })).toThrow();
  });

  it('the validator itself catches broken messages', () => {
    const good = buildCapXml(base);
    expect(validateCap(good.replace('<status>Actual</status>', '<status>Real</status>'))).toContain('status "Real" is not allowed');
    expect(validateCap(good.replace(/<sent>[^<]+<\/sent>/, '<sent>2022-12-18T17:30:05Z</sent>'))[0]).toMatch(/not a CAP dateTime/);
    expect(validateCap(good.replace('<scope>Public</scope>', ''))).toContain('alert.scope is required');
    expect(validateCap(good.replaceAll('<urgency>Immediate</urgency>', '<urgency>Now</urgency>'))).toContain('info[0].urgency "Now" is not allowed');
    expect(validateCap(good.replaceAll(/<areaDesc>[^<]+<\/areaDesc>/g, '<areaDesc></areaDesc>'))).toContain('info[0].area[0].areaDesc is required');
    expect(validateCap(good.replace('<msgType>Alert</msgType>', '<msgType>Update</msgType>'))).toContain('an Update or Cancel should reference the earlier message');
    const swapped = good.replace(/(<identifier>[^<]+<\/identifier>\n)(\s*<sender>[^<]+<\/sender>\n)/, '$2$1');
    expect(validateCap(swapped).some((p) => p.includes('out of the schema'))).toBe(true);
  });

  it('escapes XML in free text', () => {
    expect(escapeXml(`a<b>&"c"'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;');
  });

  it('builds an Atom feed whose entries link to the CAP messages', () => {
    const feed = buildAtomFeed({ id: 'urn:x', title: 'Alerts & news', selfUrl: 'https://x/cap/alerts.atom', updated: new Date('2022-12-18T14:30:00Z'), entries: [{ id: 'urn:a', title: 'A', summary: 'S', updated: new Date('2022-12-18T14:30:00Z'), capUrl: 'https://x/cap/alerts/1' }] });
    const doc = new XMLParser({ ignoreAttributes: false }).parse(feed);
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.title).toBe('Alerts & news');
    expect(doc.feed.entry.link['@_type']).toBe('application/cap+xml');
    expect(doc.feed.entry.link['@_href']).toBe('https://x/cap/alerts/1');
  });
});
