import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from the TypeScript schema; review it, then commit.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/platform/db/schema/index.ts',
  out: './server/platform/db/migrations',
});
