import type base from '../fastvue.module'

/** Every permission code a manifest declares: a misspelt code does not compile. */
export type PermissionCode = Extract<keyof typeof base.permissions, string>
