/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { supplierEnvironment } from '../../libs/capability-model/src/__tests__/fixtures/idta-supplier';
import { launchChromium, signInPage } from './browser';

/**
 * #17: a supplier imports an AAS file in the browser: upload → shell choice (two shells, never merged) →
 * mapping report → confirm opens the new draft in the editor; a broken file shows its error next to the upload.
 * At 1366 px and at 375 px.
 */
describe('web client: AAS import with preview', () => {
  let t: TestApp;
  let browser: Browser;
  let supplier: SignedUp;

  beforeAll(async () => {
    t = await bootTestApp({ listen: true });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    browser = await launchChromium();
    mkdirSync('.test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const twoShells = () => {
    const a = supplierEnvironment('https://a.example/aas', { designation: '첫째 솔루션', email: 'a@a.example' });
    const b = supplierEnvironment('https://b.example/aas', { designation: '둘째 솔루션', email: 'b@b.example' });
    return JSON.stringify({
      assetAdministrationShells: [...a.assetAdministrationShells, ...b.assetAdministrationShells],
      submodels: [...a.submodels, ...b.submodels],
    });
  };

  async function open(width: number): Promise<Page> {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width, height: 900 } });
    const page = await signInPage(context, t, supplier.email, supplier.password);
    await page.goto(`${t.url}/listings/mine`);
    await page.getByTestId('mine-import-aas').click();
    await page.getByTestId('aas-import-page').waitFor();
    return page;
  }

  for (const width of [1366, 375]) {
    it(`imports the chosen one of two shells and opens the draft in the editor (${width} px)`, async () => {
      const page = await open(width);
      try {
        const file = page.getByTestId('aas-import-file');
        await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
        await page.getByTestId('aas-import-alert').getByText(/JSON/).waitFor();

        await file.setInputFiles({
          name: 'suppliers.aasx',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from('\ufeff' + twoShells()),
        });
        const shells = page.getByTestId('aas-import-shells');
        await shells.waitFor();
        expect(await shells.getByRole('radio').count()).toBe(2);
        expect(await page.getByTestId('aas-import-preview').count()).toBe(0);
        await shells.getByRole('radio').nth(1).check();

        const report = page.getByTestId('aas-import-report');
        await report.getByText('contact.email').waitFor();
        await report.getByText('b@b.example').waitFor();
        expect(await report.getByText('a@a.example').count()).toBe(0);
        await report.getByText('등록에 해당 항목이 없음').first().waitFor();
        await page.getByText('만들 등록: 둘째 솔루션').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);

        await page.getByTestId('aas-import-confirm').click();
        await page.waitForURL(/\/listings\/[0-9a-f-]+\/edit$/, { timeout: 15_000 });
        await page.waitForFunction(
          () => [...document.querySelectorAll('input, textarea')].some((e) => (e as HTMLInputElement).value === '둘째 솔루션'),
          undefined,
          { timeout: 15_000 },
        );
      } catch (err) {
        await page.screenshot({ path: `.test-results/aas-import-${width}.png`, fullPage: true }).catch(() => undefined);
        throw err;
      } finally {
        await page.context().close();
      }
    });
  }
});
