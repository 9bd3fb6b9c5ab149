import { hash, verify } from '@node-rs/argon2'

// Algorithm.Argon2id is a const enum (2), which isolated modules cannot read; OWASP's minimum settings
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON)
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password)
  }
  catch {
    // a malformed stored hash is a failed sign-in, never a 500
    return false
  }
}

export { PasswordPolicy } from '../../../shared/schemas/common'

/** A hash that no password matches, so unknown users cost as much time as known ones. */
let dummyHash: Promise<string> | undefined
export function timingSafeDummyVerify(password: string) {
  dummyHash ??= hashPassword('not-a-real-password-Aa1')
  return dummyHash.then(h => verifyPassword(h, password))
}
