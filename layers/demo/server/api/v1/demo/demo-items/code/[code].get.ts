import { DemoItemCodeParams, DemoItemResponse } from '../../../../../../shared/demo-items'
import { getDemoItemByCode } from '../../../../../services/demo-items'

export default defineApiHandler({
  operationId: 'getDemoItemByCode', permission: 'demo_item.read', params: DemoItemCodeParams, response: DemoItemResponse, tags: ['demo'], summary: 'Get a demo item by its code',
}, (ctx, { params }) => getDemoItemByCode(ctx, params.code))
