import { FieldEntitiesResponse } from '#shared/schemas/field-permission'
import { listFieldEntities } from '~~/server/services/field-permissions'

export default defineApiHandler({
  operationId: 'listFieldEntities', response: FieldEntitiesResponse, tags: ['roles'],
  summary: 'Entities whose fields roles and groups can restrict', description: 'Their fields, derived from the API\'s response and input schemas; id is always readable and not listed.',
}, () => listFieldEntities())
