/**
 * "Too long" is never "not found": a 414, or IIS request filtering's 404.15 page, is
 * REQUEST_TOO_LONG (nothing is known about the items), and only a 404 whose service code
 * names the item is evidence that it is gone (notFoundNames).
 */
import { describe, expect, it } from 'vitest';
import { CustomVisionError, httpError, isRequestTooLongRefusal } from '../../../src-main/customvision/errors';
import { notFoundNames } from '../../../src-main/customvision/not-found';
import { AppError } from '../../../src-main/errors/app-error';
import { GATEWAY_404, IIS_404_15_PAGE } from '../../support/customvision/front-end-pages';

const answer = (status: number, bodyText: string, headers: Record<string, string> = {}) =>
  httpError({ operation: 'GetImagesByIds', status, headers: new Headers(headers), bodyText });

describe('a request refused for its length', () => {
  it('414 is REQUEST_TOO_LONG, not retried, status kept, and says nothing is known about the items', () => {
    const error = answer(414, '', { 'apim-request-id': 'req-1' });
    expect(error).toMatchObject({ code: 'REQUEST_TOO_LONG', kind: 'http', status: 414, retryable: false, requestId: 'req-1' });
    expect(error.message).toBe(
      'GetImagesByIds failed: the server refused the request as too long (HTTP 414 / IIS 404.15) (HTTP 414, request id req-1). Nothing is known about the items it asked about; ask for fewer in one call.',
    );
  });

  it('an IIS 404.15 page is REQUEST_TOO_LONG, never NOT_FOUND', () => {
    const error = answer(404, IIS_404_15_PAGE, { 'content-type': 'text/html' });
    expect(error).toMatchObject({ code: 'REQUEST_TOO_LONG', kind: 'http', status: 404, retryable: false });
    expect(error.message).toMatch(/^GetImagesByIds failed: the server refused the request as too long \(HTTP 414 \/ IIS 404\.15\) \(HTTP 404\)\. Nothing is known/);
    expect(notFoundNames(error, 'NotFoundImage')).toBe(false);
  });

  it.each([
    ['the page title alone', '<html><head><title>404.15 - Not Found</title></head></html>'],
    ['the page text without the number', '<html><body>The request filtering module is configured to deny a request where the query string is too long.</body></html>'],
    ['IIS 404.14 (URL too long)', '<html><body><h3>HTTP Error 404.14 - Not Found</h3></body></html>'],
    ['plain text', 'HTTP Error 404.15 - Not Found'],
  ])('recognises %s', (_name, body) => {
    expect(isRequestTooLongRefusal(404, body)).toBe(true);
  });

  it.each([
    ['the service naming an image', 404, '{"code":"NotFoundImage","message":"Image not found"}'],
    ['the gateway', 404, GATEWAY_404],
    ['JSON that quotes the words', 404, '{"code":"NotFoundProject","message":"query string is too long 404.15"}'],
    ['an empty 404', 404, ''],
    ['a proxy’s plain 404 page', 404, '<html><body><h1>404 - File or directory not found.</h1></body></html>'],
    ['the page on another status', 400, IIS_404_15_PAGE],
  ])('does not mistake %s for it', (_name, status, body) => {
    expect(isRequestTooLongRefusal(status, body)).toBe(false);
  });
});

describe('notFoundNames: what a 404 proves', () => {
  it('is true only for a 404 whose service code is exactly the one asked about', () => {
    const image = answer(404, '{"code":"NotFoundImage","message":"Image not found"}');
    expect(image).toMatchObject({ code: 'NOT_FOUND', serviceCode: 'NotFoundImage' });
    expect(notFoundNames(image, 'NotFoundImage')).toBe(true);
    expect(notFoundNames(image, 'NotFoundProject')).toBe(false);
  });

  it('is false for the gateway’s 404, an HTML page and an empty body: they prove nothing', () => {
    const gateway = answer(404, GATEWAY_404);
    expect(gateway).toMatchObject({ code: 'NOT_FOUND', serviceCode: '404', status: 404 });
    expect(notFoundNames(gateway, 'NotFoundImage')).toBe(false);
    for (const body of ['', '<html><body>404 - File or directory not found.</body></html>']) {
      const error = answer(404, body);
      expect(error).toMatchObject({ code: 'NOT_FOUND' });
      expect(error.serviceCode).toBeUndefined();
      expect(notFoundNames(error, 'NotFoundImage')).toBe(false);
    }
  });

  it('is false for anything that is not a 404 CustomVisionError', () => {
    expect(notFoundNames(answer(410, '{"code":"NotFoundImage"}'), 'NotFoundImage')).toBe(false);
    expect(notFoundNames(answer(400, '{"code":"NotFoundImage"}'), 'NotFoundImage')).toBe(false);
    expect(notFoundNames(new AppError('NOT_FOUND', 'x'), 'NotFoundImage')).toBe(false);
    expect(notFoundNames(Object.assign(new Error('x'), { code: 'NOT_FOUND', status: 404, serviceCode: 'NotFoundImage' }), 'NotFoundImage')).toBe(false);
    expect(notFoundNames(undefined, 'NotFoundImage')).toBe(false);
    const forged = new CustomVisionError('x', { kind: 'http', code: 'NOT_FOUND', operation: 'GetImagesByIds', status: 404, serviceCode: 'notfoundimage' });
    expect(notFoundNames(forged, 'NotFoundImage')).toBe(false);
  });
});
