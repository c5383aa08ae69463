/**
 * Blob URLs shaped like the Azure Blob service SAS URLs of recorded traffic: `sv=2017-04-17&sr=b&
 * sig=<urlencoded base64>&se=<ISO, colons encoded>&sp=r`, minted per response with
 * se = now + ttl. The signature is an HMAC with a per-instance secret over the blob path
 * and the other fields, so a changed path, expiry or permission fails like a real SAS.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatHttpDate, formatSasDate } from './dates';

const SV = '2017-04-17';
/** The blob route prefix on the emulator's own origin. */
export const BLOB_PREFIX = '/__blob';

export type SasCheck = { ok: true } | { ok: false; status: 403 | 404; code: string; detail?: string };

export class SasSigner {
  private readonly secret = randomBytes(32);
  private readonly origin: () => string;
  private readonly now: () => number;
  private readonly ttlSeconds: () => number;

  /** origin() is read per URL: the port is only known once the server listens. */
  constructor(origin: () => string, now: () => number, ttlSeconds: () => number) {
    this.origin = origin;
    this.now = now;
    this.ttlSeconds = ttlSeconds;
  }

  private sign(path: string, se: string, sp: string, sr: string, sv: string): string {
    return createHmac('sha256', this.secret).update(`${sp}\n${se}\n${path}\n${sv}\n${sr}`).digest('base64');
  }

  /** Full URL for a blob path like `/i-<projectHex>/i-<imageHex>`. */
  url(path: string): string {
    // Whole seconds, as Azure writes `se` (two calls in the same second give the same URL).
    const expires = Math.floor(this.now() / 1000) * 1000 + this.ttlSeconds() * 1000;
    const se = formatSasDate(expires);
    const sig = this.sign(path, se, 'r', 'b', SV);
    return `${this.origin()}${BLOB_PREFIX}${path}?sv=${SV}&sr=b&sig=${encodeURIComponent(sig)}&se=${encodeURIComponent(se)}&sp=r`;
  }

  verify(path: string, query: URLSearchParams): SasCheck {
    const sig = query.get('sig');
    if (sig === null) {
      // Anonymous access to a private container: Azure hides the resource (404).
      return { ok: false, status: 404, code: 'ResourceNotFound' };
    }
    const se = query.get('se') ?? '';
    const sp = query.get('sp') ?? '';
    const sr = query.get('sr') ?? '';
    const sv = query.get('sv') ?? '';
    const expected = Buffer.from(this.sign(path, se, sp, sr, sv));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given) || !sp.includes('r')) {
      const stringToSign = `${sp}\n\n${se}\n/blob/cvemulator${path}\n\n\n\n${sv}\n${sr}\n\n\n\n\n`;
      return { ok: false, status: 403, code: 'AuthenticationFailed', detail: `Signature did not match. String to sign used was ${stringToSign}` };
    }
    const expiry = Date.parse(se);
    const now = this.now();
    if (!Number.isFinite(expiry) || expiry <= now) {
      // With no `st`, Azure Storage reports the current time as the signed start.
      const expiryText = Number.isFinite(expiry) ? formatHttpDate(expiry) : se;
      return {
        ok: false,
        status: 403,
        code: 'AuthenticationFailed',
        detail: `Signed expiry time [${expiryText}] must be after signed start time [${formatHttpDate(now)}]`,
      };
    }
    return { ok: true };
  }
}

const MESSAGES: Record<string, string> = {
  AuthenticationFailed:
    'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
  BlobNotFound: 'The specified blob does not exist.',
  ResourceNotFound: 'The specified resource does not exist.',
  InvalidRange: 'The range specified is invalid for the current size of the resource.',
  // A storage account whose firewall / virtual-network rules exclude the caller.
  AuthorizationFailure: 'This request is not authorized to perform this operation.',
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Azure Storage's XML error body, as it answers an expired or refused SAS URL. */
export function storageErrorXml(code: string, requestId: string, now: number, detail?: string): string {
  const message = `${MESSAGES[code] ?? code}\nRequestId:${requestId}\nTime:${new Date(now).toISOString().replace('Z', '0000Z')}`;
  const detailXml = detail === undefined ? '' : `<AuthenticationErrorDetail>${escapeXml(detail)}</AuthenticationErrorDetail>`;
  return `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${detailXml}</Error>`;
}
