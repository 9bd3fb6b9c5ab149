import { DemoItemIdParams, DemoItemResponse, DemoItemUpdate } from '../../../../../shared/demo-items'
import { updateDemoItem } from '../../../../services/demo-items'

export default defineApiHandler({
  operationId: 'updateDemoItem', permission: 'demo_item.update', params: DemoItemIdParams, body: DemoItemUpdate, response: DemoItemResponse, tags: ['demo'], summary: 'Update a demo item',
}, (ctx, { params, body }) => updateDemoItem(ctx, params.id, body))
