import { TwoFactorChallengeRequest } from '#shared/schemas/account-security'
import { LoginResponse } from '#shared/schemas/auth'
import { answerChallenge } from '~~/server/services/account/two-factor'

export default defineApiHandler({
  operationId: 'answerTwoFactorChallenge', auth: false, errors: [401, 429], body: TwoFactorChallengeRequest, response: LoginResponse, tags: ['auth'],
  summary: 'Second sign-in step: the code for a challenge',
  description: 'The `challenge_token` of a sign-in that answered `requires_2fa` (valid 5 minutes, works once) and a TOTP or backup code give the full sign-in. Wrong codes count towards the sign-in back-off.',
}, (ctx, { body }) => answerChallenge(ctx, body.challenge_token, body.code))
