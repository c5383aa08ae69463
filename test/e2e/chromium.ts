/**
 * On Linux the Debian package's Chromium is used (Playwright cannot download its own
 * browser on our machines); elsewhere Playwright's bundled Chromium.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH ?? (process.platform === 'linux' && existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  return {
    ...(executablePath ? { executablePath } : {}),
    // Without these, Chromium keeps trying to reach Google's services, which a closed
    // network refuses; --no-sandbox is needed when CI runs as root.
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  };
}
