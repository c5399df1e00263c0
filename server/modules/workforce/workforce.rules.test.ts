import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleCode, checkBadge, decodeCode, encodePayload, holderInitials, type BadgePayload } from '../../../common/badge-code.ts';
import { shapeArabic } from './arabic-text.ts';
import { decryptPrivateKey, encryptPrivateKey, kidOf, rawPublicKey, signBytes, verifyBytes } from './badge-keys.ts';
import { accreditationBlocker, applicantStage, decide, moveAccreditation, neutralVetting, submissionProblems, takeVisaStep, validityProblem } from './workforce.rules.ts';

describe('work-visa steps', () => {
  const ctx = { vetting: 'cleared' as const, engagementEndsOn: '2022-12-31' };
  it('go in order and end issued with a number and a validity covering the engagement', () => {
    let c = { status: 'open' as const, currentStep: 'sponsorship' as const } as { status: 'open' | 'issued' | 'refused'; currentStep: any };
    for (const step of ['sponsorship', 'documents', 'security', 'medical'] as const) {
      const r = takeVisaStep(c, step, 'done', ctx);
      expect(r.ok).toBe(true);
      if (r.ok) c = { status: r.status, currentStep: r.currentStep };
    }
    expect(c.currentStep).toBe('issuance');
    expect(takeVisaStep(c, 'issuance', 'done', ctx)).toMatchObject({ ok: false });
    expect(takeVisaStep(c, 'issuance', 'done', { ...ctx, visaNumber: 'V1', validFrom: '2022-11-01', validTo: '2022-12-01' })).toMatchObject({ ok: false });
    expect(takeVisaStep(c, 'issuance', 'done', { ...ctx, visaNumber: 'V1', validFrom: '2022-11-01', validTo: '2023-01-31' })).toMatchObject({ ok: true, status: 'issued', currentStep: null });
  });
  it('refuse a step taken out of order, and security clearance before vetting clears', () => {
    expect(takeVisaStep({ status: 'open', currentStep: 'sponsorship' }, 'medical', 'done', ctx)).toMatchObject({ ok: false });
    expect(takeVisaStep({ status: 'open', currentStep: 'security' }, 'security', 'done', { ...ctx, vetting: 'hit_under_review' })).toMatchObject({ ok: false });
    expect(takeVisaStep({ status: 'open', currentStep: 'security' }, 'security', 'refused', { ...ctx, vetting: 'refused' })).toMatchObject({ ok: true, status: 'refused' });
    expect(takeVisaStep({ status: 'issued', currentStep: null }, 'issuance', 'done', ctx)).toMatchObject({ ok: false });
  });
  it('give each next step a due date', () => {
    expect(takeVisaStep({ status: 'open', currentStep: 'documents' }, 'documents', 'done', ctx)).toMatchObject({ ok: true, currentStep: 'security', dueInDays: 10 });
  });
});

describe('what applicants and employers are told', () => {
  it('a vetting refusal and an employer decline look the same to the applicant', () => {
    expect(applicantStage('submitted', 'refused', null)).toBe('not_selected');
    expect(applicantStage('declined', 'cleared', null)).toBe('not_selected');
    expect(applicantStage('submitted', 'hit_under_review', null)).toBe('under_review');
    expect(applicantStage('accepted', 'cleared', 'issued')).toBe('accredited');
  });
  it('employers never see a hit under review', () => {
    expect(neutralVetting('hit_under_review')).toBe('in_progress');
    expect(neutralVetting('refused')).toBe('not_cleared');
  });
  it('accepting waits for vetting; decisions apply to open applications only', () => {
    expect(decide('submitted', 'accept', 'pending')).toEqual({ ok: false, why: 'vetting' });
    expect(decide('shortlisted', 'accept', 'cleared')).toEqual({ ok: true, status: 'accepted' });
    expect(decide('declined', 'shortlist', 'cleared')).toEqual({ ok: false, why: 'state' });
  });
  it('a submission lists every missing field, adults only, passport valid past the engagement', () => {
    const p = submissionProblems({ givenNames: 'A', familyName: null, birthDate: '2010-01-01', gender: 'male', nationality: 'MA', passportNumber: 'X', passportExpiry: '2022-12-01', phone: '+1', languages: [], consent: false, hasPhoto: false, hasPassportScan: true }, '2022-10-01', '2022-12-31');
    expect(p.map((x) => x.path).sort()).toEqual(['birthDate', 'consent', 'familyName', 'languages', 'passportExpiry', 'photo']);
  });
});

describe('accreditation rules', () => {
  const ok = { status: 'accepted' as const, vetting: 'cleared' as const, needsVisa: true, visa: { status: 'issued' as const, validFrom: '2022-10-01', validTo: '2023-01-31' }, hasAccreditation: false };
  it('need acceptance, clearance and a visa where one is needed', () => {
    expect(accreditationBlocker(ok)).toBeNull();
    expect(accreditationBlocker({ ...ok, vetting: 'hit_under_review' })).toMatch(/vetting/);
    expect(accreditationBlocker({ ...ok, visa: { ...ok.visa, status: 'open' } })).toMatch(/visa/);
    expect(accreditationBlocker({ ...ok, needsVisa: false, visa: null })).toBeNull();
    expect(accreditationBlocker({ ...ok, hasAccreditation: true })).toMatch(/already/);
  });
  it('keep the validity inside the visa', () => {
    expect(validityProblem('2022-11-01', '2022-12-31', ok.visa)).toBeNull();
    expect(validityProblem('2022-11-01', '2023-03-01', ok.visa)).toMatch(/after the visa/);
  });
  it('suspend, reinstate and revoke only from the right states', () => {
    expect(moveAccreditation('issued', 'suspend')).toBe('suspended');
    expect(moveAccreditation('suspended', 'reinstate')).toBe('issued');
    expect(moveAccreditation('revoked', 'reinstate')).toBeNull();
    expect(moveAccreditation('revoked', 'revoke')).toBeNull();
  });
});

describe('badge codes', () => {
  const key = () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    return { raw, privateKey, kid: kidOf(raw) };
  };
  const payload = (kid: string): BadgePayload => ({ kid, accreditationId: '3f0c2a8e-1d2b-4c5d-8e9f-0a1b2c3d4e5f', number: 100042, validFrom: '2022-11-01', validTo: '2022-12-31', zones: [1, 3, 32], venueCodes: ['a1b2c3d4', '0badf00d'], initials: holderInitials('Youssef Amine', 'Ben-Ali') });
  const sign = (k: ReturnType<typeof key>, p = payload(k.kid)) => {
    const bytes = encodePayload(p);
    return assembleCode(bytes, signBytes(k.privateKey, bytes));
  };

  it('round-trip every field and stay small enough for a QR code', () => {
    const k = key();
    const code = sign(k);
    expect(code.length).toBeLessThan(200);
    const d = decodeCode(code)!;
    expect(d.payload).toEqual({ ...payload(k.kid), initials: 'YABA' });
    expect(verifyBytes(k.raw, d.signed, d.signature)).toBe(true);
    expect(checkBadge(d.payload, true, new Map(), '2022-11-20')).toBe('valid');
  });
  it('refuse a tampered code (one zone added)', () => {
    const k = key();
    const d = decodeCode(sign(k))!;
    const forged = encodePayload({ ...d.payload, zones: [...d.payload.zones, 5] });
    const tampered = assembleCode(forged, d.signature);
    const t = decodeCode(tampered)!;
    expect(verifyBytes(k.raw, t.signed, t.signature)).toBe(false);
    expect(checkBadge(t.payload, false, new Map(), '2022-11-20')).toBe('bad_signature');
  });
  it('refuse expired, not yet valid, revoked and suspended badges, and malformed codes', () => {
    const p = payload('00');
    expect(checkBadge(p, true, new Map(), '2023-01-01')).toBe('expired');
    expect(checkBadge(p, true, new Map(), '2022-10-31')).toBe('not_yet_valid');
    expect(checkBadge(p, true, new Map([[p.accreditationId, 'revoked']]), '2022-11-20')).toBe('revoked');
    expect(checkBadge(p, true, new Map([[p.accreditationId, 'suspended']]), '2022-11-20')).toBe('suspended');
    expect(decodeCode('hello')).toBeNull();
    expect(decodeCode('TQ1.AAAA')).toBeNull();
  });
  it('verify with the key named in the code: a rotated key still verifies, another key does not', () => {
    const old = key();
    const current = key();
    const d = decodeCode(sign(old))!;
    expect(d.payload.kid).toBe(old.kid);
    expect(verifyBytes(old.raw, d.signed, d.signature)).toBe(true);
    expect(verifyBytes(current.raw, d.signed, d.signature)).toBe(false);
  });
  it('keep private keys encrypted at rest; a wrong secret cannot open them', () => {
    const k = key();
    const der = k.privateKey.export({ format: 'der', type: 'pkcs8' });
    const sealed = encryptPrivateKey(der, 'a'.repeat(32));
    expect(sealed).not.toContain(der.toString('base64url').slice(0, 20));
    expect(decryptPrivateKey(sealed, 'a'.repeat(32))?.equals(der)).toBe(true);
    expect(decryptPrivateKey(sealed, 'b'.repeat(32))).toBeNull();
  });
});

describe('Arabic shaping for the PDF badge', () => {
  it('uses initial, medial, final and isolated forms and lam-alef, in visual order', () => {
    // يوسف: yeh initial, waw final (waw does not join forward), seen initial, feh final.
    expect(shapeArabic('يوسف')).toEqual([0xfed2, 0xfeb3, 0xfeee, 0xfef3]);
    expect(shapeArabic('لا')).toEqual([0xfefb]);
  });
});
