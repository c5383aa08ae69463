/**
 * Whether a project is object detection or classification, decided from the bundle's own
 * data: the project's domain as the account's GetDomains described it (account/domains.json),
 * else the public object-detection domain ids below, else whether any image has regions
 * (only detection projects can hold regions). Anything else is classification, the
 * service's default domain type.
 */

export type ProjectKind = 'objectDetection' | 'classification';

/**
 * The public object-detection domains (Microsoft's domain documentation: General,
 * General [A1], Logo, Products on Shelves, General (compact)). Used only when the bundle
 * has no account/domains.json entry for the project's domain.
 */
export const PUBLIC_OBJECT_DETECTION_DOMAIN_IDS: ReadonlySet<string> = new Set([
  'da2e3a8a-40a5-4171-82f4-58522f70fbc1',
  '9c616dff-2e7d-ea11-af59-1866da359ce6',
  '1d8ffafe-ec40-4fb2-8f90-72b3b6cecea4',
  '3780a898-81c3-4516-81ae-3a139614e1f3',
  'a27d5ca5-bb19-49d8-a70a-fec086c47f5b',
]);

export interface KindDecision {
  kind: ProjectKind;
  /** Said in datasets/README.txt so a reader can check the decision. */
  reason: string;
}

export function decideProjectKind(domainId: string, domainTypes: ReadonlyMap<string, string>, anyRegions: boolean): KindDecision {
  const listed = domainTypes.get(domainId);
  if (listed === 'ObjectDetection') return { kind: 'objectDetection', reason: 'its domain is an ObjectDetection domain in account/domains.json' };
  if (listed === undefined && PUBLIC_OBJECT_DETECTION_DOMAIN_IDS.has(domainId)) {
    return { kind: 'objectDetection', reason: 'its domain id is a public object-detection domain' };
  }
  if (anyRegions) return { kind: 'objectDetection', reason: 'its images have regions (bounding boxes)' };
  if (listed !== undefined) return { kind: 'classification', reason: `its domain is a ${listed || 'untyped'} domain in account/domains.json` };
  return { kind: 'classification', reason: 'its domain is not a known object-detection domain and no image has regions' };
}
