import { defineConfig } from 'drizzle-kit'

// npx drizzle-kit generate --config layers/demo/drizzle.config.ts --name <change>; write <tag>.down.sql beside it
export default defineConfig({ dialect: 'postgresql', schema: './layers/demo/server/db/schema.ts', out: './layers/demo/drizzle' })
