import { describe, expect, it } from 'vitest';
import { appDataDir, keychainService } from '../../../src-main/settings/app-data-dir';
import { defaultHarnessDataDir } from '../../harness/harness-options';

describe('where --account finds the app\'s saved accounts', () => {
  it('uses Electron\'s userData folder for the product name "CV Steward" on each platform', () => {
    expect(appDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/CV Steward');
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/CV Steward');
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    expect(appDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/ana')).toBe('/home/ana/.config/CV Steward');
    expect(appDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/CV Steward');
    expect(appDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\CV Steward');
    expect(appDataDir({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\CV Steward');
  });

  it('lets CV_STEWARD_DATA_DIR and CV_STEWARD_KEYCHAIN_SERVICE override the defaults', () => {
    expect(appDataDir({ CV_STEWARD_DATA_DIR: '/tmp/steward' }, 'linux', '/home/ana')).toBe('/tmp/steward');
    expect(keychainService({})).toBe('cv-steward');
    expect(keychainService({ CV_STEWARD_KEYCHAIN_SERVICE: 'cv-steward-test' })).toBe('cv-steward-test');
  });
});

describe('where the browser harness keeps its data without --data-dir', () => {
  it('is the same OS data folder as the app\'s, under the harness\'s own name', () => {
    expect(defaultHarnessDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/CV Steward (web harness)');
    expect(defaultHarnessDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/CV Steward (web harness)');
    expect(defaultHarnessDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/CV Steward (web harness)');
    expect(defaultHarnessDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\CV Steward (web harness)',
    );
  });

  it('does not follow CV_STEWARD_DATA_DIR, which names the desktop app\'s folder for the command line', () => {
    expect(defaultHarnessDataDir({ CV_STEWARD_DATA_DIR: '/tmp/steward' }, 'linux', '/home/ana')).toBe('/home/ana/.config/CV Steward (web harness)');
  });
});
