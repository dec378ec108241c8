/**
 * Reading YAML safely and remembering where every field came from. Hostile input (huge files, alias bombs,
 * deep nesting, duplicate keys, odd keys) becomes issues, never a hang or a foreign exception.
 */
import { parseDocument, LineCounter, isMap, isSeq, isScalar, isAlias, isPair } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ScenarioIssue } from './errors.ts';

/** Largest scenario file accepted (characters; about 1 MB). */
export const MAX_FILE_CHARS = 1_000_000;
/** Deepest nesting of mappings and lists accepted. */
export const MAX_DEPTH = 24;
/** Longest run of indentation and list markers at the start of a line. */
const MAX_INDENT = 240;

export interface Position {
  line: number;
  column: number;
}

/** Where the fields of one parsed file are: path → position of the key (or list item). */
export interface SourceMap {
  file: string;
  positions: Map<string, Position>;
}

export interface ParsedYaml {
  value: unknown;
  source: SourceMap;
  issues: ScenarioIssue[];
  /** the comment at the top of the file (the question a scenario explores), without '#' */
  comment: string;
}

export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Parent of a path, or undefined at the root. */
export function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const m = /^(.*)(\[\d+\]|\.[^.[\]]*)$/.exec(path);
  if (m) return m[1];
  return '';
}

/** The position of the longest prefix of `path` this source knows (and that prefix's length), or undefined. */
export function locateIn(source: SourceMap, path: string): { pos: Position; depth: number } | undefined {
  let p: string | undefined = path;
  while (p !== undefined) {
    const pos = source.positions.get(p);
    if (pos) return { pos, depth: p.length };
    p = parentPath(p);
  }
  return undefined;
}

export function parseYaml(text: unknown, file: string): ParsedYaml {
  const positions = new Map<string, Position>();
  const source: SourceMap = { file, positions };
  const issues: ScenarioIssue[] = [];
  const out: ParsedYaml = { value: undefined, source, issues, comment: '' };
  const fail = (line: number, column: number, path: string, message: string): void => {
    issues.push({ file, line, column, path, message });
  };
  if (typeof text !== 'string') {
    fail(0, 0, '', 'the scenario must be YAML text');
    return out;
  }
  if (text.length > MAX_FILE_CHARS) {
    fail(
      1,
      1,
      '',
      `file is ${(text.length / 1e6).toFixed(1)} MB; the limit is 1 MB. Scenario files are short: split it or remove data`,
    );
    return out;
  }
  positions.set('', { line: 1, column: 1 });
  // Cheap guard before parsing: flow collections nested absurdly deep (text inside quotes is counted too, which
  // only matters for files no one would write by hand).
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 91 || ch === 123) {
      if (++depth > MAX_DEPTH * 2) {
        const lines = text.slice(0, i).split('\n');
        fail(
          lines.length,
          lines[lines.length - 1].length + 1,
          '',
          `nested more than ${MAX_DEPTH * 2} brackets deep; scenario files are never this deep`,
        );
        return out;
      }
    } else if ((ch === 93 || ch === 125) && depth > 0) depth--;
  }
  // Block nesting shows as indentation and runs of `- `; refuse absurd prefixes before the parser recurses on them.
  {
    let lineNo = 1;
    let start = 0;
    while (start <= text.length) {
      let i = start;
      while (
        i < text.length &&
        (text[i] === ' ' || text[i] === '-' || text[i] === '\t' || text[i] === '?' || text[i] === ':')
      )
        i++;
      if (i - start > MAX_INDENT) {
        fail(
          lineNo,
          1,
          '',
          `line starts with ${i - start} characters of indentation and list markers; scenario files are never nested this deep`,
        );
        return out;
      }
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      start = nl + 1;
      lineNo++;
    }
  }
  const lc = new LineCounter();
  let doc;
  try {
    // uniqueKeys off: the parser's own check compares each key with every key before it (quadratic: a 1 MB file of
    // 118,758 keys took minutes); convert() below checks with a set, in one pass
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (e) {
    fail(1, 1, '', `could not read YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return out;
  }
  const pos = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, column: 1 };
    const lp = lc.linePos(offset);
    return { line: lp.line, column: lp.col };
  };
  const seen = new Set<string>();
  for (const err of doc.errors) {
    if (issues.length >= 10) break;
    const p = pos(err.pos?.[0]);
    const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    let message: string;
    if (/call stack/i.test(first)) message = 'nested too deeply to read; scenario files are never this deep';
    else if (err.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]{1,60}/
        .exec(text.slice(err.pos[0], err.pos[0] + 61))?.[0]
        .trim()
        .replace(/^["']|["']$/g, '');
      message = `duplicate key${key ? ` \`${key}\`` : ''}: the same field appears twice in one mapping; give each field once`;
    } else if (err.code === 'MULTIPLE_DOCS')
      message = 'the file holds more than one YAML document (---); give one scenario per file';
    else message = `YAML syntax error: ${first}`;
    if (seen.has(message)) continue;
    seen.add(message);
    fail(p.line, p.column, '', message);
  }
  if (issues.length > 0) return out;
  // The leading block of `#` lines (read from the text: yaml attaches it to the document or the first key
  // depending on blank lines).
  const lead: string[] = [];
  for (const line of text.slice(0, 5000).split('\n')) {
    const t = line.trim();
    if (t.startsWith('#')) lead.push(t.replace(/^#+\s?/, '').trim());
    else if (t === '' && lead.length === 0) continue;
    else break;
  }
  out.comment = lead.filter((l) => l !== '').join(' ');

  // Convert the tree ourselves (iteratively bounded by MAX_DEPTH) so aliases, odd keys and depth are checked
  // before any value is built.
  let tooDeep = false;
  let aliases = 0;
  const convert = (node: unknown, path: string, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (aliases++ > 0) return null;
      const p = pos((node as YamlNode).range?.[0]);
      fail(
        p.line,
        p.column,
        path,
        `YAML aliases (*${(node as { source: string }).source}) are not allowed in scenario files; write the value out`,
      );
      return null;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'bigint') return Number(v);
      return v;
    }
    if (depth >= MAX_DEPTH) {
      if (!tooDeep) {
        const p = pos((node as YamlNode).range?.[0]);
        fail(p.line, p.column, path, `nested more than ${MAX_DEPTH} levels deep; scenario files are never this deep`);
      }
      tooDeep = true;
      return null;
    }
    if (isSeq(node)) {
      const arr: unknown[] = [];
      node.items.forEach((item, i) => {
        const ip = joinPath(path, i);
        positions.set(ip, pos((item as YamlNode | null)?.range?.[0]));
        arr.push(convert(item, ip, depth + 1));
      });
      return arr;
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as unknown;
        const kp = pos((k as YamlNode | null)?.range?.[0] ?? (pair.value as YamlNode | null)?.range?.[0]);
        if (isAlias(k) || !isScalar(k) || k.value === null || typeof k.value === 'object') {
          fail(kp.line, kp.column, path, 'field names must be plain text');
          continue;
        }
        const key = String(k.value);
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
          fail(kp.line, kp.column, path, `field name \`${key}\` is not allowed`);
          continue;
        }
        if (Object.hasOwn(obj, key)) {
          fail(
            kp.line,
            kp.column,
            path,
            `duplicate key \`${key.slice(0, 60)}\`: the same field appears twice in one mapping; give each field once`,
          );
          continue;
        }
        const cp = joinPath(path, key);
        positions.set(cp, kp);
        obj[key] = convert(pair.value, cp, depth + 1);
      }
      return obj;
    }
    const p = pos((node as YamlNode).range?.[0]);
    fail(p.line, p.column, path, 'unsupported YAML value');
    return null;
  };
  try {
    out.value = convert(doc.contents, '', 0);
  } catch (e) {
    fail(1, 1, '', `could not read YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return out;
  }
  const v = out.value;
  if (issues.length === 0 && (v === null || typeof v !== 'object' || Array.isArray(v))) {
    const got =
      v === null
        ? 'an empty document'
        : Array.isArray(v)
          ? 'a list'
          : `a single value (${JSON.stringify(v)?.slice(0, 40)})`;
    fail(
      1,
      1,
      '',
      `the file must be a mapping of fields such as \`id: my-scenario\` and \`title: ...\`, but it is ${got}`,
    );
  }
  return out;
}
