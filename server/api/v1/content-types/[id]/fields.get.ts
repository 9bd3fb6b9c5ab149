import { IdParams } from '#shared/schemas/common'
import { FilterFieldsResponse } from '#shared/schemas/record-filter'
import { contentTypeFields } from '~~/server/services/content-types'

export default defineApiHandler({
  operationId: 'getContentTypeFields', params: IdParams, response: FilterFieldsResponse, tags: ['rbac'], summary: 'The fields a record filter on a content type may name',
}, (ctx, { params }) => contentTypeFields(ctx, params.id))
