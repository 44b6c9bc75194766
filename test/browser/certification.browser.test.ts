/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type SignedUp, type TestApp, createStaff } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * Certification claims end to end in chromium (#12 item 2): a supplier's owner claims 벤처기업 확인
 * from its organization page with a PDF (expiry before the issue date is refused next to the field
 * first); staff find it in 인증 확인 (count in the navigation), open it with its evidence and dates
 * and verify it; the chip then shows on the organization page, on /organizations/:id, and the
 * claim reads 확인됨 with its expiry date.
 */
const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const VENTURE = 'urn:aimatch:certification:venture-company';

describe('web client: certification claims', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let supplier: SignedUp;
  let supplierPage: Page;
  let staffPage: Page;
  const orgName = `인증칩 비전 ${Date.now() % 100_000}`;

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `.test-results/certification-${name}.png`, fullPage: true }).catch(() => undefined);
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never, nameKo: orgName });
    const supplierContext = await browser.newContext(DESKTOP_KO);
    contexts.push(supplierContext);
    supplierPage = await signInPage(supplierContext, t, supplier.email, supplier.password);
    const staffEmail = `cert-reviewer-${Date.now()}@aimatch.or.kr`;
    const { password, totpSecret } = await createStaff(t, { email: staffEmail });
    const staffContext = await browser.newContext(DESKTOP_KO);
    contexts.push(staffContext);
    staffPage = await signInPage(staffContext, t, staffEmail, password, { totpSecret });
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('the owner claims 벤처기업 확인 with a PDF from the organization page', async () => {
    const page = supplierPage;
    await page.goto(`${t.url}/organization`);
    const panel = page.getByTestId('certification-panel');
    await panel.waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('org-detail-cert-chips').count()).resolves.toBe(0);
    await panel.getByTestId('certification-open-form').click();
    await panel.getByTestId('certification-concept').selectOption(VENTURE);
    await panel.getByTestId('certification-number').fill('제20250115-01호');
    await panel.getByTestId('certification-issued').fill('2025-01-15');
    // An expiry date before the issue date: the server's reason next to the field, nothing stored.
    await panel.getByTestId('certification-expires').fill('2024-12-31');
    await panel
      .getByTestId('evidence-input')
      .setInputFiles([{ name: '벤처기업확인서.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF }]);
    const evidence = panel.getByTestId('evidence-item').filter({ hasText: '벤처기업확인서.pdf' });
    await evidence.getByTestId('evidence-done').waitFor({ timeout: 15_000 });
    await panel.getByTestId('certification-submit').click();
    await panel.getByTestId('field-error-expiresOn').waitFor({ timeout: 15_000 });
    await expect(panel.getByTestId('certification-claims').count()).resolves.toBe(0);

    await panel.getByTestId('certification-expires').fill('2028-06-30');
    await panel.getByTestId('certification-note').fill('중소벤처기업부 확인서를 첨부합니다.');
    await panel.getByTestId('certification-submit').click();
    await panel.getByTestId('certification-sent').waitFor({ timeout: 15_000 });
    const claim = panel.locator('[data-testid^="certification-claim-"][data-status="PENDING"]');
    await claim.waitFor({ timeout: 15_000 });
    await expect(claim.textContent()).resolves.toContain('벤처기업 확인');
    // Members see the evidence they sent.
    await expect(claim.getByTestId('certification-evidence-item').textContent()).resolves.toContain('벤처기업확인서.pdf');
    await shot(page, 'claimed');
  });

  it('staff find it in 인증 확인 and verify it', async () => {
    const page = staffPage;
    await page.goto(`${t.url}/`);
    await expect(page.getByTestId('nav-certification-count').textContent({ timeout: 15_000 })).resolves.toBe('1');
    await page.getByTestId('nav-certifications').click();
    const row = page.locator('[data-testid^="certification-row-"]', { hasText: orgName });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('[data-testid^="certification-open-"]').click();
    await page.getByTestId('certification-review').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('certification-review-concept').textContent()).resolves.toContain('벤처기업 확인');
    await expect(page.getByTestId('certification-review-expires').textContent()).resolves.toBe('2028-06-30');
    const href = await page.getByTestId('certification-review-evidence-link').getAttribute('href');
    const download = await page.request.get(`${t.url}${href}`);
    expect(download.status()).toBe(200);
    expect(Buffer.compare(await download.body(), EVIDENCE_PDF)).toBe(0);
    await shot(page, 'review');

    await page.getByTestId('certification-decision-VERIFIED').check();
    await page.getByTestId('certification-decide-submit').click();
    await page.getByTestId('certification-decided').waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="certification-review"]')?.getAttribute('data-claim-status') === 'VERIFIED',
      undefined,
      { timeout: 15_000 },
    );
    await page.getByTestId('certification-next').click();
    await page.getByTestId('certification-no-next').waitFor({ timeout: 10_000 });
  });

  it('the chip shows on the organization page and on its public profile', async () => {
    const page = supplierPage;
    await page.goto(`${t.url}/organization`);
    const chip = page.getByTestId('org-detail-cert-chips').getByTestId('cert-chip');
    await chip.waitFor({ timeout: 15_000 });
    await expect(chip.getAttribute('data-concept')).resolves.toBe(VENTURE);
    await expect(chip.textContent()).resolves.toContain('벤처기업 확인');
    const claim = page.locator('[data-testid^="certification-claim-"][data-status="VERIFIED"]');
    await expect(claim.getByTestId('certification-claim-status').textContent({ timeout: 15_000 })).resolves.toBe('확인됨');
    await expect(claim.textContent()).resolves.toContain('2028-06-30');
    await page.getByTestId('notification-bell-button').click();
    const told = page.locator('[data-testid="notification-list"] li[data-type="CERTIFICATION_DECIDED"]').first();
    await expect(told.textContent({ timeout: 15_000 })).resolves.toContain('벤처기업 확인');
    await page.getByTestId('notification-bell-button').click();
    await shot(page, 'chip');

    await staffPage.goto(`${t.url}/organizations/${supplier.organizationId}`);
    const profileChip = staffPage.getByTestId('org-profile-cert-chips').getByTestId('cert-chip');
    await expect(profileChip.textContent({ timeout: 15_000 })).resolves.toContain('벤처기업 확인');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${t.url}/organization`);
    await page.getByTestId('certification-panel').waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'organization-375');
  });
});
