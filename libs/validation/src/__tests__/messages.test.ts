import { describe, expect, it } from '@jest/globals';
import { localizeViolation } from '../messages';

describe('validation messages (#14 item 7)', () => {
  it('groups the numbers they name, in Korean and English', () => {
    expect(localizeViolation({ path: 'description', rule: 'max-length', params: { max: 10000 } }, 'ko')).toBe(
      '10,000자 이하로 입력하세요.',
    );
    expect(localizeViolation({ path: 'description', rule: 'max-length', params: { max: 10000 } }, 'en')).toBe(
      'Must be at most 10,000 characters.',
    );
    expect(localizeViolation({ path: 'milestones', rule: 'sum-mismatch', params: { sum: 30000000, total: 50000000 } }, 'ko')).toBe(
      '마일스톤 금액의 합(30,000,000원)이 총액(50,000,000원)과 같아야 합니다.',
    );
    expect(localizeViolation({ path: 'amountKrw', rule: 'min-value', params: { min: 1000000 } }, 'en')).toBe('Must be at least 1,000,000.');
  });

  it('leaves years as years', () => {
    expect(localizeViolation({ path: 'organization.foundedYear', rule: 'min-value', params: { min: 1900 } }, 'ko')).toBe(
      '1900 이상이어야 합니다.',
    );
  });

  it('names formats and fields in the message language, not by their English keys', () => {
    const phone = localizeViolation({ path: 'ContactInformation.phone', rule: 'format', params: { format: 'phone' } }, 'ko');
    expect(phone).toBe('형식이 올바르지 않습니다(전화번호, 예: 02-1234-5678).');
    expect(phone).not.toMatch(/[A-Za-z]/);
    expect(localizeViolation({ path: 'expiresOn', rule: 'not-before', params: { field: 'issuedOn' } }, 'ko')).toBe(
      '발급일 이후의 날짜여야 합니다.',
    );
    expect(localizeViolation({ path: 'organization', rule: 'one-of', params: { fields: 'organization, invitationToken' } }, 'ko')).toBe(
      '새 기관 정보, 초대 중 정확히 하나를 입력하세요.',
    );
  });
});
