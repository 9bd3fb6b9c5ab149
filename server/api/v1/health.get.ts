import { HealthResponse } from '#shared/schemas/health'

export default defineApiHandler({
  operationId: 'getHealth', responses: { 503: HealthResponse }, auth: false, response: HealthResponse, tags: ['system'], summary: 'Database and cache status', description: '503 when the database is down.',
}, (_ctx, _input, event) => sendHealth(event))
