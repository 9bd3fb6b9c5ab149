import { accessRules, auditLogs, companies, groups, roles, userCompanyRoles, userGroups, users } from '../../../db/schema'
import type { EntityOptions } from './registry'
import type { PgTable } from 'drizzle-orm/pg-core'

/**
 * The core entities. Names are the content types' models (`core.user` → `user`); the two link
 * tables are registered only as relation targets. Called by the registry on first use (an
 * import for its side effect alone could be dropped by the bundler).
 */
export function registerCoreEntities(registerEntity: (name: string, table: PgTable, options?: EntityOptions) => unknown) {
  registerEntity('user_company_role', userCompanyRoles)
  registerEntity('user_group', userGroups)
  registerEntity('user', users, {
    contentType: 'core.user',
    exclude: ['hashed_password', 'failed_login_attempts', 'locked_until', 'last_login_ip'],
    relations: {
      current_company: { target: 'company', local: 'current_company_id', remote: 'id' },
      memberships: { target: 'user_company_role', local: 'id', remote: 'user_id' },
      group_links: { target: 'user_group', local: 'id', remote: 'user_id' },
    },
    scopes: {
      own: { id: { _eq: '$CURRENT_USER' } },
      company: { memberships: { company_id: { _eq: '$CURRENT_COMPANY' }, is_active: { _eq: true } } },
      group: { group_links: { group_id: { _in: '$CURRENT_GROUPS' }, is_active: { _eq: true } } },
    },
  })
  registerEntity('company', companies, {
    contentType: 'core.company',
    relations: { parent: { target: 'company', local: 'parent_company_id', remote: 'id' } },
    scopes: { company: { id: { _eq: '$CURRENT_COMPANY' } } },
  })
  registerEntity('group', groups, {
    contentType: 'core.group',
    scopes: { group: { id: { _in: '$CURRENT_GROUPS' } } },
  })
  registerEntity('role', roles, {
    contentType: 'core.role',
    scopes: { group: { id: { _in: '$CURRENT_ROLES' } } },
  })
  registerEntity('auditlog', auditLogs, {
    contentType: 'core.auditlog',
    relations: { user: { target: 'user', local: 'user_id', remote: 'id' } },
    scopes: { own: { user_id: { _eq: '$CURRENT_USER' } } },
  })
  registerEntity('access_rule', accessRules, { relations: { user: { target: 'user', local: 'user_id', remote: 'id' } } })
}
