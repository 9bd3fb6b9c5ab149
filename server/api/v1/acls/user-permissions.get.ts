import { UserPermissionsQuery, UserPermissionsResponse } from '#shared/schemas/acl'
import { myRecordPermissions } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'listMyRecordPermissions', query: UserPermissionsQuery, response: UserPermissionsResponse, tags: ['acls'],
  summary: 'The caller\'s active record grants: direct, through their roles and through their groups',
}, (ctx, { query }) => myRecordPermissions(ctx, query))
