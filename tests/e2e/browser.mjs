// The browser for the UI tests: Debian's chromium, headless, driven by playwright-core. Screenshots go to
// tests/e2e/.artifacts/ (not committed).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const ARTIFACTS = new URL('./.artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  // As root, Playwright adds --no-sandbox itself (chromiumSandbox defaults to false).
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
}

/** A browser context with the system's "reduce motion" on, as a user can set it: a dialog is where it will stay
 * when the test clicks it. Zooming in, a dialog's OK button moved between a click's mouse-down and mouse-up on a
 * busy machine, and the click landed on the backdrop. */
export function newContext(browser, options = {}) {
  return browser.newContext({ reducedMotion: 'reduce', ...options });
}

/** A fresh browser context, signed in as `username` through the login page, then at `path`. `language`: the
 * app's own choice ('en' as if switched before); `viewport` and `timezoneId` as a phone or a far-away laptop;
 * `now`: the browser's clock held at that instant (to match a server started with --test-clock). */
export async function signIn(browser, base, username, password,
  { locale = 'zh-CN', path = '/customers', language, viewport, timezoneId, now } = {}) {
  const context = await newContext(browser, { baseURL: base, locale, ...(viewport ? { viewport } : {}), ...(timezoneId ? { timezoneId } : {}) });
  if (now) await context.clock.setFixedTime(new Date(now));
  if (language) await context.addInitScript((l) => localStorage.setItem('waihu.locale', l), language);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (path) await page.goto(path);
  return { context, page };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: ARTIFACTS + name + '.png', fullPage: true });
}

/** Opens a page from a submenu of the top menu ("系统管理" → "用户"): hover the group, click the page. */
export async function openFromMenu(page, group, item) {
  await page.getByTestId('nav').getByText(group, { exact: true }).hover();
  await page.locator('.ant-menu-submenu-popup:visible').getByText(item, { exact: true }).click();
  // The pointer leaves the menu, and the page waits until no submenu covers it.
  await page.mouse.move(1, 400);
  await page.waitForFunction(() => [...document.querySelectorAll('.ant-menu-submenu-popup')]
    .every((e) => e.classList.contains('ant-menu-submenu-hidden') || getComputedStyle(e).display === 'none' || getComputedStyle(e).visibility === 'hidden'));
}
