import { describe, expect, it } from 'vitest';
import { detectWatchlistFormat, diffWatchlists, parseFtm, parsePeopleCsv, parseUnXml, parseWatchlistCsv, ScreeningInputError } from './parsers.ts';

const UN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2022-11-01T00:00:00">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>6908555</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>NABIL</FIRST_NAME>
      <SECOND_NAME>KARIM</SECOND_NAME>
      <THIRD_NAME>HADDAD</THIRD_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>
      <NAME_ORIGINAL_SCRIPT>نبيل كريم حداد</NAME_ORIGINAL_SCRIPT>
      <GENDER>Male</GENDER>
      <NATIONALITY><VALUE>Lebanon</VALUE><VALUE>Syrian Arab Republic</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Nabeel Haddad</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Karim</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1975-03-02</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1974</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR><TO_YEAR>1972</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <DATAID>6908556</DATAID>
      <FIRST_NAME>YOUSSEF</FIRST_NAME>
      <REFERENCE_NUMBER>QDi.002</REFERENCE_NUMBER>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1980</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES><ENTITY><FIRST_NAME>SOME FRONT COMPANY</FIRST_NAME><REFERENCE_NUMBER>QDe.001</REFERENCE_NUMBER></ENTITY></ENTITIES>
</CONSOLIDATED_LIST>`;

describe('UN Security Council Consolidated List (XML)', () => {
  it('reads individuals with names, aliases, dates, nationalities, gender and references', () => {
    const [a, b, ...rest] = parseUnXml(UN_XML);
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({ id: 'QDi.001', sourceRef: 'QDi.001', source: 'un-xml', gender: 'male', extra: { dataId: '6908555' } });
    expect(a?.names).toEqual([
      { full: 'NABIL KARIM HADDAD', kind: 'primary' },
      { full: 'نبيل كريم حداد', kind: 'original-script' },
      { full: 'Nabeel Haddad', kind: 'alias' },
      { full: 'Abu Karim', kind: 'weak-alias' },
    ]);
    expect(a?.birthDates).toEqual([
      { kind: 'exact', year: 1975, month: 3, day: 2 },
      { kind: 'approximate', year: 1974 },
      { kind: 'range', fromYear: 1970, toYear: 1972 },
    ]);
    expect(a?.nationalities).toEqual(['LB', 'SY']);
    expect(b?.birthDates).toEqual([{ kind: 'exact', year: 1980 }]);
  });

  it('rejects broken XML and other documents clearly', () => {
    expect(() => parseUnXml('<CONSOLIDATED_LIST><INDIVIDUALS>')).toThrow(ScreeningInputError);
    expect(() => parseUnXml('<CONSOLIDATED_LIST><INDIVIDUALS>')).toThrow(/invalid XML at line/);
    expect(() => parseUnXml('<rss><channel/></rss>')).toThrow(/no CONSOLIDATED_LIST/);
  });
});

describe('OpenSanctions FollowTheMoney JSON lines', () => {
  const lines = [
    JSON.stringify({
      id: 'NK-abc',
      schema: 'Person',
      properties: {
        name: ['Nabil Haddad'],
        alias: ['نبيل حداد'],
        weakAlias: ['Abu Karim'],
        firstName: ['Nabil'],
        lastName: ['Haddad'],
        birthDate: ['1975-03', '1976'],
        nationality: ['lb'],
        citizenship: ['sy'],
        country: ['lb'],
        gender: ['male'],
      },
    }),
    JSON.stringify({ id: 'co-1', schema: 'Company', properties: { name: ['Front Ltd'] } }),
    '',
  ].join('\n');

  it('reads Person entities only', () => {
    const entries = parseFtm(lines);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'NK-abc', sourceRef: 'NK-abc', source: 'ftm', gender: 'male', nationalities: ['LB', 'SY'] });
    expect(entries[0]?.names.map((n) => n.kind)).toEqual(['primary', 'alias', 'weak-alias']);
    expect(entries[0]?.birthDates).toEqual([
      { kind: 'exact', year: 1975, month: 3 },
      { kind: 'exact', year: 1976 },
    ]);
  });

  it('names the bad line', () => {
    expect(() => parseFtm(`${lines}\n{not json`)).toThrow(/line 4 is not valid JSON/);
    expect(() => parseFtm('{"schema":"Person","properties":{"name":["x"]}}')).toThrow(/without an id/);
  });
});

describe('CSV list and people file', () => {
  it('reads a CSV list (aliases and dates separated by ;)', () => {
    const csv = 'id,name,aliases,date_of_birth,nationality,gender\nL1,Nabil Haddad,نبيل حداد;Nabeel Hadad,1975-03-02;1976,Lebanon,M\nL2,Youssef Ali,,1980,IRQ,\n';
    const [a, b] = parseWatchlistCsv(csv);
    expect(a?.names.map((n) => n.full)).toEqual(['Nabil Haddad', 'نبيل حداد', 'Nabeel Hadad']);
    expect(a?.birthDates).toHaveLength(2);
    expect(a?.nationalities).toEqual(['LB']);
    expect(a?.gender).toBe('male');
    expect(b?.nationalities).toEqual(['IQ']);
  });

  it('rejects a CSV list without a name column, a duplicate id or a bad date', () => {
    expect(() => parseWatchlistCsv('id,full\n1,x\n')).toThrow(/missing column "name"/);
    expect(() => parseWatchlistCsv('id,name\n1,a\n1,b\n')).toThrow(/line 3: duplicate id/);
    expect(() => parseWatchlistCsv('id,name,date_of_birth\n1,a,03/1975x\n')).toThrow(/line 2: date_of_birth/);
  });

  it('reads the people file; id defaults to the row number', () => {
    const csv =
      'id,full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality\n' +
      'P1,Nabil Haddad,,,,male,1975-03-02,Beirut,LB\n,,Youssef,,Ali,F,1980,,Iraq\n';
    const people = parsePeopleCsv(csv);
    expect(people[0]).toEqual({ id: 'P1', fullName: 'Nabil Haddad', gender: 'male', dateOfBirth: '1975-03-02', placeOfBirth: 'Beirut', nationality: 'LB' });
    expect(people[1]).toEqual({ id: '2', firstName: 'Youssef', lastName: 'Ali', gender: 'female', dateOfBirth: '1980', nationality: 'Iraq' });
  });

  it('rejects a people file without name columns or with a bad date', () => {
    expect(() => parsePeopleCsv('id,dob\n1,1975\n')).toThrow(/no name column/);
    expect(() => parsePeopleCsv('full_name,date_of_birth\nA B,yesterday\n')).toThrow(/line 2: date_of_birth "yesterday"/);
    expect(() => parsePeopleCsv('')).toThrow(/empty/);
  });

  it('detects the format from the extension, then the content', () => {
    expect(detectWatchlistFormat('list.xml', '')).toBe('un-xml');
    expect(detectWatchlistFormat('list.jsonl', '')).toBe('ftm');
    expect(detectWatchlistFormat('list.txt', '  <CONSOLIDATED_LIST>')).toBe('un-xml');
    expect(detectWatchlistFormat('list', '{"id":1}')).toBe('ftm');
    expect(detectWatchlistFormat('list', 'id,name')).toBe('csv');
  });
});

describe('diff of two list versions', () => {
  it('reports added, removed and changed entries by source reference', () => {
    const v1 = parseUnXml(UN_XML);
    const v2 = parseUnXml(
      UN_XML.replace('<FIRST_NAME>YOUSSEF</FIRST_NAME>', '<FIRST_NAME>YOUSSEF</FIRST_NAME><NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY>')
        .replace('QDi.001', 'QDi.003'),
    );
    const d = diffWatchlists(v1, v2);
    expect(d.added.map((e) => e.sourceRef)).toEqual(['QDi.003']);
    expect(d.removed.map((e) => e.sourceRef)).toEqual(['QDi.001']);
    expect(d.changed.map((c) => [c.after.sourceRef, c.fields])).toEqual([['QDi.002', ['nationalities']]]);
    expect(diffWatchlists(v1, v1)).toEqual({ added: [], removed: [], changed: [] });
  });
});
