import type { CapabilityModelRule, ListingIssue } from '../validate';

export function aasIssue(path: string, rule: CapabilityModelRule, params?: Record<string, string | number>): ListingIssue {
  return params ? { path, rule, params, severity: 'error' } : { path, rule, severity: 'error' };
}

export function aasWarning(path: string, rule: CapabilityModelRule, params?: Record<string, string | number>): ListingIssue {
  return params ? { path, rule, params, severity: 'warning' } : { path, rule, severity: 'warning' };
}
