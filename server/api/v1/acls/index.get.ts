import { AclListQuery, AclResponse } from '#shared/schemas/acl'
import { pageOf } from '#shared/schemas/common'
import { listAcls } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'listAcls', permission: 'acl.read', query: AclListQuery, response: pageOf(AclResponse), tags: ['acls'], summary: 'List record ACLs of the active company and global ones',
}, (ctx, { query }) => listAcls(ctx, query))
