// Reads Alibaba's official SDK `@alicloud/dm20151123` as the contract: its generated `<Action>Request` and
// `<Action>ResponseBody` models give the wire names (names()), the types (types()), and — in the generated
// TypeScript source shipped with the package — which request parameters are required and an example per field.
//
// The SDK has no runtime marker for "required" (every model's validate() only checks nested models), so the
// marker is read where the generator puts it: the line "This parameter is required." in the field's doc comment
// of src/models/<Model>.ts. The examples come from the same comments (`@example`).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as $Dm from '@alicloud/dm20151123';

export interface ModelClass {
  name: string;
  names(): Record<string, string>;
  types(): Record<string, unknown>;
}

/** A field's type as types() gives it: a scalar name, a nested model, or an array/map of those. */
export type FieldType = string | ModelClass | { type: 'array'; itemType: FieldType } | { type: 'map'; keyType: string; valueType: FieldType };

export interface FieldDoc { required: boolean; example?: string }

const MODELS_DIR = join(dirname(require.resolve('@alicloud/dm20151123/package.json')), 'src', 'models');

/** The model class the SDK exports under that name, or undefined. */
export function sdkModel(name: string): ModelClass | undefined {
  const m = ($Dm as unknown as Record<string, unknown>)[name];
  return typeof m === 'function' && typeof (m as Partial<ModelClass>).names === 'function' && typeof (m as Partial<ModelClass>).types === 'function'
    ? (m as unknown as ModelClass) : undefined;
}

export const isModel = (t: FieldType): t is ModelClass => typeof t === 'function';

let sourceIndex: Map<string, string> | undefined;

/** Class name → the source text of its file (a file may hold several classes: the nested models of a response). */
function sourceOf(className: string): string | undefined {
  if (!sourceIndex) {
    sourceIndex = new Map();
    for (const file of readdirSync(MODELS_DIR).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(MODELS_DIR, file), 'utf8');
      for (const m of text.matchAll(/^export class (\w+) extends/gm)) sourceIndex.set(m[1], text);
    }
  }
  return sourceIndex.get(className);
}

/**
 * The doc comment of each field of a model class, keyed by the property name (camelCase, as in names()).
 * Undefined when the source is not shipped (then the caller must fall back to the API reference).
 */
export function fieldDocs(model: ModelClass): Map<string, FieldDoc> | undefined {
  const text = sourceOf(model.name);
  if (!text) return undefined;
  const start = text.indexOf(`export class ${model.name} extends`);
  const bodyStart = text.indexOf('{', start) + 1;
  const end = text.indexOf('static names()', bodyStart);
  const body = text.slice(bodyStart, end);
  const docs = new Map<string, FieldDoc>();
  // Each field: an optional /** … */ comment, then `name?: type;`.
  for (const m of body.matchAll(/(?:\/\*\*([\s\S]*?)\*\/\s*)?^\s{2}(\w+)\??:/gm)) {
    const comment = (m[1] ?? '').split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).join('\n');
    const example = /@example\n([^\n]*)/.exec(comment)?.[1]?.trim();
    docs.set(m[2], { required: /This parameter is required\./.test(comment), example: example || undefined });
  }
  return docs;
}

/** Wire names of the parameters the request model marks required; undefined when the source cannot be read. */
export function requiredParams(request: ModelClass): string[] | undefined {
  const docs = fieldDocs(request);
  if (!docs) return undefined;
  const names = request.names();
  return Object.keys(names).filter((k) => docs.get(k)?.required).map((k) => names[k]);
}

/**
 * The documented example of a response, built from the `@example` of every field (recursively: a list holds one
 * example item). A field without an example gets a value of its declared type, and its path is returned in
 * `constructed` so a report can say which parts the SDK did not document.
 */
export function exampleBody(model: ModelClass, path = ''): { body: Record<string, unknown>; constructed: string[] } {
  const docs = fieldDocs(model) ?? new Map<string, FieldDoc>();
  const names = model.names();
  const types = model.types() as Record<string, FieldType>;
  const body: Record<string, unknown> = {};
  const constructed: string[] = [];
  for (const key of Object.keys(names)) {
    const wire = names[key];
    const here = path ? `${path}.${wire}` : wire;
    const value = exampleValue(types[key], docs.get(key)?.example, here, constructed);
    if (value !== undefined) body[wire] = value;
  }
  return { body, constructed };
}

function exampleValue(type: FieldType, example: string | undefined, path: string, constructed: string[]): unknown {
  if (isModel(type)) {
    const nested = exampleBody(type, path);
    constructed.push(...nested.constructed);
    return nested.body;
  }
  if (typeof type === 'object' && type.type === 'array') {
    const item = exampleValue(type.itemType, example, `${path}[0]`, constructed);
    return item === undefined ? [] : [item];
  }
  if (typeof type === 'object') {
    constructed.push(path);
    return {};
  }
  switch (type) {
    case 'number':
      if (example !== undefined && /^-?\d+(\.\d+)?$/.test(example)) return Number(example);
      constructed.push(path);
      return 1;
    case 'boolean':
      if (example === 'true' || example === 'false') return example === 'true';
      constructed.push(path);
      return true;
    case 'string':
      if (example !== undefined) return example;
      // The undocumented string fields of these models are IDs, statuses and counters, which the service sends
      // as digits (the documented ones show it: DomainId "158910", DomainStatus "0"), so a digit string it is.
      constructed.push(path);
      return '1';
    default:
      constructed.push(path);
      return undefined;
  }
}

/**
 * Is `value` acceptable for a field of this type, by the rules the SDK's own runtime applies when it reads an
 * answer (`$dara.cast` in @darabonba/typescript): a string field also takes a number or boolean, a number field a
 * string of digits, a boolean field 0/1 or "true"/"false"; a nested model needs an object, a list an array.
 * Returns the problems found, as `path: what`.
 */
export function typeProblems(type: FieldType, value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (isModel(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object, got ${kind(value)}`];
    const names = type.names();
    const types = type.types() as Record<string, FieldType>;
    return Object.keys(names).flatMap((k) => typeProblems(types[k], (value as Record<string, unknown>)[names[k]], `${path}.${names[k]}`));
  }
  if (typeof type === 'object' && type.type === 'array') {
    if (!Array.isArray(value)) return [`${path}: expected a list, got ${kind(value)}`];
    return value.flatMap((item, i) => typeProblems(type.itemType, item, `${path}[${i}]`));
  }
  if (typeof type === 'object') return typeof value === 'object' ? [] : [`${path}: expected a map, got ${kind(value)}`];
  const ok = type === 'any' || typeof value === type
    || (type === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    || (type === 'number' && typeof value === 'string' && /^[.\d]+$/.test(value) && value !== '')
    || (type === 'boolean' && (value === 0 || value === 1 || value === 'true' || value === 'false'));
  return ok ? [] : [`${path}: expected ${type}, got ${kind(value)} ${JSON.stringify(value)}`];
}

const kind = (v: unknown): string => (Array.isArray(v) ? 'list' : typeof v);

/**
 * Every field path of a model (`data.domain[].DomainId`), for checking which ones an answer carries. Lists are
 * entered through their items.
 */
export function fieldPaths(model: ModelClass, path = ''): string[] {
  const names = model.names();
  const types = model.types() as Record<string, FieldType>;
  return Object.keys(names).flatMap((k) => {
    const here = path ? `${path}.${names[k]}` : names[k];
    const t = types[k];
    if (isModel(t)) return [here, ...fieldPaths(t, here)];
    if (typeof t === 'object' && t.type === 'array' && isModel(t.itemType)) return [here, ...fieldPaths(t.itemType, `${here}[]`)];
    return [here];
  });
}

/** The values at a field path in a body (several when the path goes through a list). */
export function valuesAt(body: unknown, path: string): unknown[] {
  let values: unknown[] = [body];
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    values = values.flatMap((v) => {
      const next = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[name] : undefined;
      if (next === undefined || next === null) return [];
      return list ? (Array.isArray(next) ? next : []) : [next];
    });
  }
  return values;
}
