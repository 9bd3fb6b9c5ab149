import { DemoItemIdParams, DemoItemResponse } from '../../../../../../shared/demo-items'
import { toggleDemoItem } from '../../../../../services/demo-items'

export default defineApiHandler({
  operationId: 'toggleDemoItem', permission: 'demo_item.update', params: DemoItemIdParams, response: DemoItemResponse, tags: ['demo'], summary: 'Switch a demo item between active and inactive',
}, (ctx, { params }) => toggleDemoItem(ctx, params.id))
