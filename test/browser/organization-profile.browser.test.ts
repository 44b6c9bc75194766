/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, DESKTOP_KO, launchChromium, signInPage } from './browser';

const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const S001_TITLE = '금속 가공·자동차 부품 라인 인라인 비전 검사';
const SME = 'sme@demo.aimatch.kr';
const SUPPLIER = 'supplier@demo.aimatch.kr';

/**
 * Organization profiles (#14 items 2 and 3) in chromium with two contexts on the demo marketplace:
 * the supplier adds a case study on its organization page and opens its own profile; the SME opens
 * the supplier's profile from a match card and a supply listing, reads the facts, the verified certification, the
 * case study and the per-criterion averages, asks (문의하기) and invites it to bid (입찰 초대) from
 * the profile; the supplier is notified. At 375 px the profile does not scroll sideways.
 */
describe('web client: organization profile', () => {
  let t: TestApp;
  let browser: Browser;
  let smeContext: BrowserContext;
  let supplierContext: BrowserContext;
  let sme: Page;
  let supplier: Page;
  let supplyId: string;
  let demandId: string;
  let supplierOrg: string;

  const shot = (page: Page, name: string) => page.screenshot({ path: `.test-results/org-profile-${name}.png`, fullPage: true });

  async function myListing(email: string, title: string): Promise<{ id: string; organizationId: string }> {
    const token = await accessTokenOf(t, email, DEMO_PASSWORD);
    const mine = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string; organization: { id: string } } }> } }>(
      '{ myListings(first: 100) { edges { node { id title organization { id } } } } }',
      {},
      { token },
    );
    const node = mine.data!.myListings.edges.map((e) => e.node).find((n) => n.title === title)!;
    return { id: node.id, organizationId: node.organization.id };
  }

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    mkdirSync('.test-results', { recursive: true });
    const supply = await myListing(SUPPLIER, S001_TITLE);
    const demand = await myListing(SME, D001_TITLE);
    supplyId = supply.id;
    supplierOrg = supply.organizationId;
    demandId = demand.id;
    const ds = t.app.get(DataSource);
    // A certification the association verified, one still pending (not shown), and a public review of the supplier with four criteria.
    await ds.query(
      `INSERT INTO certification_claims (organization_id, concept_id, issued_on, expires_on, status, decided_at)
       VALUES ($1, 'urn:aimatch:certification:venture-company', '2024-01-01', '2099-12-31', 'VERIFIED', now()),
              ($1, 'urn:aimatch:certification:innobiz', '2024-01-01', '2099-12-31', 'PENDING', NULL)`,
      [supplierOrg],
    );
    await ds.query(
      `INSERT INTO reviews (demand_id, side, author_organization_id, subject_organization_id, ratings, rating, body, submitted_at, revealed_at)
       VALUES ($1, 'CLIENT', $2, $3, '{"QUALITY":5,"COMMUNICATION":4,"SCHEDULE":3,"EXPERTISE":5}', 4.25, '검사 정확도가 높았습니다.', now(), now())`,
      [demandId, demand.organizationId, supplierOrg],
    );
    browser = await launchChromium();
    smeContext = await browser.newContext(DESKTOP_KO);
    supplierContext = await browser.newContext(DESKTOP_KO);
    [sme, supplier] = await Promise.all([
      signInPage(smeContext, t, SME, DEMO_PASSWORD),
      signInPage(supplierContext, t, SUPPLIER, DEMO_PASSWORD),
    ]);
  }, 180_000);
  afterAll(async () => {
    await smeContext?.close();
    await supplierContext?.close();
    await browser?.close();
    await t?.close();
  });

  it('the supplier adds a case study on its organization page and sees it on its own profile', async () => {
    await supplier.goto(`${t.url}/organization`);
    const editor = supplier.getByTestId('case-studies-editor');
    await editor.getByTestId('case-study-add').click();
    await supplier.getByTestId('case-study-title').fill('식품 포장 라인 이물 검출');
    await supplier.getByTestId('case-study-client').fill('식품 제조 중소기업');
    await supplier.getByTestId('case-study-industry').selectOption('urn:aimatch:industry:food-manufacturing');
    // A year before the founding year is refused next to the field, in words.
    await supplier.getByTestId('case-study-year').fill('1990');
    await supplier.getByTestId('case-study-summary').fill('포장 라인 카메라 4대로 이물을 검출해 불량 유출을 80% 줄였습니다.');
    await supplier.getByTestId('case-study-save').click();
    await expect(supplier.getByTestId('field-error-year').textContent({ timeout: 10_000 })).resolves.toMatch(/이상이어야 합니다/);
    await supplier.getByTestId('case-study-year').fill('2024');
    await supplier.getByTestId('case-study-save').click();
    await editor.locator('[data-testid^="case-study-row-"]').first().waitFor({ timeout: 10_000 });
    await expect(editor.textContent()).resolves.toContain('식품 포장 라인 이물 검출');

    await supplier.getByTestId('org-view-profile').click();
    await supplier.waitForURL(new RegExp(`/organizations/${supplierOrg}$`), { timeout: 10_000 });
    await supplier.getByTestId('org-profile-manage').waitFor({ timeout: 10_000 });
    // Its own members get no 문의하기 / 입찰 초대.
    await expect(supplier.getByTestId('org-profile-inquire').count()).resolves.toBe(0);
  });

  it('the SME opens the profile from a match card and from a listing: facts, certifications, case study, per-criterion averages', async () => {
    // The supplier's name on the match card of the SME's demand is the way in …
    await sme.goto(`${t.url}/listings/${demandId}`);
    await sme.getByTestId(`match-card-org-${supplyId}`).click({ timeout: 20_000 });
    await sme.waitForURL(new RegExp(`/organizations/${supplierOrg}$`), { timeout: 10_000 });
    // … and so is the name on the supplier's listing.
    await sme.goto(`${t.url}/listings/${supplyId}`);
    await sme.getByTestId('listing-org-link').click();
    await sme.waitForURL(new RegExp(`/organizations/${supplierOrg}$`), { timeout: 10_000 });
    await sme.getByTestId('org-profile-name').waitFor({ timeout: 10_000 });
    await expect(sme.getByTestId('org-profile-founded').textContent()).resolves.toMatch(/\d{4}년/);
    await expect(sme.getByTestId('org-profile-size').textContent()).resolves.not.toBe('미입력');
    const chips = sme.getByTestId('org-profile-cert-chips').getByTestId('cert-chip');
    await expect(chips.count()).resolves.toBe(1);
    await expect(chips.textContent()).resolves.toContain('벤처기업');
    const caseStudy = sme.getByTestId('org-case-studies').locator('[data-testid^="case-study-"]').first();
    await expect(caseStudy.textContent({ timeout: 10_000 })).resolves.toContain('식품 포장 라인 이물 검출');
    await expect(caseStudy.textContent()).resolves.toContain('식품 제조 중소기업');
    await expect(caseStudy.textContent()).resolves.toContain('2024년');
    await expect(sme.getByTestId('org-criterion-SCHEDULE').getAttribute('data-mean', { timeout: 10_000 })).resolves.toBe('3');
    await expect(sme.getByTestId('org-criterion-QUALITY').textContent()).resolves.toContain('5.0');
    await expect(sme.getByTestId('org-profile-listings').textContent()).resolves.toContain(S001_TITLE);
    const website = sme.getByTestId('org-profile-website').locator('a');
    if (await website.count()) await expect(website.getAttribute('rel')).resolves.toContain('noopener');
    await shot(sme, 'sme-1366');
  });

  it('the SME invites the supplier to bid and asks it from the profile; the supplier is notified', async () => {
    await sme.goto(`${t.url}/organizations/${supplierOrg}`);
    await sme.getByTestId('org-profile-contact').waitFor({ timeout: 15_000 });
    if (await sme.getByTestId('org-profile-about').count()) await sme.getByTestId('org-profile-about').selectOption(supplyId);
    await sme.getByTestId('listing-invite-to-bid').waitFor({ timeout: 15_000 });
    if (await sme.getByTestId('listing-invite-demand').count()) await sme.getByTestId('listing-invite-demand').selectOption(demandId);
    await sme.getByTestId(`match-invite-${supplyId}`).click();
    await expect(sme.getByTestId(`match-invite-answer-${supplyId}`).textContent({ timeout: 10_000 })).resolves.toContain('초대했습니다');

    await sme.getByTestId('org-profile-inquire').click();
    await sme.waitForURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await sme.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
    await expect(sme.locator('.chat-thread__context').textContent()).resolves.toContain('공급 문의');
    // The thread header names the supplier as a link to its profile.
    await expect(sme.getByTestId('chat-party-link').first().getAttribute('href')).resolves.toBe(`/organizations/${supplierOrg}`);

    await settleOutbox(t);
    await supplier.goto(`${t.url}/`);
    await supplier.getByTestId('notification-bell-button').click();
    const told = supplier.locator('[data-testid="notification-list"] li[data-type="BID_INVITATION"]').first();
    await expect(told.textContent({ timeout: 15_000 })).resolves.toContain(D001_TITLE.slice(0, 10));
  });

  it('fits a 375 px screen without sideways scrolling', async () => {
    await sme.setViewportSize({ width: 375, height: 812 });
    try {
      await sme.goto(`${t.url}/organizations/${supplierOrg}`);
      await sme.getByTestId('org-profile-contact').waitFor({ timeout: 15_000 });
      await sme.getByTestId('org-reviews').waitFor();
      await sme.waitForFunction(() => document.querySelector('[data-testid="org-reviews"]')?.getAttribute('data-state') === 'done');
      const width = await sme.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      await shot(sme, 'sme-375');
    } finally {
      await sme.setViewportSize(DESKTOP_KO.viewport);
    }
  });
});
