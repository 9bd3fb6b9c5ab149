declare module '#api-routes' {
  const routes: { route: string, method: string, load: () => Promise<{ default: unknown }> }[]
  export default routes
}
