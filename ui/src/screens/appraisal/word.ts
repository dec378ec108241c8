/**
 * The paper for Word, loaded only when asked for (PaperPanel imports this module on demand): the .docx writer and
 * its library stay out of the app's first download.
 */
import { paperDocx, type PaperDoc } from '../../../../sim/index.ts';
import { rasteriseSvg } from './rasterise.ts';

export function wordDocument(doc: PaperDoc): Promise<Uint8Array> {
  return paperDocx(doc, { rasterise: rasteriseSvg });
}
