/**
 * Threat scoring of requests (issue "Request security"): the original's rules (suspicious paths,
 * traversal, injection patterns, scanner user agents, missing headers), made to work. Each rule
 * adds points with a reason; the score is capped at 100. Pure functions: the pipeline
 * (server/middleware/20.threats.ts) and the API handler (for bodies) decide what a score means.
 */
export interface RiskFactor { rule: string, points: number, detail: string }
export interface RiskScore { score: number, factors: RiskFactor[] }

export interface RequestFacts {
  /** the path as sent, query included, percent-encoding intact */
  url: string
  userAgent: string | null
  accept: string | null
}

/** Probes for software we do not run, and for files no one should serve. */
const SUSPICIOUS_PATH = /\.(?:php\d?|aspx?|jsp|cgi|env|htaccess|htpasswd|bak|sql)(?:$|[/?#])|\/\.(?:git|svn|hg)(?:\/|$)|\/(?:wp-(?:admin|login|content|includes)|phpmyadmin|cgi-bin|xmlrpc|actuator|server-status|etc\/passwd|boot\.ini)\b/i
/** `..` as a path segment, plain or percent-encoded (once or twice). */
const TRAVERSAL = /(?:^|[/\\])(?:\.|%2e|%252e){2}(?:[/\\]|%2f|%5c|%252f|$)/i
/** SQL and script injection, in decoded text. */
const INJECTION: [RegExp, string][] = [
  [/\bunion\b[\s/*+]+(?:all[\s/*+]+)?select\b/i, 'SQL UNION SELECT'],
  [/(?:'|")\s*(?:or|and)\s*(?:'[^']*'|"[^"]*"|\d+)\s*=\s*(?:'[^']*'?|"[^"]*"?|\d+)/i, 'SQL tautology'],
  [/;\s*(?:drop|truncate|alter|delete|insert|update)\s+(?:table|from|into|database)?\b/i, 'stacked SQL statement'],
  [/\b(?:sleep|pg_sleep|benchmark|waitfor\s+delay)\s*\(/i, 'SQL timing probe'],
  [/<\s*script\b|javascript\s*:|\bon(?:error|load|mouseover|focus)\s*=/i, 'script injection'],
  [/\$\{jndi:|\{\{\s*7\s*\*\s*7\s*\}\}/i, 'template/JNDI injection'],
]
const SCANNER_UA = /\b(?:sqlmap|nikto|nmap|masscan|zgrab|nuclei|acunetix|wpscan|dirbuster|gobuster|ffuf|feroxbuster|havij|w3af|openvas|nessus)\b/i
const SCRIPT_UA = /\b(?:curl|wget|python-requests|python-urllib|go-http-client|libwww-perl|scrapy|bot|spider|crawler)\b/i

function decoded(text: string): string {
  // nothing encoded (the usual request): nothing to decode
  if (!text.includes('%') && !text.includes('+')) return text
  let out = text
  // twice: doubly encoded payloads are a classic evasion
  for (let i = 0; i < 2; i++) {
    try {
      out = decodeURIComponent(out.replace(/\+/g, ' '))
    }
    catch {
      break
    }
  }
  return out
}

/** Injection patterns found in `text` (a path, a query, a body), each named once. */
export function injectionFactors(text: string, where: 'path' | 'query' | 'body'): RiskFactor[] {
  const plain = where === 'body' ? text : decoded(text)
  const found = INJECTION.filter(([re]) => re.test(plain)).map(([, name]) => name)
  return found.length ? [{ rule: `injection_${where}`, points: 30, detail: found.join(', ') }] : []
}

export function scoreRequest(r: RequestFacts): RiskScore {
  const factors: RiskFactor[] = []
  const q = r.url.indexOf('?')
  const path = q === -1 ? r.url : r.url.slice(0, q)
  const query = q === -1 ? '' : r.url.slice(q + 1)
  if (SUSPICIOUS_PATH.test(decoded(path))) factors.push({ rule: 'suspicious_path', points: 20, detail: 'probes for software or files this server does not have' })
  if (TRAVERSAL.test(path) || TRAVERSAL.test(decoded(path)) || /(?:\.\.|%2e%2e)(?:\/|%2f|\\)/i.test(query)) factors.push({ rule: 'path_traversal', points: 40, detail: '".." in the path or query' })
  factors.push(...injectionFactors(path, 'path'))
  if (query) factors.push(...injectionFactors(query, 'query'))
  if (!r.userAgent) factors.push({ rule: 'no_user_agent', points: 15, detail: 'no User-Agent header' })
  else if (SCANNER_UA.test(r.userAgent)) factors.push({ rule: 'scanner_user_agent', points: 50, detail: `a known attack tool (${SCANNER_UA.exec(r.userAgent)![0]})` })
  else if (SCRIPT_UA.test(r.userAgent)) factors.push({ rule: 'script_user_agent', points: 10, detail: 'a script or crawler, not a browser' })
  if (!r.accept) factors.push({ rule: 'no_accept', points: 10, detail: 'no Accept header' })
  return total(factors)
}

export function total(factors: RiskFactor[]): RiskScore {
  return { score: Math.min(100, factors.reduce((n, f) => n + f.points, 0)), factors }
}
