/**
 * The seeded stadiums' names in Arabic and French, and their city and metro texts in Arabic and French (the
 * seed data in `data/` is English). Proper names that French writes as English does are left out: they
 * show as is.
 */
import type { VenueTranslations } from '../../common/contracts/platform.ts';

export const STADIUM_NAMES_AR: Record<string, string> = {
  'Lusail Stadium': 'ملعب لوسيل',
  'Al Bayt Stadium': 'ملعب البيت',
  'Khalifa International Stadium': 'استاد خليفة الدولي',
  'Ahmad bin Ali Stadium': 'ملعب أحمد بن علي',
  'Education City Stadium': 'ملعب المدينة التعليمية',
  'Al Thumama Stadium': 'ملعب الثمامة',
  'Stadium 974': 'ملعب 974',
  'Al Janoub Stadium': 'ملعب الجنوب',
};

const STADIUM_NAMES_FR: Record<string, string> = {
  'Lusail Stadium': 'Stade de Lusail',
  'Al Bayt Stadium': 'Stade Al Bayt',
  'Khalifa International Stadium': 'Stade international Khalifa',
  'Ahmad bin Ali Stadium': 'Stade Ahmad ben Ali',
  'Education City Stadium': 'Stade de la Cité de l’éducation',
  'Al Thumama Stadium': 'Stade Al Thumama',
  'Stadium 974': 'Stade 974',
  'Al Janoub Stadium': 'Stade Al Janoub',
};

const CITY_AR: Record<string, string> = { Lusail: 'لوسيل', 'Al Khor': 'الخور', 'Al Rayyan': 'الريان', Doha: 'الدوحة', 'Al Wakrah': 'الوكرة' };
const STATION_AR: Record<string, string> = {
  'Lusail QNB': 'لوسيل QNB',
  'Sport City': 'المدينة الرياضية',
  'Al Riffa': 'الرفاع',
  'Education City': 'المدينة التعليمية',
  'Free Zone': 'المنطقة الحرة',
  'Ras Bu Abboud': 'راس بوعبود',
  'Al Wakra': 'الوكرة',
};
const LINE: Record<string, { ar: string; fr: string }> = {
  'Red Line': { ar: 'الخط الأحمر', fr: 'Ligne rouge' },
  'Gold Line': { ar: 'الخط الذهبي', fr: 'Ligne dorée' },
  'Green Line': { ar: 'الخط الأخضر', fr: 'Ligne verte' },
};

/** How to reach each stadium from the metro, by stadium (the English text is in the seed data). */
const ACCESS: Record<string, { ar: string; fr: string }> = {
  'Lusail Stadium': {
    ar: 'سيرًا على الأقدام (نحو 15 دقيقة حسب دليل السفر لقطر 2022)',
    fr: 'à pied (~15 min selon le guide de voyage Qatar 2022)',
  },
  'Al Bayt Stadium': {
    ar: 'لا مترو في الخور؛ نحو 30 دقيقة بالحافلة المكوكية من محطة لوسيل ثم نحو 10 دقائق سيرًا',
    fr: 'pas de métro à Al Khor ; ~30 min de navette depuis la station Lusail + ~10 min à pied',
  },
  'Khalifa International Stadium': { ar: 'سيرًا على الأقدام', fr: 'à pied' },
  'Ahmad bin Ali Stadium': {
    ar: 'مسافة قصيرة سيرًا؛ المحطة الطرفية الغربية للخط الأخضر',
    fr: 'courte marche ; terminus ouest de la ligne verte',
  },
  'Education City Stadium': {
    ar: 'سيرًا على الأقدام (المحطة بجوار محيط الملعب)',
    fr: 'à pied (station à côté de l’enceinte du stade)',
  },
  'Al Thumama Stadium': {
    ar: 'نحو 15 دقيقة بالحافلة المكوكية ثم سيرًا؛ قائمة محطات الخط الأحمر لعام 2022 لا تذكر المنطقة الحرة بل المنطقة الاقتصادية (ربما المحطة نفسها بعد تغيير اسمها؛ غير مؤكد)',
    fr: '~15 min de navette + marche ; une liste des stations de la ligne rouge de 2022 ne cite pas Free Zone mais Economic Zone (peut-être la même station renommée ; non confirmé)',
  },
  'Stadium 974': {
    ar: 'سيرًا على الأقدام (ذكر المنظمون نحو 700 م من الملعب إلى المترو)؛ اسم المحطة مستنتج من الموقع ولم يرد في المصدر نفسه',
    fr: 'à pied (les organisateurs indiquaient ~700 m du stade au métro) ; nom de station déduit de l’emplacement, absent de la même source',
  },
  'Al Janoub Stadium': {
    ar: 'الحافلة المكوكية S920 (نحو 15 دقيقة) ثم نحو 15 دقيقة سيرًا',
    fr: 'navette S920 (~15 min) + ~15 min à pied',
  },
};

/** The Arabic and French texts of a seeded stadium, from its English seed data. */
export function venueTranslations(s: { name: string; city: string; nearestMetro: { station: string; line: string } }): VenueTranslations {
  const line = LINE[s.nearestMetro.line];
  const access = ACCESS[s.name];
  return {
    ar: { city: CITY_AR[s.city], metroStation: STATION_AR[s.nearestMetro.station], metroLine: line?.ar, metroAccess: access?.ar },
    fr: { name: STADIUM_NAMES_FR[s.name], metroLine: line?.fr, metroAccess: access?.fr },
  };
}
