/**
 * Text from a user (a scenario's title) as plotly shows it: plotly reads a small HTML language in names, labels
 * and hover text (`<span style=…>`, `<a href=…>`, `<br>`), so every < > & " ' becomes an entity plotly prints
 * literally. Nothing from a title then styles, links or fetches anything.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function plotText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
