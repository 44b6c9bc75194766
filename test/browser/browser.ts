import { type TestApp, totpCode } from '@aimatch/api-testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium, headless, with the flags this sandbox needs (no GPU, no network chatter). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
}

/** The desktop browser the tests use unless they test another (Korean locale, 1280×900). */
export const DESKTOP_KO = { locale: 'ko-KR', viewport: { width: 1280, height: 900 } } as const;

/**
 * Signs in through the web client's form (of an app booted with `listen: true`) in a new page of `context`, and waits to leave /signin.
 * Staff with two-factor sign-in (`createStaff`) pass their `totpSecret`: the form then asks for the code and gets one.
 */
export async function signInPage(
  context: BrowserContext,
  t: TestApp,
  email: string,
  password: string,
  options: { totpSecret?: string } = {},
): Promise<Page> {
  if (!t.url) throw new Error('the test app is not listening (bootTestApp({ listen: true }))');
  const page = await context.newPage();
  await page.goto(`${t.url}/signin`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  if (options.totpSecret) {
    await page.getByTestId('signin-totp').fill(await totpCode(t, options.totpSecret));
    await page.getByTestId('signin-submit').click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 15_000 });
  return page;
}

/** An access token for the account, for setting up or checking through the API beside the browser. */
export async function accessTokenOf(t: TestApp, email: string, password: string): Promise<string> {
  const res = await t.gql<{ signIn: { accessToken: string } }>('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
    i: { email, password },
  });
  return res.data!.signIn.accessToken;
}

/**
 * Submits the bid form through its confirmation step (#14 item 7): "제출" shows a summary of the
 * bid, whose own "제출" sends it.
 */
export async function submitBid(page: Page): Promise<void> {
  await page.getByTestId('bid-submit').click();
  await page.getByTestId('bid-confirm-summary').waitFor({ timeout: 15_000 });
  await page.getByTestId('bid-confirm-submit').click();
}
