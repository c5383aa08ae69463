/**
 * Turns whatever keytar, libsecret, D-Bus, the macOS Keychain or Windows Credential Manager
 * threw into one AppError(KEYCHAIN_UNAVAILABLE) whose message tells a person what to do on
 * their OS. The raw messages ("Cannot autolaunch D-Bus without X11 $DISPLAY", "The name
 * org.freedesktop.secrets was not provided by any .service files") mean nothing to a user,
 * so they are only appended as details, with the secret scrubbed out.
 */
import { AppError } from '../errors/app-error';
import { KEYCHAIN_UNAVAILABLE } from './secret-store';

/** Why the keychain could not be used, as far as the underlying message lets us tell. */
export type KeychainFailure =
  /** The native module (keytar) or a library it links (libsecret) failed to load. */
  | 'module'
  /** The keychain is there but locked, has no default keyring, or the user dismissed the prompt. */
  | 'locked'
  /** No keychain service answered (no D-Bus session, no Secret Service, …). */
  | 'unreachable';

// Locked keyrings and dismissed prompts across libsecret, macOS (errSecInteractionNotAllowed
// -25308, errSecAuthFailed -25293, userCanceledErr -128) and Windows; and a Secret Service
// with no default keyring ("Object does not exist at path /org/freedesktop/secrets/collection/login").
const LOCKED_PATTERN = /locked|cancel|dismiss|denied|not allowed|passphrase|secrets\/collection|-25308|-25293|-128\b/i;

/** Classifies an error from a keychain call (not from loading the module). */
export function classifyKeychainError(error: unknown): KeychainFailure {
  return LOCKED_PATTERN.test(errorText(error)) ? 'locked' : 'unreachable';
}

const LINUX_ADVICE: Record<KeychainFailure, string> = {
  unreachable:
    'CV Steward keeps training keys only in your system keyring, and no keyring could be reached. ' +
    'Install and start a Secret Service keyring — GNOME Keyring (package gnome-keyring) or KWallet — with libsecret ' +
    '(package libsecret-1-0 on Debian/Ubuntu, libsecret on Fedora), make sure you are logged in to a desktop session ' +
    'so it runs and is unlocked, then try again.',
  locked:
    'Your system keyring is locked, has no default ("login") keyring yet, or the request to unlock it was cancelled. ' +
    'Open "Passwords and Keys" (GNOME Keyring) or KWalletManager (KWallet), create or unlock the default keyring, and try again.',
  module:
    'CV Steward could not load its keychain module (keytar). It needs libsecret: install libsecret-1-0 ' +
    '(Debian/Ubuntu) or libsecret (Fedora), restart CV Steward and try again; if that does not help, reinstall CV Steward.',
};

const MAC_ADVICE: Record<KeychainFailure, string> = {
  unreachable:
    'CV Steward keeps training keys only in the macOS Keychain, and it could not be used. Open Keychain Access, ' +
    'make sure the "login" keychain is unlocked, then try again.',
  locked:
    'The macOS Keychain is locked, or access was refused. Open Keychain Access, unlock the "login" keychain, ' +
    'choose "Allow" when macOS asks whether CV Steward may use it, and try again.',
  module: 'CV Steward could not load its keychain module (keytar). Reinstall CV Steward and try again.',
};

const WINDOWS_ADVICE: Record<KeychainFailure, string> = {
  unreachable:
    'CV Steward keeps training keys only in Windows Credential Manager, and it could not be used. Make sure you are ' +
    'signed in to a normal Windows user account (Credential Manager is not available to some service or restricted ' +
    'accounts), then try again.',
  locked:
    'Windows Credential Manager refused access, or the request was cancelled. Sign in to your Windows user ' +
    'account normally and try again.',
  module: 'CV Steward could not load its keychain module (keytar). Reinstall CV Steward and try again.',
};

const OTHER_ADVICE: Record<KeychainFailure, string> = {
  unreachable: "CV Steward keeps training keys only in the operating system's keychain, and it could not be used. Make sure it is available and unlocked, then try again.",
  locked: "The operating system's keychain is locked, or access was refused. Unlock it and try again.",
  module: 'CV Steward could not load its keychain module (keytar). Reinstall CV Steward and try again.',
};

/** Plain-language advice for this failure on this OS. */
export function keychainAdvice(failure: KeychainFailure, platform: NodeJS.Platform): string {
  const table = platform === 'linux' ? LINUX_ADVICE : platform === 'darwin' ? MAC_ADVICE : platform === 'win32' ? WINDOWS_ADVICE : OTHER_ADVICE;
  return table[failure];
}

/** Details are for support, not for reading: keep them short. */
const MAX_DETAIL_LENGTH = 300;

export interface KeychainErrorOptions {
  failure: KeychainFailure;
  platform: NodeJS.Platform;
  /** Scrubbed from the details: native layers have been known to echo their inputs. */
  secret?: string;
}

/** The one error every keychain failure becomes. It never carries the raw error as cause. */
export function keychainUnavailable(error: unknown, options: KeychainErrorOptions): AppError {
  const advice = keychainAdvice(options.failure, options.platform);
  const detail = scrub(errorText(error), options.secret).replace(/\s+/g, ' ').trim().slice(0, MAX_DETAIL_LENGTH);
  // The raw error is deliberately not attached as `cause`: whatever logs causes would then
  // log an unscrubbed native message.
  return new AppError(KEYCHAIN_UNAVAILABLE, detail ? `${advice} (Details: ${detail})` : advice);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return '';
}

function scrub(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('[hidden]');
}
