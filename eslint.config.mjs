// @ts-check
// eslint-flat-config-utils (from @nuxt/eslint) calls Object.groupBy, which Node 20 lacks.
if (!Object.groupBy) {
  Object.groupBy = (items, key) => {
    const out = Object.create(null)
    let i = 0
    for (const item of items) (out[key(item, i++)] ??= []).push(item)
    return out
  }
}
const { default: withNuxt } = await import('./.nuxt/eslint.config.mjs')

export default withNuxt({
  // shared/api-client/schema.d.ts is generated (npm run api:client)
  ignores: ['drizzle/**', 'bench/.tmp/**', 'docs/**', '.data/**', 'tests/.tmp/**', 'shared/api-client/schema.d.ts'],
}, {
  rules: {
    'no-console': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    '@typescript-eslint/no-explicit-any': 'off',
  },
}, {
  // Nuxt's file-based name
  files: ['error.vue'],
  rules: { 'vue/multi-word-component-names': 'off' },
})
