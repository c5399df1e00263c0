import { describe, expect, it } from 'vitest';
import { localName, venueTexts } from './format.ts';

const venue = {
  city: 'Al Khor',
  metroStation: 'Lusail QNB',
  metroLine: 'Red Line',
  metroAccess: 'no metro in Al Khor; shuttle bus',
  translations: { ar: { city: 'الخور', metroLine: 'الخط الأحمر' }, fr: { metroLine: 'Ligne rouge' } },
};

describe('venue texts', () => {
  it('are in the reader’s language where the venue has them, and as recorded (English) elsewhere', () => {
    expect(venueTexts('ar', venue)).toEqual({ city: 'الخور', metroStation: 'Lusail QNB', metroLine: 'الخط الأحمر', metroAccess: 'no metro in Al Khor; shuttle bus' });
    expect(venueTexts('fr', venue)).toEqual({ city: 'Al Khor', metroStation: 'Lusail QNB', metroLine: 'Ligne rouge', metroAccess: 'no metro in Al Khor; shuttle bus' });
    expect(venueTexts('en', venue)).toEqual({ city: 'Al Khor', metroStation: 'Lusail QNB', metroLine: 'Red Line', metroAccess: 'no metro in Al Khor; shuttle bus' });
  });

  it('show no metro text where the venue has no metro, whatever the translations say', () => {
    expect(venueTexts('ar', { ...venue, metroStation: null, metroLine: null, metroAccess: null, translations: { ar: { metroLine: 'الخط الأحمر' } } })).toMatchObject({ metroStation: null, metroLine: null, metroAccess: null });
  });

  it('names a venue in French from its translations, in Arabic from nameAr', () => {
    const stadium = { name: 'Al Bayt Stadium', nameAr: 'ملعب البيت', translations: { fr: { name: 'Stade Al Bayt' } } };
    expect([localName('fr', stadium), localName('ar', stadium), localName('en', stadium)]).toEqual(['Stade Al Bayt', 'ملعب البيت', 'Al Bayt Stadium']);
  });
});
