/**
 * Every migration set, in the order they are applied: the platform first, then each module that has
 * tables of its own (docs/adr/0001-migrations-per-module.md). A module adds its folder here.
 */
import { type MigrationSet, PLATFORM_MIGRATIONS } from './platform/db/client.ts';

export const moduleSet = (name: string): MigrationSet => ({ name, folder: new URL(`./modules/${name}/migrations`, import.meta.url).pathname });

// Modules with tables append `moduleSet('<name>')`, after the modules they reference.
export const MIGRATION_SETS: MigrationSet[] = [PLATFORM_MIGRATIONS, moduleSet('operations'), moduleSet('workforce'), moduleSet('vetting'), moduleSet('crowd')];
