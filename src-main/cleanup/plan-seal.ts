/**
 * Seals cleanup plans, so that what runs is exactly what the user reviewed. A plan is a
 * file a person can open and edit, and whatever it lists is deleted: an edit after review
 * (three tagged images slipped into an "untagged images" plan, a scope rewritten to the
 * whole project) must stop the run before any call, not be carried out.
 *
 * The seal is an HMAC-SHA256 of the plan's canonical text (plan-file.ts `planText`, the
 * seal itself left out) with a per-install secret of 32 random bytes kept in the OS
 * keychain next to the training keys. A text editor cannot forge it; the same plan read
 * back (however it was re-indented) verifies; any change of content does not. The seal
 * names its key by a short fingerprint, so a plan sealed on another computer, or before
 * "Forget all accounts and local data" (which removes the secret), is told apart from an
 * edited one.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CleanupPlan } from '../../shared/model/cleanup';
import { AppError } from '../errors/app-error';
import { KEYCHAIN_UNAVAILABLE, type SecretStore } from '../secrets';
import { planText } from './plan-file';

/** The keychain entry (an account name of the app's keychain service) that holds the secret. */
export const PLAN_SEAL_ACCOUNT = 'cv-steward-plan-seal';

const SCHEME = 'hmac-sha256';

export interface PlanSealer {
  /** The plan with its seal (creates the install's secret on first use). */
  seal(plan: CleanupPlan): Promise<CleanupPlan>;
  /** Throws PLAN_UNSEALED, PLAN_SEALED_ELSEWHERE or PLAN_TAMPERED unless the plan is as sealed. */
  check(plan: CleanupPlan): Promise<void>;
}

/** The text the seal covers: the plan as savePlan writes it, without its seal. */
function canonical(plan: Omit<CleanupPlan, 'seal'>): string {
  return planText(plan);
}

export function keychainPlanSealer(secrets: SecretStore): PlanSealer {
  async function existingKey(): Promise<Buffer | undefined> {
    const stored = await keychain(() => secrets.get(PLAN_SEAL_ACCOUNT));
    return stored !== null && /^[0-9a-f]{64}$/.test(stored) ? Buffer.from(stored, 'hex') : undefined;
  }

  async function keyForSealing(): Promise<Buffer> {
    const existing = await existingKey();
    if (existing) return existing;
    const fresh = randomBytes(32);
    await keychain(() => secrets.set(PLAN_SEAL_ACCOUNT, fresh.toString('hex')));
    return fresh;
  }

  return {
    async seal(plan) {
      return sealPlanWithKey(plan, await keyForSealing());
    },
    async check(plan) {
      const parts = typeof plan.seal === 'string' ? plan.seal.split(':') : [];
      if (parts.length !== 3 || parts[0] !== SCHEME) {
        throw new AppError(
          'PLAN_UNSEALED',
          'This cleanup plan carries no seal (it was made by an earlier version of CV Steward, or the seal was removed), so nothing proves it is the plan that was reviewed. Nothing was deleted; make a new plan.',
        );
      }
      const key = await existingKey();
      if (!key || keyId(key) !== parts[1]) {
        throw new AppError(
          'PLAN_SEALED_ELSEWHERE',
          'This cleanup plan was sealed on another computer, or before CV Steward\'s local data was forgotten, so this installation cannot check it. Nothing was deleted; make a new plan here.',
        );
      }
      const { seal: _seal, ...unsealed } = plan;
      const expected = Buffer.from(mac(key, canonical(unsealed)), 'hex');
      const given = Buffer.from(parts[2] ?? '', 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AppError(
          'PLAN_TAMPERED',
          'This cleanup plan was changed after it was made and reviewed (its seal no longer matches its contents). Nothing was deleted; make a new plan instead of editing one.',
        );
      }
    },
  };
}

/** The plan with the seal `key` gives it (any earlier seal replaced). */
export function sealPlanWithKey(plan: CleanupPlan, key: Buffer): CleanupPlan {
  const { seal: _old, ...unsealed } = plan;
  return { ...unsealed, seal: `${SCHEME}:${keyId(key)}:${mac(key, canonical(unsealed))}` };
}

/** The keychain's own error, told in terms of plans: the user asked for a cleanup, not to save a key. */
async function keychain<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === KEYCHAIN_UNAVAILABLE) {
      throw new AppError(
        KEYCHAIN_UNAVAILABLE,
        `Cleanup plans are sealed with a secret kept in the system keyring, so that only the plan you reviewed can run, and the keyring could not be used. Nothing was planned or deleted. ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
}

function mac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Names the key without revealing it: the first 8 hex digits of its SHA-256. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
