// Generated from docs/openapi.json by `npm run api:client` (openapi-typescript). Do not edit.

export interface paths {
    "/api/v1/access-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List access rules, highest priority first
         * @description Requires permission `access_rule.read` in the active company (superusers pass).
         */
        get: operations["listAccessRules"];
        put?: never;
        /**
         * Create an access rule
         * @description Requires permission `access_rule.create` in the active company (superusers pass).
         */
        post: operations["createAccessRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One access rule
         * @description Requires permission `access_rule.read` in the active company (superusers pass).
         */
        get: operations["getAccessRule"];
        /**
         * Update an access rule
         * @description Requires permission `access_rule.update` in the active company (superusers pass).
         */
        put: operations["updateAccessRule"];
        post?: never;
        /**
         * Delete an access rule
         * @description Requires permission `access_rule.delete` in the active company (superusers pass).
         */
        delete: operations["deleteAccessRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access-rules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which records a filter would let a user see (among those the caller sees)
         * @description Requires permission `access_rule.read` in the active company (superusers pass).
         */
        post: operations["previewAccessRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List record ACLs of the active company and global ones
         * @description Requires permission `acl.read` in the active company (superusers pass).
         */
        get: operations["listAcls"];
        put?: never;
        /**
         * Create a record ACL
         * @description Requires permission `acl.create` in the active company (superusers pass).
         */
        post: operations["createAcl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record ACL
         * @description Requires permission `acl.read` in the active company (superusers pass).
         */
        get: operations["getAcl"];
        /**
         * Update a record ACL
         * @description Requires permission `acl.update` in the active company (superusers pass).
         */
        put: operations["updateAcl"];
        post?: never;
        /**
         * Delete a record ACL
         * @description Requires permission `acl.delete` in the active company (superusers pass).
         */
        delete: operations["deleteAcl"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acls/check-permission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether the caller may do an operation on an entity type or one record, and why
         * @description Any signed-in user.
         */
        post: operations["checkRecordPermission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acls/record-permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List per-record grants of the active company, newest first
         * @description Requires permission `record_permission.read` in the active company (superusers pass).
         */
        get: operations["listRecordPermissions"];
        put?: never;
        /**
         * Grant a user, role or group one operation on one record
         * @description Requires permission `record_permission.create` in the active company (superusers pass).
         */
        post: operations["grantRecordPermission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acls/record-permissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a per-record grant (kept, with who revoked it and when)
         * @description Requires permission `record_permission.delete` in the active company (superusers pass).
         */
        delete: operations["revokeRecordPermission"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acls/user-permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's active record grants: direct, through their roles and through their groups
         * @description Any signed-in user.
         */
        get: operations["listMyRecordPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activity-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activity log
         * @description Superusers see everything, holders of activity.read their active company, everyone else their own entries.
         *
         *     Any signed-in user.
         */
        get: operations["listActivityLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activity-logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One activity entry
         * @description Any signed-in user.
         */
        get: operations["getActivityLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activity-logs/entity/{entityType}/{entityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Timeline of one record (entries the caller may read)
         * @description Any signed-in user.
         */
        get: operations["listEntityActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activity-logs/user/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activity of one user (entries the caller may read)
         * @description Any signed-in user.
         */
        get: operations["listUserActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit log
         * @description Data changes with before/after values, newest first; non-superusers see their active company only.
         *
         *     Requires permission `system.audit` in the active company (superusers pass).
         */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One audit log entry
         * @description Requires permission `system.audit` in the active company (superusers pass).
         */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/backup-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New backup codes
         * @description Needs the password and a current TOTP or backup code. 10 new one-time codes (shown only now); the old ones stop working.
         *
         *     Any signed-in user.
         */
        post: operations["regenerateBackupCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second sign-in step: the code for a challenge
         * @description The `challenge_token` of a sign-in that answered `requires_2fa` (valid 5 minutes, works once) and a TOTP or backup code give the full sign-in. Wrong codes count towards the sign-in back-off.
         *
         *     Public: no token needed.
         */
        post: operations["answerTwoFactorChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor authentication off
         * @description Needs the password and a current TOTP or backup code; wrong codes count towards the sign-in back-off.
         *
         *     Any signed-in user.
         */
        post: operations["disableTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start two-factor enrolment
         * @description A new TOTP secret with its QR code and 10 one-time backup codes (shown only now). Nothing is enforced until POST /auth/2fa/verify confirms a first code; 409 when 2FA is already on.
         *
         *     Any signed-in user.
         */
        post: operations["setupTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Two-factor status of the signed-in user
         * @description Any signed-in user.
         */
        get: operations["getTwoFactorStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor authentication on
         * @description The first code from the authenticator app confirms the enrolment of /auth/2fa/setup; from then on sign-ins ask for a code.
         *
         *     Any signed-in user.
         */
        post: operations["verifyTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your personal access tokens
         * @description Without their secrets; with when and from where each was last used.
         *
         *     Any signed-in user.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create a personal access token
         * @description The key (`fv_…`) is in this reply only. It acts for you in one company with the permissions it lists, at most those you hold there; use it as `Authorization: Bearer fv_…`. Keys cannot create keys.
         *
         *     Any signed-in user.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of your personal access tokens
         * @description It stops working at once; the record keeps who revoked it and when.
         *
         *     Any signed-in user.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change own password
         * @description Ends every other session of the user.
         *
         *     Any signed-in user.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with username or e-mail and password
         * @description Returns an access token, a rotating refresh token, the user, their companies and the permissions of the active company. 5 consecutive failures lock the account.
         *
         *     Public: no token needed.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: revoke this session and its refresh tokens
         * @description Any signed-in user.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user, with their companies
         * @description Any signed-in user.
         */
        get: operations["getMe"];
        /**
         * Edit own profile
         * @description Name, phone, avatar, bio, location, website, time zone and language; nothing that needs user.update.
         *
         *     Any signed-in user.
         */
        put: operations["updateMe"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alias of /auth/permissions
         * @description Any signed-in user.
         */
        get: operations["getMePermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/{provider}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with a provider (302 to it)
         * @description Redirects (302) to the provider with state, PKCE (S256) and, for OpenID Connect, a nonce; all are kept server-side for 10 minutes and used once, and bound to this browser by an HttpOnly cookie. `redirect` must be a path on this site (else 422).
         *
         *     Public: no token needed.
         */
        get: operations["oauthAuthorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the provider returns (302 to the console)
         * @description Checks state, the browser (the cookie set by authorize or link), PKCE and nonce, exchanges the code and signs in (by a linked account, else by a verified e-mail, else sign-up when OAUTH_ALLOW_SIGNUP=true) or links the account. Redirects to `/login?oauth_code=…` (exchange it at POST /api/v1/auth/oauth/exchange) or `/login?oauth_error=<code>`; a link returns to its page with `oauth_linked` or `oauth_error`.
         *
         *     Public: no token needed.
         */
        get: operations["oauthCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/{provider}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link a provider account to the signed-in user
         * @description Returns the provider's authorization URL (and binds the flow to this browser by an HttpOnly cookie); its callback links the provider account (refused when it is linked to another user) and returns to `redirect` (default /profile).
         *
         *     Any signed-in user.
         */
        post: operations["oauthLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Provider accounts linked to the signed-in user
         * @description Any signed-in user.
         */
        get: operations["listOAuthAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink one of own provider accounts
         * @description Refused (409) when it is the last way to sign in: an account without a usable password and no other link.
         *
         *     Any signed-in user.
         */
        delete: operations["unlinkOAuthAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the one-time code of an OAuth sign-in for the login result
         * @description The code from `/login?oauth_code=…` works once, within 60 seconds; the answer is what POST /api/v1/auth/login answers.
         *
         *     Public: no token needed.
         */
        post: operations["oauthExchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The configured OAuth / OpenID Connect sign-in providers
         * @description Public: no token needed.
         */
        get: operations["listOAuthProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the sign-in page may offer (self-registration)
         * @description Public: no token needed.
         */
        get: operations["getAuthOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your passkeys
         * @description Any signed-in user.
         */
        get: operations["listPasskeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one of your passkeys
         * @description It no longer signs in. Refused (409) when it is the last way to sign in: no usable password, no other passkey, no linked account.
         *
         *     Any signed-in user.
         */
        delete: operations["deletePasskey"];
        options?: never;
        head?: never;
        /**
         * Rename one of your passkeys
         * @description Any signed-in user.
         */
        patch: operations["renamePasskey"];
        trace?: never;
    };
    "/api/v1/auth/passkeys/login/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sign-in with a passkey
         * @description WebAuthn request options and the id of their challenge (single use, 5 minutes); pass the options to startAuthentication() of @simplewebauthn/browser. Without a username any discoverable passkey of this site may answer.
         *
         *     Public: no token needed.
         */
        post: operations["passkeyLoginOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/login/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a passkey
         * @description Verifies the signed challenge (user verification required, the signature counter must not go back) and answers what POST /api/v1/auth/login answers. A passkey satisfies two-factor authentication. Rate limited like password sign-in.
         *
         *     Public: no token needed.
         */
        post: operations["passkeyLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/register/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start registering a passkey
         * @description WebAuthn creation options for the signed-in user (their passkeys excluded); pass them to startRegistration() of @simplewebauthn/browser. The challenge works once, within 5 minutes. Not with an API key.
         *
         *     Any signed-in user.
         */
        post: operations["passkeyRegistrationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/register/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish registering a passkey
         * @description Verifies the browser's attestation against the challenge from /register/options (spent by this call; user verification required) and stores the passkey. 400: the challenge is unknown, spent or expired, or the attestation does not verify; 409: the passkey is registered already.
         *
         *     Any signed-in user.
         */
        post: operations["registerPasskey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password from a reset or invitation link
         * @description The token works once and until it expires (400 otherwise). The password policy of change-password applies; every session of the account ends.
         *
         *     Public: no token needed.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password reset link
         * @description Always 202 with the same body, whether or not the address has an account (and when the mail limits refuse): the answer reveals nothing. The link opens /reset-password?token=… and works once, for 30 minutes.
         *
         *     Public: no token needed.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Permissions of the signed-in user in the active company
         * @description Any signed-in user.
         */
        get: operations["getMyPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens
         * @description The refresh token rotates on every use; presenting a spent one revokes the whole session.
         *
         *     Public: no token needed.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account (self-registration)
         * @description Only with ALLOW_SIGNUP=true (404 otherwise). The account has no company or role until an administrator adds one; a verification mail is sent.
         *
         *     Public: no token needed.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/security/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Security score of the signed-in user
         * @description A score of 0–100 from 2FA, backup codes left, password age, open sessions, recent failed sign-ins, e-mail verification and the e-mail alerts of your security settings, with what to improve.
         *
         *     Any signed-in user.
         */
        get: operations["getMySecurityOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open sessions of the signed-in user, with their devices
         * @description Any signed-in user.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of own sessions
         * @description Any signed-in user.
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/revoke-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere else
         * @description Revokes every open session of the signed-in user except the current one.
         *
         *     Any signed-in user.
         */
        post: operations["revokeOtherSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/switch-company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Switch the active company
         * @description Issues new tokens for the company; 403 unless the user belongs to it.
         *
         *     Any signed-in user.
         */
        post: operations["switchCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an e-mail address from a verification link
         * @description Public: no token needed.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the signed-in user a new verification mail
         * @description The mail limits apply (429).
         *
         *     Any signed-in user.
         */
        post: operations["resendVerificationEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List companies
         * @description Superusers see all companies; everyone else the companies they belong to.
         *
         *     Requires permission `company.read` in the active company (superusers pass).
         */
        get: operations["listCompanies"];
        put?: never;
        /**
         * Create a company or branch
         * @description Requires permission `company.create` in the active company (superusers pass).
         */
        post: operations["createCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One company
         * @description Requires permission `company.read` in the active company (superusers pass).
         */
        get: operations["getCompany"];
        /**
         * Update a company
         * @description The code cannot change; the parent cannot be the company or one of its branches.
         *
         *     Requires permission `company.update` in the active company (superusers pass).
         */
        put: operations["updateCompany"];
        post?: never;
        /**
         * Delete a company
         * @description Refused while users are assigned or branches exist.
         *
         *     Requires permission `company.delete` in the active company (superusers pass).
         */
        delete: operations["deleteCompany"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active users of a company
         * @description Requires permission `company.read` in the active company (superusers pass).
         */
        get: operations["listCompanyUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/my-companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Companies of the signed-in user, with their role in each
         * @description Any signed-in user.
         */
        get: operations["listMyCompanies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Companies and their branches as a tree
         * @description Requires permission `company.read` in the active company (superusers pass).
         */
        get: operations["getCompanyTree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Content types (models access rules apply to)
         * @description Any signed-in user.
         */
        get: operations["listContentTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One content type
         * @description Any signed-in user.
         */
        get: operations["getContentType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content-types/{id}/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fields a record filter on a content type may name
         * @description Any signed-in user.
         */
        get: operations["getContentTypeFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/csp/csp-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive Content-Security-Policy violation reports
         * @description Where the console's CSP sends its reports (`report-uri`, `application/csp-report`, or the Reporting API's `application/reports+json`). Public and rate limited; each violation is stored as security activity (`csp_violation`).
         *
         *     Public: no token needed.
         */
        post: operations["reportCspViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/csp/csp-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the console's Content-Security-Policy is enforced
         * @description Public: no token needed.
         */
        get: operations["getCspStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dashboard counts and sign-ins per day (last 30 days)
         * @description Counts are null for resources the caller may not read; sign-ins are scoped like the activity log.
         *
         *     Any signed-in user.
         */
        get: operations["getDashboardSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest mails of the outbox, with their bodies (development only)
         * @description For reading reset and verification links without an SMTP server. 404 when ENVIRONMENT=production.
         *
         *     Superusers only.
         */
        get: operations["listDevOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-permissions/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entities whose fields roles and groups can restrict
         * @description Their fields, derived from the API's response and input schemas; id is always readable and not listed.
         *
         *     Any signed-in user.
         */
        get: operations["listFieldEntities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List groups with member counts
         * @description Requires permission `group.read` in the active company (superusers pass).
         */
        get: operations["listGroups"];
        put?: never;
        /**
         * Create a group
         * @description With optional permission_ids and user_ids; non-superusers may only include permissions they hold.
         *
         *     Requires permission `group.create` in the active company (superusers pass).
         */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A group with members and permissions
         * @description Requires permission `group.read` in the active company (superusers pass).
         */
        get: operations["getGroup"];
        /**
         * Update a group
         * @description permission_ids and user_ids, when given, replace the sets.
         *
         *     Requires permission `group.update` in the active company (superusers pass).
         */
        put: operations["updateGroup"];
        post?: never;
        /**
         * Delete a group (not system groups)
         * @description Requires permission `group.delete` in the active company (superusers pass).
         */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/field-permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Field permissions of a group
         * @description Per entity, which fields holders may read and write; restricted=false: no rules (every field).
         *
         *     Requires permission `group.read` in the active company (superusers pass).
         */
        get: operations["getGroupFieldPermissions"];
        /**
         * Replace one entity's field permissions of a group
         * @description restricted=true: holders read and write only the fields marked (id stays readable); restricted=false: no rules. Nobody grants field access they do not hold.
         *
         *     Requires permission `group.update` in the active company (superusers pass).
         */
        put: operations["setGroupFieldPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/menu-permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Menu codes a group opens
         * @description Requires permission `group.read` in the active company (superusers pass).
         */
        get: operations["getGroupMenuCodes"];
        /**
         * Replace the menu codes a group opens
         * @description Body: a JSON array of menu codes; 400 on unknown codes.
         *
         *     Requires permission `group.manage` in the active company (superusers pass).
         */
        put: operations["setGroupMenuCodes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members of a group
         * @description Requires permission `group.read` in the active company (superusers pass).
         */
        get: operations["listGroupUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a user to a group
         * @description Requires permission `group.manage` in the active company (superusers pass).
         */
        post: operations["addGroupUser"];
        /**
         * Remove a user from a group
         * @description Requires permission `group.manage` in the active company (superusers pass).
         */
        delete: operations["removeGroupUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Database and cache status
         * @description 503 when the database is down.
         *
         *     Public: no token needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menus/accessible": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Menus the caller can open, with create/edit/delete flags
         * @description Permission-derived access, OR-merged with group menu grants; the user's own menu permissions override both.
         *
         *     Any signed-in user.
         */
        get: operations["listAccessibleMenus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menus/accessible/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Codes of the menus the caller can open
         * @description Any signed-in user.
         */
        get: operations["listAccessibleMenuCodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menus/flat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Menu items the caller may see, flat
         * @description Any signed-in user.
         */
        get: operations["listMenusFlat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menus/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Menu tree the caller may see
         * @description Items whose permission the caller holds, with their parents.
         *
         *     Any signed-in user.
         */
        get: operations["getMenuTree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List modules (apps)
         * @description The layers built into the app, base and uploads waiting for a build; filters: state, category, application, search.
         *
         *     Requires permission `module.read` in the active company (superusers pass).
         */
        get: operations["listModules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A module
         * @description Requires permission `module.read` in the active company (superusers pass).
         */
        get: operations["getModule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{name}/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Migrations of a module
         * @description Applied, rolled back and failed ones, then the layer's pending ones.
         *
         *     Requires permission `module.read` in the active company (superusers pass).
         */
        get: operations["listModuleMigrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{name}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plan (dry run) of an install, upgrade or uninstall
         * @description Modules in order, migrations, tables, permissions, menus and data, with the validation errors and warnings. Changes nothing.
         *
         *     Requires permission `module.read` in the active company (superusers pass).
         */
        get: operations["planModule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{name}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll back the last migrations of a module
         * @description Runs the down SQL of the last `steps` applied migrations in one transaction; the module is then `to_upgrade`.
         *
         *     Superusers only.
         */
        post: operations["rollbackModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Names of the installed modules
         * @description For the console of every signed-in user (which pages exist), like /menus/accessible; details need `module.read`.
         *
         *     Any signed-in user.
         */
        get: operations["listActiveModules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/backups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Module backups
         * @description The JSON backups uninstall wrote to BACKUP_DIR/modules, newest first.
         *
         *     Requires permission `module.read` in the active company (superusers pass).
         */
        get: operations["listModuleBackups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/install/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a module
         * @description Dependencies first, then migrations, data (demo data with `demo: true`), permissions, menus and role grants, in one transaction. Refusals: 404, or 409 `{detail, report}` with the validation report.
         *
         *     Superusers only.
         */
        post: operations["installModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/installed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Installed modules
         * @description Requires permission `module.read` in the active company (superusers pass).
         */
        get: operations["listInstalledModules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Module operations
         * @description Every install, upgrade, uninstall, rollback, restore and upload: who, when, how long, result and error; newest first.
         *
         *     Requires permission `module.read` in the active company (superusers pass).
         */
        get: operations["listModuleOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a module backup
         * @description Installs the module again (it must be uninstalled) and reloads the rows and grants of the backup.
         *
         *     Superusers only.
         */
        post: operations["restoreModuleBackup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/uninstall/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Uninstall a module
         * @description A JSON backup of its rows, permissions, menus and grants goes to BACKUP_DIR/modules first; then its tables are dropped in foreign-key order (unless `keep_data`). Installed dependents refuse it (409) unless `cascade`; base is refused.
         *
         *     Superusers only.
         */
        post: operations["uninstallModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/upgrade/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upgrade a module
         * @description Pending migrations and data updates of a newer layer; downgrades are refused (409).
         *
         *     Superusers only.
         */
        post: operations["upgradeModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a module ZIP (multipart field `file`, at most 50 MB)
         * @description One top-level folder with fastvue.module.ts; absolute paths, `..`, symlinks, more than 1,000 entries, more than 100 MB unpacked and names over 255 characters are refused (400). The module lands in the modules folder and needs `npx fastvue build` and a restart before it can be installed.
         *
         *     Superusers only.
         */
        post: operations["uploadModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI 3.1 document
         * @description Public: no token needed.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List permissions
         * @description Requires permission `permission.read` in the active company (superusers pass).
         */
        get: operations["listPermissions"];
        put?: never;
        /**
         * Create a custom permission
         * @description Requires permission `permission.manage` in the active company (superusers pass).
         */
        post: operations["createPermission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One permission
         * @description Requires permission `permission.read` in the active company (superusers pass).
         */
        get: operations["getPermission"];
        put?: never;
        post?: never;
        /**
         * Delete a custom permission
         * @description Refused for system permissions and while roles or groups hold it.
         *
         *     Requires permission `permission.manage` in the active company (superusers pass).
         */
        delete: operations["deletePermission"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions/grouped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active permissions grouped by category
         * @description Requires permission `permission.read` in the active company (superusers pass).
         */
        get: operations["listPermissionsGrouped"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rls/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Row-level-security decisions of the active company (superusers: all), newest first
         * @description Requires permission `rls.read` in the active company (superusers pass).
         */
        get: operations["listRlsAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rls/audit-logs/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Row-level-security decisions over the last days: totals, top denial reasons, per entity type
         * @description Requires permission `rls.read` in the active company (superusers pass).
         */
        get: operations["getRlsAuditStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rls/check-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether the caller may do an action on a record (or on an entity type), decided by the database; every check is logged
         * @description Any signed-in user.
         */
        post: operations["checkRlsAccess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rls/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's row-level-security context, as the policies see it
         * @description Any signed-in user.
         */
        get: operations["getRlsContext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rls/context/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The caller's row-level-security context (computed for every request: the same answer as GET)
         * @description Any signed-in user.
         */
        post: operations["refreshRlsContext"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rls/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List managed row-level-security policies, highest priority first
         * @description Requires permission `rls.read` in the active company (superusers pass).
         */
        get: operations["listRlsPolicies"];
        put?: never;
        /**
         * Create a managed row-level-security policy (a RESTRICTIVE PostgreSQL policy while active)
         * @description Superusers only.
         */
        post: operations["createRlsPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rls/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One managed row-level-security policy
         * @description Requires permission `rls.read` in the active company (superusers pass).
         */
        get: operations["getRlsPolicy"];
        /**
         * Update a managed row-level-security policy (its PostgreSQL policy is created again, or dropped when inactive)
         * @description Superusers only.
         */
        put: operations["updateRlsPolicy"];
        post?: never;
        /**
         * Delete a managed row-level-security policy and drop its PostgreSQL policy
         * @description Superusers only.
         */
        delete: operations["deleteRlsPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles
         * @description Global roles and roles of the caller's companies; company_id shows that company's roles and the global ones.
         *
         *     Requires permission `role.read` in the active company (superusers pass).
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a role
         * @description Non-superusers create roles in their companies and may only include permissions they hold.
         *
         *     Requires permission `role.create` in the active company (superusers pass).
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A role with its permissions
         * @description Requires permission `role.read` in the active company (superusers pass).
         */
        get: operations["getRole"];
        /**
         * Update a role
         * @description permission_ids, when given, replaces the set. System roles cannot be changed.
         *
         *     Requires permission `role.update` in the active company (superusers pass).
         */
        put: operations["updateRole"];
        post?: never;
        /**
         * Delete a role
         * @description Refused for system roles and roles held by users.
         *
         *     Requires permission `role.delete` in the active company (superusers pass).
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}/field-permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Field permissions of a role
         * @description Per entity, which fields holders may read and write; restricted=false: no rules (every field).
         *
         *     Requires permission `role.read` in the active company (superusers pass).
         */
        get: operations["getRoleFieldPermissions"];
        /**
         * Replace one entity's field permissions of a role
         * @description restricted=true: holders read and write only the fields marked (id stays readable); restricted=false: no rules. Nobody grants field access they do not hold.
         *
         *     Requires permission `role.update` in the active company (superusers pass).
         */
        put: operations["setRoleFieldPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}/permissions/{permissionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a permission to a role
         * @description Requires permission `role.manage` in the active company (superusers pass).
         */
        post: operations["grantRolePermission"];
        /**
         * Revoke a permission from a role
         * @description Requires permission `role.manage` in the active company (superusers pass).
         */
        delete: operations["revokeRolePermission"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/bans/{ip}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Lift the ban of an address
         * @description Idempotent: an address that is not banned stays so (204 as well).
         *
         *     Requires permission `security.manage` in the active company (superusers pass).
         */
        delete: operations["liftBan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suspicious requests, bans and rate-limit hits
         * @description Across every company: counts by kind, a histogram of risk scores, the top sources, the bans in force, rate-limit hits by rule and the 20 latest suspicious events with their factors.
         *
         *     Requires permission `security.manage` in the active company (superusers pass).
         */
        get: operations["getSecurityOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your security settings
         * @description Sign-in alerts, back-off and session limits and API access of the signed-in user, with the system limits they may only tighten. Defaults until first saved.
         *
         *     Any signed-in user.
         */
        get: operations["getMySecuritySettings"];
        /**
         * Change your security settings
         * @description Only the fields sent change. Limits may only tighten the system's (422 otherwise); session limits apply to open sessions at once (the current one is kept). The change is e-mailed when the old or the new settings ask for security alerts. Not with an API key.
         *
         *     Any signed-in user.
         */
        put: operations["updateMySecuritySettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/security/violations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a security event seen in the console
         * @description Public and rate limited; stored as security activity (`frontend_<type>`), with the caller when signed in.
         *
         *     Public: no token needed.
         */
        post: operations["reportSecurityViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Users of the active company (all users for superusers); soft-deleted users never appear.
         *
         *     Requires permission `user.read` in the active company (superusers pass).
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description Non-superusers add the user to their active company and must name a role_id they may grant.
         *
         *     Requires permission `user.create` in the active company (superusers pass).
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user with company roles and permissions
         * @description Requires permission `user.read` in the active company (superusers pass).
         */
        get: operations["getUser"];
        /**
         * Update a user
         * @description Requires permission `user.update` in the active company (superusers pass).
         */
        put: operations["updateUser"];
        post?: never;
        /**
         * Soft-delete a user
         * @description The user disappears from lists, cannot sign in, and their sessions end.
         *
         *     Requires permission `user.delete` in the active company (superusers pass).
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's personal access tokens
         * @description Those acting in your active company (superusers: all), without their secrets.
         *
         *     Requires permission `user.update` in the active company (superusers pass).
         */
        get: operations["listUserApiKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a user's personal access token
         * @description Needs user.update in the key's company; a superuser's keys only by a superuser.
         *
         *     Requires permission `user.update` in the active company (superusers pass).
         */
        delete: operations["revokeUserApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/assign-company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a user a role in a company (query parameters, as in the original)
         * @description Requires permission `user.manage` in the active company (superusers pass).
         */
        post: operations["assignUserCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a user an invitation to set their password
         * @description The link opens /reset-password?token=…&invite=1 and works once, for 7 days; a new invitation voids the previous one.
         *
         *     Requires permission `user.update` in the active company (superusers pass).
         */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/menu-permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's own menu permissions in a company (default: the caller's active company)
         * @description Requires permission `user.read` in the active company (superusers pass).
         */
        get: operations["getUserMenuPermissions"];
        /**
         * Replace a user's menu permissions in a company
         * @description Body: a JSON array of {code, can_view, can_create, can_edit, can_delete}; 400 on unknown codes.
         *
         *     Requires permission `user.manage` in the active company (superusers pass).
         */
        put: operations["setUserMenuPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/remove-company/{companyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a user from a company
         * @description Requires permission `user.manage` in the active company (superusers pass).
         */
        delete: operations["removeUserCompany"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's recent risk
         * @description Risk scores, suspicious events, sign-ins and failures and their addresses over the last `days` (30), from the activity the caller may read.
         *
         *     Requires permission `activity.read` in the active company (superusers pass).
         */
        get: operations["getUserRisk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's open sessions
         * @description The user must belong to the active company (else 404); a superuser's sessions only to superusers (403).
         *
         *     Requires permission `user.update` in the active company (superusers pass).
         */
        get: operations["listUserSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a user's session
         * @description Signs the user out on that device. The user must belong to the active company (else 404); a superuser's sessions only superusers may revoke (403).
         *
         *     Requires permission `user.update` in the active company (superusers pass).
         */
        delete: operations["revokeUserSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a user's sign-in back-off
         * @description Clears the back-off that failed sign-ins started, from every source address.
         *
         *     Requires permission `user.update` in the active company (superusers pass).
         */
        post: operations["unlockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/messageable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users the caller can message
         * @description Any signed-in user.
         */
        get: operations["listMessageableUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/search/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @mention autocomplete (at most 20)
         * @description Any signed-in user.
         */
        get: operations["searchMentions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A menu item the caller may open, with what they may do there */
        AccessibleMenu: {
            id: number;
            code: string;
            name: string;
            path: string | null;
            icon: string | null;
            parent_id: number | null;
            permission: string | null;
            module: string | null;
            order: number;
            parent_code: string | null;
            can_view: boolean;
            can_create: boolean;
            can_edit: boolean;
            can_delete: boolean;
            /** @enum {string} */
            source: "permission" | "group" | "user";
        };
        /** @description An access rule */
        AccessRule: {
            id: number;
            name: string;
            description: string | null;
            content_type: number;
            user: number | null;
            group: number | null;
            company_id: number | null;
            scope: string;
            filters: {
                [key: string]: unknown;
            } | null;
            can_view: boolean;
            can_add: boolean;
            can_change: boolean;
            can_delete: boolean;
            priority: number;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
        };
        /** @description A new access rule */
        AccessRuleCreate: {
            name: string;
            description?: string | null;
            content_type: number | string;
            /**
             * @default own
             * @enum {string}
             */
            scope?: "own" | "group" | "company" | "all";
            filters?: components["schemas"]["RecordFilter"] | null;
            /** @default true */
            can_view?: boolean;
            /** @default false */
            can_add?: boolean;
            /** @default false */
            can_change?: boolean;
            /** @default false */
            can_delete?: boolean;
            /** @default 10 */
            priority?: number;
            /** @default true */
            is_active?: boolean;
            user?: (number | string) | null;
            group?: (number | string) | null;
        };
        /** @description A page of AccessRule items */
        AccessRulePage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["AccessRule"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description A filter to try: the records it would let a user see */
        AccessRulePreview: {
            content_type: number | string;
            /**
             * @default all
             * @enum {string}
             */
            scope?: "own" | "group" | "company" | "all";
            filters?: components["schemas"]["RecordFilter"] | null;
            user?: (number | string) | null;
        };
        /** @description The first records a filter matches, and how many */
        AccessRulePreviewResult: {
            total: number;
            items: {
                id: number;
                label: string | null;
            }[];
        };
        /** @description Changes to an access rule */
        AccessRuleUpdate: {
            name?: string;
            description?: string | null;
            /** @enum {string} */
            scope?: "own" | "group" | "company" | "all";
            filters?: components["schemas"]["RecordFilter"] | null;
            can_view?: boolean;
            can_add?: boolean;
            can_change?: boolean;
            can_delete?: boolean;
            priority?: number;
            is_active?: boolean;
        };
        /** @description One factor of the security score */
        AccountSecurityFactor: {
            key: string;
            label: string;
            ok: boolean;
            /** @description Points earned */
            points: number;
            max_points: number;
            detail: string;
        };
        /** @description The signed-in user's security score with its factors and recommendations */
        AccountSecurityOverview: {
            score: number;
            /** @enum {string} */
            level: "weak" | "fair" | "good" | "strong";
            two_factor_enabled: boolean;
            backup_codes_remaining: number;
            password_changed_at: string | null;
            password_age_days: number | null;
            active_sessions: number;
            failed_sign_ins_30d: number;
            last_login_at: string | null;
            email_verified: boolean;
            factors: components["schemas"]["AccountSecurityFactor"][];
            recommendations: string[];
        };
        /** @description A record ACL: who may or may not do one operation on records of an entity type */
        Acl: {
            id: number;
            name: string;
            description: string | null;
            company_id: number | null;
            entity_type: string;
            operation: string;
            field_name: string | null;
            condition: {
                [key: string]: unknown;
            } | null;
            allowed_roles: number[];
            denied_roles: number[];
            allowed_groups: number[];
            denied_groups: number[];
            allowed_users: number[];
            denied_users: number[];
            priority: number;
            is_active: boolean;
            created_by: number | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
        };
        /** @description A new record ACL */
        AclCreate: {
            name: string;
            description?: string | null;
            entity_type: string;
            /** @enum {string} */
            operation: "read" | "create" | "update" | "delete";
            field_name?: string | null;
            condition?: components["schemas"]["createAcl_body_node0"] | null;
            allowed_roles?: (number | string)[];
            denied_roles?: (number | string)[];
            allowed_groups?: (number | string)[];
            denied_groups?: (number | string)[];
            allowed_users?: (number | string)[];
            denied_users?: (number | string)[];
            /** @default 100 */
            priority?: number;
            /** @default true */
            is_active?: boolean;
        };
        /** @description A page of Acl items */
        AclPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["Acl"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description Changes to a record ACL */
        AclUpdate: {
            name?: string;
            description?: string | null;
            condition?: components["schemas"]["updateAcl_body_node0"] | null;
            allowed_roles?: (number | string)[];
            denied_roles?: (number | string)[];
            allowed_groups?: (number | string)[];
            denied_groups?: (number | string)[];
            allowed_users?: (number | string)[];
            denied_users?: (number | string)[];
            priority?: number;
            is_active?: boolean;
        };
        /** @description One event: a sign-in, a denial, a permission change */
        ActivityLogEntry: {
            id: number;
            event_id: string;
            action: string;
            category: string;
            level: string;
            entity_type: string;
            entity_id: number | null;
            entity_name: string | null;
            description: string | null;
            user_id: number | null;
            company_id: number | null;
            ip_address: string | null;
            user_agent: string | null;
            request_method: string | null;
            request_path: string | null;
            http_status: number | null;
            success: boolean;
            risk_score: number;
            is_suspicious: boolean;
            risk_factors: {
                rule: string;
                points: number;
                detail: string;
            }[] | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            user: {
                id: number;
                username: string;
                full_name: string | null;
                avatar_url: string | null;
            } | null;
        };
        /** @description A page of ActivityLogEntry items */
        ActivityLogEntryPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["ActivityLogEntry"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description A personal access token, without its secret */
        ApiKey: {
            id: number;
            user_id: number;
            name: string;
            prefix: string;
            company_id: number;
            permissions: string[];
            expires_at: string | null;
            last_used_at: string | null;
            last_used_ip: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            revoked_at: string | null;
        };
        /** @description A personal access token: name, permissions (⊆ yours), company, expiry */
        ApiKeyCreate: {
            name: string;
            permissions: string[];
            company_id?: number | string;
            expires_in_days?: (number | string) | null;
        };
        /** @description A new personal access token with its secret, shown once */
        ApiKeyCreated: {
            id: number;
            user_id: number;
            name: string;
            prefix: string;
            company_id: number;
            permissions: string[];
            expires_at: string | null;
            last_used_at: string | null;
            last_used_ip: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            revoked_at: string | null;
            /** @example fv_3q2+… */
            api_key: string;
        };
        /** @description One change: who, what, and the before/after values of the changed fields */
        AuditLogEntry: {
            id: number;
            user_id: number | null;
            user: {
                id: number;
                username: string;
                full_name: string | null;
                avatar_url: string | null;
            } | null;
            company_id: number | null;
            action: string;
            entity_type: string;
            entity_id: number | null;
            entity_name: string | null;
            old_values: {
                [key: string]: unknown;
            } | null;
            new_values: {
                [key: string]: unknown;
            } | null;
            changed_fields: string[] | null;
            description: string | null;
            ip_address: string | null;
            user_agent: string | null;
            request_id: string | null;
            api_key_id: number | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
        };
        /** @description A page of AuditLogEntry items */
        AuditLogEntryPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["AuditLogEntry"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description What the sign-in page may offer */
        AuthOptions: {
            /** @description Whether POST /auth/register is open (ALLOW_SIGNUP) */
            allow_signup: boolean;
        };
        /** @description New one-time backup codes (shown once; the old ones stop working) */
        BackupCodes: {
            backup_codes: string[];
        };
        /** @description A company or branch */
        Company: {
            id: number;
            name: string;
            code: string;
            description: string | null;
            parent_company_id: number | null;
            address: string | null;
            city: string | null;
            state: string | null;
            country: string | null;
            zip_code: string | null;
            phone: string | null;
            email: string | null;
            website: string | null;
            tax_id: string | null;
            registration_number: string | null;
            date_format: string | null;
            time_format: string | null;
            timezone: string | null;
            currency: string | null;
            logo_url: string | null;
            is_active: boolean;
            is_headquarters: boolean;
            require_2fa: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
        };
        /** @description The membership that was set */
        CompanyAssignment: {
            message: string;
            user_id: number;
            company_id: number;
            role_id: number;
            is_default: boolean;
        };
        /** @description A new company or branch */
        CompanyCreate: {
            name: string;
            code: string;
            description?: string | null;
            parent_company_id?: (number | string) | null;
            address?: string | null;
            city?: string | null;
            state?: string | null;
            country?: string | null;
            zip_code?: string | null;
            phone?: string | null;
            email?: (string | null) | "";
            website?: string | null;
            tax_id?: string | null;
            registration_number?: string | null;
            date_format?: string;
            time_format?: string;
            timezone?: string;
            currency?: string;
            is_headquarters?: boolean;
            is_active?: boolean;
            /** @description Members must enrol in two-factor authentication before using the API in this company */
            require_2fa?: boolean;
        };
        /** @description A page of Company items */
        CompanyPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["Company"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description A company with its branches */
        CompanyTreeNode: {
            id: number;
            name: string;
            code: string;
            description: string | null;
            parent_company_id: number | null;
            address: string | null;
            city: string | null;
            state: string | null;
            country: string | null;
            zip_code: string | null;
            phone: string | null;
            email: string | null;
            website: string | null;
            tax_id: string | null;
            registration_number: string | null;
            date_format: string | null;
            time_format: string | null;
            timezone: string | null;
            currency: string | null;
            logo_url: string | null;
            is_active: boolean;
            is_headquarters: boolean;
            require_2fa: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
            children: components["schemas"]["CompanyTreeNode"][];
        };
        /** @description Changes to a company */
        CompanyUpdate: {
            name?: string;
            logo_url?: string | null;
            description?: string | null;
            parent_company_id?: (number | string) | null;
            address?: string | null;
            city?: string | null;
            state?: string | null;
            country?: string | null;
            zip_code?: string | null;
            phone?: string | null;
            email?: (string | null) | "";
            website?: string | null;
            tax_id?: string | null;
            registration_number?: string | null;
            date_format?: string;
            time_format?: string;
            timezone?: string;
            currency?: string;
            is_headquarters?: boolean;
            is_active?: boolean;
            /** @description Members must enrol in two-factor authentication before using the API in this company */
            require_2fa?: boolean;
        };
        /** @description Active members of a company (rows under `users`, as in the original) */
        CompanyUsers: {
            company_id: number;
            company_name: string;
            users: {
                id: number;
                email: string;
                username: string;
                full_name: string | null;
                avatar_url: string | null;
                phone: string | null;
                bio: string | null;
                location: string | null;
                website: string | null;
                timezone: string | null;
                language: string | null;
                is_active: boolean;
                is_verified: boolean;
                is_superuser: boolean;
                current_company_id: number | null;
                last_login_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-01-15T09:30:00.000Z
                 */
                created_at: string;
                updated_at: string | null;
                last_login_ip?: string | null;
                password_changed_at?: string | null;
                must_change_password?: boolean;
                two_factor_enabled?: boolean;
                /** @description Sign-ins from some address are backing off after failures */
                locked?: boolean;
                locked_until?: string | null;
                role_id: number;
                role_name: string;
            }[];
            total: number;
            page: number;
            page_size: number;
        };
        /** @description A model access rules apply to */
        ContentType: {
            id: number;
            app_label: string;
            model: string;
            name: string;
        };
        createAcl_body_node0: {
            _and: components["schemas"]["createAcl_body_node0"][];
        } | {
            _or: components["schemas"]["createAcl_body_node0"][];
        } | {
            [key: string]: {
                _eq?: string | number | boolean | null;
                _neq?: string | number | boolean | null;
                _in?: (string | number | boolean | null)[] | string;
                _nin?: (string | number | boolean | null)[] | string;
                _lt?: number | string;
                _lte?: number | string;
                _gt?: number | string;
                _gte?: number | string;
                _null?: boolean;
                _contains?: string | number;
            };
        };
        /** @description A Content-Security-Policy violation report (report-uri or Reporting API form) */
        CspReport: ({
            "csp-report": {
                "document-uri"?: string;
                documentURL?: string;
                "violated-directive"?: string;
                "effective-directive"?: string;
                effectiveDirective?: string;
                "blocked-uri"?: string;
                blockedURL?: string;
                "source-file"?: string;
                sourceFile?: string;
                "line-number"?: number;
                lineNumber?: number;
                disposition?: string;
                sample?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        }) | ({
            type: string;
            url?: string;
            body: {
                "document-uri"?: string;
                documentURL?: string;
                "violated-directive"?: string;
                "effective-directive"?: string;
                effectiveDirective?: string;
                "blocked-uri"?: string;
                blockedURL?: string;
                "source-file"?: string;
                sourceFile?: string;
                "line-number"?: number;
                lineNumber?: number;
                disposition?: string;
                sample?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        })[];
        /** @description Counts and sign-ins per day for the dashboard */
        DashboardSummary: {
            /** @description null where the caller may not read the resource */
            counts: {
                users: number | null;
                companies: number | null;
                groups: number | null;
                roles: number | null;
            };
            /** @description the last 30 days, oldest first */
            sign_ins: {
                day: string;
                count: number;
            }[];
        };
        /** @description The field rules of a role or group for one entity; restricted=false: no rules, every field readable and writable */
        EntityFieldPermissions: {
            entity: string;
            restricted: boolean;
            fields: components["schemas"]["FieldAccess"][];
        };
        /** @description Whether holders may read and write one field */
        FieldAccess: {
            field: string;
            read: boolean;
            write: boolean;
        };
        /** @description Entities whose fields roles and groups can restrict */
        FieldEntities: {
            items: components["schemas"]["FieldEntity"][];
        };
        /** @description An entity whose fields can be restricted, with its fields (id is always readable and not listed) */
        FieldEntity: {
            entity: string;
            label: string;
            fields: {
                name: string;
                readable: boolean;
                writable: boolean;
            }[];
        };
        FieldError: {
            /**
             * @description Where: `body`, `query` or `path`, then the field path
             * @example [
             *       "body",
             *       "email"
             *     ]
             */
            loc: (string | number)[];
            /** @example Invalid email address */
            msg: string;
            /** @example invalid_format */
            type: string;
        };
        /** @description The field rules of a role or group, one entry per registered entity */
        FieldPermissions: {
            items: components["schemas"]["EntityFieldPermissions"][];
        };
        /** @description Replaces one entity's field rules of a role or group */
        FieldPermissionsUpdate: {
            entity: string;
            restricted: boolean;
            /** @default [] */
            fields?: components["schemas"]["FieldAccess"][];
        };
        /** @description Replaces one entity's field rules of a role or group */
        FieldPermissionsUpdateInput: {
            entity: string;
            restricted: boolean;
            /** @default [] */
            fields?: components["schemas"]["FieldAccess"][];
        };
        /** @description The fields and relations a record filter on a content type may name */
        FilterFields: {
            filterable: boolean;
            fields: {
                name: string;
                /** @enum {string} */
                type: "int" | "text" | "bool" | "timestamp";
            }[];
            relations: {
                name: string;
                fields: {
                    name: string;
                    /** @enum {string} */
                    type: "int" | "text" | "bool" | "timestamp";
                }[];
            }[];
        };
        /** @description A group */
        Group: {
            id: number;
            name: string;
            codename: string;
            description: string | null;
            company_id: number | null;
            is_active: boolean;
            is_system_group: boolean;
            member_count: number;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
        };
        /** @description A new group */
        GroupCreate: {
            name: string;
            codename: string;
            description?: string | null;
            company_id?: (number | string) | null;
            is_active?: boolean;
            permission_ids?: (number | string)[];
            user_ids?: (number | string)[];
        };
        /** @description A group with its members and permissions */
        GroupDetail: {
            id: number;
            name: string;
            codename: string;
            description: string | null;
            company_id: number | null;
            is_active: boolean;
            is_system_group: boolean;
            member_count: number;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
            members: components["schemas"]["GroupMember"][];
            permissions: {
                id: number;
                name: string;
                codename: string;
            }[];
        };
        /** @description A member of a group */
        GroupMember: {
            id: number;
            username: string;
            email: string;
            full_name: string | null;
            avatar_url: string | null;
        };
        /** @description The menu items a group opens */
        GroupMenuCodes: {
            menu_codes: string[];
        };
        /** @description A page of Group items */
        GroupPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["Group"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description Changes to a group; permission_ids and user_ids replace the sets */
        GroupUpdate: {
            name?: string;
            description?: string | null;
            is_active?: boolean;
            permission_ids?: (number | string)[];
            user_ids?: (number | string)[];
        };
        /** @description Status of the database and the cache */
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded" | "down";
            database: {
                ok: boolean;
                latency_ms: number;
                driver: string;
                error?: string;
            };
            cache: {
                ok: boolean;
                latency_ms: number;
                driver: string;
                error?: string;
            };
            version: string;
            uptime_s: number;
        };
        /** @description Every error but validation */
        HTTPError: {
            /** @example Not Found */
            detail: string;
            /**
             * @description A machine-readable reason, when there is one: `2fa_required` (403) — the active company or role requires two-factor authentication the caller has not enrolled in
             * @example 2fa_required
             */
            code?: string;
        };
        /** @description The invitation mail was queued */
        InviteResponse: {
            message: string;
            mail_id: number;
        };
        /** @description Credentials */
        LoginRequest: {
            /** @description Username or e-mail */
            username: string;
            password: string;
            /** @description One-step sign-in with 2FA: a TOTP or backup code (else the reply asks for it with a challenge) */
            two_factor_code?: string;
        };
        /** @description Tokens, the user, their companies and their permissions in the active company */
        LoginResponse: {
            access_token: string;
            refresh_token: string;
            /** @constant */
            token_type: "bearer";
            /** @description Seconds until the access token expires */
            expires_in: number;
            /** @description true: the password held and a second factor is awaited — the tokens are empty; POST the code with `challenge_token` to /auth/2fa/challenge */
            requires_2fa: boolean;
            /** @description Only with requires_2fa: a single-use token, valid for 5 minutes */
            challenge_token?: string;
            /**
             * @description Only with requires_2fa: `totp` — a code of the authenticator app (or a backup code); `email` — an unusual sign-in of an account without 2FA: a code was e-mailed
             * @enum {string}
             */
            second_factor?: "totp" | "email";
            user: components["schemas"]["UserInfo"];
            companies: components["schemas"]["UserCompany"][];
            permissions: string[];
            role: string | null;
            company_id: number | null;
        };
        /** @description The signed-in user with their profile and companies */
        Me: {
            id: number;
            email: string;
            username: string;
            full_name: string | null;
            avatar_url: string | null;
            is_superuser: boolean;
            is_active: boolean;
            two_factor_enabled: boolean;
            current_company_id: number | null;
            phone: string | null;
            bio: string | null;
            location: string | null;
            website: string | null;
            timezone: string | null;
            language: string | null;
            companies: components["schemas"]["UserCompany"][];
            /** @description The active company or role requires 2FA and the user has not enrolled: other routes answer 403 `2fa_required` */
            two_factor_required: boolean;
        };
        /** @description A menu item */
        MenuItem: {
            id: number;
            code: string;
            name: string;
            path: string | null;
            icon: string | null;
            parent_id: number | null;
            permission: string | null;
            module: string | null;
            order: number;
        };
        /** @description A user's own access to one menu item */
        MenuPermission: {
            code: string;
            name: string;
            can_view: boolean;
            can_create: boolean;
            can_edit: boolean;
            can_delete: boolean;
        };
        /** @description Menu access of a user for one menu item */
        MenuPermissionInput: {
            code: string;
            /** @default true */
            can_view?: boolean;
            /** @default false */
            can_edit?: boolean;
            /** @default false */
            can_delete?: boolean;
            /** @default false */
            can_create?: boolean;
        };
        /** @description A menu item with its children */
        MenuTreeNode: {
            id: number;
            code: string;
            name: string;
            path: string | null;
            icon: string | null;
            parent_id: number | null;
            permission: string | null;
            module: string | null;
            order: number;
            children: components["schemas"]["MenuTreeNode"][];
        };
        /** @description A confirmation */
        Message: {
            /** @example Done */
            message: string;
        };
        /** @description A user the caller can message */
        MessageableUser: {
            id: number;
            username: string;
            full_name: string | null;
            avatar_url: string | null;
            email: string;
            is_online: boolean;
        };
        /** @description A page of MessageableUser items */
        MessageableUserPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["MessageableUser"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description A company of the caller, with their role there */
        MyCompany: {
            id: number;
            name: string;
            code: string;
            description: string | null;
            parent_company_id: number | null;
            address: string | null;
            city: string | null;
            state: string | null;
            country: string | null;
            zip_code: string | null;
            phone: string | null;
            email: string | null;
            website: string | null;
            tax_id: string | null;
            registration_number: string | null;
            date_format: string | null;
            time_format: string | null;
            timezone: string | null;
            currency: string | null;
            logo_url: string | null;
            is_active: boolean;
            is_headquarters: boolean;
            require_2fa: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
            role_id: number;
            role_name: string;
            role_codename: string;
            is_default: boolean;
        };
        /** @description The caller's permissions in the active company */
        MyPermissions: {
            permissions: string[];
            role: string | null;
            is_superuser: boolean;
            company_id: number | null;
        };
        /** @description A provider account linked to the signed-in user */
        OAuthAccount: {
            id: number;
            provider: string;
            provider_name: string;
            email: string | null;
            display_name: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            last_used_at: string | null;
        };
        /** @description A one-time code from an OAuth sign-in */
        OAuthExchangeRequest: {
            /** @description The one-time `oauth_code` the callback put on /login (valid 60 s, once) */
            code: string;
        };
        /** @description Where to return after linking (default /profile) */
        OAuthLinkRequest: {
            /** @description Where the console goes afterwards: a path on this site such as `/users` (other origins are refused) */
            redirect?: string;
        };
        /** @description The provider's authorization URL for linking */
        OAuthLinkResponse: {
            /** @description Send the browser here; the provider returns to the callback, which links the account */
            authorize_url: string;
        };
        /** @description A configured sign-in provider */
        OAuthProvider: {
            /** @description Path segment of the provider's routes: google, github, microsoft or a configured OIDC provider */
            id: string;
            /** @description Label for "Sign in with …" */
            name: string;
            /**
             * @description oidc: OpenID Connect (ID token); oauth2: plain OAuth 2 with the provider's user API (GitHub)
             * @enum {string}
             */
            kind: "oidc" | "oauth2";
        };
        /** @description A redirect (302) to the provider or back to the console */
        OAuthRedirect: {
            /** @description Where the browser is sent (also the `Location` header) */
            location: string;
        };
        /** @description The newest mails of the outbox (development only) */
        OutboxList: {
            items: components["schemas"]["OutboxMail"][];
            smtp_configured: boolean;
        };
        /** @description A mail in the outbox (development only) */
        OutboxMail: {
            id: number;
            to: string;
            subject: string;
            template: string;
            /** @enum {string} */
            status: "queued" | "sent" | "failed";
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            next_attempt_at: string;
            last_error: string | null;
            sent_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            html: string;
            text: string;
        };
        /** @description One of your passkeys */
        Passkey: {
            id: number;
            name: string;
            /** @description singleDevice, or multiDevice (a synced passkey) */
            device_type: string;
            backed_up: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            last_used_at: string | null;
        };
        /** @description The browser's answer to a sign-in */
        PasskeyAuthenticationCredential: {
            /** @description Credential id (base64url) */
            id: string;
            /** @description Credential id (base64url) */
            rawId: string;
            /** @constant */
            type: "public-key";
            authenticatorAttachment?: string;
            /** @default {} */
            clientExtensionResults?: {
                [key: string]: unknown;
            };
            response: {
                /** @description clientDataJSON (base64url) */
                clientDataJSON: string;
                /** @description authenticatorData (base64url) */
                authenticatorData: string;
                /** @description signature (base64url) */
                signature: string;
                /** @description userHandle (base64url) */
                userHandle?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description WebAuthn authentication options for the browser */
        PasskeyAuthenticationOptions: {
            challenge: string;
            timeout?: number;
            rpId?: string;
            allowCredentials?: {
                /** @description Credential id (base64url) */
                id: string;
                /** @constant */
                type?: "public-key";
                transports?: string[];
            }[];
            userVerification?: string;
            hints?: string[];
            /** @description WebAuthn extensions */
            extensions?: {
                [key: string]: unknown;
            };
        };
        /** @description A sign-in challenge and its options */
        PasskeyLoginOptions: {
            /** @description Send it back with the response to POST /auth/passkeys/login/verify (single use, 5 minutes) */
            challenge_id: string;
            options: components["schemas"]["PasskeyAuthenticationOptions"];
        };
        /** @description Start a passkey sign-in */
        PasskeyLoginOptionsRequest: {
            /** @description Username or e-mail: only that account's passkeys are offered. Omitted: any discoverable passkey of this site */
            username?: string;
        };
        /** @description The signed challenge */
        PasskeyLoginVerifyRequest: {
            challenge_id: string;
            response: components["schemas"]["PasskeyAuthenticationCredential"];
        };
        /** @description A new passkey to store */
        PasskeyRegisterVerifyRequest: {
            /** @description Your label for the passkey (e.g. "Laptop") */
            name?: string;
            response: components["schemas"]["PasskeyRegistrationCredential"];
        };
        /** @description The browser's answer to a registration */
        PasskeyRegistrationCredential: {
            /** @description Credential id (base64url) */
            id: string;
            /** @description Credential id (base64url) */
            rawId: string;
            /** @constant */
            type: "public-key";
            authenticatorAttachment?: string;
            /** @default {} */
            clientExtensionResults?: {
                [key: string]: unknown;
            };
            response: {
                /** @description clientDataJSON (base64url) */
                clientDataJSON: string;
                /** @description attestationObject (base64url) */
                attestationObject: string;
                /** @description authenticatorData (base64url) */
                authenticatorData?: string;
                transports?: string[];
                publicKeyAlgorithm?: number;
                /** @description Public key (base64url) */
                publicKey?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description WebAuthn registration options for the browser */
        PasskeyRegistrationOptions: {
            challenge: string;
            rp: {
                name: string;
                id?: string;
            };
            user: {
                id: string;
                name: string;
                displayName: string;
            };
            pubKeyCredParams: {
                alg: number;
                /** @constant */
                type: "public-key";
            }[];
            timeout?: number;
            excludeCredentials?: {
                /** @description Credential id (base64url) */
                id: string;
                /** @constant */
                type?: "public-key";
                transports?: string[];
            }[];
            authenticatorSelection?: {
                authenticatorAttachment?: string;
                residentKey?: string;
                requireResidentKey?: boolean;
                userVerification?: string;
            } & {
                [key: string]: unknown;
            };
            hints?: string[];
            attestation?: string;
            /** @description WebAuthn extensions */
            extensions?: {
                [key: string]: unknown;
            };
        };
        /** @description A new label */
        PasskeyRenameRequest: {
            /** @description Your label for the passkey (e.g. "Laptop") */
            name: string;
        };
        /** @description The current and the new password */
        PasswordChange: {
            current_password: string;
            new_password: string & (unknown & unknown & unknown);
        };
        /** @description The token from a reset or invitation link and the new password */
        PasswordResetConfirm: {
            /** @description The token from the link in the mail */
            token: string;
            new_password: string & (unknown & unknown & unknown);
        };
        /** @description The address to send a reset link to */
        PasswordResetRequest: {
            email: string;
        };
        /** @description A permission code */
        Permission: {
            id: number;
            name: string;
            codename: string;
            description: string | null;
            category: string;
            action: string;
            resource: string | null;
            is_system_permission: boolean;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
        };
        /** @description The permissions of one category */
        PermissionCategory: {
            category: string;
            permissions: components["schemas"]["Permission"][];
        };
        /** @description What to check */
        PermissionCheckRequest: {
            entity_type: string;
            entity_id?: string;
            /** @enum {string} */
            operation: "read" | "create" | "update" | "delete";
            field_name?: string;
        };
        /** @description Whether the caller may, and why */
        PermissionCheckResponse: {
            has_access: boolean;
            reason: string;
            applicable_acls: string[];
        };
        /** @description A new custom permission */
        PermissionCreate: {
            name: string;
            codename: string;
            description?: string | null;
            category: string;
            /** @enum {string} */
            action: "create" | "read" | "update" | "delete" | "manage" | "execute";
            resource?: string;
            is_active?: boolean;
        };
        /** @description A page of Permission items */
        PermissionPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["Permission"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description A permission, briefly */
        PermissionRef: {
            id: number;
            name: string;
            codename: string;
            category: string;
            action: string;
        };
        /** @description Changes to one's own profile */
        ProfileUpdate: {
            full_name?: string | null;
            phone?: string | null;
            avatar_url?: string | null;
            bio?: string | null;
            location?: string | null;
            website?: string | null;
            timezone?: string;
            language?: string;
        };
        /** @description Too many requests */
        RateLimited: {
            /** @example Too many requests */
            detail: string;
            /**
             * @description Seconds to wait (as Retry-After)
             * @example 42
             */
            retry_after: number;
        };
        /** @description A record filter: `{ field: { _op: value } }`, `_and`/`_or` lists, one level of relation paths, variables such as `$CURRENT_USER` */
        RecordFilter: {
            [key: string]: unknown;
        };
        /** @description A per-record grant */
        RecordPermission: {
            id: number;
            company_id: number | null;
            entity_type: string;
            entity_id: string;
            operation: string;
            user_id: number | null;
            role_id: number | null;
            group_id: number | null;
            expires_at: string | null;
            is_active: boolean;
            granted_by: number | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            granted_at: string;
            revoked_by: number | null;
            revoked_at: string | null;
        };
        /** @description A grant of one operation on one record to a user, role or group */
        RecordPermissionCreate: {
            entity_type: string;
            entity_id: string;
            /** @enum {string} */
            operation: "read" | "update" | "delete";
            user_id?: (number | string) | null;
            role_id?: (number | string) | null;
            group_id?: (number | string) | null;
            expires_at?: string | null;
        };
        /** @description A page of RecordPermission items */
        RecordPermissionPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["RecordPermission"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description A refresh token to exchange */
        RefreshRequest: {
            refresh_token: string;
        };
        /** @description A new account (self-registration, when ALLOW_SIGNUP is on) */
        RegisterRequest: {
            /** Format: email */
            email: string;
            username: string;
            password: string & (unknown & unknown & unknown);
            full_name?: string | null;
        };
        /** @description The new account */
        RegisterResponse: {
            message: string;
            user: {
                id: number;
                email: string;
                username: string;
            };
        };
        /** @description How many sessions were revoked */
        RevokedCount: {
            message: string;
            revoked: number;
        };
        /** @description An access question answered by the database */
        RlsAccessCheck: {
            entity_type: string;
            /** @enum {string} */
            action: "select" | "insert" | "update" | "delete" | "all";
            entity_id?: (number | string) | null;
        };
        /** @description The database's answer to an access question */
        RlsAccessCheckResult: {
            access_granted: boolean;
            denial_reason: string | null;
            entity_type: string;
            action: string;
            entity_id: number | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            checked_at: string;
        };
        /** @description A row-level-security access decision */
        RlsAuditLog: {
            id: number;
            request_id: string | null;
            user_id: number | null;
            company_id: number | null;
            policy_id: number | null;
            entity_type: string;
            entity_id: number | null;
            action: string;
            access_granted: boolean;
            denial_reason: string | null;
            table_name: string | null;
            ip_address: string | null;
            request_method: string | null;
            request_path: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
        };
        /** @description A page of RlsAuditLog items */
        RlsAuditLogPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["RlsAuditLog"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description Row-level-security decisions over a period */
        RlsAuditStats: {
            period_days: number;
            total_attempts: number;
            granted_count: number;
            denied_count: number;
            success_rate: number;
            top_denied_reasons: {
                reason: string;
                count: number;
            }[];
            entity_type_stats: {
                entity_type: string;
                count: number;
            }[];
        };
        /** @description The caller's row-level-security context, as the policies see it */
        RlsContext: {
            user_id: number | null;
            company_id: number | null;
            company_ids: number[];
            role_ids: number[];
            group_ids: number[];
            is_superuser: boolean;
            under_rls: boolean;
            db_role: string;
        };
        /** @description A managed row-level-security policy (a RESTRICTIVE PostgreSQL policy while active) */
        RlsPolicy: {
            id: number;
            name: string;
            description: string | null;
            entity_type: string;
            table_name: string;
            policy_type: string;
            action: string;
            condition_column: string | null;
            filter: {
                [key: string]: unknown;
            } | null;
            required_roles: number[];
            priority: number;
            company_id: number | null;
            is_active: boolean;
            created_by: number | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
        };
        /** @description A new managed row-level-security policy */
        RlsPolicyCreate: {
            name: string;
            description?: string | null;
            entity_type: string;
            /** @enum {string} */
            policy_type: "owner_only" | "company_member" | "role_based" | "conditional" | "public";
            /** @enum {string} */
            action: "select" | "insert" | "update" | "delete" | "all";
            condition_column?: string | null;
            filter?: components["schemas"]["RecordFilter"] | null;
            required_roles?: (number | string)[];
            /** @default 100 */
            priority?: number;
            company_id?: (number | string) | null;
            /** @default true */
            is_active?: boolean;
            custom_condition?: unknown;
        };
        /** @description A page of RlsPolicy items */
        RlsPolicyPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["RlsPolicy"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description Changes to a managed row-level-security policy */
        RlsPolicyUpdate: {
            name?: string;
            description?: string | null;
            /** @enum {string} */
            policy_type?: "owner_only" | "company_member" | "role_based" | "conditional" | "public";
            /** @enum {string} */
            action?: "select" | "insert" | "update" | "delete" | "all";
            condition_column?: string | null;
            filter?: components["schemas"]["RecordFilter"] | null;
            required_roles?: (number | string)[];
            priority?: number;
            company_id?: (number | string) | null;
            is_active?: boolean;
            custom_condition?: unknown;
        };
        /** @description A role: a company's, or global */
        Role: {
            id: number;
            name: string;
            codename: string;
            description: string | null;
            company_id: number | null;
            is_system_role: boolean;
            is_active: boolean;
            require_2fa: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
        };
        /** @description A new role */
        RoleCreate: {
            name: string;
            codename: string;
            description?: string | null;
            company_id?: (number | string) | null;
            is_active?: boolean;
            /** @description Holders must enrol in two-factor authentication before using the API */
            require_2fa?: boolean;
            permission_ids?: (number | string)[];
        };
        /** @description A role with its permissions and the number of users holding it */
        RoleDetail: {
            id: number;
            name: string;
            codename: string;
            description: string | null;
            company_id: number | null;
            is_system_role: boolean;
            is_active: boolean;
            require_2fa: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
            permissions: components["schemas"]["PermissionRef"][];
            user_count: number;
        };
        /** @description A page of Role items */
        RolePage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["Role"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description Changes to a role */
        RoleUpdate: {
            name?: string;
            description?: string | null;
            is_active?: boolean;
            /** @description Holders must enrol in two-factor authentication before using the API */
            require_2fa?: boolean;
            permission_ids?: (number | string)[];
        };
        /** @description Suspicious requests, bans and rate-limit hits over a period */
        SecurityOverview: {
            period_days: number;
            counts: {
                suspicious: number;
                blocked: number;
                rate_limited: number;
                banned: number;
                csp_violations: number;
            };
            histogram: {
                from: number;
                to: number;
                count: number;
            }[];
            top_sources: {
                ip: string;
                events: number;
                max_score: number;
                /**
                 * Format: date-time
                 * @example 2026-01-15T09:30:00.000Z
                 */
                last_seen: string;
            }[];
            bans: {
                ip: string;
                /**
                 * Format: date-time
                 * @example 2026-01-15T09:30:00.000Z
                 */
                until: string;
            }[];
            rate_limit_hits: {
                rule: string;
                events: number;
            }[];
            recent: {
                id: number;
                /**
                 * Format: date-time
                 * @example 2026-01-15T09:30:00.000Z
                 */
                created_at: string;
                action: string;
                ip_address: string | null;
                request_method: string | null;
                request_path: string | null;
                risk_score: number;
                risk_factors: {
                    rule: string;
                    points: number;
                    detail: string;
                }[] | null;
                description: string | null;
            }[];
        };
        /** @description The signed-in user's own security settings, with the system limits they tighten */
        SecuritySettings: {
            user_id: number;
            /** @description E-mail me on every sign-in */
            email_on_login: boolean;
            /** @description E-mail me when a device I never used signs in */
            email_on_new_device: boolean;
            /** @description E-mail me when my password changes */
            email_on_password_change: boolean;
            /** @description E-mail me when 2FA, passkeys, linked accounts, API keys or these settings change */
            email_on_security_change: boolean;
            /** @description E-mail me when failed sign-ins start a back-off or a stolen refresh token is presented */
            email_on_suspicious_activity: boolean;
            /** @description Off: a new sign-in ends every other session */
            allow_concurrent_sessions: boolean;
            /** @description Off: my API keys are refused and no new ones can be made */
            api_access_enabled: boolean;
            /** @description Failed sign-ins before the back-off starts (at most the system's; null: the system's) */
            max_login_attempts: number | null;
            /** @description The longest back-off in minutes (at least the system's; null: the system's) */
            lockout_duration_minutes: number | null;
            /** @description A session ends this many hours after sign-in (at most the refresh token lifetime; null: that lifetime) */
            max_session_duration_hours: number | null;
            /** @description Open sessions kept: a new sign-in ends the oldest beyond it (null: no limit) */
            max_concurrent_sessions: number | null;
            /** @description Read only: 2FA is turned on at /auth/2fa */
            two_factor_enabled: boolean;
            /** @description The system's limits, which these settings may only tighten */
            system: {
                max_login_attempts: number;
                lockout_duration_minutes: number;
                max_session_duration_hours: number;
            };
            updated_at: string | null;
        };
        /** @description The settings to change; the others stay as they are */
        SecuritySettingsUpdate: {
            /** @description E-mail me on every sign-in */
            email_on_login?: boolean;
            /** @description E-mail me when a device I never used signs in */
            email_on_new_device?: boolean;
            /** @description E-mail me when my password changes */
            email_on_password_change?: boolean;
            /** @description E-mail me when 2FA, passkeys, linked accounts, API keys or these settings change */
            email_on_security_change?: boolean;
            /** @description E-mail me when failed sign-ins start a back-off or a stolen refresh token is presented */
            email_on_suspicious_activity?: boolean;
            /** @description Off: a new sign-in ends every other session */
            allow_concurrent_sessions?: boolean;
            /** @description Off: my API keys are refused and no new ones can be made */
            api_access_enabled?: boolean;
            /** @description Failed sign-ins before the back-off starts (at most the system's; null: the system's) */
            max_login_attempts?: number | null;
            /** @description The longest back-off in minutes (at least the system's; null: the system's) */
            lockout_duration_minutes?: number | null;
            /** @description A session ends this many hours after sign-in (at most the refresh token lifetime; null: that lifetime) */
            max_session_duration_hours?: number | null;
            /** @description Open sessions kept: a new sign-in ends the oldest beyond it (null: no limit) */
            max_concurrent_sessions?: number | null;
        };
        /** @description A security event the console noticed */
        SecurityViolation: {
            type: string;
            details?: {
                [key: string]: unknown;
            };
            timestamp?: string;
            userAgent?: string;
            url?: string;
        };
        /** @description Browser, OS and device type parsed from the user agent */
        SessionDevice: {
            browser: string | null;
            browser_version: string | null;
            os: string | null;
            /** @enum {string} */
            device_type: "desktop" | "mobile" | "tablet" | "tv" | "bot" | "unknown";
        };
        /** @description An open session with its device */
        SessionWithDevice: {
            id: string;
            company_id: number | null;
            ip_address: string | null;
            user_agent: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            last_used_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            expires_at: string;
            current: boolean;
            device: components["schemas"]["SessionDevice"];
        };
        /** @description The company to switch to */
        SwitchCompanyRequest: {
            company_id: number | string;
        };
        /** @description New tokens for the new active company */
        SwitchCompanyResponse: {
            access_token: string;
            refresh_token: string;
            /** @constant */
            token_type: "bearer";
            /** @description Seconds until the access token expires */
            expires_in: number;
            message: string;
            company_id: number;
            permissions: string[];
            role: string | null;
        };
        /** @description An access token and a refresh token */
        TokenPair: {
            access_token: string;
            refresh_token: string;
            /** @constant */
            token_type: "bearer";
            /** @description Seconds until the access token expires */
            expires_in: number;
        };
        /** @description The challenge of the password step and a TOTP or backup code */
        TwoFactorChallenge: {
            challenge_token: string;
            /** @description A 6-digit code from the authenticator app, or a backup code */
            code: string;
        };
        /** @description A TOTP or backup code */
        TwoFactorCode: {
            /** @description A 6-digit code from the authenticator app, or a backup code */
            code: string;
        };
        /** @description The password and a TOTP or backup code */
        TwoFactorConfirm: {
            password: string;
            /** @description A 6-digit code from the authenticator app, or a backup code */
            code: string;
        };
        /** @description A new TOTP enrolment: secret, QR code and backup codes (shown once) */
        TwoFactorSetup: {
            /** @description The TOTP secret (base32), for typing into an authenticator app */
            secret: string;
            /** @description The `otpauth://totp/…` URI the QR code holds */
            otpauth_url: string;
            /** @description The QR code as a `data:image/png;base64,…` URI */
            qr_code: string;
            /** @description 10 one-time backup codes, shown only now (stored hashed) */
            backup_codes: string[];
        };
        /** @description Whether 2FA is on, pending or required, and backup codes left */
        TwoFactorStatus: {
            enabled: boolean;
            /** @description Set up but not yet verified */
            pending: boolean;
            backup_codes_remaining: number;
            /** @description The active company or role requires 2FA */
            required: boolean;
        };
        updateAcl_body_node0: {
            _and: components["schemas"]["updateAcl_body_node0"][];
        } | {
            _or: components["schemas"]["updateAcl_body_node0"][];
        } | {
            [key: string]: {
                _eq?: string | number | boolean | null;
                _neq?: string | number | boolean | null;
                _in?: (string | number | boolean | null)[] | string;
                _nin?: (string | number | boolean | null)[] | string;
                _lt?: number | string;
                _lte?: number | string;
                _gt?: number | string;
                _gte?: number | string;
                _null?: boolean;
                _contains?: string | number;
            };
        };
        /** @description A user. The security fields are present only for callers who may update users */
        User: {
            id: number;
            email: string;
            username: string;
            full_name: string | null;
            avatar_url: string | null;
            phone: string | null;
            bio: string | null;
            location: string | null;
            website: string | null;
            timezone: string | null;
            language: string | null;
            is_active: boolean;
            is_verified: boolean;
            is_superuser: boolean;
            current_company_id: number | null;
            last_login_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
            last_login_ip?: string | null;
            password_changed_at?: string | null;
            must_change_password?: boolean;
            two_factor_enabled?: boolean;
            /** @description Sign-ins from some address are backing off after failures */
            locked?: boolean;
            locked_until?: string | null;
        };
        /** @description A company the user belongs to, with their role there */
        UserCompany: {
            id: number;
            name: string;
            code: string;
            is_default: boolean;
            role_id: number;
            role_name: string;
            role_codename: string;
        };
        /** @description A new user; company_id and role_id add them to a company */
        UserCreate: {
            /** Format: email */
            email: string;
            username: string;
            full_name?: string | null;
            phone?: string | null;
            timezone?: string;
            language?: string;
            password: string & (unknown & unknown & unknown);
            is_active?: boolean;
            is_verified?: boolean;
            /** @description Add the user to this company (a non-superuser's default: their active company) */
            company_id?: number | string;
            /** @description Their role in that company (required with a company) */
            role_id?: number | string;
        };
        /** @description A user with their role in the caller's company (every company for superusers) and their permissions there */
        UserDetail: {
            id: number;
            email: string;
            username: string;
            full_name: string | null;
            avatar_url: string | null;
            phone: string | null;
            bio: string | null;
            location: string | null;
            website: string | null;
            timezone: string | null;
            language: string | null;
            is_active: boolean;
            is_verified: boolean;
            is_superuser: boolean;
            current_company_id: number | null;
            last_login_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T09:30:00.000Z
             */
            created_at: string;
            updated_at: string | null;
            last_login_ip?: string | null;
            password_changed_at?: string | null;
            must_change_password?: boolean;
            two_factor_enabled?: boolean;
            /** @description Sign-ins from some address are backing off after failures */
            locked?: boolean;
            locked_until?: string | null;
            company_roles: {
                company_id: number;
                company_name: string;
                company_code: string;
                role_id: number;
                role_name: string;
                role_codename: string;
                is_default: boolean;
                is_active: boolean;
            }[];
            permissions: string[];
        };
        /** @description The signed-in user, briefly */
        UserInfo: {
            id: number;
            email: string;
            username: string;
            full_name: string | null;
            avatar_url: string | null;
            is_superuser: boolean;
            is_active: boolean;
            two_factor_enabled: boolean;
            current_company_id: number | null;
        };
        /** @description A user as @mention autocomplete shows them */
        UserMention: {
            id: number;
            username: string;
            full_name: string | null;
            avatar_url: string | null;
        };
        /** @description A user's own menu access in one company */
        UserMenuPermissions: {
            user_id: number;
            company_id: number | null;
            permissions: components["schemas"]["MenuPermission"][];
        };
        /** @description A page of User items */
        UserPage: {
            /**
             * @description Items matching the filters, on every page
             * @example 42
             */
            total: number;
            items: components["schemas"]["User"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            page_size: number;
        };
        /** @description The caller's active record grants */
        UserRecordPermissions: {
            items: {
                id: number;
                company_id: number | null;
                entity_type: string;
                entity_id: string;
                operation: string;
                user_id: number | null;
                role_id: number | null;
                group_id: number | null;
                expires_at: string | null;
                is_active: boolean;
                granted_by: number | null;
                /**
                 * Format: date-time
                 * @example 2026-01-15T09:30:00.000Z
                 */
                granted_at: string;
                revoked_by: number | null;
                revoked_at: string | null;
                /** @enum {string} */
                via: "user" | "role" | "group";
            }[];
        };
        /** @description A user's recent risk: scores, failed sign-ins and addresses */
        UserRisk: {
            user_id: number;
            period_days: number;
            /** @enum {string} */
            level: "low" | "medium" | "high";
            max_score: number;
            suspicious: number;
            sign_ins: number;
            failed_sign_ins: number;
            addresses: number;
            last_suspicious_at: string | null;
            recent: {
                id: number;
                /**
                 * Format: date-time
                 * @example 2026-01-15T09:30:00.000Z
                 */
                created_at: string;
                action: string;
                ip_address: string | null;
                request_method: string | null;
                request_path: string | null;
                risk_score: number;
                risk_factors: {
                    rule: string;
                    points: number;
                    detail: string;
                }[] | null;
                description: string | null;
            }[];
        };
        /** @description Changes to a user (only the fields sent) */
        UserUpdate: {
            /** Format: email */
            email?: string;
            username?: string;
            full_name?: string | null;
            phone?: string | null;
            avatar_url?: string | null;
            bio?: string | null;
            location?: string | null;
            website?: string | null;
            timezone?: string;
            language?: string;
            is_active?: boolean;
        };
        /** @description Invalid input (FastAPI's shape) */
        ValidationError: {
            detail: components["schemas"]["FieldError"][];
        };
        /** @description The token from a verification link */
        VerifyEmailRequest: {
            /** @description The token from the link in the mail */
            token: string;
        };
        /** @description The verified address */
        VerifyEmailResponse: {
            message: string;
            email: string;
        };
    };
    responses: {
        /** @description Bad request */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description Not authenticated: no, an invalid or an expired access token */
        Unauthorized: {
            headers: {
                /** @description Always `Bearer` */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The caller lacks a permission, or would grant what they do not hold */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description No such record, or not visible to the caller's company */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description Conflicts with the current state (a duplicate, a record in use) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description Request body over the size limit (MAX_BODY_BYTES, 1 MiB by default) */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The body is not `application/json` */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description Invalid input: one error per field */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /** @description Rate limited (RATE_LIMIT_*), or sign-ins backing off; retry after the given number of seconds */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait */
                "Retry-After"?: number;
                /** @description The limit that applied (IETF draft): `"<rule>";q=<requests>;w=<seconds>` */
                "RateLimit-Policy"?: string;
                /** @description What is left of it (IETF draft): `"<rule>";r=<remaining>;t=<seconds to reset>` */
                RateLimit?: string;
                /** @description Requests allowed per window */
                "X-RateLimit-Limit"?: number;
                /** @description Requests left */
                "X-RateLimit-Remaining"?: number;
                /** @description When the window ends (Unix time, seconds) */
                "X-RateLimit-Reset"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimited"];
            };
        };
        /** @description The database or cache is unavailable; retry later */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccessRules: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                user?: number | string;
                group?: number | string;
                content_type?: number | string;
                is_active?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRulePage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAccessRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessRuleCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRule"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAccessRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRule"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateAccessRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessRuleUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRule"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAccessRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    previewAccessRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessRulePreview"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRulePreviewResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAcls: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                entity_type?: string;
                operation?: "read" | "create" | "update" | "delete";
                is_active?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AclPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAcl: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AclCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Acl"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAcl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Acl"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateAcl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AclUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Acl"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAcl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    checkRecordPermission: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PermissionCheckRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermissionCheckResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRecordPermissions: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                entity_type?: string;
                entity_id?: string;
                user_id?: number | string;
                role_id?: number | string;
                group_id?: number | string;
                operation?: "read" | "update" | "delete";
                is_active?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPermissionPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    grantRecordPermission: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPermissionCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPermission"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeRecordPermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPermission"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMyRecordPermissions: {
        parameters: {
            query?: {
                entity_type?: string;
                entity_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRecordPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listActivityLogs: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                entity_type?: string;
                entity_id?: number | string;
                user_id?: number | string;
                action?: string;
                category?: string;
                level?: "debug" | "info" | "warning" | "error" | "critical";
                success?: "0" | "1" | "true" | "false";
                date_from?: string;
                date_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityLogEntryPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getActivityLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityLogEntry"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listEntityActivity: {
        parameters: {
            query?: {
                limit?: number | string;
            };
            header?: never;
            path: {
                entityType: string;
                entityId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityLogEntry"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUserActivity: {
        parameters: {
            query?: {
                limit?: number | string;
                action?: string;
            };
            header?: never;
            path: {
                userId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityLogEntry"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                entity_type?: string;
                entity_id?: number | string;
                user_id?: number | string;
                action?: string;
                date_from?: string;
                date_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogEntryPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogEntry"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    regenerateBackupCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TwoFactorConfirm"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupCodes"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    answerTwoFactorChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TwoFactorChallenge"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    disableTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TwoFactorConfirm"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setupTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorSetup"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTwoFactorStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorStatus"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TwoFactorCode"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                include_revoked?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMePermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    oauthAuthorize: {
        parameters: {
            query?: {
                /** @description Where the console goes afterwards: a path on this site such as `/users` (other origins are refused) */
                redirect?: string;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (to the `Location` header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthRedirect"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    oauthCallback: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
                error_description?: string;
                iss?: string;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (to the `Location` header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthRedirect"];
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    oauthLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OAuthLinkRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthLinkResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOAuthAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthAccount"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unlinkOAuthAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    oauthExchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OAuthExchangeRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOAuthProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthProvider"][];
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuthOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthOptions"];
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Passkey"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePasskey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    renamePasskey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyRenameRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Passkey"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    passkeyLoginOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyLoginOptionsRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyLoginOptions"];
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    passkeyLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyLoginVerifyRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    passkeyRegistrationOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyRegistrationOptions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    registerPasskey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyRegisterVerifyRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Passkey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirm"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMyPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterResponse"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMySecurityOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSecurityOverview"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionWithDevice"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeOtherSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    switchCompany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwitchCompanyRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwitchCompanyResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyEmailResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    resendVerificationEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCompanies: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                is_active?: "0" | "1" | "true" | "false";
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCompany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCompanyUsers: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                search?: string;
            };
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyUsers"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMyCompanies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyCompany"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCompanyTree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyTreeNode"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listContentTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentType"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContentType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentType"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContentTypeFields: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FilterFields"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    reportCspViolation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CspReport"];
                "application/csp-report": components["schemas"]["CspReport"];
                "application/reports+json": components["schemas"]["CspReport"];
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCspStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        report_only: boolean;
                        report_uri: string;
                    };
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDashboardSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardSummary"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listDevOutbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFieldEntities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldEntities"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGroups: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                company_id?: number | string;
                is_active?: "0" | "1" | "true" | "false";
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGroupFieldPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setGroupFieldPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FieldPermissionsUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityFieldPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGroupMenuCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMenuCodes"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setGroupMenuCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string[];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        success: boolean;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGroupUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMember"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    addGroupUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
                userId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    removeGroupUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
                userId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description The database or cache is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    listAccessibleMenus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessibleMenu"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAccessibleMenuCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMenusFlat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MenuItem"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMenuTree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MenuTreeNode"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listModules: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                state?: "uninstalled" | "installed" | "to_upgrade" | "to_remove";
                category?: string;
                application?: "0" | "1" | "true" | "false";
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Items matching the filters, on every page
                         * @example 42
                         */
                        total: number;
                        items: {
                            name: string;
                            display_name: string;
                            version: string | null;
                            installed_version: string | null;
                            summary: string | null;
                            description: string | null;
                            author: string | null;
                            license: string | null;
                            category: string;
                            icon: string | null;
                            application: boolean;
                            auto_install: boolean;
                            depends: string[];
                            /** @enum {string} */
                            state: "uninstalled" | "installed" | "to_upgrade" | "to_remove";
                            upgradable: boolean;
                            needs_rebuild: boolean;
                            tables: string[];
                            installed_at: string | null;
                            uninstalled_at: string | null;
                        }[];
                        /** @example 1 */
                        page: number;
                        /** @example 20 */
                        page_size: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        display_name: string;
                        version: string | null;
                        installed_version: string | null;
                        summary: string | null;
                        description: string | null;
                        author: string | null;
                        license: string | null;
                        category: string;
                        icon: string | null;
                        application: boolean;
                        auto_install: boolean;
                        depends: string[];
                        /** @enum {string} */
                        state: "uninstalled" | "installed" | "to_upgrade" | "to_remove";
                        upgradable: boolean;
                        needs_rebuild: boolean;
                        tables: string[];
                        installed_at: string | null;
                        uninstalled_at: string | null;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listModuleMigrations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        module: string;
                        name: string;
                        checksum: string;
                        /** @enum {string} */
                        status: "applied" | "rolled_back" | "failed" | "pending";
                        applied_at: string | null;
                        rolled_back_at: string | null;
                        error: string | null;
                        reversible: boolean;
                    }[];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    planModule: {
        parameters: {
            query?: {
                action?: "install" | "upgrade" | "uninstall";
                cascade?: "0" | "1" | "true" | "false";
                keep_data?: "0" | "1" | "true" | "false";
                demo?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "install" | "upgrade" | "uninstall" | "restore";
                        module: string;
                        valid: boolean;
                        steps: {
                            module: string;
                            version: string | null;
                            from_version: string | null;
                            /** @enum {string} */
                            reason: "requested" | "dependency" | "auto_install" | "dependent";
                            migrations: string[];
                            tables: string[];
                            permissions: string[];
                            menus: string[];
                            data: string[];
                        }[];
                        errors: {
                            /** @enum {string} */
                            category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                            /** @enum {string} */
                            severity: "error" | "warning";
                            module: string;
                            message: string;
                        }[];
                        warnings: {
                            /** @enum {string} */
                            category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                            /** @enum {string} */
                            severity: "error" | "warning";
                            module: string;
                            message: string;
                        }[];
                        keep_data?: boolean;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Conflicts with the current state (a duplicate, a record in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        report?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                    };
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rollbackModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 1 */
                    steps?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operation: string;
                        module: string;
                        modules: string[];
                        duration_ms: number;
                        plan?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                        backups?: string[];
                        tables_dropped?: string[];
                        migrations?: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Conflicts with the current state (a duplicate, a record in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        report?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                    };
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listActiveModules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        names: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listModuleBackups: {
        parameters: {
            query?: {
                module?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        file: string;
                        module: string;
                        created_at: string;
                        size: number;
                    }[];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    installModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default false */
                    demo?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operation: string;
                        module: string;
                        modules: string[];
                        duration_ms: number;
                        plan?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                        backups?: string[];
                        tables_dropped?: string[];
                        migrations?: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Conflicts with the current state (a duplicate, a record in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        report?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                    };
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listInstalledModules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        display_name: string;
                        version: string | null;
                        installed_version: string | null;
                        summary: string | null;
                        description: string | null;
                        author: string | null;
                        license: string | null;
                        category: string;
                        icon: string | null;
                        application: boolean;
                        auto_install: boolean;
                        depends: string[];
                        /** @enum {string} */
                        state: "uninstalled" | "installed" | "to_upgrade" | "to_remove";
                        upgradable: boolean;
                        needs_rebuild: boolean;
                        tables: string[];
                        installed_at: string | null;
                        uninstalled_at: string | null;
                    }[];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listModuleOperations: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                module?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Items matching the filters, on every page
                         * @example 42
                         */
                        total: number;
                        items: {
                            id: number;
                            module: string;
                            operation: string;
                            status: string;
                            from_version: string | null;
                            to_version: string | null;
                            user_id: number | null;
                            started_at: string;
                            duration_ms: number;
                            error: string | null;
                            details: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        /** @example 1 */
                        page: number;
                        /** @example 20 */
                        page_size: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    restoreModuleBackup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example demo-2026-12-01T10-00-00-000Z.json */
                    backup: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operation: string;
                        module: string;
                        modules: string[];
                        duration_ms: number;
                        plan?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                        backups?: string[];
                        tables_dropped?: string[];
                        migrations?: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Conflicts with the current state (a duplicate, a record in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        report?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                    };
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    uninstallModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default false */
                    cascade?: boolean;
                    /** @default false */
                    keep_data?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operation: string;
                        module: string;
                        modules: string[];
                        duration_ms: number;
                        plan?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                        backups?: string[];
                        tables_dropped?: string[];
                        migrations?: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Conflicts with the current state (a duplicate, a record in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        report?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                    };
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    upgradeModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operation: string;
                        module: string;
                        modules: string[];
                        duration_ms: number;
                        plan?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                        backups?: string[];
                        tables_dropped?: string[];
                        migrations?: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Conflicts with the current state (a duplicate, a record in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        report?: {
                            /** @enum {string} */
                            action: "install" | "upgrade" | "uninstall" | "restore";
                            module: string;
                            valid: boolean;
                            steps: {
                                module: string;
                                version: string | null;
                                from_version: string | null;
                                /** @enum {string} */
                                reason: "requested" | "dependency" | "auto_install" | "dependent";
                                migrations: string[];
                                tables: string[];
                                permissions: string[];
                                menus: string[];
                                data: string[];
                            }[];
                            errors: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            warnings: {
                                /** @enum {string} */
                                category: "manifest" | "dependency" | "version" | "schema" | "route" | "menu" | "permission" | "data" | "state";
                                /** @enum {string} */
                                severity: "error" | "warning";
                                module: string;
                                message: string;
                            }[];
                            keep_data?: boolean;
                        };
                    };
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    uploadModule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The module as a ZIP archive: one top-level folder with fastvue.module.ts */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        module: string;
                        version: string | null;
                        path: string;
                        files: number;
                        /** @constant */
                        needs_rebuild: true;
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            title: string;
                            version: string;
                        } & {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPermissions: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                category?: string;
                is_active?: "0" | "1" | "true" | "false";
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermissionPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPermission: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PermissionCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permission"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permission"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPermissionsGrouped: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermissionCategory"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRlsAuditLogs: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                user_id?: number | string;
                entity_type?: string;
                action?: "select" | "insert" | "update" | "delete" | "all";
                access_granted?: "0" | "1" | "true" | "false";
                from_date?: string;
                to_date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsAuditLogPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRlsAuditStats: {
        parameters: {
            query?: {
                days?: number | string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsAuditStats"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    checkRlsAccess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RlsAccessCheck"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsAccessCheckResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRlsContext: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsContext"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refreshRlsContext: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsContext"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRlsPolicies: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                entity_type?: string;
                action?: "select" | "insert" | "update" | "delete" | "all";
                is_active?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsPolicyPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createRlsPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RlsPolicyCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRlsPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateRlsPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RlsPolicyUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RlsPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteRlsPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                company_id?: number | string;
                is_active?: "0" | "1" | "true" | "false";
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolePage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRoleFieldPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setRoleFieldPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FieldPermissionsUpdateInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityFieldPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    grantRolePermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
                permissionId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeRolePermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
                permissionId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    liftBan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ip: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSecurityOverview: {
        parameters: {
            query?: {
                days?: number | string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityOverview"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMySecuritySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecuritySettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateMySecuritySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecuritySettingsUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecuritySettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    reportSecurityViolation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecurityViolation"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "reported";
                    };
                };
            };
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                is_active?: "0" | "1" | "true" | "false";
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUserApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeUserApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
                keyId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    assignUserCompany: {
        parameters: {
            query: {
                company_id: number | string;
                role_id: number | string;
                is_default?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyAssignment"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUserMenuPermissions: {
        parameters: {
            query?: {
                company_id?: number | string;
            };
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserMenuPermissions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setUserMenuPermissions: {
        parameters: {
            query?: {
                company_id?: number | string;
            };
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MenuPermissionInput"][];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        success: boolean;
                        message: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    removeUserCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
                companyId: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUserRisk: {
        parameters: {
            query?: {
                days?: number | string;
            };
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRisk"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionWithDevice"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeUserSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unlockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number | string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMessageableUsers: {
        parameters: {
            query?: {
                page?: number | string;
                page_size?: number | string;
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageableUserPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchMentions: {
        parameters: {
            query?: {
                q?: string;
                limit?: number | string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserMention"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
