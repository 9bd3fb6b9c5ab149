import { DemoItemIdParams } from '../../../../../shared/demo-items'
import { deleteDemoItem } from '../../../../services/demo-items'

export default defineApiHandler({
  operationId: 'deleteDemoItem', permission: 'demo_item.delete', params: DemoItemIdParams, status: 204, tags: ['demo'], summary: 'Delete a demo item',
}, (ctx, { params }) => deleteDemoItem(ctx, params.id))
