// Heading slugs shared by the core (Section.id) and the renderer (anchors). No imports on purpose:
// the renderer bundles this file as is, so both sides always agree on an anchor.

/** Slug of one heading text: lower case, punctuation dropped, spaces → '-'. Never empty. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-')
  return slug || 'section'
}

/** Hands out slugs unique within one note: the second "Notes" heading becomes `notes-1`, and so on. */
export function createSlugger(): (text: string) => string {
  const seen = new Set<string>()
  return (text: string) => {
    const base = slugify(text)
    let slug = base
    for (let n = 1; seen.has(slug); n++) slug = `${base}-${n}`
    seen.add(slug)
    return slug
  }
}
