import { ProfileUpdate, UserResponse } from '#shared/schemas/user'
import { updateProfile } from '~~/server/services/users'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'updateMe', body: ProfileUpdate, response: UserResponse, tags: ['auth'], summary: 'Edit own profile',
  description: 'Name, phone, avatar, bio, location, website, time zone and language; nothing that needs user.update.',
}, (ctx, { body }) => updateProfile(ctx, body))
