export * from './companies'
export * from './users'
export * from './rbac'
export * from './audit'
