/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, mailTo, signUpOrganization, type SignedUp, type TestApp } from '@aimatch/api-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP_KO, launchChromium, signInPage } from './browser';

/**
 * An owner in chromium invites a colleague by e-mail, the invitation link prefills the sign-up
 * form, the colleague joins, and the owner removes them; the last owner's "leave" is refused
 * with the API's message next to the button; a pending invitation is revoked.
 */
describe('web client: members and invitations', () => {
  let t: TestApp;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let page: Page;
  let owner: SignedUp;
  const orgName = '브라우저초대기업';
  const mailDir = mkdtempSync(join(tmpdir(), 'aimatch-members-browser-mail-'));

  beforeAll(async () => {
    t = await bootTestApp({ listen: true, env: { MAIL_DIR: mailDir } });
    browser = await launchChromium();
    owner = await signUpOrganization(t, { nameKo: orgName });
    ownerContext = await browser.newContext(DESKTOP_KO);
    page = await signInPage(ownerContext, t, owner.email, owner.password);
    await page.goto(`${t.url}/organization`);
    await page.getByTestId('org-members').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('invites by e-mail; the mailed link opens a sign-up form with the address locked and the organization named', async () => {
    const email = `browser-invitee-${Date.now()}@example.kr`;
    await page.getByTestId('invite-email').fill(email);
    await page.getByTestId('invite-submit').click();
    await expect(page.getByTestId('invite-mailed').textContent({ timeout: 10_000 })).resolves.toContain(email);
    await expect(page.getByTestId('invitation-row').first().textContent({ timeout: 10_000 })).resolves.toContain(email);

    const mail = await mailTo(t, email);
    const link = new URL(mail.links.find((l) => l.includes('/signup?'))!);
    const anonymous = await browser.newContext(DESKTOP_KO);
    const signUp = await anonymous.newPage();
    await signUp.goto(`${t.url}${link.pathname}${link.search}`);
    await expect(signUp.getByTestId('invitation-notice').textContent({ timeout: 10_000 })).resolves.toContain(
      `${orgName}에서 초대했습니다`,
    );
    await expect(signUp.getByTestId('signup-email').inputValue()).resolves.toBe(email);
    await expect(signUp.getByTestId('signup-email').getAttribute('readonly')).resolves.not.toBeNull();
    await anonymous.close();
  });

  it('revokes a pending invitation after confirming', async () => {
    const row = page.getByTestId('invitation-row').first();
    const email = (await row.locator('td').first().textContent())!;
    await row.getByTestId('invitation-revoke').click();
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('invitation-row').filter({ hasText: email }).waitFor({ state: 'detached', timeout: 10_000 });
    await expect(page.getByTestId('org-invitations').textContent()).resolves.not.toContain(email);
  });

  it('removes a member after confirming; the last owner cannot leave and is told why next to the button', async () => {
    // The colleague already has an account: signed in, they open the mailed link and accept.
    const colleague = await signUpOrganization(t);
    await t.gql(
      'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }',
      { i: { organizationId: owner.organizationId, email: colleague.email } },
      { token: owner.accessToken },
    );
    const mail = await mailTo(t, colleague.email, { match: /초대/ });
    const link = new URL(mail.links.find((l) => l.includes('/signup?'))!);
    const colleagueContext = await browser.newContext(DESKTOP_KO);
    const colleaguePage = await signInPage(colleagueContext, t, colleague.email, colleague.password);
    await colleaguePage.goto(`${t.url}${link.pathname}${link.search}`);
    await expect(colleaguePage.getByTestId('invitation-notice').textContent({ timeout: 10_000 })).resolves.toContain(orgName);
    await colleaguePage.getByTestId('invitation-accept').click();
    await colleaguePage.waitForURL((u) => u.searchParams.get('org') === owner.organizationId, { timeout: 15_000 });
    await colleagueContext.close();

    await page.reload();
    const colleagueRow = page.getByTestId('member-row').filter({ hasText: colleague.email });
    await colleagueRow.waitFor({ timeout: 10_000 });

    await colleagueRow.getByTestId('member-remove').click();
    await page.getByTestId('action-confirm').click();
    await colleagueRow.waitFor({ state: 'detached', timeout: 10_000 });
    const still = await t.gql('{ me { memberships { organization { id } } } }', {}, { token: colleague.accessToken });
    expect(still.data!.me.memberships.map((m: { organization: { id: string } }) => m.organization.id)).not.toContain(owner.organizationId);

    const ownRow = page.getByTestId('member-row').filter({ hasText: owner.email });
    await ownRow.getByTestId('member-leave').click();
    await page.getByTestId('action-confirm').click();
    await expect(ownRow.getByTestId('member-action-error').textContent({ timeout: 10_000 })).resolves.toContain('소유자');
    expect(new URL(page.url()).pathname).toBe('/organization');
  });
});
