import { describe, expect, it } from 'vitest'
import { ruleAllows } from '../../server/services/access-rules'

const rule = (over: Partial<Parameters<typeof ruleAllows>[0][number]>) => ({
  userId: null, groupId: null, priority: 10, canRead: true, canCreate: false, canWrite: false, canDelete: false, ...over,
})

describe('ruleAllows', () => {
  it('denies when no rule applies', () => {
    expect(ruleAllows([], 'view')).toBe(false)
  })

  it('lets the highest priority rule decide', () => {
    const rules = [rule({ priority: 5, canWrite: true }), rule({ priority: 20, canWrite: false })]
    expect(ruleAllows(rules, 'change')).toBe(false)
    expect(ruleAllows(rules, 'view')).toBe(true)
  })

  it('prefers a user rule to a group rule, and a group rule to a global one, at equal priority', () => {
    expect(ruleAllows([rule({ groupId: 1, canDelete: false }), rule({ userId: 1, canDelete: true })], 'delete')).toBe(true)
    expect(ruleAllows([rule({ canCreate: true }), rule({ groupId: 1, canCreate: false })], 'add')).toBe(false)
  })
})
