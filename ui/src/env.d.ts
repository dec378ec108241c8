declare const __ENGINE_ID__: string;
declare module 'plotly.js-basic-dist-min' {
  const Plotly: {
    react(el: HTMLElement, data: unknown[], layout: unknown, config?: unknown): Promise<unknown>;
    purge(el: HTMLElement): void;
    downloadImage(
      el: HTMLElement,
      opts: { format: 'png' | 'svg'; filename: string; width?: number; height?: number },
    ): Promise<string>;
    toImage(el: HTMLElement, opts: { format: 'png' | 'svg'; width?: number; height?: number }): Promise<string>;
    Plots: { resize(el: HTMLElement): void };
  };
  export default Plotly;
}
/** the scenario library as JSON, built from scenarios/ by ui/vite.config.ts */
declare module 'virtual:commsim-library' {
  const json: string;
  export default json;
}
