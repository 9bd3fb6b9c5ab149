import { afterAll, expect } from 'vitest'
import { cspViolations } from './browser'

// every browser file: the console ran under its Content-Security-Policy without one violation
afterAll(() => {
  expect(cspViolations, 'Content-Security-Policy violations in the console').toEqual([])
})
