/**
 * What a person may paste as the endpoint, and what they are told when it is not one.
 */
import { describe, expect, it } from 'vitest';
import { AZURE_CLOUDS, normalizeEndpoint } from '../../../src-main/customvision/endpoint';
import { AppError } from '../../../src-main/errors/app-error';

describe('normalizeEndpoint accepts', () => {
  const accepted: Array<[string, string, Record<string, unknown>]> = [
    ['https://myres.cognitiveservices.azure.com/', 'https://myres.cognitiveservices.azure.com', { kind: 'resource', resourceName: 'myres', cloud: 'public' }],
    ['https://myres.cognitiveservices.azure.com', 'https://myres.cognitiveservices.azure.com', { kind: 'resource', resourceName: 'myres' }],
    ['  https://My-Res.CognitiveServices.Azure.com/ \n', 'https://my-res.cognitiveservices.azure.com', { kind: 'resource', resourceName: 'my-res' }],
    ['https://myres.cognitiveservices.azure.com/customvision/v3.3/training/', 'https://myres.cognitiveservices.azure.com', { kind: 'resource' }],
    ['https://myres.cognitiveservices.azure.com/customvision/v3.3/training/projects?take=50', 'https://myres.cognitiveservices.azure.com', { kind: 'resource' }],
    ['https://myres-prediction.cognitiveservices.azure.com/', 'https://myres-prediction.cognitiveservices.azure.com', { kind: 'resource', resourceName: 'myres-prediction' }],
    ['myres.cognitiveservices.azure.com/', 'https://myres.cognitiveservices.azure.com', { kind: 'resource' }],
    ['https://westus.api.cognitive.microsoft.com', 'https://westus.api.cognitive.microsoft.com', { kind: 'regional', region: 'westus', cloud: 'public' }],
    ['https://southcentralus.api.cognitive.microsoft.com/customvision/v3.3/training', 'https://southcentralus.api.cognitive.microsoft.com', { kind: 'regional', region: 'southcentralus' }],
    ['https://myres.cognitiveservices.azure.cn/', 'https://myres.cognitiveservices.azure.cn', { kind: 'resource', resourceName: 'myres', cloud: 'china' }],
    ['https://chinaeast2.api.cognitive.azure.cn/', 'https://chinaeast2.api.cognitive.azure.cn', { kind: 'regional', region: 'chinaeast2', cloud: 'china' }],
    ['https://myres.cognitiveservices.azure.us/', 'https://myres.cognitiveservices.azure.us', { kind: 'resource', resourceName: 'myres', cloud: 'government' }],
    ['https://virginia.api.cognitive.microsoft.us', 'https://virginia.api.cognitive.microsoft.us', { kind: 'regional', region: 'virginia', cloud: 'government' }],
    ['usgovarizona.api.cognitive.microsoft.us/customvision/v3.3/training', 'https://usgovarizona.api.cognitive.microsoft.us', { kind: 'regional', region: 'usgovarizona', cloud: 'government' }],
    ['https://myres.cognitiveservices.azure.com:443/', 'https://myres.cognitiveservices.azure.com', { kind: 'resource' }],
    ['http://127.0.0.1:7071', 'http://127.0.0.1:7071', { kind: 'local', cloud: 'local' }],
    ['http://localhost:7071/customvision/v3.3/training/', 'http://localhost:7071', { kind: 'local' }],
    ['http://[::1]:8080/', 'http://[::1]:8080', { kind: 'local' }],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443', { kind: 'local' }],
  ];
  it.each(accepted)('%j', (input, baseUrl, extra) => {
    const endpoint = normalizeEndpoint(input);
    expect(endpoint.baseUrl).toBe(baseUrl);
    expect(endpoint).toMatchObject(extra);
    // The stored baseUrl is itself a valid endpoint: normalising is idempotent.
    expect(normalizeEndpoint(endpoint.baseUrl)).toEqual(endpoint);
  });

  it('reports the host without scheme or path', () => {
    expect(normalizeEndpoint('https://westus.api.cognitive.microsoft.com/x').host).toBe('westus.api.cognitive.microsoft.com');
    expect(normalizeEndpoint('http://127.0.0.1:7071/').host).toBe('127.0.0.1:7071');
  });
});

describe('the table of clouds', () => {
  it('names each cloud once, with distinct suffixes', () => {
    expect(AZURE_CLOUDS.map((cloud) => cloud.name)).toEqual(['public', 'government', 'china']);
    const suffixes = AZURE_CLOUDS.flatMap((cloud) => [cloud.resourceSuffix, cloud.regionalSuffix, cloud.storageSuffix, cloud.portalHost]);
    expect(new Set(suffixes).size).toBe(suffixes.length);
  });

  it('accepts both endpoint forms of every cloud, and refuses its storage hosts', () => {
    for (const cloud of AZURE_CLOUDS) {
      expect(normalizeEndpoint(`https://myres.${cloud.resourceSuffix}/`)).toMatchObject({ kind: 'resource', cloud: cloud.name, resourceName: 'myres' });
      expect(normalizeEndpoint(`https://region1.${cloud.regionalSuffix}/`)).toMatchObject({ kind: 'regional', cloud: cloud.name, region: 'region1' });
      expect(() => normalizeEndpoint(`https://acct.${cloud.storageSuffix}/c/b`)).toThrow(/storage link/);
    }
  });
});

describe('normalizeEndpoint rejects', () => {
  const rejected: Array<[string, RegExp]> = [
    ['', /Enter the endpoint/],
    ['   ', /Enter the endpoint/],
    ['https://', /not a web address/],
    ['https://my res.cognitiveservices.azure.com', /spaces/],
    ['ftp://myres.cognitiveservices.azure.com', /must start with https/],
    ['http://myres.cognitiveservices.azure.com/', /must use https/],
    ['http://westus.api.cognitive.microsoft.com', /must use https/],
    ['https://user:pass@myres.cognitiveservices.azure.com/', /user name or password/],
    ['https://myres.cognitiveservices.azure.com/?Training-Key=0123456789abcdef', /looks like a key/],
    ['https://myres.cognitiveservices.azure.com/?subscription-key=abc', /looks like a key/],
    ['https://www.customvision.ai/projects/123#/manage', /customvision\.ai.*Keys and Endpoint/],
    ['https://customvision.ai', /Custom Vision web site/],
    ['https://irisprodeu2training.blob.core.windows.net/i-abc/i-def?sv=2017-04-17&sr=b&se=2020', /storage link.*Keys and Endpoint/],
    ['https://portal.azure.com/#@contoso/resource/subscriptions/x', /Azure portal page/],
    ['https://example.com', /example\.com is not a Custom Vision endpoint.*Keys and Endpoint/],
    ['https://no-such-resource.cognitiveservices.azure.com.invalid', /not a Custom Vision endpoint/],
    ['https://myres.cognitiveservices.azure.com:8443/', /no port number/],
    ['https://-bad.cognitiveservices.azure.com', /not a Custom Vision endpoint/],
    ['https://a.b.cognitiveservices.azure.com', /not a Custom Vision endpoint/],
    ['http://192.168.1.10:7071', /not a Custom Vision endpoint/],
    ['https://myresource.openai.azure.com/', /Azure OpenAI/],
    // Every cloud of the table, and look-alikes of its hosts.
    ['https://usgovstore.blob.core.usgovcloudapi.net/i-abc/i-def?sv=2017-04-17&sr=b', /storage link.*Keys and Endpoint/],
    ['https://cnstore.blob.core.chinacloudapi.cn/i-abc/i-def', /storage link/],
    ['https://portal.azure.us/#home', /Azure portal page/],
    ['https://portal.azure.cn/', /Azure portal page/],
    ['http://virginia.api.cognitive.microsoft.us/', /must use https/],
    ['https://myres.cognitiveservices.azure.us:8443/', /no port number/],
    ['https://myres.cognitiveservices.azure.us.example.com/', /not a Custom Vision endpoint/],
    ['https://cognitiveservices.azure.us/', /not a Custom Vision endpoint/],
    ['https://a.b.cognitiveservices.azure.us/', /not a Custom Vision endpoint/],
    ['https://virginia.api.cognitive.microsoft.cn/', /not a Custom Vision endpoint/],
    ['https://chinaeast2.api.cognitive.azure.com/', /not a Custom Vision endpoint/],
    ['https://us-gov.api.cognitive.microsoft.us/', /not a Custom Vision endpoint/],
    ['https://myres.cognitiveservices.azure.de/', /not a Custom Vision endpoint/],
  ];
  it.each(rejected)('%j', (input, message) => {
    let caught: unknown;
    try {
      normalizeEndpoint(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('BAD_ENDPOINT');
    expect((caught as AppError).message).toMatch(message);
  });

  it('never repeats a pasted key in its message', () => {
    const key = '0123456789abcdef0123456789abcdef';
    expect(() => normalizeEndpoint(`https://myres.cognitiveservices.azure.com/?key=${key}`)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(key) as unknown }) as Error,
    );
  });
});
