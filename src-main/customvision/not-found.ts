/**
 * What a 404 proves. Only the service itself names what is missing, with a flat
 * `{"code":"NotFoundImage",…}` body; a 404 from the gateway (`{"error":{"code":"404",…}}`),
 * an HTML page (a proxy, IIS request filtering) or an empty body is a refusal on the way
 * and proves nothing about the project, iteration, tag or image asked about. Code that
 * decides "it is gone" (cleanup's proofs, an export's refresh) must ask for the exact code.
 */
import { isCustomVisionError } from './errors';

/**
 * The NotFound* members of the spec's CustomVisionErrorCodes (Training API v3.3,
 * Azure/azure-rest-api-specs specification/cognitiveservices/data-plane/CustomVision/Training/stable/v3.3/Training.json).
 */
export type NotFoundServiceCode =
  | 'NotFound'
  | 'NotFoundProject'
  | 'NotFoundProjectDefaultIteration'
  | 'NotFoundIteration'
  | 'NotFoundIterationPerformance'
  | 'NotFoundTag'
  | 'NotFoundImage'
  | 'NotFoundDomain'
  | 'NotFoundApimSubscription'
  | 'NotFoundInvalid';

/**
 * True only for a 404 whose service code is exactly `serviceCode`: positive evidence that
 * this kind of item is absent. False for every other error, including a 404 with another
 * code, the gateway's "404", or none at all.
 */
export function notFoundNames(error: unknown, serviceCode: NotFoundServiceCode): boolean {
  return isCustomVisionError(error) && error.code === 'NOT_FOUND' && error.status === 404 && error.serviceCode === serviceCode;
}
