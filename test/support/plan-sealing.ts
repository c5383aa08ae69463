/**
 * Sealing cleanup plans in tests as one installation of the app would: a fixed secret in
 * an in-memory keychain, so plans made without the planner (or changed on purpose by a
 * test) can be sealed synchronously and checked by the real gate.
 */
import type { CleanupPlan } from '../../shared/model/cleanup';
import { keychainPlanSealer, type PlanSealer } from '../../src-main/cleanup';
import { PLAN_SEAL_ACCOUNT, sealPlanWithKey } from '../../src-main/cleanup/plan-seal';
import { MemorySecretStore } from '../../src-main/secrets';

/** The seal secret of this test "installation". */
const SEAL_KEY = Buffer.alloc(32, 7);

/** The sealer of this installation (its keychain holds SEAL_KEY), as the app's gate uses it. */
export function testSealer(): PlanSealer {
  return keychainPlanSealer(testKeychain());
}

/** An in-memory keychain holding this installation's seal secret. */
export function testKeychain(): MemorySecretStore {
  const secrets = new MemorySecretStore();
  void secrets.set(PLAN_SEAL_ACCOUNT, SEAL_KEY.toString('hex'));
  return secrets;
}

/** `plan` as savePlan would have sealed it on this installation. */
export function sealed(plan: CleanupPlan): CleanupPlan {
  return sealPlanWithKey(plan, SEAL_KEY);
}
