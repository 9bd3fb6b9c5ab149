import { CompanyCreate, CompanyResponse, CompanyUpdate } from '../../../shared/schemas/company'
import { GroupCreate, GroupResponse, GroupUpdate, GroupWithMembers } from '../../../shared/schemas/group'
import { RoleCreate, RoleResponse, RoleUpdate, RoleWithPermissions } from '../../../shared/schemas/role'
import { UserCreate, UserDetailResponse, UserResponse, UserUpdate } from '../../../shared/schemas/user'
import { registerFieldEntity } from './fields'

/** The core entities whose fields roles and groups can restrict, derived from the API's own schemas (idempotent). */
export function registerCoreFieldEntities() {
  registerFieldEntity({ entity: 'user', label: 'Users', responses: [UserResponse, UserDetailResponse], inputs: [UserCreate, UserUpdate] })
  registerFieldEntity({ entity: 'company', label: 'Companies', responses: [CompanyResponse], inputs: [CompanyCreate, CompanyUpdate] })
  registerFieldEntity({ entity: 'group', label: 'Groups', responses: [GroupResponse, GroupWithMembers], inputs: [GroupCreate, GroupUpdate] })
  registerFieldEntity({ entity: 'role', label: 'Roles', responses: [RoleResponse, RoleWithPermissions], inputs: [RoleCreate, RoleUpdate] })
}
