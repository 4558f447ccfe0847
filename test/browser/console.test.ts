import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../support/stale-builds.js';
import type { LdapServerHandle } from '../support/server-process.js';
import { startSlapd } from '../support/slapd-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The web console in Debian's Chromium against the real server (Postgres, Temporal, a worker) and a
// private slapd this file stops and starts. The steps build on each other, in order, like an operator.
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.cache/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const RUN_TIMEOUT_MS = 90_000;

let app: TestApp;
let slapd: LdapServerHandle | undefined;
let browser: Browser;
let page: Page;
let configUrl: string;

function server(): LdapServerHandle {
  if (slapd === undefined) throw new Error('slapd did not start');
  return slapd;
}

async function screenshot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The run page's progress bar once the run has ended, and the status it ended in. */
async function waitForRunEnd(): Promise<{ percent: string | null; status: string }> {
  const status = page.locator('.run-progress .badge');
  await page
    .locator('.run-progress .badge')
    .filter({ hasText: /^(Succeeded|Failed|Cancelled)$/ })
    .waitFor({ timeout: RUN_TIMEOUT_MS });
  return {
    percent: await page.getByRole('progressbar', { name: 'Run progress' }).getAttribute('aria-valuenow'),
    status: await status.innerText(),
  };
}

beforeAll(async () => {
  let started: LdapServerHandle;
  [app, started] = await Promise.all([
    startTestApp(),
    startSlapd({ fixture: { userCount: 60, groupCount: 6, bigGroupMemberCount: 20 } }),
    ensureConsoleBuilt(),
    mkdir(SCREENSHOTS, { recursive: true }),
  ]);
  slapd = started;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser.close();
  await app.stop();
  await slapd?.stop();
});

describe('web console', () => {
  it('refuses a wrong token with its error code, then signs in with a valid one', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.getByLabel('API token').fill('rs_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'UNAUTHENTICATED' }).waitFor();
    await screenshot('sign-in');

    await page.getByLabel('API token').fill(app.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Directories' }).waitFor();
    await page.getByText('No directories yet.').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  });

  it('creates a directory, keeps the bind password write-only and tests the connection', async () => {
    const { info } = server();
    await page.getByRole('button', { name: 'Add a directory' }).click();
    await page.getByLabel('Name', { exact: true }).fill('corp');
    await page.getByLabel('Server URLs').fill(info.url);
    await page.getByLabel('TLS mode').selectOption('STARTTLS');
    await page.getByLabel('CA certificate (PEM)').fill(info.caCertPem);
    await page.getByLabel('Bind DN').fill(info.bindDn);
    await page.getByLabel('Bind password').fill(info.bindPassword);
    // Short timeouts so that the outage below fails the run quickly.
    await page.getByLabel('Connect timeout (ms)').fill('500');
    await page.getByLabel('Operation timeout (ms)').fill('5000');
    await page.getByRole('button', { name: 'Create directory' }).click();
    await page.getByRole('heading', { name: 'Directory corp' }).waitFor();

    expect(await page.getByLabel('Bind password').inputValue()).toBe('');
    expect(await page.getByText('A password is stored (never shown)').isVisible()).toBe(true);
    expect(await page.content()).not.toContain(info.bindPassword);

    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toContain(`Connected to ${info.url}`);
    await screenshot('directory');
  });

  it('creates a sync config whose Users and Groups tabs preview the LDAP queries', async () => {
    const { info, fixture } = server();
    await page.getByRole('link', { name: 'New sync config for this directory' }).click();
    await page.getByRole('heading', { name: 'New sync config' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('corp users');
    await page.getByLabel('Create new users found in mapped LDAP groups').check();

    // The tabs follow the ARIA pattern: arrow keys move between them.
    await page.getByRole('tab', { name: 'General' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Users' }).getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('Users base DN').fill(info.usersDn);
    await page.getByRole('button', { name: 'Preview users' }).click();
    const users = page.getByRole('table').filter({ hasText: 'entries found' });
    await users.waitFor();
    expect(await users.locator('tbody tr').count()).toBe(Math.min(20, fixture.users.length));
    await screenshot('sync-config-users');

    await page.getByRole('tab', { name: 'Groups' }).click();
    await page.getByLabel('Groups base DN').fill(info.groupsDn);
    await page.getByRole('button', { name: 'Preview groups' }).click();
    const groups = page.getByRole('table').filter({ hasText: 'entries found' });
    await groups.waitFor();
    expect(await groups.locator('tbody tr').count()).toBe(Math.min(20, fixture.groups.length));
    await screenshot('sync-config-groups');

    await page.getByRole('button', { name: 'Create sync config' }).click();
    await page.getByRole('heading', { name: 'Sync config corp users' }).waitFor();
    configUrl = page.url();
    expect(configUrl).toMatch(/\/sync-configs\/[0-9a-f-]{36}$/);
  });

  it('reads the groups with a dry run, then maps one LDAP group to an application group', async () => {
    const { fixture } = server();
    await page.getByRole('tab', { name: 'Mappings' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Mappings' });
    await panel.getByText('No LDAP groups known yet.').waitFor();
    await panel.getByRole('button', { name: 'Dry run (plan only)' }).click();
    expect(await waitForRunEnd()).toEqual({ percent: '100', status: 'Succeeded' });
    await screenshot('dry-run');

    await page.goto(configUrl);
    await page.getByRole('tab', { name: 'Mappings' }).click();
    const mapped = fixture.groups.find((group) => group.dn === fixture.notables.bigGroupDn);
    if (mapped === undefined) throw new Error('the fixture has no big group');
    const row = page.getByRole('row').filter({ hasText: mapped.dn });
    await row.waitFor();
    expect(await row.getByRole('cell').first().innerText()).toBe(String(mapped.memberDns.length));

    await page.getByLabel('New application group').fill('Engineering');
    await page.getByRole('button', { name: 'Create group' }).click();
    await row.getByRole('combobox').selectOption({ label: 'Engineering' });
    await row.getByRole('button', { name: /^Map / }).click();
    await row.getByRole('button', { name: 'Remove mapping to Engineering' }).waitFor();
    await screenshot('mappings');
  });

  it('starts a run and watches the progress bar reach 100%', async () => {
    await page.getByRole('button', { name: 'Start sync' }).click();
    await page.getByRole('progressbar', { name: 'Run progress' }).waitFor();
    expect(await waitForRunEnd()).toEqual({ percent: '100', status: 'Succeeded' });
    const created = page.locator('.counters div').filter({ hasText: 'Identities created' }).locator('dd');
    expect(Number(await created.innerText())).toBeGreaterThan(0);
    // The first screen only: it is the README's picture of the console.
    await screenshot('run-page', false);
  });

  it('lists the runs in the history, filtered by status', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Run history' }).click();
    await page.getByRole('heading', { name: 'Run history' }).waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'dry run' }).count()).toBe(1);
    await screenshot('run-history');

    await page.getByLabel('Status').selectOption('FAILED');
    await page.getByText('No runs match.').waitFor();
    expect(await page.getByText('Change or clear the filters to see more runs.').isVisible()).toBe(true);
    await page.getByLabel('Status').selectOption('SUCCEEDED');
    await rows.nth(1).waitFor();
    expect(await rows.filter({ hasText: 'Succeeded' }).count()).toBe(2);
  });

  it('shows a run that failed while slapd was down with its code, and its retry succeeds once slapd is back', async () => {
    await server().kill();
    try {
      await page.goto(configUrl);
      await page.getByRole('button', { name: 'Start sync' }).click();
      expect((await waitForRunEnd()).status).toBe('Failed');
      expect(await page.getByRole('alert').innerText()).toContain('DIRECTORY_UNREACHABLE');
      await screenshot('run-failed');
    } finally {
      await server().restart();
    }
    await page.getByRole('button', { name: 'Retry run' }).click();
    await page.getByText('Retry of').waitFor();
    expect(await waitForRunEnd()).toEqual({ percent: '100', status: 'Succeeded' });
  });

  it('shows the synced identities with their application groups', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Identities' }).click();
    const first = page.getByRole('table').locator('tbody tr').first().getByRole('link');
    await first.waitFor();
    await screenshot('identities');
    await first.click();
    await page.getByRole('heading', { name: 'Application groups' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Engineering' }).count()).toBe(1);
    await screenshot('identity');
  });

  it('says what to do next where there is nothing yet, and leads keyboard users to the content', async () => {
    for (const [link, empty, name] of [
      ['Roles', 'No roles here.', 'roles'],
      ['Role requests', 'No role requests.', 'role-requests'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: link, exact: true })
        .click();
      await page.getByText(empty).waitFor();
      await screenshot(name);
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Role requests' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').innerText()).toBe('Skip to content');
  });
});
