// What end-to-end test files use: the running app's address, a Chromium per file,
// pages with JavaScript on or off, sign-in, screenshots, and the skip flag that
// turns every e2e test into a skip when no browser is installed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';
import { artifactsDir } from './launcher';

const skipReason = inject('e2eSkipReason');
const startError = inject('e2eStartError');

export const e2e = {
  /** `http://localhost:PORT` of the app under test; pages opened by newPage() resolve paths against it. */
  baseUrl: inject('e2eBaseUrl'),
  /** True when no Chromium was found; every e2e suite must be skipped then. */
  skip: skipReason !== '',
  /** True when the app under test is up (neither skipped nor failed to start). */
  available: skipReason === '' && startError === '',
  /** Which database the app under test runs on. */
  databaseMode: inject('e2eDatabaseMode'),
};

// The app did not start (or no browser although one is required): every test of
// this file fails with the reason.
if (startError) {
  beforeAll(() => {
    throw new Error(startError);
  });
}

/** `describe` that is skipped when the e2e tests cannot run. */
export const describeE2E = describe.skipIf(e2e.skip);

/** Registers the same tests twice, with JavaScript on and off (progressive enhancement is a requirement). */
export function describeWithAndWithoutJavaScript(name: string, tests: (javaScript: boolean) => void): void {
  for (const javaScript of [true, false]) {
    describeE2E(`${name} (JavaScript ${javaScript ? 'on' : 'off'})`, () => tests(javaScript));
  }
}

let browser: Promise<Browser> | null = null;
let contexts: BrowserContext[] = [];

/** The Chromium of this test file, launched on first use and closed after the file. */
export function openBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: inject('e2eChromiumPath'), args: CHROMIUM_ARGS, headless: true });
  return browser;
}

const viewports = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;

/**
 * A page in a fresh browser context (its own cookies, so its own session), closed
 * after the test. `page.goto('/login')` resolves against the app under test.
 */
export async function newPage(options: {
  javaScript: boolean;
  viewport?: keyof typeof viewports;
  /** Accept-Language of the browser; the app's default is English. */
  locale?: string;
}): Promise<Page> {
  const context = await (await openBrowser()).newContext({
    baseURL: e2e.baseUrl,
    javaScriptEnabled: options.javaScript,
    locale: options.locale ?? 'en-US',
    ...viewports[options.viewport ?? 'desktop'],
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  return page;
}

/**
 * Signs in through the form on /login and waits until the app has left the page.
 * Throws with the page's message when the sign-in is refused. The outcome is read
 * from the server's answer, not the page, so a message left over from an earlier
 * attempt on the same page cannot pass for a refusal.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), e2e.baseUrl).pathname.startsWith('/login')) await page.goto('/login');
  const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  const answer = page.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/login'),
    { timeout: 20_000 },
  );
  await form.locator('[type="submit"]').first().click();
  const response = await answer;
  // Without JavaScript the form post is answered 303; with it, the action's answer names the redirect.
  const redirected = response.status() === 303 || response.headers()['x-action-redirect'] !== undefined;
  if (redirected) {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
    return;
  }
  await page.waitForLoadState('domcontentloaded');
  const shown = await page
    .locator('[role="alert"]')
    .allInnerTexts()
    .catch(() => []);
  const message = shown.map((text) => text.trim()).filter(Boolean).join(' / ') || `HTTP ${response.status()}, no message`;
  throw new Error(`sign-in as ${email} did not leave /login; the page says: ${message}`);
}

/** Saves a full-page PNG as tests/e2e/.artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

afterEach(async () => {
  const closing = contexts;
  contexts = [];
  await Promise.all(closing.map((context) => context.close()));
});

afterAll(async () => {
  const launched = browser;
  browser = null;
  if (launched) await (await launched).close();
});
