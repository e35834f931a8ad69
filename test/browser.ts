// The Chromium that the end-to-end tests and the bench drive. Debian's
// (`CHROMIUM_PATH`, default /usr/bin/chromium) where it is installed; else the
// headless Chromium that the npm package @sparticuz/chromium ships, so that
// `npm install && npm test` needs nothing installed by hand.
// No `~/` imports: the bench runs this file under tsx.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Quiet, offline, and WebGL through SwiftShader on machines without a GPU. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

// @sparticuz/chromium's flags that suit AWS Lambda but not tests: relaxed
// security would let through what a user's browser refuses, and with
// --single-process closing one browser context (e.g. the no-JavaScript visitor
// in e2e/console.test.ts) closes the whole browser.
const NOT_FOR_TESTS = ['--disable-web-security', '--allow-running-insecure-content', '--single-process'];

let noticeShown = false;

export type ChromiumChoice = { source: 'system' | 'npm'; executablePath: string; args: string[] };

/** Which Chromium to launch, with the flags that suit it. */
export async function chooseChromium(): Promise<ChromiumChoice> {
  const systemPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(systemPath)) {
    return { source: 'system', executablePath: systemPath, args: [...FLAGS, '--disable-gpu'] };
  }
  if (!noticeShown) {
    noticeShown = true;
    console.info(`No Chromium at ${systemPath}: using the one from the npm package @sparticuz/chromium.`);
  }
  // Loaded only when needed: the first call unpacks the browser into the
  // temporary folder (a few seconds), later calls reuse it.
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath();
  // Its own flags (headless shell, SwiftShader with the GPU in-process
  // instead of --disable-gpu) are the ones its build is made for.
  const own = packaged.args.filter((a) => !NOT_FOR_TESTS.includes(a));
  const args = [...new Set([...own, ...FLAGS.filter((a) => a !== '--headless')])];
  return { source: 'npm', executablePath, args };
}

/** `extraArgs`: e.g. the bench's --enable-precise-memory-info and --js-flags=--expose-gc. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const { executablePath, args } = await chooseChromium();
  return chromium.launch({ executablePath, args: [...args, ...extraArgs] });
}
