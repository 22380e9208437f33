// The name a service carries on the services map: without "Amazon " / "AWS ", and when that is still long,
// the acronym it is known by, taken from its aliases only when its letters are the name's initials in order
// (Identity and Access Management → IAM, Managed Streaming for Apache Kafka → MSK), so the map's labels stay
// short enough to be drawn big. Anything longer is cut at `max` characters, as elements.ts shortLabel does.

const PREFIX = /^(Amazon|AWS)\s+/
/** Names longer than this look for an acronym. */
export const LONG_NAME = 20

function initialsHold(acronym: string, name: string): boolean {
  const initials = name.split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('')
  let i = 0
  for (const ch of initials) if (ch === acronym[i]) i++
  return i === acronym.length
}

export function serviceMapLabel(node: { label: string; aliases?: string[] }, max = 24): string {
  const bare = node.label.replace(PREFIX, '')
  if (bare.length > LONG_NAME) {
    for (const alias of node.aliases ?? []) {
      const a = alias.replace(PREFIX, '')
      if (/^[A-Z][A-Z0-9]{1,4}$/.test(a) && /^[A-Z]+$/.test(a) && initialsHold(a, bare)) return a
    }
  }
  return bare.length <= max ? bare : `${bare.slice(0, max - 1).trimEnd()}…`
}
