import { describe, expect, it } from '@jest/globals';
import { exactSimilarity as textSimilarity } from '@aimatch/marketplace';
import {
  emailDomain,
  namesLookAlike,
  normaliseOrganizationName,
  normalisePhone,
  normaliseWebsite,
  sharedContacts,
  userReports,
} from '../trust-detectors';

describe('trust detectors (pure)', () => {
  it('normalises contacts: phones to digits (+82 → 0), websites to the bare host, public mail domains ignored', () => {
    expect(normalisePhone('+82 10-1234-5678')).toBe('01012345678');
    expect(normalisePhone('010.1234.5678')).toBe('01012345678');
    expect(normalisePhone('123')).toBeNull();
    expect(normaliseWebsite('https://WWW.Acme.co.kr/about/')).toBe('acme.co.kr');
    expect(normaliseWebsite('acme.co.kr')).toBe('acme.co.kr');
    expect(emailDomain('Kim@Acme.CO.KR')).toBe('acme.co.kr');
    expect(emailDomain('someone@naver.com')).toBeNull();
    expect(emailDomain('someone@gmail.com')).toBeNull();
  });

  it('normalises legal forms, width, spaces and case in names; look-alikes within the documented distance', () => {
    expect(normaliseOrganizationName('(주) 한빛 에이아이')).toBe(normaliseOrganizationName('한빛에이아이 주식회사'));
    expect(normaliseOrganizationName('㈜한빛에이아이')).toBe('한빛에이아이');
    expect(normaliseOrganizationName('Ｈａｎｂｉｔ AI Co., Ltd.')).toBe('hanbitai');
    expect(namesLookAlike('한빛에이아이랩', '한빛에이아이렙')).toEqual({ alike: true, distance: 1 });
    expect(namesLookAlike('한빛랩', '한빛컴')).toMatchObject({ alike: false });
    expect(namesLookAlike('hanbitailabs', 'hanbitallabz')).toEqual({ alike: true, distance: 2 });
    expect(namesLookAlike('누리데이터', '가나다라마')).toMatchObject({ alike: false });
  });

  it('one SHARED_CONTACT signal per organization and shared value, none for a value held by one organization', () => {
    const org = (id: string, email: string) => ({
      id,
      nameKo: id,
      nameEn: null,
      website: null,
      verified: false,
      createdAt: new Date(),
      createdByUserId: null,
      createdFromIp: null,
      members: [{ userId: `u-${id}`, email, signupIp: null, signedUpAt: new Date() }],
    });
    const signals = sharedContacts(
      [org('a', 'x@a-corp.kr'), org('b', 'y@b-corp.kr')],
      [
        { organizationId: 'a', contactEmail: null, contactPhone: '02-555-0101' },
        { organizationId: 'b', contactEmail: 'z@gmail.com', contactPhone: '0255 50101' },
        { organizationId: 'a', contactEmail: null, contactPhone: '02-555-0101' },
      ],
    );
    expect(signals.map((s) => [s.organizationId, s.relatedOrganizationIds, s.evidence.value])).toEqual([
      ['a', ['b'], '025550101'],
      ['b', ['a'], '025550101'],
    ]);
  });

  it('USER_REPORTS adds chat and review reports and opens at the threshold', () => {
    expect(
      userReports(
        [
          { organizationId: 'a', source: 'chat', reports: 2 },
          { organizationId: 'a', source: 'reviews', reports: 1 },
          { organizationId: 'b', source: 'chat', reports: 2 },
        ],
        3,
      ).map((s) => s.organizationId),
    ).toEqual(['a']);
  });

  it('textSimilarity: 1 for a re-spaced copy, low for unrelated texts', () => {
    const text = '딥러닝 기반 불량 검출 모델을 구축하고 MES와 연동합니다.';
    expect(textSimilarity(text, text.replace(/ /g, '  '))).toBe(1);
    expect(textSimilarity(text, '물류 창고의 재고 예측을 위한 시계열 분석 서비스입니다.')).toBeLessThan(0.2);
  });
});
