/**
 * A checker of CAP 1.2 messages written from the OASIS CAP 1.2 specification (sections 3.2.1–3.2.4):
 * required elements, enumerated values, the dateTime format and the form of `references`. Used by the
 * tests of the CAP builder and of published alerts.
 */
import { XMLParser } from 'fast-xml-parser';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const ENUMS = {
  status: ['Actual', 'Exercise', 'System', 'Test', 'Draft'],
  msgType: ['Alert', 'Update', 'Cancel', 'Ack', 'Error'],
  scope: ['Public', 'Restricted', 'Private'],
  category: ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'],
  responseType: ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'],
  urgency: ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'],
  severity: ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'],
  certainty: ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'],
} as const;
const ALERT_ORDER = ['identifier', 'sender', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code', 'note', 'references', 'incidents', 'info'];
const INFO_ORDER = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area'];

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const noReserved = (s: string) => !/[\s,<&]/.test(s);

/** Every problem found in a CAP 1.2 message (empty when it conforms). */
export function validateCap(xml: string): string[] {
  const problems: string[] = [];
  const ordered = new XMLParser({ ignoreAttributes: false, preserveOrder: true, parseTagValue: false }).parse(xml) as Record<string, unknown>[];
  // biome-ignore lint/suspicious/noExplicitAny: a parsed XML document is untyped by nature
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true }).parse(xml) as Record<string, any>;
  const alert = doc.alert;
  if (!alert) return ['root element must be <alert>'];
  if (alert['@_xmlns'] !== 'urn:oasis:names:tc:emergency:cap:1.2') problems.push('alert namespace must be urn:oasis:names:tc:emergency:cap:1.2');
  for (const name of ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope']) if (typeof alert[name] !== 'string' || alert[name] === '') problems.push(`alert.${name} is required`);
  if (typeof alert.identifier === 'string' && !noReserved(alert.identifier)) problems.push('identifier must not contain spaces, commas, < or &');
  if (typeof alert.sender === 'string' && !noReserved(alert.sender)) problems.push('sender must not contain spaces, commas, < or &');
  if (typeof alert.sent === 'string' && !DATE_TIME.test(alert.sent)) problems.push(`sent "${alert.sent}" is not a CAP dateTime (YYYY-MM-DDThh:mm:ss±hh:mm)`);
  for (const key of ['status', 'msgType', 'scope'] as const) if (alert[key] !== undefined && !(ENUMS[key] as readonly string[]).includes(alert[key])) problems.push(`${key} "${alert[key]}" is not allowed`);
  if (alert.scope === 'Restricted' && !alert.restriction) problems.push('restriction is required when scope is Restricted');
  if (alert.scope === 'Private' && !alert.addresses) problems.push('addresses is required when scope is Private');
  if (alert.references !== undefined) {
    for (const ref of String(alert.references).split(' ')) {
      const parts = ref.split(',');
      if (parts.length !== 3 || !parts[0] || !parts[1] || !DATE_TIME.test(parts[2] ?? '')) problems.push(`reference "${ref}" is not sender,identifier,sent`);
    }
  }
  if ((alert.msgType === 'Update' || alert.msgType === 'Cancel') && alert.references === undefined) problems.push('an Update or Cancel should reference the earlier message');
  const rootChildren = ((ordered.find((n) => 'alert' in n)?.alert as Record<string, unknown>[]) ?? []).map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text');
  checkOrder(rootChildren, ALERT_ORDER, 'alert', problems);
  const infos = asArray(alert.info);
  const infoNodes = ((ordered.find((n) => 'alert' in n)?.alert as Record<string, unknown>[]) ?? []).filter((n) => 'info' in n);
  // biome-ignore lint/suspicious/noExplicitAny: a parsed XML element is untyped by nature
  infos.forEach((info: Record<string, any>, i: number) => {
    for (const name of ['category', 'event', 'urgency', 'severity', 'certainty']) if (info[name] === undefined || info[name] === '') problems.push(`info[${i}].${name} is required`);
    for (const c of asArray(info.category)) if (!(ENUMS.category as readonly string[]).includes(c)) problems.push(`info[${i}].category "${c}" is not allowed`);
    for (const r of asArray(info.responseType)) if (!(ENUMS.responseType as readonly string[]).includes(r)) problems.push(`info[${i}].responseType "${r}" is not allowed`);
    for (const key of ['urgency', 'severity', 'certainty'] as const) if (info[key] !== undefined && !(ENUMS[key] as readonly string[]).includes(info[key])) problems.push(`info[${i}].${key} "${info[key]}" is not allowed`);
    for (const key of ['effective', 'onset', 'expires']) if (info[key] !== undefined && !DATE_TIME.test(info[key])) problems.push(`info[${i}].${key} is not a CAP dateTime`);
    for (const [j, area] of asArray(info.area).entries()) {
      if (typeof (area as Record<string, unknown>).areaDesc !== 'string' || (area as Record<string, unknown>).areaDesc === '') problems.push(`info[${i}].area[${j}].areaDesc is required`);
      for (const c of asArray((area as Record<string, unknown>).circle as string | string[])) if (!/^-?\d+(\.\d+)?,-?\d+(\.\d+)? \d+(\.\d+)?$/.test(String(c))) problems.push(`circle "${c}" is not "lat,lon radius"`);
    }
    const children = ((infoNodes[i]?.info as Record<string, unknown>[]) ?? []).map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text');
    checkOrder(children, INFO_ORDER, `info[${i}]`, problems);
  });
  return problems;
}

function checkOrder(children: string[], order: string[], where: string, problems: string[]): void {
  let last = -1;
  for (const c of children) {
    const at = order.indexOf(c);
    if (at === -1) problems.push(`${where}: unknown element <${c}>`);
    else if (at < last) problems.push(`${where}: <${c}> is out of the schema's order`);
    else last = at;
  }
}
