// Topics devices publish to: linli/<community slug>/<device code>/<kind>.
// A device may publish under its own community and code only.
import type { IngestDevice } from './directory';

export const TOPIC_ROOT = 'linli';

export function deviceTopic(slug: string, code: string, kind: string): string {
  return `${TOPIC_ROOT}/${slug}/${code}/${kind}`;
}

export type TopicCheck = { ok: true; kind: string } | { ok: false; reason: string };

export function checkTopic(topic: string, device: IngestDevice): TopicCheck {
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== TOPIC_ROOT)
    return { ok: false, reason: `topic must be ${TOPIC_ROOT}/<community>/<device>/<kind>` };
  const [, slug, code, kind] = parts as [string, string, string, string];
  if (slug !== device.communitySlug || code !== device.code) {
    return {
      ok: false,
      reason: `${device.code} may publish only under ${TOPIC_ROOT}/${device.communitySlug}/${device.code}/`,
    };
  }
  if (!/^[a-z_]{1,32}$/.test(kind)) return { ok: false, reason: 'unknown event kind in topic' };
  return { ok: true, kind };
}

/** The device code a topic names, for an external broker's messages (its ACL already checked the publisher). */
export function topicParts(topic: string): { slug: string; code: string; kind: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== TOPIC_ROOT) return null;
  return { slug: parts[1]!, code: parts[2]!, kind: parts[3]! };
}
