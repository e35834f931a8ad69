// tRPC's data transformer: superjson, except that a value marked shared — a
// live frame the hub hands to every subscriber of its community — is
// serialised once, not once per subscriber. superjson walks the whole frame
// each time; with 100 subscribers a storm of alarms made that walk the
// largest cost of a frame's delivery. What reaches the client is unchanged.
import superjson from 'superjson';

type Serialized = ReturnType<typeof superjson.serialize>;
const shared = new WeakMap<object, Serialized | null>();

/** Marks an object that will be sent as is to many subscribers; it must not change afterwards. */
export function markShared(value: object): void {
  if (!shared.has(value)) shared.set(value, null);
}

function serialize(value: unknown): Serialized {
  const cached = value !== null && typeof value === 'object' ? shared.get(value) : undefined;
  if (cached) return cached;
  const serialized = superjson.serialize(value);
  if (cached === null) shared.set(value as object, serialized);
  return serialized;
}

export const transformer = {
  input: superjson,
  output: { serialize, deserialize: superjson.deserialize.bind(superjson) },
};
