import { describe, expect, it } from 'vitest'
import { injectionFactors, scoreRequest } from '../../server/kernel/threats'

const BROWSER = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36', accept: 'application/json' }
const rules = (url: string, facts: Partial<typeof BROWSER> = {}) => scoreRequest({ url, ...BROWSER, ...facts }).factors.map(f => f.rule)

describe('threat rules', () => {
  it('scores nothing for the console\'s own requests', () => {
    for (const url of ['/', '/login?redirect=/settings/users', '/api/v1/users/?page=2&search=o%27brien', '/api/v1/audit-logs/?entity_type=user', '/settings/access-rules', '/api/v1/modules/demo/plan?action=install&cascade=true', '/_nuxt/entry.js', '/api/v1/users/?search=select%20union%20members']) {
      expect(scoreRequest({ url, ...BROWSER }), url).toEqual({ score: 0, factors: [] })
    }
  })

  it('suspicious paths: software and files this server does not have', () => {
    for (const url of ['/wp-admin/setup-config.php', '/index.php', '/.env', '/.git/config', '/phpmyadmin/', '/cgi-bin/test.cgi', '/backup.sql']) expect(rules(url), url).toEqual(['suspicious_path'])
  })

  it('traversal, plain and encoded, in path and query', () => {
    for (const url of ['/api/../../etc', '/a/%2e%2e/%2e%2e/x', '/a/%252e%252e/x', '/download?file=../../secret']) expect(rules(url), url).toContain('path_traversal')
    expect(rules('/a..b/c')).toEqual([])
  })

  it('SQL and script injection in path and query, decoded (also twice)', () => {
    expect(rules('/api/v1/users/?search=\' OR \'1\'=\'1')).toEqual(['injection_query'])
    expect(rules('/api/v1/users/?search=1%20UNION%20SELECT%20password%20FROM%20users')).toEqual(['injection_query'])
    expect(rules('/api/v1/users/?q=%253Cscript%253Ealert(1)')).toEqual(['injection_query'])
    expect(rules('/api/v1/users/1;DROP TABLE users')).toEqual(['injection_path'])
    expect(rules('/api/v1/users/?q=1)%20AND%20SLEEP(5)')).toEqual(['injection_query'])
  })

  it('scanner and script user agents, missing headers', () => {
    expect(rules('/', { userAgent: 'sqlmap/1.7.2#stable (https://sqlmap.org)' })).toEqual(['scanner_user_agent'])
    expect(rules('/', { userAgent: 'curl/8.5.0' })).toEqual(['script_user_agent'])
    expect(rules('/', { userAgent: null as unknown as string, accept: null as unknown as string })).toEqual(['no_user_agent', 'no_accept'])
  })

  it('adds up, capped at 100, with a reason per rule', () => {
    const r = scoreRequest({ url: '/wp-login.php?user=\' or 1=1--&f=../../x', userAgent: 'nikto', accept: null })
    expect(r.factors.map(f => [f.rule, f.points])).toEqual([['suspicious_path', 20], ['path_traversal', 40], ['injection_query', 30], ['scanner_user_agent', 50], ['no_accept', 10]])
    expect(r.score).toBe(100)
    expect(r.factors.every(f => f.detail.length > 0)).toBe(true)
  })

  it('bodies: the same injection patterns, in the JSON text as sent', () => {
    expect(injectionFactors('{"username":"admin\' OR \'1\'=\'1","password":"x"}', 'body')).toEqual([{ rule: 'injection_body', points: 30, detail: 'SQL tautology' }])
    expect(injectionFactors('{"bio":"I like <b>bold</b> and selecting from a union of ideas"}', 'body')).toEqual([])
  })
})
