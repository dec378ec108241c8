/**
 * A digest of text: 128 bits as 32 hex digits, from four independent 32-bit FNV-1a streams with a murmur3
 * finaliser. Runtime-neutral and synchronous (shard files are checked in the browser and in Node alike). It tells
 * a changed or a foreign file from the original; it is not a signature (anyone can recompute it).
 */
export function digest(text: string): string {
  const seeds = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  return seeds
    .map((seed, k) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i) + k;
        h = Math.imul(h, 0x01000193);
      }
      h ^= text.length;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      return (h >>> 0).toString(16).padStart(8, '0');
    })
    .join('');
}
