/**
 * Turns whatever a person pasted into the "Endpoint" field into the origin the client
 * talks to, or refuses it with a message that says what to paste instead. People paste
 * the portal's Endpoint (with a trailing slash), a full API URL copied from docs, a
 * customvision.ai page or an image link; only the first two are endpoints. Which hosts are
 * endpoints, and which are storage or the portal, comes from one table of Azure's clouds.
 */
import { AppError } from '../errors/app-error';

export type EndpointKind = 'resource' | 'regional' | 'local';

export type CloudName = 'public' | 'government' | 'china';

/** The DNS suffixes of one Azure cloud: its endpoints, and the hosts that are not endpoints. */
export interface AzureCloud {
  name: CloudName;
  /** Custom-subdomain endpoints: `<resource>.<resourceSuffix>`. */
  resourceSuffix: string;
  /** Regional endpoints: `<region>.<regionalSuffix>`. */
  regionalSuffix: string;
  /** Blob storage, where image and model links point: `<account>.<storageSuffix>`. */
  storageSuffix: string;
  /** The Azure portal of this cloud. */
  portalHost: string;
}

/**
 * Azure's clouds. Public: the portal's Keys and Endpoint page. Government: Microsoft's
 * Azure Government documentation lists `https://virginia.api.cognitive.microsoft.us` and
 * `<resource>.cognitiveservices.azure.us`, storage `blob.core.usgovcloudapi.net`. China
 * (21Vianet): the Cognitive Services regional endpoint tables list
 * `https://chinaeast2.api.cognitive.azure.cn`, with `<resource>.cognitiveservices.azure.cn`
 * and storage `blob.core.chinacloudapi.cn`.
 */
export const AZURE_CLOUDS: readonly AzureCloud[] = Object.freeze([
  {
    name: 'public',
    resourceSuffix: 'cognitiveservices.azure.com',
    regionalSuffix: 'api.cognitive.microsoft.com',
    storageSuffix: 'blob.core.windows.net',
    portalHost: 'portal.azure.com',
  },
  {
    name: 'government',
    resourceSuffix: 'cognitiveservices.azure.us',
    regionalSuffix: 'api.cognitive.microsoft.us',
    storageSuffix: 'blob.core.usgovcloudapi.net',
    portalHost: 'portal.azure.us',
  },
  {
    name: 'china',
    resourceSuffix: 'cognitiveservices.azure.cn',
    regionalSuffix: 'api.cognitive.azure.cn',
    storageSuffix: 'blob.core.chinacloudapi.cn',
    portalHost: 'portal.azure.cn',
  },
]);

export interface NormalizedEndpoint {
  /** Origin only (`https://host[:port]`), no trailing slash, no path. */
  baseUrl: string;
  host: string;
  kind: EndpointKind;
  /** Which Azure cloud the endpoint is in; `local` for the emulator and test servers. */
  cloud: CloudName | 'local';
  /** The custom subdomain of `<resource>.cognitiveservices.azure.com` (or its cloud's suffix). */
  resourceName?: string;
  /** The region of `<region>.api.cognitive.microsoft.com` (or its cloud's suffix). */
  region?: string;
}

const WHERE_TO_FIND =
  'Paste the Endpoint from the Azure portal → your Custom Vision training resource → Keys and Endpoint (it looks like https://<name>.cognitiveservices.azure.com/).';

// Azure custom subdomains: letters, digits and hyphens, no leading/trailing hyphen.
const RESOURCE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
// Region names: westus, chinaeast2, usgovvirginia, and the short "virginia".
const REGION_LABEL = /^[a-z0-9]+$/;
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
    return { baseUrl: url.origin, host, kind: 'local', cloud: 'local' };
  }

  explainWrongHost(hostname);

  const match = matchCloud(hostname);
  if (!match) {
    reject(`${hostname} is not a Custom Vision endpoint. ${WHERE_TO_FIND}`);
  }
  if (url.protocol !== 'https:') {
    reject(`The endpoint must use https (the key would otherwise travel unencrypted). Use https://${host}/.`);
  }
  if (url.port !== '') {
    reject(`Azure endpoints have no port number (":${url.port}"). Use https://${hostname}/.`);
  }
  const baseUrl = `https://${hostname}`;
  const { cloud, kind, label } = match;
  if (kind === 'resource') return { baseUrl, host: hostname, kind, cloud: cloud.name, resourceName: label };
  return { baseUrl, host: hostname, kind, cloud: cloud.name, region: label };
}

interface CloudMatch {
  cloud: AzureCloud;
  kind: 'resource' | 'regional';
  /** The resource or region name: the one label before the cloud's suffix. */
  label: string;
}

function matchCloud(hostname: string): CloudMatch | undefined {
  for (const cloud of AZURE_CLOUDS) {
    const resource = labelBefore(hostname, cloud.resourceSuffix);
    if (resource !== undefined && RESOURCE_LABEL.test(resource)) return { cloud, kind: 'resource', label: resource };
    const region = labelBefore(hostname, cloud.regionalSuffix);
    if (region !== undefined && REGION_LABEL.test(region)) return { cloud, kind: 'regional', label: region };
  }
  return undefined;
}

/** `a` for `a.<suffix>`; undefined for the suffix itself or another host. */
function labelBefore(hostname: string, suffix: string): string | undefined {
  return hostname.endsWith(`.${suffix}`) ? hostname.slice(0, -suffix.length - 1) : undefined;
}

const isUnder = (hostname: string, domain: string): boolean => hostname === domain || hostname.endsWith(`.${domain}`);

/** Known look-alikes get a message naming what was pasted. */
function explainWrongHost(hostname: string): void {
  if (hostname === 'customvision.ai' || hostname.endsWith('.customvision.ai')) {
    reject(`That is the Custom Vision web site (customvision.ai), not the API endpoint. ${WHERE_TO_FIND}`);
  }
  if (AZURE_CLOUDS.some((cloud) => hostname.endsWith(`.${cloud.storageSuffix}`))) {
    reject(`That is a storage link (an image or model file), not the API endpoint. ${WHERE_TO_FIND}`);
  }
  if (AZURE_CLOUDS.some((cloud) => isUnder(hostname, cloud.portalHost))) {
    reject(`That is the address of the Azure portal page, not the endpoint shown on it. ${WHERE_TO_FIND}`);
  }
  if (hostname.endsWith('.openai.azure.com')) {
    reject(`That is an Azure OpenAI endpoint, not Custom Vision. ${WHERE_TO_FIND}`);
  }
}
