/// <reference lib="dom" />
// The HTML report in a real browser (Debian's chromium driven by playwright-core): it renders the
// numbers of xiaomi-demo's EXPECTED.md, its filters work, it fetches nothing, the CSP lets its own
// style and script run, and it prints without the controls. One browser launch for the whole file.
// Without /usr/bin/chromium the test is skipped, unless PRIVLINT_REQUIRE_BROWSER=1 (.ci/run sets it).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** Debian's chromium; PRIVLINT_CHROMIUM names another Chromium build (macOS, other distributions). */
const CHROMIUM = process.env.PRIVLINT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.PRIVLINT_REQUIRE_BROWSER === '1';
/** The report and its screenshot stay here after the run, for a person to look at. */
const ARTIFACTS = path.join(tmpdir(), 'privlint-browser-test');

if (!available) {
  const why = `${CHROMIUM} is not installed (Debian: apt-get install chromium)`;
  if (required) {
    describe('the HTML report in a browser', () => {
      it('needs chromium, because PRIVLINT_REQUIRE_BROWSER=1', () => {
        throw new Error(`${why}; .ci/run installs it`);
      });
    });
  } else {
    console.warn(`Skipping test/browser/report.browser.test.ts: ${why}. Set PRIVLINT_REQUIRE_BROWSER=1 to make this a failure.`);
  }
}

describe.runIf(available)('the HTML report of xiaomi-demo in chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const requests: string[] = [];
  const problems: string[] = [];
  const report = path.join(ARTIFACTS, 'report.html');

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const run = await runCli(['report', 'fixtures/apps/xiaomi-demo', '--output', report, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1767139200' } });
    if (run.status !== 0) throw new Error(`privlint report failed: ${run.stderr}`);

    profile = mkdtempSync(path.join(tmpdir(), 'privlint-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      // Without the background-networking flags chromium waits for services this network does not have.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // Anything but the report itself is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith('file://') ? route.continue() : route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(pathToFileURL(report).href);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const visibleRows = () => page.locator('#findings-table tbody tr:visible');
  const choose = async (name: string, value: string) => {
    await page.selectOption(`#filters select[name="${name}"]`, value);
  };

  it('loads from file:// without fetching anything, and the CSP blocks none of its own style or script', () => {
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(problems).toEqual([]);
  });

  it('shows the title and the summary numbers', async () => {
    expect(await page.title()).toBe('Privacy inventory: Xiaomi (MIUI devices, Xiaomi websites and apps)');
    const tile = (name: string) => page.locator(`dd[data-count="${name}"]`).innerText();
    expect(await Promise.all(['categories', 'sites', 'sdks', 'recipients', 'error', 'warning', 'note'].map(tile))).toEqual(['15', '14', '4', '8', '8', '3', '12']);
    // The stylesheet applied (the CSP allowed its hash): the tiles are a grid, errors are red.
    expect(await page.locator('dl.tiles').evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    expect(await page.locator('.tile-error dd').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(180, 35, 24)');
  });

  it('draws the data map: 15 categories, their purposes, and who receives them', async () => {
    const map = page.locator('#data-map svg');
    expect((await map.boundingBox())!.width).toBeGreaterThan(900);
    expect(await map.locator('.node.cat').count()).toBe(15);
    expect(await map.locator('.node.recipient text').allTextContents()).toEqual(['Google', 'Facebook', 'Sentry (Functional Software)', 'restapi.amap.com', 'Your own back end (first party)']);
    expect(await map.locator('.node.dashed text').allTextContents()).toEqual(['no purpose stated', 'Sentry (Functional Software)', 'restapi.amap.com']);
    expect(await page.locator('#matrix tbody tr').count()).toBe(15);
  });

  it('lists the sites of a category with place, API, purposes and consent', async () => {
    const row = page.locator('#cat-apps\\.installed table.sites tbody tr').nth(1);
    expect((await row.locator('td').allInnerTexts()).map((cell) => cell.replace(/\s+/g, ' ').trim())).toEqual([
      'src/services/appStore.ts:36',
      'react-native-launcher-kit#InstalledApps.getApps',
      'personalization from the annotation above the statement',
      '✖ Missing check',
      '✖ error require-consent-check',
    ]);
  });

  it('filters the findings by severity, rule and category, and shows all again', async () => {
    await expect.poll(() => page.locator('#filters').isVisible()).toBe(true);
    expect(await page.locator('#filter-status').innerText()).toBe('Showing all 23 findings.');
    expect(await visibleRows().count()).toBe(23);

    await choose('severity', 'error');
    expect(await visibleRows().count()).toBe(8);
    expect(await page.locator('#filter-status').innerText()).toBe('Showing 8 of 23 findings.');
    expect(await visibleRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-severity')))).toEqual(Array(8).fill('error'));

    await choose('severity', '');
    await choose('rule', 'no-unused-declaration');
    expect(await visibleRows().count()).toBe(12);

    await choose('rule', '');
    await choose('category', 'apps.installed');
    expect(await visibleRows().locator('td.rule').allInnerTexts()).toEqual(['no-residency-violation', 'require-consent-check']);
    expect(await page.locator('section.category:visible').evaluateAll((sections) => sections.map((section) => section.id))).toEqual(['cat-apps.installed']);

    // A category with no finding: its section stays, the table says nothing matches.
    await choose('category', 'usage.events');
    expect(await visibleRows().count()).toBe(0);
    expect(await page.locator('#findings-empty').isVisible()).toBe(true);
    expect(await page.locator('section.category:visible').count()).toBe(1);

    await page.click('#filters button[type="reset"]');
    await expect.poll(() => visibleRows().count()).toBe(23);
    expect(await page.locator('section.category:visible').count()).toBe(27);
    expect(await page.locator('#findings-empty').isVisible()).toBe(false);
  });

  it('follows a finding to the place it is about', async () => {
    // The first finding that is about a collection site: its link leads to the site, which is outlined.
    const link = page.locator('#findings-table a[href^="#s-"]').first();
    const target = (await link.getAttribute('href'))!;
    await link.click();
    expect(new URL(page.url()).hash).toBe(target);
    expect(await page.locator(target).evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
  });

  it('prints without the filters and the table of contents', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('header nav').isVisible()).toBe(false);
    expect(await page.locator('#findings-table tbody tr:visible').count()).toBe(23);
    await page.emulateMedia({ media: 'screen' });
  });

  it('saves a screenshot of the whole page', async () => {
    const file = path.join(ARTIFACTS, 'report.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    console.info(`The report and its screenshot: ${ARTIFACTS}`);
  });
});
