/**
 * Turns a failed first call to the service into the message a person needs while
 * connecting: what went wrong, in words, and what to do about it. The client's codes
 * are generic; here we know the user just typed an endpoint and a key.
 */
import { AppError } from '../errors/app-error';

export function explainConnectFailure(error: unknown, host: string): AppError {
  const code = error instanceof AppError ? error.code : 'INTERNAL';
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'BAD_ENDPOINT':
    case 'BAD_KEY':
    case 'INVALID_ARGUMENT':
      return error as AppError;
    case 'CONNECTION_LOST':
      return new AppError('CONNECTION_LOST', `The connection to ${host} kept dropping before an answer arrived. Check your network and try again.`);
    case 'INVALID_RESPONSE':
      return new AppError(
        'INVALID_RESPONSE',
        `${host} answered, but not the way a Custom Vision training endpoint does. Check that this is the training resource's endpoint.`,
      );
    case 'DNS_FAILURE':
      return new AppError('DNS_FAILURE', `Could not find ${host}. Check the endpoint for typos and that this computer is online.`);
    case 'UNREACHABLE':
      return new AppError('UNREACHABLE', `Could not reach ${host}. The host did not accept a connection; check the endpoint, your network, and any proxy or firewall.`);
    case 'TIMEOUT':
      return new AppError('TIMEOUT', `${host} did not answer in time. Check your network and try again.`);
    case 'TLS_ERROR':
      return new AppError(
        'TLS_ERROR',
        `The secure connection to ${host} failed (${detail}). A proxy or antivirus that inspects HTTPS traffic can cause this; nothing was saved.`,
      );
    case 'WRONG_KEY':
      return new AppError(
        'WRONG_KEY',
        'The service refused this training key. Copy Key 1 or Key 2 from the Azure portal → your Custom Vision training resource → Keys and Endpoint (a prediction key does not work here), and check that the endpoint belongs to the same resource.',
      );
    case 'FORBIDDEN':
      return new AppError('FORBIDDEN', `The service accepted the key but refused access (403): ${detail}`);
    case 'THROTTLED':
      return new AppError('THROTTLED', 'The service is limiting requests from this resource right now. Wait a minute and try again.');
    case 'NOT_FOUND':
      return new AppError(
        'NOT_FOUND',
        `${host} answered, but not as a Custom Vision training endpoint (404). Use the training resource's endpoint, not the prediction resource's.`,
      );
    case 'CANCELLED':
      return new AppError('CANCELLED', 'Connecting was cancelled.');
    default:
      return new AppError(code === 'INTERNAL' ? 'CONNECT_FAILED' : code, `Could not connect to ${host}: ${detail}`);
  }
}
