import { describe, expect, it } from 'vitest';
import { guardOpenExternal, LINK_REFUSED } from '../../../src-main/electron/external-url-guard';
import { ALLOWED_EXTERNAL_URLS, EXTERNAL_LINK_URLS, openExternalLink } from '../../../src-main/application/external-links';
import type { ExternalLinkId } from '../../../shared/model/external-links';

function recorder() {
  const opened: string[] = [];
  const open = guardOpenExternal(async (url) => void opened.push(url));
  return { opened, open };
}

describe('opening web pages in the system browser', () => {
  it('opens every page the app links to (each link id in the table)', async () => {
    const { opened, open } = recorder();
    for (const link of Object.keys(EXTERNAL_LINK_URLS) as ExternalLinkId[]) await openExternalLink(open, link);
    expect(opened).toEqual(Object.values(EXTERNAL_LINK_URLS));
    expect(ALLOWED_EXTERNAL_URLS.size).toBe(opened.length);
  });

  it.each([
    ['another https site', 'https://evil.example/'],
    ['a look-alike host', 'https://portal.azure.com.evil.example/'],
    ['another page on an allowed host', 'https://portal.azure.com/#blade/keys'],
    ['credentials in the URL', 'https://user:pass@portal.azure.com/'],
    ['plain http', 'http://portal.azure.com/'],
    ['a local file', 'file:///C:/Windows/System32/calc.exe'],
    ['a network share', 'smb://attacker.example/share/payload'],
    ['a Windows protocol handler', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['script', 'javascript:alert(1)'],
    ['data', 'data:text/html,<h1>hi</h1>'],
    ['the app itself', 'app://steward/index.html'],
    ['an empty string', ''],
    ['not a URL', 'portal.azure.com'],
  ])('refuses %s (%s) with a message for the user, and opens nothing', async (_name, url) => {
    const { opened, open } = recorder();
    await expect(open(url)).rejects.toMatchObject({ code: LINK_REFUSED, message: expect.stringMatching(/refused/) });
    expect(opened).toEqual([]);
  });

  it('refuses values that are not strings at all', async () => {
    const { opened, open } = recorder();
    for (const value of [undefined, null, 42, { href: 'https://portal.azure.com/' }]) {
      await expect(open(value as unknown as string)).rejects.toMatchObject({ code: LINK_REFUSED });
    }
    expect(opened).toEqual([]);
  });

  it('opens the normalised address, never stray characters the caller added', async () => {
    const { opened, open } = recorder();
    await open('  HTTPS://PORTAL.AZURE.COM\n');
    expect(opened).toEqual(['https://portal.azure.com/']);
  });

  it('fails at start-up if the allow-list itself holds anything but plain https', () => {
    expect(() => guardOpenExternal(async () => {}, ['http://example.com/'])).toThrow(/https/);
    expect(() => guardOpenExternal(async () => {}, ['https://u:p@example.com/'])).toThrow(/https/);
    expect(() => guardOpenExternal(async () => {}, ['file:///etc/passwd'])).toThrow(/https/);
  });
});
