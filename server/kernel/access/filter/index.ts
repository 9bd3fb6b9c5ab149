/** Record filters: one definition (a Directus-style JSON filter), two enforcers (service SQL and RLS policy). */
export { registerEntity, getEntity, entityOfContentType, listEntities, type EntityDef, type FieldType, type EntityRelation } from './registry'
export { parseFilter, FilterError, type Node } from './parse'
export { compileFilter, compileToSql, compileToPolicy, compiledRule, render, toSql, toPolicy, POLICY_VARS, type Compiled, type FilterVars } from './compile'
