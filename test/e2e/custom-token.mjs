/** An unsigned custom token: the Auth emulator takes alg "none" (as the Admin SDK makes them for it). */
export function unsignedCustomToken(uid) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const aud = 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit';
  const iss = 'firebase-auth-emulator@example.com';
  return `${part({alg: 'none', typ: 'JWT'})}.${part({aud, iss, sub: iss, uid, iat: now, exp: now + 3600})}.`;
}
