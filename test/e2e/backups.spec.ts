import { expect, openLifeline, screenshotPath, test } from './support/fixtures';

test.describe('Settings → Backups', () => {
  test('backs the store up now, lists the verified copy, and says a restore needs a restart', async ({
    page,
    lifeline,
  }) => {
    await openLifeline(page, lifeline);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Settings' }).click();
    const panel = page.getByRole('region', { name: 'Backup files' });
    await expect(panel.getByText('No backups yet.')).toBeVisible();

    await panel.getByRole('button', { name: 'Back up now' }).click();
    await expect(panel.getByRole('status')).toHaveText(
      /^Backed up to lifeline-\d{8}-\d{9}-manual\.db; its integrity check passed\.$/,
    );
    const rows = panel.getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('by hand');

    await rows.nth(1).getByRole('button', { name: 'Restore at next start' }).click();
    await expect(panel.getByRole('status')).toHaveText(
      /will replace the store at the next start\. Restart Lifeline to finish the restore\.$/,
    );
    await expect(rows.nth(1).getByRole('button', { name: 'Restores at next start' })).toBeDisabled();

    await panel.getByRole('button', { name: 'Check the store' }).click();
    await expect(panel.getByRole('list', { name: 'Store checks' })).toContainText(
      'store ok: integrity check ok: 0 items',
    );
    await page.screenshot({ path: screenshotPath('settings-backups'), fullPage: true });
  });
});
