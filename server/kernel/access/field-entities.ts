import { CompanyCreate, CompanyMember, CompanyResponse, CompanyUpdate } from '../../../shared/schemas/company'
import { GroupCreate, GroupMember, GroupResponse, GroupUpdate, GroupWithMembers } from '../../../shared/schemas/group'
import { UserRef } from '../../../shared/schemas/logs'
import { RoleCreate, RoleResponse, RoleUpdate, RoleWithPermissions } from '../../../shared/schemas/role'
import { UserCreate, UserDetailResponse, UserResponse, UserUpdate } from '../../../shared/schemas/user'
import { registerFieldEntity } from './fields'

/** The core entities whose fields roles and groups can restrict, derived from the API's own schemas (idempotent). */
export function registerCoreFieldEntities() {
  // users also appear as company members, group members and the actors of log entries: hidden there too
  registerFieldEntity({ entity: 'user', label: 'Users', responses: [UserResponse, UserDetailResponse], inputs: [UserCreate, UserUpdate], shapes: [CompanyMember, GroupMember, UserRef] })
  registerFieldEntity({ entity: 'company', label: 'Companies', responses: [CompanyResponse], inputs: [CompanyCreate, CompanyUpdate] })
  registerFieldEntity({ entity: 'group', label: 'Groups', responses: [GroupResponse, GroupWithMembers], inputs: [GroupCreate, GroupUpdate] })
  registerFieldEntity({ entity: 'role', label: 'Roles', responses: [RoleResponse, RoleWithPermissions], inputs: [RoleCreate, RoleUpdate] })
}
