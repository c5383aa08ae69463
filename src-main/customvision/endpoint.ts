/**
 * Turns whatever a person pasted into the "Endpoint" field into the origin the client
 * talks to, or refuses it with a message that says what to paste instead. People paste
 * the portal's Endpoint (with a trailing slash), a full API URL copied from docs, a
 * customvision.ai page or an image link; only the first two are endpoints.
 */
import { AppError } from '../ipc/app-error';

export type EndpointKind = 'resource' | 'regional' | 'local';

export interface NormalizedEndpoint {
  /** Origin only (`https://host[:port]`), no trailing slash, no path. */
  baseUrl: string;
  host: string;
  kind: EndpointKind;
  /** The custom subdomain of `<resource>.cognitiveservices.azure.com`. */
  resourceName?: string;
  /** The region of `<region>.api.cognitive.microsoft.com`. */
  region?: string;
}

const WHERE_TO_FIND =
  'Paste the Endpoint from the Azure portal → your Custom Vision training resource → Keys and Endpoint (it looks like https://<name>.cognitiveservices.azure.com/).';

// Azure custom subdomains: letters, digits and hyphens, no leading/trailing hyphen.
const RESOURCE_HOST = /^([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\.cognitiveservices\.azure\.(?:com|cn)$/;
const REGIONAL_HOST = /^([a-z0-9]+)\.api\.cognitive\.(?:microsoft\.com|azure\.cn)$/;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Query parameter names that mean a secret was pasted along with the address.
const SECRET_PARAM = /key|sig|token|secret|password|code|auth/i;

function reject(message: string): never {
  throw new AppError('BAD_ENDPOINT', message);
}

export function normalizeEndpoint(input: string): NormalizedEndpoint {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') reject(`Enter the endpoint. ${WHERE_TO_FIND}`);
  if (/\s/.test(text)) reject(`The endpoint contains spaces or line breaks. ${WHERE_TO_FIND}`);

  // A bare host ("myres.cognitiveservices.azure.com/") is unambiguous; assume https.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return reject(`That is not a web address. ${WHERE_TO_FIND}`);
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    reject(`The endpoint must start with https://. ${WHERE_TO_FIND}`);
  }
  if (url.username !== '' || url.password !== '') {
    reject('The endpoint must not contain a user name or password. Paste only the address; the key goes in the Key field.');
  }
  for (const name of url.searchParams.keys()) {
    if (SECRET_PARAM.test(name)) {
      reject(
        'The address contains what looks like a key or signature in its query string. Paste only the endpoint (without "?…"); the key goes in the Key field.',
      );
    }
  }

  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();

  if (LOCAL_HOSTS.has(hostname)) {
    // The local emulator (and test servers); plain http is fine on the loopback interface.
    return { baseUrl: url.origin, host, kind: 'local' };
  }

  explainWrongHost(hostname);

  const resource = RESOURCE_HOST.exec(hostname);
  const regional = resource ? null : REGIONAL_HOST.exec(hostname);
  if (!resource && !regional) {
    reject(`${hostname} is not a Custom Vision endpoint. ${WHERE_TO_FIND}`);
  }
  if (url.protocol !== 'https:') {
    reject(`The endpoint must use https (the key would otherwise travel unencrypted). Use https://${host}/.`);
  }
  if (url.port !== '') {
    reject(`Azure endpoints have no port number (":${url.port}"). Use https://${hostname}/.`);
  }
  const baseUrl = `https://${hostname}`;
  if (resource?.[1]) return { baseUrl, host: hostname, kind: 'resource', resourceName: resource[1] };
  return { baseUrl, host: hostname, kind: 'regional', region: regional?.[1] ?? '' };
}

/** Known look-alikes get a message naming what was pasted. */
function explainWrongHost(hostname: string): void {
  if (hostname === 'customvision.ai' || hostname.endsWith('.customvision.ai')) {
    reject(`That is the Custom Vision web site (customvision.ai), not the API endpoint. ${WHERE_TO_FIND}`);
  }
  if (hostname.endsWith('.blob.core.windows.net') || hostname.endsWith('.blob.core.chinacloudapi.cn')) {
    reject(`That is a storage link (an image or model file), not the API endpoint. ${WHERE_TO_FIND}`);
  }
  if (hostname === 'portal.azure.com' || hostname.endsWith('.portal.azure.com') || hostname === 'portal.azure.cn') {
    reject(`That is the address of the Azure portal page, not the endpoint shown on it. ${WHERE_TO_FIND}`);
  }
  if (hostname.endsWith('.openai.azure.com')) {
    reject(`That is an Azure OpenAI endpoint, not Custom Vision. ${WHERE_TO_FIND}`);
  }
}
