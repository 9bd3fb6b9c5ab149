/**
 * The manifest of a FastVue module (like Odoo's `__manifest__.py`): plain data, no side effects.
 * `base` (the core, `fastvue.module.ts` at the root) is a module too.
 */
export interface PermissionSpec {
  description: string
  /** grouping in the console; defaults to the resource (the part before the last dot) */
  category?: string
}

export interface MenuSpec {
  code: string
  name: string
  path?: string
  icon?: string
  /** permission code needed to see the item; none = every signed-in user */
  permission?: string
  parent?: string
  order: number
}

export interface ContentTypeSpec {
  appLabel: string
  model: string
  name: string
}

/** A role the module defines for every company (a system role: read-only in the console). */
export interface RoleSpec {
  codename: string
  name: string
  description: string
  /** its permission codes, or '*' for every permission of every installed module (new codes included) */
  permissions: '*' | readonly string[]
}

export interface ModuleManifest {
  name: string
  version: string
  summary: string
  description?: string
  author?: string
  license?: string
  category?: string
  application?: boolean
  autoInstall?: boolean
  depends: readonly string[]
  /** permission code → description (or description and category) */
  permissions: Readonly<Record<string, string | PermissionSpec>>
  menus: readonly MenuSpec[]
  contentTypes: readonly ContentTypeSpec[]
  roles?: readonly RoleSpec[]
  /** data files loaded at install, relative to the module's folder */
  data: readonly string[]
  /** demo data files, loaded only when asked */
  demo: readonly string[]
}

/** Keeps the literal permission codes, so `PermissionCode` can be derived from manifests. */
export function defineModuleManifest<const M extends ModuleManifest>(manifest: M): M {
  return manifest
}

export interface PermissionDef {
  codename: string
  name: string
  category: string
  action: string
  resource: string
  description: string
}

/** The permission rows a manifest declares. */
export function permissionDefs(manifest: ModuleManifest): PermissionDef[] {
  return Object.entries(manifest.permissions).map(([codename, spec]) => {
    const dot = codename.lastIndexOf('.')
    const resource = codename.slice(0, dot)
    const description = typeof spec === 'string' ? spec : spec.description
    const category = (typeof spec === 'string' ? undefined : spec.category) ?? resource
    return { codename, name: codename, category, action: codename.slice(dot + 1), resource, description }
  })
}
