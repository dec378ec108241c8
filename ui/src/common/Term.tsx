import { GLOSSARY_BY_ID } from '../state/glossary.ts';

/** A "?" beside a word the reader may not know: a link to its entry in the glossary on the Help screen. */
export function Term({ id }: { id: string }) {
  const entry = GLOSSARY_BY_ID.get(id);
  if (!entry) throw new Error(`no glossary entry '${id}'`);
  return (
    <a className="term" href={`#help/${id}`} title={entry.plain} aria-label={`What “${entry.term}” means`}>
      ?
    </a>
  );
}
