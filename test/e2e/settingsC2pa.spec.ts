/**
 * Settings → C2PA signing in the browser host: with credentials in the environment the section
 * names the signer and where the credentials come from (the browser host has no key store, so
 * the fields are read-only), in English and Chinese; screenshots at 1280x720.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCredentials } from '../integration/export/c2paFixtures.js';
import { expect, test } from './fixtures.js';
import { openNewProject } from './ui.js';

const creds = makeTestCredentials(mkdtempSync(join(tmpdir(), 'sb e2e pki-')));
test.use({ serveEnv: { STORYBOARD_C2PA_CERT_CHAIN: creds.chain, STORYBOARD_C2PA_PRIVATE_KEY: creds.key } });

test('Settings shows the C2PA signer set by the environment', async ({ page, host, problems }, testInfo) => {
  await openNewProject(page, host, 'Signed', 'Signed');
  await page.getByTestId('open-settings').click();
  const section = page.getByTestId('settings-c2pa');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByTestId('c2pa-state')).toContainText('Signs as');
  await expect(section.getByTestId('c2pa-state')).toContainText('Storyboard Test Signer');
  await expect(section).toContainText(
    'Set by the environment (STORYBOARD_C2PA_CERT_CHAIN, STORYBOARD_C2PA_PRIVATE_KEY)',
  );
  await expect(section.getByTestId('c2pa-chain')).toHaveValue(creds.chain);
  await expect(section.getByTestId('c2pa-chain')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('settings-c2pa-1280x720-en.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(section.getByTestId('c2pa-state')).toContainText('签名身份');
  await page.screenshot({ path: testInfo.outputPath('settings-c2pa-1280x720-zh-CN.png') });
  expect(problems).toEqual([]);
});
