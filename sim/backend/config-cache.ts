/** How many distinct configs a worker keeps (the pool mirrors the same oldest-first eviction). */
export const CONFIG_CACHE = 32;
