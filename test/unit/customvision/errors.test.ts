/**
 * Reading the service's error answers (both body shapes, request ids) and classifying
 * network failures the way Node's fetch (undici) reports them.
 */
import { describe, expect, it } from 'vitest';
import { codeForStatus, CustomVisionError, httpError, parseErrorBody, requestIdFrom } from '../../../src-main/customvision/errors';
import { classifyNetworkError, networkError } from '../../../src-main/customvision/network-errors';
import { AppError } from '../../../src-main/errors/app-error';

/** The shape undici gives: TypeError("fetch failed") whose cause carries the socket code. */
function undiciError(code: string, message = `connect ${code}`): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('parseErrorBody', () => {
  it('reads the flat service shape {code, message}', () => {
    expect(parseErrorBody('{"code":"NotFoundProject","message":"Project not found"}')).toEqual({
      serviceCode: 'NotFoundProject',
      serviceMessage: 'Project not found',
    });
  });

  it('reads the gateway shape {error: {code, message}} (401, 429)', () => {
    const body = JSON.stringify({ error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
    expect(parseErrorBody(body)).toEqual({ serviceCode: '401', serviceMessage: 'Access denied due to invalid subscription key or wrong API endpoint.' });
  });

  it('reads numeric gateway codes and storage XML', () => {
    expect(parseErrorBody('{"error":{"code":429,"message":"Rate limit"}}').serviceCode).toBe('429');
    const xml = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message></Error>';
    expect(parseErrorBody(xml)).toEqual({ serviceCode: 'AuthenticationFailed', serviceMessage: 'Server failed to authenticate the request.' });
  });

  it('tolerates bodies that are not errors at all', () => {
    for (const text of ['', '<html><body>Bad gateway</body></html>', 'Service Unavailable', '{"code":', '[1,2]', 'null', '{"unrelated":true}']) {
      expect(parseErrorBody(text)).toEqual({});
    }
  });
});

describe('requestIdFrom', () => {
  it('takes apim-request-id, Request-Id or x-ms-request-id, in that order', () => {
    expect(requestIdFrom(new Headers({ 'apim-request-id': 'a', 'request-id': 'b' }))).toBe('a');
    expect(requestIdFrom(new Headers({ 'Request-Id': 'b' }))).toBe('b');
    expect(requestIdFrom(new Headers({ 'x-ms-request-id': 'c' }))).toBe('c');
    expect(requestIdFrom(new Headers())).toBeUndefined();
  });
});

describe('httpError', () => {
  it.each([
    [400, 'BAD_REQUEST', false],
    [401, 'WRONG_KEY', false],
    [403, 'FORBIDDEN', false],
    [404, 'NOT_FOUND', false],
    [408, 'TIMEOUT', true],
    [409, 'CONFLICT', false],
    [415, 'BAD_REQUEST', false],
    [429, 'THROTTLED', true],
    [500, 'SERVICE_ERROR', true],
    [501, 'SERVICE_ERROR', false],
    [502, 'SERVICE_ERROR', true],
    [503, 'SERVICE_ERROR', true],
    [504, 'SERVICE_ERROR', true],
  ])('HTTP %i → %s (retryable: %s)', (status, code, retryable) => {
    const error = httpError({ operation: 'GetProjects', status, headers: new Headers(), bodyText: '' });
    expect(codeForStatus(status)).toBe(code);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.kind).toBe('http');
    expect(error).toBeInstanceOf(AppError);
  });

  it('names the operation, the service code, its message and the request id in plain words', () => {
    const error = httpError({
      operation: 'GetProject',
      status: 404,
      headers: new Headers({ 'apim-request-id': 'req-123' }),
      bodyText: '{"code":"NotFoundProject","message":"Project not found"}',
    });
    expect(error).toMatchObject({ code: 'NOT_FOUND', serviceCode: 'NotFoundProject', requestId: 'req-123', status: 404, operation: 'GetProject' });
    expect(error.message).toBe('GetProject failed: it does not exist (any more) (HTTP 404, NotFoundProject, request id req-123). The service said: "Project not found"');
  });

  it('explains a refused key without any stack-trace jargon', () => {
    const error = httpError({ operation: 'GetProjects', status: 401, headers: new Headers(), bodyText: '{"error":{"code":"401","message":"Access denied"}}' });
    expect(error.message).toMatch(/refused the training key/);
    expect(error.serviceCode).toBe('401');
  });

  it('serialises to JSON with its fields (for journals) and no undefined noise', () => {
    const error = httpError({ operation: 'DeleteTag', status: 503, headers: new Headers(), bodyText: 'oops' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'CustomVisionError',
      code: 'SERVICE_ERROR',
      message: 'DeleteTag failed: the service had an internal problem (HTTP 503).',
      kind: 'http',
      operation: 'DeleteTag',
      retryable: true,
      attempts: 1,
      status: 503,
    });
  });
});

describe('a 403 from the resource’s network rules', () => {
  const firewall = '{"error":{"code":"403","message":"Access denied due to Virtual Network/Firewall rules."}}';
  const vnet = '{"code":"403","message":"A Virtual Network is configured for this resource. Please use the correct endpoint for making requests. Check https://aka.ms/cogsvc-vnet for more details."}';

  it.each([
    ['the firewall message with its policy-id header', firewall, { 'policy-id': 'ThrowExceptionDueToTrafficDenied' }],
    ['the firewall message alone', firewall, {}],
    ['the virtual-network message', vnet, {}],
    ['the policy-id header alone (body unreadable)', '', { 'policy-id': 'ThrowExceptionDueToTrafficDenied' }],
  ])('is NETWORK_RULES: %s', (_name, bodyText, headers) => {
    const error = httpError({ operation: 'GetProjects', status: 403, headers: new Headers({ 'apim-request-id': 'req-7', ...headers }), bodyText });
    expect(error).toMatchObject({ code: 'NETWORK_RULES', kind: 'http', status: 403, retryable: false, requestId: 'req-7' });
    expect(error.message).toMatch(
      /^GetProjects failed: the resource's network rules \(Azure portal → the resource → Networking\) do not allow calls from this computer's network; allow it there, or run CV Steward inside the allowed network \(HTTP 403/,
    );
  });

  it('leaves other 403s as FORBIDDEN, and the same words on another status alone', () => {
    const other = httpError({ operation: 'GetProjects', status: 403, headers: new Headers(), bodyText: '{"code":"ForbiddenUser","message":"Forbidden"}' });
    expect(other.code).toBe('FORBIDDEN');
    const policyElsewhere = httpError({ operation: 'GetProjects', status: 401, headers: new Headers({ 'policy-id': 'ThrowExceptionDueToTrafficDenied' }), bodyText: firewall });
    expect(policyElsewhere.code).toBe('WRONG_KEY');
  });
});

describe('classifyNetworkError (undici cause codes)', () => {
  it.each([
    ['ENOTFOUND', 'DNS_FAILURE', false],
    ['EAI_AGAIN', 'DNS_FAILURE', true],
    ['ECONNREFUSED', 'UNREACHABLE', false],
    ['EHOSTUNREACH', 'UNREACHABLE', true],
    ['ENETUNREACH', 'UNREACHABLE', true],
    ['ECONNRESET', 'CONNECTION_LOST', true],
    ['UND_ERR_SOCKET', 'CONNECTION_LOST', true],
    ['EPIPE', 'CONNECTION_LOST', true],
    ['UND_ERR_CONNECT_TIMEOUT', 'TIMEOUT', true],
    ['ETIMEDOUT', 'TIMEOUT', true],
    ['CERT_HAS_EXPIRED', 'TLS_ERROR', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_ERROR', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS_ERROR', false],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'TLS_ERROR', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_ERROR', false],
  ])('%s → %s (retryable: %s)', (causeCode, code, retryable) => {
    expect(classifyNetworkError(undiciError(causeCode))).toMatchObject({ code, retryable });
  });

  it('finds codes inside AggregateError (happy-eyeballs tries IPv4 and IPv6)', () => {
    const aggregate = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed');
    expect(classifyNetworkError(new TypeError('fetch failed', { cause: aggregate })).code).toBe('UNREACHABLE');
  });

  it('treats a body cut off mid-stream ("terminated") as a lost connection', () => {
    expect(classifyNetworkError(new TypeError('terminated'))).toMatchObject({ code: 'CONNECTION_LOST', retryable: true });
  });

  it('builds a user-facing error that says what to check', () => {
    const error = networkError('GetProjects', undiciError('ENOTFOUND', 'getaddrinfo ENOTFOUND myres.cognitiveservices.azure.com'));
    expect(error).toBeInstanceOf(CustomVisionError);
    expect(error).toMatchObject({ code: 'DNS_FAILURE', kind: 'network', retryable: false });
    expect(error.message).toMatch(/could not be found; check the endpoint/);
  });
});
