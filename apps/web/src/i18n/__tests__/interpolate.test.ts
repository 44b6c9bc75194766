import { describe, expect, it } from '@jest/globals';
import { translate } from '../index';

describe('message parameters', () => {
  it('groups counts and amounts as the reader writes them', () => {
    expect(translate('ko', 'profile.caseStudies.count', { count: 1200, max: 3000 })).toBe('1,200/3,000건');
  });

  it('leaves years alone: 2019년, not 2,019년', () => {
    expect(translate('ko', 'profile.foundedYear', { year: 2019 })).toBe('2019년');
    expect(translate('en', 'profile.year', { year: 2024 })).not.toContain(',');
  });
});
