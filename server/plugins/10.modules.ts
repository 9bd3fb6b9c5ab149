import { coreRoutes, layers } from '#fastvue-modules'
import { bundledCatalog, setCatalog } from '../services/modules/catalog'

/** The module registry of the built server: the layers compiled into it. */
export default defineNitroPlugin(() => {
  setCatalog(bundledCatalog(layers, coreRoutes))
})
