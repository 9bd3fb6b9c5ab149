import { z } from 'zod'

const name = z.string().min(1).max(100)

export const FieldAccess = z.object({
  field: name,
  read: z.boolean(),
  write: z.boolean(),
}).strict()
export type FieldAccess = z.infer<typeof FieldAccess>

/** One entity's rules for a role or group: `restricted` false = no rules (every field readable and writable). */
export const EntityFieldPermissions = z.object({
  entity: name,
  restricted: z.boolean(),
  fields: z.array(FieldAccess),
})
export type EntityFieldPermissions = z.infer<typeof EntityFieldPermissions>

export const FieldPermissionsResponse = z.object({ items: z.array(EntityFieldPermissions) })
export type FieldPermissionsResponse = z.infer<typeof FieldPermissionsResponse>

/** Replaces one entity's rules of a role or group. Fields left out of a restricted entity are neither read nor written. */
export const FieldPermissionsUpdate = z.object({
  entity: name,
  restricted: z.boolean(),
  fields: z.array(FieldAccess).max(500).default([]),
}).strict()
export type FieldPermissionsUpdateInput = z.infer<typeof FieldPermissionsUpdate>

export const FieldEntityInfo = z.object({
  entity: z.string(),
  label: z.string(),
  fields: z.array(z.object({ name: z.string(), readable: z.boolean(), writable: z.boolean() })),
})
export const FieldEntitiesResponse = z.object({ items: z.array(FieldEntityInfo) })
export type FieldEntitiesResponse = z.infer<typeof FieldEntitiesResponse>

z.globalRegistry.add(FieldAccess, { id: 'FieldAccess', description: 'Whether holders may read and write one field' })
z.globalRegistry.add(EntityFieldPermissions, { id: 'EntityFieldPermissions', description: 'The field rules of a role or group for one entity; restricted=false: no rules, every field readable and writable' })
z.globalRegistry.add(FieldPermissionsResponse, { id: 'FieldPermissions', description: 'The field rules of a role or group, one entry per registered entity' })
z.globalRegistry.add(FieldPermissionsUpdate, { id: 'FieldPermissionsUpdate', description: 'Replaces one entity\'s field rules of a role or group' })
z.globalRegistry.add(FieldEntityInfo, { id: 'FieldEntity', description: 'An entity whose fields can be restricted, with its fields (id is always readable and not listed)' })
z.globalRegistry.add(FieldEntitiesResponse, { id: 'FieldEntities', description: 'Entities whose fields roles and groups can restrict' })
