import { DemoItemCreate, DemoItemResponse } from '../../../../../shared/demo-items'
import { createDemoItem } from '../../../../services/demo-items'

export default defineApiHandler({
  operationId: 'createDemoItem', errors: [409], permission: 'demo_item.create', body: DemoItemCreate, response: DemoItemResponse, status: 201, tags: ['demo'], summary: 'Create a demo item in the active company',
}, (ctx, { body }) => createDemoItem(ctx, body))
