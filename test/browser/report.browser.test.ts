/// <reference lib="dom" />
// The HTML report in a real browser (Debian's chromium driven by playwright-core): it renders the
// numbers of xiaomi-demo's EXPECTED.md, its filters work, its data map draws what the model says
// (checked on a screenshot's pixels and on the SVG's text), it fetches nothing, the CSP lets its own
// style and script run, and it prints without the controls. One browser launch for the whole file.
// Without /usr/bin/chromium the test is skipped, unless PRIVLINT_REQUIRE_BROWSER=1 (.ci/run sets it).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

/** Debian's chromium; PRIVLINT_CHROMIUM names another Chromium build (macOS, other distributions). */
const CHROMIUM = process.env.PRIVLINT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.PRIVLINT_REQUIRE_BROWSER === '1';
/** The data map's colours (src/report/html/assets.ts) as they reach the screen; a red line is #cf222e at 80% over white. */
const MAP_COLOURS = {
  category: [221, 244, 255],
  recipient: [218, 251, 225],
  undeclared: [255, 248, 197],
  label: [251, 239, 255],
  errorMarker: [207, 34, 46],
  errorLine: [217, 78, 88],
} satisfies Record<string, [number, number, number]>;
type PixelCounts = { width: number; height: number; nonWhite: number; counts: Record<keyof typeof MAP_COLOURS, number> };
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

  /**
   * A PNG's size, its pixels that are not white, and its pixels of the map's colours (3 units of
   * tolerance: enough for anti-aliasing, too little for the faded colours of dimmed items), decoded
   * by the browser's own image decoder on a blank page.
   */
  const pixelCounts = async (png: Buffer): Promise<PixelCounts> => {
    const blank = await context.newPage();
    try {
      return await blank.evaluate<PixelCounts, { data: string; colours: typeof MAP_COLOURS }>(async ({ data, colours }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const drawing = canvas.getContext('2d')!;
        drawing.drawImage(image, 0, 0);
        const pixels = drawing.getImageData(0, 0, image.width, image.height).data;
        const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((name) => [name, 0]));
        const targets = Object.entries(colours) as [string, readonly [number, number, number]][];
        let nonWhite = 0;
        for (let index = 0; index < pixels.length; index += 4) {
          const [red, green, blue] = [pixels[index]!, pixels[index + 1]!, pixels[index + 2]!];
          if (red < 245 || green < 245 || blue < 245) nonWhite += 1;
          for (const [name, [r, g, b]] of targets) if (Math.abs(red - r) <= 3 && Math.abs(green - g) <= 3 && Math.abs(blue - b) <= 3) counts[name]! += 1;
        }
        return { width: image.width, height: image.height, nonWhite, counts };
      }, { data: png.toString('base64'), colours: MAP_COLOURS });
    } finally {
      await blank.close();
    }
  };
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

  it('draws the data map: which of the 15 categories reaches which recipient, with the purposes from the code and the manifest', async () => {
    const map = page.locator('#data-map svg');
    expect(await map.locator('.node.cat').count()).toBe(15);
    // Node labels are cut to fit their boxes; their titles hold the full names.
    expect(await map.locator('.node.recipient > text').allTextContents()).toEqual(['Google', 'Facebook', 'Sentry (Functional Software)', 'restapi.amap.com', 'Your own back end (first party)']);
    expect(await map.locator('.node.dashed > text').allTextContents()).toEqual(['Sentry (Functional Software)', 'restapi.amap.com']);
    // Every line, as its title says it: category → recipient.
    const lines = await map.locator('.edge > title').allTextContents();
    expect(lines.map((title) => title.split('. Purposes')[0])).toEqual([
      ...['device.id', 'device.advertising_id', 'network.ip_address', 'usage.events', 'diagnostics.crash', 'diagnostics.performance'].map((category) => `${category} → Google`),
      ...['device.advertising_id', 'device.info', 'usage.events'].map((category) => `${category} → Facebook`),
      ...['device.info', 'diagnostics.crash', 'diagnostics.performance'].map((category) => `${category} → Sentry (Functional Software)`),
      'location.precise → restapi.amap.com',
      ...['device.id', 'device.push_token', 'device.android_id', 'device.advertising_id', 'device.serial', 'device.mac_address', 'network.ip_address', 'network.carrier', 'location.precise', 'apps.installed', 'identity.account_id'].map(
        (category) => `${category} → Your own back end (first party)`,
      ),
    ]);
    // A line's label: the purposes from the code's annotations, then those the manifest declares.
    const pushToken = map.locator('.edge[data-category="device.push_token"]');
    expect(await pushToken.locator('text.purposes').allTextContents()).toEqual(['code: notifications', 'manifest: notifications, marketing']);
    expect(await pushToken.locator('.badge text').textContent()).toBe('1');
    expect(await page.locator('#matrix tbody tr').count()).toBe(15);
  });

  it('draws the data map in colour: a screenshot holds its boxes, labels, red lines and finding markers, and dims what a filter leaves out', async () => {
    const map = page.locator('#data-map svg');
    const box = (await map.boundingBox())!;
    expect(box.width).toBeGreaterThan(900);
    expect(box.width).toBeLessThanOrEqual(1280);
    expect(box.height).toBeGreaterThan(600);
    expect(box.height).toBeLessThan(1600);
    const full = await pixelCounts(await map.screenshot({ path: path.join(ARTIFACTS, 'data-map.png') }));
    expect(Math.abs(full.width - box.width)).toBeLessThanOrEqual(2);
    expect(full.nonWhite / (full.width * full.height)).toBeGreaterThan(0.15);
    // 14 category boxes, 4 recipient boxes in the policy's green and 2 undeclared ones in yellow, 23 labels, red lines and markers.
    expect(full.counts.category).toBeGreaterThan(14 * 200 * 20);
    expect(full.counts.recipient).toBeGreaterThan(3 * 200 * 20);
    expect(full.counts.undeclared).toBeGreaterThan(2 * 200 * 20);
    expect(full.counts.label).toBeGreaterThan(23 * 300 * 30);
    expect(full.counts.errorMarker).toBeGreaterThan(20 * 150);
    expect(full.counts.errorLine).toBeGreaterThan(200);

    // Only what reaches restapi.amap.com keeps its colour.
    await choose('recipient', 'r-8');
    expect(await map.locator('.edge:not(.dim)').evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-category')))).toEqual(['location.precise']);
    const filtered = await pixelCounts(await map.screenshot());
    expect(filtered.counts.label).toBeLessThan(full.counts.label / 10);
    expect(filtered.counts.label).toBeGreaterThan(300 * 30);
    expect(filtered.counts.recipient).toBe(0);
    expect(filtered.counts.undeclared).toBeLessThan(full.counts.undeclared * 0.6);
    expect(filtered.counts.undeclared).toBeGreaterThan(200 * 20);
    expect(filtered.counts.category).toBe(full.counts.category);
    await choose('recipient', '');
    expect(await map.locator('.dim').count()).toBe(0);
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

    // A finding about an SDK is found by what the SDK receives: Facebook's SDK call, by usage.events.
    await choose('category', 'usage.events');
    expect(await visibleRows().evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-rule')} ${row.getAttribute('data-file')}`))).toEqual(['require-consent-check src/services/facebook.ts']);
    expect(await page.locator('section.category:visible').count()).toBe(1);

    await page.click('#filters button[type="reset"]');
    await expect.poll(() => visibleRows().count()).toBe(23);
    expect(await page.locator('section.category:visible').count()).toBe(27);
    expect(await page.locator('#findings-empty').isVisible()).toBe(false);
  });

  it('filters the findings by recipient, by file and by free text, and says when nothing matches', async () => {
    await choose('recipient', 'r-8');
    expect(await visibleRows().locator('td.rule').allInnerTexts()).toEqual(['no-unknown-destination']);
    await choose('recipient', 'r-9');
    expect(await visibleRows().count()).toBe(4);
    expect(await page.locator('#filter-status').innerText()).toBe('Showing 4 of 23 findings.');

    await choose('recipient', '');
    await choose('file', 'src/services/api.ts');
    expect(await visibleRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-file')))).toEqual(Array(4).fill('src/services/api.ts'));

    // Free text matches the message, the place and the code snippet, whatever the case.
    await choose('file', '');
    await page.fill('#filters input[name="q"]', 'Launcher');
    expect(await visibleRows().evaluateAll((rows) => rows.map((row) => row.id))).toEqual(['f-3', 'f-4']);
    await page.fill('#filters input[name="q"]', 'getIpAddress');
    expect(await visibleRows().count()).toBe(4);
    await choose('severity', 'warning');
    expect(await visibleRows().count()).toBe(2);
    await page.fill('#filters input[name="q"]', 'no such text anywhere');
    expect(await visibleRows().count()).toBe(0);
    expect(await page.locator('#findings-empty').isVisible()).toBe(true);

    await page.click('#filters button[type="reset"]');
    await expect.poll(() => visibleRows().count()).toBe(23);
    expect(await page.locator('#filters input[name="q"]').inputValue()).toBe('');
  });

  it('fits the findings table to the page, each finding with its lines of code', async () => {
    const table = (await page.locator('#findings-table').boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(table.width).toBeLessThanOrEqual(main.width + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await page.locator('#findings-table pre.snippet').count()).toBe(23);
    expect(await page.locator('#f-4 pre.snippet mark').innerText()).toContain('const apps = await InstalledApps.getApps');
  });

  it('keeps a report of a few findings short: no filter controls, and no map when nothing leaves the app', async () => {
    const small = path.join(ARTIFACTS, 'small.html');
    const folder = writeProject({ 'src/a.ts': "import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getMacAddress();\n" });
    const run = await runCli(['report', '.', '--output', small, '--quiet'], { cwd: folder });
    expect(run.status).toBe(0);
    const other = await context.newPage();
    try {
      await other.goto(pathToFileURL(small).href);
      expect(await other.locator('#findings-table tbody tr').count()).toBe(1);
      expect(await other.locator('#filters').isVisible()).toBe(false);
      expect(await other.locator('#data-map svg').count()).toBe(0);
      expect(await other.evaluate(() => document.body.scrollHeight)).toBeLessThan(2600);
    } finally {
      await other.close();
    }
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
