/**
 * One bundle, one resource: when is the account being exported the one a bundle was
 * made from? A named resource host is one resource; a regional or loopback host is
 * shared, so there the bundle's projects decide. The key never decides.
 */
import { describe, expect, it } from 'vitest';
import { isSameResource, refuseOtherResource, type BundleSource } from '../../../src-main/export/bundle-source';

const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const bundle = (extra: Partial<BundleSource>): BundleSource => ({ endpointHost: 'westus.api.cognitive.microsoft.com', projectIds: [], ...extra });

describe('isSameResource', () => {
  it('compares named resource hosts: equal is the same resource (either key), different is not', () => {
    const mine = bundle({ endpointHost: 'mine.cognitiveservices.azure.com', resourceName: 'mine', projectIds: [P1] });
    expect(isSameResource(mine, { endpointHost: 'mine.cognitiveservices.azure.com', resourceName: 'mine' }, new Set())).toBe(true);
    expect(isSameResource(mine, { endpointHost: 'other.cognitiveservices.azure.com', resourceName: 'other' }, new Set([P1]))).toBe(false);
    // Same name in another cloud is another resource.
    expect(isSameResource(mine, { endpointHost: 'mine.cognitiveservices.azure.us', resourceName: 'mine' }, new Set())).toBe(false);
  });

  it('lets the projects decide on a shared regional host', () => {
    const regional = bundle({ projectIds: [P1, P2] });
    expect(isSameResource(regional, { endpointHost: 'westus.api.cognitive.microsoft.com' }, new Set([P2]))).toBe(true);
    expect(isSameResource(regional, { endpointHost: 'westus.api.cognitive.microsoft.com' }, new Set(['33333333-3333-4333-8333-333333333333']))).toBe(false);
    // The same resource reached through its own name instead of the region.
    expect(isSameResource(regional, { endpointHost: 'mine.cognitiveservices.azure.com', resourceName: 'mine' }, new Set([P1]))).toBe(true);
  });

  it('accepts the emulator on another port when its projects are the bundle’s, and an empty bundle on the same host', () => {
    const local = bundle({ endpointHost: '127.0.0.1:41000', projectIds: [P1] });
    expect(isSameResource(local, { endpointHost: '127.0.0.1:52000' }, new Set([P1]))).toBe(true);
    expect(isSameResource(local, { endpointHost: '127.0.0.1:52000' }, new Set([P2]))).toBe(false);
    expect(isSameResource(bundle({ endpointHost: '127.0.0.1:41000' }), { endpointHost: '127.0.0.1:52000' }, new Set())).toBe(true);
    expect(isSameResource(bundle({}), { endpointHost: 'eastus.api.cognitive.microsoft.com' }, new Set())).toBe(false);
  });
});

describe('refuseOtherResource', () => {
  it('names both resources and the way out', () => {
    const other = bundle({ endpointHost: 'a-res.cognitiveservices.azure.com', resourceName: 'a-res', displayName: 'Shop A', projectIds: [P1] });
    let message = '';
    try {
      refuseOtherResource('/tmp/bundle', other, { endpointHost: 'b-res.cognitiveservices.azure.com', resourceName: 'b-res', displayName: 'Shop B' }, new Set([P2]));
    } catch (error) {
      expect(error).toMatchObject({ code: 'BUNDLE_OF_OTHER_RESOURCE' });
      message = (error as Error).message;
    }
    expect(message).toContain('“Shop A” at a-res (a-res.cognitiveservices.azure.com)');
    expect(message).toContain('“Shop B” at b-res (b-res.cognitiveservices.azure.com)');
    expect(message).toMatch(/nothing was written/);
    expect(message).toMatch(/Choose an empty folder/);
  });
});
