/**
 * SHA-256 of text. Uses Web Crypto where the page is a secure context; plain-HTTP pages have no
 * crypto.subtle, and only they load the pure implementation that stands in (sha256-bytes.ts).
 */
async function digest(text: string): Promise<Uint8Array> {
  const data = new TextEncoder().encode(text);
  return globalThis.crypto?.subtle
    ? new Uint8Array(await crypto.subtle.digest('SHA-256', data))
    : (await import('./sha256-bytes.js')).sha256Bytes(data);
}

/** SHA-256 as base64url. */
export async function sha256Base64Url(text: string): Promise<string> {
  return toBase64Url(await digest(text));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function sha256Hex(text: string): Promise<string> {
  return [...(await digest(text))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
