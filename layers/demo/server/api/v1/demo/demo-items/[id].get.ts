import { DemoItemIdParams, DemoItemResponse } from '../../../../../shared/demo-items'
import { getDemoItem } from '../../../../services/demo-items'

export default defineApiHandler({
  operationId: 'getDemoItem', permission: 'demo_item.read', params: DemoItemIdParams, response: DemoItemResponse, tags: ['demo'], summary: 'Get a demo item',
}, (ctx, { params }) => getDemoItem(ctx, params.id))
