/** Country normalisation: ISO alpha-2, alpha-3 or an English name (as used by the UN list) → alpha-2. */

const ALPHA3 =
  'AFG AF,ALA AX,ALB AL,DZA DZ,ASM AS,AND AD,AGO AO,AIA AI,ATA AQ,ATG AG,ARG AR,ARM AM,ABW AW,AUS AU,AUT AT,AZE AZ,' +
  'BHS BS,BHR BH,BGD BD,BRB BB,BLR BY,BEL BE,BLZ BZ,BEN BJ,BMU BM,BTN BT,BOL BO,BES BQ,BIH BA,BWA BW,BVT BV,BRA BR,' +
  'IOT IO,BRN BN,BGR BG,BFA BF,BDI BI,CPV CV,KHM KH,CMR CM,CAN CA,CYM KY,CAF CF,TCD TD,CHL CL,CHN CN,CXR CX,CCK CC,' +
  'COL CO,COM KM,COG CG,COD CD,COK CK,CRI CR,CIV CI,HRV HR,CUB CU,CUW CW,CYP CY,CZE CZ,DNK DK,DJI DJ,DMA DM,DOM DO,' +
  'ECU EC,EGY EG,SLV SV,GNQ GQ,ERI ER,EST EE,SWZ SZ,ETH ET,FLK FK,FRO FO,FJI FJ,FIN FI,FRA FR,GUF GF,PYF PF,ATF TF,' +
  'GAB GA,GMB GM,GEO GE,DEU DE,GHA GH,GIB GI,GRC GR,GRL GL,GRD GD,GLP GP,GUM GU,GTM GT,GGY GG,GIN GN,GNB GW,GUY GY,' +
  'HTI HT,HMD HM,VAT VA,HND HN,HKG HK,HUN HU,ISL IS,IND IN,IDN ID,IRN IR,IRQ IQ,IRL IE,IMN IM,ISR IL,ITA IT,JAM JM,' +
  'JPN JP,JEY JE,JOR JO,KAZ KZ,KEN KE,KIR KI,PRK KP,KOR KR,KWT KW,KGZ KG,LAO LA,LVA LV,LBN LB,LSO LS,LBR LR,LBY LY,' +
  'LIE LI,LTU LT,LUX LU,MAC MO,MDG MG,MWI MW,MYS MY,MDV MV,MLI ML,MLT MT,MHL MH,MTQ MQ,MRT MR,MUS MU,MYT YT,MEX MX,' +
  'FSM FM,MDA MD,MCO MC,MNG MN,MNE ME,MSR MS,MAR MA,MOZ MZ,MMR MM,NAM NA,NRU NR,NPL NP,NLD NL,NCL NC,NZL NZ,NIC NI,' +
  'NER NE,NGA NG,NIU NU,NFK NF,MKD MK,MNP MP,NOR NO,OMN OM,PAK PK,PLW PW,PSE PS,PAN PA,PNG PG,PRY PY,PER PE,PHL PH,' +
  'PCN PN,POL PL,PRT PT,PRI PR,QAT QA,REU RE,ROU RO,RUS RU,RWA RW,BLM BL,SHN SH,KNA KN,LCA LC,MAF MF,SPM PM,VCT VC,' +
  'WSM WS,SMR SM,STP ST,SAU SA,SEN SN,SRB RS,SYC SC,SLE SL,SGP SG,SXM SX,SVK SK,SVN SI,SLB SB,SOM SO,ZAF ZA,SGS GS,' +
  'SSD SS,ESP ES,LKA LK,SDN SD,SUR SR,SJM SJ,SWE SE,CHE CH,SYR SY,TWN TW,TJK TJ,TZA TZ,THA TH,TLS TL,TGO TG,TKL TK,' +
  'TON TO,TTO TT,TUN TN,TUR TR,TKM TM,TCA TC,TUV TV,UGA UG,UKR UA,ARE AE,GBR GB,USA US,UMI UM,URY UY,UZB UZ,VUT VU,' +
  'VEN VE,VNM VN,VGB VG,VIR VI,WLF WF,ESH EH,YEM YE,ZMB ZM,ZWE ZW,XKX XK';

/** Official long names (as in UN documents) and common short names not produced by ICU. */
const ALIASES: Record<string, string> = {
  'syrian arab republic': 'SY',
  'iran (islamic republic of)': 'IR',
  'iran islamic republic of': 'IR',
  iran: 'IR',
  'islamic republic of iran': 'IR',
  'russian federation': 'RU',
  russia: 'RU',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  'united states of america': 'US',
  usa: 'US',
  'democratic people\'s republic of korea': 'KP',
  'north korea': 'KP',
  'republic of korea': 'KR',
  'south korea': 'KR',
  'libyan arab jamahiriya': 'LY',
  'viet nam': 'VN',
  'lao people\'s democratic republic': 'LA',
  'united republic of tanzania': 'TZ',
  'republic of moldova': 'MD',
  'bolivia (plurinational state of)': 'BO',
  'venezuela (bolivarian republic of)': 'VE',
  'state of palestine': 'PS',
  palestine: 'PS',
  'occupied palestinian territory': 'PS',
  'democratic republic of the congo': 'CD',
  'congo, democratic republic of the': 'CD',
  'republic of the congo': 'CG',
  congo: 'CG',
  'cote d\'ivoire': 'CI',
  'ivory coast': 'CI',
  'the former yugoslav republic of macedonia': 'MK',
  'north macedonia': 'MK',
  turkiye: 'TR',
  'türkiye': 'TR',
  turkey: 'TR',
  'kingdom of saudi arabia': 'SA',
  uae: 'AE',
  'united arab emirates': 'AE',
  czechia: 'CZ',
  'czech republic': 'CZ',
  eswatini: 'SZ',
  swaziland: 'SZ',
  burma: 'MM',
  myanmar: 'MM',
  'cabo verde': 'CV',
  'holy see': 'VA',
  'micronesia (federated states of)': 'FM',
  'sudan (the)': 'SD',
  'gaza strip': 'PS',
  'west bank': 'PS',
};

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const byName = new Map<string, string>();
const alpha2 = new Set<string>();
const alpha3 = new Map<string, string>();
for (const pair of ALPHA3.split(',')) {
  const [a3, a2] = pair.split(' ') as [string, string];
  alpha3.set(a3, a2);
  alpha2.add(a2);
}
{
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  for (const code of alpha2) {
    const name = display.of(code);
    if (name && name !== code) {
      byName.set(fold(name), code);
      // "Bosnia & Herzegovina" → also "bosnia and herzegovina"
      if (name.includes('&')) byName.set(fold(name.replace('&', 'and')), code);
    }
  }
  for (const [name, code] of Object.entries(ALIASES)) byName.set(fold(name), code);
}

/** ISO alpha-2 code (upper case) for an alpha-2 / alpha-3 code or an English country name; undefined if unknown. */
export function toCountryCode(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  const up = v.toUpperCase();
  if (up.length === 2 && alpha2.has(up)) return up;
  if (up === 'UK') return 'GB';
  if (up.length === 3 && alpha3.has(up)) return alpha3.get(up);
  const f = fold(v);
  return byName.get(f) ?? byName.get(f.replace(/^the /, '')) ?? byName.get(f.replace(/\s*\(.*\)\s*$/, ''));
}

/** Splits a free-text nationality field (`Iraq; Syria`, `IQ,SY`) into alpha-2 codes (unknown values dropped). */
export function toCountryCodes(value: string | undefined | null): string[] {
  if (!value) return [];
  const whole = toCountryCode(value);
  if (whole) return [whole];
  const out = new Set<string>();
  for (const piece of value.split(/[;,/|]/)) {
    const c = toCountryCode(piece);
    if (c) out.add(c);
  }
  return [...out];
}
