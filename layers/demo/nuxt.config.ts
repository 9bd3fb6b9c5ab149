// The demo module (reference §9): a Nuxt layer; whether it is installed is database state.
export default defineNuxtConfig({})
