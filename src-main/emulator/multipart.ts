/**
 * multipart/form-data parsing for CreateImagesFromData: the SDK sends the image as a
 * form part named `imageData` (ms-rest-js + form-data); REST samples may send several
 * parts. Every part with content is treated as one image file.
 */

export interface FormPart {
  name: string | undefined;
  /** The filename exactly as written in Content-Disposition, quotes included. */
  rawFilename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2]?.trim();
}

function parseHeaders(block: string): Pick<FormPart, 'name' | 'rawFilename' | 'contentType'> {
  let name: string | undefined;
  let rawFilename: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') contentType = value;
    if (key === 'content-disposition') {
      name = /\bname="([^"]*)"/i.exec(value)?.[1] ?? /\bname=([^;]+)/i.exec(value)?.[1];
      rawFilename = /\bfilename=("[^"]*"|[^;]+)/i.exec(value)?.[1];
    }
  }
  return { name, rawFilename, contentType };
}

/** Parses the body; returns undefined when it is not well-formed multipart. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    if (body.toString('latin1', pos, pos + 2) === '--') return parts;
    if (body.toString('latin1', pos, pos + 2) !== '\r\n') return undefined;
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return undefined;
    const headers = parseHeaders(body.toString('utf8', pos, headerEnd));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
    if (next < 0) return undefined;
    parts.push({ ...headers, data: body.subarray(dataStart, next) });
    pos = next + 2;
  }
}
