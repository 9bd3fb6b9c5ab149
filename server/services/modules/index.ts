/** The module lifecycle: one service behind the REST API, the CLI and the console. */
export { bundledCatalog, fsCatalog, moduleFromDir, setCatalog, useCatalog, type Catalog, type ModuleSource } from './catalog'
export { listBackups } from './backup'
export { backupModule, installModule, ModuleError, plan, restoreModule, rollbackModule, uninstallModule, upgradeModule } from './lifecycle'
export { bumpModulesVersion, getModule, installedModuleNames, listAllModules, listInstalledModules, listModuleMigrations, listModules, listOperations } from './registry'
export { uploadModule } from './upload'
