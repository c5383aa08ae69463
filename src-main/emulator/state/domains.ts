/**
 * GetDomains. The first eight are the v3.3 spec's example (examples/GetDomains.json)
 * in its order and field order, except that the three "(compact)" domains say
 * `exportable: true`: the example marks every domain false, but compact domains exist to be
 * exported and an export needs one (deliberate deviation). The object-detection domains
 * and their ids come from Microsoft's domain documentation and public samples.
 */
import type { DomainRec } from './types';

export const DOMAINS: readonly DomainRec[] = [
  { id: 'ee85a74c-405e-4adc-bb47-ffa8ca0c9f31', name: 'General', type: 'Classification', exportable: false, enabled: true },
  { id: 'c151d5b5-dd07-472a-acc8-15d29dea8518', name: 'Food', type: 'Classification', exportable: false, enabled: true },
  { id: 'ca455789-012d-4b50-9fec-5bb63841c793', name: 'Landmarks', type: 'Classification', exportable: false, enabled: true },
  { id: 'b30a91ae-e3c1-4f73-a81e-c270bff27c39', name: 'Retail', type: 'Classification', exportable: false, enabled: true },
  { id: '45badf75-3591-4f26-a705-45678d3e9f5f', name: 'Adult', type: 'Classification', exportable: false, enabled: true },
  { id: '0732100f-1a38-4e49-a514-c9b44c697ab5', name: 'General (compact)', type: 'Classification', exportable: true, enabled: true },
  { id: 'b5cfd229-2ac7-4b2b-8d0a-2b0661344894', name: 'Landmarks (compact)', type: 'Classification', exportable: true, enabled: true },
  { id: '6b4faeda-8396-481b-9f8b-177b9fa3097f', name: 'Retail (compact)', type: 'Classification', exportable: true, enabled: true },
  { id: 'da2e3a8a-40a5-4171-82f4-58522f70fbc1', name: 'General', type: 'ObjectDetection', exportable: false, enabled: true },
  { id: '9c616dff-2e7d-ea11-af59-1866da359ce6', name: 'General [A1]', type: 'ObjectDetection', exportable: false, enabled: true },
  { id: '1d8ffafe-ec40-4fb2-8f90-72b3b6cecea4', name: 'Logo', type: 'ObjectDetection', exportable: false, enabled: true },
  { id: '3780a898-81c3-4516-81ae-3a139614e1f3', name: 'Products on Shelves', type: 'ObjectDetection', exportable: false, enabled: true },
  { id: 'a27d5ca5-bb19-49d8-a70a-fec086c47f5b', name: 'General (compact)', type: 'ObjectDetection', exportable: true, enabled: true },
];

export const DEFAULT_DOMAIN_ID = 'ee85a74c-405e-4adc-bb47-ffa8ca0c9f31';

export function findDomain(id: string): DomainRec | undefined {
  return DOMAINS.find((domain) => domain.id === id);
}

export function isObjectDetection(domainId: string | null): boolean {
  return domainId !== null && findDomain(domainId)?.type === 'ObjectDetection';
}

/** Platforms an exportable iteration lists in `exportableTo` (v3.0 example order, + VAIDK). */
export function exportPlatforms(apiVersion: string): string[] {
  const platforms = ['ONNX', 'DockerFile', 'TensorFlow', 'CoreML', 'VAIDK'];
  return apiVersion === 'v3.4-preview' ? [...platforms, 'OpenVino'] : platforms;
}
