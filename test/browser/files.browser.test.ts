/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, settleOutbox, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { samples } from '../../apps/api/src/modules/files/__tests__/sample-files';
import { DEMO_PASSWORD, DemoSeeder } from '../../apps/api/src/seed/demo.seeder';
import { accessTokenOf, DESKTOP_KO, launchChromium, signInPage, submitBid } from './browser';

const D001_TITLE = '프레스 가공 자동차 브래킷 찍힘·스크래치 자동 검사';
const SME = 'sme@demo.aimatch.kr';
const SUPPLIER = 'supplier@demo.aimatch.kr';

/** What a signed link answers in the page's own session: status and the headers a preview depends on. */
async function fetchHead(page: Page, href: string): Promise<{ status: number; type: string | null; disposition: string | null }> {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') };
  }, href);
}

/**
 * #14 (4) in chromium with two contexts on the demo marketplace: the SME attaches an RFP and a
 * sample image to its demand and the supplier previews them; the supplier asks a question in
 * chat with a PDF and the SME opens it; the supplier bids with a proposal file and the SME
 * downloads it under its Korean name from the bid comparison.
 */
describe('web client: files on demands, chat and bids (the supplier journey from its home to a bid with a proposal)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let demandId: string;
  let sme: Page;
  let supplier: Page;

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext(DESKTOP_KO);
    contexts.push(context);
    return signInPage(context, t, email, DEMO_PASSWORD);
  }
  const shots = async (name: string) => {
    await sme.screenshot({ path: `.test-results/files-${name}-sme.png`, fullPage: true }).catch(() => undefined);
    await supplier.screenshot({ path: `.test-results/files-${name}-supplier.png`, fullPage: true }).catch(() => undefined);
  };
  const withShots = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      await shots(name);
      throw err;
    }
  };

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    await t.app.get(DemoSeeder).seed();
    await settleOutbox(t, 60_000);
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
    const res = await t.gql<{ myListings: { edges: Array<{ node: { id: string; title: string } }> } }>(
      '{ myListings { edges { node { id title } } } }',
      {},
      { token: await accessTokenOf(t, SME, DEMO_PASSWORD) },
    );
    demandId = res.data!.myListings.edges.find((e) => e.node.title === D001_TITLE)!.node.id;
    [sme, supplier] = await Promise.all([signIn(SME), signIn(SUPPLIER)]);
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('the SME attaches an RFP and a sample image to its demand; the supplier previews both', () =>
    withShots('demand', async () => {
      await sme.goto(`${t.url}/listings/${demandId}/edit`);
      await sme.getByTestId('demand-files').waitFor({ timeout: 15_000 });
      await sme.getByTestId('demand-files-input').setInputFiles([
        { name: '과업지시서.pdf', mimeType: 'application/pdf', buffer: samples.pdf() },
        { name: '불량 샘플.png', mimeType: 'image/png', buffer: samples.png() },
      ]);
      await sme.waitForFunction(() => document.querySelectorAll('[data-testid="demand-files-files-item"]').length === 2, null, {
        timeout: 15_000,
      });
      // A file the server refuses by its bytes shows the reason next to it.
      await sme
        .getByTestId('demand-files-input')
        .setInputFiles([{ name: '가짜.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') }]);
      await expect(sme.getByTestId('demand-files-upload-error').textContent({ timeout: 15_000 })).resolves.toContain(
        '허용된 형식이 아닙니다',
      );

      await supplier.goto(`${t.url}/listings/${demandId}`);
      const section = supplier.getByTestId('listing-files');
      await section.waitFor({ timeout: 15_000 });
      // A lazy thumbnail loads when it comes near the screen, as the reader scrolls down to the files.
      await section.scrollIntoViewIfNeeded();
      // The image previews inline (a lazy thumbnail through its signed link) …
      await supplier.waitForFunction(
        () => {
          const img = document.querySelector<HTMLImageElement>('[data-testid="listing-files-list-preview"] img');
          return !!img && img.complete && img.naturalWidth > 0;
        },
        null,
        { timeout: 15_000 },
      );
      await expect(supplier.locator('[data-testid="listing-files-list-preview"] img').getAttribute('loading')).resolves.toBe('lazy');
      // … and the PDF opens in the browser's viewer in a new tab.
      const pdf = supplier.getByTestId('listing-files-list-link').filter({ hasText: '과업지시서.pdf' });
      await expect(pdf.getAttribute('target')).resolves.toBe('_blank');
      const head = await fetchHead(supplier, (await pdf.getAttribute('href'))!);
      expect(head).toMatchObject({ status: 200, type: 'application/pdf' });
      expect(head.disposition).toMatch(/^inline;/);
      const [tab] = await Promise.all([supplier.context().waitForEvent('page'), pdf.click()]);
      expect(new URL(tab.url()).pathname).toMatch(/^\/files\/[0-9a-f-]{36}$/);
      await tab.close();

      await sme.screenshot({ path: '.test-results/files-demand-editor.png' });
      await section.screenshot({ path: '.test-results/files-demand-1366.png' });
      // At 375 px the files section fits the screen.
      await supplier.setViewportSize({ width: 375, height: 800 });
      await expect(section.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).resolves.toBe(true);
      await section.screenshot({ path: '.test-results/files-demand-375.png' });
      await supplier.setViewportSize(DESKTOP_KO.viewport);
    }));

  it('the supplier lands on its home, opens the demand from its recommendations, sees its fit and asks a question with a PDF; the SME opens it', () =>
    withShots('chat', async () => {
      // #14 "Done when" (a): the journey starts where a signed-in supplier lands, 내 기회.
      await supplier.goto(`${t.url}/`);
      const recommended = supplier.locator('[data-testid="home-recommended-list"] > li').filter({ hasText: D001_TITLE });
      await recommended.first().waitFor({ timeout: 30_000 });
      await recommended.first().locator('a.home-row__title').click();
      await supplier.waitForURL(new RegExp(`/listings/${demandId}$`), { timeout: 15_000 });
      await supplier.getByTestId('my-fit').waitFor({ timeout: 15_000 });
      await expect(supplier.getByTestId('my-fit-tier').textContent()).resolves.toMatch(/^(적합|검토|낮음)$/);
      await supplier.getByTestId('listing-ask-question').click();
      await supplier.waitForURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      const conversationId = new URL(supplier.url()).pathname.split('/').pop()!;
      await supplier.waitForSelector('[data-testid="chat-thread"][data-state="done"]', { timeout: 15_000 });
      await supplier
        .getByTestId('chat-attach-input')
        .setInputFiles([{ name: '라인 사진 설명.pdf', mimeType: 'application/pdf', buffer: samples.pdf() }]);
      await supplier.locator('[data-testid="chat-pending-file"][data-state="done"]').waitFor({ timeout: 15_000 });
      await supplier.getByTestId('chat-composer-input').fill('첨부한 자료의 라인 배치로 검사가 가능할까요?');
      await supplier.getByTestId('chat-composer-send').click();
      await supplier.locator('[data-testid="chat-bubble"][data-state="sent"] [data-testid="chat-files"]').waitFor({ timeout: 15_000 });
      await expect(supplier.getByTestId('chat-pending-files').count()).resolves.toBe(0);
      await supplier.setViewportSize({ width: 375, height: 800 });
      await supplier.screenshot({ path: '.test-results/files-chat-375.png' });
      await supplier.setViewportSize(DESKTOP_KO.viewport);

      await sme.goto(`${t.url}/messages/${conversationId}`);
      const link = sme.getByTestId('chat-file-link').filter({ hasText: '라인 사진 설명.pdf' });
      await link.waitFor({ timeout: 15_000 });
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      const head = await fetchHead(sme, (await link.getAttribute('href'))!);
      expect(head).toMatchObject({ status: 200, type: 'application/pdf' });
    }));

  it('the supplier bids with a proposal file; the SME downloads it from the comparison', () =>
    withShots('bid', async () => {
      await supplier.goto(`${t.url}/listings/${demandId}`);
      await supplier.getByTestId('bid-start').click();
      await supplier.getByTestId('bid-files-save-first').waitFor();
      await supplier.getByTestId('bid-amount').fill('50000000');
      await supplier.getByTestId('bid-weeks').fill('12');
      await supplier.getByTestId('bid-approach').fill('라인 카메라 2대와 딥러닝 결함 분류 모델로 찍힘·스크래치를 검출합니다.');
      await supplier.getByTestId('bid-milestone-title-0').fill('전체 구축');
      await supplier.getByTestId('bid-milestone-weeks-0').fill('12');
      await supplier.getByTestId('bid-milestone-amount-0').fill('50000000');
      await supplier.locator('[data-testid^="bid-covers-"]').first().check();
      await supplier.getByTestId('bid-save-draft').click();
      await expect(supplier.getByTestId('bid-notice').textContent({ timeout: 15_000 })).resolves.toBe('입찰을 임시 저장했습니다.');

      await supplier.getByTestId('bid-files-input').setInputFiles([
        {
          name: '제안서.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          buffer: samples.docx(),
        },
      ]);
      await supplier.getByTestId('bid-files-files-item').waitFor({ timeout: 15_000 });
      await submitBid(supplier);
      await supplier.getByTestId('my-bid').waitFor({ timeout: 15_000 });
      const bidId = (await supplier.getByTestId('my-bid').getAttribute('data-bid-id'))!;
      // Submitted, the bid still shows its file to its bidder (and takes more until shortlisted: the files belong to the bid).
      await supplier.getByTestId('bid-files-files-item').waitFor();

      await sme.goto(`${t.url}/listings/${demandId}`);
      const link = sme.getByTestId(`bid-files-${bidId}-link`);
      await link.waitFor({ timeout: 15_000 });
      await sme.getByTestId(`bid-row-${bidId}`).screenshot({ path: '.test-results/files-bid-row.png' });
      const [download] = await Promise.all([sme.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('제안서.docx');
    }));
});
