/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type TestApp, createStaff } from '@aimatch/api-testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { JobScheduler } from '../../apps/api/src/common/scheduling/job-scheduler.service';
import { TRUST_SCAN_JOB } from '../../apps/api/src/modules/trust/trust.service';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * Trust & safety in chromium: an organization copies a verified one's name; after the scan staff
 * find it under 이상 징후 (count in the navigation), open its case (the look-alike signal links the
 * verified organization) and suspend it with a reason; the trail shows the suspension. At 375 px
 * the case page does not scroll sideways.
 */
describe('web client: trust & safety cases', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let staffPage: Page;
  let copyId: string;
  const stamp = Date.now() % 100_000;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    const original = await signUpOrganization(t, { nameKo: `(주)가온비전랩스${stamp}` });
    await t.app.get(DataSource).query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [original.organizationId]);
    copyId = (await signUpOrganization(t, { nameKo: `가온비젼랩스${stamp} 주식회사` })).organizationId;
    await t.app.get(JobScheduler).runNow(TRUST_SCAN_JOB);
    const email = `trust-staff-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email });
    context = await browser.newContext(DESKTOP_KO);
    staffPage = await signInPage(context, t, email, password, { totpSecret });
  }, 120_000);
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('staff open the case of a look-alike organization and suspend it with a reason', async () => {
    const page = staffPage;
    await expect(page.getByTestId('nav-trust-count').textContent()).resolves.toMatch(/\d+/);
    await page.getByTestId('nav-trust').click();
    const row = page.getByTestId('trust-case-row').filter({ hasText: `가온비젼랩스${stamp}` });
    await row.getByRole('link').click();
    await page.waitForURL(`**/staff/trust/${copyId}`);
    const signal = page.locator('[data-testid="trust-signal"][data-kind="LOOKALIKE_NAME"]');
    await expect(signal.getByTestId('trust-related-link').textContent()).resolves.toContain(`가온비전랩스${stamp}`);

    await page.getByTestId('trust-suspend').click();
    await page.getByTestId('trust-alert').waitFor();
    await page.getByTestId('trust-reason').fill('인증 기관 상호 사칭');
    await page.getByTestId('trust-suspend').click();
    await page.getByTestId('trust-notice').waitFor();
    await page.locator('[data-testid="trust-trail-entry"][data-action="organization.suspended"]').waitFor();
    await expect(page.locator('[data-testid="trust-signal"][data-status="OPEN"]').count()).resolves.toBe(0);
    const [org] = await t.app.get(DataSource).query(`SELECT verification_status FROM organizations WHERE id = $1`, [copyId]);
    expect(org.verification_status).toBe('SUSPENDED');

    await page.setViewportSize({ width: 375, height: 800 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(wide).toBe(false);
  });
});
